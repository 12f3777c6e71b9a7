/**
 * Value literals exactly as `literal_parser.rb` (fluentd v1.19) reads them (CONFIG-FACTS B3):
 * unquoted, 'single', "double" (escapes, embedded `#{...}`, the odd multi-line rule), and JSON
 * arrays/hashes that end at the first prefix that parses. Every loop is linear in the input.
 */
import type { EmbeddedCode, ParseError, Quote } from './ast.js';
import { isBlank, isNewline, matchSpacing } from './scan.js';

export type Boundary = 'line-end' | 'spacing' | 'tag-arg';

export interface Literal {
  value: string;
  quote: Quote;
  start: number;
  end: number;
  embedded: EmbeddedCode[];
}

export type LiteralResult = { ok: true; literal: Literal } | { ok: false; error: ParseError };

const ok = (literal: Literal): LiteralResult => ({ ok: true, literal });
const fail = (offset: number, code: string, message: string): LiteralResult => ({
  ok: false,
  error: { offset, code, message },
});

/** `scan_string`: a quoted string, or an unquoted run up to `boundary`; null when nothing was read. */
export function scanString(s: string, p: number, boundary: Boundary): LiteralResult | null {
  const c = s[p];
  if (c === '"') return scanDoubleQuoted(s, p);
  if (c === "'") return scanSingleQuoted(s, p);
  const end = scanUnquoted(s, p, boundary);
  if (end === p) return null;
  const value = s.slice(p, end);
  return ok({ value, quote: 'none', start: p, end, embedded: findEmbedded(value, p, false) });
}

/** `parse_literal`: JSON when the value starts with `[` or `{`, otherwise `scan_string(LINE_END)`. */
export function parseLiteral(s: string, p: number): LiteralResult {
  let q = p;
  while (q < s.length && (isBlank(s.charCodeAt(q)) || isNewline(s.charCodeAt(q)))) q++;
  if (s[q] === '[' || s[q] === '{') return scanJson(s, q);
  return scanString(s, q, 'line-end') ?? ok({ value: '', quote: 'empty', start: q, end: q, embedded: [] });
}

/**
 * `scan_nonquoted_string(boundary)`: `#` is always taken; any other character is taken unless the
 * boundary matches there. Blank runs are decided once per run (every position of a run sees the
 * same text after it), which keeps a line of 10,000 spaces linear.
 */
function scanUnquoted(s: string, p: number, boundary: Boundary): number {
  let q = p;
  while (q < s.length) {
    const c = s.charCodeAt(q);
    if (c === 0x23) {
      q++;
      continue;
    }
    if (c === 0x0a) break; // Ruby's `.` never matches \n
    if (boundary === 'spacing') {
      if (isBlank(c) || c === 0x0d) break;
      q++;
      continue;
    }
    if (boundary === 'line-end') {
      if (c === 0x0d) break;
      if (isBlank(c)) {
        let j = q;
        while (j < s.length && isBlank(s.charCodeAt(j))) j++;
        if (j >= s.length || isNewline(s.charCodeAt(j)) || s.charCodeAt(j) === 0x23) break;
        q = j;
        continue;
      }
      q++;
      continue;
    }
    // tag-arg: stop where ZERO_OR_MORE_SPACING '>' matches.
    if (c === 0x3e) break;
    if (isBlank(c) || c === 0x0d) {
      const j = matchSpacing(s, q, true);
      if (s.charCodeAt(j) === 0x3e) break;
      let r = q;
      while (r < s.length && (isBlank(s.charCodeAt(r)) || s.charCodeAt(r) === 0x0d)) r++;
      q = r;
      continue;
    }
    q++;
  }
  return q;
}

