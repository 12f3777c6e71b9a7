/**
 * Every check, table-driven from fixture files: the complete list of findings (code, severity,
 * line, column) per fixture, so a missing finding and a spurious one both fail. Messages are
 * spot-checked below for the facts they must carry.
 */
import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskFs } from '../../src/checks/fs.js';
import { checkFluentd } from '../../src/checks/fluentd/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fs = new DiskFs(path.join(here, '../fixtures/fluentd/checks'));

type Row = [code: string, severity: string, line: number, column: number];

const EXPECTED: Array<[string, Row[]]> = [
  [
    'directives.conf',
    [
      ['fluentd/unknown-directive', 'error', 1, 1], // <sourec>: never used (E1.3)
      ['fluentd/missing-type', 'error', 5, 1], // Missing '@type' parameter on <source> directive
      ['fluentd/label-argument', 'error', 9, 1], // <label> without @NAME
      ['fluentd/label-argument', 'error', 15, 1], // <label @ROOT>
      ['fluentd/label-without-match', 'error', 21, 1], // Missing <match> sections in <label @app>
      ['fluentd/unknown-directive', 'error', 22, 3], // <source> inside <label>
      ['fluentd/duplicate-label', 'error', 30, 1], // Section <label @app> appears twice
      ['fluentd/unused-label', 'warning', 36, 1],
      ['fluentd/unknown-directive', 'error', 43, 3], // <worker> section cannot have <system>
      ['fluentd/worker-argument', 'error', 47, 1], // worker3 with 1 worker
      ['fluentd/undefined-label', 'error', 55, 10], // @label @missing
      ['fluentd/duplicate-id', 'error', 65, 7], // Duplicated plugin id `dup`
      ['fluentd/unknown-parameter', 'warning', 67, 1], // a parameter outside any section
    ],
  ],
  [
    'plugins.conf',
    [
      ['fluentd/tail-pos-file', 'warning', 1, 1], // no pos_file (the typo pos_fle does not count)
      ['fluentd/invalid-value', 'error', 5, 18], // bool True (B4: invalid)
      ['fluentd/invalid-value', 'error', 6, 20], // time 1.5m = 300 s (B4 verified)
      ['fluentd/invalid-value', 'error', 7, 20], // integer 10s -> 10
      ['fluentd/loose-value', 'warning', 8, 15], // "5 seconds" happens to read as 5
      ['fluentd/invalid-value', 'error', 9, 15], // enum glob_policy
      ['fluentd/unknown-parameter', 'warning', 10, 3], // pos_fle -> pos_file
      ['fluentd/missing-parameter', 'error', 11, 3], // regexp parser without expression
      ['fluentd/missing-parameter', 'error', 16, 1], // in_tail without path
      ['fluentd/missing-section', 'error', 16, 1], // in_tail without <parse>/format
      ['fluentd/missing-parameter', 'error', 23, 1], // datadog without api_key
      ['fluentd/unknown-parameter', 'warning', 25, 3], // dd_service -> service (D7)
      ['fluentd/invalid-value', 'error', 26, 11], // use_ssl TRUE
      ['fluentd/datadog-port-ignored', 'warning', 27, 3], // port with SSL on (D8)
      ['fluentd/datadog-host', 'error', 28, 8], // host with a scheme
      ['fluentd/datadog-site', 'error', 29, 8], // datadoghq.co
      ['fluentd/datadog-compression-level', 'error', 30, 21],
      ['fluentd/datadog-tags', 'warning', 31, 11],
      ['fluentd/datadog-insecure', 'warning', 32, 3],
      ['fluentd/buffer-timekey', 'error', 33, 11], // <buffer time> without timekey
      ['fluentd/buffer-flush-mode', 'error', 35, 5], // flush_interval with flush_mode lazy
      ['fluentd/loose-value', 'warning', 36, 22], // 8MB
      ['fluentd/duplicate-section', 'error', 38, 3], // second <buffer>
      ['fluentd/unknown-section', 'warning', 40, 3], // <buffr>
      ['fluentd/missing-section', 'error', 44, 1], // out_forward without <server>
      ['fluentd/removed-parameter', 'error', 46, 3], // out_forward host (obsoleted)
      ['fluentd/invalid-value', 'error', 47, 11], // forward buffer chunk keys without tag
      ['fluentd/invalid-value', 'error', 54, 10], // ignore_if_prev_success on the first store
      ['fluentd/deprecated-parameter', 'warning', 58, 5], // `type` in <store> works, with a warning
      ['fluentd/missing-type', 'error', 60, 3], // Missing '@type' parameter in <store> section
    ],
  ],
  [
    'routing.conf',
    [
      ['fluentd/unrouted-source', 'error', 5, 7], // tag nginx.* + <match nginx.*> (B6, D3)
      ['fluentd/unrouted-source', 'error', 13, 7], // sample.one: nothing catches it
      ['fluentd/partially-routed-source', 'warning', 19, 18], // add_tag_prefix web: only web.nginx caught
      ['fluentd/shadowed-match', 'error', 30, 1], // app.debug after app.**
      ['fluentd/shadowed-match', 'warning', 34, 1], // app.{info,warn} dead, sys.** alive
      ['fluentd/dead-filter', 'error', 38, 1], // <filter app.**> after <match app.**> (D1)
      ['fluentd/invalid-pattern', 'error', 46, 8], // /broken
    ],
  ],
  [
    'secrets.conf',
    [
      ['fluentd/literal-secret', 'warning', 5, 16], // shared_key literal (E1.12: W)
      ['fluentd/hardcoded-api-key', 'error', 11, 11], // 32-hex key
      ['fluentd/unquoted-env', 'error', 16, 11], // #{ENV[..]} unquoted (D4)
      ['fluentd/env-without-use-nil', 'notice', 21, 11], // no task definition known: a hint only
      ['fluentd/embedded-ruby', 'warning', 22, 15], // backticks run a shell at start-up
      ['fluentd/literal-embedded-ruby', 'warning', 23, 11], // '#{worker_id}' is literal
      ['fluentd/placeholder-api-key', 'error', 28, 11],
    ],
  ],
  [
    'forward-in.conf',
    [
      ['fluentd/invalid-value', 'error', 4, 3], // deny_keepalive + send_keepalive_packet
      ['fluentd/invalid-value', 'error', 7, 20], // resolve_hostname false with source_hostname_key
      ['fluentd/missing-section', 'error', 8, 3], // user_auth without <user>
      ['fluentd/invalid-value', 'error', 13, 5], // <client> with host and network
      ['fluentd/port-conflict', 'error', 20, 1], // second forward on 24224 (default port)
      ['fluentd/port-conflict', 'error', 27, 8], // in_http on 24224
      ['fluentd/invalid-value', 'error', 33, 3], // tag ""
      ['fluentd/missing-parameter', 'error', 34, 3], // <security> without shared_key
      ['fluentd/captures-fluent-logs', 'warning', 39, 1], // <match **>, no <label @FLUENT_LOG>
    ],
  ],
  [
    'tail.conf',
    [
      ['fluentd/invalid-value', 'error', 6, 3], // both watchers off
      ['fluentd/invalid-value', 'error', 8, 3], // from_encoding without encoding
      ['fluentd/unknown-plugin', 'warning', 9, 10], // format ltsvv
      ['fluentd/tail-pos-file', 'error', 15, 12], // the same pos_file twice
      ['fluentd/tail-pos-file', 'error', 24, 3], // follow_inodes without pos_file
      ['fluentd/missing-type', 'error', 25, 3], // <parse> without @type
    ],
  ],
  [
    'buffers.conf',
    [
      ['fluentd/missing-parameter', 'error', 3, 3], // file buffer without path
      ['fluentd/buffer-flush-mode', 'warning', 6, 5], // flush_interval ignored with timekey (lazy by default)
      ['fluentd/invalid-value', 'error', 19, 21], // overflow_action drop_old
      ['fluentd/unknown-section', 'error', 24, 5], // <secondary> cannot have <buffer>
    ],
  ],
  [
    'misc.conf',
    [
      ['fluentd/invalid-value', 'error', 3, 13], // <system> log_level verbose
      ['fluentd/unknown-parameter', 'warning', 5, 3], // root_dirr
      ['fluentd/duplicate-key', 'warning', 12, 3], // rate twice (B2: last wins)
      ['fluentd/unknown-plugin', 'warning', 25, 11], // @type stdot
      ['fluentd/captures-fluent-logs', 'warning', 29, 1], // <match **> to datadog
    ],
  ],
  [
    'datadog-tcp.conf',
    [
      ['fluentd/datadog-tcp-site', 'error', 5, 8], // use_http false + site eu + no host (plugin ConfigError)
      ['fluentd/datadog-insecure', 'warning', 6, 3], // force_v1_routes puts the key in the URL
      ['fluentd/empty-api-key', 'error', 11, 11],
      ['fluentd/datadog-ssl-port', 'warning', 12, 12], // TCP + SSL to the default 443 (D8)
    ],
  ],
];

