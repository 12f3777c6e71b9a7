/**
 * `<match>`/`<filter>` patterns compiled exactly as `lib/fluent/match.rb` `GlobMatchPattern` does
 * (CONFIG-FACTS B6), but into a small automaton instead of a Ruby regex, so that "does every tag
 * this pattern matches also match those earlier ones" can be decided exactly (automaton.ts).
 *
 * The Ruby compiler emits, per character: `\c` -> literal c; `.` -> a deferred `\.`; `*` ->
 * `[^.]*`; `**` -> `.*`, preceded by `(?![^.])` when it follows a `.` and turned into
 * `(?:.*\.|\A)` when a `.` follows it; `{a,b}` -> alternation; `[a-zA-Z0-9_]` literal, anything
 * else escaped. A trailing `.` is dropped (the deferred dot is never written).
 */

export type Atom =
  | { k: 'char'; c: string }
  | { k: 'nondot' } // [^.]*
  | { k: 'any' } // .*
  | { k: 'peek' } // (?![^.]) : next char is '.' or the end
  | { k: 'dotpart' } // (?:.*\.|\A)
  | { k: 'alt'; alts: Atom[][] };

/**
 * The dot-separated parts a pattern fixes, read from the text: `head` from the start up to the
 * first part with `**`, `tail` backwards from the end after the last one (null = a wildcard part),
 * `count` when there is no `**` at all. Two patterns that fix different literal parts at the same
 * place cannot share a tag; this answers most "can these overlap" questions without an automaton.
 */
export interface Parts {
  head: Array<string | null>;
  tail: Array<string | null>;
  count: number | undefined;
}

export type Alternative =
  | {
      kind: 'glob';
      text: string;
      seq: Atom[];
      literal: string | undefined;
      parts: Parts | undefined;
      /** The fixed characters every matching tag starts with. */
      prefix: string;
    }
  | { kind: 'regex'; text: string; re: RegExp | undefined }
  | { kind: 'invalid'; text: string };

/** Split on whitespace as `EventRouter::Rule` does (`pattern.split(/\s+/)`); an empty argument is `**`. */
export function splitPattern(arg: string): string[] {
  if (arg === '') return ['**'];
  const parts = arg.split(/\s+/);
  // Ruby's split drops trailing empty strings but keeps a leading one.
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Beyond these, a pattern is treated like a /regex/: used for nothing that would claim shadowing. */
const MAX_BRACE_DEPTH = 32;
const MAX_PATTERN_LENGTH = 4096;

export function compileAlternative(text: string): Alternative {
  if (text.startsWith('/')) {
    if (text.length < 2 || !text.endsWith('/')) return { kind: 'invalid', text };
    return { kind: 'regex', text, re: rubyRegex(text.slice(1, -1)) };
  }
  // Braces nest; building an automaton for thousands of levels is pointless and would recurse deeply.
  let depth = 0;
  let max = 0;
  for (const c of text) {
    if (c === '{') max = Math.max(max, ++depth);
    else if (c === '}' && depth > 0) depth--;
  }
  if (max > MAX_BRACE_DEPTH || text.length > MAX_PATTERN_LENGTH) return { kind: 'regex', text, re: undefined };
  const seq = compileGlob(text);
  return { kind: 'glob', text, seq, literal: literalOf(seq), parts: partsOf(text), prefix: fixedPrefix(seq) };
}

function partsOf(text: string): Parts | undefined {
  // Braces, escapes and a trailing dot (dropped by the compiler) make the text unreliable.
  if (/[{}\\,]/.test(text) || text.endsWith('.') || text === '') return undefined;
  const all = text.split('.');
  const part = (p: string): string | null => (p.includes('*') ? null : p);
  const first = all.findIndex((p) => p.includes('**'));
  if (first === -1) {
    const fixed = all.map(part);
    return { head: fixed, tail: [...fixed].reverse(), count: all.length };
  }
  let last = all.length - 1;
  while (!(all[last] as string).includes('**')) last--;
  return {
    head: all.slice(0, first).map(part),
    tail: all
      .slice(last + 1)
      .map(part)
      .reverse(),
    count: undefined,
  };
}

/** Parts of a concrete tag. */
export function tagParts(tag: string): Parts {
  const all = tag.split('.');
  return { head: all, tail: [...all].reverse(), count: all.length };
}

/** True when the fixed parts prove that no tag matches both. */
export function disjointParts(a: Parts | undefined, b: Parts | undefined): boolean {
  if (!a || !b) return false;
  if (a.count !== undefined && b.count !== undefined && a.count !== b.count) return true;
  const differ = (x: Array<string | null>, y: Array<string | null>): boolean => {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const p = x[i];
      const q = y[i];
      if (p !== null && q !== null && p !== undefined && q !== undefined && p !== q) return true;
    }
    return false;
  };
  return differ(a.head, b.head) || differ(a.tail, b.tail);
}

