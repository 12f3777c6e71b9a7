/**
 * Values that must never reach a log line or a diff: plain `environment` values whose name looks
 * like a credential (`DD_API_KEY`, `MYSQL_PASSWORD`, ...) or that carry one (a URL with
 * `user:password@`), `command` / `entryPoint` / `healthCheck.command` arguments that pass one (`--password=...`), and
 * log-driver / FireLens options or Docker labels named that way (the Datadog FireLens output takes
 * `apikey` as an option). Over-masking is cheap; a leaked key is not. But plain settings (`true`,
 * `30`, a path, a `$VAR` reference) are never masked, and only values of MIN_LOG_MASK_LENGTH or
 * more go to the log mask: see src/checks/credentials.ts for the rule.
 */
import { argumentCredentials, environmentCredential, isLogMaskable, isPlainSetting } from '../checks/credentials.js';
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
  /** The whole value as written. */
  value: string;
  /** The secret parts of it (the whole value for a credential-named one). */
  secrets: string[];
  /** Writes the value back with its secret parts replaced by `mask`. */
  set(mask: string): void;
}

/** A credential-named value, or the passwords of the URLs in it; undefined when it holds none. */
function namedOrUrl(name: string, value: string, write: (v: string) => void): Omit<SensitiveLeaf, 'path'> | undefined {
  const found = environmentCredential(name, value);
  if (found) return { value, secrets: [found.secret], set: (m) => write(found.masked(m)) };
  if (!isSensitiveName(name) || isPlainSetting(value)) return undefined;
  return { value, secrets: [value], set: write };
}

function environmentLeaves(c: JsonObject, cpath: string): SensitiveLeaf[] {
  const out: SensitiveLeaf[] = [];
  for (const e of asArray(c.environment).filter(isRecord)) {
    const name = str(e.name);
    const value = str(e.value);
    if (!name || value === undefined) continue;
    const leaf = namedOrUrl(name, value, (v) => (e.value = v));
    if (leaf) out.push({ path: `${cpath}.environment[${name}]`, ...leaf });
  }
  return out;
}

function argumentLeaves(c: JsonObject, cpath: string): SensitiveLeaf[] {
  const out: SensitiveLeaf[] = [];
  const health = isRecord(c.healthCheck) ? c.healthCheck.command : undefined;
  const lists: Array<[string, unknown]> = [
    ['command', c.command],
    ['entryPoint', c.entryPoint],
    ['healthCheck.command', health],
  ];
  for (const [field, list] of lists) {
    if (!Array.isArray(list)) continue;
    const args = list.map((a) => (typeof a === 'string' ? a : ''));
    for (const found of argumentCredentials(args)) {
      const value = args[found.index] as string;
      const set = (m: string): void => void (list[found.index] = found.masked(m));
      out.push({ path: `${cpath}.${field}[${found.index}]`, value, secrets: found.secrets, set });
    }
  }
  return out;
}

function optionLeaves(c: JsonObject, cpath: string): SensitiveLeaf[] {
  const out: SensitiveLeaf[] = [];
  const maps: Array<[string, unknown]> = [
    ['dockerLabels', c.dockerLabels],
    ['logConfiguration.options', isRecord(c.logConfiguration) ? c.logConfiguration.options : undefined],
    ['firelensConfiguration.options', isRecord(c.firelensConfiguration) ? c.firelensConfiguration.options : undefined],
  ];
  for (const [where, m] of maps) {
    if (!isRecord(m)) continue;
    for (const [k, v] of Object.entries(m)) {
      const leaf = typeof v === 'string' ? namedOrUrl(k, v, (x) => (m[k] = x)) : undefined;
      if (leaf) out.push({ path: `${cpath}.${where}.${k}`, ...leaf });
    }
  }
  return out;
}

function leaves(td: JsonObject): SensitiveLeaf[] {
  return asArray(td.containerDefinitions)
    .filter(isRecord)
    .flatMap((c) => {
      const cpath = `containers[${str(c.name) ?? '?'}]`;
      return [...environmentLeaves(c, cpath), ...argumentLeaves(c, cpath), ...optionLeaves(c, cpath)];
    });
}

/**
 * Every sensitive plain value in a task definition, and its secret parts, to register with
 * `Log.mask`; values too short or too ordinary to mask across a whole log are left out.
 */
export function sensitiveValues(td: JsonObject): string[] {
  const all = leaves(td).flatMap((l) => [l.value, ...l.secrets]);
  return [...new Set(all.filter(isLogMaskable))];
}

/**
 * Masked deep copies of both sides of a diff. The new side says `*** (changed)` where its value
 * differs from the old one at the same logical place, so a changed credential still shows up as a
 * change without showing either value.
 */
export function maskPair(
  before: JsonObject | undefined,
  after: JsonObject,
): { before: JsonObject | undefined; after: JsonObject } {
  const b = before ? (structuredClone(before) as JsonObject) : undefined;
  const a = structuredClone(after) as JsonObject;
  const old = new Map<string, string>();
  const key = (l: SensitiveLeaf): string => JSON.stringify(l.secrets);
  if (b) {
    for (const l of leaves(b)) {
      old.set(l.path, key(l));
      l.set(MASK);
    }
  }
  for (const l of leaves(a)) l.set(old.get(l.path) === key(l) ? MASK : MASK_CHANGED);
  return { before: b, after: a };
}

/** A masked deep copy of one task definition: every sensitive plain value reads `***` (plan JSON, reports). */
export function maskTaskDefinition<T extends object>(td: T): T {
  const copy = structuredClone(td);
  for (const l of leaves(copy as unknown as JsonObject)) l.set(MASK);
  return copy;
}