function scanSingleQuoted(s: string, open: number): LiteralResult {
  let q = open + 1;
  let out = '';
  for (;;) {
    if (q >= s.length || s[q] === '\n') {
      return fail(
        open,
        'fluentd/unterminated-string',
        q >= s.length
          ? "unexpected end of file in a single quoted string: the string opened here is never closed; add the closing '"
          : 'unexpected end of file in a single quoted string: a single-quoted value cannot span lines; close it on this line or use double quotes',
      );
    }
    const c = s[q] as string;
    if (c === "'")
      return ok({
        value: out,
        quote: 'single',
        start: open,
        end: q + 1,
        embedded: findEmbedded(s.slice(open + 1, q), open + 1, false),
      });
    if (c === '\\' && (s[q + 1] === "'" || s[q + 1] === '\\')) {
      out += s[q + 1];
      q += 2;
      continue;
    }
    out += c;
    q++;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', "'": "'", r: '\r', n: '\n', t: '\t', f: '\f', b: '\b', '0': '\0' };

/**
 * `scan_double_quoted_string`. The rule that surprises people: a character followed by a line
 * break is consumed *with* the break, so the scanner steps over lines two characters at a time and
 * dies on an empty line or on the `\n` of a CRLF pair (B3, verified).
 */
function scanDoubleQuoted(s: string, open: number): LiteralResult {
  let q = open + 1;
  let out = '';
  const embedded: EmbeddedCode[] = [];
  for (;;) {
    if (q >= s.length) return unterminatedDouble(s, open, q);
    const c = s[q] as string;
    if (c === '"') return ok({ value: out, quote: 'double', start: open, end: q + 1, embedded });
    const next = s[q + 1];
    if (q + 1 >= s.length || next === '\r' || next === '\n') {
      // check(/[^"]#{LINE_END_WITHOUT_SPACING_AND_COMMENT}/): keep both unless it is a backslash.
      if (c !== '\\') out += c + (next ?? '');
      q += q + 1 >= s.length ? 1 : 2;
      continue;
    }
    if (c === '\\') {
      const e = next as string;
      const mapped = ESCAPES[e];
      if (mapped !== undefined) out += mapped;
      else if (/[a-zA-Z0-9]/.test(e)) {
        return fail(
          q,
          'fluentd/invalid-escape',
          `unexpected back-slash escape character '${e}': inside double quotes only \\" \\' \\\\ \\r \\n \\t \\f \\b \\0 and \\<symbol> are escapes; write regexes and Windows paths in single quotes or unquoted`,
        );
      } else out += e;
      q += 2;
      continue;
    }
    if (c === '#' && next === '{') {
      const end = scanEmbeddedCode(s, q + 2);
      if (end < 0)
        return fail(
          q,
          'fluentd/unterminated-embedded-code',
          'unexpected end of file in embedded code: the #{ opened here is never closed; add the closing }',
        );
      embedded.push({ code: s.slice(q + 2, end), offset: q, evaluated: true });
      out += s.slice(q, end + 1);
      q = end + 1;
      continue;
    }
    if (c === '\n') return unterminatedDouble(s, open, q);
    out += c;
    q++;
  }
}

function unterminatedDouble(s: string, open: number, stop: number): LiteralResult {
  let why: string;
  if (stop >= s.length) why = 'the string opened here is never closed; add the closing "';
  else if (s[stop - 1] === '\r')
    why =
      'a double-quoted string cannot span lines in a file with CRLF line endings; convert the file to LF or keep the string on one line';
  else
    why =
      'a double-quoted string cannot contain an empty line (fluentd reads it two characters at a time); remove the empty line or write \\n';
  return fail(open, 'fluentd/unterminated-string', `unexpected end of file in a double quoted string: ${why}`);
}

/**
 * The end of embedded Ruby started after `#{`: the offset of the closing `}`, or -1. Fluentd asks
 * Ripper for the first `}` that makes valid Ruby; this follows braces and Ruby string literals
 * (with their own `#{}`), iteratively so deeply nested input cannot exhaust the stack.
 */
export function scanEmbeddedCode(s: string, p: number): number {
  type Mode = { kind: 'code'; depth: number } | { kind: 'str'; quote: string };
  const stack: Mode[] = [{ kind: 'code', depth: 0 }];
  let q = p;
  while (q < s.length) {
    const top = stack[stack.length - 1] as Mode;
    const c = s[q] as string;
    if (top.kind === 'code') {
      if (c === '{') top.depth++;
      else if (c === '}') {
        if (top.depth === 0) {
          stack.pop();
          if (stack.length === 0) return q;
        } else top.depth--;
      } else if (c === '"' || c === "'" || c === '`') stack.push({ kind: 'str', quote: c });
      q++;
      continue;
    }
    if (c === '\\') {
      q += 2;
      continue;
    }
    if (c === top.quote) {
      stack.pop();
      q++;
      continue;
    }
    if (top.quote !== "'" && c === '#' && s[q + 1] === '{') {
      stack.push({ kind: 'code', depth: 0 });
      q += 2;
      continue;
    }
    q++;
  }
  return -1;
}

/** `#{...}` written where fluentd does not evaluate it (unquoted, single-quoted): kept literally. */
function findEmbedded(text: string, base: number, evaluated: boolean): EmbeddedCode[] {
  const out: EmbeddedCode[] = [];
  let i = text.indexOf('#{');
  while (i !== -1) {
    const end = scanEmbeddedCode(text, i + 2);
    out.push({ code: text.slice(i + 2, end < 0 ? text.length : end), offset: base + i, evaluated });
    if (end < 0) break;
    i = text.indexOf('#{', end + 1);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* JSON values.                                                                               */

type Container = { kind: 'array' | 'object'; state: 'start' | 'key' | 'colon' | 'value' | 'comma' };
type Token =
  | { kind: 'none' }
  | { kind: 'string'; escape: number /* 0: none, 1: after \, 2..5: \u hex digits read + 1 */ }
  | { kind: 'number'; state: 'minus' | 'zero' | 'int' | 'dot' | 'frac' | 'e' | 'esign' | 'exp' }
  | { kind: 'literal'; word: string; read: number };

const NUMBER_COMPLETE = new Set(['zero', 'int', 'frac', 'exp']);

/**
 * `scan_json`: fluentd feeds characters one by one and stops at the first prefix `JSON.parse`
 * accepts; a `#` outside a string starts a comment only when the text so far would parse if closed
 * right there (which in practice means at the top level). Incremental validation gives the same
 * answer in one pass instead of one `JSON.parse` per character.
 */
function scanJson(s: string, open: number): LiteralResult {
  const isArray = s[open] === '[';
  const stack: Container[] = [{ kind: isArray ? 'array' : 'object', state: 'start' }];
  let tok: Token = { kind: 'none' };
  let commaOnLine = false;
  const embedded: EmbeddedCode[] = [];
  const incomplete = (): LiteralResult =>
    fail(
      open,
      'fluentd/incomplete-json',
      `got incomplete JSON ${isArray ? 'array' : 'hash'} configuration: a value starting with ${isArray ? '[' : '{'} is read as JSON and this one never becomes valid JSON; quote the value if it is not JSON`,
    );

  // Accept the end of a scalar token: the enclosing container now holds a complete value.
  const valueDone = (): boolean => {
    const top = stack[stack.length - 1] as Container;
    if (top.kind === 'array') {
      if (top.state !== 'start' && top.state !== 'comma') return false;
      top.state = 'value';
      return true;
    }
    if (top.state === 'start' || top.state === 'comma') {
      top.state = 'key';
      return true;
    }
    if (top.state !== 'colon') return false;
    top.state = 'value';
    return true;
  };
  const expectsValue = (): boolean => {
    const top = stack[stack.length - 1] as Container;
    return top.kind === 'array' ? top.state === 'start' || top.state === 'comma' : top.state === 'colon';
  };

  let q = open + 1;
  while (q < s.length) {
    const c = s[q] as string;
    // Finish a pending number or literal when a character cannot continue it.
    if (tok.kind === 'number') {
      const st = tok.state;
      const digit = c >= '0' && c <= '9';
      let next: typeof st | undefined;
      if (digit)
        next =
          st === 'minus'
            ? c === '0'
              ? 'zero'
              : 'int'
            : st === 'zero'
              ? undefined
              : st === 'dot'
                ? 'frac'
                : st === 'e' || st === 'esign'
                  ? 'exp'
                  : st;
      else if (c === '.' && (st === 'zero' || st === 'int')) next = 'dot';
      else if ((c === 'e' || c === 'E') && (st === 'zero' || st === 'int' || st === 'frac')) next = 'e';
      else if ((c === '+' || c === '-') && st === 'e') next = 'esign';
      if (next !== undefined) {
        tok.state = next;
        q++;
        continue;
      }
      if (digit && st === 'zero') return incomplete();
      if (!NUMBER_COMPLETE.has(st)) return incomplete();
      tok = { kind: 'none' };
      if (!valueDone()) return incomplete();
    }
    if (tok.kind === 'literal') {
      if (tok.read < tok.word.length) {
        if (c !== tok.word[tok.read]) return incomplete();
        tok.read++;
        q++;
        continue;
      }
      tok = { kind: 'none' };
      if (!valueDone()) return incomplete();
    }
    if (tok.kind === 'string') {
      if (c === '\n' || c === '\r' || c < ' ') return incomplete(); // control characters are not JSON
      if (tok.escape === 1) {
        if (c === 'u') tok.escape = 2;
        else tok.escape = 0;
      } else if (tok.escape >= 2) {
        if (!/[0-9a-fA-F]/.test(c)) return incomplete();
        tok.escape = tok.escape === 5 ? 0 : tok.escape + 1;
      } else if (c === '\\') tok.escape = 1;
      else if (c === '"') {
        tok = { kind: 'none' };
        if (!valueDone()) return incomplete();
      } else if (c === '#' && s[q + 1] === '{') {
        // Embedded Ruby inside JSON strings is evaluated since fluentd v1.18.0 (fluent/fluentd#4580).
        const end = scanEmbeddedCode(s, q + 2);
        if (end < 0) return incomplete();
        embedded.push({ code: s.slice(q + 2, end), offset: q, evaluated: true });
        q = end + 1;
        continue;
      }
      q++;
      continue;
    }
    // Between tokens.
    if (c === '\n') {
      commaOnLine = false;
      q++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      q++;
      continue;
    }
    if (c === '#') {
      const top = stack[stack.length - 1] as Container;
      const closable =
        stack.length === 1 &&
        (top.state === 'start' || top.state === 'value' || (top.state === 'comma' && commaOnLine));
      if (!closable) return incomplete();
      // The rest of the line is a comment; fluentd loops forever when no newline follows.
      const nl = s.indexOf('\n', q);
      if (nl === -1) return incomplete();
      q = nl + 1;
      commaOnLine = false;
      continue;
    }
    if (c === '/' && (s[q + 1] === '*' || s[q + 1] === '/')) {
      // Ruby's JSON parser skips /* */ and // comments between tokens.
      const end = s[q + 1] === '*' ? s.indexOf('*/', q + 2) : s.indexOf('\n', q + 2);
      if (end === -1) return incomplete();
      q = s[q + 1] === '*' ? end + 2 : end;
      continue;
    }
    commaOnLine = false;
    const top = stack[stack.length - 1] as Container;
    if (c === ',') {
      if (top.state !== 'value') return incomplete();
      top.state = 'comma';
      commaOnLine = true;
      q++;
      continue;
    }
    if (c === ':') {
      if (top.kind !== 'object' || top.state !== 'key') return incomplete();
      top.state = 'colon';
      q++;
      continue;
    }
    if (c === ']' || c === '}') {
      const want = c === ']' ? 'array' : 'object';
      if (top.kind !== want) return incomplete();
      if (!(top.state === 'start' || top.state === 'value')) return incomplete();
      stack.pop();
      q++;
      if (stack.length === 0) {
        const raw = s.slice(open, q);
        let value = raw;
        try {
          value = JSON.stringify(JSON.parse(raw));
        } catch {
          /* comments or embedded code: keep the text as written */
        }
        return ok({ value, quote: 'json', start: open, end: q, embedded });
      }
      if (!valueDone()) return incomplete();
      continue;
    }
    if (c === '"') {
      const isKey = top.kind === 'object' && (top.state === 'start' || top.state === 'comma');
      if (!isKey && !expectsValue()) return incomplete();
      tok = { kind: 'string', escape: 0 };
      q++;
      continue;
    }
    if (!expectsValue()) return incomplete();
    if (c === '[' || c === '{') {
      stack.push({ kind: c === '[' ? 'array' : 'object', state: 'start' });
      q++;
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      tok = { kind: 'number', state: c === '-' ? 'minus' : c === '0' ? 'zero' : 'int' };
      q++;
      continue;
    }
    const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
    if (word === undefined) return incomplete();
    tok = { kind: 'literal', word, read: 1 };
    q++;
  }
  return incomplete();
}
