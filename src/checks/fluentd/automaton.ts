/**
 * Deciding questions about tag patterns exactly: does a tag match, is every tag of A also matched
 * by B (a match fully shadowed by earlier ones), do A and B share any tag (a source some match
 * catches). Subset construction runs lazily over the characters that actually occur in the
 * patterns plus '.' and one stand-in for "any other character", which is exact because every
 * wildcard treats all unlisted characters alike. A state budget keeps it bounded; when it runs out
 * the answer is "unknown" and callers claim nothing.
 */
import { ANY, AT_START, EPS, NONDOT, type Nfa, PEEK } from './tag-pattern.js';

const END = -3;
const OTHER = -4;
const DOT = 0x2e;

class Runner {
  private readonly marks: Int32Array;
  private gen = 0;

  constructor(readonly nfa: Nfa) {
    this.marks = new Int32Array(nfa.edges.length);
  }

  /** States reachable by epsilon moves, given whether we are at the tag start and what comes next. */
  closure(states: readonly number[], atStart: boolean, next: number): number[] {
    this.gen++;
    const out: number[] = [];
    const stack = [...states];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (this.marks[s] === this.gen) continue;
      this.marks[s] = this.gen;
      out.push(s);
      for (const [cond, t] of this.nfa.eps[s] as Array<[number, number]>) {
        if (cond === EPS || (cond === PEEK && (next === END || next === DOT)) || (cond === AT_START && atStart))
          stack.push(t);
      }
    }
    return out;
  }

  step(states: readonly number[], sym: number): number[] {
    this.gen++;
    const out: number[] = [];
    for (const s of states) {
      for (const [e, t] of this.nfa.edges[s] as Array<[number, number]>) {
        const hit = e === sym || e === ANY || (e === NONDOT && sym !== DOT);
        if (hit && this.marks[t] !== this.gen) {
          this.marks[t] = this.gen;
          out.push(t);
        }
      }
    }
    return out.sort((a, b) => a - b);
  }

  accepts(states: readonly number[], atStart: boolean): boolean {
    return this.closure(states, atStart, END).includes(this.nfa.accept);
  }
}

/** Does `nfa` match the whole `tag`? */
export function matches(nfa: Nfa, tag: string): boolean {
  const r = new Runner(nfa);
  let cur = [nfa.start];
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    cur = r.step(r.closure(cur, i === 0, c), c);
    if (cur.length === 0) return false;
  }
  return r.accepts(cur, tag.length === 0);
}

/** One NFA accepting the union of several. */
export function union(nfas: readonly Nfa[]): Nfa {
  const edges: Array<Array<[number, number]>> = [[]];
  const eps: Array<Array<[number, number]>> = [[]];
  const chars = new Set<number>();
  const accept = 1;
  edges.push([]);
  eps.push([]);
  for (const n of nfas) {
    const base = edges.length;
    for (let s = 0; s < n.edges.length; s++) {
      edges.push((n.edges[s] as Array<[number, number]>).map(([e, t]) => [e, t + base] as [number, number]));
      eps.push((n.eps[s] as Array<[number, number]>).map(([c, t]) => [c, t + base] as [number, number]));
    }
    (eps[0] as Array<[number, number]>).push([EPS, n.start + base]);
    (eps[n.accept + base] as Array<[number, number]>).push([EPS, accept]);
    for (const c of n.chars) chars.add(c);
  }
  return { edges, eps, start: 0, accept, chars };
}

/**
 * How many product states one question, and one whole analysis, may explore. Realistic patterns
 * need a few dozen per question; past the budget answers are "unknown" and nothing is claimed.
 */
export class Budget {
  constructor(public left = 1_000_000) {}
}
const PER_QUESTION = 20_000;

type Verdict = boolean | undefined;

function explore(
  a: Nfa,
  b: Nfa,
  stopWhen: (aAcc: boolean, bAcc: boolean) => boolean,
  budget: Budget,
  needB: boolean,
): Verdict {
  const limit = Math.min(PER_QUESTION, budget.left);
  const ra = new Runner(a);
  const rb = new Runner(b);
  const alphabet = [...new Set([...a.chars, ...b.chars, DOT])].concat(OTHER);
  const seen = new Set<string>();
  const queue: Array<[number[], number[], boolean]> = [[[a.start], [b.start], true]];
  seen.add(`${a.start}|${b.start}|s`);
  for (let head = 0; head < queue.length; head++) {
    const [sa, sb, atStart] = queue[head] as [number[], number[], boolean];
    if (stopWhen(ra.accepts(sa, atStart), sb.length > 0 && rb.accepts(sb, atStart))) {
      budget.left -= seen.size;
      return true;
    }
    for (const sym of alphabet) {
      const na = ra.step(ra.closure(sa, atStart, sym), sym);
      if (na.length === 0) continue;
      const nb = sb.length === 0 ? [] : rb.step(rb.closure(sb, atStart, sym), sym);
      if (needB && nb.length === 0) continue;
      const key = `${na.join(',')}|${nb.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > limit) {
        budget.left -= seen.size;
        return undefined;
      }
      queue.push([na, nb, false]);
    }
  }
  budget.left -= seen.size;
  return false;
}

/** Is every tag `a` matches also matched by `b`? undefined when the budget ran out. */
export function isSubset(a: Nfa, b: Nfa, budget = new Budget()): Verdict {
  const counter = explore(a, b, (aAcc, bAcc) => aAcc && !bAcc, budget, false);
  return counter === undefined ? undefined : !counter;
}

/** Is there a tag both match? undefined when the budget ran out. */
export function intersects(a: Nfa, b: Nfa, budget = new Budget()): Verdict {
  return explore(a, b, (aAcc, bAcc) => aAcc && bAcc, budget, true);
}
