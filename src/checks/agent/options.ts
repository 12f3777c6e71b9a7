/**
 * Option-by-option checks against the tables in schema/: unknown and deprecated names, value types
 * and allowed values, recursively through known nested mappings.
 *
 * Types are judged the way the running agent judges them:
 * - `goType` fields are decoded by the agent's Go code (yaml.v2, strict types) before the check is
 *   scheduled: a string `min_collection_interval`, a scalar `tags` — the instance never runs
 *   (CONFIG-FACTS A0).
 * - everything else by the check's pydantic config model, which `AgentCheck` validates before the
 *   first run (datadog_checks_base `load_configuration_models`: a ValidationError becomes a
 *   ConfigurationError on every run). Pydantic's lax mode coerces "5" to 5.0 and "yes" to True, but
 *   never a number to a string, so `password: 1234` fails while `timeout: "5"` passes.
 */
import { quoteValue } from '../findings.js';
import { didYouMean } from '../suggest.js';
import { type YMap, type YNode, type YScalar, keyName } from '../yaml/ast.js';
import type { Reporter } from './reporter.js';
import { optionTable } from './schema/index.js';
import type { GoType, OptionSpec, ValueType } from './schema/types.js';
import { describe, isIndirect } from './values.js';

/** Strings pydantic accepts for a bool (compared lower-cased). */
const BOOL_STRINGS = new Set(['0', 'off', 'f', 'false', 'n', 'no', '1', 'on', 't', 'true', 'y', 'yes']);
const INT_STRING = /^\s*[-+]?\d[\d_]*\s*$/;
const FLOAT_STRING =
  /^\s*[-+]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?\s*$|^\s*[-+]?(?:inf|infinity|nan)\s*$/i;

const WANT: Record<ValueType, string> = {
  string: 'a string',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'a mapping',
};

export function typesOf(spec: OptionSpec): readonly ValueType[] {
  return typeof spec.type === 'string' ? [spec.type] : spec.type;
}

export function isNull(node: YNode | undefined): boolean {
  return node === undefined || (node.kind === 'scalar' && node.value === null);
}

/** Does pydantic (lax mode) accept this YAML value for this type? */
export function modelAccepts(node: YNode, type: ValueType): boolean {
  if (type === 'array') return node.kind === 'seq';
  if (type === 'object') return node.kind === 'map';
  if (node.kind !== 'scalar') return false;
  const v = node.value;
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return (
        typeof v === 'boolean' || v === 0 || v === 1 || (typeof v === 'string' && BOOL_STRINGS.has(v.toLowerCase()))
      );
    case 'integer':
      return (
        typeof v === 'boolean' ||
        (typeof v === 'number' && Number.isInteger(v)) ||
        (typeof v === 'string' && INT_STRING.test(v))
      );
    case 'number':
      return typeof v === 'boolean' || typeof v === 'number' || (typeof v === 'string' && FLOAT_STRING.test(v));
  }
}

/** What the agent's Go decoding rejects (yaml.v2 into int / bool / []string). */
function goProblem(node: YNode, goType: GoType): string | undefined {
  switch (goType) {
    case 'int':
      return node.kind === 'scalar' && typeof node.value === 'number' ? undefined : 'a number';
    case 'bool':
      return node.kind === 'scalar' && typeof node.value === 'boolean' ? undefined : 'true or false';
    case 'string-list':
      return node.kind === 'seq' && node.items.every((i) => i.kind === 'scalar') ? undefined : 'a list of strings';
  }
}

export interface OptionsWalk {
  r: Reporter;
  /** For messages: `instance 2`, `init_config`, `instance 2 > proxy`. */
  where: string;
}

/** Check every key of `map` against `options`. */
export function checkOptions(map: YMap, options: readonly OptionSpec[], walk: OptionsWalk): void {
  const table = optionTable(options);
  for (const pair of map.pairs) {
    if (pair.key.kind !== 'scalar') continue;
    const name = keyName(pair);
    const spec = table.byName.get(name);
    if (!spec) {
      walk.r.report(
        pair.key,
        'warning',
        'unknown-key',
        `unknown option ${quoteValue(name)} in ${walk.where}: the check ignores it${didYouMean(name, table.current)}`,
      );
      continue;
    }
    if (spec.deprecated) walk.r.report(pair.key, 'warning', 'deprecated-key', deprecatedMessage(spec, walk.where));
    checkValue(pair.value, spec, walk);
  }
}

