/** Agent scalar typing (CONFIG-FACTS A0) and its first-character shortcut. */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { resolveAgentFull, resolvePlain } from '../../src/checks/yaml/resolve.js';

const same = (a: unknown, b: unknown): boolean => Object.is(a, b);

describe('agent typing', () => {
  const cases: Array<[string, unknown]> = [
    ['yes', true],
    ['Off', false],
    ['y', true],
    ['N', false],
    ['0777', 511],
    ['0o777', 511],
    ['1_000', 1000],
    ['_1', 1],
    ['1.0', 1],
    ['1e3', 1000],
    ['.5', 0.5],
    ['~', null],
    ['', null],
    ['1:30', '1:30'],
    ['2026-01-01', '2026-01-01'],
    ['e5', 'e5'],
    ['https://example.com', 'https://example.com'],
    ['site 1', 'site 1'],
  ];
  test.each(cases)('%s', (text, value) => {
    expect(resolvePlain(text, 'agent')).toEqual(value);
  });

  test('the first-character shortcut agrees with the full resolution', () => {
    const alphabet = fc.constantFrom(...'0123456789+-._~eExXoObByYnNtTfFaAlLsSuUrR:/ #iI'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.array(alphabet, { maxLength: 8 }).map((a) => a.join('')),
        ),
        (s) => {
          expect(same(resolvePlain(s, 'agent'), resolveAgentFull(s))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
