/**
 * Issue 8: a base image given by a floating tag is resolved to its digest for the content hash, so
 * a tag moved upstream rebuilds. End to end with `deploy.resolveBaseImages` on (the default): the
 * example's stand-in bases are served by the local registry (the fake ECR's, so the ECR login
 * reaches them), a re-deploy with the tag where it was reuses everything, and moving the agent's
 * base tag makes the next deploy rebuild it: another content tag and another `base-` tag.
 * The jest setup (test/support/loopback-only.ts) fails this file if any lookup leaves 127.0.0.1;
 * the registry's access log shows the lookups did reach it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deploy } from '../../src/deploy.js';
import { memoryLog } from '../../src/log.js';
import { type DockerEngine, docker, startDockerEngine } from '../support/docker-env.js';
import { type ExampleEnv, startExampleEnv } from '../support/example-env.js';
import { BASE_IMAGE, FLUENTD_IMAGE } from '../support/stand-in-images.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;

d('a floating base tag moved in its registry rebuilds the image (deploy.resolveBaseImages on)', () => {
  let x: ExampleEnv;
  let dockerConfig: string;
  const saved = { ...process.env };
  const agentBase = (): string => `${x.registry.host}/stand-in/agent-base:7`;

  async function dockerOk(args: string[]): Promise<void> {
    const r = await docker(engine as DockerEngine, args, { DOCKER_CONFIG: dockerConfig });
    if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
  }

  /** Tags `local` as `ref` in the engine and pushes it to the local registry. */
  async function push(local: string, ref: string): Promise<void> {
    await dockerOk(['tag', local, ref]);
    await dockerOk(['push', '-q', ref]);
  }

  beforeAll(async () => {
    x = await startExampleEnv(engine as DockerEngine);
    Object.assign(process.env, x.env);
    dockerConfig = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-docker-config-'));
    await dockerOk(['login', '-u', 'AWS', '-p', x.registry.password, x.registry.host]);
    await push(BASE_IMAGE, agentBase());
    await push(FLUENTD_IMAGE, `${x.registry.host}/stand-in/fluentd:1`);
    // The stand-ins through the registry, and the lookup on (the example env turns it off).
    const file = path.join(x.repo, 'dd-ecs-monitor.yml');
    const text = (await readFile(file, 'utf8'))
      .replace(`AGENT_IMAGE: ${BASE_IMAGE}`, `AGENT_IMAGE: ${agentBase()}`)
      .replace(`FLUENTD_IMAGE: ${FLUENTD_IMAGE}`, `FLUENTD_IMAGE: ${x.registry.host}/stand-in/fluentd:1`)
      .replace('resolveBaseImages: false', 'resolveBaseImages: true');
    expect(text).toContain(`AGENT_IMAGE: ${agentBase()}`);
    expect(text).toContain('resolveBaseImages: true');
    await writeFile(file, text);
    x.commit('stand-in bases from the registry');
  }, 240_000);

  afterAll(async () => {
    process.env = saved;
    await x?.stop();
    if (dockerConfig) await rm(dockerConfig, { recursive: true, force: true });
    await engine?.stop();
  }, 60_000);

  async function run() {
    const result = await deploy({
      configPath: path.join(x.repo, 'dd-ecs-monitor.yml'),
      offline: false,
      changed: { kind: 'all', reason: 'test' },
      dryRun: false,
      rollback: true,
      pollIntervalSeconds: 0.02,
      waitTimeoutSeconds: 20,
      gitSha: '',
      log: memoryLog(),
      env: process.env,
    });
    expect(result.problems).toEqual([]);
    expect(result.plan.findings.filter((f) => f.code === 'dockerfile/base-unresolved')).toEqual([]);
    const agent = result.images.find((i) => i.key === 'datadog-agent');
    const content = agent?.tags.find((t) => t.startsWith('content-'));
    return { result, agent, content };
  }

  const baseTags = async (): Promise<string[]> =>
    (await x.registry.tags('monitoring/datadog-agent')).filter((t) => /^base-[0-9a-f]{32}$/.test(t)).sort();

  test('same tag: reused; moved tag: another content tag and another base tag, built; fluentd untouched', async () => {
    const first = await run();
    expect(first.agent?.built).toBe(true);
    expect(first.content).toMatch(/^content-[0-9a-f]{32}$/);
    const firstBases = await baseTags();
    expect(firstBases).toHaveLength(1);

    const again = await run();
    expect(again.result.images.map((i) => [i.key, i.built])).toEqual([
      ['datadog-agent', false],
      ['fluentd', false],
    ]);
    expect(again.content).toBe(first.content);

    // Upstream moves the tag: same name, another image.
    const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-moved-base-'));
    try {
      await writeFile(path.join(dir, 'Dockerfile'), `FROM ${BASE_IMAGE}\nLABEL moved=yes\n`);
      await dockerOk(['build', '-q', '-t', agentBase(), dir]);
      await dockerOk(['push', '-q', agentBase()]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const moved = await run();
    expect(moved.agent?.built).toBe(true);
    expect(moved.content).not.toBe(first.content);
    expect(moved.result.images.find((i) => i.key === 'fluentd')?.built).toBe(false);
    const movedBases = await baseTags();
    expect(movedBases).toHaveLength(2);
    expect(movedBases).toEqual(expect.arrayContaining(firstBases));

    // The lookups went to the local registry: HEADs of the base manifests in its access log.
    const log = await readFile(x.registry.logFile, 'utf8');
    expect(log).toMatch(/"HEAD \/v2\/stand-in\/agent-base\/manifests\/7 HTTP\/1\.1" 200/);
    expect(log).toMatch(/"HEAD \/v2\/stand-in\/fluentd\/manifests\/1 HTTP\/1\.1" 200/);
  }, 300_000);
});
