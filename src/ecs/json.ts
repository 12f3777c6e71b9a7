/**
 * Plain-JSON helpers shared by render, normalize, compare and diff. Task definitions travel as
 * plain data (parsed template, SDK output), so these work on `unknown` and never trust shapes.
 */

export type JsonObject = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Task definitions are a handful of levels deep; anything past this is not one (and would blow the stack). */
export const MAX_DEPTH = 64;

export class TooDeepError extends Error {
  constructor() {
    super(`nested more than ${MAX_DEPTH} levels deep`);
  }
}

/** A deep copy that drops `null`/`undefined` members (pasted console output is full of `"x": null`). */
export function withoutNulls(v: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new TooDeepError();
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map((x) => withoutNulls(x, depth + 1));
  if (v instanceof Date) return v.toISOString();
  if (isRecord(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null || x === undefined) continue;
      out[k] = withoutNulls(x, depth + 1);
    }
    return out;
  }
  return v;
}

/** JSON with object keys sorted at every level: equal data gives equal text, whatever the key order. */
export function canonicalJson(v: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(v), null, indent);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isRecord(v)) {
    const out: JsonObject = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
