/**
 * Issue 7, end to end (real Docker engine and registry, the fake AWS endpoint over the wire):
 * a deploy is green only with evidence, whatever an earlier run left behind (an interrupted
 * rollout, a DescribeServices outage, `--no-rollback` with failing tasks, a FAILED or rolled-back
 * deployment); one deploy at a time (two started 0.2 s apart, another deployment in progress);
 * SIGINT / SIGTERM sent to a real CLI process mid-rollout and mid-build.
 *
 * Signals and concurrent runs need real child processes: the CLI bundle built from these sources
 * (test/support/cli-bundle.ts). Re-runs go through the CLI's `main()` in this process, as in
 * deploy-failures.integration.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { LEASE_TAG } from '../../src/ecs/lease.js';
import { cliBundle } from '../support/cli-bundle.js';
import { type DockerEngine, startDockerEngine } from '../support/docker-env.js';
import { type ExampleEnv, startExampleEnv } from '../support/example-env.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;

/** A regular expression from parts, to keep long messages readable. */
const re = (...parts: Array<string | RegExp>): RegExp =>
  new RegExp(parts.map((p) => (typeof p === 'string' ? p : p.source)).join(''));

interface Interrupt {
  when: RegExp;
  signal: NodeJS.Signals;
  afterMs?: number;
}

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

