/**
 * Issue 8 item 1: `@include` expansion is bounded in depth, count and size. Fluentd expands an include
 * in place every time it appears (B2), so files including each other more than once multiply; any
 * include graph must end quickly with a handful of findings, never one per expanded copy.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { checkFluentd } from '../../src/checks/fluentd/index.js';
import { MemoryFs } from './memory-fs.js';

describe('include graphs, property', () => {
  test('any graph of up to 8 files with repeated and glob includes: bounded time and findings', () => {
    const include = fc.oneof(
      fc.integer({ min: 0, max: 7 }).map((i) => `f${i}.conf`),
      fc.constant('*.conf'),
      fc.constant('f*.conf'),
    );
    const file = fc.record({ includes: fc.array(include, { maxLength: 4 }), twice: fc.boolean(), match: fc.boolean() });
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 8 }), (files) => {
        const tree: Record<string, string> = {};
        files.forEach((f, i) => {
          const lines = f.includes.flatMap((inc) =>
            f.twice ? [`@include ${inc}`, `@include ${inc}`] : [`@include ${inc}`],
          );
          if (f.match) lines.push(`<match f${i}.**>`, '  @type null', '</match>');
          tree[`/etc/fluent/f${i}.conf`] = `${lines.join('\n')}\n`;
        });
        const t0 = performance.now();
        const r = checkFluentd('/etc/fluent/f0.conf', new MemoryFs(tree), {});
        expect(performance.now() - t0).toBeLessThan(10_000); // a guard against a hang
        const includeLines = files.reduce((n, f) => n + f.includes.length * (f.twice ? 2 : 1), 0);
        // At most one cycle finding per @include line, one for the bound, and a few per file.
        expect(r.findings.length).toBeLessThanOrEqual(includeLines + 1 + 3 * files.length);
      }),
      { numRuns: 150 },
    );
  });
});
