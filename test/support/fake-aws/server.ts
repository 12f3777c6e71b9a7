/**
 * A fake AWS endpoint on 127.0.0.1 that speaks the real wire protocols, so the real SDK v3 clients
 * are exercised over HTTP: ECS, ECR and SSM are awsJson1_1 POSTs routed by `X-Amz-Target`; STS is
 * the query protocol (form body, XML answer). Services plug in handlers; the server records every
 * call and can inject faults. Test code only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Service = 'ecs' | 'ecr' | 'ssm' | 'sts';

const TARGET_PREFIX: Record<string, Service> = {
  AmazonEC2ContainerServiceV20141113: 'ecs',
  AmazonEC2ContainerRegistry_V20150921: 'ecr',
  AmazonSSM: 'ssm',
};

/** An AWS error: `code` is the exception name the SDK maps (`ThrottlingException`, `ParameterNotFound`, ...). */
export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

// Handlers receive the decoded JSON input; the wire shapes are AWS's, untyped on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (input: any) => unknown | Promise<unknown>;

export interface Call {
  service: Service;
  operation: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  input: any;
  /** 1 for the SDK's first attempt, 2+ for its retries (from the `amz-sdk-request` header). */
  attempt: number;
  /** The error code answered, if any. */
  error?: string;
}

export interface Fault {
  service?: Service;
  operation?: string;
  /** `throttle`: 400 ThrottlingException; `server`: 500 InternalFailure; or any error code. */
  kind: 'throttle' | 'server' | { code: string; message: string; status?: number };
  /** Only an SDK call's first attempt (its retries succeed). */
  firstAttemptOnly?: boolean;
  /** How many times it fires; unlimited when absent. */
  times?: number;
  /** Fires only while this holds (e.g. "after the first UpdateService"): an outage that starts mid-run. */
  when?: () => boolean;
}

export const FAKE_ACCOUNT = '123456789012';
export const FAKE_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-access-key-not-real',
};

export class FakeAws {
  readonly calls: Call[] = [];
  private readonly handlers = new Map<string, Handler>();
  private faults: Array<Fault & { fired: number }> = [];
  private server: Server | undefined;
  url = '';

  on(service: Service, operation: string, handler: Handler): this {
    this.handlers.set(`${service}.${operation}`, handler);
    return this;
  }

  inject(fault: Fault): this {
    this.faults.push({ ...fault, fired: 0 });
    return this;
  }

  clearFaults(): void {
    this.faults = [];
  }

  count(service: Service, operation?: string): number {
    return this.calls.filter((c) => c.service === service && (!operation || c.operation === operation) && !c.error)
      .length;
  }

  callsTo(service: Service, operation: string): Call[] {
    return this.calls.filter((c) => c.service === service && c.operation === operation && !c.error);
  }

  resetCalls(): void {
    this.calls.length = 0;
  }

  /** Environment for a process (or `process.env`) so the SDK reaches this endpoint with fake credentials. */
  env(region = 'ap-northeast-1'): Record<string, string> {
    return {
      AWS_ENDPOINT_URL: this.url,
      AWS_REGION: region,
      ...FAKE_CREDENTIALS,
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private takeFault(service: Service, operation: string, attempt: number): Fault | undefined {
    for (const f of this.faults) {
      if (f.service && f.service !== service) continue;
      if (f.operation && f.operation !== operation) continue;
      if (f.firstAttemptOnly && attempt !== 1) continue;
      if (f.times !== undefined && f.fired >= f.times) continue;
      if (f.when && !f.when()) continue;
      f.fired += 1;
      return f;
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1);
    const target = String(req.headers['x-amz-target'] ?? '');
    let service: Service;
    let operation: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let input: any;
    if (target) {
      const [prefix, op] = target.split('.');
      const svc = prefix ? TARGET_PREFIX[prefix] : undefined;
      if (!svc || !op)
        return this.send(res, 'ecs', 400, { code: 'UnknownOperationException', message: `unknown target ${target}` });
      service = svc;
      operation = op;
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        return this.send(res, service, 400, { code: 'SerializationException', message: 'bad JSON' });
      }
    } else {
      const form = new URLSearchParams(body);
      service = 'sts';
      operation = form.get('Action') ?? '';
      input = Object.fromEntries(form.entries());
    }
    const call: Call = { service, operation, input, attempt };
    this.calls.push(call);
    const fault = this.takeFault(service, operation, attempt);
    if (fault) {
      const e =
        fault.kind === 'throttle'
          ? { code: service === 'sts' ? 'Throttling' : 'ThrottlingException', message: 'Rate exceeded', status: 400 }
          : fault.kind === 'server'
            ? { code: 'InternalFailure', message: 'injected server error', status: 500 }
            : { status: 400, ...fault.kind };
      call.error = e.code;
      return this.send(res, service, e.status, e);
    }
    const handler = this.handlers.get(`${service}.${operation}`);
    if (!handler) {
      call.error = 'UnknownOperationException';
      return this.send(res, service, 400, {
        code: 'UnknownOperationException',
        message: `fake AWS has no ${service}.${operation}`,
      });
    }
    try {
      const out = await handler(input);
      return this.send(res, service, 200, undefined, operation, out);
    } catch (err) {
      if (err instanceof FakeAwsError) {
        call.error = err.code;
        return this.send(res, service, err.status, { code: err.code, message: err.message });
      }
      call.error = 'InternalFailure';
      return this.send(res, service, 500, { code: 'InternalFailure', message: String(err) });
    }
  }

  private send(
    res: ServerResponse,
    service: Service,
    status: number,
    error?: { code: string; message: string },
    operation?: string,
    output?: unknown,
  ): void {
    const requestId = `fake-${this.calls.length}`;
    if (service === 'sts') {
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      if (error) {
        res.end(
          `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${xml(error.code)}</Code><Message>${xml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
        );
      } else {
        res.end(
          `<${operation}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${operation}Result>${toXml(output)}</${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`,
        );
      }
      return;
    }
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': requestId,
      ...(error ? { 'x-amzn-errortype': error.code } : {}),
    });
    res.end(JSON.stringify(error ? { __type: error.code, message: error.message } : (output ?? {})));
  }
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function toXml(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return xml(String(v));
  return Object.entries(v as Record<string, unknown>)
    .map(([k, val]) => `<${k}>${toXml(val)}</${k}>`)
    .join('');
}
