/**
 * Normalise a task definition so that "what we would register" and "what DescribeTaskDefinition
 * returns for it" compare equal. ECS fills defaults and reorders on the way in; the same rules as
 * Terraform's ECS equivalence check (hashicorp/terraform-provider-aws
 * internal/service/ecs/task_definition_equivalency.go: containers, environment and secrets sorted
 * by name; `essential` defaults to true; hostPort 0 dropped, hostPort = containerPort under awsvpc),
 * plus what describe output shows for unset members: `cpu: 0`, empty lists (`mountPoints`,
 * `volumesFrom`, `volumes`, `placementConstraints`, ...), `protocol: "tcp"`, health check
 * interval 30 / timeout 5 / retries 3, and task-level `cpu` / `memory` as strings.
 */
import { READ_ONLY_FIELDS, REGISTER_FIELDS } from './fields.js';
import { asArray, isRecord, str, withoutNulls, type JsonObject } from './json.js';

const FALSE_DEFAULTS = ['privileged', 'readonlyRootFilesystem', 'interactive', 'pseudoTerminal', 'disableNetworking'];

export function normalizeTaskDefinition(td: unknown): JsonObject {
  const src = withoutNulls(td);
  const out: JsonObject = {};
  if (!isRecord(src)) return out;
  for (const [k, v] of Object.entries(src)) {
    if (REGISTER_FIELDS.includes(k) && !READ_ONLY_FIELDS.includes(k)) out[k] = v;
  }
  for (const k of ['cpu', 'memory'] as const) if (typeof out[k] === 'number') out[k] = String(out[k]);
  // ECS's default network mode on Linux is bridge; describe output names it.
  if (out.networkMode === undefined) out.networkMode = 'bridge';
  if (out.enableFaultInjection === false) delete out.enableFaultInjection;
  const awsvpc = out.networkMode === 'awsvpc' || out.networkMode === 'host';

  out.containerDefinitions = byName(asArray(out.containerDefinitions).map((c) => normalizeContainer(c, awsvpc)));
  out.volumes = byName(asArray(out.volumes));
  out.requiresCompatibilities = asArray(out.requiresCompatibilities).map(String).sort();
  out.tags = asArray(out.tags)
    .filter(isRecord)
    .sort((a, b) => cmp(str(a.key), str(b.key)));
  return dropEmpty(out) as JsonObject;
}

function normalizeContainer(c: unknown, hostPortIsContainerPort: boolean): unknown {
  if (!isRecord(c)) return c;
  const o: JsonObject = { ...c };
  if (o.essential === undefined) o.essential = true;
  for (const k of ['cpu', 'memory', 'memoryReservation'] as const) {
    if (typeof o[k] === 'string' && /^\d+$/.test(o[k])) o[k] = Number(o[k]);
  }
  if (o.cpu === 0) delete o.cpu;
  for (const k of FALSE_DEFAULTS) if (o[k] === false) delete o[k];
  o.portMappings = asArray(o.portMappings).map((p) => {
    if (!isRecord(p)) return p;
    const m: JsonObject = { ...p };
    if (m.protocol === undefined) m.protocol = 'tcp';
    if (m.hostPort === 0 || (hostPortIsContainerPort && m.hostPort === m.containerPort)) delete m.hostPort;
    return m;
  });
  // An environment entry without a value is registered as an empty string.
  o.environment = byName(
    asArray(o.environment).map((e) => (isRecord(e) && e.value === undefined ? { ...e, value: '' } : e)),
  );
  o.secrets = byName(asArray(o.secrets));
  o.ulimits = byName(asArray(o.ulimits));
  if (isRecord(o.healthCheck)) o.healthCheck = { interval: 30, timeout: 5, retries: 3, ...o.healthCheck };
  return o;
}

function byName(list: unknown[]): unknown[] {
  return [...list].sort((a, b) => cmp(isRecord(a) ? str(a.name) : undefined, isRecord(b) ? str(b.name) : undefined));
}

function cmp(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Drop empty lists, empty objects and empty strings, except an environment entry's value. */
function dropEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => dropEmpty(x)).filter((x) => !isEmpty(x));
  if (isRecord(v)) {
    const envEntry = typeof v.name === 'string' && 'value' in v && Object.keys(v).length === 2;
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) {
      const y = dropEmpty(x);
      if (!isEmpty(y) || (envEntry && k === 'value')) out[k] = y;
    }
    return out;
  }
  return v;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isRecord(v)) return Object.keys(v).length === 0;
  return false;
}
