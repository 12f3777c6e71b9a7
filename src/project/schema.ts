/**
 * The project file's shape, checked against the JSON Schema the package ships
 * (schema/dd-ecs-monitor.schema.json, the one editors use too). Each schema error becomes a finding
 * on the exact YAML node: its instancePath is walked down our YAML tree (which keeps source ranges),
 * a schema's `x-code` names the finding code and `errorMessage` says what is allowed.
 * What a schema cannot say (paths inside the repository, files that exist, cross references) stays
 * in load.ts.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { type Finding, finding, quoteValue } from '../checks/findings.js';
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

interface ErrorContext {
  err: ErrorObject;
  params: Record<string, unknown>;
  parent: SchemaNode;
  /** `images.agent.repository`, or "the project file" for the root. */
  where: string;
  here: Located;
  root: YNode;
  bad: Set<string>;
  at: (node: YNode, severity: Finding['severity'], code: string, message: string) => Finding;
}

/** Each ajv keyword as a finding: the code, the node it points at, the message. */
const BY_KEYWORD: Record<string, (c: ErrorContext) => Finding | undefined> = {
  additionalProperties: (c) => {
    const key = String(c.params.additionalProperty);
    const p = keyPair(c.root, c.err.instancePath, key);
    const hint = didYouMean(key, Object.keys(c.parent.properties ?? {}));
    return (
      p &&
      c.at(
        p.key,
        'warning',
        'project/unknown-key',
        `unknown key ${quoteValue(key)} in ${c.where}; it is ignored${hint}`,
      )
    );
  },
  propertyNames: (c) => {
    const key = String(c.params.propertyName);
    c.bad.add(`${c.err.instancePath}/${pointerPart(key)}`);
    const p = keyPair(c.root, c.err.instancePath, key);
    const rule = (c.parent as { propertyNames?: SchemaNode }).propertyNames ?? {};
    const message = `${c.where}: "${key}" is not allowed: ${rule.errorMessage ?? c.err.message}`;
    return p && c.at(p.key, 'error', rule['x-code'] ?? 'project/invalid-name', message);
  },
  required: (c) => {
    const key = String(c.params.missingProperty);
    const desc = c.parent.properties?.[key]?.description ?? '';
    const { node, pair } = c.here;
    const present = node.kind === 'map' ? node.pairs.map(keyName) : [];
    const message = `${c.where} needs "${key}"${desc ? `: ${desc}` : ''}${didYouMean(key, present)}`;
    return c.at(pair?.key ?? node, 'error', 'project/missing-key', message);
  },
  type: (c) => {
    c.bad.add(c.err.instancePath);
    const { node } = c.here;
    const want = String(c.params.type)
      .split(',')
      .map((t) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`))
      .join(' or ');
    const empty = node.kind === 'scalar' && node.value === null;
    const message = empty
      ? `${c.where} is empty: give it a value`
      : `${c.where} must be ${want}, not ${typeName(node)}`;
    return c.at(node, 'error', 'project/wrong-type', message);
  },
};

/** pattern, enum, const, minimum, ...: the schema's own code and words for what is allowed. */
function ruleFinding(c: ErrorContext): Finding | undefined {
  // A rule inside propertyNames: reported once, by its propertyNames error (which names the key).
  if (c.err.propertyName !== undefined) return undefined;
  c.bad.add(c.err.instancePath);
  const { node } = c.here;
  const value = node.kind === 'scalar' ? String(node.value) : typeName(node);
  const choices = Array.isArray(c.params.allowedValues) ? (c.params.allowedValues as unknown[]).map(String) : [];
  const hint = choices.length ? `; use ${choices.join(' or ')}${didYouMean(value, choices)}` : '';
  const message = `${c.where} "${value}": ${c.parent.errorMessage ?? c.err.message}${hint}`;
  return c.at(node, 'error', c.parent['x-code'] ?? 'project/invalid-value', message);
}

function toFinding(root: YNode, source: SourceText, err: ErrorObject, bad: Set<string>): Finding | undefined {
  const c: ErrorContext = {
    err,
    params: err.params as Record<string, unknown>,
    parent: (err.parentSchema ?? {}) as SchemaNode,
    where: dotted(err.instancePath),
    here: locate(root, err.instancePath),
    root,
    bad,
    at: (node, severity, code, message) =>
      finding(source.file, source.lines.position(node.range[0]), severity, code, message),
  };
  return (BY_KEYWORD[err.keyword] ?? ruleFinding)(c);
}
