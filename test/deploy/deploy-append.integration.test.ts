/**
 * Issue 10 end to end: once the bases are in ECR, a one-line http_check change deploys with no
 * Docker daemon at all (`DOCKER_HOST` points at a socket nobody listens on). The agent image is
 * its base plus an appended layer: the registry's own access log shows no blob read at all (the
 * base's config comes from the `base-<hash>-config` manifest the first deploy published), well
 * under 64 KB went up, and one task definition was registered and one service rolled out to COMPLETED.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deploy, type DeployOptions } from '../../src/deploy.js';
import { type Exec, runProcess } from '../../src/exec.js';
import { memoryLog } from '../../src/log.js';
import { changedFilesFromGit } from '../../src/git.js';
import { type DockerEngine, startDockerEngine } from '../support/docker-env.js';
import { type ExampleEnv, startExampleEnv } from '../support/example-env.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;

/** `"GET /v2/<repo>/blobs/sha256:... HTTP/1.1" 200` lines of the registry's access log since `from`. */
async function blobGets(logFile: string, from: number): Promise<string[]> {
  const text = (await readFile(logFile, 'utf8')).slice(from);
  return [...text.matchAll(/"GET \/v2\/([^ ]+)\/blobs\/(sha256:[0-9a-f]{64}) HTTP\/1\.1" 200/g)].map(
    (m) => `${m[1]}@${m[2]}`,
  );
}

d('a config-only deploy without a Docker daemon', () => {
  let x: ExampleEnv;
  const saved = { ...process.env };

  beforeAll(async () => {
    x = await startExampleEnv(engine as DockerEngine);
    Object.assign(process.env, x.env);
  }, 240_000);

  afterAll(async () => {
    process.env = saved;
    await x?.stop();
    await engine?.stop();
  }, 60_000);

  function options(over: Partial<DeployOptions>): DeployOptions {
    return {
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
      ...over,
    };
  }

  test('first deploy builds the bases with docker once; the http_check change then needs no daemon, reads no blob, pushes under 64 KB', async () => {
    const first = await deploy(options({}));
    expect(first.problems).toEqual([]);
    expect(first.images.map((i) => [i.key, i.method?.startsWith('layer append')])).toEqual([
      ['datadog-agent', true],
      ['fluentd', true],
    ]);
    expect(first.images.find((i) => i.key === 'fluentd')?.fluentdDryRun).toBe('ran');

    const base = x.git('rev-parse', 'HEAD');
    const conf = path.join(x.repo, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml');
    await writeFile(conf, (await readFile(conf, 'utf8')).replace('timeout: 5', 'timeout: 7'));
    const head = x.commit('a longer timeout');
    const changed = await changedFilesFromGit({ root: x.repo, base, head, mode: 'direct' });

    const logFrom = (await readFile(x.registry.logFile, 'utf8')).length;
    const dockerCalls: string[][] = [];
    const exec: Exec = async (cmd, args, opts) => {
      dockerCalls.push([cmd, ...args]);
      return runProcess(cmd, args, opts);
    };
    x.fake.resetCalls();
    const log = memoryLog();
    const r = await deploy(
      options({ changed, gitSha: head, log, exec, env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent.sock' } }),
    );
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);

    // One image appended, the other reused; Docker never ran.
    expect(r.images.filter((i) => i.built).map((i) => i.key)).toEqual(['datadog-agent']);
    expect(r.images.find((i) => i.built)?.method).toMatch(/^layer append \(3 files, \d+\.\d KB\)$/);
    expect(dockerCalls).toEqual([]);
    // The registry's access log: no blob GET at all (no layer, not even the base's config, which
    // came from the base-<hash>-config manifest); the base config was read from a manifest.
    const access = (await readFile(x.registry.logFile, 'utf8')).slice(logFrom);
    expect(access).toMatch(/"PUT \/v2\/monitoring\/datadog-agent\/manifests\/content-[0-9a-f]{32} HTTP\/1\.1" 201/);
    expect(access).toMatch(/"GET \/v2\/monitoring\/datadog-agent\/manifests\/base-[0-9a-f]{32}-config HTTP\/1\.1" 200/);
    expect(await blobGets(x.registry.logFile, logFrom)).toEqual([]);
    expect(access).not.toMatch(/"GET \/v2\/[^ ]+\/blobs\//);
    expect(r.bytesPushed).toBeGreaterThan(0);
    expect(r.bytesPushed).toBeLessThan(64 * 1024);
    // One task definition registered, one service updated and rolled out.
    expect(x.fake.callsTo('ecs', 'RegisterTaskDefinition').map((c) => c.input.family)).toEqual(['datadog-agent']);
    expect(x.fake.callsTo('ecs', 'UpdateService').map((c) => c.input.service)).toEqual(['datadog-agent']);
    expect(x.ecs.primary('monitoring', 'datadog-agent').rolloutState).toBe('COMPLETED');
    expect(r.services.map((s) => [s.key, s.state])).toEqual([
      ['datadog-agent', 'completed'],
      ['fluentd', 'unchanged'],
    ]);
    expect(r.phases && Object.keys(r.phases)).toEqual(['validate', 'images', 'register', 'rollout']);
    expect(log.lines.join('\n')).not.toContain(x.registry.password);
  }, 240_000);

  test('a Fluentd config change without a daemon is appended, and its skipped dry run is said, not hidden', async () => {
    const base = x.git('rev-parse', 'HEAD');
    const conf = path.join(x.repo, 'fluentd/etc/fluent.conf');
    await writeFile(conf, `${await readFile(conf, 'utf8')}\n# a comment\n`);
    const head = x.commit('touch fluent.conf');
    const changed = await changedFilesFromGit({ root: x.repo, base, head, mode: 'direct' });
    const log = memoryLog();
    const r = await deploy(
      options({ changed, gitSha: head, log, env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent.sock' } }),
    );
    expect(r.problems).toEqual([]);
    const fl = r.images.find((i) => i.key === 'fluentd');
    expect(fl).toMatchObject({
      built: true,
      fluentdDryRun: 'skipped: no Docker engine to run fluentd --dry-run in the base image',
    });
    expect(log.lines.join('\n')).toContain('fluentd --dry-run no Docker engine');
  }, 240_000);
});
