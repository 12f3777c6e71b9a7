/**
 * Render: a task definition template (JSON/YAML parsed by the caller, pasted describe output
 * welcome) plus built image digests, secrets and environment -> a RegisterTaskDefinition input.
 * Pure: no AWS, no files. Problems come back as data; an error leaves `input` undefined.
 */
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { didYouMean } from '../checks/suggest.js';
import type { Severity } from '../checks/findings.js';
import { classifySecretRef, ssmParameterArn } from './arn.js';
import { READ_ONLY_FIELDS, REGISTER_FIELDS } from './fields.js';
import { asArray, isRecord, str, TooDeepError, withoutNulls, type JsonObject } from './json.js';

export interface RenderInput {
  /** The parsed template: a task definition, or `aws ecs describe-task-definition` output. */
  template: unknown;
  /** Container name -> image reference pinned by digest (`<registry>/<repo>@sha256:<64 hex>`). */
  containers: Record<string, string>;
  /** Env name -> SSM parameter name (`/datadog/apikey`), SSM ARN or Secrets Manager ARN. */
  secrets?: Record<string, string>;
  /** Env name -> plain value. */
  environment?: Record<string, string>;
  /** Which containers get `secrets` and `environment`; default: the containers in `containers`. */
  secretsTo?: string[];
  region: string;
  /** From STS GetCallerIdentity; used to turn SSM names into full ARNs. */
  accountId: string;
}

export interface RenderProblem {
  severity: Severity;
  /** Stable code, `render/<rule>`. */
  code: string;
  message: string;
  /** JSON pointer into the template (`/containerDefinitions/1/image`) so a caller can locate a line. */
  pointer: string;
}

export interface RenderResult {
  /** Undefined when any problem is an error. */
  input: RegisterTaskDefinitionCommandInput | undefined;
  problems: RenderProblem[];
}

const DIGEST_REF = /^[^\s@]+@sha256:[0-9a-f]{64}$/;
const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;

