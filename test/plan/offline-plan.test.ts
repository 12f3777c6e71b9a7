/** `plan --offline`: no AWS at all; what changed comes from git, digests and account are placeholders. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { memoryLog } from '../../src/log.js';
import { formatPlanText, OFFLINE_DIGEST } from '../../src/plan/index.js';
import { planProject } from '../../src/plan-project.js';
import { changedFilesFromGit } from '../../src/git.js';
import { EXAMPLE } from '../support/example-env.js';

let repo: string;
let base: string;
let head: string;
const git = (...args: string[]): string =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-plan-'));
  cpSync(EXAMPLE, repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'one');
  base = git('rev-parse', 'HEAD');
  appendFileSync(
    path.join(repo, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml'),
    '  - name: status\n    url: https://status.example.com/\n',
  );
  git('commit', '-q', '-am', 'a site');
  head = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('offline plan of the example after an http_check change', () => {
  test('the agent image is rebuilt and its service re-registered; fluentd is left alone; no AWS asked', async () => {
    // No endpoint and no credentials: any AWS call would fail the test.
    const env = {
      PATH: process.env.PATH,
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
    };
    const changed = await changedFilesFromGit({ root: repo, base, head, mode: 'direct' });
    const plan = await planProject({
      configPath: path.join(repo, 'dd-ecs-monitor.yml'),
      offline: true,
      changed,
      log: memoryLog(),
      env,
    });
    expect(plan.offline).toBe(true);
    expect(plan.images.map((i) => [i.key, i.action, i.inputsChanged, i.changedInputs])).toEqual([
      ['datadog-agent', 'build', true, ['datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml']],
      ['fluentd', 'unknown', false, []],
    ]);
    expect(plan.services.map((s) => [s.key, s.action])).toEqual([
      ['datadog-agent', 'register-and-update'],
      ['fluentd', 'unknown'],
    ]);
    const agent = plan.services.find((s) => s.key === 'datadog-agent');
    expect(agent?.reason).toBe('image datadog-agent will be rebuilt');
    expect(agent?.taskDefinitionDiff).toContain(`-      "image": "<datadog-agent>",`);
    expect(agent?.taskDefinitionDiff).toContain(`@${OFFLINE_DIGEST}`);
    // The project's region and the account the template's role ARN names, not placeholders.
    expect(agent?.taskDefinitionDiff).toContain(
      '"valueFrom": "arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey"',
    );
    expect(agent?.taskDefinitionDiff).toContain(
      '"image": "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/monitoring/datadog-agent@sha256:',
    );
    const text = formatPlanText(plan);
    expect(text).toContain('Plan (offline: no AWS was asked; digests, and ids no file names, are placeholders)');
    expect(text).toMatch(/^ {2}build {2}datadog-agent {2}monitoring\/datadog-agent:content-[0-9a-f]{32}$/m);
    expect(text).toMatch(/inputs changed: datadog\/etc\/datadog-agent\/conf\.d\/http_check\.d\/conf\.yaml/);
  });

  test('the content hash is the same for the same inputs and changes with them', async () => {
    const log = memoryLog();
    const p1 = await planProject({
      configPath: path.join(repo, 'dd-ecs-monitor.yml'),
      offline: true,
      changed: { kind: 'all', reason: 't' },
      log,
    });
    const p2 = await planProject({
      configPath: path.join(repo, 'dd-ecs-monitor.yml'),
      offline: true,
      changed: { kind: 'all', reason: 't' },
      log,
    });
    expect(p1.images.map((i) => i.contentHash)).toEqual(p2.images.map((i) => i.contentHash));
    git('checkout', '-q', base);
    try {
      const p0 = await planProject({
        configPath: path.join(repo, 'dd-ecs-monitor.yml'),
        offline: true,
        changed: { kind: 'all', reason: 't' },
        log,
      });
      expect(p0.images[0]?.contentHash).not.toBe(p1.images[0]?.contentHash); // datadog-agent: its config changed
      expect(p0.images[1]?.contentHash).toBe(p1.images[1]?.contentHash); // fluentd: untouched
    } finally {
      git('checkout', '-q', 'main');
    }
  });

  test('what rendering drops from pasted describe output is listed as a note, and the plan text shows it', async () => {
    const file = path.join(repo, 'ecs/fluentd.taskdef.json');
    const original = readFileSync(file, 'utf8');
    const td = JSON.parse(original);
    writeFileSync(file, JSON.stringify({ ...td, revision: 7, status: 'ACTIVE' }, null, 2));
    try {
      const plan = await planProject({
        configPath: path.join(repo, 'dd-ecs-monitor.yml'),
        offline: true,
        changed: { kind: 'all', reason: 't' },
        log: memoryLog(),
      });
      expect(plan.notes).toEqual([
        'service fluentd (ecs/fluentd.taskdef.json at /revision): "revision" is returned by DescribeTaskDefinition but not accepted by RegisterTaskDefinition; it is ignored (you can delete it) [render/read-only-field]',
        'service fluentd (ecs/fluentd.taskdef.json at /status): "status" is returned by DescribeTaskDefinition but not accepted by RegisterTaskDefinition; it is ignored (you can delete it) [render/read-only-field]',
      ]);
      expect(formatPlanText(plan)).toContain('Notes:\n  - service fluentd (ecs/fluentd.taskdef.json');
    } finally {
      writeFileSync(file, original);
    }
  });

  test('the CLI: plan --offline --format json is one JSON document; --only names an unknown service -> exit 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      cwd: repo,
      env: { PATH: process.env.PATH },
    };
    expect(await main(['plan', '--offline', '--format', 'json', '--base', base, '--head', head], io)).toBe(0);
    const plan = JSON.parse(out.join('\n'));
    expect(plan.images.map((i: { key: string; action: string }) => `${i.key}:${i.action}`)).toEqual([
      'datadog-agent:build',
      'fluentd:unknown',
    ]);
    expect(await main(['plan', '--offline', '--only', 'nginx'], io)).toBe(2);
    expect(err.join('\n')).toContain(
      '--only names "nginx", not a service of dd-ecs-monitor.yml (services: datadog-agent, fluentd)',
    );
  });
});
