/**
 * Fast path for the block-YAML subset check configs are written in: block maps and sequences,
 * one-line plain and quoted scalars, comments, one-line flow sequences of scalars. A 5,000-site
 * http_check file goes through here in a few milliseconds instead of a few hundred in the `yaml`
 * library's parser.
 *
 * The contract is strict: either this returns exactly the tree (values, styles, ranges,
 * duplicates) the library path in load.ts builds, or it returns undefined and the library path
 * runs. Anything outside the subset — anchors, aliases, tags, block scalars, multi-line scalars,
 * flow maps, nested flow collections, directives, document markers, tabs, CR, control
 * characters, and anything that might be a syntax error — falls back. test/yaml/fast-path.test.ts
 * checks the equality on generated documents.
 */
import type { ScalarStyle, YMap, YNode, YPair, YScalar, YSeq } from './ast.js';
import type { Duplicate } from './load.js';
import type { Flavor } from './resolve.js';
import { resolvePlain } from './resolve.js';

export interface FastResult {
  root: YNode | null;
  duplicates: Duplicate[];
}

/** Thrown inside the parser to fall back; never escapes fastLoadBlock. */
class Unsupported extends Error {}

/** Characters the subset does not handle (tabs, CR, C0/C1 controls, line/paragraph separators, BOM). */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Directives and document markers: multi-document handling stays with the library. */
const DOC_MARKERS = /^(?:---|\.\.\.|%)/m;
/** The library rejects implicit keys longer than 1024 characters; stay well clear. */
const MAX_KEY = 1000;
/** Deeper configs are rare; the library path (with its own depth guard) handles them. */
const MAX_DEPTH = 64;

const SP = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const SQ = 0x27;
const DQ = 0x22;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

/** First characters a plain scalar may not start with here (indicators, or too subtle to replay). */
const BAD_PLAIN_START = new Set([...'[]{}#&*!|>\'"%@`,?:'].map((c) => c.charCodeAt(0)));
/** Characters that end or complicate a plain scalar inside a flow sequence. */
const BAD_FLOW_PLAIN = new Set([...'[]{}#:"\''].map((c) => c.charCodeAt(0)));

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

