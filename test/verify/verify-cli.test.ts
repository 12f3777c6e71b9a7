/**
 * `dd-ecs-monitor verify` against the fake Datadog API on 127.0.0.1 (real paths, headers and
 * shapes): the example repository's three sites, its mysql server and its Fluentd out_datadog.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { EXAMPLE } from '../support/example-env.js';
import { FAKE_DD_API_KEY, FAKE_DD_APP_KEY, FakeDatadog } from '../support/fake-datadog.js';

const SITES = [
  { instance: 'example_corporate_site', url: 'https://www.example.com/', tag: 'site:corporate' },
  { instance: 'example_media_site', url: 'https://media.example.com/', tag: 'site:media' },
  { instance: 'example_recruiting_site', url: 'https://careers.example.com/', tag: 'site:careers' },
];

let dd: FakeDatadog;
let repo: string;
beforeAll(async () => {
  dd = await new FakeDatadog().start();
  repo = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-verify-'));
  cpSync(EXAMPLE, repo, { recursive: true });
});
afterAll(async () => {
  await dd.stop();
  rmSync(repo, { recursive: true, force: true });
});
beforeEach(() => dd.reset());

async function verify(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const base = { DD_API_KEY: FAKE_DD_API_KEY, DD_APP_KEY: FAKE_DD_APP_KEY, DD_SITE: dd.baseUrl };
  const code = await main(['verify', '--all', '--timeout', '1', '--poll-interval', '0.1', ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: repo,
    env: { PATH: process.env.PATH, ...base, ...env },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The agent runs every site's check and they are up; mysql and the aggregator's logs arrive; one monitor watches all sites. */
function healthy(o: { except?: string[]; logs?: boolean; monitor?: boolean } = {}): void {
  for (const s of SITES) {
    if (o.except?.includes(s.instance)) continue;
    const tags = [`instance:${s.instance}`, `url:${s.url}`, 'env:prd', s.tag];
    dd.report('network.http.can_connect', tags, 1)
      .report('network.http.cant_connect', tags, 0)
      .report('network.http.response_time', tags, 0.123);
  }
  dd.report('mysql.net.connections', ['server:db.example.com', 'port:3306', 'env:prd'], 4);
  if (o.logs !== false) dd.addLog({ service: 'access-log', source: 'nginx', message: 'GET / 200' });
  if (o.monitor !== false)
    dd.addMonitor({
      name: 'Website down',
      type: 'service check',
      query: '"http.can_connect".over("*").by("instance").last(2).count_by_status()',
    });
}

