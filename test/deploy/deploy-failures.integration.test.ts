/**
 * How a deploy fails, through the CLI (`dd-ecs-monitor deploy`, exit status and what it prints),
 * against the real engine, registry and the fake AWS endpoint: the real reason of stopped tasks and
 * a rollback, a circuit-breaker rollback never reported as success, a missing SSM parameter or a
 * wrong registry password stopping everything before the first change, throttling retried.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { type DockerEngine, startDockerEngine } from '../support/docker-env.js';
import { FAKE_API_KEY, type ExampleEnv, startExampleEnv } from '../support/example-env.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;

d('deploy failures, end to end through the CLI', () => {
  let x: ExampleEnv;
  const saved = { ...process.env };

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      [
        'deploy',
        '--config',
        path.join(x.repo, 'dd-ecs-monitor.yml'),
        '--poll-interval',
        '0.02',
        '--wait-timeout',
        '20',
        ...args,
      ],
      {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        cwd: x.repo,
        env: process.env,
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  /** A task-definition change (no image change): a new revision to roll out, and a previous one to go back to. */
  async function bumpFluentdTaskDefinition(value: string): Promise<void> {
    const file = path.join(x.repo, 'ecs/fluentd.taskdef.json');
    const td = JSON.parse(await readFile(file, 'utf8'));
    td.containerDefinitions[0].environment = [{ name: 'FLUENTD_OPT', value }];
    await writeFile(file, `${JSON.stringify(td, null, 2)}\n`);
    x.commit(`fluentd options ${value}`);
  }

  beforeAll(async () => {
    x = await startExampleEnv(engine as DockerEngine);
    Object.assign(process.env, x.env);
    const first = await cli();
    if (first.code !== 0) throw new Error(`the baseline deploy failed:\n${first.out}\n${first.err}`);
  }, 240_000);

  afterAll(async () => {
    process.env = saved;
    await x?.stop();
    await engine?.stop();
  }, 60_000);

  test('tasks that stop with a reason: the reason and the container reason are printed, the service is rolled back, exit 1', async () => {
    x.ecs.service('monitoring', 'fluentd').deploymentConfiguration.deploymentCircuitBreaker = {
      enable: false,
      rollback: false,
    };
    const before = x.ecs.primary('monitoring', 'fluentd').taskDefinition;
    await bumpFluentdTaskDefinition('-v');
    x.ecs.nextDeployment('monitoring', 'fluentd', {
      kind: 'tasks-stop',
      stoppedReason:
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed',
      containers: [{ name: 'fluentd', reason: 'CannotPullContainerError: pull access denied', exitCode: 1 }],
    });
    x.fake.resetCalls();
    const r = await cli('--only', 'fluentd');
    expect(r.code).toBe(1);
    const all = `${r.out}\n${r.err}`;
    expect(all).toContain('ResourceInitializationError: unable to pull secrets');
    expect(all).toContain('CannotPullContainerError: pull access denied');
    expect(r.out).toMatch(/service fluentd: FAILED: .*\(rolled back by dd-ecs-monitor: completed\)/);
    expect(r.out).toContain('Deploy FAILED.');
    // The rollback is an UpdateService back to the revision that ran before.
    const updates = x.fake.callsTo('ecs', 'UpdateService').map((c) => c.input.taskDefinition);
    expect(updates).toHaveLength(2);
    expect(updates[1]).toBe(before);
    expect(x.ecs.primary('monitoring', 'fluentd').taskDefinition).toBe(before);
    expect(all).not.toContain(FAKE_API_KEY);
  }, 120_000);

  test('a circuit-breaker rollback is a failed deploy (exit 1), never reported as success', async () => {
    x.ecs.service('monitoring', 'fluentd').deploymentConfiguration.deploymentCircuitBreaker = {
      enable: true,
      rollback: true,
    };
    await bumpFluentdTaskDefinition('-vv');
    x.ecs.nextDeployment('monitoring', 'fluentd', {
      kind: 'tasks-stop',
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'fluentd', exitCode: 1 }],
    });
    const r = await cli('--only', 'fluentd');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Deploy FAILED.');
    expect(r.out).toMatch(/rolled back by circuit-breaker/);
    expect(`${r.out}\n${r.err}`).toContain('Essential container in task exited');
    expect(r.out).not.toContain('Deploy succeeded.');
  }, 120_000);

  test('a missing SSM parameter stops the deploy before anything is registered', async () => {
    x.ssm.parameters.delete('/datadog/apikey');
    await bumpFluentdTaskDefinition('-q');
    x.fake.resetCalls();
    try {
      const r = await cli();
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/\/datadog\/apikey/);
      expect(r.out).toMatch(/fluentd/);
      expect(x.fake.count('ecs', 'RegisterTaskDefinition')).toBe(0);
      expect(x.fake.count('ecs', 'UpdateService')).toBe(0);
    } finally {
      x.ssm.put('/datadog/apikey', { value: FAKE_API_KEY });
    }
  }, 120_000);

  test('throttling on every first call: each is retried by the SDK and the deploy succeeds', async () => {
    // The -q revision of the previous test is still to be rolled out.
    x.fake.resetCalls();
    x.fake.inject({ kind: 'throttle', firstAttemptOnly: true });
    try {
      const r = await cli();
      expect(r.code).toBe(0);
      expect(r.out).toContain('Deploy succeeded.');
      const throttled = x.fake.calls.filter((c) => c.error === 'ThrottlingException' || c.error === 'Throttling');
      expect(throttled.length).toBeGreaterThan(5);
      expect(throttled.every((c) => c.attempt === 1)).toBe(true);
      expect(x.fake.count('ecs', 'RegisterTaskDefinition')).toBe(1);
    } finally {
      x.fake.clearFaults();
    }
  }, 120_000);

  test('a wrong registry password: a clear message naming the registry, nothing pushed or registered, the password never printed', async () => {
    await writeFile(
      path.join(x.repo, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml'),
      (await readFile(path.join(x.repo, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml'), 'utf8')).replace(
        'timeout: 5',
        'timeout: 6',
      ),
    );
    x.commit('a new timeout: the agent image must be rebuilt');
    const wrong = 'not-the-registry-password';
    x.ecr.tokenPassword = wrong;
    const tagsBefore = await x.registry.tags('monitoring/datadog-agent');
    x.fake.resetCalls();
    try {
      const r = await cli();
      expect(r.code).toBe(1);
      const all = `${r.out}\n${r.err}`;
      // The config-only change is appended through the registry API, which refuses the password itself.
      expect(all).toContain(`registry ${x.registry.host} refused the ECR password`);
      expect(all).toContain('401 Unauthorized');
      expect(all).not.toContain(wrong);
      expect(x.fake.count('ecs', 'RegisterTaskDefinition')).toBe(0);
      expect(x.fake.count('ecs', 'UpdateService')).toBe(0);
      expect(await x.registry.tags('monitoring/datadog-agent')).toEqual(tagsBefore);
    } finally {
      x.ecr.tokenPassword = x.registry.password;
    }
  }, 120_000);
});
