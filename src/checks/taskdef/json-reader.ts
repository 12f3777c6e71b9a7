/**
 * A position-keeping JSON reader (RFC 8259, as `JSON.parse` and the AWS CLI accept it) that builds
 * the same tree as our YAML loader, so task definitions in JSON and YAML are checked by one walker
 * and every finding has a line and column. A syntax error stops at the exact offending character.
 * Iterative-safe: nesting deeper than MAX_DEPTH is a finding, never a stack overflow.
 */
import { type Finding, finding, quoteValue } from '../findings.js';
import type { SourceText } from '../source.js';
import type { YMap, YNode, YPair, YScalar, YSeq } from '../yaml/ast.js';
import type { Duplicate } from '../yaml/load.js';

export const MAX_DEPTH = 500;

export interface JsonFile {
  source: SourceText;
  root: YNode | null;
  findings: Finding[];
  duplicates: Duplicate[];
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly code = 'json/syntax',
  ) {
    super(message);
  }
}

const describe = (c: string | undefined): string =>
  c === undefined ? 'end of file' : c === '\n' ? 'end of line' : /\s/.test(c) ? 'whitespace' : `"${c}"`;

/** The character after a backslash where JSON allows none, quoted with escapes (it may be a line break). */
const badEscape = (e: string | undefined): string =>
  `bad escape in a string: \\ followed by ${e === undefined ? 'the end of the file' : quoteValue(e)}` +
  ' (JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)';

