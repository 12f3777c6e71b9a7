/**
 * A fake SSM Parameter Store for GetParameters: `Names` (1 to 10, names or ARNs) ->
 * `Parameters` (alphabetical) / `InvalidParameters` (as asked). A SecureString's value is only
 * decrypted with `WithDecryption: true`; every call's choice is recorded so tests can assert the
 * deploy never asked for decryption.
 */
import { FAKE_ACCOUNT, FakeAwsError, type FakeAws } from './server.js';

export interface FakeParameter {
  value: string;
  type?: 'String' | 'StringList' | 'SecureString';
}

export interface FakeSsmOptions {
  region?: string;
  parameters?: Record<string, FakeParameter>;
}

export class FakeSsmState {
  readonly region: string;
  readonly parameters = new Map<string, Required<FakeParameter> & { version: number }>();
  /** `WithDecryption` of every GetParameters call, in order (false when absent). */
  readonly withDecryption: boolean[] = [];

  constructor(options: FakeSsmOptions = {}) {
    this.region = options.region ?? 'ap-northeast-1';
    for (const [name, p] of Object.entries(options.parameters ?? {})) this.put(name, p);
  }

  put(name: string, p: FakeParameter): this {
    const prev = this.parameters.get(name);
    this.parameters.set(name, { value: p.value, type: p.type ?? 'SecureString', version: (prev?.version ?? 0) + 1 });
    return this;
  }

  arn(name: string): string {
    return `arn:aws:ssm:${this.region}:${FAKE_ACCOUNT}:parameter/${name.replace(/^\//, '')}`;
  }

  /** A name, or an ARN of this account and region, to the stored name. */
  private find(ref: string): string | undefined {
    if (this.parameters.has(ref)) return ref;
    const prefix = `arn:aws:ssm:${this.region}:${FAKE_ACCOUNT}:parameter/`;
    if (!ref.startsWith(prefix)) return undefined;
    const rest = ref.slice(prefix.length);
    return [`/${rest}`, rest].find((n) => this.parameters.has(n));
  }

  install(fake: FakeAws): this {
    fake.on('ssm', 'GetParameters', (input: { Names?: unknown; WithDecryption?: unknown }) => {
      const names = input.Names;
      if (!Array.isArray(names) || names.length === 0 || names.length > 10) {
        throw new FakeAwsError('ValidationException', 'Names must contain between 1 and 10 items.');
      }
      const decrypt = input.WithDecryption === true;
      this.withDecryption.push(decrypt);
      const found: Array<Record<string, unknown>> = [];
      const invalid: string[] = [];
      for (const ref of names as string[]) {
        const name = this.find(ref);
        const p = name === undefined ? undefined : this.parameters.get(name);
        if (name === undefined || !p) {
          invalid.push(ref);
          continue;
        }
        found.push({
          Name: name,
          Type: p.type,
          // Without decryption a SecureString comes back as its ciphertext, never the value.
          Value: p.type === 'SecureString' && !decrypt ? `AQICAHfakeciphertext${p.version}` : p.value,
          Version: p.version,
          ARN: this.arn(name),
          DataType: 'text',
          LastModifiedDate: 1_700_000_000,
        });
      }
      found.sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
      return { Parameters: found, InvalidParameters: invalid };
    });
    return this;
  }
}

export function installFakeSsm(fake: FakeAws, options: FakeSsmOptions = {}): FakeSsmState {
  return new FakeSsmState(options).install(fake);
}
