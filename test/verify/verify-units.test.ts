/** Pure parts of the verification: sites to API hosts, the verify options, monitor coverage, a site's state. */
import { describe, expect, test } from '@jest/globals';
import { parseCommand } from '../../src/cli/args.js';
import { monitorCovers, siteObservation, verdict } from '../../src/verify/decide.js';
import { apiBaseUrl, resolveCredentials } from '../../src/verify/endpoint.js';
import { rateLimitWait } from '../../src/verify/client.js';
import { instanceTag, type SiteTarget } from '../../src/verify/targets.js';

describe('DD_SITE to the API base URL (API reference endpoint tables: https://api.<site>)', () => {
  test.each([
    [undefined, 'https://api.datadoghq.com'],
    ['datadoghq.com', 'https://api.datadoghq.com'],
    ['us3.datadoghq.com', 'https://api.us3.datadoghq.com'],
    ['us5.datadoghq.com', 'https://api.us5.datadoghq.com'],
    ['datadoghq.eu', 'https://api.datadoghq.eu'],
    ['app.datadoghq.eu', 'https://api.datadoghq.eu'],
    ['ap1.datadoghq.com', 'https://api.ap1.datadoghq.com'],
    ['ap2.datadoghq.com', 'https://api.ap2.datadoghq.com'],
    ['ddog-gov.com', 'https://api.ddog-gov.com'],
    ['http://127.0.0.1:8126', 'http://127.0.0.1:8126'],
    ['https://proxy.internal:8443/datadog/', 'https://proxy.internal:8443/datadog'],
  ])('%s -> %s', (site, url) => expect(apiBaseUrl(site)).toBe(url));

  test.each(['datadoghq.co', 'api.datadoghq.com', 'http://user:pw@127.0.0.1:1'])(
    '%s is refused with a message',
    (site) => {
      expect(() => apiBaseUrl(site)).toThrow(/DD_SITE/);
    },
  );

  test('both keys are needed; the message never holds a key', () => {
    const r = resolveCredentials({ apiKey: 'secret-api-key-value' });
    expect(r).toEqual({
      missing:
        'no DD_APP_KEY (input datadog-app-key): reading metrics, logs and monitors needs an API key ' +
        'and an application key',
    });
  });
});

describe('verify options', () => {
  test('all of them', () => {
    const c = parseCommand([
      'verify',
      '--all',
      '--since',
      '2026-12-06T10:00:00Z',
      '--timeout',
      '120',
      '--poll-interval',
      '5',
      '--format',
      'json',
      '--fail-on',
      'down,not-reporting',
    ]);
    expect(c).toEqual({
      command: 'verify',
      config: 'dd-ecs-monitor.yml',
      all: true,
      since: new Date('2026-12-06T10:00:00Z'),
      timeoutSeconds: 120,
      pollIntervalSeconds: 5,
      format: 'json',
      failOn: ['down', 'not-reporting'],
    });
  });
  test('--since 15m is a time 15 minutes ago; --fail-on none is empty', () => {
    const c = parseCommand(['verify', '--since', '15m', '--fail-on', 'none']) as { since: Date; failOn: string[] };
    expect(Math.abs(Date.now() - 15 * 60_000 - c.since.getTime())).toBeLessThan(5_000);
    expect(c.failOn).toEqual([]);
  });
  test.each([
    [['verify', '--since', 'yesterday'], /--since must be an ISO time/],
    [['verify', '--timeout', '0'], /--timeout must be a positive number/],
    [['verify', '--fail-on', 'sometimes'], /--fail-on takes not-reporting, not-arriving, down, uncovered/],
    [['deploy', '--verify-fail-on', 'x'], /--verify-fail-on takes/],
  ])('%j is a usage error', (argv, msg) => expect(() => parseCommand(argv)).toThrow(msg));
  test('deploy --no-verify --verify-timeout 60', () => {
    expect(parseCommand(['deploy', '--no-verify', '--verify-timeout', '60'])).toMatchObject({
      command: 'deploy',
      verify: false,
      verifyTimeoutSeconds: 60,
    });
  });
});

const site = (name: string, url: string, own: string[] = []): SiteTarget => {
  const instance = instanceTag(name);
  return { name, url, instance, tags: [`instance:${instance}`, `url:${url}`, ...own], file: 'conf.yaml', line: 1 };
};

describe('instance tags as Datadog stores them (check normalization, then lower case and _)', () => {
  test.each([
    ['Example corporate site', 'example_corporate_site'],
    ['shop-front (EU)', 'shop_front_eu'],
    ['api.example.com', 'api.example.com'],
  ])('%s -> instance:%s', (name, tag) => expect(instanceTag(name)).toBe(tag));
});

