/**
 * Issue 8 item 6: a base image named by a floating tag is resolved to its digest for the content
 * hash, so a tag moved upstream rebuilds. Against the real local registry (test/support/docker-env.ts:
 * distribution with ECR-style basic auth), tags are pushed and moved through the registry API.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type BaseDigests,
  contentHash,
  parseImageRef,
  type RegistryLogin,
  resolveBaseDigests,
} from '../../src/images/content-hash.js';
import { type Prepared, prepare } from '../../src/plan/prepare.js';
import { freePort, type Registry, startRegistry } from '../support/docker-env.js';
import { REPO_ROOT } from '../support/repo-root.js';

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Push a one-config, no-layer image as `name:tag` (distribution's blob upload, then the manifest). */
async function pushImage(reg: Registry, name: string, tag: string, label: string): Promise<string> {
  const auth = `Basic ${Buffer.from(`AWS:${reg.password}`).toString('base64')}`;
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { v: label } },
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const start = await fetch(`http://${reg.host}/v2/${name}/blobs/uploads/`, {
    method: 'POST',
    headers: { Authorization: auth },
  });
  expect(start.status).toBe(202);
  const location = new URL(start.headers.get('location') as string, `http://${reg.host}`);
  location.searchParams.set('digest', sha(config));
  const put = await fetch(location, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/octet-stream' },
    body: config,
  });
  expect(put.status).toBe(201);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: sha(config) },
    layers: [],
  });
  const m = await fetch(`http://${reg.host}/v2/${name}/manifests/${tag}`, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' },
    body: manifest,
  });
  expect(m.status).toBe(201);
  return m.headers.get('docker-content-digest') as string;
}

describe('parseImageRef', () => {
  test.each([
    ['busybox', { host: 'docker.io', name: 'library/busybox', tag: 'latest' }],
    ['datadog/agent:7', { host: 'docker.io', name: 'datadog/agent', tag: '7' }],
    ['fluent/fluentd:v1.16-1', { host: 'docker.io', name: 'fluent/fluentd', tag: 'v1.16-1' }],
    ['127.0.0.1:5000/test/base:1', { host: '127.0.0.1:5000', name: 'test/base', tag: '1' }],
    ['localhost/x', { host: 'localhost', name: 'x', tag: 'latest' }],
    ['public.ecr.aws/docker/library/node:20', { host: 'public.ecr.aws', name: 'docker/library/node', tag: '20' }],
    [
      `alpine@sha256:${'a'.repeat(64)}`,
      { host: 'docker.io', name: 'library/alpine', tag: 'latest', digest: `sha256:${'a'.repeat(64)}` },
    ],
  ])('%s', (ref, want) => {
    expect(parseImageRef(ref)).toEqual(want);
  });

  test('not a reference', () => {
    expect(parseImageRef('UPPER/case')).toBeUndefined();
  });
});

