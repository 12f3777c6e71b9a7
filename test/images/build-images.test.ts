/**
 * buildImages with a scripted docker (recording argv, env and stdin) and a mocked ECR client:
 * every path the real engine cannot show on this machine (buildx, GitHub cache, immutable
 * repositories, partial failures) and the exact commands of the ones it can.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ImageNotFoundException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Exec, RunOptions, RunResult } from '../../src/exec.js';
import { buildImages, commitTag, pickAuth } from '../../src/images/build-images.js';
import { contentTag } from '../../src/images/content-hash.js';
import { ImageBuildError, type ImageSpec } from '../../src/images/types.js';
import { memoryLog } from '../../src/log.js';

const ecrMock = mockClient(ECRClient);
const clients = { ecr: new ECRClient({ region: 'ap-northeast-1' }) };
const HOST = '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com';
const PASSWORD = 'ecr-password-that-must-never-be-printed';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);
const digestOf = (ref: string): string => `sha256:${Buffer.from(ref).toString('hex').padEnd(64, '0').slice(0, 64)}`;

interface Recorded {
  args: string[];
  env: Record<string, string | undefined>;
  stdin?: string;
  /** config.json of DOCKER_CONFIG at the time of the call. */
  config?: unknown;
}

interface World {
  repos: Map<string, { mutability: string }>;
  /** `<uri>:<tag>` -> digest, as pushed. */
  registry: Map<string, string>;
  calls: Recorded[];
  exec: Exec;
  /** Scripted failures: argv predicate -> result. */
  fail: Array<{ when: (args: string[]) => boolean; result: RunResult }>;
  buildx: false | { driver: string };
  dryRunResult: RunResult;
}

let world: World;
let userDir: string;

function makeWorld(): World {
  const w: World = {
    repos: new Map([
      ['monitoring/datadog-agent', { mutability: 'MUTABLE' }],
      ['monitoring/fluentd', { mutability: 'MUTABLE' }],
    ]),
    registry: new Map(),
    calls: [],
    fail: [],
    buildx: false,
    dryRunResult: { exitCode: 0, stdout: '[info]: finished dry run mode\n', stderr: '' },
    exec: undefined as unknown as Exec,
  };
  w.exec = async (cmd: string, argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> => {
    const args = [cmd, ...argv];
    const env = opts.env ?? {};
    const cfg = env.DOCKER_CONFIG ? path.join(env.DOCKER_CONFIG, 'config.json') : undefined;
    w.calls.push({
      args,
      env,
      stdin: opts.stdin,
      config: cfg && existsSync(cfg) ? JSON.parse(readFileSync(cfg, 'utf8')) : undefined,
    });
    for (const f of w.fail) if (f.when(args)) return f.result;
    const ok = (stdout = ''): RunResult => ({ exitCode: 0, stdout, stderr: '' });
    if (argv[0] === 'login')
      return opts.stdin === PASSWORD
        ? ok('Login Succeeded\n')
        : { exitCode: 1, stdout: '', stderr: 'Error response from daemon: 401 Unauthorized\n' };
    if (argv[0] === 'buildx' && argv[1] === 'version')
      return w.buildx
        ? ok('github.com/docker/buildx v0.19.3\n')
        : { exitCode: 1, stdout: '', stderr: 'docker: unknown command: docker buildx\n' };
    if (argv[0] === 'buildx' && argv[1] === 'inspect')
      return ok(`Name:   default\nDriver: ${w.buildx ? w.buildx.driver : ''}\n`);
    if (argv[0] === 'buildx' && argv[1] === 'build') {
      const tags = argv.flatMap((a, i) => (argv[i - 1] === '--tag' ? [a] : []));
      if (argv.includes('--push')) {
        for (const t of tags) w.registry.set(t, digestOf(tags[0] as string));
        const meta = argv[argv.indexOf('--metadata-file') + 1] as string;
        await writeFile(meta, JSON.stringify({ 'containerimage.digest': digestOf(tags[0] as string) }));
      }
      return ok();
    }
    if (argv[0] === 'build') return ok('Successfully built 54e2b8e2d590\n');
    if (argv[0] === 'push') {
      const ref = argv[1] as string;
      const uri = ref.slice(0, ref.lastIndexOf(':'));
      const first = [...w.registry.entries()].find(
        ([k]) => k.startsWith(`${uri}:`) && w.calls.some((c) => c.args[2] === k),
      );
      const digest = first?.[1] ?? digestOf(ref);
      w.registry.set(ref, digest);
      return ok(`The push refers to repository [${uri}]\n${ref.slice(uri.length + 1)}: digest: ${digest} size: 942\n`);
    }
    if (argv[0] === 'run') return w.dryRunResult;
    return { exitCode: 1, stdout: '', stderr: `unexpected docker call ${argv.join(' ')}` };
  };
  return w;
}

function mockEcr(w: World): void {
  ecrMock.on(DescribeRepositoriesCommand).callsFake((input: { repositoryNames: string[] }) => {
    const name = input.repositoryNames[0] as string;
    const r = w.repos.get(name);
    if (!r)
      throw new RepositoryNotFoundException({
        message: `The repository with name '${name}' does not exist`,
        $metadata: {},
      });
    return {
      repositories: [
        {
          repositoryName: name,
          repositoryUri: `${HOST}/${name}`,
          registryId: '123456789012',
          imageTagMutability: r.mutability,
        },
      ],
    };
  });
  ecrMock.on(CreateRepositoryCommand).callsFake((input: { repositoryName: string; imageTagMutability: string }) => {
    w.repos.set(input.repositoryName, { mutability: input.imageTagMutability });
    return {
      repository: {
        repositoryName: input.repositoryName,
        repositoryUri: `${HOST}/${input.repositoryName}`,
        imageTagMutability: input.imageTagMutability,
      },
    };
  });
  ecrMock
    .on(DescribeImagesCommand)
    .callsFake((input: { repositoryName: string; imageIds: Array<{ imageTag: string }> }) => {
      const ref = `${HOST}/${input.repositoryName}:${input.imageIds[0]?.imageTag}`;
      const digest = w.registry.get(ref);
      if (!digest) throw new ImageNotFoundException({ message: 'not found', $metadata: {} });
      const tags = [...w.registry.entries()]
        .filter(([k, v]) => v === digest && k.startsWith(`${HOST}/${input.repositoryName}:`))
        .map(([k]) => k.slice(k.lastIndexOf(':') + 1));
      return { imageDetails: [{ imageDigest: digest, imageTags: tags }] };
    });
  ecrMock.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      { authorizationToken: Buffer.from(`AWS:${PASSWORD}`).toString('base64'), proxyEndpoint: `https://${HOST}` },
    ],
  });
}

