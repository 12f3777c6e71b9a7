/**
 * The example repository (examples/datadog-ecs) deployed against real parts on 127.0.0.1: a real
 * Docker engine and registry with ECR-style auth, and the fake AWS endpoint (ECR backed by that
 * registry, ECS, SSM, STS) over the real wire protocols. The example is copied into a temporary git
 * repository whose project file points the Dockerfiles' base-image build args at stand-in images
 * (no Docker Hub here). Shared by the deploy and the action end-to-end tests.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DockerEngine, type Registry, startRegistry } from './docker-env.js';
import { FakeEcr } from './fake-aws/ecr.js';
import { type FakeEcsState, installFakeEcs } from './fake-aws/ecs.js';
import { FakeAws } from './fake-aws/server.js';
import { type FakeSsmState, installFakeSsm } from './fake-aws/ssm.js';
import { installFakeSts } from './fake-aws/sts.js';
import { REPO_ROOT } from './repo-root.js';
import { BASE_IMAGE, FLUENTD_IMAGE, ensureStandInImages } from './stand-in-images.js';

export const EXAMPLE = path.join(REPO_ROOT, 'examples/datadog-ecs');
export const REGION = 'ap-northeast-1';
/** A stand-in value for the SSM parameter: obviously fake, and asserted never to appear in a log. */
export const FAKE_API_KEY = 'fake-dd-api-key-0123456789abcdef';

export interface ExampleEnv {
  repo: string;
  registry: Registry;
  fake: FakeAws;
  ecr: FakeEcr;
  ecs: FakeEcsState;
  ssm: FakeSsmState;
  /** Environment for the product: fake AWS endpoint + credentials, DOCKER_HOST. */
  env: Record<string, string>;
  git(...args: string[]): string;
  /** Commit everything in the work tree; returns the new HEAD. */
  commit(message: string): string;
  stop(): Promise<void>;
}

const STAND_IN_ARGS: Record<string, string> = {
  'datadog-agent': `AGENT_IMAGE: ${BASE_IMAGE}`,
  fluentd: `FLUENTD_IMAGE: ${FLUENTD_IMAGE}`,
};

/** The example's project file with stand-in base images as build args (the only change). */
export async function standInProjectFile(file: string): Promise<void> {
  let text = await readFile(file, 'utf8');
  for (const [key, arg] of Object.entries(STAND_IN_ARGS)) {
    text = text.replace(new RegExp(`^(  ${key}:\\n)`, 'm'), `$1    buildArgs:\n      ${arg}\n`);
  }
  // The stand-ins are local names (Docker Hub's namespace): nothing to ask a registry about. The
  // resolver's own end-to-end test (test/deploy/base-digest.integration.test.ts) points them at the local registry.
  if (!text.includes('resolveBaseImages')) text = text.replace(/^deploy:\n/m, 'deploy:\n  resolveBaseImages: false\n');
  await writeFile(file, text);
}

export async function startExampleEnv(engine: DockerEngine): Promise<ExampleEnv> {
  await ensureStandInImages(engine);
  const registry = await startRegistry();
  const fake = new FakeAws();
  await fake.start();
  const ecr = new FakeEcr({ host: registry.host, password: registry.password }).install(fake);
  ecr.addRepository('monitoring/datadog-agent').addRepository('monitoring/fluentd');
  const ecs = installFakeEcs(fake, { region: REGION, completeAfterPolls: 2 });
  const ssm = installFakeSsm(fake, {
    region: REGION,
    parameters: { '/datadog/apikey': { value: FAKE_API_KEY, type: 'SecureString' } },
  });
  installFakeSts(fake);

  const repo = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-example-'));
  await cp(EXAMPLE, repo, { recursive: true });
  await standInProjectFile(path.join(repo, 'dd-ecs-monitor.yml'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
    }).trim();
  git('init', '-q', '-b', 'main');
  const commit = (message: string): string => {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  commit('example monitoring repo');

  // The services already run an older revision of each task definition (an earlier image).
  for (const [name, file] of [
    ['datadog-agent', 'ecs/datadog-agent.taskdef.json'],
    ['fluentd', 'ecs/fluentd.taskdef.json'],
  ] as const) {
    const td = JSON.parse(await readFile(path.join(repo, file), 'utf8')) as {
      containerDefinitions: Array<Record<string, unknown>>;
    };
    for (const c of td.containerDefinitions) c.image = `${registry.host}/monitoring/${name}@sha256:${'1'.repeat(64)}`;
    ecs.addService({
      cluster: 'monitoring',
      name,
      taskDefinition: td,
      circuitBreaker: { enable: true, rollback: true },
    });
  }
  const env = { ...fake.env(REGION), ...engine.env };
  return {
    repo,
    registry,
    fake,
    ecr,
    ecs,
    ssm,
    env,
    git,
    commit,
    stop: async () => {
      await fake.stop();
      await registry.stop();
      await rm(repo, { recursive: true, force: true });
    },
  };
}