describe('base image digests from the real local registry', () => {
  let reg: Registry;
  let dir: string;
  let login: RegistryLogin;
  beforeAll(async () => {
    reg = await startRegistry();
    login = { host: reg.host, username: 'AWS', password: reg.password };
    dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-base-'));
    await writeFile(path.join(dir, 'Dockerfile'), 'ARG BASE\nFROM ${BASE}\n');
  }, 30_000);
  afterAll(async () => {
    await reg?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const hashWith = async (ref: string): Promise<{ hash: string; notices: string[] }> => {
    const { digests, notices } = await resolveBaseDigests([ref], { logins: [login] });
    const hash = await contentHash({
      contextDir: dir,
      dockerfile: path.join(dir, 'Dockerfile'),
      baseImages: [ref],
      files: [],
      baseDigests: digests,
    });
    return { hash, notices };
  };

  test('moving the tag changes the hash; an unmoved tag keeps it', async () => {
    const ref = `${reg.host}/test/base:7`;
    const d1 = await pushImage(reg, 'test/base', '7', 'one');
    const first = await hashWith(ref);
    expect(first.notices).toEqual([]);
    expect((await resolveBaseDigests([ref], { logins: [login] })).digests.get(ref)).toBe(d1);
    expect((await hashWith(ref)).hash).toBe(first.hash);

    const d2 = await pushImage(reg, 'test/base', '7', 'two'); // the tag moves upstream
    expect(d2).not.toBe(d1);
    expect(await reg.digest('test/base', '7')).toBe(d2);
    const moved = await hashWith(ref);
    expect(moved.notices).toEqual([]);
    expect(moved.hash).not.toBe(first.hash);
  }, 30_000);

  test('a tag without a version (latest) is floating too', async () => {
    await pushImage(reg, 'test/plain', 'latest', 'a');
    const before = await hashWith(`${reg.host}/test/plain`);
    await pushImage(reg, 'test/plain', 'latest', 'b');
    expect((await hashWith(`${reg.host}/test/plain`)).hash).not.toBe(before.hash);
  }, 30_000);

  test('unreachable, refused or unknown: a notice, and the hash by name alone', async () => {
    const port = await freePort();
    const refs = [`127.0.0.1:${port}/gone/base:1`, `${reg.host}/test/none:1`];
    const wrong = await resolveBaseDigests([`${reg.host}/test/base:7`], {
      logins: [{ ...login, password: 'wrong-password' }],
    });
    expect(wrong.notices).toEqual([
      `base image ${reg.host}/test/base:7 not resolved to a digest: hashed by name until its registry answers`,
    ]);
    const r = await resolveBaseDigests(refs, { logins: [login], timeoutMs: 2000 });
    expect(r.digests.size).toBe(0);
    expect(r.notices).toEqual(
      refs.map((ref) => `base image ${ref} not resolved to a digest: hashed by name until its registry answers`),
    );
    const byName = await contentHash({
      contextDir: dir,
      dockerfile: path.join(dir, 'Dockerfile'),
      baseImages: refs,
      files: [],
    });
    expect(
      await contentHash({
        contextDir: dir,
        dockerfile: path.join(dir, 'Dockerfile'),
        baseImages: refs,
        files: [],
        baseDigests: r.digests,
      }),
    ).toBe(byName);
  }, 30_000);

  test('pinned by digest, a stage, scratch: nothing to resolve, nothing asked', async () => {
    const asked: string[] = [];
    const spy = ((url: string | URL) => {
      asked.push(String(url));
      return Promise.reject(new Error('no network'));
    }) as typeof fetch;
    const r = await resolveBaseDigests([`alpine@sha256:${'b'.repeat(64)}`, 'stage:0', 'scratch'], { fetch: spy });
    expect(r).toEqual({ digests: new Map(), notices: [] });
    expect(asked).toEqual([]);
  });
});

describe('prepare (plan and deploy) with a base resolver', () => {
  const config = path.join(REPO_ROOT, 'examples/datadog-ecs/dd-ecs-monitor.yml');
  const fluentd = (p: Prepared): string => p.images.find((i) => i.spec.key === 'fluentd')?.spec.contentHash as string;

  test('resolved digests change the hash; unresolved bases are notices on their FROM line', async () => {
    const asked: string[] = [];
    const digest =
      (d: string) =>
      async (refs: readonly string[]): Promise<BaseDigests> => {
        asked.push(...refs);
        return { digests: new Map(refs.map((r) => [r, `sha256:${d.repeat(64)}`])), notices: [] };
      };
    const plain = await prepare({ configPath: config, changed: { kind: 'all', reason: 'test' } });
    const one = await prepare({
      configPath: config,
      changed: { kind: 'all', reason: 'test' },
      resolveBaseImages: digest('1'),
    });
    const two = await prepare({
      configPath: config,
      changed: { kind: 'all', reason: 'test' },
      resolveBaseImages: digest('2'),
    });
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set([fluentd(plain), fluentd(one), fluentd(two)]).size).toBe(3);

    const refused = await prepare({
      configPath: config,
      changed: { kind: 'all', reason: 'test' },
      resolveBaseImages: async (refs) => ({
        digests: new Map(),
        notices: refs.map((r) => `base image ${r} not resolved to a digest: hashed by name until its registry answers`),
      }),
    });
    expect(fluentd(refused)).toBe(fluentd(plain));
    const notice = refused.findings.find((f) => f.file === 'fluentd/Dockerfile');
    expect(notice).toMatchObject({ severity: 'notice', code: 'dockerfile/base-unresolved' });
    expect(notice?.line).toBeGreaterThan(0);
  });

  test('one lookup per distinct reference across images; a reference on two FROM lines is two notices', async () => {
    const { mkdtemp, cp, readFile, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-two-froms-'));
    try {
      await cp(path.join(REPO_ROOT, 'examples/datadog-ecs'), dir, { recursive: true });
      const df = path.join(dir, 'fluentd/Dockerfile');
      const text = await readFile(df, 'utf8');
      // The same base in a first stage and the final one (the agent image names another).
      await writeFile(
        df,
        text.replace(/^FROM \$\{FLUENTD_IMAGE\}$/m, 'FROM ${FLUENTD_IMAGE} AS first\nRUN true\nFROM ${FLUENTD_IMAGE}'),
      );
      const asked: string[][] = [];
      const p = await prepare({
        configPath: path.join(dir, 'dd-ecs-monitor.yml'),
        changed: { kind: 'all', reason: 'test' },
        resolveBaseImages: async (refs) => {
          asked.push([...refs]);
          return {
            digests: new Map(),
            notices: refs.map(
              (r) => `base image ${r} not resolved to a digest: hashed by name until its registry answers`,
            ),
          };
        },
      });
      const flat = asked.flat();
      expect(new Set(flat).size).toBe(flat.length);
      expect(flat.sort()).toEqual(['fluent/fluentd:v1.16-debian-1', 'public.ecr.aws/datadog/agent:7']);
      const lines = p.findings
        .filter((f) => f.code === 'dockerfile/base-unresolved' && f.file === 'fluentd/Dockerfile')
        .map((f) => f.line);
      expect(lines).toEqual([3, 5]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
