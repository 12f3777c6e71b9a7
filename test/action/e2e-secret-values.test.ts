/**
 * End to end, a pull request that puts credentials in plain sight (a password, a DSN and a URL with
 * a password in the agent's `environment`, a `--password=` argument in its `command`, a URL with a
 * password in the project's service `environment`): the real bundle, a fake GitHub API on
 * 127.0.0.1. Each gets a warning annotation on its value; none of them reaches the job summary,
 * the PR comment the fake API received, the outputs, or a log line other than the runner's own
 * `::add-mask::` command (the runner hides the value from then on); `true` and `30` stay readable.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SECRETS, withCredentials, withProjectEnvironment } from '../support/credential-fixture.js';
import { FakeGitHub } from '../support/fake-github.js';
import { type ActionRun, commitFile, eventFixture, exampleRepo, git, spawnAction } from './harness.js';

const TASKDEF = 'examples/datadog-ecs/ecs/datadog-agent.taskdef.json';
const PROJECT = 'examples/datadog-ecs/dd-ecs-monitor.yml';
const TOKEN = 'ghs_e2eFakeToken000000000000000000000';

const gh = new FakeGitHub();
let repo: ReturnType<typeof exampleRepo>;
let run: ActionRun;
let comment = '';

beforeAll(async () => {
  await gh.start();
  repo = exampleRepo();
  git(repo.dir, 'checkout', '-q', '-b', 'db-credentials');
  const read = (file: string): string => readFileSync(path.join(repo.dir, file), 'utf8');
  commitFile(repo.dir, TASKDEF, withCredentials(read(TASKDEF)), 'Agent: database checks');
  const head = commitFile(repo.dir, PROJECT, withProjectEnvironment(read(PROJECT)), 'Agent: APM');
  const shas = { ['1'.repeat(40)]: repo.base, ['2'.repeat(40)]: head, ['3'.repeat(40)]: head };
  const event = eventFixture('pull_request', shas);
  run = await spawnAction({
    inputs: { command: 'plan', offline: 'true', config: PROJECT, 'github-token': TOKEN },
    eventName: 'pull_request',
    event,
    workspace: repo.dir,
    sha: head,
    env: { GITHUB_API_URL: gh.url },
  });
  comment = gh
    .writes()
    .map((w) => (w.body as { body: string }).body)
    .join('\n');
}, 120_000);
afterAll(async () => {
  await gh.stop();
  rmSync(repo.dir, { recursive: true, force: true });
});

describe('a pull request with credentials in plain sight', () => {
  test('passes (warnings do not fail the run) and posts one comment', () => {
    expect(run.code).toBe(0);
    expect(gh.writes()).toHaveLength(1);
  });

  test('one warning annotation per value, on its line and column', () => {
    const warnings = run.commands.filter(
      (c) => c.command === 'warning' && c.properties.title === 'taskdef/plain-credential',
    );
    expect(warnings.map((w) => [w.properties.file, w.properties.line, w.properties.col])).toEqual([
      [TASKDEF, '30', '43'],
      [TASKDEF, '31', '42'],
      [TASKDEF, '32', '43'],
      [TASKDEF, '34', '35'],
    ]);
    expect(warnings.map((w) => w.message.replace(/ in plain text.*/, ''))).toEqual([
      'container "datadog-agent": environment APP_DB_PASS holds a credential (by its name, APP_DB_PASS)',
      'container "datadog-agent": environment SENTRY_DSN holds a credential (by its name, SENTRY_DSN)',
      'container "datadog-agent": environment REPLICA_URL holds a URL with a password',
      'container "datadog-agent" command[2] passes a credential (--password)',
    ]);
  });

  test.each(Object.entries(SECRETS))('%s: not in the summary, the comment or the outputs', (_, secret) => {
    expect(run.summary).not.toContain(secret);
    expect(comment).not.toContain(secret);
    expect(JSON.stringify(run.outputs)).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  });

  test.each(Object.entries(SECRETS))("%s: in the log only as the runner's mask command", (_, secret) => {
    const lines = run.stdout.split('\n').filter((l) => l.includes(secret));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^::add-mask::/);
  });

  test('the diff in the summary and the comment masks in place and keeps plain settings', () => {
    for (const text of [run.summary, comment]) {
      expect(text).toContain('"value": "postgres://app:*** (changed)@db.internal:5432/metrics"');
      expect(text).toContain('"value": "postgres://app:***@db.internal:5432/app"');
      expect(text).toMatch(/"name": "DD_APM_ENABLED",\n\+\s+"value": "true"/);
      expect(text).toMatch(/"name": "DD_APM_MAX_TPS",\n\+\s+"value": "30"/);
    }
    const masks = run.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    expect(masks).toContain(SECRETS.argPassword);
    expect(masks).not.toContain('true');
    expect(masks).not.toContain('30');
  });
});
