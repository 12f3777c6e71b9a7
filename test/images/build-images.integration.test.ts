/**
 * The image step against real parts: a real Docker engine builds both images FROM stand-in
 * bases (classic builder: this machine has no buildx), pushes them with ECR-style basic auth to
 * a real docker-registry, and the fake AWS endpoint answers ECR over the real wire protocol,
 * reading what ECR "has" from that registry.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BatchGetImageCommand } from '@aws-sdk/client-ecr';
import { type AwsClients, destroyClients, makeClients } from '../../src/aws.js';
import { type Exec, runProcess } from '../../src/exec.js';
import {
  buildImages,
  contentTag,
  fluentdDryRun,
  ImageBuildError,
  type ImageSpec,
  imageInputs,
} from '../../src/images/index.js';
import { memoryLog } from '../../src/log.js';
import { type DockerEngine, type Registry, docker, startDockerEngine, startRegistry } from '../support/docker-env.js';
import { FakeEcr } from '../support/fake-aws/ecr.js';
import { FakeAws } from '../support/fake-aws/server.js';
import { BASE_IMAGE, FIXTURES, FLUENTD_IMAGE, ensureStandInImages } from '../support/stand-in-images.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;

const GIT_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

interface Call {
  args: readonly string[];
  start: number;
  end: number;
  exitCode: number;
}

/** The real process seam, with a record of what ran and when. */
function recordingExec(): { exec: Exec; calls: Call[] } {
  const calls: Call[] = [];
  const exec: Exec = async (cmd, args, opts) => {
    const start = Date.now();
    const res = await runProcess(cmd, args, opts);
    calls.push({ args: [cmd, ...args], start, end: Date.now(), exitCode: res.exitCode });
    return res;
  };
  return { exec, calls };
}

const verbs = (calls: Call[]): string[] => calls.map((c) => c.args.slice(1, 3).join(' '));