export function readJson(source: SourceText): JsonFile {
  const out: JsonFile = { source, root: null, findings: [], duplicates: [] };
  const t = source.text;
  let i = 0;

  const ws = (): void => {
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const fail = (msg: string, at = i): never => {
    throw new JsonSyntax(at, msg);
  };

  const str = (): YScalar => {
    const start = i;
    i++; // opening quote
    let v = '';
    for (;;) {
      if (i >= t.length) fail('unterminated string: close it with "', start);
      const c = t[i] as string;
      const code = c.charCodeAt(0);
      if (c === '"') {
        i++;
        break;
      }
      if (code < 0x20)
        fail(
          `control character inside a string (${code === 0x0a ? 'a line break' : `U+${code.toString(16).padStart(4, '0')}`}): escape it`,
        );
      if (c === '\\') {
        const e = t[i + 1];
        const map: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in map) {
          v += map[e];
          i += 2;
        } else if (e === 'u') {
          const hex = t.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape: four hex digits must follow \\u', i);
          v += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else fail(badEscape(e), i);
      } else {
        v += c;
        i++;
      }
    }
    return { kind: 'scalar', value: v, style: 'double', text: v, range: [start, i] };
  };

  const num = (): YScalar => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(t.slice(i, i + 400));
    if (!m) fail(`unexpected ${describe(t[i])}: expected a value`);
    const text = (m as RegExpExecArray)[0];
    const start = i;
    i += text.length;
    if (/[0-9.eE+-]/.test(t[i] ?? '')) fail(`bad number: ${describe(t[i])} after ${text}`);
    return { kind: 'scalar', value: Number(text), style: 'plain', text, range: [start, i] };
  };

  const word = (): YScalar => {
    const start = i;
    for (const [w, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (t.startsWith(w, i)) {
        i += w.length;
        return { kind: 'scalar', value: v, style: 'plain', text: w, range: [start, i] };
      }
    }
    const c = t[i];
    if (c === "'") return fail('strings take double quotes in JSON, not single quotes');
    if (c === '/' && (t[i + 1] === '/' || t[i + 1] === '*')) return fail('comments are not allowed in JSON');
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(t.slice(i, i + 100));
    if (m) return fail(`unexpected word "${m[0]}": strings need double quotes`);
    return fail(`unexpected ${describe(c)}: expected a value`);
  };

  // An explicit stack keeps deep input from overflowing the call stack.
  type Frame = { node: YMap; key?: YNode; path: string; seen: Map<string, YPair> } | { node: YSeq; path: string };
  const stack: Frame[] = [];
  let root: YNode | null = null;

  const attach = (node: YNode): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = node;
      return;
    }
    if (top.node.kind === 'seq') top.node.items.push(node);
    else {
      const f = top as Extract<Frame, { seen: Map<string, YPair> }>;
      const key = f.key as YScalar;
      const pair: YPair = { key, value: node };
      const k = String(key.value);
      const prev = f.seen.get(k);
      if (prev) out.duplicates.push({ key: k, map: f.node, path: f.path, first: prev, dup: pair });
      f.seen.set(k, pair);
      f.node.pairs.push(pair);
      delete f.key;
    }
  };

  const open = (): boolean => {
    // Reads a value at i; returns true when it opened a container (pushed a frame).
    const c = t[i];
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_DEPTH)
        throw new JsonSyntax(
          i,
          `JSON nested more than ${MAX_DEPTH} levels deep: not a task definition`,
          'json/too-deep',
        );
      const top = stack[stack.length - 1];
      const parentPath = top
        ? top.node.kind === 'seq'
          ? `${top.path}[${top.node.items.length}]`
          : `${top.path ? `${top.path}.` : ''}${String(((top as { key?: YScalar }).key as YScalar).value)}`
        : '';
      const node: YMap | YSeq =
        c === '{'
          ? { kind: 'map', pairs: [], flow: true, range: [i, i] }
          : { kind: 'seq', items: [], flow: true, range: [i, i] };
      i++;
      stack.push(node.kind === 'map' ? { node, path: parentPath, seen: new Map() } : { node, path: parentPath });
      return true;
    }
    let v: YScalar;
    if (c === '"') v = str();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) v = num();
    else v = word();
    attach(v);
    return false;
  };

  try {
    ws();
    if (i >= t.length) fail('the file is empty: expected a JSON object');
    open();
    while (stack.length) {
      const top = stack[stack.length - 1] as Frame;
      ws();
      const c = t[i];
      if (top.node.kind === 'map') {
        const f = top as Extract<Frame, { seen: Map<string, YPair> }>;
        const empty = f.node.pairs.length === 0;
        if (c === '}') {
          i++;
          f.node.range[1] = i;
          stack.pop();
          attach(f.node);
          continue;
        }
        if (!empty) {
          if (c !== ',') fail(`unexpected ${describe(c)}: expected "," or "}" after an object member`);
          const comma = i++;
          ws();
          if (t[i] === '}') fail('trailing comma: JSON allows no "," before "}"', comma);
        }
        if (t[i] !== '"') {
          if (t[i] === undefined) fail('unexpected end of file: the object is never closed with "}"');
          if (t[i] === "'") fail('property names take double quotes in JSON, not single quotes');
          if (t[i] === '/' && (t[i + 1] === '/' || t[i + 1] === '*')) fail('comments are not allowed in JSON');
          fail(`unexpected ${describe(t[i])}: expected a property name in double quotes`);
        }
        f.key = str();
        ws();
        if (t[i] !== ':') fail(`unexpected ${describe(t[i])}: expected ":" after the property name`);
        i++;
        ws();
        open();
      } else {
        const s = top.node;
        if (c === ']') {
          i++;
          s.range[1] = i;
          stack.pop();
          attach(s);
          continue;
        }
        if (s.items.length > 0) {
          if (c !== ',') fail(`unexpected ${describe(c)}: expected "," or "]" after a list item`);
          const comma = i++;
          ws();
          if (t[i] === ']') fail('trailing comma: JSON allows no "," before "]"', comma);
        }
        if (t[i] === undefined) fail('unexpected end of file: the list is never closed with "]"');
        open();
      }
    }
    ws();
    if (i < t.length) fail(`unexpected ${describe(t[i])} after the end of the JSON value`);
    out.root = root;
  } catch (err) {
    if (!(err instanceof JsonSyntax)) throw err;
    out.findings.push(finding(source.file, source.lines.position(err.offset), 'error', err.code, err.message));
  }
  return out;
}
