/**
 * Plain-scalar typing. Two flavours:
 * - `agent`: what the Datadog Agent's check sees. The agent decodes conf.d with Go's
 *   gopkg.in/yaml.v2 and the check re-reads a re-marshalled copy with PyYAML (CONFIG-FACTS A0,
 *   measured): `yes/no/on/off/y/n` are booleans, `0777` and `0o777` are 511, `1_000` is 1000,
 *   `1.0` and `1e3` arrive as integers, `1:30` and dates stay strings.
 * - `core`: YAML 1.2 core schema (our own project file, task definitions in YAML).
 */
import type { ScalarValue } from './ast.js';

export type Flavor = 'agent' | 'core';

const V2_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const V2_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

const V2_INT = /^[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/;
const V2_FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

function v2Int(s: string): number | undefined {
  if (!V2_INT.test(s)) return undefined;
  let t = s.replace(/_/g, '');
  let sign = 1;
  if (t[0] === '-' || t[0] === '+') {
    if (t[0] === '-') sign = -1;
    t = t.slice(1);
  }
  if (t === '') return undefined;
  let n: number;
  if (t.startsWith('0b')) n = parseInt(t.slice(2), 2);
  else if (t.startsWith('0x')) n = parseInt(t.slice(2), 16);
  else if (t.startsWith('0o')) n = parseInt(t.slice(2), 8);
  else if (t.length > 1 && t.startsWith('0')) n = parseInt(t.slice(1), 8);
  else n = parseInt(t, 10);
  return Number.isNaN(n) ? undefined : sign * n;
}

/**
 * First characters of every string resolveAgent turns into something other than itself: digits,
 * signs, `.` (.5, .inf, .nan), `_` (`_1` is 1), `~`, and the first letters of the null and
 * boolean words. Anything else is a string, decided without running the regular expressions
 * (test/yaml/resolve.test.ts checks the shortcut against the full path).
 */
const MAY_BE_TYPED = new Set([...'0123456789+-._~yYnNtTfFoO'].map((c) => c.charCodeAt(0)));

function resolveAgent(s: string): ScalarValue {
  if (s.length > 0 && !MAY_BE_TYPED.has(s.charCodeAt(0))) return s;
  return resolveAgentFull(s);
}

/** Exported for the test of the shortcut above. */
export function resolveAgentFull(s: string): ScalarValue {
  if (NULLS.has(s)) return null;
  if (V2_TRUE.has(s)) return true;
  if (V2_FALSE.has(s)) return false;
  const i = v2Int(s);
  if (i !== undefined) return i;
  if (/[0-9]/.test(s) && V2_FLOAT.test(s)) {
    const f = Number(s.replace(/_/g, ''));
    if (!Number.isNaN(f)) return f; // 1.0 -> 1 in JS already, matching the agent's round trip
  }
  if (INF.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(s)) return NaN;
  return s;
}

const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

function resolveCore(s: string): ScalarValue {
  if (NULLS.has(s)) return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (CORE_INT.test(s)) return parseInt(s, 10);
  if (CORE_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (CORE_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (CORE_FLOAT.test(s)) return Number(s);
  if (INF.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(s)) return NaN;
  return s;
}

export function resolvePlain(s: string, flavor: Flavor): ScalarValue {
  return flavor === 'agent' ? resolveAgent(s) : resolveCore(s);
}
