/** Tag patterns compiled as `match.rb` does (CONFIG-FACTS B6, all verified there) and decided on automata. */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { intersects, isSubset, matches, union } from '../../src/checks/fluentd/automaton.js';
import { type Nfa, compileAlternative, globNfa, splitPattern } from '../../src/checks/fluentd/tag-pattern.js';

function nfa(pattern: string): Nfa {
  const alts = splitPattern(pattern).map(compileAlternative);
  const globs = alts.map((a) => {
    if (a.kind !== 'glob') throw new Error(`not a glob: ${pattern}`);
    return globNfa(a.seq);
  });
  return globs.length === 1 ? (globs[0] as Nfa) : union(globs);
}

/**
 * The Ruby regex `match.rb` builds for a glob, written out by hand from its compiler, used as an
 * independent oracle in the property test below (JS regex semantics equal Ruby's for these).
 */
function oracle(pat: string): RegExp {
  const stack: string[][] = [];
  const regex: string[] = [''];
  let escape = false;
  let dot = false;
  let i = 0;
  const add = (s: string): void => {
    regex[regex.length - 1] += s;
  };
  while (i < pat.length) {
    const c = pat[i] as string;
    if (escape) {
      add(c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
      escape = false;
      i++;
      continue;
    }
    if (pat.startsWith('**', i)) {
      if (dot) {
        add('(?![^\\.])');
        dot = false;
      }
      if (pat[i + 2] === '.') {
        add('(?:.*\\.|^)');
        i += 3;
      } else {
        add('.*');
        i += 2;
      }
      continue;
    }
    if (dot) {
      add('\\.');
      dot = false;
    }
    if (c === '\\') escape = true;
    else if (c === '.') dot = true;
    else if (c === '*') add('[^\\.]*');
    else if (c === '{') {
      stack.push([]);
      regex.push('');
    } else if (c === '}' && stack.length > 0) {
      const g = stack.pop() as string[];
      g.push(regex.pop() as string);
      add(`(?:${g.map((r) => `(?:${r})`).join('|')})`);
    } else if (c === ',' && stack.length > 0) {
      (stack[stack.length - 1] as string[]).push(regex.pop() as string);
      regex.push('');
    } else if (/[a-zA-Z0-9_]/.test(c)) add(c);
    else add(`\\${c}`);
    i++;
  }
  while (stack.length > 0) {
    const g = stack.pop() as string[];
    g.push(regex.pop() as string);
    add(`(?:${g.map((r) => `(?:${r})`).join('|')})`);
  }
  return new RegExp(`^${regex[0]}$`, 's');
}

describe('matching (B6, verified against match.rb)', () => {
  test.each([
    ['a.*', 'a.b', true],
    ['a.*', 'a.', true],
    ['a.*', 'a', false],
    ['a.*', 'a.b.c', false],
    ['a*', 'abc', true],
    ['a*', 'a.b', false],
    ['a.**', 'a', true],
    ['a.**', 'a.b', true],
    ['a.**', 'a.b.c', true],
    ['a.**', 'ab', false],
    ['**.b', 'b', true],
    ['**.b', 'x.y.b', true],
    ['**.b', 'xb', false],
    ['**', 'anything.at.all', true],
    ['**', '', true],
    ['a.{b,c}.*', 'a.c.d', true],
    ['a.{b,c}.*', 'a.d.d', false],
    ['{a,b.**}', 'b.x.y', true],
    ['{app.**,system.logs}', 'system.logs', true],
    ['{app.**,system.logs}', 'system.other', false],
    ['a,b', 'a,b', true],
    ['a,b', 'a', false],
    ['{a', 'a', true],
    ['a}', 'a}', true],
    ['app-firelens-*', 'app-firelens-1234abcd', true],
    ['nginx.*', 'nginx.var.log.nginx.access.log', false],
    ['nginx.**', 'nginx.var.log.nginx.access.log', true],
    ['a.', 'a', true], // a trailing dot is never written out
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
  ])('%s matches %j: %s', (pattern, tag, expected) => {
    expect(matches(nfa(pattern), tag)).toBe(expected);
  });

  test('alternatives are split on whitespace; an empty argument is **', () => {
    expect(splitPattern('a.** b.*')).toEqual(['a.**', 'b.*']);
    expect(splitPattern('')).toEqual(['**']);
    expect(compileAlternative('/a b/').kind).toBe('regex');
    expect(compileAlternative('/broken').kind).toBe('invalid');
  });

  test('property: the automaton agrees with the Ruby-equivalent regex on random patterns and tags', () => {
    const patChar = fc.constantFrom('a', 'b', '.', '*', '{', '}', ',', '\\', '-');
    const tagChar = fc.constantFrom('a', 'b', '.', '-', ',', '*', '}');
    fc.assert(
      fc.property(fc.array(patChar, { maxLength: 9 }), fc.array(tagChar, { maxLength: 7 }), (p, t) => {
        const pat = p.join('');
        const tag = t.join('');
        const alt = compileAlternative(pat);
        if (alt.kind !== 'glob') return;
        expect(matches(globNfa(alt.seq), tag)).toBe(oracle(pat).test(tag));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('subsumption and overlap', () => {
  test.each([
    ['app.debug', 'app.**', true],
    ['app.**', 'app.**', true],
    ['app.*', 'app.**', true],
    ['app.**', 'app.*', false], // app and app.x.y are not one-part
    ['a.b.c', '**.c', true],
    ['a.{b,c}', 'a.b a.c', true],
    ['a.{b,c}', 'a.b', false],
    ['x', '**', true],
    ['a.**', 'a a.*.** a.*', true], // a, a.x, a.x.y...
    ['a.**', 'a.* a.*.**', false], // the bare tag `a` is not covered
    ['*', 'a* *', true],
    ['ab*', 'a*', true],
    ['a*', 'ab*', false],
  ])('%s is covered by %s: %s', (inner, outer, expected) => {
    expect(isSubset(nfa(inner), nfa(outer))).toBe(expected);
  });

  test.each([
    ['a.*', '*.b', true],
    ['a.*', 'b.*', false],
    ['a.**', 'ab', false],
    ['**.b', 'xb', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(intersects(nfa(a), nfa(b))).toBe(expected);
  });

  test('property: subset answers agree with brute force over short tags', () => {
    const patChar = fc.constantFrom('a', 'b', '.', '*', '{', '}', ',');
    const alphabet = ['a', 'b', '.', 'c'];
    const tags: string[] = [''];
    for (let len = 1; len <= 3; len++)
      for (let i = 0; i < alphabet.length ** len; i++) {
        let s = '';
        for (let k = 0, n = i; k < len; k++, n = Math.floor(n / alphabet.length)) s += alphabet[n % alphabet.length];
        tags.push(s);
      }
    fc.assert(
      fc.property(fc.array(patChar, { maxLength: 6 }), fc.array(patChar, { maxLength: 6 }), (a, b) => {
        const pa = compileAlternative(a.join(''));
        const pb = compileAlternative(b.join(''));
        if (pa.kind !== 'glob' || pb.kind !== 'glob') return;
        const na = globNfa(pa.seq);
        const nb = globNfa(pb.seq);
        const sub = isSubset(na, nb);
        // A claimed subset must hold on every short tag (soundness of "shadowed" claims).
        if (sub === true) for (const t of tags) if (matches(na, t)) expect(matches(nb, t)).toBe(true);
        // A claimed non-overlap must hold too (soundness of "nothing catches it").
        if (intersects(na, nb) === false) for (const t of tags) expect(matches(na, t) && matches(nb, t)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
