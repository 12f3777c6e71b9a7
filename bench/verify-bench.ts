/**
 * Verification benchmark against the fake Datadog API on 127.0.0.1: (a) from a deploy's COMPLETED
 * result to "verified" (every site, the mysql server and the aggregator's logs of the example
 * reporting at the first poll), against one round trip to /api/v1/validate (the floor: one
 * request); (b) the start-up of `verify` (spawn to its first request, /api/v1/validate) against a
 * whole `validate` of the example, the cost of loading the verification code and its HTTP client.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { realClock } from '../src/ecs/clock.js';
import { streamLog } from '../src/log.js';
import { validateProject } from '../src/validate.js';
import { datadogClient } from '../src/verify/client.js';
import { apiBaseUrl } from '../src/verify/endpoint.js';
import { verifyInDatadog } from '../src/verify/index.js';
import { FAKE_DD_API_KEY, FAKE_DD_APP_KEY, FakeDatadog } from '../test/support/fake-datadog.js';
import { median, ms, printRows, ratio, time, timeProcess } from './lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE = path.join(ROOT, 'examples/datadog-ecs/dd-ecs-monitor.yml');
const quiet = streamLog(() => undefined);

function seed(dd: FakeDatadog): void {
  for (const [instance, url] of [
    ['example_corporate_site', 'https://www.example.com/'],
    ['example_media_site', 'https://media.example.com/'],
    ['example_recruiting_site', 'https://careers.example.com/'],
  ] as const) {
    const tags = [`instance:${instance}`, `url:${url}`];
    dd.report('network.http.can_connect', tags, 1)
      .report('network.http.cant_connect', tags, 0)
      .report('network.http.response_time', tags, 0.1);
  }
  dd.report('mysql.net.connections', ['server:db.example.com', 'port:3306'], 2);
  dd.addLog({ service: 'access-log', source: 'nginx', message: 'GET / 200' });
  dd.addMonitor({
    name: 'all',
    type: 'service check',
    query: '"http.can_connect".over("*").last(2).count_by_status()',
  });
}

/** Milliseconds from spawn to the fake's first request, over `runs` spawns (after one warm-up). */
async function startToFirstRequest(dd: FakeDatadog, runs: number): Promise<number> {
  const cli = path.join(ROOT, 'dist/cli/index.js');
  const env = { PATH: process.env.PATH, DD_API_KEY: FAKE_DD_API_KEY, DD_APP_KEY: FAKE_DD_APP_KEY, DD_SITE: dd.baseUrl };
  const xs: number[] = [];
  for (let i = 0; i <= runs; i++) {
    dd.calls.length = 0;
    const t = Date.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, 'verify', '--all', '--config', EXAMPLE, '--timeout', '5'], {
        env,
        stdio: 'ignore',
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    const first = dd.calls.find((c) => c.path === '/api/v1/validate');
    if (first && i > 0) xs.push(first.at - t);
  }
  return median(xs);
}

export async function verifyBench(): Promise<void> {
  const dd = await new FakeDatadog().start();
  try {
    seed(dd);
    const validation = validateProject(EXAMPLE);
    const settings = { apiKey: FAKE_DD_API_KEY, appKey: FAKE_DD_APP_KEY, site: dd.baseUrl };
    const runs = 11;
    let status = '';
    const tVerified = await time(async () => {
      const r = await verifyInDatadog({
        validation,
        scope: { all: true },
        settings,
        since: new Date(Date.now() - 1000),
        log: quiet,
        pollIntervalSeconds: 1,
      });
      status = `${r.status}: ${r.sites.length} sites, ${r.mysql.length} mysql, ${r.logs.length} logs`;
    }, runs);
    const credentials = {
      apiKey: FAKE_DD_API_KEY,
      appKey: FAKE_DD_APP_KEY,
      site: dd.baseUrl,
      baseUrl: apiBaseUrl(dd.baseUrl),
    };
    const client = datadogClient({ credentials, clock: realClock });
    const tValidate = await time(() => client.validate(), runs);
    const tStart = await startToFirstRequest(dd, runs);
    const tWholeValidate = timeProcess(
      process.execPath,
      [path.join(ROOT, 'dist/cli/index.js'), 'validate', '--config', EXAMPLE],
      { runs },
    );
    printRows(`Verification against the fake Datadog API (median of ${runs})`, [
      { what: 'COMPLETED -> verified (example: 3 sites, mysql, logs, monitors)', value: ms(tVerified), note: status },
      {
        what: '  floor: one GET /api/v1/validate round trip',
        value: ms(tValidate),
        note: `verified/one request = ${ratio(tVerified, tValidate)}`,
      },
      {
        what: '`verify` start-up: spawn to its first request (validate)',
        value: ms(tStart),
        note: 'loads the verify code and its fetch client',
      },
      {
        what: '  against: a whole `validate` of the example (dist/cli)',
        value: ms(tWholeValidate),
        note: `verify start-up/validate = ${ratio(tStart, tWholeValidate)}`,
      },
    ]);
  } finally {
    await dd.stop();
  }
}
