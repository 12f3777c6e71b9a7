/**
 * The one YAML tree every checker walks: maps, sequences and already-resolved scalars, each with
 * its source range, so a finding can point at the exact key or value.
 */

export type ScalarValue = string | number | boolean | null;
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

interface Base {
  /** [start, end) offsets into the decoded text. */
  range: [number, number];
}

export interface YScalar extends Base {
  kind: 'scalar';
  value: ScalarValue;
  style: ScalarStyle;
  /** The string before type resolution (for plain scalars, the text as written). */
  text: string;
}

export interface YPair {
  key: YNode;
  /** An empty value (`key:`) is a null scalar positioned right after the colon. */
  value: YNode;
}

export interface YMap extends Base {
  kind: 'map';
  pairs: YPair[];
  flow: boolean;
}

export interface YSeq extends Base {
  kind: 'seq';
  items: YNode[];
  flow: boolean;
}

export type YNode = YScalar | YMap | YSeq;

export function isMap(n: YNode | undefined | null): n is YMap {
  return n?.kind === 'map';
}
export function isSeq(n: YNode | undefined | null): n is YSeq {
  return n?.kind === 'seq';
}
export function isScalar(n: YNode | undefined | null): n is YScalar {
  return n?.kind === 'scalar';
}

/** The key of a pair as a string, the way Go and Python map keys compare (`1` and `"1"` differ in type, not here). */
export function keyName(pair: YPair): string {
  return pair.key.kind === 'scalar' ? String(pair.key.value) : '<complex key>';
}

/** The last pair with this key (YAML loaders keep the last duplicate). */
export function getPair(map: YMap, key: string): YPair | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const p = map.pairs[i] as YPair;
    if (p.key.kind !== 'scalar') continue;
    const v = p.key.value;
    // Most keys are strings: compare them without building a new string per lookup.
    if (typeof v === 'string' ? v === key : String(v) === key) return p;
  }
  return undefined;
}

export function get(map: YMap, key: string): YNode | undefined {
  return getPair(map, key)?.value;
}

/** Set an own data property, even for a `__proto__` key (plain assignment would set the prototype). */
export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Plain JavaScript value of a node (maps become objects; last duplicate wins). Bounded: aliases are shared, not copied. */
export function toJS(node: YNode | undefined, depth = 0): unknown {
  if (!node) return undefined;
  if (depth > 200) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map((n) => toJS(n, depth + 1));
    case 'map': {
      const o: Record<string, unknown> = {};
      for (const p of node.pairs) setOwn(o, keyName(p), toJS(p.value, depth + 1));
      return o;
    }
  }
}

export function typeName(node: YNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  const v = node.value;
  if (v === null) return 'empty (null)';
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (typeof v === 'number') return `the number ${node.text}`;
  return `the string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
}