export function renderTaskDefinition(opts: RenderInput): RenderResult {
  const problems: RenderProblem[] = [];
  const add = (severity: Severity, code: string, pointer: string, message: string): void => {
    problems.push({ severity, code, pointer, message });
  };
  let td: JsonObject | undefined;
  try {
    td = unwrap(withoutNulls(opts.template));
  } catch (err) {
    if (!(err instanceof TooDeepError)) throw err;
    add(
      'error',
      'render/invalid-template',
      '',
      `the task definition template is ${err.message}; a task definition is a few levels deep`,
    );
    return { input: undefined, problems };
  }
  if (!td) {
    add(
      'error',
      'render/invalid-template',
      '',
      'the task definition template is not a JSON/YAML object; write {"family": ..., "containerDefinitions": [...]}',
    );
    return { input: undefined, problems };
  }

  const out: JsonObject = {};
  for (const [k, v] of Object.entries(td)) {
    if (READ_ONLY_FIELDS.includes(k)) {
      add(
        'notice',
        'render/read-only-field',
        `/${k}`,
        `"${k}" is returned by DescribeTaskDefinition but not accepted by RegisterTaskDefinition; it is ignored (you can delete it)`,
      );
    } else if (!REGISTER_FIELDS.includes(k)) {
      add(
        'warning',
        'render/unknown-field',
        `/${k}`,
        `"${k}" is not a task definition field and is ignored${didYouMean(k, REGISTER_FIELDS)}`,
      );
    } else {
      out[k] = v;
    }
  }

  if (typeof out.family !== 'string' || !FAMILY.test(out.family)) {
    add(
      'error',
      'render/invalid-template',
      '/family',
      'the template needs "family": up to 255 letters, digits, "_" and "-"',
    );
  }
  const containers = Array.isArray(out.containerDefinitions) ? out.containerDefinitions : undefined;
  if (!containers || containers.length === 0) {
    add(
      'error',
      'render/invalid-template',
      '/containerDefinitions',
      'the template needs a non-empty "containerDefinitions" list',
    );
    return { input: undefined, problems };
  }
  containers.forEach((c, i) => {
    if (!isRecord(c) || typeof c.name !== 'string' || c.name === '') {
      add(
        'error',
        'render/invalid-template',
        `/containerDefinitions/${i}`,
        `container definition #${i + 1} needs a "name"`,
      );
    }
  });
  if (problems.some((p) => p.severity === 'error')) return { input: undefined, problems };
  const defs = containers as JsonObject[];

  // RegisterTaskDefinition's task-level cpu and memory are strings ("256", "0.25 vCPU"); YAML gives numbers.
  for (const k of ['cpu', 'memory'] as const) if (typeof out[k] === 'number') out[k] = String(out[k]);

  const byName = new Map(defs.map((c, i) => [c.name as string, { c, i }]));
  const names = [...byName.keys()];
  const unknown = (name: string, what: string): void => {
    add(
      'error',
      'render/unknown-container',
      '/containerDefinitions',
      `${what} names container "${name}", but the template's containers are ${names.map((n) => `"${n}"`).join(', ')}${didYouMean(name, names)}`,
    );
  };

  for (const [name, ref] of Object.entries(opts.containers)) {
    const hit = byName.get(name);
    if (!hit) {
      unknown(name, 'the image mapping');
      continue;
    }
    if (!DIGEST_REF.test(ref)) {
      add(
        'error',
        'render/image-not-pinned',
        `/containerDefinitions/${hit.i}/image`,
        `the image for container "${name}" must be pinned by digest (<repository>@sha256:<64 hex>), not "${ref}"`,
      );
      continue;
    }
    hit.c.image = ref;
  }

  const targets = opts.secretsTo ?? Object.keys(opts.containers);
  const secrets: Array<{ name: string; valueFrom: string }> = [];
  for (const [name, ref] of Object.entries(opts.secrets ?? {})) {
    const k = classifySecretRef(ref);
    if (k.kind === 'invalid') {
      add(
        'error',
        'render/invalid-secret-ref',
        '/containerDefinitions',
        `secret ${name}: "${ref}" is not usable as valueFrom: ${k.why}`,
      );
    } else {
      secrets.push({
        name,
        valueFrom: k.kind === 'ssm-name' ? ssmParameterArn(k.name, opts.region, opts.accountId) : k.arn,
      });
    }
  }
  const env = Object.entries(opts.environment ?? {}).map(([name, value]) => ({ name, value }));

  if (targets.length === 0 && (secrets.length > 0 || env.length > 0)) {
    add(
      'error',
      'render/no-target-container',
      '/containerDefinitions',
      'secrets and environment go only to the containers that run an image built here, and this service maps none: ' +
        'map one in the project file (services.<key>.containers: {CONTAINER: IMAGE_KEY})',
    );
  }
  for (const name of targets) {
    const hit = byName.get(name);
    if (!hit) {
      if (opts.secretsTo) unknown(name, 'secretsTo');
      continue;
    }
    if (secrets.length) hit.c.secrets = mergeByName(asArray(hit.c.secrets), secrets, 'valueFrom');
    if (env.length) hit.c.environment = mergeByName(asArray(hit.c.environment), env, 'value');
  }

  // A name set both ways is ambiguous at best and a plaintext credential at worst.
  defs.forEach((c, i) => {
    const secretNames = new Set(
      asArray(c.secrets)
        .filter(isRecord)
        .map((s) => str(s.name)),
    );
    for (const e of asArray(c.environment).filter(isRecord)) {
      const n = str(e.name);
      if (n && secretNames.has(n)) {
        add(
          'error',
          'render/secret-and-environment',
          `/containerDefinitions/${i}/environment`,
          `container "${c.name as string}" sets ${n} both in "environment" and in "secrets"; remove the plain value`,
        );
      }
    }
  });

  if (problems.some((p) => p.severity === 'error')) return { input: undefined, problems };
  return { input: out as unknown as RegisterTaskDefinitionCommandInput, problems };
}

/** `aws ecs describe-task-definition` prints `{"taskDefinition": {...}, "tags": [...]}`: take the inside. */
function unwrap(t: unknown): JsonObject | undefined {
  if (!isRecord(t)) return undefined;
  if (isRecord(t.taskDefinition) && !('containerDefinitions' in t)) {
    const inner = { ...t.taskDefinition };
    if (Array.isArray(t.tags) && t.tags.length > 0 && !('tags' in inner)) inner.tags = t.tags;
    return inner;
  }
  return { ...t };
}

/** Existing entries keep their place and get the new value; new names are appended in the given order. */
function mergeByName(
  existing: unknown[],
  add: Array<{ name: string } & Record<string, string>>,
  valueKey: string,
): unknown[] {
  const out = existing.map((e) => (isRecord(e) ? { ...e } : e));
  for (const a of add) {
    const hit = out.find((e) => isRecord(e) && e.name === a.name) as JsonObject | undefined;
    if (hit) {
      for (const k of Object.keys(hit)) if (k !== 'name') delete hit[k];
      hit[valueKey] = a[valueKey];
    } else out.push({ ...a });
  }
  return out;
}