function compileGlob(pat: string): Atom[] {
  const stack: Atom[][][] = [];
  const regex: Atom[][] = [[]];
  const last = (): Atom[] => regex[regex.length - 1] as Atom[];
  let escape = false;
  let dot = false;
  let i = 0;
  while (i < pat.length) {
    const c = pat[i] as string;
    if (escape) {
      last().push({ k: 'char', c });
      escape = false;
      i++;
      continue;
    }
    if (pat.startsWith('**', i)) {
      if (dot) {
        last().push({ k: 'peek' });
        dot = false;
      }
      if (pat[i + 2] === '.') {
        last().push({ k: 'dotpart' });
        i += 3;
      } else {
        last().push({ k: 'any' });
        i += 2;
      }
      continue;
    }
    if (dot) {
      last().push({ k: 'char', c: '.' });
      dot = false;
    }
    if (c === '\\') escape = true;
    else if (c === '.') dot = true;
    else if (c === '*') last().push({ k: 'nondot' });
    else if (c === '{') {
      stack.push([]);
      regex.push([]);
    } else if (c === '}' && stack.length > 0) {
      const group = stack.pop() as Atom[][];
      group.push(regex.pop() as Atom[]);
      last().push({ k: 'alt', alts: group });
    } else if (c === ',' && stack.length > 0) {
      (stack[stack.length - 1] as Atom[][]).push(regex.pop() as Atom[]);
      regex.push([]);
    } else last().push({ k: 'char', c });
    i++;
  }
  while (stack.length > 0) {
    const group = stack.pop() as Atom[][];
    group.push(regex.pop() as Atom[]);
    last().push({ k: 'alt', alts: group });
  }
  return regex[0] as Atom[];
}

/** The exact tag when the pattern has no wildcard at all. */
function literalOf(seq: Atom[]): string | undefined {
  let s = '';
  for (const a of seq) {
    if (a.k !== 'char') return undefined;
    s += a.c;
  }
  return s;
}

/** The fixed characters a glob starts with: two patterns can only overlap if one prefix extends the other. */
export function fixedPrefix(seq: Atom[]): string {
  let s = '';
  for (const a of seq) {
    if (a.k !== 'char') break;
    s += a.c;
  }
  return s;
}

/** Ruby `\A...\Z` around a `/regex/` alternative, approximated in JS; undefined when JS cannot read it. */
function rubyRegex(body: string): RegExp | undefined {
  try {
    const js = body
      .replace(/\\A/g, '^')
      .replace(/\\[zZ]/g, '$')
      .replace(/\(\?<([a-zA-Z_]\w*)>/g, '(?<$1>');
    return new RegExp(`^(?:${js})$`, 'u');
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Thompson NFA with the two zero-width conditions the Ruby regexes use.                      */

export const ANY = -1; // any character
export const NONDOT = -2; // any character except '.'

export interface Nfa {
  /** Per state: consuming edges [symbol, target], symbol a char code, ANY or NONDOT. */
  edges: Array<Array<[number, number]>>;
  /** Per state: epsilon edges [condition, target]; 0 plain, 1 peek ('.' or end next), 2 at start only. */
  eps: Array<Array<[number, number]>>;
  start: number;
  accept: number;
  /** Char codes that appear on edges (the alphabet that matters). */
  chars: Set<number>;
}

export const EPS = 0;
export const PEEK = 1;
export const AT_START = 2;

export class NfaBuilder {
  readonly edges: Array<Array<[number, number]>> = [];
  readonly eps: Array<Array<[number, number]>> = [];
  readonly chars = new Set<number>();

  state(): number {
    this.edges.push([]);
    this.eps.push([]);
    return this.edges.length - 1;
  }

  edge(from: number, sym: number, to: number): void {
    (this.edges[from] as Array<[number, number]>).push([sym, to]);
    if (sym >= 0) this.chars.add(sym);
  }

  epsilon(from: number, to: number, cond = EPS): void {
    (this.eps[from] as Array<[number, number]>).push([cond, to]);
  }

  /** Append `seq` after state `from`; returns the state reached at its end. Iterative over a work list. */
  seq(seq: Atom[], from: number): number {
    let cur = from;
    for (const a of seq) cur = this.atom(a, cur);
    return cur;
  }

  private atom(a: Atom, from: number): number {
    switch (a.k) {
      case 'char': {
        const to = this.state();
        this.edge(from, a.c.charCodeAt(0), to);
        // Characters outside the BMP are two code units in JS; keep the second one too.
        if (a.c.length > 1) {
          const to2 = this.state();
          this.edge(to, a.c.charCodeAt(1), to2);
          return to2;
        }
        return to;
      }
      case 'nondot':
      case 'any': {
        const loop = this.state();
        this.epsilon(from, loop);
        this.edge(loop, a.k === 'any' ? ANY : NONDOT, loop);
        return loop;
      }
      case 'peek': {
        const to = this.state();
        this.epsilon(from, to, PEEK);
        return to;
      }
      case 'dotpart': {
        const to = this.state();
        const loop = this.state();
        this.epsilon(from, loop);
        this.edge(loop, ANY, loop);
        this.edge(loop, 0x2e, to);
        this.epsilon(from, to, AT_START);
        return to;
      }
      case 'alt': {
        const to = this.state();
        for (const alt of a.alts) {
          const s = this.state();
          this.epsilon(from, s);
          this.epsilon(this.seq(alt, s), to);
        }
        return to;
      }
    }
  }

  build(start: number, accept: number): Nfa {
    return { edges: this.edges, eps: this.eps, start, accept, chars: this.chars };
  }
}

export function globNfa(seq: Atom[]): Nfa {
  const b = new NfaBuilder();
  const start = b.state();
  return b.build(start, b.seq(seq, start));
}

/** A set of tags described by literal pieces and wildcards (what a source emits). */
export type TagPiece = { lit: string } | { any: true } | { part: true };

export function piecesNfa(pieces: readonly TagPiece[]): Nfa {
  const seq: Atom[] = [];
  for (const p of pieces) {
    if ('lit' in p) for (const c of p.lit) seq.push({ k: 'char', c });
    else seq.push('any' in p ? { k: 'any' } : { k: 'nondot' });
  }
  return globNfa(seq);
}