export function fastLoadBlock(text: string, flavor: Flavor): FastResult | undefined {
  if (UNSUPPORTED_CHARS.test(text) || DOC_MARKERS.test(text)) return undefined;
  try {
    return new BlockParser(text, flavor).parse();
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

class BlockParser {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Index of the first non-space character of each line (== end for blank lines). */
  private readonly firsts: number[] = [];
  private readonly count: number;
  /** The line the parser is looking at (always a content line, or `count`). */
  private line = 0;
  private readonly duplicates: Duplicate[] = [];

  constructor(
    private readonly text: string,
    private readonly flavor: Flavor,
  ) {
    let start = 0;
    const n = text.length;
    while (start <= n) {
      let nl = text.indexOf('\n', start);
      if (nl === -1) nl = n;
      let first = start;
      while (first < nl && text.charCodeAt(first) === SP) first++;
      this.starts.push(start);
      this.ends.push(nl);
      this.firsts.push(first);
      start = nl + 1;
    }
    this.count = this.starts.length;
  }

  parse(): FastResult {
    this.line = this.nextContent(0);
    if (this.line >= this.count) return { root: null, duplicates: [] };
    const root = this.blockNode('', 0);
    if (this.line < this.count) throw new Unsupported();
    return { root, duplicates: this.duplicates };
  }

  /** First line at or after `from` with something other than spaces or a comment. */
  private nextContent(from: number): number {
    let i = from;
    while (i < this.count) {
      const f = this.firsts[i] as number;
      if (f < (this.ends[i] as number) && this.text.charCodeAt(f) !== HASH) return i;
      i++;
    }
    return i;
  }

  private indentOf(line: number): number {
    return (this.firsts[line] as number) - (this.starts[line] as number);
  }

  /** `-` followed by a space or the end of the line, at position p. */
  private isDashAt(p: number, end: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === end || this.text.charCodeAt(p + 1) === SP);
  }

  private isDashLine(line: number): boolean {
    return this.isDashAt(this.firsts[line] as number, this.ends[line] as number);
  }

  private skipSpaces(p: number, end: number): number {
    while (p < end && this.text.charCodeAt(p) === SP) p++;
    return p;
  }

  /** A block collection starting at the current line's first character. */
  private blockNode(path: string, depth: number): YNode {
    if (depth > MAX_DEPTH) throw new Unsupported();
    const line = this.line;
    const indent = this.indentOf(line);
    const first = this.firsts[line] as number;
    if (this.isDashLine(line)) return this.blockSeq(indent, path, depth);
    return this.blockMap(indent, first, path, depth);
  }

  private blockSeq(indent: number, path: string, depth: number): YSeq {
    const items: YNode[] = [];
    const start = this.firsts[this.line] as number;
    for (;;) {
      const line = this.line;
      const end = this.ends[line] as number;
      const dash = this.firsts[line] as number;
      const q = this.skipSpaces(dash + 1, end);
      const itemPath = `${path}[${items.length}]`;
      let item: YNode;
      if (q === end || this.text.charCodeAt(q) === HASH) {
        const next = this.nextContent(line + 1);
        if (next < this.count && this.indentOf(next) > indent) {
          this.line = next;
          item = this.blockNode(itemPath, depth + 1);
        } else {
          item = this.nullScalar(q);
          this.line = next;
        }
      } else if (this.isDashAt(q, end)) {
        throw new Unsupported(); // `- - x`: compact nested sequence
      } else if (this.keyEnd(q, end) !== undefined) {
        item = this.blockMap(q - (this.starts[line] as number), q, itemPath, depth + 1);
      } else {
        item = this.inlineValue(q, end);
        this.afterInline(line, indent);
      }
      items.push(item);
      if (this.line >= this.count) break;
      const ind = this.indentOf(this.line);
      if (ind > indent) throw new Unsupported();
      if (ind < indent || !this.isDashLine(this.line)) break;
    }
    const last = items[items.length - 1] as YNode;
    return { kind: 'seq', items, flow: false, range: [start, last.range[1]] };
  }

  private blockMap(indent: number, firstKey: number, path: string, depth: number): YMap {
    const map: YMap = { kind: 'map', pairs: [], flow: false, range: [firstKey, firstKey] };
    const seen = new Map<string, YPair>();
    let keyPos = firstKey;
    for (;;) {
      const line = this.line;
      const end = this.ends[line] as number;
      const colon = this.keyEnd(keyPos, end);
      if (colon === undefined) throw new Unsupported();
      const key = this.keyScalar(keyPos, colon);
      const keyStr = String(key.value);
      const childPath = path ? `${path}.${keyStr}` : keyStr;
      const q = this.skipSpaces(colon + 1, end);
      let value: YNode;
      if (q === end || this.text.charCodeAt(q) === HASH) {
        const next = this.nextContent(line + 1);
        if (next < this.count && this.indentOf(next) > indent) {
          this.line = next;
          value = this.blockNode(childPath, depth + 1);
        } else if (next < this.count && this.indentOf(next) === indent && this.isDashLine(next)) {
          this.line = next;
          value = this.blockSeq(indent, childPath, depth + 1);
        } else {
          value = this.nullScalar(q);
          this.line = next;
        }
      } else {
        value = this.inlineValue(q, end);
        this.afterInline(line, indent);
      }
      const pair: YPair = { key, value };
      const prev = seen.get(keyStr);
      if (prev) this.duplicates.push({ key: keyStr, map, path, first: prev, dup: pair });
      seen.set(keyStr, pair);
      map.pairs.push(pair);
      if (this.line >= this.count) break;
      const ind = this.indentOf(this.line);
      if (ind > indent) throw new Unsupported();
      if (ind < indent || this.isDashLine(this.line)) break;
      keyPos = this.firsts[this.line] as number;
    }
    map.range = [firstKey, (map.pairs[map.pairs.length - 1] as YPair).value.range[1]];
    return map;
  }

  /** After a value that fits on its line: the next content line may not be a continuation. */
  private afterInline(line: number, indent: number): void {
    const next = this.nextContent(line + 1);
    if (next < this.count && this.indentOf(next) > indent) throw new Unsupported();
    this.line = next;
  }

  /**
   * If an implicit key starts at p on this line, the position of its `:` (followed by a space or
   * the end of the line); undefined when the line holds no key. Throws on anything ambiguous.
   */
  private keyEnd(p: number, end: number): number | undefined {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === DQ || c === SQ) {
      const close = c === DQ ? this.doubleEnd(p, end) : this.singleEnd(p, end);
      if (close === undefined || close - p > MAX_KEY) throw new Unsupported();
      if (close < end && t.charCodeAt(close) === COLON) {
        if (close + 1 === end || t.charCodeAt(close + 1) === SP) return close;
        throw new Unsupported();
      }
      return undefined;
    }
    for (let i = p; i < end; i++) {
      const ch = t.charCodeAt(i);
      if (ch === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SP)) {
        if (i === p || i - p > MAX_KEY || t.charCodeAt(i - 1) === SP) throw new Unsupported();
        this.checkPlainStart(p, end);
        return i;
      }
      if (ch === HASH && i > p && t.charCodeAt(i - 1) === SP) return undefined;
    }
    return undefined;
  }

  private keyScalar(p: number, colon: number): YScalar {
    const c = this.text.charCodeAt(p);
    if (c === DQ) return this.doubleScalar(p, colon);
    if (c === SQ) return this.singleScalar(p, colon);
    return this.plainScalar(p, colon);
  }

  /** A value that starts at p and ends on this line (plain, quoted, or a flow sequence of scalars). */
  private inlineValue(p: number, end: number): YNode {
    const t = this.text;
    const c = t.charCodeAt(p);
    let node: YNode;
    let after: number;
    if (c === LBRACKET) {
      node = this.flowSeq(p, end);
      after = node.range[1];
    } else if (c === DQ || c === SQ) {
      const close = c === DQ ? this.doubleEnd(p, end) : this.singleEnd(p, end);
      if (close === undefined) throw new Unsupported();
      node = c === DQ ? this.doubleScalar(p, close) : this.singleScalar(p, close);
      after = close;
    } else {
      this.checkPlainStart(p, end);
      let stop = end;
      for (let i = p; i < end; i++) {
        const ch = t.charCodeAt(i);
        if (ch === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SP)) throw new Unsupported();
        if (ch === HASH && t.charCodeAt(i - 1) === SP) {
          stop = i;
          break;
        }
      }
      let e = stop;
      while (e > p && t.charCodeAt(e - 1) === SP) e--;
      return this.plainScalar(p, e);
    }
    // After a quoted scalar or a flow sequence: spaces, then a comment or the end of the line.
    const rest = this.skipSpaces(after, end);
    if (rest < end && !(t.charCodeAt(rest) === HASH && rest > after)) throw new Unsupported();
    return node;
  }

  private checkPlainStart(p: number, end: number): void {
    const c = this.text.charCodeAt(p);
    if (BAD_PLAIN_START.has(c)) throw new Unsupported();
    if (c === DASH) {
      // `-x` is a plain scalar; `- ` would be a sequence entry. Keep to the obvious cases.
      const n = p + 1 < end ? this.text.charCodeAt(p + 1) : SP;
      const ok = (n >= 0x30 && n <= 0x39) || (n >= 0x41 && n <= 0x5a) || (n >= 0x61 && n <= 0x7a) || n === 0x2e;
      if (!ok) throw new Unsupported();
    }
  }

  /** `[a, "b", 'c']` on one line; nested collections, pairs and comments inside fall back. */
  private flowSeq(p: number, end: number): YSeq {
    const t = this.text;
    const items: YNode[] = [];
    let i = this.skipSpaces(p + 1, end);
    if (i < end && t.charCodeAt(i) === RBRACKET) return { kind: 'seq', items, flow: true, range: [p, i + 1] };
    for (;;) {
      if (i >= end) throw new Unsupported();
      const c = t.charCodeAt(i);
      let itemEnd: number;
      if (c === DQ || c === SQ) {
        const close = c === DQ ? this.doubleEnd(i, end) : this.singleEnd(i, end);
        if (close === undefined) throw new Unsupported();
        items.push(c === DQ ? this.doubleScalar(i, close) : this.singleScalar(i, close));
        itemEnd = close;
      } else {
        if (BAD_FLOW_PLAIN.has(c) || BAD_PLAIN_START.has(c) || c === COMMA || c === DASH) throw new Unsupported();
        let j = i;
        for (; j < end; j++) {
          const ch = t.charCodeAt(j);
          if (ch === COMMA || ch === RBRACKET) break;
          if (BAD_FLOW_PLAIN.has(ch)) throw new Unsupported();
        }
        let e = j;
        while (e > i && t.charCodeAt(e - 1) === SP) e--;
        items.push(this.plainScalar(i, e));
        itemEnd = e;
      }
      i = this.skipSpaces(itemEnd, end);
      if (i >= end) throw new Unsupported();
      const sep = t.charCodeAt(i);
      if (sep === RBRACKET) return { kind: 'seq', items, flow: true, range: [p, i + 1] };
      if (sep !== COMMA) throw new Unsupported();
      i = this.skipSpaces(i + 1, end);
      if (i < end && (t.charCodeAt(i) === RBRACKET || t.charCodeAt(i) === COMMA)) throw new Unsupported();
    }
  }

  /** Position just past the closing `'` of a one-line single-quoted scalar, or undefined. */
  private singleEnd(p: number, end: number): number | undefined {
    const t = this.text;
    for (let i = p + 1; i < end; i++) {
      if (t.charCodeAt(i) === SQ) {
        if (i + 1 < end && t.charCodeAt(i + 1) === SQ) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return undefined;
  }

  /** Position just past the closing `"` of a one-line double-quoted scalar, or undefined. */
  private doubleEnd(p: number, end: number): number | undefined {
    const t = this.text;
    for (let i = p + 1; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === BACKSLASH) {
        if (i + 1 >= end) return undefined; // escaped line break: multi-line
        i++;
        continue;
      }
      if (c === DQ) return i + 1;
    }
    return undefined;
  }

  private plainScalar(start: number, end: number): YScalar {
    const text = this.text.slice(start, end);
    return this.scalar(text, resolvePlain(text, this.flavor), 'plain', start, end);
  }

  private singleScalar(start: number, end: number): YScalar {
    const text = this.text.slice(start + 1, end - 1).replace(/''/g, "'");
    return this.scalar(text, text, 'single', start, end);
  }

  private doubleScalar(start: number, end: number): YScalar {
    const raw = this.text.slice(start + 1, end - 1);
    let text = raw;
    if (raw.includes('\\')) {
      text = '';
      for (let i = 0; i < raw.length; i++) {
        const ch = raw[i] as string;
        if (ch !== '\\') {
          text += ch;
          continue;
        }
        const next = raw[++i] as string;
        const simple = ESCAPES[next];
        if (simple !== undefined) text += simple;
        else if (next === 'x' || next === 'u' || next === 'U') {
          const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
          const hex = raw.substr(i + 1, len);
          if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw new Unsupported();
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) throw new Unsupported();
          text += String.fromCodePoint(code);
          i += len;
        } else throw new Unsupported(); // the library reports an invalid escape
      }
    }
    return this.scalar(text, text, 'double', start, end);
  }

  private scalar(text: string, value: YScalar['value'], style: ScalarStyle, start: number, end: number): YScalar {
    return { kind: 'scalar', value, style, text, range: [start, end] };
  }

  private nullScalar(p: number): YScalar {
    return { kind: 'scalar', value: resolvePlain('', this.flavor), style: 'plain', text: '', range: [p, p] };
  }
}