function specs(): ImageSpec[] {
  return [
    {
      key: 'datadog-agent',
      contextDir: '/repo/datadog',
      dockerfile: '/repo/datadog/Dockerfile',
      repository: 'monitoring/datadog-agent',
      contentHash: H1,
    },
    {
      key: 'fluentd',
      contextDir: '/repo',
      dockerfile: '/repo/fluentd/Dockerfile',
      repository: 'monitoring/fluentd',
      buildArgs: { BASE: 'fluent/fluentd:v1.16-1' },
      contentHash: H2,
      fluentdCheck: { configPath: '/fluentd/etc/fluent.conf', file: 'fluentd/etc/fluent.conf' },
    },
  ];
}

const C1 = contentTag(H1);
const C2 = contentTag(H2);
const AGENT = `${HOST}/monitoring/datadog-agent`;
const FLUENTD = `${HOST}/monitoring/fluentd`;

/** The argv of one image's docker calls, in order (parallel images interleave). */
function callsFor(uri: string | undefined): string[][] {
  return world.calls.filter((c) => !uri || c.args.some((a) => a.startsWith(`${uri}:`))).map((c) => c.args);
}

beforeEach(async () => {
  world = makeWorld();
  mockEcr(world);
  userDir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-userdocker-'));
});
afterEach(async () => {
  ecrMock.reset();
  await rm(userDir, { recursive: true, force: true });
});

const run = (extra: Partial<Parameters<typeof buildImages>[0]> = {}, log = memoryLog()) =>
  buildImages({
    images: specs(),
    gitSha: SHA,
    clients,
    log,
    exec: world.exec,
    env: { DOCKER_CONFIG: userDir, DOCKER_HOST: 'unix:///run/test.sock' },
    append: false,
    ...extra,
  });

