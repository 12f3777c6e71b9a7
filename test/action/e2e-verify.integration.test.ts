/**
 * End to end, the action's deploy continuing into verification in Datadog: `node dist/index.js`
 * with INPUT_* variables deploys the example repository against the real parts of
 * e2e-deploy.integration.test.ts, then asks the fake Datadog API (input datadog-site
 * http://127.0.0.1:PORT) about what the push changed (the sites it adds; the aggregator, which
 * this first deploy also rolls out; not the untouched mysql file). One added site reports, one never does:
 * the run fails naming it, the `verification` output and the job summary say so, the services
 * stay deployed, and neither key appears anywhere but in the runner's own `::add-mask::` command.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { type DockerEngine, startDockerEngine } from '../support/docker-env.js';
import { type ExampleEnv, startExampleEnv } from '../support/example-env.js';
import { FAKE_DD_API_KEY, FAKE_DD_APP_KEY, FakeDatadog } from '../support/fake-datadog.js';
import { type ActionRun, eventFixture, spawnAction } from './harness.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;
const HTTP = 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';

d('the action verifies a deploy in Datadog', () => {
  let x: ExampleEnv;
  let dd: FakeDatadog;
  let run: ActionRun;

  beforeAll(async () => {
    x = await startExampleEnv(engine as DockerEngine);
    dd = await new FakeDatadog().start();
    const tags = ['instance:status_page', 'url:https://status.example.com/', 'env:prd'];
    dd.report('network.http.can_connect', tags, 1)
      .report('network.http.cant_connect', tags, 0)
      .report('network.http.response_time', tags, 0.05);
    dd.addLog({ service: 'access-log', source: 'nginx', message: 'GET / 200' });
    dd.addMonitor({
      name: 'Status page down',
      type: 'metric alert',
      query: 'max(last_5m):max:network.http.cant_connect{instance:status_page} > 0',
    });
    const base = x.git('rev-parse', 'HEAD');
    await appendFile(
      path.join(x.repo, HTTP),
      '\n  - name: Status page\n    url: https://status.example.com/\n    tags:\n      - "env:prd"\n  ' +
        '- name: Blog\n    url: https://blog.example.com/\n',
    );
    const head = x.commit('Monitor the status page and the blog');
    run = await spawnAction({
      inputs: {
        command: 'deploy',
        config: 'dd-ecs-monitor.yml',
        'poll-interval': '0.05',
        'wait-timeout': '60',
        'datadog-api-key': FAKE_DD_API_KEY,
        'datadog-app-key': FAKE_DD_APP_KEY,
        'datadog-site': dd.baseUrl,
        'verify-timeout': '2',
      },
      eventName: 'push',
      event: eventFixture('push', { ['1'.repeat(40)]: base, ['2'.repeat(40)]: head }),
      workspace: x.repo,
      sha: head,
      env: x.env,
      timeoutMs: 240_000,
    });
  }, 300_000);

  afterAll(async () => {
    await dd?.stop();
    await x?.stop();
    await engine?.stop();
  }, 60_000);

  test('the run fails on the site that never reports, naming it; the deploy itself succeeded and stays', () => {
    expect(run.code).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error').map((c) => c.message);
    expect(errors.some((m) => /Verification in Datadog FAILED .*nothing was rolled back/.test(m))).toBe(true);
    expect(run.stdout).toMatch(/FAIL site {2}Blog <https:\/\/blog\.example\.com\/>: NOT REPORTING/);
    expect(run.outputs['deployed-services']).toBe('["datadog-agent","fluentd"]');
    expect(x.ecs.primary('monitoring', 'datadog-agent').rolloutState).toBe('COMPLETED');
  });

  test('the verification output and the job summary: the added sites only, their states and coverage', () => {
    const v = JSON.parse(run.outputs.verification as string) as {
      status: string;
      sites: Array<{ name: string; state: string; responseTimeMs?: number; monitors: string[] }>;
      uncovered: string[];
      mysql: unknown[];
      logs: Array<{ query: string; state: string; file: string; line: number }>;
    };
    expect(v.status).toBe('failed');
    expect(v.sites.map((s) => [s.name, s.state, s.responseTimeMs, s.monitors])).toEqual([
      ['Status page', 'UP', 50, ['Status page down']],
      ['Blog', 'NOT REPORTING', undefined, []],
    ]);
    expect(v.uncovered).toEqual(['Blog']);
    // The mysql file did not change; the aggregator was rolled out, so its logs are asked about.
    expect(v.mysql).toEqual([]);
    expect(v.logs.map((l) => [l.query, l.state, l.file, l.line])).toEqual([
      ['service:access-log source:nginx', 'ARRIVING', 'fluentd/etc/fluent.conf', 10],
    ]);
    expect(run.summary).toContain('### Verification in Datadog');
    expect(run.summary).toMatch(/\| ❌ \| site \| Blog \(https:\/\/blog\.example\.com\/\) \| NOT REPORTING \|/);
  });

  test('the keys are masked and appear nowhere else', () => {
    const masks = run.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    expect(masks).toEqual(expect.arrayContaining([FAKE_DD_API_KEY, FAKE_DD_APP_KEY]));
    const printed = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    for (const key of [FAKE_DD_API_KEY, FAKE_DD_APP_KEY]) {
      for (const text of [printed.join('\n'), run.stderr, run.summary, JSON.stringify(run.outputs)])
        expect(text).not.toContain(key);
    }
    expect(dd.calls.every((c) => c.apiKeyOk && c.appKeyOk)).toBe(true);
  });
});
