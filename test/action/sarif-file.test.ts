/**
 * The action writes every finding as SARIF 2.1.0 and names the file in the `sarif-file` output,
 * for github/codeql-action/upload-sarif: the real bundle, a push event, the example in a subfolder;
 * the URIs are relative to the repository root (the workspace), as code scanning resolves them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { validateSarif } from '../support/sarif-schema.js';
import { type ActionRun, commitFile, eventFixture, exampleRepo, spawnAction } from './harness.js';

const HTTP = 'examples/datadog-ecs/datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';
let repo: ReturnType<typeof exampleRepo>;
let run: ActionRun;

beforeAll(async () => {
  repo = exampleRepo();
  const head = commitFile(
    repo.dir,
    HTTP,
    `${readFileSync(path.join(repo.dir, HTTP), 'utf8')}\n  - name: Broken\n    url: shop.example.com\n`,
    'a bad site',
  );
  run = await spawnAction({
    inputs: {
      command: 'validate',
      config: 'examples/datadog-ecs/dd-ecs-monitor.yml',
      'sarif-file': 'reports/dd-ecs-monitor.sarif',
    },
    eventName: 'workflow_dispatch',
    event: eventFixture('workflow_dispatch', {}),
    workspace: repo.dir,
    sha: head,
  });
}, 120_000);
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

describe('the sarif-file output', () => {
  test('names the file the sarif-file input asked for, a valid SARIF 2.1.0 log', () => {
    const file = path.join(repo.dir, 'reports/dd-ecs-monitor.sarif');
    expect(run.outputs['sarif-file']).toBe(file);
    expect(existsSync(file)).toBe(true);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
  });

  test('the error is a result on its line, under %SRCROOT%, relative to the repository root', () => {
    const log = JSON.parse(readFileSync(path.join(repo.dir, 'reports/dd-ecs-monitor.sarif'), 'utf8'));
    const errors = (
      log.runs[0].results as Array<{
        level: string;
        locations: Array<{ physicalLocation: { artifactLocation: object; region: { startLine: number } } }>;
      }>
    ).filter((r) => r.level === 'error');
    const annotated = run.commands.filter((c) => c.command === 'error' && c.properties.file);
    expect(errors.length).toBe(annotated.length);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: HTTP, uriBaseId: '%SRCROOT%' });
    expect(String(errors[0]?.locations[0]?.physicalLocation.region.startLine)).toBe(annotated[0]?.properties.line);
  });
});