d('buildImages with a real engine, registry and fake ECR', () => {
  const e = engine as DockerEngine;
  let registry: Registry;
  let fake: FakeAws;
  let ecr: FakeEcr;
  let clients: AwsClients;
  let repo: string;
  const saved = { ...process.env };

  async function specs(opts: { fluentdDockerfile?: string; suffix?: string } = {}): Promise<ImageSpec[]> {
    const agentDir = path.join(repo, 'datadog');
    const sfx = opts.suffix ?? '';
    const agentArgs = { BASE: BASE_IMAGE };
    const agent = await imageInputs({
      root: repo,
      contextDir: agentDir,
      dockerfile: path.join(agentDir, 'Dockerfile'),
      buildArgs: agentArgs,
    });
    const fluentdDockerfile = path.join(repo, opts.fluentdDockerfile ?? 'fluentd/Dockerfile');
    const fluentdArgs = { BASE: FLUENTD_IMAGE };
    const fl = await imageInputs({
      root: repo,
      contextDir: repo,
      dockerfile: fluentdDockerfile,
      buildArgs: fluentdArgs,
    });
    return [
      {
        key: 'datadog-agent',
        contextDir: agentDir,
        dockerfile: path.join(agentDir, 'Dockerfile'),
        repository: `monitoring/datadog-agent${sfx}`,
        buildArgs: agentArgs,
        contentHash: agent.hash as string,
      },
      {
        key: 'fluentd',
        contextDir: repo,
        dockerfile: fluentdDockerfile,
        repository: `monitoring/fluentd${sfx}`,
        buildArgs: fluentdArgs,
        contentHash: fl.hash as string,
        fluentdCheck: {
          configPath: '/fluentd/etc/fluent.conf',
          file: 'fluentd/etc/fluent.conf',
          sources: new Map([
            ['fluentd/etc/fluent.conf', await readFile(path.join(repo, 'fluentd/etc/fluent.conf'), 'utf8')],
          ]),
          env: { DD_API_KEY: 'placeholder' },
        },
      },
    ];
  }

  beforeAll(async () => {
    registry = await startRegistry();
    await ensureStandInImages(e);
    fake = new FakeAws();
    await fake.start();
    ecr = new FakeEcr({ host: registry.host, password: registry.password }).install(fake);
    Object.assign(process.env, fake.env(), e.env);
    clients = makeClients({ region: 'ap-northeast-1', maxAttempts: 2 });
    repo = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-images-'));
    await cp(path.join(FIXTURES, 'repo'), repo, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    process.env = saved;
    destroyClients(clients);
    await fake?.stop();
    await registry?.stop();
    await rm(repo, { recursive: true, force: true });
    await e.stop();
  }, 60_000);

  test('builds both images in parallel, pushes them with ECR basic auth, and returns the registry digests', async () => {
    ecr.addRepository('monitoring/datadog-agent').addRepository('monitoring/fluentd');
    fake.resetCalls();
    const { exec, calls } = recordingExec();
    const log = memoryLog();
    const images = await specs();
    const out = await buildImages({ images, gitSha: GIT_SHA, clients, log, exec, append: false });

    expect(out.findings).toEqual([]);
    for (const img of out.images) {
      const ctag = contentTag(images.find((s) => s.key === img.key)?.contentHash as string);
      expect(img).toMatchObject({
        action: 'built',
        built: true,
        pushed: true,
        builder: 'legacy',
        contentTag: ctag,
        tags: [ctag, GIT_SHA],
      });
      expect(img.digest).toBe(await registry.digest(img.repository, ctag));
      expect(img.digest).toBe(await registry.digest(img.repository, GIT_SHA));
      expect(img.imageRef).toBe(`${registry.host}/${img.repository}@${img.digest}`);
    }
    expect(await registry.catalog()).toEqual(['monitoring/datadog-agent', 'monitoring/fluentd']);
    // One password for the run, fed to one docker login.
    expect(fake.count('ecr', 'GetAuthorizationToken')).toBe(1);
    expect(verbs(calls).filter((v) => v.startsWith('login'))).toEqual(['login --username']);
    // The two builds overlapped in time: they ran in parallel.
    const builds = calls.filter((c) => c.args[1] === 'build');
    expect(builds).toHaveLength(2);
    const [b1, b2] = builds as [Call, Call];
    expect(Math.max(b1.start, b2.start)).toBeLessThan(Math.min(b1.end, b2.end));
    // The Fluentd image was checked by its own fluentd before it was pushed.
    const dryRun = calls.findIndex((c) => c.args.includes('--dry-run'));
    const fluentdPush = calls.findIndex(
      (c) => c.args[1] === 'push' && String(c.args[2]).includes('monitoring/fluentd:'),
    );
    expect(dryRun).toBeGreaterThan(-1);
    expect(dryRun).toBeLessThan(fluentdPush);
    expect(log.lines.join('\n')).not.toContain(registry.password);
  }, 120_000);

  test('a second run with the content tags in ECR builds and pushes nothing and reuses the same digests', async () => {
    const first = await specs();
    const before = await Promise.all(first.map((s) => registry.digest(s.repository, contentTag(s.contentHash))));
    fake.resetCalls();
    const { exec, calls } = recordingExec();
    const out = await buildImages({
      images: await specs(),
      gitSha: 'ffffffffffffffffffffffffffffffffffffffff',
      clients,
      log: memoryLog(),
      exec,
      append: false,
    });
    expect(calls).toEqual([]);
    expect(fake.count('ecr', 'GetAuthorizationToken')).toBe(0);
    expect(out.images.map((i) => [i.key, i.action, i.built, i.pushed, i.digest])).toEqual([
      ['datadog-agent', 'reused', false, false, before[0]],
      ['fluentd', 'reused', false, false, before[1]],
    ]);
    expect(out.images[0]?.tags).toEqual([contentTag(first[0]?.contentHash as string), GIT_SHA].sort());
  }, 60_000);

  test('the fake ECR answers BatchGetImage from the real registry too (what ECR "has" is what was pushed)', async () => {
    const [agent] = await specs();
    const tag = contentTag(agent?.contentHash as string);
    const out = await clients.ecr.send(
      new BatchGetImageCommand({
        repositoryName: 'monitoring/datadog-agent',
        imageIds: [{ imageTag: tag }, { imageTag: 'never-pushed' }],
      }),
    );
    expect(out.images?.map((i) => [i.imageId?.imageTag, i.imageId?.imageDigest])).toEqual([
      [tag, await registry.digest('monitoring/datadog-agent', tag)],
    ]);
    expect(JSON.parse(out.images?.[0]?.imageManifest ?? '{}').schemaVersion).toBe(2);
    expect(out.failures?.map((f) => [f.imageId?.imageTag, f.failureCode])).toEqual([['never-pushed', 'ImageNotFound']]);
  });

  test('a file the build does not read does not change the hash; a copied file does', async () => {
    const before = (await specs())[0]?.contentHash;
    await writeFile(path.join(repo, 'datadog/README.md'), 'edited\n');
    expect((await specs())[0]?.contentHash).toBe(before);
    const conf = path.join(repo, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml');
    const original = await readFile(conf, 'utf8');
    await writeFile(conf, original.replace('timeout: 5', 'timeout: 6'));
    expect((await specs())[0]?.contentHash).not.toBe(before);
    await writeFile(conf, original);
  });

  test('a wrong registry password fails at docker login with a clear message, and nothing is built or pushed', async () => {
    ecr.addRepository('monitoring/datadog-agent-pw').addRepository('monitoring/fluentd-pw');
    const wrong = 'wrong-password-0123456789';
    ecr.tokenPassword = wrong;
    const { exec, calls } = recordingExec();
    const log = memoryLog();
    try {
      const err = await buildImages({
        images: await specs({ suffix: '-pw' }),
        gitSha: GIT_SHA,
        clients,
        log,
        exec,
        append: false,
      }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(err).toBeInstanceOf(Error);
      const message = (err as Error).message;
      expect(message).toContain(`docker login to registry ${registry.host} failed (exit code 1)`);
      expect(message).toContain('401 Unauthorized');
      expect(message).not.toContain(wrong);
      expect(log.lines.join('\n')).not.toContain(wrong);
      expect(verbs(calls)).toEqual(['login --username']);
      expect(await registry.tags('monitoring/datadog-agent-pw')).toEqual([]);
      expect(await registry.tags('monitoring/fluentd-pw')).toEqual([]);
    } finally {
      ecr.tokenPassword = registry.password;
    }
  }, 60_000);

  test('an image whose fluentd rejects its config is built but not pushed, and the rejection is a finding on the line', async () => {
    // Same config, but the image lacks fluent-plugin-datadog: the real engine would crash-loop.
    await writeFile(
      path.join(repo, 'fluentd/Dockerfile.nogem'),
      'ARG BASE=fluent/fluentd:v1.16-1\nFROM ${BASE}\nCOPY fluentd/etc/fluent.conf /fluentd/etc/fluent.conf\n',
    );
    const images = (await specs({ fluentdDockerfile: 'fluentd/Dockerfile.nogem', suffix: '-nogem' })).filter(
      (s) => s.key === 'fluentd',
    );
    ecr.addRepository('monitoring/fluentd-nogem');
    const out = await buildImages({ images, gitSha: GIT_SHA, clients, log: memoryLog(), append: false });
    expect(out.findings).toEqual([
      {
        file: 'fluentd/etc/fluent.conf',
        line: 8,
        column: 3,
        severity: 'error',
        code: 'fluentd/dry-run-config-error',
        message: `fluentd in image ${registry.host}/monitoring/fluentd-nogem:${contentTag(images[0]?.contentHash as string)} rejects this config: Unknown output plugin 'datadog'. Run 'gem search -rd fluent-plugin' to find plugins (Fluent::ConfigError)`,
      },
    ]);
    expect(out.images.map((i) => [i.action, i.built, i.pushed, i.digest])).toEqual([
      ['blocked', true, false, undefined],
    ]);
    expect(await registry.tags('monitoring/fluentd-nogem')).toEqual([]);
  }, 60_000);

  test('a missing repository is created (immutable tags, scan on push) when allowed, then pushed to', async () => {
    const images = (await specs({ suffix: '-new' })).filter((s) => s.key === 'datadog-agent');
    const denied = await buildImages({ images, gitSha: GIT_SHA, clients, log: memoryLog(), append: false }).catch(
      (x: unknown) => x,
    );
    expect(denied).toBeInstanceOf(ImageBuildError);
    expect((denied as Error).message).toBe(
      'image "datadog-agent": ECR repository "monitoring/datadog-agent-new" does not exist; create it or allow the deploy to create missing repositories',
    );
    const out = await buildImages({
      images,
      gitSha: GIT_SHA,
      clients,
      log: memoryLog(),
      createRepositories: true,
      append: false,
    });
    expect(ecr.repositories.get('monitoring/datadog-agent-new')).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      scanOnPush: true,
      createdByApi: true,
    });
    expect(out.images[0]).toMatchObject({ action: 'built', repositoryCreated: true });
    expect(out.images[0]?.digest).toBe(await registry.digest('monitoring/datadog-agent-new', GIT_SHA));
  }, 60_000);

  test.each([
    ['a clean config', '<match **>\n  @type stdout\n</match>\n', []],
    [
      'a section left open (parse error with a 0-based column)',
      '<source>\n  @type forward\n</source>\n<match **>\n  @type stdout\n',
      [
        [
          'fluentd/etc/fluent.conf',
          5,
          15,
          'error',
          'fluentd/dry-run-config-error',
          "expected end tag '</match>' but got end of file (Fluent::ConfigParseError)",
        ],
      ],
    ],
    [
      'a directive without @type',
      '<source>\n  port 24224\n</source>\n',
      [
        [
          'fluentd/etc/fluent.conf',
          1,
          1,
          'error',
          'fluentd/dry-run-config-error',
          "Missing '@type' parameter on <source> directive (Fluent::ConfigError)",
        ],
      ],
    ],
  ])(
    'fluentdDryRun in the stand-in image: %s',
    async (_name, config, expected) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-dryrun-'));
      try {
        await writeFile(
          path.join(dir, 'Dockerfile'),
          `FROM ${FLUENTD_IMAGE}\nCOPY fluent.conf /fluentd/etc/fluent.conf\n`,
        );
        await writeFile(path.join(dir, 'fluent.conf'), config);
        const tag = `test/dry-run:${Date.now()}`;
        const built = await docker(e, ['build', '-t', tag, dir], { DOCKER_BUILDKIT: '0' });
        expect(built.code).toBe(0);
        const findings = await fluentdDryRun({
          image: tag,
          configPath: '/fluentd/etc/fluent.conf',
          file: 'fluentd/etc/fluent.conf',
          log: memoryLog(),
        });
        expect(
          findings.map((f) => [
            f.file,
            f.line,
            f.column,
            f.severity,
            f.code,
            f.message.replace(/^fluentd in image \S+ rejects this config: /, ''),
          ]),
        ).toEqual(expected);
        await docker(e, ['rmi', tag]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  test('fluentdDryRun in an image without fluentd is a warning that the check could not run', async () => {
    const findings = await fluentdDryRun({
      image: BASE_IMAGE,
      configPath: '/fluentd/etc/fluent.conf',
      file: 'fluent.conf',
      log: memoryLog(),
    });
    expect(findings.map((f) => [f.severity, f.code])).toEqual([['warning', 'fluentd/dry-run-unavailable']]);
    expect(findings[0]?.message).toContain('executable file not found');
  }, 30_000);
});