describe('verify through the fake Datadog API', () => {
  test('every site UP with its response time, mysql REPORTING, logs ARRIVING, all covered: exit 0', async () => {
    healthy();
    const r = await verify([]);
    expect(r.code).toBe(0);
    for (const name of ['Example corporate site', 'Example media site', 'Example recruiting site']) {
      expect(r.out).toMatch(new RegExp(`^ok {3}site  ${name} <https://[a-z.]+/>: UP \\(response time 123 ms\\)`, 'm'));
    }
    expect(r.out).toMatch(/^ok {3}mysql db\.example\.com:3306: REPORTING/m);
    expect(r.out).toMatch(/^ok {3}logs {2}service:access-log source:nginx: ARRIVING/m);
    expect(r.out).toMatch(/Verified in Datadog \(http:\/\/127\.0\.0\.1:\d+\)\.$/);
    // The real headers, on the real paths.
    expect(dd.calls.map((c) => `${c.method} ${c.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/validate',
        'GET /api/v1/monitor',
        'GET /api/v1/query',
        'POST /api/v2/logs/events/search',
      ]),
    );
    expect(
      dd.calls.every(
        (c) =>
          c.apiKeyOk &&
          c.appKeyOk &&
          c.headerNames.includes('dd-api-key') &&
          c.headerNames.includes('dd-application-key'),
      ),
    ).toBe(true);
  });

  test('a site that never reports fails, naming it and the likely causes', async () => {
    healthy({ except: ['example_recruiting_site'] });
    const r = await verify([]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL site {2}Example recruiting site <https:\/\/careers\.example\.com\/>: NOT REPORTING/m);
    expect(r.out).toContain('agent configcheck');
    expect(r.out).toContain('egress from the Fargate subnets');
    expect(r.out).toMatch(/Verification in Datadog FAILED .*nothing was rolled back/);
    // Bounded: polled a few times within the 1 s timeout, not forever.
    const queries = dd.calls.filter((c) => c.path === '/api/v1/query').length;
    expect(queries).toBeGreaterThanOrEqual(3);
    expect(queries).toBeLessThan(100);
  });

  test('a DOWN site warns with its HTTP status; the run still passes', async () => {
    healthy({ except: ['example_media_site'] });
    const tags = ['instance:example_media_site', 'url:https://media.example.com/', 'env:prd', 'site:media'];
    dd.report('network.http.can_connect', tags, 0).report(
      'network.http.cant_connect',
      [...tags, 'http_status_code:503'],
      1,
    );
    const r = await verify([]);
    expect(r.out).toMatch(/^WARN site {2}Example media site <https:\/\/media\.example\.com\/>: DOWN \(HTTP 503\)/m);
    expect(r.code).toBe(0);
    expect((await verify(['--fail-on', 'down'])).code).toBe(1);
  });

  test('logs that do not arrive fail with the causes (key, site, egress); older events do not count', async () => {
    healthy({ logs: false });
    dd.addLog({ service: 'access-log', source: 'nginx', message: 'before the deploy', at: Date.now() - 3_600_000 });
    const r = await verify(['--since', '10m']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL logs {2}service:access-log source:nginx: NOT ARRIVING/m);
    expect(r.out).toContain("out_datadog's api_key is wrong");
    expect(r.out).toContain('must match DD_SITE');
    expect(r.out).toContain('http-intake.logs.<site>:443');
  });

  test('a site no monitor covers is a warning listing it; --fail-on uncovered fails', async () => {
    healthy({ monitor: false });
    // Only a monitor scoped to the corporate site, and one on an unrelated metric.
    dd.addMonitor({
      name: 'Corporate down',
      type: 'metric alert',
      query: 'max(last_5m):max:network.http.cant_connect{instance:example_corporate_site} > 0',
    });
    dd.addMonitor({ name: 'CPU', type: 'metric alert', query: 'avg(last_5m):avg:system.cpu.user{*} > 90' });
    const r = await verify([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'WARN alerts: no monitor pages anyone when these sites go down: Example media site, Example recruiting site',
    );
    expect((await verify(['--fail-on', 'not-reporting,uncovered'])).code).toBe(1);
  });

  test('--format json: the verification document', async () => {
    healthy();
    const r = await verify(['--format', 'json']);
    const doc = JSON.parse(r.out) as {
      verification: {
        status: string;
        sites: Array<{ name: string; state: string; responseTimeMs: number; monitors: string[] }>;
      };
    };
    expect(doc.verification.status).toBe('passed');
    expect(doc.verification.sites.map((s) => [s.name, s.state, s.responseTimeMs, s.monitors])).toEqual([
      ['Example corporate site', 'UP', 123, ['Website down']],
      ['Example media site', 'UP', 123, ['Website down']],
      ['Example recruiting site', 'UP', 123, ['Website down']],
    ]);
  });

  test('429: waits as X-RateLimit-Reset says, then goes on', async () => {
    healthy();
    dd.rateLimit('/api/v1/query', 1, 1);
    const r = await verify(['--timeout', '10']);
    expect(r.code).toBe(0);
    expect(dd.calls.filter((c) => c.path === '/api/v1/query').length).toBeGreaterThanOrEqual(4);
  }, 20_000);

  test('wrong keys: a clear message, exit 1, and no key in any output', async () => {
    healthy();
    const wrongApi = 'wrongapikey1111111111111111111111';
    const r = await verify([], { DD_API_KEY: wrongApi });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /Datadog rejected the API key \(403 from \/api\/v1\/validate on http:\/\/127\.0\.0\.1:\d+: Forbidden\): check DD_API_KEY/,
    );
    const wrongApp = 'wrongappkey22222222222222222222222222222';
    const r2 = await verify([], { DD_APP_KEY: wrongApp });
    expect(r2.code).toBe(1);
    expect(r2.out).toContain('Datadog refused the application key (403 from /api/v1/query');
    expect(r2.out).toContain('"timeseries_query" scope');
    for (const text of [r.out, r.err, r2.out, r2.err]) {
      for (const key of [FAKE_DD_API_KEY, FAKE_DD_APP_KEY, wrongApi, wrongApp]) expect(text).not.toContain(key);
    }
  });

  test('an application key without logs_read_data: the message names the scope', async () => {
    healthy();
    dd.scopes.delete('logs_read_data');
    const r = await verify([]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('"logs_read_data" scope');
  });

  test('without keys: exit 2, saying what is missing', async () => {
    const r = await verify([], { DD_API_KEY: '', DD_APP_KEY: '' });
    expect(r.code).toBe(2);
    expect(r.out).toContain('no DD_API_KEY (input datadog-api-key) and no DD_APP_KEY (input datadog-app-key)');
  });

  test('a DD_SITE that is not a Datadog site is an error naming the sites', async () => {
    const r = await verify([], { DD_SITE: 'datadoghq.co' });
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'DD_SITE "datadoghq.co" is not a Datadog site: use one of datadoghq.com, us3.datadoghq.com',
    );
  });
});
