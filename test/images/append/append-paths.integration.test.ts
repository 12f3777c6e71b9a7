/**
 * The image step's two paths side by side, with the layer append on (the default), against a real
 * Docker engine and registry: a Fluentd tail that fluentd rejects is checked in its base with the
 * new files mounted and never appended; a Dockerfile that does not split is built by docker, and
 * the result says why.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AwsClients, destroyClients, makeClients } from '../../../src/aws.js';
import { buildImages, contentTag, type ImageSpec, imageInputs } from '../../../src/images/index.js';
import { memoryLog } from '../../../src/log.js';
import { type DockerEngine, type Registry, startDockerEngine, startRegistry } from '../../support/docker-env.js';
import { FakeEcr } from '../../support/fake-aws/ecr.js';
import { FakeAws } from '../../support/fake-aws/server.js';
import { BASE_IMAGE, FIXTURES, FLUENTD_IMAGE, ensureStandInImages } from '../../support/stand-in-images.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;

d('layer append on: the Fluentd check and the docker fallback', () => {
  const e = engine as DockerEngine;
  let registry: Registry;
  let fake: FakeAws;
  let ecr: FakeEcr;
  let clients: AwsClients;
  let repo: string;
  const saved = { ...process.env };

  async function spec(
    key: string,
    dockerfile: string,
    repository: string,
    base: string,
    contextDir = repo,
  ): Promise<ImageSpec> {
    const abs = path.join(repo, dockerfile);
    const buildArgs = { BASE: base };
    const inputs = await imageInputs({ root: repo, contextDir, dockerfile: abs, buildArgs });
    return { key, contextDir, dockerfile: abs, repository, buildArgs, contentHash: inputs.hash as string };
  }

  beforeAll(async () => {
    registry = await startRegistry();
    await ensureStandInImages(e);
    fake = new FakeAws();
    await fake.start();
    ecr = new FakeEcr({ host: registry.host, password: registry.password }).install(fake);
    Object.assign(process.env, fake.env(), e.env);
    clients = makeClients({ region: 'ap-northeast-1', maxAttempts: 2 });
    repo = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-append-paths-'));
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

  test('a tail fluentd rejects: dry run in the base with the file mounted, a finding on the line, nothing appended', async () => {
    // The image lacks fluent-plugin-datadog: the real engine would crash-loop on out_datadog.
    await writeFile(
      path.join(repo, 'fluentd/Dockerfile.nogem'),
      'ARG BASE=fluent/fluentd:v1.16-1\nFROM ${BASE}\nCOPY fluentd/etc/fluent.conf /fluentd/etc/fluent.conf\n',
    );
    ecr.addRepository('paths/fluentd');
    const s = await spec('fluentd', 'fluentd/Dockerfile.nogem', 'paths/fluentd', FLUENTD_IMAGE);
    s.fluentdCheck = {
      configPath: '/fluentd/etc/fluent.conf',
      file: 'fluentd/etc/fluent.conf',
      sources: new Map([
        ['fluentd/etc/fluent.conf', await readFile(path.join(repo, 'fluentd/etc/fluent.conf'), 'utf8')],
      ]),
      env: { DD_API_KEY: 'placeholder' },
    };
    const out = await buildImages({ images: [s], gitSha: '', clients, log: memoryLog() });
    expect(out.findings.map((f) => [f.file, f.line, f.code])).toEqual([
      ['fluentd/etc/fluent.conf', 8, 'fluentd/dry-run-config-error'],
    ]);
    expect(out.findings[0]?.message).toContain("Unknown output plugin 'datadog'");
    expect(out.images.map((i) => [i.action, i.pushed, i.digest, i.fluentdDryRun])).toEqual([
      ['blocked', false, undefined, 'ran'],
    ]);
    // Only the base (and its config manifest) went up; the content tag was never written.
    const tags = (await registry.tags('paths/fluentd')).sort();
    expect(tags).toHaveLength(2);
    expect(tags[0]).toMatch(/^base-[0-9a-f]{32}$/);
    expect(tags[1]).toBe(`${tags[0]}-config`);
    expect(tags).not.toContain(contentTag(s.contentHash));
  }, 120_000);

  test('a Dockerfile with a RUN after its last COPY is built by docker, and the result says why', async () => {
    await writeFile(
      path.join(repo, 'datadog/Dockerfile.run'),
      'ARG BASE=datadog/agent:7\nFROM ${BASE}\nCOPY etc/datadog-agent/conf.d/ /etc/datadog-agent/conf.d/\nRUN ls /etc/datadog-agent/conf.d\n',
    );
    ecr.addRepository('paths/agent');
    const s = await spec(
      'datadog-agent',
      'datadog/Dockerfile.run',
      'paths/agent',
      BASE_IMAGE,
      path.join(repo, 'datadog'),
    );
    const out = await buildImages({ images: [s], gitSha: '', clients, log: memoryLog() });
    expect(out.images[0]).toMatchObject({
      action: 'built',
      builder: 'legacy',
      method: 'docker build (RUN on line 4 comes after the last COPY: nothing to append)',
    });
    expect(out.images[0]?.appended).toBeUndefined();
    expect(out.images[0]?.digest).toBe(await registry.digest('paths/agent', contentTag(s.contentHash)));
  }, 120_000);
});
