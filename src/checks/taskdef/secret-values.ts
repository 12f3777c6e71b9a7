/**
 * `taskdef/plain-credential`: credentials found by their value in a container's `environment`,
 * `command`, `entryPoint` and `healthCheck.command` (a URL with `user:password@`, a `--password=...` argument, a
 * credential-named variable that the name-only rules in rules.ts leave alone). Each becomes a
 * warning on the value's line and column that names the container, the variable or argument and
 * the fix, and never quotes the value: findings reach the log, annotations and the PR comment.
 *
 * The fix is `secrets`: ECS injects a secret as an environment variable from SSM or Secrets
 * Manager (ECS API `Secret`). An exec-form `command` gets no variable expansion (Docker reference,
 * "CMD": "the exec form does not invoke a command shell ... CMD [ "echo", "$HOME" ] will not do
 * variable substitution"), so an argument has to read it through a shell (`sh -c '... "$DB_PASSWORD"'`)
 * or the program's own environment variable.
 */
import { argumentCredentials, environmentCredential } from '../credentials.js';
import { type Finding, finding } from '../findings.js';
import type { SourceText } from '../source.js';
import { type YMap, type YNode, get, isMap, isScalar, isSeq } from '../yaml/ast.js';
import type { ServiceConfig } from '../../project/types.js';
import { plainSecretKind } from './rules.js';

export interface SecretValuesInput {
  source: SourceText;
  root: YMap;
  service?: ServiceConfig;
}

const CODE = 'taskdef/plain-credential';
const mapsOf = (n: YNode | undefined): YMap[] => (isSeq(n) ? n.items.filter(isMap) : []);
const strOf = (n: YNode | undefined): string | undefined =>
  isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
type At = (node: YNode, message: string) => void;

export function checkSecretValues(input: SecretValuesInput): Finding[] {
  const out: Finding[] = [];
  const at: At = (node, message) => {
    out.push(finding(input.source.file, input.source.lines.position(node.range[0]), 'warning', CODE, message));
  };
  for (const c of mapsOf(get(input.root, 'containerDefinitions'))) {
    const name = strOf(get(c, 'name'));
    const label = name ? `container "${name}"` : 'a container';
    environmentWarnings(c, label, input.service, at);
    for (const field of ['command', 'entryPoint'] as const) argumentWarnings(get(c, field), `${label} ${field}`, at);
    // `mysqladmin ping --password=...` is a common health check (ECS HealthCheck.command is an argv too).
    const health = get(c, 'healthCheck');
    if (isMap(health)) argumentWarnings(get(health, 'command'), `${label} healthCheck.command`, at);
  }
  return out;
}

/** Names that rules.ts already reports (the API key, credential-named values, a name both plain and secret). */
function reportedByName(c: YMap, service: ServiceConfig | undefined): (name: string, value: string) => boolean {
  const secretNames = new Set(mapsOf(get(c, 'secrets')).map((s) => strOf(get(s, 'name'))));
  const serviceSecrets = new Set(Object.keys(service?.secrets ?? {}));
  return (name, value) =>
    secretNames.has(name) || serviceSecrets.has(name) || plainSecretKind(name, value) !== undefined;
}

function environmentWarnings(c: YMap, label: string, service: ServiceConfig | undefined, at: At): void {
  const reported = reportedByName(c, service);
  for (const e of mapsOf(get(c, 'environment'))) {
    const name = strOf(get(e, 'name'));
    const valueNode = get(e, 'value');
    const value = strOf(valueNode);
    if (name === undefined || value === undefined || !valueNode || reported(name, value)) continue;
    const found = environmentCredential(name, value);
    if (!found) continue;
    at(
      valueNode,
      `${label}: environment ${name} holds ${found.what} in plain text; move it to "secrets" ` +
        `({"name": "${name}", "valueFrom": an SSM parameter or Secrets Manager ARN}) and delete the plain value`,
    );
  }
}

function argumentWarnings(node: YNode | undefined, where: string, at: At): void {
  if (!isSeq(node)) return;
  const args = node.items.map((n) => strOf(n) ?? '');
  for (const found of argumentCredentials(args)) {
    const arg = node.items[found.index] as YNode;
    const what = found.kind === 'url-password' ? found.what : `a credential (${found.what})`;
    at(
      arg,
      `${where}[${found.index}] passes ${what} ` +
        'in plain text; move it to "secrets" as an environment variable and read that instead ' +
        '(through a shell, e.g. "sh", "-c", "exec app --password \\"$DB_PASSWORD\\"", or the program\'s own variable)',
    );
  }
}
