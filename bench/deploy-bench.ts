/**
 * Deploy benchmark against real parts on 127.0.0.1 (Docker engine, registry with ECR-style auth,
 * fake AWS over the wire): (a) a no-op deploy and (b) a config-only deploy with dd-ecs-monitor,
 * against (c) the conventional sequence for the same config-only change, the behaviour of the
 * usual render + deploy actions: build and push both images, register both task definitions,
 * update both services and wait for the rollouts.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { RegisterTaskDefinitionCommand, UpdateServiceCommand, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { destroyClients, makeClients } from '../src/aws.js';
import { deploy } from '../src/deploy.js';
import { callerAccount } from '../src/ecs/index.js';
import { buildImages } from '../src/images/index.js';
import { streamLog } from '../src/log.js';
import { changedFilesFromGit } from '../src/git.js';
import { prepare } from '../src/plan/prepare.js';
import { renderAll } from '../src/plan/render-all.js';
import { type DockerEngine, docker, startDockerEngine } from '../test/support/docker-env.js';
import { type ExampleEnv, REGION, startExampleEnv } from '../test/support/example-env.js';
import { ms, printRows, ratio } from './lib.js';

const quiet = streamLog(() => undefined);
const POLL_S = 0.05;

function addSite(x: ExampleEnv, n: number): { base: string; head: string } {
  const base = x.git('rev-parse', 'HEAD');
  appendFileSync(
    path.join(x.repo, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml'),
    `  - name: bench site ${n}\n    url: https://bench${n}.example.com/\n    timeout: 5\n`,
  );
  return { base, head: x.commit(`bench site ${n}`) };
}

async function ours(
  x: ExampleEnv,
  range?: { base: string; head: string },
): Promise<{ ms: number; calls: number; built: number }> {
  const before = x.fake.calls.length;
  const t = performance.now();
  const changed = range
    ? await changedFilesFromGit({ root: x.repo, ...range, mode: 'direct' })
    : ({ kind: 'all', reason: 'bench' } as const);
  const r = await deploy({
    configPath: path.join(x.repo, 'dd-ecs-monitor.yml'),
    offline: false,
    changed,
    dryRun: false,
    rollback: true,
    pollIntervalSeconds: POLL_S,
    waitTimeoutSeconds: 60,
    gitSha: x.git('rev-parse', 'HEAD'),
    log: quiet,
  });
  if (!r.ok) throw new Error(`deploy failed: ${r.problems.join('; ')}`);
  return {
    ms: performance.now() - t,
    calls: x.fake.calls.length - before,
    built: r.images.filter((i) => i.built).length,
  };
}

/** Always build both, always register both, always update both, then wait for every rollout. */
async function conventional(x: ExampleEnv): Promise<{ ms: number; calls: number; built: number }> {
  const before = x.fake.calls.length;
  const t = performance.now();
  const clients = makeClients({ region: REGION });
  try {
    const prepared = await prepare({
      configPath: path.join(x.repo, 'dd-ecs-monitor.yml'),
      changed: { kind: 'all', reason: 'bench' },
    });
    const account = await callerAccount(clients.sts);
    const built = await buildImages({
      images: prepared.images.map((i) => i.spec),
      gitSha: x.git('rev-parse', 'HEAD'),
      clients,
      log: quiet,
      rebuild: true,
      fluentdDryRun: false,
    });
    const refs = Object.fromEntries(built.images.map((i) => [i.key, i.imageRef as string]));
    const rendered = renderAll(prepared, refs, REGION, account);
    for (const dep of rendered.deployments) {
      const reg = await clients.ecs.send(new RegisterTaskDefinitionCommand(dep.taskDefinition));
      await clients.ecs.send(
        new UpdateServiceCommand({
          cluster: dep.cluster,
          service: dep.service,
          taskDefinition: reg.taskDefinition?.taskDefinitionArn,
          forceNewDeployment: true,
        }),
      );
    }
    for (const dep of rendered.deployments) {
      for (;;) {
        const d = await clients.ecs.send(
          new DescribeServicesCommand({ cluster: dep.cluster, services: [dep.service] }),
        );
        const svc = d.services?.[0];
        if (svc?.deployments?.length === 1 && svc.runningCount === svc.desiredCount) break;
        await new Promise((r) => setTimeout(r, POLL_S * 1000));
      }
    }
    return {
      ms: performance.now() - t,
      calls: x.fake.calls.length - before,
      built: built.images.filter((i) => i.built).length,
    };
  } finally {
    destroyClients(clients);
  }
}

/** A fresh CI runner has no local layer cache: drop the images this bench built (the stand-in bases stay). */
async function coldRunner(engine: DockerEngine, x: ExampleEnv): Promise<void> {
  const ls = await docker(engine, [
    'image',
    'ls',
    '--format',
    '{{.Repository}}:{{.Tag}}',
    `${x.registry.host}/monitoring/*`,
  ]);
  const refs = ls.stdout.split('\n').filter(Boolean);
  if (refs.length) await docker(engine, ['image', 'rm', '-f', ...refs]);
  await docker(engine, ['image', 'prune', '-f']);
}

export async function deployBench(): Promise<void> {
  const engine = await startDockerEngine();
  if (!engine) {
    console.log('\n## Deploy\n  skipped: no Docker engine (run under .ci/run, or as root with docker.io installed)');
    return;
  }
  const saved = { ...process.env };
  const x = await startExampleEnv(engine);
  Object.assign(process.env, x.env);
  try {
    await ours(x); // the first deploy: both images built, both services rolled out
    const a = await ours(x);
    const range = addSite(x, 1);
    await coldRunner(engine, x);
    const b = await ours(x, range);
    addSite(x, 2);
    await coldRunner(engine, x);
    const c = await conventional(x);
    const row = (what: string, r: { ms: number; calls: number; built: number }, note?: string) => ({
      what,
      value: ms(r.ms),
      note: `${r.calls} AWS calls, ${r.built} image(s) built${note ? `; ${note}` : ''}`,
    });
    printRows(
      'Deploy of the example repo (real docker + registry, fake AWS on 127.0.0.1; one run each; (b) and (c) start without a local layer cache, like a fresh runner)',
      [
        row(
          '(a) dd-ecs-monitor, nothing changed',
          a,
          `time ${ratio(a.ms, c.ms)} of (c), calls ${ratio(a.calls, c.calls)}`,
        ),
        row(
          '(b) dd-ecs-monitor, http_check change only',
          b,
          `time ${ratio(b.ms, c.ms)} of (c), calls ${ratio(b.calls, c.calls)}`,
        ),
        row('(c) conventional: build both, register both, update both', c),
      ],
    );
  } finally {
    process.env = saved;
    await x.stop();
    await engine.stop();
  }
}