describe('every finding of every fixture (exact code, severity, line, column)', () => {
  test.each(EXPECTED)('%s', (file, rows) => {
    const r = checkFluentd(file, fs, {});
    expect(r.findings.map((f) => [f.code, f.severity, f.line, f.column])).toEqual(rows);
    for (const f of r.findings) expect(f.file).toBe(file);
  });
});

function message(file: string, code: string, line: number): string {
  const f = checkFluentd(file, fs, {}).findings.find((x) => x.code === code && x.line === line);
  if (!f) throw new Error(`no ${code} at ${file}:${line}`);
  return f.message;
}

describe('messages say what is wrong and what to write instead', () => {
  test.each([
    ['plugins.conf', 'fluentd/unknown-parameter', 25, 'did you mean "service"?'],
    ['plugins.conf', 'fluentd/unknown-parameter', 10, 'did you mean "pos_file"?'],
    ['plugins.conf', 'fluentd/invalid-value', 6, 'read as 300 seconds'],
    ['plugins.conf', 'fluentd/invalid-value', 7, 'fluentd reads it as 10'],
    ['plugins.conf', 'fluentd/datadog-site', 29, 'did you mean "datadoghq.com"?'],
    ['plugins.conf', 'fluentd/unknown-section', 40, 'did you mean <buffer>?'],
    ['routing.conf', 'fluentd/unrouted-source', 5, 'nginx.var.log.nginx.access.log'],
    ['routing.conf', 'fluentd/unrouted-source', 5, 'nginx.** would match these'],
    ['routing.conf', 'fluentd/shadowed-match', 30, '<match app.**> (routing.conf:26)'],
    ['routing.conf', 'fluentd/dead-filter', 38, 'a <filter> must come before the <match> it feeds'],
    ['secrets.conf', 'fluentd/unquoted-env', 16, `api_key "#{ENV['DD_API_KEY']}"`],
    ['directives.conf', 'fluentd/unknown-directive', 1, 'did you mean <source>?'],
    ['directives.conf', 'fluentd/duplicate-id', 65, 'Duplicated plugin id `dup`'],
    ['tail.conf', 'fluentd/unknown-plugin', 9, 'did you mean "ltsv"?'],
  ])('%s %s line %i mentions %j', (file, code, line, text) => {
    expect(message(file, code, line)).toContain(text);
  });

  test('a literal API key never appears in a message', () => {
    const all = checkFluentd('secrets.conf', fs, {})
      .findings.map((f) => f.message)
      .join('\n');
    expect(all).not.toContain('0123456789abcdef0123456789abcdef');
    expect(all).not.toContain('s3cr3t-shared');
  });

  test('ENV names read through double-quoted embedded Ruby are reported, unquoted ones are not', () => {
    expect(checkFluentd('secrets.conf', fs, {}).envNames).toEqual([
      'DD_API_KEY',
      'ENVIRONMENT',
      'MISSING_KEY',
      'SOURCE',
    ]);
    expect(checkFluentd('forward-in.conf', fs, {}).envNames).toEqual(['FORWARD_SHARED_KEY']);
  });
});