function deprecatedMessage(spec: OptionSpec, where: string): string {
  const { replacement, note } = spec.deprecated ?? {};
  if (replacement)
    return `"${spec.name}" in ${where} is a deprecated name: use "${replacement}"${note ? ` (${note})` : ''}`;
  return `"${spec.name}" in ${where} is deprecated: ${note ?? 'remove it'}`;
}

function checkValue(node: YNode, spec: OptionSpec, walk: OptionsWalk): void {
  if (isNull(node)) return;
  const { r, where } = walk;
  const label = `"${spec.name}" in ${where}`;
  const types = typesOf(spec);
  if (spec.goType) {
    const want = goProblem(node, spec.goType);
    if (want) {
      r.report(
        node,
        'error',
        'wrong-type',
        `${label} must be ${want}, not ${describe(node, spec.secret || spec.sensitive)}: the agent does not schedule this instance${goHint(node, spec.goType)}`,
      );
      return;
    }
  }
  if (isIndirect(node)) {
    // Resolved to a string at run time: fine for scalars (pydantic coerces "5"), never a list or mapping.
    if (types.every((t) => t === 'array' || t === 'object')) {
      r.report(
        node,
        'error',
        'wrong-type',
        `${label} must be ${types.map((t) => WANT[t]).join(' or ')}: a secret or %%env_%% value is always a string`,
      );
    }
    return;
  }
  if (!spec.untyped && !types.some((t) => modelAccepts(node, t))) {
    const want = types.map((t) => WANT[t]).join(' or ');
    let hint = types.includes('string') && node.kind === 'scalar' ? '; quote it if it is meant as text' : '';
    // yes/no/on/off/y/n are booleans to the agent's YAML reader (CONFIG-FACTS A0): say so, it surprises people.
    if (node.kind === 'scalar' && typeof node.value === 'boolean' && !/^(?:true|false)$/i.test(node.text))
      hint += ' (YAML reads yes/no/on/off/y/n as booleans)';
    r.report(
      node,
      'error',
      'wrong-type',
      `${label} must be ${want}, not ${describe(node, spec.secret || spec.sensitive)}: the check rejects the instance and never runs${hint}`,
    );
    return;
  }
  if (spec.enum && node.kind === 'scalar' && typeof node.value === 'string')
    checkEnum(node as YScalar & { value: string }, spec, label, r);
  if (node.kind === 'seq') checkItems(node.items, spec, walk);
  if (node.kind === 'map' && spec.options) checkOptions(node, spec.options, { r, where: `${where} > ${spec.name}` });
}

function goHint(node: YNode, goType: GoType): string {
  if (
    goType === 'int' &&
    node.kind === 'scalar' &&
    typeof node.value === 'string' &&
    /^\s*\d+(\.\d+)?\s*$/.test(node.value)
  )
    return ` (write ${node.value.trim()} without quotes)`;
  if (goType === 'string-list' && node.kind === 'scalar') return ' (write it as a list: `- ...`)';
  return '';
}

function checkEnum(node: YScalar & { value: string }, spec: OptionSpec, label: string, r: Reporter): void {
  const allowed = spec.enum ?? [];
  const v = spec.enumIgnoreCase ? node.value.toLowerCase() : node.value;
  if (allowed.includes(v)) return;
  r.report(
    node,
    'error',
    'invalid-value',
    `${label} is "${node.value}", which is not one of ${allowed.join(', ')}${didYouMean(node.value, allowed)}`,
  );
}

function checkItems(items: readonly YNode[], spec: OptionSpec, walk: OptionsWalk): void {
  const itemType = spec.items;
  if (!itemType) return;
  items.forEach((item, i) => {
    if (isIndirect(item) && itemType !== 'object') return;
    if (!spec.untyped && !modelAccepts(item, itemType)) {
      walk.r.report(
        item,
        'error',
        'wrong-type',
        `"${spec.name}" item ${i + 1} in ${walk.where} must be ${WANT[itemType]}, not ${describe(item, spec.secret || spec.sensitive)}: the check rejects the instance and never runs`,
      );
      return;
    }
    if (spec.itemOptions && item.kind === 'map')
      checkOptions(item, spec.itemOptions, { r: walk.r, where: `${walk.where} > ${spec.name}[${i + 1}]` });
  });
}
