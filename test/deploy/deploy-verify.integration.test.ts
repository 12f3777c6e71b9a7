/**
 * Issue 7: `dd-ecs-monitor deploy` continues into verification in Datadog. The example repository
 * is deployed for real (Docker engine, registry with ECR-style auth, fake AWS over the wire), then
 * the CLI asks the fake Datadog API (DD_SITE=http://127.0.0.1:PORT) about what the deploy changed:
 * a first deploy verifies every site, the mysql server and the aggregator's logs; a change that
 * adds a site verifies that site only; a site that never reports fails the run, naming it, while
 * the deploy stays in place (no rollback).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { type DockerEngine, startDockerEngine } from '../support/docker-env.js';
import { type ExampleEnv, startExampleEnv } from '../support/example-env.js';
import { FAKE_DD_API_KEY, FAKE_DD_APP_KEY, FakeDatadog } from '../support/fake-datadog.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;
const HTTP_CONF = 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';

d('deploy, then verify in Datadog', () => {
  let x: ExampleEnv;
  let dd: FakeDatadog;
  const saved = { ...process.env };

  beforeAll(async () => {
    x = await startExampleEnv(engine as DockerEngine);
    // The SDK's credential chain reads process.env, as in deploy-example.integration.test.ts.
    Object.assign(process.env, x.env);
    dd = await new FakeDatadog().start();
  }, 240_000);

  afterAll(async () => {
    process.env = saved;
    await dd?.stop();
    await x?.stop();
    await engine?.stop();
  }, 60_000);

  async function deploy(
    args: string[],
    over: Record<string, string> = {},
  ): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...x.env,
      DD_API_KEY: FAKE_DD_API_KEY,
      DD_APP_KEY: FAKE_DD_APP_KEY,
      DD_SITE: dd.baseUrl,
      ...over,
    };
    const code = await main(
      ['deploy', '--poll-interval', '0.02', '--wait-timeout', '20', '--verify-timeout', '1', ...args],
      {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        cwd: x.repo,
        env,
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  function site(instance: string, url: string): void {
    const tags = [`instance:${instance}`, `url:${url}`, 'env:prd'];
    dd.report('network.http.can_connect', tags, 1)
      .report('network.http.cant_connect', tags, 0)
      .report('network.http.response_time', tags, 0.2);
  }

  test('first deploy: both services roll out, then every site UP, mysql REPORTING, logs ARRIVING', async () => {
    site('example_corporate_site', 'https://www.example.com/');
    site('example_media_site', 'https://media.example.com/');
    site('example_recruiting_site', 'https://careers.example.com/');
    dd.report('mysql.net.connections', ['server:db.example.com', 'port:3306'], 3);
    dd.addLog({ service: 'access-log', source: 'nginx', message: 'GET / 200' });
    dd.addMonitor({
      name: 'Website down',
      type: 'service check',
      query: '"http.can_connect".over("env:prd").by("instance").last(2).count_by_status()',
    });
    const r = await deploy([]);
    expect(r.out).toContain('Deploy succeeded.');
    expect(r.out).toMatch(
      /^ok {3}site {2}Example corporate site <https:\/\/www\.example\.com\/>: UP \(response time 200 ms\)/m,
    );
    expect(r.out).toMatch(/^ok {3}mysql db\.example\.com:3306: REPORTING/m);
    expect(r.out).toMatch(/^ok {3}logs {2}service:access-log source:nginx: ARRIVING/m);
    expect(r.out).toMatch(/Verified in Datadog \(http:\/\/127\.0\.0\.1:\d+\)\.$/);
    expect(r.code).toBe(0);
    for (const key of [FAKE_DD_API_KEY, FAKE_DD_APP_KEY]) expect(r.out + r.err).not.toContain(key);
  }, 240_000);

  test('a change adding a site verifies that site only; one that never reports fails the run by name, and stays deployed', async () => {
    const base = x.git('rev-parse', 'HEAD');
    await appendFile(
      path.join(x.repo, HTTP_CONF),
      '  - name: Status page\n    url: https://status.example.com/\n    timeout: 5\n    tags:\n      - "env:prd"\n',
    );
    x.commit('monitor the status page');
    site('status_page', 'https://status.example.com/');
    const ok = await deploy(['--base', base]);
    expect(ok.out).toMatch(/^ok {3}site {2}Status page <https:\/\/status\.example\.com\/>: UP/m);
    // Only what this deploy changed: the other sites, mysql (its file did not change) and the untouched aggregator are not asked about.
    expect(ok.out).not.toMatch(/Example corporate site|mysql db|logs {2}/);
    expect(ok.out).toContain('note: 3 sites this deploy did not add or change were not verified (use --all)');
    expect(ok.code).toBe(0);

    const base2 = x.git('rev-parse', 'HEAD');
    await appendFile(
      path.join(x.repo, HTTP_CONF),
      '  - name: Blog\n    url: https://blog.example.com/\n    timeout: 5\n',
    );
    x.commit('monitor the blog');
    const bad = await deploy(['--base', base2]);
    expect(bad.out).toContain('Deploy succeeded.');
    expect(bad.out).toMatch(/^FAIL site {2}Blog <https:\/\/blog\.example\.com\/>: NOT REPORTING/m);
    expect(bad.out).toContain('WARN alerts: no monitor pages anyone when this site goes down: Blog');
    expect(bad.out).toMatch(/Verification in Datadog FAILED .*nothing was rolled back\.$/);
    expect(bad.code).toBe(1);
    // Verification never rolls back: the service runs the new revision, COMPLETED.
    const primary = x.ecs.primary('monitoring', 'datadog-agent');
    expect([primary.rolloutState, primary.taskDefinition]).toEqual([
      'COMPLETED',
      expect.stringMatching(/task-definition\/datadog-agent:4$/),
    ]);
  }, 300_000);

  test('--no-verify, and no keys: the deploy says verification was skipped and why', async () => {
    const r = await deploy(['--no-verify', '--force-new-deployment', '--only', 'fluentd']);
    expect(r.out).toContain('Verification in Datadog skipped: --no-verify.');
    expect(r.code).toBe(0);
    const noKeys = await deploy(['--force-new-deployment', '--only', 'fluentd'], { DD_API_KEY: '', DD_APP_KEY: '' });
    expect(noKeys.out).toContain(
      'Verification in Datadog skipped: no DD_API_KEY (input datadog-api-key) and no DD_APP_KEY ' +
        '(input datadog-app-key)',
    );
    expect(noKeys.code).toBe(0);
  }, 120_000);
});
