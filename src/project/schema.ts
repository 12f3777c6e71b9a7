/**
 * The project file's shape, checked against the JSON Schema the package ships
 * (schema/dd-ecs-monitor.schema.json, the one editors use too). Each schema error becomes a finding
 * on the exact YAML node: its instancePath is walked down our YAML tree (which keeps source ranges),
 * a schema's `x-code` names the finding code and `errorMessage` says what is allowed.
 * What a schema cannot say (paths inside the repository, files that exist, cross references) stays
 * in load.ts.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { type Finding, finding } from '../checks/findings.js';
import type { SourceText } from '../checks/source.js';
import { didYouMean } from '../checks/suggest.js';
import { type YNode, type YPair, keyName, typeName } from '../checks/yaml/ast.js';
import { validate } from './schema-validator.generated.js';

/**
 * The schema compiled ahead of time (scripts/gen-schema-validator.mjs, run by `npm run build`; a test
 * checks it is fresh): compiling it with ajv on every start cost the CLI 130-250 ms on a busy 2-core machine.
 */
export function projectValidator(): ValidateFunction {
  return validate;
}

/** Our YAML tree as the plain value a JSON Schema validates (the last of duplicated keys wins, as loaders do). */
export function toPlain(node: YNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  return Object.fromEntries(node.pairs.map((p) => [keyName(p), toPlain(p.value)]));
}

export interface ShapeCheck {
  findings: Finding[];
  /** JSON pointers (`/images/agent/repository`) of values the schema refused: the loader skips them. */
  bad: Set<string>;
}

interface Located {
  node: YNode;
  /** The pair whose value `node` is (absent for the root). */
  pair?: YPair;
}

const pointerPart = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function locate(root: YNode, instancePath: string): Located {
  let here: Located = { node: root };
  for (const raw of instancePath.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const n = here.node;
    if (n.kind === 'map') {
      const pair = [...n.pairs].reverse().find((p) => keyName(p) === part);
      if (!pair) return here;
      here = { node: pair.value, pair };
    } else if (n.kind === 'seq') {
      const item = n.items[Number(part)];
      if (!item) return here;
      here = { node: item };
    } else return here;
  }
  return here;
}

/** `images.agent.repository` for messages. */
const dotted = (instancePath: string): string =>
  instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.') || 'the project file';

function keyPair(root: YNode, instancePath: string, key: string): YPair | undefined {
  const { node } = locate(root, instancePath);
  return node.kind === 'map' ? [...node.pairs].reverse().find((p) => keyName(p) === key) : undefined;
}

export function checkShape(root: YNode, source: SourceText): ShapeCheck {
  const validate = projectValidator();
  const out: ShapeCheck = { findings: [], bad: new Set() };
  if (validate(toPlain(root))) return out;
  for (const err of validate.errors ?? []) {
    const f = toFinding(root, source, err, out.bad);
    if (f && !out.findings.some((g) => g.line === f.line && g.column === f.column && g.code === f.code))
      out.findings.push(f);
  }
  return out;
}

type SchemaNode = {
  'x-code'?: string;
  errorMessage?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
};

function toFinding(root: YNode, source: SourceText, err: ErrorObject, bad: Set<string>): Finding | undefined {
  const at = (node: YNode, severity: Finding['severity'], code: string, message: string): Finding =>
    finding(source.file, source.lines.position(node.range[0]), severity, code, message);
  const parent = (err.parentSchema ?? {}) as SchemaNode;
  const where = dotted(err.instancePath);
  const { node, pair } = locate(root, err.instancePath);
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const p = keyPair(root, err.instancePath, key);
      const allowed = Object.keys(parent.properties ?? {});
      const what = err.instancePath === '' ? 'the project file' : where;
      return (
        p &&
        at(
          p.key,
          'warning',
          'project/unknown-key',
          `unknown key "${key}" in ${what}; it is ignored${didYouMean(key, allowed)}`,
        )
      );
    }
    case 'propertyNames': {
      const key = String(params.propertyName);
      bad.add(`${err.instancePath}/${pointerPart(key)}`);
      const p = keyPair(root, err.instancePath, key);
      const rule = (parent as { propertyNames?: SchemaNode }).propertyNames ?? {};
      return (
        p &&
        at(
          p.key,
          'error',
          rule['x-code'] ?? 'project/invalid-name',
          `${where}: "${key}" is not allowed: ${rule.errorMessage ?? err.message}`,
        )
      );
    }
    case 'required': {
      const key = String(params.missingProperty);
      const desc = parent.properties?.[key]?.description ?? '';
      const present = node.kind === 'map' ? node.pairs.map(keyName) : [];
      const what = err.instancePath === '' ? 'the project file' : where;
      return at(
        pair?.key ?? node,
        'error',
        'project/missing-key',
        `${what} needs "${key}"${desc ? `: ${desc}` : ''}${didYouMean(key, present)}`,
      );
    }
    case 'type': {
      bad.add(err.instancePath);
      const empty = node.kind === 'scalar' && node.value === null;
      const want = String(params.type)
        .split(',')
        .map((t) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`))
        .join(' or ');
      return at(
        node,
        'error',
        'project/wrong-type',
        empty ? `${where} is empty: give it a value` : `${where} must be ${want}, not ${typeName(node)}`,
      );
    }
    default: {
      // A rule inside propertyNames: reported once, by its propertyNames error (which names the key).
      if (err.propertyName !== undefined) return undefined;
      bad.add(err.instancePath);
      const value = node.kind === 'scalar' ? String(node.value) : typeName(node);
      const choices = Array.isArray(params.allowedValues) ? (params.allowedValues as unknown[]).map(String) : [];
      const hint = choices.length ? `; use ${choices.join(' or ')}${didYouMean(value, choices)}` : '';
      return at(
        node,
        'error',
        parent['x-code'] ?? 'project/invalid-value',
        `${where} "${value}": ${parent.errorMessage ?? err.message}${hint}`,
      );
    }
  }
}
