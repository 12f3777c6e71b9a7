/**
 * The action's `command: verify` (no AWS, no Docker): `node dist/index.js` on a push that adds a
 * site asks the fake Datadog API about that site only. A site that reports passes with a warning
 * when no monitor covers it; an application key without the `timeseries_query` scope fails with a
 * message that names it; the keys never appear outside the runner's `::add-mask::` commands.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { FAKE_DD_API_KEY, FAKE_DD_APP_KEY, FakeDatadog } from '../support/fake-datadog.js';
import { type ActionRun, commitFile, eventFixture, exampleRepo, spawnAction } from './harness.js';

const HTTP = 'examples/datadog-ecs/datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';

let dd: FakeDatadog;
let repo: ReturnType<typeof exampleRepo>;
let head = '';

async function verify(over: Record<string, string> = {}): Promise<ActionRun> {
  return spawnAction({
    inputs: {
      command: 'verify',
      config: 'examples/datadog-ecs/dd-ecs-monitor.yml',
      'datadog-api-key': FAKE_DD_API_KEY,
      'datadog-app-key': FAKE_DD_APP_KEY,
      'datadog-site': dd.baseUrl,
      'verify-timeout': '2',
      ...over,
    },
    eventName: 'push',
    event: eventFixture('push', { ['1'.repeat(40)]: repo.base, ['2'.repeat(40)]: head }),
    workspace: repo.dir,
    sha: head,
  });
}

function keysOnlyMasked(run: ActionRun, keys: string[]): void {
  const printed = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  for (const key of keys) {
    for (const text of [printed, run.stderr, run.summary, JSON.stringify(run.outputs)]) expect(text).not.toContain(key);
  }
}

beforeAll(async () => {
  dd = await new FakeDatadog().start();
  repo = exampleRepo();
  const original = readFileSync(path.join(repo.dir, HTTP), 'utf8');
  head = commitFile(
    repo.dir,
    HTTP,
    `${original}\n  - name: Shop\n    url: https://shop.example.com/\n`,
    'Monitor the shop',
  );
}, 60_000);
afterAll(async () => {
  await dd.stop();
  rmSync(repo.dir, { recursive: true, force: true });
});

describe('command: verify', () => {
  test('the pushed site reports: success, with a warning that no monitor covers it', async () => {
    dd.reset();
    const tags = ['instance:shop', 'url:https://shop.example.com/'];
    dd.report('network.http.can_connect', tags, 1).report('network.http.response_time', tags, 0.3);
    const run = await verify();
    expect([run.code, run.commands.filter((c) => c.command === 'error')]).toEqual([0, []]);
    const v = JSON.parse(run.outputs.verification as string) as {
      status: string;
      sites: Array<{ name: string; state: string }>;
    };
    expect(v.status).toBe('warnings');
    expect(v.sites.map((s) => [s.name, s.state])).toEqual([['Shop', 'UP']]);
    expect(run.stdout).toContain('WARN alerts: no monitor pages anyone when this site goes down: Shop');
    expect(run.commands.filter((c) => c.command === 'warning').map((c) => c.message)).toContainEqual(
      expect.stringMatching(/^Verified in Datadog \(http:\/\/127\.0\.0\.1:\d+\) with warnings\.$/),
    );
    expect(run.summary).toContain('### Verification in Datadog');
    keysOnlyMasked(run, [FAKE_DD_API_KEY, FAKE_DD_APP_KEY]);
  }, 60_000);

  test('an application key without timeseries_query: fails naming the scope', async () => {
    dd.reset();
    dd.scopes.delete('timeseries_query');
    const run = await verify();
    expect(run.code).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error').map((c) => c.message);
    expect(errors.join('\n')).toContain('it needs the "timeseries_query" scope');
    keysOnlyMasked(run, [FAKE_DD_API_KEY, FAKE_DD_APP_KEY]);
  }, 60_000);

  test('without keys: fails saying which are missing', async () => {
    const run = await verify({ 'datadog-api-key': '', 'datadog-app-key': '' });
    expect(run.code).toBe(1);
    expect(
      run.commands
        .filter((c) => c.command === 'error')
        .map((c) => c.message)
        .join('\n'),
    ).toContain('no DD_API_KEY (input datadog-api-key) and no DD_APP_KEY (input datadog-app-key)');
  }, 60_000);
});