describe('the classic builder fallback (no buildx)', () => {
  test('login once, build, check the Fluentd image with its own fluentd, then push each tag', async () => {
    const out = await run();
    const [login, detect] = world.calls;
    expect(login?.args).toEqual(['docker', 'login', '--username', 'AWS', '--password-stdin', HOST]);
    expect(login?.stdin).toBe(PASSWORD);
    expect(detect?.args).toEqual(['docker', 'buildx', 'version']);
    expect(callsFor(AGENT)).toEqual([
      [
        'docker',
        'build',
        '--file',
        '/repo/datadog/Dockerfile',
        '--tag',
        `${AGENT}:${C1}`,
        '--tag',
        `${AGENT}:${SHA}`,
        '/repo/datadog',
      ],
      ['docker', 'push', `${AGENT}:${C1}`],
      ['docker', 'push', `${AGENT}:${SHA}`],
    ]);
    const fl = callsFor(FLUENTD);
    expect(fl[0]).toEqual([
      'docker',
      'build',
      '--file',
      '/repo/fluentd/Dockerfile',
      '--tag',
      `${FLUENTD}:${C2}`,
      '--tag',
      `${FLUENTD}:${SHA}`,
      '--build-arg',
      'BASE=fluent/fluentd:v1.16-1',
      '/repo',
    ]);
    expect(fl[1]?.slice(0, 7)).toEqual(['docker', 'run', '--rm', '--pull=never', '--network', 'none', '--name']);
    expect(fl[1]?.slice(8)).toEqual([
      '--entrypoint',
      'fluentd',
      `${FLUENTD}:${C2}`,
      '--dry-run',
      '-c',
      '/fluentd/etc/fluent.conf',
    ]);
    expect(fl.slice(2)).toEqual([
      ['docker', 'push', `${FLUENTD}:${C2}`],
      ['docker', 'push', `${FLUENTD}:${SHA}`],
    ]);
    expect(world.calls.filter((c) => c.args[1] === 'build').map((c) => c.env.DOCKER_BUILDKIT)).toEqual(['0', '0']);
    expect(out.findings).toEqual([]);
    expect(out.images).toEqual([
      {
        key: 'datadog-agent',
        repository: 'monitoring/datadog-agent',
        repositoryUri: AGENT,
        contentTag: C1,
        tags: [C1, SHA],
        digest: digestOf(`${AGENT}:${C1}`),
        imageRef: `${AGENT}@${digestOf(`${AGENT}:${C1}`)}`,
        action: 'built',
        built: true,
        pushed: true,
        builder: 'legacy',
        method: 'docker build (layer append switched off)',
      },
      {
        key: 'fluentd',
        repository: 'monitoring/fluentd',
        repositoryUri: FLUENTD,
        contentTag: C2,
        tags: [C2, SHA],
        digest: digestOf(`${FLUENTD}:${C2}`),
        imageRef: `${FLUENTD}@${digestOf(`${FLUENTD}:${C2}`)}`,
        action: 'built',
        built: true,
        pushed: true,
        builder: 'legacy',
        method: 'docker build (layer append switched off)',
        fluentdDryRun: 'ran',
      },
    ]);
  });

  test("docker runs with a fresh DOCKER_CONFIG (removed afterwards) and the caller's DOCKER_HOST", async () => {
    await mkdir(path.join(userDir, 'cli-plugins'));
    await writeFile(path.join(userDir, 'cli-plugins', 'docker-buildx'), '#!/bin/sh\n');
    await writeFile(
      path.join(userDir, 'config.json'),
      JSON.stringify({
        auths: { 'ghcr.io': { auth: 'x' }, [HOST]: { auth: 'stale' } },
        credsStore: 'desktop',
        currentContext: 'ci',
      }),
    );
    await run();
    const configs = new Set(world.calls.map((c) => c.env.DOCKER_CONFIG));
    expect(configs.size).toBe(1);
    const configDir = [...configs][0] as string;
    expect(configDir).not.toBe(userDir);
    expect(configDir.startsWith(tmpdir())).toBe(true);
    expect(existsSync(configDir)).toBe(false);
    // The user's plugins were linked in, and survive the clean-up.
    expect(existsSync(path.join(userDir, 'cli-plugins', 'docker-buildx'))).toBe(true);
    expect(world.calls[0]?.config).toEqual({ auths: { 'ghcr.io': { auth: 'x' } }, currentContext: 'ci' });
    expect(new Set(world.calls.map((c) => c.env.DOCKER_HOST))).toEqual(new Set(['unix:///run/test.sock']));
  });

  test('the registry password never reaches argv or the log', async () => {
    const log = memoryLog();
    await run({}, log);
    expect(world.calls.flatMap((c) => c.args).join(' ')).not.toContain(PASSWORD);
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
    expect(log.lines.join('\n')).not.toContain(Buffer.from(`AWS:${PASSWORD}`).toString('base64'));
    expect(world.calls.filter((c) => c.stdin !== undefined).map((c) => c.args[1])).toEqual(['login']);
  });

  test('a failed login names the registry, quotes docker, hides the password, and nothing else runs', async () => {
    world.fail.push({
      when: (a) => a[1] === 'login',
      result: {
        exitCode: 1,
        stdout: '',
        stderr: `Error response from daemon: login attempt to https://${HOST}/v2/ failed with status: 401 Unauthorized (password ${PASSWORD})\n`,
      },
    });
    const err = (await run().catch((e: unknown) => e)) as Error;
    expect(err.message).toBe(
      `docker login to registry ${HOST} failed (exit code 1): Error response from daemon: login attempt to https://${HOST}/v2/ failed with status: 401 Unauthorized (password ***)`,
    );
    expect(world.calls.map((c) => c.args[1])).toEqual(['login']);
    expect(existsSync(world.calls[0]?.env.DOCKER_CONFIG as string)).toBe(false);
  });

  test('one image failing does not abandon the other; the failure names image, step and cause', async () => {
    world.fail.push({
      when: (a) => a[1] === 'build' && a.includes('/repo/fluentd/Dockerfile'),
      result: {
        exitCode: 1,
        stdout: 'Step 3/4 : RUN fluent-gem install fluent-plugin-datadog\n',
        stderr:
          "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\nThe command '/bin/sh -c fluent-gem install fluent-plugin-datadog' returned a non-zero code: 1\n",
      },
    });
    const err = (await run().catch((e: unknown) => e)) as ImageBuildError;
    expect(err).toBeInstanceOf(ImageBuildError);
    expect(err.message).toBe(
      'image "fluentd": docker build of image "fluentd" failed (exit code 1): The command \'/bin/sh -c fluent-gem install fluent-plugin-datadog\' returned a non-zero code: 1',
    );
    expect(world.registry.has(`${AGENT}:${C1}`)).toBe(true);
  });

  test("a config fluentd rejects blocks that image's push and becomes a finding", async () => {
    world.dryRunResult = {
      exitCode: 1,
      stdout: `2024-01-01 00:00:00 +0000 [error]: config error file="/fluentd/etc/fluent.conf" error_class=Fluent::ConfigError error="Missing '@type' parameter on <match> directive"\n`,
      stderr: '',
    };
    const out = await run();
    expect(out.findings).toEqual([
      {
        file: 'fluentd/etc/fluent.conf',
        line: 1,
        column: 1,
        severity: 'error',
        code: 'fluentd/dry-run-config-error',
        message: `fluentd in image ${FLUENTD}:${C2} rejects this config: Missing '@type' parameter on <match> directive (Fluent::ConfigError)`,
      },
    ]);
    expect(out.images.map((i) => [i.key, i.action, i.pushed, i.digest === undefined])).toEqual([
      ['datadog-agent', 'built', true, false],
      ['fluentd', 'blocked', false, true],
    ]);
    expect(callsFor(FLUENTD).filter((a) => a[1] === 'push')).toEqual([]);
  });

  test('the Fluentd check switched off: no docker run', async () => {
    await run({ fluentdDryRun: false });
    expect(world.calls.filter((c) => c.args[1] === 'run')).toEqual([]);
  });
});

