/**
 * The task definition tree against the RegisterTaskDefinition shape: unknown members (with a
 * did-you-mean), wrong types, values outside an enum, missing required members. Severity follows
 * the project rule: what the API rejects is an error; an unknown member is dropped by the SDK's
 * serializer, which is accepted but smells, so a warning.
 */
import { type Finding, finding } from '../findings.js';
import type { SourceText } from '../source.js';
import { closest, didYouMean } from '../suggest.js';
import { type YNode, getPair, keyName, typeName } from '../yaml/ast.js';
import type { Field, Fields, Shape } from './schema.js';

interface Ctx {
  source: SourceText;
  out: Finding[];
  /** Top-level members to leave alone (read-only describe fields, reported elsewhere). */
  skipTop: ReadonlySet<string>;
}

const asField = (f: Shape | Field): Field => (typeof f === 'object' && 'shape' in f ? f : { shape: f as Shape });

function at(ctx: Ctx, node: YNode, severity: Finding['severity'], code: string, message: string): void {
  ctx.out.push(finding(ctx.source.file, ctx.source.lines.position(node.range[0]), severity, code, message));
}

function describeShape(shape: Shape): string {
  if (shape === 'string') return 'a string';
  if (shape === 'int') return 'an integer';
  if (shape === 'bool') return 'true or false';
  if (shape === 'stringMap') return 'a mapping of strings';
  if (shape === 'size') return 'a size such as "512"';
  if ('enum' in shape) return `one of ${shape.enum.join(', ')}`;
  if ('obj' in shape) return 'an object';
  return 'a list';
}

function checkNode(ctx: Ctx, node: YNode, shape: Shape, path: string, depth: number): void {
  if (depth > 64) return;
  if (node.kind === 'scalar' && node.value === null) return; // YAML `key:` — absent, as the deploy treats it
  if (shape === 'string') {
    if (node.kind !== 'scalar')
      return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a string, not ${typeName(node)}`);
    if (typeof node.value !== 'string') {
      // RegisterTaskDefinition types these members as strings; the AWS CLI refuses a number or a
      // boolean there ("Invalid type for parameter"), and the SDK would send it as JSON of the wrong type.
      at(
        ctx,
        node,
        'error',
        'taskdef/expected-string',
        `${path} is ${typeName(node)}, but RegisterTaskDefinition takes a string: quote it ("${node.text}")`,
      );
    }
    return;
  }
  if (shape === 'size') {
    if (node.kind !== 'scalar' || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
      at(
        ctx,
        node,
        'error',
        'taskdef/wrong-type',
        `${path} must be a string such as "512" or "1 GB", not ${typeName(node)}`,
      );
    }
    return;
  }
  if (shape === 'int') {
    if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
      return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be an integer, not ${typeName(node)}`);
    }
    return;
  }
  if (shape === 'bool') {
    if (node.kind !== 'scalar' || typeof node.value !== 'boolean') {
      return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be true or false, not ${typeName(node)}`);
    }
    return;
  }
  if (shape === 'stringMap') {
    if (node.kind !== 'map')
      return at(
        ctx,
        node,
        'error',
        'taskdef/wrong-type',
        `${path} must be a mapping of strings, not ${typeName(node)}`,
      );
    for (const p of node.pairs) checkNode(ctx, p.value, 'string', `${path}.${keyName(p)}`, depth + 1);
    return;
  }
  if ('enum' in shape) {
    if (node.kind !== 'scalar' || typeof node.value !== 'string') {
      return at(
        ctx,
        node,
        'error',
        'taskdef/wrong-type',
        `${path} must be one of ${shape.enum.join(', ')}, not ${typeName(node)}`,
      );
    }
    if (!shape.enum.includes(node.value)) {
      const v = node.value;
      const ci = shape.enum.find((e) => e.toLowerCase() === v.toLowerCase());
      const hint = ci ?? closest(v, shape.enum);
      at(
        ctx,
        node,
        'error',
        'taskdef/invalid-value',
        `${path} "${v}" is not one of ${shape.enum.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      );
    }
    return;
  }
  if ('list' in shape) {
    if (node.kind !== 'seq')
      return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a list, not ${typeName(node)}`);
    node.items.forEach((item, i) => checkNode(ctx, item, shape.list, `${path}[${i}]`, depth + 1));
    return;
  }
  checkObject(ctx, node, shape.obj, path, depth);
}

function checkObject(ctx: Ctx, node: YNode, fields: Fields, path: string, depth = 0): void {
  if (node.kind !== 'map') {
    at(
      ctx,
      node,
      'error',
      'taskdef/wrong-type',
      `${path || 'the task definition'} must be an object, not ${typeName(node)}`,
    );
    return;
  }
  const names = Object.keys(fields);
  for (const p of node.pairs) {
    const k = keyName(p);
    if (depth === 0 && ctx.skipTop.has(k)) continue;
    const f = fields[k];
    const childPath = path ? `${path}.${k}` : k;
    if (!f) {
      at(
        ctx,
        p.key,
        'warning',
        'taskdef/unknown-key',
        `"${k}" is not a member of ${path || 'a task definition'} and is dropped when registering${didYouMean(k, names)}`,
      );
      continue;
    }
    checkNode(ctx, p.value, asField(f).shape, childPath, depth + 1);
  }
  for (const [k, f] of Object.entries(fields)) {
    const field = asField(f);
    // The last of duplicated keys is the one registered.
    const value = getPair(node, k)?.value;
    const missing = value === undefined || (value.kind === 'scalar' && value.value === null);
    if (field.required && missing) {
      at(
        ctx,
        node,
        'error',
        'taskdef/missing-field',
        `${path || 'the task definition'} needs "${k}" (${describeShape(field.shape)})`,
      );
    }
  }
}

export function checkShape(source: SourceText, root: YNode, fields: Fields, skipTop: ReadonlySet<string>): Finding[] {
  const ctx: Ctx = { source, out: [], skipTop };
  checkObject(ctx, root, fields, '');
  return ctx.out;
}
