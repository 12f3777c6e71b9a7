/**
 * Never crash, never hang: arbitrary text, token soup, 10,000-deep nesting, binary junk, 10 MB,
 * templates. Speed is measured in `npm run bench` (bench/run.ts), not asserted here.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../../src/checks/findings.js';
import { DiskFs } from '../../src/checks/fs.js';
import { checkFluentd, checkFluentdSource, looksLikeFluentd, parseFluentd } from '../../src/checks/fluentd/index.js';
import { sourceFromText } from '../../src/checks/source.js';

const FATAL = new Set([
  'fluentd/unclosed-section',
  'fluentd/unmatched-end-tag',
  'fluentd/syntax',
  'fluentd/invalid-escape',
  'fluentd/unterminated-string',
  'fluentd/incomplete-json',
  'fluentd/unterminated-embedded-code',
]);

function wellFormed(findings: Finding[], text: string): void {
  const lines = text.split('\n').length;
  for (const f of findings) {
    expect(['error', 'warning', 'notice']).toContain(f.severity);
    expect(f.code).toMatch(/^(fluentd|file)\/[a-z0-9-]+$/);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(lines);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.message.length).toBeGreaterThan(0);
  }
  // fluentd stops at the first parse error: never two.
  expect(findings.filter((f) => FATAL.has(f.code) && f.severity === 'error').length).toBeLessThanOrEqual(1);
}

const TOKENS = [
  '<source>',
  '</source>',
  '<match a.**>',
  '<match **>',
  '</match>',
  '<filter *>',
  '</filter>',
  '<label @x>',
  '</label>',
  '<store>',
  '</store>',
  '<buffer tag,time>',
  '</buffer>',
  '<parse>',
  '</parse>',
  '<worker 0-1>',
  '</worker>',
  '<system>',
  '</system>',
  '@type tail',
  '@type copy',
  '@type datadog',
  '@type forward',
  '@label @x',
  '@id a',
  'path /var/log/*.log',
  'tag app.*',
  'api_key "#{ENV[\'K\']}"',
  "api_key #{ENV['K']}",
  'port abc',
  'flush_interval 1.5m',
  'k "a\\d"',
  'k [1, 2',
  'k {"a": 1}',
  '"',
  "'",
  '[',
  '{',
  '}',
  ']',
  '#',
  '#{',
  '\\',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\n\n',
  '@include x.conf',
  '@foo 1',
  '</>',
  '<>',
];

describe('arbitrary input only ever produces findings', () => {
  test('property: any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const r = checkFluentdSource(sourceFromText('f.conf', text));
        wellFormed(r.findings, text);
      }),
      { numRuns: 800 },
    );
  });

  test('property: fluentd token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (tokens) => {
        const text = tokens.join('\n');
        const r = checkFluentdSource(sourceFromText('f.conf', text), {
          env: { names: new Set(['K']), secretNames: new Set(), open: false, where: 'c', taskDefinitionFile: 't' },
        });
        wellFormed(r.findings, text);
      }),
      { numRuns: 1500 },
    );
  });

  test('property: parsing is deterministic and positions stay inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (tokens) => {
        const text = tokens.join(' ');
        const a = parseFluentd(sourceFromText('f.conf', text));
        const b = parseFluentd(sourceFromText('f.conf', text));
        expect(a.findings).toEqual(b.findings);
        wellFormed(a.findings, text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('adversarial sizes', () => {
  const DEEP = 10_000;

  test('10,000-deep balanced nesting', () => {
    const text = '<a>\n'.repeat(DEEP) + '</a>\n'.repeat(DEEP);
    const r = checkFluentdSource(sourceFromText('f.conf', text));
    expect(r.findings.map((f) => [f.code, f.line])).toEqual([['fluentd/unknown-directive', 1]]);
  });

  test('10,000-deep unclosed nesting: one finding at the innermost open tag', () => {
    const r = checkFluentdSource(sourceFromText('f.conf', '<a>\n'.repeat(DEEP)));
    expect(r.findings.map((f) => [f.code, f.line, f.column])).toEqual([['fluentd/unclosed-section', DEEP, 1]]);
  });

  test('10,000 nested copy stores: bounded, one too-deep warning', () => {
    const text =
      '<match **>\n' +
      '  @type copy\n  <store>\n'.repeat(DEEP) +
      '  @type null\n' +
      '  </store>\n'.repeat(DEEP) +
      '</match>\n';
    const r = checkFluentdSource(sourceFromText('f.conf', text));
    expect(r.findings.filter((f) => f.code === 'fluentd/too-deep')).toHaveLength(1);
  });

  test('deep JSON, deep braces in a pattern, deep embedded Ruby', () => {
    const json = `<source>\n  @type sample\n  tag a\n  sample ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n</source>\n<match a>\n  @type null\n</match>\n`;
    expect(checkFluentdSource(sourceFromText('f.conf', json)).findings).toEqual([]);
    const braces = `<match ${'{a,'.repeat(DEEP)}b${'}'.repeat(DEEP)}>\n  @type null\n</match>\n<match a>\n  @type null\n</match>\n`;
    // Too deep to build an automaton for: treated like a /regex/, so nothing is claimed about it.
    expect(checkFluentdSource(sourceFromText('f.conf', braces)).findings).toEqual([]);
    const ruby = `<match a>\n  @type null\n  k "${'#{"'.repeat(DEEP)}${'"}'.repeat(DEEP)}"\n</match>\n`;
    expect(checkFluentdSource(sourceFromText('f.conf', ruby)).findings.every((f) => f.severity !== 'error')).toBe(true);
  });

  test('a line of 200,000 spaces and a 2 MB value stay linear', () => {
    const text = `<match a>\n  @type null\n  k a${' '.repeat(200_000)}b\n  v ${'x'.repeat(2_000_000)}\n</match>\n`;
    const t0 = performance.now();
    checkFluentdSource(sourceFromText('f.conf', text));
    // A guard against a hang (quadratic scanning takes minutes here), not a speed claim: see `npm run bench`.
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  test('binary junk, 10 MB and templated files through the file reader: one finding each', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fluentd-'));
    writeFileSync(path.join(dir, 'junk.conf'), Buffer.from([0x3c, 0x73, 0xff, 0xfe, 0x00, 0x01, 0x80]));
    writeFileSync(path.join(dir, 'nul.conf'), '<source>\n\0\n');
    writeFileSync(path.join(dir, 'big.conf'), Buffer.alloc(10 * 1024 * 1024, 0x61));
    writeFileSync(
      path.join(dir, 'tpl.conf'),
      '<match **>\n  @type datadog\n  api_key {{ datadog_api_key }}\n</match>\n',
    );
    writeFileSync(path.join(dir, 'inc.conf'), '@include tpl.conf\n<match **>\n  @type null\n</match>\n');
    const fs = new DiskFs(dir);
    const one = (f: string): Array<[string, string, number]> =>
      checkFluentd(f, fs, {}).findings.map((x) => [x.code, x.severity, x.line]);
    expect(one('junk.conf')).toEqual([['file/not-utf8', 'error', 1]]);
    expect(one('nul.conf')).toEqual([['file/binary', 'error', 2]]);
    expect(one('big.conf')).toEqual([['file/too-large', 'error', 1]]);
    expect(one('tpl.conf')).toEqual([['file/template', 'notice', 3]]);
    // A templated include: its notice, and nothing that would need its contents.
    expect(one('inc.conf')).toEqual([['file/template', 'notice', 3]]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a file too large to hold in memory is the same size finding, judged from its size alone', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fluentd-'));
    const huge = path.join(dir, 'huge.conf');
    writeFileSync(huge, '');
    truncateSync(huge, 8 * 1024 ** 3); // sparse: 8 GiB that take no disk space
    expect(checkFluentd('huge.conf', new DiskFs(dir), {}).findings.map((x) => [x.code, x.severity, x.line])).toEqual([
      ['file/too-large', 'error', 1],
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});

function bigConfig(blocks: number): string {
  const out: string[] = ['<system>', '  log_level info', '</system>', ''];
  for (let i = 0; i < blocks; i++) {
    out.push(
      '<source>',
      '  @type tail',
      `  @id tail_${i}`,
      `  path /var/log/app${i}/*.log`,
      `  pos_file /var/log/pos/app${i}.pos`,
      `  tag app${i}.*`,
      '  <parse>',
      '    @type ltsv',
      '    time_key time',
      '  </parse>',
      '</source>',
      '',
      `<filter app${i}.**>`,
      '  @type record_transformer',
      '  <record>',
      `    service app${i}`,
      '    host "#{Socket.gethostname}"',
      '  </record>',
      '</filter>',
      '',
      `<match app${i}.**>`,
      '  @type datadog',
      `  @id dd_${i}`,
      `  api_key "#{ENV['DD_API_KEY']}"`,
      `  dd_source app${i}`,
      '  dd_tags env:prod,team:sre',
      '  <buffer>',
      '    @type memory',
      '    flush_interval 5s',
      '    chunk_limit_size 1m',
      '  </buffer>',
      '</match>',
      '',
    );
  }
  out.push('<label @FLUENT_LOG>', '  <match fluent.**>', '    @type stdout', '  </match>', '</label>');
  return `${out.join('\n')}\n`;
}

describe('a large real-looking file', () => {
  // Its speed is a row of `npm run bench`; here only that it checks clean.
  test('a 3,000-line fluent.conf checks clean', () => {
    const text = bigConfig(92);
    expect(text.split('\n').length).toBeGreaterThanOrEqual(3000);
    const ctx = {
      env: {
        names: new Set(['DD_API_KEY']),
        secretNames: new Set<string>(),
        open: false,
        where: 'c',
        taskDefinitionFile: 't',
      },
    };
    expect(checkFluentdSource(sourceFromText('fluent.conf', text), ctx).findings).toEqual([]);
  });
});

describe('looksLikeFluentd', () => {
  test.each([
    ['<source>\n  @type forward\n</source>\n', true],
    ['# c\n<match app.**> # x\n  @type null\n</match>\n', true],
    ['@include conf.d/*.conf\n', true],
    ['<label @FLUENT_LOG>\n</label>\n', true],
    ['init_config:\ninstances:\n  - name: x\n', false],
    ['{"family": "fluentd", "containerDefinitions": []}', false],
    ['<html><body><source src="x"></body></html>', false],
    ['', false],
  ])('%j -> %s', (text, expected) => {
    expect(looksLikeFluentd(text)).toBe(expected);
  });
});