describe('buildx', () => {
  const gha = { GITHUB_ACTIONS: 'true', ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://results.example/' };

  test('in GitHub Actions with a cache-capable driver: --push, no provenance, per-image gha cache; the Fluentd image is loaded, checked, pushed', async () => {
    world.buildx = { driver: 'docker-container' };
    const out = await run({ env: { DOCKER_CONFIG: userDir, ...gha } });
    expect(world.calls.slice(1, 3).map((c) => c.args)).toEqual([
      ['docker', 'buildx', 'version'],
      ['docker', 'buildx', 'inspect'],
    ]);
    const agent = callsFor(AGENT);
    const configDir = world.calls[0]?.env.DOCKER_CONFIG as string;
    expect(agent).toEqual([
      [
        'docker',
        'buildx',
        'build',
        '--file',
        '/repo/datadog/Dockerfile',
        '--tag',
        `${AGENT}:${C1}`,
        '--tag',
        `${AGENT}:${SHA}`,
        '--provenance=false',
        '--cache-from',
        'type=gha,scope=datadog-agent',
        '--cache-to',
        'type=gha,scope=datadog-agent,mode=max',
        '--metadata-file',
        path.join(configDir, 'datadog-agent.metadata.json'),
        '--push',
        '/repo/datadog',
      ],
    ]);
    const fl = callsFor(FLUENTD);
    expect(fl[0]).toEqual([
      'docker',
      'buildx',
      'build',
      '--file',
      '/repo/fluentd/Dockerfile',
      '--tag',
      `${FLUENTD}:${C2}`,
      '--tag',
      `${FLUENTD}:${SHA}`,
      '--build-arg',
      'BASE=fluent/fluentd:v1.16-1',
      '--provenance=false',
      '--cache-from',
      'type=gha,scope=fluentd',
      '--cache-to',
      'type=gha,scope=fluentd,mode=max',
      '--metadata-file',
      path.join(configDir, 'fluentd.metadata.json'),
      '--load',
      '/repo',
    ]);
    expect(fl.slice(1).map((a) => a[1])).toEqual(['run', 'push', 'push']);
    expect(out.images.map((i) => [i.key, i.builder, i.digest])).toEqual([
      ['datadog-agent', 'buildx', digestOf(`${AGENT}:${C1}`)],
      ['fluentd', 'buildx', digestOf(`${FLUENTD}:${C2}`)],
    ]);
  });

  test.each([
    ['the default docker driver cannot export cache', { driver: 'docker' }, gha],
    ['outside GitHub Actions', { driver: 'docker-container' }, {}],
    ['in a run: step without the runtime token', { driver: 'docker-container' }, { GITHUB_ACTIONS: 'true' }],
  ])('no gha cache: %s', async (_name, buildx, env) => {
    world.buildx = buildx;
    await run({ env: { DOCKER_CONFIG: userDir, ...env } });
    const builds = world.calls.filter((c) => c.args[2] === 'build');
    expect(builds).toHaveLength(2);
    for (const b of builds) expect(b.args.some((a) => a.startsWith('--cache'))).toBe(false);
  });
});

describe('reuse, dry run, repositories and tags', () => {
  test('content tags already in ECR: nothing is built, pushed or even logged into', async () => {
    world.registry
      .set(`${AGENT}:${C1}`, 'sha256:aaa')
      .set(`${AGENT}:old-sha`, 'sha256:aaa')
      .set(`${FLUENTD}:${C2}`, 'sha256:bbb');
    const out = await run();
    expect(world.calls).toEqual([]);
    expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(0);
    expect(out.images.map((i) => [i.key, i.action, i.digest, i.imageRef, i.tags])).toEqual([
      ['datadog-agent', 'reused', 'sha256:aaa', `${AGENT}@sha256:aaa`, [C1, 'old-sha']],
      ['fluentd', 'reused', 'sha256:bbb', `${FLUENTD}@sha256:bbb`, [C2]],
    ]);
    expect(out.images[0]?.reusedBecause).toBe(
      `${AGENT}:${C1} already exists (same inputs), so it was neither built nor pushed`,
    );
  });

  test('rebuild builds again on a mutable repository', async () => {
    world.registry.set(`${AGENT}:${C1}`, 'sha256:aaa').set(`${FLUENTD}:${C2}`, 'sha256:bbb');
    const out = await run({ rebuild: true });
    expect(out.images.map((i) => i.action)).toEqual(['built', 'built']);
  });

  test('rebuild cannot replace a tag in an immutable repository: a clear error before anything runs', async () => {
    world.repos.set('monitoring/fluentd', { mutability: 'IMMUTABLE' });
    world.registry.set(`${FLUENTD}:${C2}`, 'sha256:bbb');
    const err = (await run({ rebuild: true }).catch((e: unknown) => e)) as Error;
    expect(err.message).toBe(
      `image "fluentd": a rebuild cannot replace ${FLUENTD}:${C2}: repository "monitoring/fluentd" has immutable tags; delete that image in ECR first, or deploy without rebuild`,
    );
    expect(world.calls).toEqual([]);
  });

  test('an immutable repository that already has the commit tag gets only the content tag', async () => {
    world.repos.set('monitoring/datadog-agent', { mutability: 'IMMUTABLE' });
    world.registry.set(`${AGENT}:${SHA}`, 'sha256:older');
    const out = await run();
    expect(callsFor(AGENT)).toEqual([
      ['docker', 'build', '--file', '/repo/datadog/Dockerfile', '--tag', `${AGENT}:${C1}`, '/repo/datadog'],
      ['docker', 'push', `${AGENT}:${C1}`],
    ]);
    expect(out.images[0]?.tags).toEqual([C1]);
  });

  test('a dry run asks ECR only: no login, no docker, no repository created', async () => {
    world.repos.delete('monitoring/fluentd');
    const out = await run({ dryRun: true, createRepositories: true });
    expect(world.calls).toEqual([]);
    expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(0);
    expect(ecrMock.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
    expect(out.images.map((i) => [i.key, i.action, i.repositoryUri, i.wouldCreateRepository, i.tags])).toEqual([
      ['datadog-agent', 'would-build', AGENT, undefined, [C1, SHA]],
      ['fluentd', 'would-build', undefined, true, [C2, SHA]],
    ]);
  });

  test('a missing repository without permission to create it is an error naming it', async () => {
    world.repos.delete('monitoring/fluentd');
    await expect(run()).rejects.toThrow(
      'image "fluentd": ECR repository "monitoring/fluentd" does not exist; create it or allow the deploy to create missing repositories',
    );
    expect(world.calls).toEqual([]);
  });

  test('a missing repository is created with immutable tags and scan on push when allowed', async () => {
    world.repos.delete('monitoring/fluentd');
    const out = await run({ createRepositories: true });
    expect(ecrMock.commandCalls(CreateRepositoryCommand).map((c) => c.args[0].input)).toEqual([
      {
        repositoryName: 'monitoring/fluentd',
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
      },
    ]);
    expect(out.images[1]).toMatchObject({ action: 'built', repositoryCreated: true });
  });

  test('two images sharing one repository get the key in their commit tag', async () => {
    const images = specs().map((s) => ({ ...s, repository: 'monitoring/all' }));
    world.repos.set('monitoring/all', { mutability: 'MUTABLE' });
    const out = await run({ images });
    expect(out.images.map((i) => i.tags)).toEqual([
      [C1, `datadog-agent-${SHA}`],
      [C2, `fluentd-${SHA}`],
    ]);
  });

  test('the same key twice is refused', async () => {
    const [a] = specs();
    await expect(run({ images: [a as ImageSpec, a as ImageSpec] })).rejects.toThrow(
      'image "datadog-agent": the same image key is listed twice',
    );
  });

  test('no images: nothing at all', async () => {
    expect(await run({ images: [] })).toEqual({ images: [], findings: [] });
    expect(ecrMock.calls()).toHaveLength(0);
  });
});

describe('small rules', () => {
  const spec = specs()[0] as ImageSpec;
  test.each([
    [SHA, false, SHA],
    [SHA, true, `datadog-agent-${SHA}`],
    ['', false, undefined],
    ['not a tag!', false, undefined],
  ])('commitTag(%j, shared=%s) = %j', (sha, shared, expected) => {
    expect(commitTag(spec, sha, shared)).toBe(expected);
  });

  test('a password matches its proxyEndpoint host; a lone one serves a differently named endpoint (LocalStack)', () => {
    const a = { host: 'a.example', username: 'AWS', password: 'p1' };
    const b = { host: 'b.example', username: 'AWS', password: 'p2' };
    expect(pickAuth('b.example', [a, b])).toBe(b);
    expect(pickAuth('c.example', [a])).toBe(a);
    expect(pickAuth('c.example', [a, b])).toBeUndefined();
  });
});