d('issue 7: evidence, one deploy at a time, signals (end to end)', () => {
  let x: ExampleEnv;
  let bundle: string;
  const saved = { ...process.env };
  const config = (): string => path.join(x.repo, 'dd-ecs-monitor.yml');
  const updates = (): number => x.fake.count('ecs', 'UpdateService');
  const registrations = (): number => x.fake.count('ecs', 'RegisterTaskDefinition');
  const deployArgs = (): string[] => [
    'deploy',
    '--config',
    config(),
    '--poll-interval',
    '0.05',
    '--wait-timeout',
    '20',
  ];
  const breaker = (enable: boolean, rollback: boolean): void => {
    x.ecs.service('monitoring', 'fluentd').deploymentConfiguration.deploymentCircuitBreaker = { enable, rollback };
  };
  const EXITED = 'Essential container in task exited';

  /** The CLI's main() in this process: fast re-runs. */
  async function cli(...args: string[]): Promise<Ran> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([...deployArgs(), ...args], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      cwd: x.repo,
      env: process.env,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  /** The CLI as a child process, with its own TMPDIR; optionally signalled once stderr matches. */
  function child(args: string[], tmp: string, interrupt?: Interrupt): Promise<Ran & { pid: number }> {
    return new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [bundle, ...deployArgs(), ...args], {
        cwd: x.repo,
        env: { ...process.env, TMPDIR: tmp },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      let sent = false;
      const guard = setTimeout(() => p.kill('SIGKILL'), 150_000);
      p.stdout.on('data', (b: Buffer) => (out += b.toString()));
      p.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        if (interrupt && !sent && interrupt.when.test(err)) {
          sent = true;
          setTimeout(() => p.kill(interrupt.signal), interrupt.afterMs ?? 0);
        }
      });
      p.on('error', reject);
      p.on('close', (code) => {
        clearTimeout(guard);
        resolve({ code, out, err, pid: p.pid ?? -1 });
      });
    });
  }

  async function bumpFluentd(value: string): Promise<void> {
    const file = path.join(x.repo, 'ecs/fluentd.taskdef.json');
    const td = JSON.parse(await readFile(file, 'utf8'));
    td.containerDefinitions[0].environment = [{ name: 'FLUENTD_OPT', value }];
    await writeFile(file, `${JSON.stringify(td, null, 2)}\n`);
    x.commit(`fluentd options ${value}`);
  }

  /** The deployment an earlier run left behind now completes; a re-run is green and changes nothing. */
  async function settleAndExpectGreen(): Promise<void> {
    x.ecs.primary('monitoring', 'fluentd').scenario = { kind: 'complete' };
    const before = { u: updates(), r: registrations() };
    const green = await cli('--only', 'fluentd');
    expect([green.code, green.out]).toEqual([0, expect.stringContaining('Deploy succeeded.')]);
    expect([updates(), registrations()]).toEqual([before.u, before.r]);
  }

  /** While the left-over deployment does not complete, a re-run follows it and is not green. */
  async function expectRedWhileRollingOut(): Promise<void> {
    x.ecs.primary('monitoring', 'fluentd').scenario = { kind: 'never-completes' };
    const before = updates();
    const red = await cli('--only', 'fluentd', '--wait-timeout', '1');
    expect(red.code).toBe(1);
    expect(red.out).toContain('Deploy FAILED.');
    expect(red.err).toMatch(
      re(
        /\[fluentd\] service monitoring\/fluentd unchanged, /,
        /but deployment ecs-svc\/\d+ \(fluentd:\d+, started [^)]+\) is IN_PROGRESS/,
      ),
    );
    expect(red.out).toMatch(/service fluentd: FAILED: .*did not complete within 1s/);
    expect(updates()).toBe(before);
  }

  function dockerConfigsIn(tmp: string): string[] {
    return readdirSync(tmp).filter((n) => n.startsWith('dd-ecs-monitor-docker-'));
  }

  /** Processes whose arguments name this test's registry (docker build / push of this run), after a grace period. */
  async function dockerProcessesLeft(): Promise<string[]> {
    let left: string[] = [];
    for (let i = 0; i < 50; i++) {
      const ps = spawnSync('ps', ['-A', '-o', 'args='], { encoding: 'utf8' });
      left = ps.stdout.split('\n').filter((l) => l.includes(x.registry.host) && /\bdocker\b/.test(l));
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return left;
  }

  beforeAll(async () => {
    bundle = cliBundle();
    x = await startExampleEnv(engine as DockerEngine);
    Object.assign(process.env, x.env);
    const first = await cli();
    if (first.code !== 0) throw new Error(`the baseline deploy failed:\n${first.out}\n${first.err}`);
  }, 400_000);

  afterAll(async () => {
    process.env = saved;
    await x?.stop();
    await engine?.stop();
  }, 60_000);

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s mid-rollout: exit %i, names the service left mid-rollout; re-runs red until it completes, then green',
    async (signal, code) => {
      await bumpFluentd(`-${signal}`);
      x.ecs.nextDeployment('monitoring', 'fluentd', { kind: 'never-completes' });
      const tmp = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-signal-'));
      try {
        const r = await child(['--only', 'fluentd'], tmp, { when: /updating service monitoring\/fluentd to/, signal });
        expect(r.code).toBe(code);
        expect(r.err).toContain(`dd-ecs-monitor: ${signal} received: stopping`);
        expect(r.err).toMatch(
          re(
            /service fluentd \(monitoring\/fluentd\) was left mid-rollout: /,
            /deployment ecs-svc\/\d+ \(fluentd:\d+\) keeps rolling out in ECS\./,
          ),
        );
        expect(r.err).toContain(
          'the next deploy follows that deployment to COMPLETED (green) or reports why it failed (red)',
        );
        expect(r.out).not.toContain('Deploy succeeded.');
        expect(dockerConfigsIn(tmp)).toEqual([]);
        // The lease was handed back on the way out: the next run need not wait for it to expire.
        expect(x.ecs.service('monitoring', 'fluentd').tags.has(LEASE_TAG)).toBe(false);
        expect(x.ecs.primary('monitoring', 'fluentd').rolloutState).toBe('IN_PROGRESS');
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
      await expectRedWhileRollingOut();
      await settleAndExpectGreen();
    },
    240_000,
  );

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s mid-build: exit %i, docker build stopped, the temporary Docker config (ECR login) gone',
    async (signal, code) => {
      const dockerfile = path.join(x.repo, 'fluentd/Dockerfile');
      const original = await readFile(dockerfile, 'utf8');
      // A build step that takes long enough to be interrupted (the stand-in base image has busybox).
      await writeFile(dockerfile, original.replace('USER root\n', `USER root\nRUN sleep 60 # ${signal}\n`));
      const tmp = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-signal-'));
      const before = { u: updates(), r: registrations() };
      try {
        const when = /building fluentd with docker/;
        const r = await child(['--only', 'fluentd'], tmp, { when, signal, afterMs: 1500 });
        expect(r.code).toBe(code);
        expect(r.err).toMatch(
          re(`dd-ecs-monitor: ${signal} received: stopping `, /\(stopped \d+ docker process\(es\)\)/),
        );
        expect(r.err).toContain(
          'no service was mid-rollout: nothing was left half-deployed; the next deploy starts over',
        );
        expect(dockerConfigsIn(tmp)).toEqual([]);
        expect(await dockerProcessesLeft()).toEqual([]);
        expect([updates(), registrations()]).toEqual([before.u, before.r]);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
        await writeFile(dockerfile, original);
      }
    },
    240_000,
  );

  test('after a DescribeServices outage: red; re-runs red while the rollout is not done, green once it is', async () => {
    await bumpFluentd('-outage');
    const n = updates();
    // AWS answers 500 to every DescribeServices once the update went out, through the SDK's retries.
    x.fake.inject({ service: 'ecs', operation: 'DescribeServices', kind: 'server', when: () => updates() > n });
    try {
      const r = await cli('--only', 'fluentd');
      expect(r.code).toBe(1);
      expect(r.out).toMatch(
        re(
          /service fluentd: FAILED: follow service monitoring\/fluentd \(deployment ecs-svc\/\d+\): /,
          /describe services fluentd in cluster monitoring: InternalFailure: injected server error/,
        ),
      );
    } finally {
      x.fake.clearFaults();
    }
    expect(x.ecs.primary('monitoring', 'fluentd').rolloutState).toBe('IN_PROGRESS');
    await expectRedWhileRollingOut();
    await settleAndExpectGreen();
  }, 240_000);

  test('after --no-rollback with failing tasks: the re-run follows it, red with the reason; green once fixed', async () => {
    breaker(false, false);
    try {
      await bumpFluentd('-norollback');
      const reason = 'CannotStartContainerError: fluentd exited: config error file="/fluentd/etc/fluent.conf"';
      const containers = [{ name: 'fluentd', reason, exitCode: 1 }];
      x.ecs.nextDeployment('monitoring', 'fluentd', { kind: 'tasks-stop', stoppedReason: EXITED, containers });
      const first = await cli('--only', 'fluentd', '--no-rollback');
      expect(first.code).toBe(1);
      expect(first.out).toContain('not rolled back (rollback disabled)');

      const n = updates();
      const again = await cli('--only', 'fluentd');
      expect(again.code).toBe(1);
      expect(again.err).toMatch(
        re(
          /unchanged, but deployment ecs-svc\/\d+ .* is IN_PROGRESS: /,
          /0 of 1 tasks running, 1 pending, \d+ failed: following it to the end/,
        ),
      );
      expect(`${again.out}\n${again.err}`).toContain(reason);
      expect(again.out).toContain('not rolled back (this run did not start it)');
      expect(updates()).toBe(n);
      await settleAndExpectGreen();
    } finally {
      breaker(true, true);
    }
  }, 240_000);

  test('a PRIMARY left FAILED: red with the reason; only --force-new-deployment redeploys it, saying so', async () => {
    breaker(true, false);
    try {
      await bumpFluentd('-failed');
      x.ecs.nextDeployment('monitoring', 'fluentd', { kind: 'tasks-stop', stoppedReason: EXITED });
      expect((await cli('--only', 'fluentd', '--no-rollback')).code).toBe(1);
      expect(x.ecs.primary('monitoring', 'fluentd').rolloutState).toBe('FAILED');

      const n = updates();
      const again = await cli('--only', 'fluentd');
      expect(again.code).toBe(1);
      expect(again.out).toMatch(
        re(
          /service fluentd: FAILED: service monitoring\/fluentd: deployment ecs-svc\/\d+ \(fluentd:\d+, started [^)]+\) /,
          /FAILED: ECS deployment circuit breaker: tasks failed to start\. .*; /,
          /not redeployed, since the task definition is unchanged: fix the cause, or run again with --force-new-deployment/,
        ),
      );
      expect(updates()).toBe(n);

      const forced = await cli('--only', 'fluentd', '--force-new-deployment');
      expect([forced.code, forced.out]).toEqual([0, expect.stringContaining('Deploy succeeded.')]);
      expect(forced.err).toContain('(forced new deployment)');
      expect(updates()).toBe(n + 1);
    } finally {
      breaker(true, true);
    }
  }, 240_000);

  test('a task definition that was rolled back is sent again only with --force-new-deployment, which says so', async () => {
    await bumpFluentd('-rolledback');
    x.ecs.nextDeployment('monitoring', 'fluentd', { kind: 'tasks-stop', stoppedReason: EXITED });
    const first = await cli('--only', 'fluentd');
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/rolled back by circuit-breaker/);

    const n = { u: updates(), r: registrations() };
    const again = await cli('--only', 'fluentd');
    expect(again.code).toBe(1);
    expect(again.out).toMatch(
      re(
        /service fluentd: FAILED: fluentd:(\d+) already went out to service monitoring\/fluentd \(deployment ecs-svc\/\d+, [^)]+\) /,
        /and did not stay: the service runs fluentd:\d+ \(rolled back\); /,
        /not redeployed: fix the cause, or run again with --force-new-deployment/,
      ),
    );
    expect([updates(), registrations()]).toEqual([n.u, n.r]);

    const forced = await cli('--only', 'fluentd', '--force-new-deployment');
    expect(forced.code).toBe(0);
    expect(forced.err).toMatch(
      /already went out .* and did not stay: .*; redeploying it because of --force-new-deployment/,
    );
    expect(updates()).toBe(n.u + 1);
  }, 240_000);

  test('a deployment this run did not start is IN_PROGRESS: refused before registering; or waited for on request', async () => {
    const current = x.ecs.primary('monitoring', 'fluentd').taskDefinition;
    const other = x.ecs.deployNow('monitoring', 'fluentd', current, { kind: 'never-completes' });
    await bumpFluentd('-busy');
    const n = { u: updates(), r: registrations() };
    const refused = await cli('--only', 'fluentd');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      `problem: service fluentd: ECS service "fluentd" in cluster "monitoring" is being deployed by deployment ${other.id}`,
    );
    expect(refused.out).toMatch(
      re(
        /\(fluentd:\d+, started \d{4}-\d\d-\d\dT[^)]+\), which this run did not start; /,
        /run again when it has finished, or with --wait-for-other-deployments/,
      ),
    );
    expect([updates(), registrations()]).toEqual([n.u, n.r]);

    // Still rolling out when the next run looks (each DescribeServices is one step of the fake).
    other.scenario = { kind: 'complete', afterPolls: other.polls + 4 };
    const waited = await cli('--only', 'fluentd', '--wait-for-other-deployments');
    expect(waited.code).toBe(0);
    expect(waited.err).toContain(`[fluentd] waiting for deployment ${other.id}`);
    expect(updates()).toBe(n.u + 1);
  }, 240_000);

  test('two deploys 0.2 s apart: one refuses, naming the other and its start; nothing built, pushed or registered twice', async () => {
    const http = path.join(x.repo, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml');
    await writeFile(http, (await readFile(http, 'utf8')).replace(/timeout: \d+/, 'timeout: 7'));
    await bumpFluentd('-twice');
    const n = registrations();
    const tmpA = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-a-'));
    const tmpB = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-b-'));
    try {
      const a = child([], tmpA);
      await new Promise((r) => setTimeout(r, 200));
      const b = child([], tmpB);
      const runs = await Promise.all([a, b]);
      const codes = runs.map((r) => r.code).sort();
      expect(codes).toEqual([0, 1]);
      const refused = runs.find((r) => r.code === 1) as Ran;
      const won = runs.find((r) => r.code === 0) as Ran;
      expect(refused.out).toMatch(
        re(
          /problem: another deploy is running: \S+, started \d{4}-\d\d-\d\dT\S+Z, holds the deploy lease on service \S+ /,
          /\(tag dd-ecs-monitor:deploy-lease, expires \S+ unless renewed\); nothing was built, pushed, registered or updated/,
        ),
      );
      // The http_check change is a config-only change: the winner appends it through the registry API.
      expect(refused.err).not.toMatch(/building |appending |docker push |pushed |\] registered /);
      expect(won.err).toMatch(/image datadog-agent: pushed \S+@sha256:[0-9a-f]{64}/);
      // One new revision per changed family: datadog-agent (new image) and fluentd (new option).
      expect(registrations()).toBe(n + 2);
    } finally {
      rmSync(tmpA, { recursive: true, force: true });
      rmSync(tmpB, { recursive: true, force: true });
    }
  }, 300_000);
});
