/**
 * src/checks/taskdef/schema.ts against the AWS SDK's own RegisterTaskDefinition model, as shipped in
 * the installed `@aws-sdk/client-ecs`: its runtime schemas (`RegisterTaskDefinitionRequest$` and the
 * structures it references, exported by the package) give members, required members and value
 * kinds; its type declarations (dist-types/models/*.d.ts) name each member's enum, whose values the
 * package exports (`NetworkMode`, `TransportProtocol`, ...). An SDK bump that adds a member or an
 * enum value fails here, in CI, instead of flagging users' valid task definitions.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import * as ecs from '@aws-sdk/client-ecs';
import { type Field, type Fields, type Shape, TASK_DEFINITION } from '../../src/checks/taskdef/schema.js';

/** A smithy static schema: a number (simple type) or an array `[kind, namespace, name, traits, ...]`. */
type SdkSchema = number | unknown[] | (() => SdkSchema);

const require = createRequire(import.meta.url);
const SDK_DIR = path.dirname(path.dirname(require.resolve('@aws-sdk/client-ecs')));
const MODELS_DIR = path.join(SDK_DIR, 'dist-types', 'models');
const DECLARATIONS = readdirSync(MODELS_DIR)
  .filter((f) => /^models_\d+\.d\.ts$/.test(f))
  .map((f) => readFileSync(path.join(MODELS_DIR, f), 'utf8'))
  .join('\n');
const EXPORTS = ecs as unknown as Record<string, unknown>;

// Smithy schema encoding (@smithy/core/schema): simple types are numbers, lists of strings and
// maps of strings are modifiers on the string type 0; composites are arrays tagged 1 (list),
// 2 (map), 3 (structure), 4 (union).
const STRING = 0;
const NUMERIC = 1;
const BOOLEAN = 2;
const LIST_OF_STRING = 64;
const MAP_OF_STRING = 128;

function resolve(s: SdkSchema): number | unknown[] {
  let v: SdkSchema = s;
  while (typeof v === 'function') v = v();
  // A member with traits: `[schema, traits]` where schema is a lazy ref or a number.
  if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'function' || typeof v[0] === 'number'))
    return resolve(v[0] as SdkSchema);
  return v;
}

/** Member name -> the type name the SDK declares for it (`TransportProtocol`, `Compatibility[]`). */
function declaredTypes(structure: string): Map<string, string> {
  const m = new RegExp(`export interface ${structure} \\{([\\s\\S]*?)\\n\\}`).exec(DECLARATIONS);
  const out = new Map<string, string>();
  for (const line of (m?.[1] ?? '').split('\n')) {
    const member = /^ {4}(\w+)\??: (.+?)(?: \| undefined)?;$/.exec(line);
    if (member) out.set(member[1] as string, member[2] as string);
  }
  return out;
}

/** The SDK's values of an enum type name, when it is one. */
function enumValues(typeName: string | undefined): string[] | undefined {
  const e = typeName === undefined ? undefined : EXPORTS[typeName.replace(/\[\]$/, '')];
  if (!e || typeof e !== 'object') return undefined;
  const values = Object.values(e as Record<string, unknown>);
  return values.every((v) => typeof v === 'string') ? (values as string[]).sort() : undefined;
}

const asField = (f: Shape | Field): Field => (typeof f === 'object' && 'shape' in f ? f : { shape: f as Shape });

function compareScalar(ours: Shape, sdk: number, declared: string | undefined, at: string, diffs: string[]): void {
  const values = enumValues(declared);
  if (values) {
    if (typeof ours !== 'object' || !('enum' in ours))
      diffs.push(`${at}: the SDK's ${declared} enum, ours ${JSON.stringify(ours)}`);
    else if (JSON.stringify([...ours.enum].sort()) !== JSON.stringify(values))
      diffs.push(`${at}: enum ${JSON.stringify([...ours.enum].sort())}, the SDK's ${JSON.stringify(values)}`);
    return;
  }
  const want: Record<number, Shape[]> = {
    [STRING]: ['string', 'size'],
    [NUMERIC]: ['int'],
    [BOOLEAN]: ['bool'],
    [LIST_OF_STRING]: [{ list: 'string' }],
    [MAP_OF_STRING]: ['stringMap'],
  };
  const ok = (want[sdk] ?? []).some((w) => JSON.stringify(w) === JSON.stringify(ours));
  if (!ok) diffs.push(`${at}: ours ${JSON.stringify(ours)}, the SDK's simple type ${sdk}`);
}

