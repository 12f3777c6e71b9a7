/**
 * Issue 8 item 2: fluentd as fluentd reads it. Table-driven from test/fixtures/fluentd/as-fluentd-reads:
 * - a UTF-8 BOM is not stripped (the file is read as UTF-8 text, the mark becomes part of the first token);
 * - embedded Ruby is evaluated at parse time (CONFIG-FACTS B3), so a syntax error, a NameError or a
 *   method nil lacks stops fluentd in every environment, while ENV/hostname/use_nil code may run;
 * - a port is 0..65535 (B4: the integer type takes any integer; the socket refuses);
 * - out_file's <buffer> sets timekey to a day (out_file.rb `config_set_default :timekey`), so
 *   `<buffer time>` needs none there, while it does elsewhere (B7 "timekey is not configured");
 * - a file with no <match> is a fragment: a notice, no routing verdict.
 * And the sender configs of a project give the aggregator's forwarded tags.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiskFs } from '../../src/checks/fs.js';
import { checkFluentd } from '../../src/checks/fluentd/index.js';
import { embeddedRubyProblem } from '../../src/checks/fluentd/ruby.js';
import { validateProject } from '../../src/validate.js';
import { EXAMPLE } from '../support/example-env.js';
import { REPO_ROOT } from '../support/repo-root.js';

const fs = new DiskFs(path.join(REPO_ROOT, 'test/fixtures/fluentd/as-fluentd-reads'));
type Row = [code: string, severity: string, line: number, column: number];

const EXPECTED: Array<[string, Row[]]> = [
  ['bom.conf', [['fluentd/bom', 'error', 1, 1]]],
  [
    'embedded-ruby.conf',
    [
      ['fluentd/embedded-ruby-error', 'error', 10, 7], // #{1 +}: SyntaxError
      ['fluentd/embedded-ruby-error', 'error', 12, 11], // #{undefined_name}: NameError
      ['fluentd/embedded-ruby-error', 'error', 15, 18], // #{nil.strip}: NoMethodError
      // ENV['X'] || use_nil, hostname, worker_id and ENV['X'].to_s may all run: nothing.
    ],
  ],
  [
    'ports.conf',
    [
      ['fluentd/port-range', 'error', 4, 8], // in_forward port 70000
      ['fluentd/port-range', 'error', 16, 10], // <server> port -1
    ],
  ],
  ['timekey.conf', [['fluentd/buffer-timekey', 'error', 16, 11]]], // stdout's <buffer time>; out_file's is fine
  ['fragment.conf', [['fluentd/no-match', 'notice', 1, 1]]],
];

describe('fluentd as fluentd reads it (fixtures)', () => {
  test.each(EXPECTED)('%s', (file, rows) => {
    const r = checkFluentd(file, fs, {});
    expect(r.findings.map((f) => [f.code, f.severity, f.line, f.column])).toEqual(rows);
  });

  test('the BOM message names the failure fluentd shows', () => {
    expect(checkFluentd('bom.conf', fs, {}).findings[0]?.message).toContain('unmatched end tag');
  });
});

describe('embedded Ruby: what fails in every environment, and what may run', () => {
  test.each([
    ['1 +', 'a syntax error (nothing after the operator +)'],
    ["ENV['X'] ||", 'a syntax error (nothing after the operator ||)'],
    ["ENV['X'", 'a syntax error (an unclosed [)'],
    ['"abc', 'a syntax error (an unterminated " string)'],
    ['undefined_name', "undefined local variable or method 'undefined_name' (NameError)"],
    ['no_such(1)', "undefined method 'no_such' (NoMethodError)"],
    ['nil.strip', "undefined method 'strip' for nil (NoMethodError)"],
    ["ENV['X'].(", 'a syntax error (an unclosed ()'],
    ['(1 +)', 'a syntax error (nothing after the operator +)'],
  ])('%s fails: %s', (code, problem) => {
    expect(embeddedRubyProblem(code)).toBe(problem);
  });

  test.each([
    "ENV['DD_API_KEY']",
    "ENV['X'] || use_nil",
    "ENV.fetch('X', 'default')",
    'hostname',
    'worker_id.to_i + 1',
    'Socket.gethostname',
    "ENV['X'].strip", // raises only when X is unset: the environment decides
    'nil.to_s',
    'x = 1; x + 1', // locals: not followed
    "[1, 2].map { |i| i * 2 }.join(',')",
    "Time.now.strftime('%Y')",
    '',
    "require 'socket'",
    '1e3.to_i + 0x1F',
    "%w[a b].join(',')",
    "ENV['X'] =~ /abc/ ? 'y' : 'n'",
    '@x',
    '$stdout',
    "[1, 2,].join(',')",
    '[1].each { |x| }',
  ])('%s may run', (code) => {
    expect(embeddedRubyProblem(code)).toBeUndefined();
  });
});

describe('sender configs give the aggregator its forwarded tags', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-senders-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const copy = (name: string, senderTag: string): string => {
    const dir = path.join(tmp, name);
    cpSync(EXAMPLE, dir, { recursive: true });
    // No tags typed by hand: they come from senders/fluent.conf.
    const config = path.join(dir, 'dd-ecs-monitor.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^fluentd:\n {2}forwardedTags: \[nginx\]\n/m, ''));
    const sender = path.join(dir, 'senders/fluent.conf');
    writeFileSync(
      sender,
      readFileSync(sender, 'utf8')
        .replace('  tag nginx\n', `  tag ${senderTag}\n`)
        .replace('<match nginx>', `<match ${senderTag}>`),
    );
    return config;
  };

  test('the example, its tags derived from the sender: clean', () => {
    const r = validateProject(copy('same', 'nginx'));
    expect(r.project?.fluentd.forwardedTags).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  test('a sender that renames its tag: the aggregator drops those events, and says so', () => {
    const r = validateProject(copy('renamed', 'web.access'));
    expect(r.findings.map((f) => [f.file, f.code, f.severity, f.line, f.column])).toEqual([
      ['fluentd/etc/fluent.conf', 'fluentd/unrouted-source', 'error', 3, 9],
    ]);
    expect(r.findings[0]?.message).toContain('tag web.access');
  });
});
