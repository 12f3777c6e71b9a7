/**
 * Issue 9 item 4, end to end: `plan --out DIR` writes DIR/<service>.json, and those files are exactly
 * what the deploy then registers (the fake AWS records every RegisterTaskDefinition input as it came
 * over the wire). Real Docker engine and registry, the example repository, the fake AWS endpoint.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { deploy } from '../../src/deploy.js';
import { memoryLog } from '../../src/log.js';
import { type DockerEngine, startDockerEngine } from '../support/docker-env.js';
import { type ExampleEnv, startExampleEnv } from '../support/example-env.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;

d('plan --out writes what the deploy registers', () => {
  let x: ExampleEnv;
  let out: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    x = await startExampleEnv(engine as DockerEngine);
    Object.assign(process.env, x.env);
    out = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-plan-out-'));
  }, 240_000);

  afterAll(async () => {
    process.env = saved;
    rmSync(out, { recursive: true, force: true });
    await x?.stop();
    await engine?.stop();
  }, 60_000);

  const runDeploy = () =>
    deploy({
      configPath: path.join(x.repo, 'dd-ecs-monitor.yml'),
      offline: false,
      changed: { kind: 'all', reason: 'test' },
      dryRun: false,
      rollback: true,
      pollIntervalSeconds: 0.02,
      waitTimeoutSeconds: 20,
      gitSha: x.git('rev-parse', 'HEAD'),
      log: memoryLog(),
      env: process.env,
    });

  async function planOut(dir: string): Promise<{ code: number; err: string[] }> {
    const err: string[] = [];
    const code = await main(['plan', '--out', dir, '--format', 'json'], {
      out: () => {},
      err: (t) => err.push(t),
      cwd: x.repo,
      env: process.env,
    });
    return { code, err };
  }
  const read = (dir: string, key: string): unknown => JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8'));

  test('after a first deploy and a template change: the file of the changed service equals its RegisterTaskDefinition input', async () => {
    const first = await runDeploy();
    expect(first.problems).toEqual([]);
    const registeredFirst = new Map(
      x.fake.callsTo('ecs', 'RegisterTaskDefinition').map((c) => [c.input.family as string, c.input]),
    );

    // The images are in ECR now: a plan pins their real digests. Change the fluentd template only.
    const file = path.join(x.repo, 'ecs/fluentd.taskdef.json');
    const td = JSON.parse(readFileSync(file, 'utf8'));
    td.containerDefinitions[0].environment = [{ name: 'FLUENTD_OPT', value: '-v' }];
    writeFileSync(file, JSON.stringify(td, null, 2));
    x.commit('fluentd: verbose');

    const dir = path.join(out, 'first');
    const planned = await planOut(dir);
    expect(planned.err.filter((l) => l.startsWith('dd-ecs-monitor:'))).toEqual([]);
    expect(planned.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['datadog-agent.json', 'fluentd.json']);
    // The unchanged service: its file is what the first deploy registered for it.
    expect(read(dir, 'datadog-agent')).toEqual(registeredFirst.get('datadog-agent'));

    x.fake.resetCalls();
    const second = await runDeploy();
    expect(second.problems).toEqual([]);
    expect(second.ok).toBe(true);
    const registered = x.fake.callsTo('ecs', 'RegisterTaskDefinition').map((c) => c.input);
    expect(registered.map((r) => r.family)).toEqual(['fluentd']);
    expect(read(dir, 'fluentd')).toEqual(registered[0]);
    expect(x.fake.count('ecs', 'RegisterTaskDefinition')).toBe(1);
  }, 300_000);

  test('a plan registers, creates and updates nothing', async () => {
    x.fake.resetCalls();
    expect((await planOut(path.join(out, 'second'))).code).toBe(0);
    for (const op of ['RegisterTaskDefinition', 'UpdateService']) expect(x.fake.count('ecs', op)).toBe(0);
    expect(x.fake.count('ecr', 'CreateRepository')).toBe(0);
    expect(x.fake.count('ecr', 'GetAuthorizationToken')).toBe(0);
  }, 60_000);
});
