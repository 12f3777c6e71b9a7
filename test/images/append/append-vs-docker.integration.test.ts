/**
 * Issue 10's proof that a layer append is a docker build: the example's agent image (its FROM a
 * stand-in base through the AGENT_IMAGE build arg) made both ways against a real Docker engine
 * and a real registry with ECR-style auth, then both pulled and compared: `docker export`
 * listings (path, type, mode, uid, gid, size, sha256 of content) and the `docker image inspect`
 * config fields equal. A second append of the same inputs gives the same digest.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AwsClients, destroyClients, makeClients } from '../../../src/aws.js';
import { imageMethod } from '../../../src/images/append-plan.js';
import { appendOne } from '../../../src/images/append-one.js';
import { describeRepository, getRegistryAuth } from '../../../src/images/ecr.js';
import { buildImages, type ImageSpec, imageInputs } from '../../../src/images/index.js';
import { memoryLog } from '../../../src/log.js';
import {
  type DockerEngine,
  type Registry,
  docker,
  startDockerEngine,
  startRegistry,
} from '../../support/docker-env.js';
import { FakeEcr } from '../../support/fake-aws/ecr.js';
import { FakeAws } from '../../support/fake-aws/server.js';
import { EXAMPLE } from '../../support/example-env.js';
import { BASE_IMAGE, ensureStandInImages } from '../../support/stand-in-images.js';
import { tarListing } from '../../support/tar-listing.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;

const CONFIG_FIELDS = [
  'User',
  'Env',
  'Labels',
  'WorkingDir',
  'ExposedPorts',
  'Entrypoint',
  'Cmd',
  'Volumes',
  'StopSignal',
  'Shell',
  'OnBuild',
];

d('layer append against docker build, on the example agent image', () => {
  const e = engine as DockerEngine;
  let registry: Registry;
  let fake: FakeAws;
  let clients: AwsClients;
  let repo: string;
  let dockerConfig: string;
  const saved = { ...process.env };

  async function spec(repository: string): Promise<ImageSpec> {
    const contextDir = path.join(repo, 'datadog');
    const dockerfile = path.join(contextDir, 'Dockerfile');
    const buildArgs = { AGENT_IMAGE: BASE_IMAGE };
    const inputs = await imageInputs({ root: repo, contextDir, dockerfile, buildArgs });
    return { key: 'datadog-agent', contextDir, dockerfile, repository, buildArgs, contentHash: inputs.hash as string };
  }

  const dk = (args: string[]) => docker(e, args, { DOCKER_CONFIG: dockerConfig });

  /** Pulls the image by digest and lists its filesystem through `docker export`, plus its config. */
  async function inspect(
    ref: string,
  ): Promise<{ files: ReturnType<typeof tarListing>; config: Record<string, unknown> }> {
    expect((await dk(['pull', ref])).code).toBe(0);
    const name = `compare-${Math.random().toString(36).slice(2)}`;
    expect((await dk(['create', '--name', name, ref, 'true'])).code).toBe(0);
    const out = path.join(dockerConfig, `${name}.tar`);
    try {
      expect((await dk(['export', '-o', out, name])).code).toBe(0);
      const files = tarListing(await readFile(out));
      const raw = JSON.parse((await dk(['image', 'inspect', '--format', '{{json .}}', ref])).stdout) as {
        Config: Record<string, unknown>;
        Os: string;
        Architecture: string;
      };
      const config = Object.fromEntries([
        ...CONFIG_FIELDS.map((k) => [k, raw.Config[k] ?? null]),
        ['Os', raw.Os],
        ['Architecture', raw.Architecture],
      ]);
      return { files, config };
    } finally {
      await dk(['rm', '-f', name]);
      await rm(out, { force: true });
    }
  }

  beforeAll(async () => {
    registry = await startRegistry();
    await ensureStandInImages(e);
    fake = new FakeAws();
    await fake.start();
    new FakeEcr({ host: registry.host, password: registry.password })
      .install(fake)
      .addRepository('compare/agent-docker')
      .addRepository('compare/agent-append');
    Object.assign(process.env, fake.env(), e.env);
    clients = makeClients({ region: 'ap-northeast-1', maxAttempts: 2 });
    repo = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-append-'));
    await cp(EXAMPLE, repo, { recursive: true });
    dockerConfig = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-append-docker-'));
    await writeFile(path.join(dockerConfig, 'config.json'), '{}');
    const login = await docker(e, ['login', '--username', 'AWS', '--password', registry.password, registry.host], {
      DOCKER_CONFIG: dockerConfig,
    });
    expect(login.code).toBe(0);
  }, 180_000);

  afterAll(async () => {
    process.env = saved;
    destroyClients(clients);
    await fake?.stop();
    await registry?.stop();
    await rm(repo, { recursive: true, force: true });
    await rm(dockerConfig, { recursive: true, force: true });
    await e.stop();
  }, 60_000);

  let appended: { digest: string; ref: string };

  test('both ways give the same files (type, mode, owner, size, content) and the same config', async () => {
    const viaDocker = await buildImages({
      images: [await spec('compare/agent-docker')],
      gitSha: '',
      clients,
      log: memoryLog(),
      append: false,
    });
    const viaAppend = await buildImages({
      images: [await spec('compare/agent-append')],
      gitSha: '',
      clients,
      log: memoryLog(),
    });
    const a = viaAppend.images[0];
    expect(viaDocker.images[0]).toMatchObject({ action: 'built', method: 'docker build (layer append switched off)' });
    expect(a).toMatchObject({
      action: 'built',
      appended: true,
      method: 'layer append (3 files, 0.7 KB)',
      blobsDownloaded: 0, // the base config came from base-<hash>-config, published with the base
    });
    appended = { digest: a?.digest as string, ref: a?.imageRef as string };

    const left = await inspect(viaDocker.images[0]?.imageRef as string);
    const right = await inspect(appended.ref);
    expect(right.files).toEqual(left.files);
    expect(right.config).toEqual(left.config);
    // The three config files really are there, root-owned, 0644, with the repository's bytes.
    const conf = right.files.find((f) => f.path === '/etc/datadog-agent/conf.d/http_check.d/conf.yaml');
    expect(conf).toMatchObject({ type: 'file', mode: '644', uid: 0, gid: 0 });
  }, 240_000);

  test('a second append of the same inputs gives the same digest', async () => {
    const s = await spec('compare/agent-append');
    const method = await imageMethod(s);
    if (method.kind !== 'append') throw new Error(method.reason);
    const repoInfo = await describeRepository(clients.ecr, { name: 'compare/agent-append' });
    const [auth] = await getRegistryAuth(clients.ecr);
    const again = await appendOne({
      spec: s,
      repo: repoInfo as NonNullable<typeof repoInfo>,
      method,
      tags: ['second-run'],
      auth: auth as NonNullable<typeof auth>,
      log: memoryLog(),
    });
    expect(again.digest).toBe(appended.digest);
    expect(await registry.digest('compare/agent-append', 'second-run')).toBe(appended.digest);
    // Nothing new to upload: every blob was already there (HEAD), only the manifest went up.
    expect(again.stats.blobsUploaded).toBe(0);
    expect(again.stats.blobsSkipped).toBe(4); // three COPY layers and the config
  }, 120_000);
});
