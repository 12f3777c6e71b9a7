/**
 * Values that must never reach a log line or a diff: plain `environment` values whose name looks
 * like a credential (`DD_API_KEY`, `MYSQL_PASSWORD`, ...), and log-driver / FireLens options or
 * Docker labels named that way (the Datadog FireLens output takes `apikey` as an option).
 * Over-masking is cheap; a leaked key is not.
 */
import { asArray, isRecord, str, type JsonObject } from './json.js';

const SENSITIVE_NAME = /KEY|PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|CREDENTIAL|PRIVATE|AUTH/i;

export const MASK = '***';
export const MASK_CHANGED = '*** (changed)';

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

interface SensitiveLeaf {
  /** A logical path: containers and env entries by name, not index, so both sides line up. */
  path: string;
  value: string;
  set(v: string): void;
}

function leaves(td: JsonObject): SensitiveLeaf[] {
  const out: SensitiveLeaf[] = [];
  const containers = asArray(td.containerDefinitions).filter(isRecord);
  for (const c of containers) {
    const cpath = `containers[${str(c.name) ?? '?'}]`;
    for (const e of asArray(c.environment).filter(isRecord)) {
      const name = str(e.name);
      const value = str(e.value);
      if (name && value !== undefined && isSensitiveName(name)) {
        out.push({ path: `${cpath}.environment[${name}]`, value, set: (v) => (e.value = v) });
      }
    }
    const maps: Array<[string, unknown]> = [
      ['dockerLabels', c.dockerLabels],
      ['logConfiguration.options', isRecord(c.logConfiguration) ? c.logConfiguration.options : undefined],
      ['firelensConfiguration.options', isRecord(c.firelensConfiguration) ? c.firelensConfiguration.options : undefined],
    ];
    for (const [where, m] of maps) {
      if (!isRecord(m)) continue;
      for (const [k, v] of Object.entries(m)) {
        if (typeof v === 'string' && isSensitiveName(k)) out.push({ path: `${cpath}.${where}.${k}`, value: v, set: (x) => (m[k] = x) });
      }
    }
  }
  return out;
}

/** Every sensitive plain value in a task definition (to register with `Log.mask`). */
export function sensitiveValues(td: JsonObject): string[] {
  return [...new Set(leaves(td).map((l) => l.value).filter((v) => v.length > 0))];
}

/**
 * Masked deep copies of both sides of a diff. The new side says `*** (changed)` where its value
 * differs from the old one at the same logical place, so a changed credential still shows up as a
 * change without showing either value.
 */
export function maskPair(before: JsonObject | undefined, after: JsonObject): { before: JsonObject | undefined; after: JsonObject } {
  const b = before ? (structuredClone(before) as JsonObject) : undefined;
  const a = structuredClone(after) as JsonObject;
  const old = new Map<string, string>();
  if (b) {
    for (const l of leaves(b)) {
      old.set(l.path, l.value);
      l.set(MASK);
    }
  }
  for (const l of leaves(a)) l.set(old.get(l.path) === l.value ? MASK : MASK_CHANGED);
  return { before: b, after: a };
}

/** A masked deep copy of one task definition: every sensitive plain value reads `***` (plan JSON, reports). */
export function maskTaskDefinition<T extends object>(td: T): T {
  const copy = structuredClone(td);
  for (const l of leaves(copy as unknown as JsonObject)) l.set(MASK);
  return copy;
}