describe('monitor coverage', () => {
  const shop = site('shop', 'https://shop.example.com/', ['env:prd', 'team:web']);
  test.each([
    [
      'service check over *',
      'service check',
      '"http.can_connect".over("*").by("instance").last(2).count_by_status()',
      true,
    ],
    [
      'service check over the instance',
      'service check',
      '"http.can_connect".over("instance:shop").last(2).count_by_status()',
      true,
    ],
    [
      'service check over another instance',
      'service check',
      '"http.can_connect".over("instance:blog").last(2).count_by_status()',
      false,
    ],
    [
      'service check over env, excluding the site',
      'service check',
      '"http.can_connect".over("env:prd").exclude("instance:shop").last(2).count_by_status()',
      false,
    ],
    [
      'service check over two tags (AND)',
      'service check',
      '"http.can_connect".over("env:prd","team:web").last(2).count_by_status()',
      true,
    ],
    [
      'metric on the url',
      'metric alert',
      'max(last_5m):max:network.http.cant_connect{url:https://shop.example.com/} > 0',
      true,
    ],
    ['metric {*} by instance', 'query alert', 'min(last_5m):min:network.http.can_connect{*} by {instance} < 1', true],
    ['metric with a wildcard', 'query alert', 'min(last_5m):min:network.http.can_connect{instance:sh*} < 1', true],
    ['metric negated', 'query alert', 'min(last_5m):min:network.http.can_connect{env:prd,!instance:shop} < 1', false],
    ['metric on another env', 'query alert', 'min(last_5m):min:network.http.can_connect{env:stg} < 1', false],
    ['response time only', 'query alert', 'avg(last_5m):avg:network.http.response_time{*} > 2', false],
    ['unrelated service check', 'service check', '"mysql.can_connect".over("*").last(2).count_by_status()', false],
  ])('%s', (_, type, query, covers) => expect(monitorCovers({ id: 1, name: 'm', type, query }, shop)).toBe(covers));
});

describe("a site's state from its metrics", () => {
  const since = 1_000_000;
  const s = (scope: string, points: Array<[number, number | null]>, metric = 'm') => ({ metric, scope, points });
  test('up: can_connect 1 last, with the response time', () => {
    expect(
      siteObservation(
        'shop',
        {
          can: [s('instance:shop', [[since + 10, 1]])],
          cant: [s('instance:shop,http_status_code:200', [[since + 10, 0]])],
          responseTime: [s('instance:shop', [[since + 10, 0.25]])],
        },
        since,
      ),
    ).toEqual({
      state: 'UP',
      lastSeen: since + 10,
      responseTimeSeconds: 0.25,
    });
  });
  test('down after up: the newest wins, with the status code tag', () => {
    const obs = siteObservation(
      'shop',
      {
        can: [
          s('instance:shop', [
            [since + 10, 1],
            [since + 20, 0],
          ]),
        ],
        cant: [s('instance:shop,http_status_code:502', [[since + 20, 1]])],
        responseTime: [],
      },
      since,
    );
    expect(obs).toEqual({ state: 'DOWN', lastSeen: since + 20, httpStatus: '502' });
  });
  test('points before since or for another instance do not count', () => {
    expect(
      siteObservation(
        'shop',
        {
          can: [s('instance:shop', [[since - 1, 1]]), s('instance:blog', [[since + 5, 1]])],
          cant: [],
          responseTime: [],
        },
        since,
      ),
    ).toEqual({ state: 'NOT REPORTING' });
  });
  test('fail-on policy defaults: NOT REPORTING / NOT ARRIVING fail, DOWN and uncovered warn', () => {
    const d = ['not-reporting', 'not-arriving'] as const;
    expect([
      verdict('site', 'NOT REPORTING', d),
      verdict('logs', 'NOT ARRIVING', d),
      verdict('site', 'DOWN', d),
      verdict('coverage', 'UNCOVERED', d),
      verdict('site', 'UP', d),
    ]).toEqual(['error', 'error', 'warning', 'warning', 'ok']);
  });
});

describe('429 waits (API reference "Rate Limits": X-RateLimit-Reset is seconds until the reset)', () => {
  test.each([
    [{ 'X-RateLimit-Reset': '7', 'X-RateLimit-Period': '60' }, 7000],
    [{ 'X-RateLimit-Period': '10' }, 10000],
    [{ 'X-RateLimit-Reset': '0' }, 1000],
    [{}, 10000],
  ])('%j -> %i ms', (h, ms) => expect(rateLimitWait(new Headers(h))).toBe(ms));
});
