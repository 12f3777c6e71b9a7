/**
 * Parameter value types as `lib/fluent/config/types.rb` converts them (CONFIG-FACTS B4). Fluentd
 * runs non-strict by default: a bad integer becomes 0, `1.5m` becomes 300 seconds, `True` becomes
 * nil. Each of those is reported with what fluentd actually reads, so the message explains itself.
 */
import type { Quote } from './ast.js';

export type ParamType =
  'string' | 'integer' | 'float' | 'size' | 'time' | 'bool' | 'enum' | 'array' | 'hash' | 'regexp';

export interface ValueProblem {
  severity: 'error' | 'warning';
  code: 'fluentd/invalid-value' | 'fluentd/loose-value';
  message: string;
}

export interface ValueInput {
  name: string;
  value: string;
  quote: Quote;
  list?: readonly string[] | undefined;
}

const INT = /^[-+]?\d+(?:_\d+)*$/;
const FLOAT = /^[-+]?(?:\d+(?:_\d+)*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Ruby `String#to_i`: leading blanks, a sign, digits (with `_`), then anything is ignored. */
export function rubyToI(s: string): number {
  const m = /^\s*([-+]?)(\d+(?:_\d+)*)/.exec(s);
  if (!m) return 0;
  const n = Number((m[2] as string).replace(/_/g, ''));
  return m[1] === '-' ? -n : n;
}

/** Ruby `String#to_f`, as far as config values go. */
export function rubyToF(s: string): number {
  const m = /^\s*([-+]?(?:\d+(?:_\d+)*)?(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(s);
  const t = m ? (m[1] as string).replace(/_/g, '') : '';
  const n = Number(t);
  return t === '' || Number.isNaN(n) ? 0 : n;
}

/** `Config.size_value`: the first `<digits>k|m|g|t` anywhere (case-insensitive), else an integer. */
export function rubySize(s: string): number {
  const units: Array<[RegExp, number]> = [
    [/(\d+)k/i, 1024],
    [/(\d+)m/i, 1024 ** 2],
    [/(\d+)g/i, 1024 ** 3],
    [/(\d+)t/i, 1024 ** 4],
  ];
  for (const [re, mul] of units) {
    const m = re.exec(s);
    if (m) return Number(m[1]) * mul;
  }
  return rubyToI(s);
}

/** `Config.time_value`: the first `<digits>s|m|h|d` anywhere (case-sensitive), else a float. */
export function rubyTime(s: string): number {
  const units: Array<[RegExp, number]> = [
    [/(\d+)s/, 1],
    [/(\d+)m/, 60],
    [/(\d+)h/, 3600],
    [/(\d+)d/, 86400],
  ];
  for (const [re, mul] of units) {
    const m = re.exec(s);
    if (m) return Number(m[1]) * mul;
  }
  return rubyToF(s);
}

const SIZE_NAMES = ['', ' KiB', ' MiB', ' GiB', ' TiB'];
function showSize(n: number): string {
  let i = 0;
  let v = n;
  while (i < 4 && v >= 1024 && v % 1024 === 0) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${v}${SIZE_NAMES[i]}`;
}

const TIME_WORDS: Record<string, number> = {
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  day: 86400,
  days: 86400,
};
const TIME_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function err(message: string): ValueProblem {
  return { severity: 'error', code: 'fluentd/invalid-value', message };
}
function loose(message: string): ValueProblem {
  return { severity: 'warning', code: 'fluentd/loose-value', message };
}

/** Check one value against its type; undefined when fluentd reads it as written. */
export function checkValue(type: ParamType, input: ValueInput): ValueProblem | undefined {
  const { name, value: v, quote } = input;
  const shown = quote === 'empty' ? 'an empty value' : JSON.stringify(v);
  switch (type) {
    case 'string':
    case 'regexp':
      return undefined;
    case 'bool': {
      if (v === 'true' || v === 'yes' || v === 'false' || v === 'no' || v === '') return undefined;
      if (v.startsWith('#'))
        return loose(`${name}: ${shown} starts with #, which fluentd reads as true; write true or false`);
      return err(
        `${name}: ${shown} is not a bool: fluentd accepts only true, false, yes or no (True and 1 are invalid) and reads anything else as nil, which fails at start-up or silently means false`,
      );
    }
    case 'integer': {
      if (INT.test(v)) return undefined;
      return err(`${name}: ${shown} is not an integer: fluentd reads it as ${rubyToI(v)}; write digits only`);
    }
    case 'float': {
      if (FLOAT.test(v)) return undefined;
      return err(`${name}: ${shown} is not a number: fluentd reads it as ${rubyToF(v)}`);
    }
    case 'size': {
      if (/^\d+[kmgt]?$/i.test(v) || INT.test(v)) return undefined;
      const read = rubySize(v);
      const m = /^(\d+)\s*([kmgt])i?b$/i.exec(v);
      if (m) {
        const unit = (m[2] as string).toLowerCase();
        const meant = Number(m[1]) * 1024 ** ('kmgt'.indexOf(unit) + 1);
        const fix = `write ${m[1]}${unit} (sizes are <number>k|m|g|t, powers of 1024)`;
        // `8MB` happens to read as 8 MiB (types.rb finds `8m`); `10 MB` reads as 10 bytes.
        if (read === meant) return loose(`${name}: ${shown} is read as ${showSize(read)}; ${fix}`);
        return err(`${name}: ${shown} is read as ${showSize(read)}, not ${showSize(meant)}; ${fix}`);
      }
      return err(
        `${name}: ${shown} is not a size: fluentd reads it as ${showSize(read)}; write <number> or <number>k|m|g|t`,
      );
    }
    case 'time': {
      if (/^-?\d+(\.\d+)?$/.test(v) || /^\d+[smhd]$/.test(v)) return undefined;
      const read = rubyTime(v);
      const word = /^(\d+)\s*([a-z]+)$/i.exec(v);
      if (word) {
        const mul = TIME_WORDS[(word[2] as string).toLowerCase()];
        if (mul !== undefined && Number(word[1]) * mul === read) {
          return loose(
            `${name}: ${shown} happens to read as ${read} seconds; write it as <number>s|m|h|d, e.g. ${word[1]}${(word[2] as string)[0]?.toLowerCase()}`,
          );
        }
      }
      const frac = /^(\d+\.\d+)([smhd])$/.exec(v);
      if (frac) {
        const intended = Number(frac[1]) * (TIME_UNITS[frac[2] as string] as number);
        return err(
          `${name}: ${shown} is read as ${read} seconds (fluentd takes the digits right before the unit), not ${intended}; write ${intended}`,
        );
      }
      return err(
        `${name}: ${shown} is not a duration: fluentd reads it as ${read} seconds; write <number>s|m|h|d or seconds`,
      );
    }
    case 'enum': {
      const list = input.list ?? [];
      if (list.includes(v)) return undefined;
      return err(`${name}: valid options are ${list.join(',')} but got ${quote === 'empty' ? '""' : v}`);
    }
    case 'array': {
      if (quote === 'json' && !v.startsWith('['))
        return err(`${name}: array required but got a JSON hash; write [..] or a,b,c`);
      return undefined;
    }
    case 'hash': {
      if (quote === 'json')
        return v.startsWith('{')
          ? undefined
          : err(`${name}: hash required but got a JSON array; write {"k":"v"} or k1:v1,k2:v2`);
      if (v.trim() === '') return undefined;
      const bad = v
        .trim()
        .split(/\s*,\s*/)
        .find((pair) => !pair.includes(':'));
      if (bad !== undefined)
        return err(`${name}: hash required but ${JSON.stringify(bad)} has no ':'; write k1:v1,k2:v2 or a JSON object`);
      return undefined;
    }
  }
}
