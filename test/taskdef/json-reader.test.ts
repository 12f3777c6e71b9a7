/**
 * The position-keeping JSON reader: the same values as JSON.parse for valid input, and for invalid
 * input one finding at the exact offending character.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { sourceFromText } from '../../src/checks/source.js';
import { readJson } from '../../src/checks/taskdef/json-reader.js';
import { toJS } from '../../src/checks/yaml/ast.js';

const read = (text: string) => readJson(sourceFromText('td.json', text));

describe('syntax errors point at the character', () => {
  test.each<[string, string, string, number, number, RegExp]>([
    ['trailing comma in object', '{"a": 1,\n}', 'json/syntax', 1, 8, /trailing comma/],
    ['trailing comma in list', '{"a": [1,\n  2,\n]}', 'json/syntax', 2, 4, /trailing comma/],
    ['missing comma', '{"a": 1\n "b": 2}', 'json/syntax', 2, 2, /expected "," or "}"/],
    ['single quotes', "{'a': 1}", 'json/syntax', 1, 2, /double quotes/],
    ['unquoted key', '{a: 1}', 'json/syntax', 1, 2, /property name/],
    ['comment', '{\n  // note\n  "a": 1}', 'json/syntax', 2, 3, /comments/],
    ['unterminated string', '{"a": "x\n}', 'json/syntax', 1, 9, /control character/],
    ['never closed', '{"a": [1, 2', 'json/syntax', 1, 12, /end of file/],
    ['bare word', '{"a": yes}', 'json/syntax', 1, 7, /unexpected word "yes"/],
    ['leading zero', '{"a": 01}', 'json/syntax', 1, 8, /bad number/],
    ['bad escape', '{"a": "\\x"}', 'json/syntax', 1, 8, /bad escape/],
    ['garbage after the value', '{}\n{}', 'json/syntax', 2, 1, /after the end/],
    ['empty file', '  \n', 'json/syntax', 2, 1, /empty/],
    ['missing colon', '{"a" 1}', 'json/syntax', 1, 6, /expected ":"/],
  ])('%s', (_name, text, code, line, column, message) => {
    const r = read(text);
    expect(r.root).toBeNull();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code, line, column, severity: 'error' });
    expect(r.findings[0]!.message).toMatch(message);
  });

  test('10,000-deep nesting is a finding, not a stack overflow', () => {
    const r = read('['.repeat(10000) + ']'.repeat(10000));
    expect(r.findings.map((f) => [f.code, f.line, f.column])).toEqual([['json/too-deep', 1, 501]]);
  });
});

describe('valid JSON', () => {
  test('ranges point at keys and values', () => {
    const r = read('{\n  "family": "x",\n  "n": [1, true, null]\n}');
    expect(r.findings).toEqual([]);
    const root = r.root!;
    if (root.kind !== 'map') throw new Error('not a map');
    const pair = root.pairs[0]!;
    expect(r.source.lines.position(pair.key.range[0])).toEqual({ line: 2, column: 3 });
    expect(r.source.lines.position(pair.value.range[0])).toEqual({ line: 2, column: 13 });
  });

  test('duplicate keys are recorded (the last wins)', () => {
    const r = read('{"a": 1, "b": {"c": 1, "c": 2}}');
    expect(r.duplicates.map((d) => [d.key, d.path])).toEqual([['c', 'b']]);
    expect(toJS(r.root!)).toEqual({ a: 1, b: { c: 2 } });
  });

  test('agrees with JSON.parse on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v, null, 1);
        const r = read(text);
        expect(r.findings).toEqual([]);
        expect(toJS(r.root!)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  test('rejects what JSON.parse rejects, accepts what it accepts, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        let ok = true;
        try {
          JSON.parse(text);
        } catch {
          ok = false;
        }
        const r = read(text);
        // An empty document is rejected by both; JSON.parse accepts "-0" etc. just as we do.
        expect(r.findings.length === 0).toBe(ok);
      }),
      { numRuns: 1000 },
    );
  });
});
