/**
 * `--format sarif` (validate, check) and the action's `sarif-file`: SARIF 2.1.0 as GitHub code
 * scanning reads it, checked against the OASIS JSON schema itself (draft-04, read from
 * ../shared/reference relative to the repository root) with ajv.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '../../src/checks/findings.js';
import { main } from '../../src/cli/main.js';
import { toSarif } from '../../src/report/sarif.js';
import { EXAMPLE } from '../support/example-env.js';
import { validateSarif } from '../support/sarif-schema.js';

function expectValid(log: unknown): void {
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors).toEqual([]);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const F = (
  file: string,
  line: number,
  column: number,
  severity: Finding['severity'],
  code: string,
  message: string,
): Finding => ({ file, line, column, severity, code, message });

describe('toSarif', () => {
  const findings = [
    F(
      'datadog/conf.d/http_check.d/conf.yaml',
      7,
      5,
      'warning',
      'http_check/unknown-key',
      'unknown key "timeuot" (did you mean "timeout"?)',
    ),
    F('dd-ecs-monitor.yml', 25, 5, 'error', 'project/no-target-container', 'services.fluentd.secrets go only to ...'),
    F('my dir/fluent.conf', 3, 1, 'notice', 'fluentd/env-without-use-nil', 'if X is unset ...'),
    F('dd-ecs-monitor.yml', 30, 3, 'warning', 'project/no-target-container', 'again, as a warning'),
  ];

  test('valid against the SARIF 2.1.0 schema', () => {
    expectValid(toSarif(findings, { version: '0.1.0' }));
    expectValid(toSarif([], { version: '0.1.0' }));
  });

  test('one rule per code (the worst level as its default), results with level, message and region, repository-relative URIs', () => {
    const log = toSarif(findings, { version: '0.1.0' });
    const run = log.runs[0];
    expect(run?.tool.driver.name).toBe('dd-ecs-monitor');
    expect(run?.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ['fluentd/env-without-use-nil', 'note'],
      ['http_check/unknown-key', 'warning'],
      ['project/no-target-container', 'error'],
    ]);
    expect(
      run?.results.map((r) => [
        r.ruleId,
        r.ruleIndex,
        r.level,
        r.locations[0]?.physicalLocation.artifactLocation,
        r.locations[0]?.physicalLocation.region,
      ]),
    ).toEqual([
      [
        'http_check/unknown-key',
        1,
        'warning',
        { uri: 'datadog/conf.d/http_check.d/conf.yaml', uriBaseId: '%SRCROOT%' },
        { startLine: 7, startColumn: 5 },
      ],
      [
        'project/no-target-container',
        2,
        'error',
        { uri: 'dd-ecs-monitor.yml', uriBaseId: '%SRCROOT%' },
        { startLine: 25, startColumn: 5 },
      ],
      [
        'project/no-target-container',
        2,
        'warning',
        { uri: 'dd-ecs-monitor.yml', uriBaseId: '%SRCROOT%' },
        { startLine: 30, startColumn: 3 },
      ],
      [
        'fluentd/env-without-use-nil',
        0,
        'note',
        { uri: 'my%20dir/fluent.conf', uriBaseId: '%SRCROOT%' },
        { startLine: 3, startColumn: 1 },
      ],
    ]);
    expect(run?.results[0]?.message.text).toBe('unknown key "timeuot" (did you mean "timeout"?)');
  });

  test('a file outside the repository becomes a file: URI without a base id', () => {
    const log = toSarif([F('/tmp/x.conf', 1, 1, 'error', 'fluentd/parse-error', 'x')], { version: '0.1.0' });
    expectValid(log);
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({
      uri: 'file:///tmp/x.conf',
    });
  });
});

describe('the CLI', () => {
  function io(cwd: string): { out: string[]; err: string[]; io: Parameters<typeof main>[1] } {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: {} } };
  }

  test('validate --format sarif: one valid SARIF document, exit status as with text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-sarif-'));
    dirs.push(dir);
    cpSync(EXAMPLE, dir, { recursive: true });
    const cfg = path.join(dir, 'dd-ecs-monitor.yml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('    containers:\n      fluentd: fluentd\n', ''));
    const x = io(dir);
    expect(await main(['validate', '--format', 'sarif'], x.io)).toBe(1);
    const log = JSON.parse(x.out.join('\n'));
    expectValid(log);
    const hit = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'project/no-target-container');
    expect(hit.level).toBe('error');
    expect(hit.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'dd-ecs-monitor.yml',
      uriBaseId: '%SRCROOT%',
    });
  });

  test('check --format sarif on a standalone file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-sarif-'));
    dirs.push(dir);
    writeFileSync(
      path.join(dir, 'http_check.yaml'),
      'init_config:\ninstances:\n  - name: x\n    url: https://example.com/\n    timeuot: 5\n',
    );
    const x = io(dir);
    await main(['check', '--kind', 'http_check', '--format', 'sarif', 'http_check.yaml'], x.io);
    const log = JSON.parse(x.out.join('\n'));
    expectValid(log);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'http_check.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expect(log.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(5);
  });
});