function compare(
  ours: Shape,
  sdkSchema: SdkSchema,
  declared: string | undefined,
  at: string,
  diffs: string[],
  depth = 0,
): void {
  if (depth > 12) return;
  const sdk = resolve(sdkSchema);
  if (typeof sdk === 'number') {
    // A list of a simple type: the modifier plus the element's type (65: a list of numbers).
    if (sdk >= LIST_OF_STRING && sdk < MAP_OF_STRING && typeof ours === 'object' && 'list' in ours) {
      compareScalar(ours.list, sdk - LIST_OF_STRING, declared?.replace(/\[\]$/, ''), `${at}[]`, diffs);
      return;
    }
    compareScalar(ours, sdk, declared, at, diffs);
    return;
  }
  const [kind] = sdk as [number];
  if (kind === 1) {
    if (typeof ours !== 'object' || !('list' in ours)) return void diffs.push(`${at}: a list in the SDK`);
    compare(ours.list, sdk[4] as SdkSchema, declared?.replace(/\[\]$/, ''), `${at}[]`, diffs, depth + 1);
    return;
  }
  if (kind === 3 || kind === 4) {
    if (typeof ours !== 'object' || !('obj' in ours)) return void diffs.push(`${at}: a structure in the SDK`);
    compareStructure(ours.obj, sdk, at, diffs, depth);
    return;
  }
  diffs.push(`${at}: SDK schema kind ${kind} not compared`);
}

function compareStructure(ours: Fields, sdk: unknown[], at: string, diffs: string[], depth: number): void {
  const [kind, , name, , members, schemas, requiredCount] = sdk as [
    number,
    string,
    string,
    number,
    string[],
    SdkSchema[],
    number | undefined,
  ];
  const declared = declaredTypes(name);
  const oursNames = Object.keys(ours).sort();
  const missing = members.filter((m) => !(m in ours));
  const extra = oursNames.filter((m) => !members.includes(m));
  if (missing.length) diffs.push(`${at || name}: the SDK's ${name} has members schema.ts lacks: ${missing.join(', ')}`);
  if (extra.length) diffs.push(`${at || name}: schema.ts has members the SDK's ${name} lacks: ${extra.join(', ')}`);
  // Unions (4) have no required members; a structure lists its required members first.
  const required = kind === 3 ? members.slice(0, requiredCount ?? 0) : [];
  members.forEach((m, i) => {
    const f = ours[m];
    if (!f) return;
    const field = asField(f);
    const memberAt = at ? `${at}.${m}` : m;
    if (Boolean(field.required) !== required.includes(m))
      diffs.push(`${memberAt}: required ${Boolean(field.required)} in schema.ts, ${required.includes(m)} in the SDK`);
    compare(field.shape, schemas[i] as SdkSchema, declared.get(m), memberAt, diffs, depth + 1);
  });
}

describe('schema.ts matches the installed @aws-sdk/client-ecs RegisterTaskDefinition model', () => {
  test('the SDK exports what this test reads (schemas and enums)', () => {
    expect(Array.isArray(EXPORTS.RegisterTaskDefinitionRequest$)).toBe(true);
    expect(enumValues('NetworkMode')).toEqual(['awsvpc', 'bridge', 'host', 'none']);
    expect(declaredTypes('PortMapping').get('protocol')).toBe('TransportProtocol');
  });

  test('members, required members, value kinds and enum values, all the way down', () => {
    const diffs: string[] = [];
    compareStructure(
      TASK_DEFINITION,
      resolve(EXPORTS.RegisterTaskDefinitionRequest$ as SdkSchema) as unknown[],
      '',
      diffs,
      0,
    );
    expect(diffs).toEqual([]);
  });

  test('the comparison sees a drift: a member or an enum value removed from ours is reported', () => {
    const { cpu: _dropped, ...withoutCpu } = TASK_DEFINITION;
    const diffs: string[] = [];
    compareStructure(
      { ...withoutCpu, networkMode: { enum: ['awsvpc'] } },
      resolve(EXPORTS.RegisterTaskDefinitionRequest$ as SdkSchema) as unknown[],
      '',
      diffs,
      0,
    );
    expect(diffs).toEqual(
      expect.arrayContaining([expect.stringMatching(/lacks: cpu$/), expect.stringMatching(/^networkMode: enum/)]),
    );
  });
});
