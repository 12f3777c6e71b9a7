/**
 * The CLI's external contract (DESIGN.md): commands, exit statuses 0/1/2, `path:line:col: severity
 * CODE message` text and the JSON document; and the committed bundle running from a folder with no
 * node_modules anywhere above it (a fresh clone without npm ci).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { EXAMPLE } from '../support/example-env.js';
import { REPO_ROOT } from '../support/repo-root.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd,
    env: { PATH: process.env.PATH },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let tmp: string;
let broken: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-cli-'));
  // The acceptance copy: a misspelled http_check key, a url without scheme, an unclosed <match>.
  broken = path.join(tmp, 'broken');
  cpSync(EXAMPLE, broken, { recursive: true });
  const http = path.join(broken, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml');
  const lines = readFileSync(http, 'utf8').split('\n');
  expect(lines[5]).toBe('    timeout: 5');
  expect(lines[11]).toBe('    url: https://media.example.com/');
  lines[5] = '    timeuot: 5';
  lines[11] = '    url: media.example.com/';
  writeFileSync(http, lines.join('\n'));
  const conf = path.join(broken, 'fluentd/etc/fluent.conf');
  writeFileSync(conf, readFileSync(conf, 'utf8').replace(/<\/match>\s*$/, ''));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('validate', () => {
  test('the example repository validates clean: exit 0, no findings', async () => {
    const r = await cli(['validate', '--config', 'examples/datadog-ecs/dd-ecs-monitor.yml'], REPO_ROOT);
    expect(r.out).toBe('');
    expect(r.err).toBe('0 errors, 0 warnings in 10 files checked');
    expect(r.code).toBe(0);
  });

  test('the broken copy: exit 1 and exactly three findings on the right lines', async () => {
    const r = await cli(['validate'], broken);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml:6:5: warning http_check/unknown-key unknown option "timeuot" in instance 1: the check ignores it (did you mean "timeout"?)',
      expect.stringMatching(
        /^datadog\/etc\/datadog-agent\/conf\.d\/http_check\.d\/conf\.yaml:12:10: error http_check\/url-scheme .*write https:\/\/media\.example\.com\/$/,
      ),
      expect.stringMatching(
        /^fluentd\/etc\/fluent\.conf:8:1: error fluentd\/unclosed-section expected end tag '<\/match>' but got end of file/,
      ),
    ]);
    expect(r.err).toBe('2 errors, 1 warning in 10 files checked');
  });

  test('--format json: one document with 1-based positions, severities and codes; paths relative to where it runs', async () => {
    const r = await cli(['validate', '--config', 'broken/dd-ecs-monitor.yml', '--format', 'json'], tmp);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(
      doc.findings.map((f: { file: string; line: number; column: number; severity: string; code: string }) => [
        f.file,
        f.line,
        f.column,
        f.severity,
        f.code,
      ]),
    ).toEqual([
      ['broken/datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml', 6, 5, 'warning', 'http_check/unknown-key'],
      ['broken/datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml', 12, 10, 'error', 'http_check/url-scheme'],
      ['broken/fluentd/etc/fluent.conf', 8, 1, 'error', 'fluentd/unclosed-section'],
    ]);
    expect(doc.summary).toEqual({ error: 2, warning: 1, notice: 0, files: 10 });
    expect(doc.files).toContainEqual({ path: 'broken/fluentd/etc/fluent.conf', kind: 'fluentd' });
  });

  test('--fail-on warning fails on a warning alone', async () => {
    const dir = path.join(tmp, 'warn-only');
    cpSync(EXAMPLE, dir, { recursive: true });
    const http = path.join(dir, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml');
    writeFileSync(http, readFileSync(http, 'utf8').replace('    timeout: 5\n', '    timeuot: 5\n'));
    expect((await cli(['validate'], dir)).code).toBe(0);
    expect((await cli(['validate', '--fail-on', 'warning'], dir)).code).toBe(1);
  });

  test.each([
    ['a missing project file', 'nope.yml', 'file/missing'],
    ['a project file that is not YAML', 'junk.yml', 'yaml/syntax'],
    ['a project file of binary junk', 'binary.yml', 'file/not-utf8'],
    ['a project file with NUL bytes', 'nul.yml', 'file/binary'],
  ])('%s: exit 2 with a finding, no stack trace', async (_what, file, code) => {
    writeFileSync(path.join(tmp, 'junk.yml'), 'cluster: [unclosed\n  images: {\n');
    writeFileSync(path.join(tmp, 'binary.yml'), Buffer.from([0x63, 0x6c, 0x00, 0xff, 0x00, 0x10]));
    writeFileSync(path.join(tmp, 'nul.yml'), Buffer.from('cluster: a\0b\n'));
    const r = await cli(['validate', '--config', file], tmp);
    expect(r.code).toBe(2);
    expect(r.out).toContain(` ${code} `);
    expect(`${r.out}${r.err}`).not.toMatch(/\n\s+at /);
  });
});

describe('check', () => {
  test('kinds inferred from path and content; findings per file', async () => {
    const r = await cli(
      [
        'check',
        'broken/datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
        'broken/fluentd/etc/fluent.conf',
        'broken/ecs/fluentd.taskdef.json',
        '--format',
        'json',
      ],
      tmp,
    );
    const doc = JSON.parse(r.out);
    expect(doc.files).toEqual([
      { path: 'broken/datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml', kind: 'http_check' },
      { path: 'broken/fluentd/etc/fluent.conf', kind: 'fluentd' },
      { path: 'broken/ecs/fluentd.taskdef.json', kind: 'taskdef' },
    ]);
    expect(doc.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(['http_check/unknown-key', 'http_check/url-scheme', 'fluentd/unclosed-section']),
    );
    expect(r.code).toBe(1);
  });

  test('--kind overrides inference; an unknown kind of file is a finding, not a crash', async () => {
    writeFileSync(path.join(tmp, 'mystery.txt'), 'hello\n');
    const unknown = await cli(['check', 'mystery.txt'], tmp);
    expect(unknown.out).toBe(
      'mystery.txt:1:1: error file/unknown-kind cannot tell what kind of file this is: pass --kind http_check, mysql, fluentd or taskdef',
    );
    expect(unknown.code).toBe(1);
    writeFileSync(
      path.join(tmp, 'sites.txt'),
      'init_config:\ninstances:\n  - name: a\n    url: https://a.example.com/\n',
    );
    expect((await cli(['check', '--kind', 'http_check', 'sites.txt'], tmp)).code).toBe(0);
  });

  test('a Fluentd file outside the working directory is named by its absolute path, includes too', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-elsewhere-'));
    try {
      writeFileSync(path.join(elsewhere, 'fluent.conf'), '@include extra.conf\n<match **>\n  @type null\n</match>\n');
      writeFileSync(path.join(elsewhere, 'extra.conf'), '<source>\n  @type forward\n  bogus 1\n</source>\n');
      const r = await cli(['check', path.join(elsewhere, 'fluent.conf'), '--format', 'json'], tmp);
      const doc = JSON.parse(r.out);
      expect(doc.files).toEqual([{ path: path.join(elsewhere, 'fluent.conf'), kind: 'fluentd' }]);
      expect(doc.findings.map((f: { file: string; line: number; code: string }) => [f.file, f.line, f.code])).toEqual([
        [path.join(elsewhere, 'extra.conf'), 3, 'fluentd/unknown-parameter'],
      ]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  test('a templated file gets one notice, not a cascade of syntax errors', async () => {
    writeFileSync(
      path.join(tmp, 'fluent.conf.j2'),
      '<source>\n  @type forward\n  port {{ fluentd_port }}\n{% if x %}\n</source>\n',
    );
    const r = await cli(['check', '--kind', 'fluentd', 'fluent.conf.j2'], tmp);
    expect(r.out).toBe(
      'fluent.conf.j2:3:8: notice file/template template: rendered before it can be checked (Jinja/Go template syntax found); check the rendered file instead',
    );
    expect(r.code).toBe(0);
  });

  test('usage errors exit 2', async () => {
    expect((await cli(['check'], tmp)).code).toBe(2);
    expect((await cli(['deploy', '--wait-timeout', 'soon'], tmp)).code).toBe(2);
    expect((await cli(['nonsense'], tmp)).code).toBe(2);
  });
});

describe('the committed bundle', () => {
  test('dist/cli/index.js runs from a folder with no node_modules: validate the example, exit 0', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-bundle-'));
    try {
      cpSync(path.join(REPO_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
      cpSync(EXAMPLE, path.join(dir, 'example'), { recursive: true });
      const ok = spawnSync(
        process.execPath,
        ['dist/cli/index.js', 'validate', '--config', 'example/dd-ecs-monitor.yml'],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(ok.stderr).toContain('0 errors, 0 warnings in 10 files checked');
      expect(ok.status).toBe(0);
      const usage = spawnSync(process.execPath, ['dist/cli/index.js', 'validate', '--bogus'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain("Unknown option '--bogus'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
