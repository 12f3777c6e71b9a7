/**
 * Issue 8 item 1: aliases are shared in the tree and never expanded, and a file whose aliases
 * expand it past go-yaml's aliasing ratio (CVE-2019-11254, the agent's YAML reader: CONFIG-FACTS
 * A0) is one `yaml/alias-bomb` finding with no tree, so no reader walks it.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkAgentFile } from '../../src/checks/agent/index.js';
import type { Finding } from '../../src/checks/findings.js';
import { sourceFromText } from '../../src/checks/source.js';
import { checkTaskDefinition } from '../../src/checks/taskdef/index.js';
import { loadYaml } from '../../src/checks/yaml/load.js';
import { REPO_ROOT } from '../support/repo-root.js';

const fixture = (f: string): string => readFileSync(path.join(REPO_ROOT, 'test/fixtures', f), 'utf8');
const rows = (f: string): Array<[string, string, number, number]> =>
  loadYaml(sourceFromText(f, fixture(f)), 'agent').findings.map((x) => [x.code, x.severity, x.line, x.column]);

describe('alias bound', () => {
  test.each([
    ['hostile/billion-laughs/http_check.d/conf.yaml', [['yaml/alias-bomb', 'error', 4, 14]]],
    ['hostile/billion-laughs/taskdef.yaml', [['yaml/alias-bomb', 'error', 4, 14]]],
    ['yaml/alias-cycle.yaml', [['yaml/alias-bomb', 'error', 7, 11]]],
    ['yaml/aliases-ok.yaml', []],
  ])('%s', (file, expected) => {
    expect(rows(file)).toEqual(expected);
  });

  test('a bomb has no tree for a reader to walk', () => {
    const y = loadYaml(sourceFromText('f.yaml', fixture('hostile/billion-laughs/mysql.d/conf.yaml')), 'agent');
    expect(y.root).toBeNull();
    expect(y.findings[0]?.message).toMatch(/expand this file to 926,177,126 nodes \(from 31 written\)/);
  });

  test('property: every YAML reader takes any ladder of anchors and aliases in bounded time', () => {
    const readers: Array<[string, (text: string) => Finding[]]> = [
      [
        'http_check',
        (t) =>
          checkAgentFile(
            sourceFromText(
              'conf.yaml',
              `init_config:\n${t}instances:\n  - name: a\n    url: https://a.example.com/\n    tags: *top\n`,
            ),
            'http_check',
            {},
          ).findings,
      ],
      [
        'mysql',
        (t) =>
          checkAgentFile(
            sourceFromText('conf.yaml', `init_config:\n${t}instances:\n  - host: db\n    tags: *top\n`),
            'mysql',
            {},
          ).findings,
      ],
      [
        'taskdef',
        (t) =>
          checkTaskDefinition(
            sourceFromText(
              'taskdef.yaml',
              `family: f\nx:\n${t}containerDefinitions:\n  - name: a\n    image: busybox\n    command: *top\n`,
            ),
            {},
          ).findings,
      ],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        (levels, fan, flow, r) => {
          const lines = ['  a0: &a0 x'];
          for (let i = 1; i <= levels; i++) {
            const refs = Array.from({ length: fan }, () => `*a${i - 1}`);
            lines.push(
              flow
                ? `  a${i}: &a${i} [${refs.join(', ')}]`
                : `  a${i}: &a${i}\n${refs.map((ref) => `    - ${ref}`).join('\n')}`,
            );
          }
          lines.push(`  top: &top [*a${levels}]`);
          const [, read] = readers[r] as (typeof readers)[number];
          const t0 = performance.now();
          const findings = read(`${lines.join('\n')}\n`);
          expect(performance.now() - t0).toBeLessThan(10_000); // a guard against a hang
          const expanded = Array.from({ length: levels + 1 }, (_, i) => fan ** i).reduce((a, b) => a + b, 0);
          if (expanded > 4_000_000) expect(findings.map((f) => f.code)).toEqual(['yaml/alias-bomb']);
        },
      ),
      { numRuns: 150 },
    );
  });
});
