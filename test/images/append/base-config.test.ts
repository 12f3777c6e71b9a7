/**
 * The base config published as `base-<hash>-config` (an OCI manifest annotation, OCI image spec
 * annotations.md) round-trips, lets an append read no blob, and gives the same appended image as a
 * blob read; a base without it (older version, pushed by hand) falls back to its blob, says so, and
 * gets it published. Unit level over a fake transport: an in-memory registry that logs each request.
 */
import { describe, expect, test } from '@jest/globals';
import { appendTail } from '../../../src/images/registry/append.js';
import {
  BASE_CONFIG_ANNOTATION,
  baseConfigManifest,
  configFromManifest,
  MAX_BYTES,
  publishBaseConfig,
} from '../../../src/images/registry/base-config.js';
import { RegistryClient } from '../../../src/images/registry/client.js';
import { type ImageManifest, MEDIA } from '../../../src/images/registry/image-config.js';
import { sha256 } from '../../../src/images/registry/layer.js';
import type { TailStep } from '../../../src/project/config-tail.js';

const config = Buffer.from(
  JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    created: '2026-01-01T00:00:00Z',
    config: { Env: ['PATH=/bin'], Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: [`sha256:${'1'.repeat(64)}`] },
    history: [{ created_by: 'base' }],
  }),
);
const layer = { mediaType: MEDIA.dockerLayer, digest: `sha256:${'2'.repeat(64)}`, size: 1234 };
const baseDoc: ImageManifest = {
  schemaVersion: 2,
  mediaType: MEDIA.dockerManifest,
  config: { mediaType: MEDIA.dockerConfig, digest: sha256(config), size: config.length },
  layers: [layer],
};

/** An in-memory registry: manifests by tag, blobs by digest, every request logged as `METHOD kind ref`. */
function memoryRegistry(): { fetch: typeof fetch; log: string[]; manifests: Map<string, Buffer> } {
  const manifests = new Map<string, Buffer>([['base-abc', Buffer.from(JSON.stringify(baseDoc))]]);
  const blobs = new Map<string, Buffer>([[baseDoc.config.digest, config]]);
  const log: string[] = [];
  const f = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const m = /\/v2\/repo\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
    log.push(`${method} ${m?.[1] ?? url.pathname} ${m?.[2] ?? ''}`);
    const body = init?.body ? Buffer.from(init.body as Uint8Array) : Buffer.alloc(0);
    if (m?.[1] === 'manifests' && method === 'GET') {
      const got = manifests.get(m[2] as string);
      if (!got) return new Response('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}', { status: 404 });
      const type = (JSON.parse(got.toString()) as { mediaType: string }).mediaType;
      return new Response(new Uint8Array(got), { status: 200, headers: { 'content-type': type } });
    }
    if (m?.[1] === 'manifests' && method === 'PUT') {
      manifests.set(m[2] as string, body);
      return new Response(null, { status: 201, headers: { 'docker-content-digest': sha256(body) } });
    }
    if (m?.[1] === 'blobs' && m[2] === 'uploads/')
      return new Response(null, { status: 202, headers: { location: '/up' } });
    if (m?.[1] === 'blobs') {
      const got = blobs.get(m[2] as string);
      if (method === 'HEAD') return new Response(null, { status: got ? 200 : 404 });
      return got ? new Response(new Uint8Array(got), { status: 200 }) : new Response(null, { status: 404 });
    }
    if (url.pathname === '/up' && method === 'PUT') {
      blobs.set(url.searchParams.get('digest') as string, body);
      return new Response(null, { status: 201 });
    }
    return new Response(null, { status: 500 });
  }) as typeof fetch;
  return { fetch: f, log, manifests };
}

const steps: TailStep[] = [
  // The append reads only `kind` and `text` of a COPY step; its files come as layer entries.
  { kind: 'copy', line: 2, text: 'COPY conf.yaml /etc/conf.yaml' } as TailStep,
  { kind: 'meta', line: 3, keyword: 'env', args: 'A=1', text: 'ENV A=1' },
];

async function append(reg: ReturnType<typeof memoryRegistry>, notes: string[]) {
  const client = new RegistryClient({ host: '127.0.0.1:5000', repository: 'repo', fetch: reg.fetch });
  return appendTail({
    client,
    base: 'base-abc',
    platform: { os: 'linux', architecture: 'amd64' },
    steps,
    layers: [[{ path: '/etc/conf.yaml', type: 'file', mode: 0o644, uid: 0, gid: 0, data: Buffer.from('a: 1\n') }]],
    args: {},
    escape: '\\',
    cmdSetInBase: false,
    tags: ['content-1'],
    note: (l) => notes.push(l),
  });
}

describe('the base config beside the base, as an OCI manifest annotation', () => {
  test('round trip: the annotation decodes to the exact config bytes; OCI media types, same digests and sizes', () => {
    const bytes = baseConfigManifest(baseDoc, config) as Buffer;
    const doc = JSON.parse(bytes.toString()) as ImageManifest & { annotations: Record<string, string> };
    expect(doc.mediaType).toBe(MEDIA.ociManifest);
    expect(doc.config).toEqual({ mediaType: MEDIA.ociConfig, digest: baseDoc.config.digest, size: config.length });
    expect(doc.layers).toEqual([{ ...layer, mediaType: MEDIA.ociLayer }]);
    expect(Object.keys(doc.annotations)).toEqual([BASE_CONFIG_ANNOTATION]);
    expect(configFromManifest(bytes, baseDoc)).toEqual({ config });
  });

  test('a config that hashes to another digest, or no annotation, is not used', () => {
    const other = { ...baseDoc, config: { ...baseDoc.config, digest: `sha256:${'3'.repeat(64)}` } };
    const bytes = baseConfigManifest(baseDoc, config) as Buffer;
    expect(configFromManifest(bytes, other)).toEqual({ missing: expect.stringContaining('another config') });
    expect(configFromManifest(Buffer.from('{}'), baseDoc)).toEqual({
      missing: expect.stringContaining(BASE_CONFIG_ANNOTATION),
    });
  });

  test('a config whose manifest would pass the size cap is not published (distribution-spec: 4 MB)', async () => {
    const big = Buffer.alloc(MAX_BYTES, 'x');
    expect(baseConfigManifest(baseDoc, big)).toBeUndefined();
    const reg = memoryRegistry();
    const client = new RegistryClient({ host: '127.0.0.1:5000', repository: 'repo', fetch: reg.fetch });
    expect(await publishBaseConfig(client, 'base-abc', baseDoc, big)).toMatchObject({ published: false });
    expect(reg.log.filter((l) => l.startsWith('PUT'))).toEqual([]);
  });

  test('fallback: a base without -config reads its blob, says so, publishes it; the next append reads no blob, same digest', async () => {
    const reg = memoryRegistry();
    const notes: string[] = [];
    const first = await append(reg, notes);
    expect(first.baseConfigFrom).toBe('blob');
    expect(first.stats.blobsDownloaded).toBe(1);
    expect(notes.join('\n')).toMatch(/reading the config blob of base-abc \(base-abc-config is not in the repository/);
    expect(notes.join('\n')).toContain('published base-abc-config');
    expect(reg.log).toContain(`GET blobs ${baseDoc.config.digest}`);
    // The base tag itself is never written: only the new -config tag and the content tag.
    expect(reg.log.filter((l) => l.startsWith('PUT manifests'))).toEqual([
      'PUT manifests base-abc-config',
      'PUT manifests content-1',
    ]);

    reg.log.length = 0;
    const notes2: string[] = [];
    const second = await append(reg, notes2);
    expect(second.baseConfigFrom).toBe('manifest');
    expect(second.stats.blobsDownloaded).toBe(0);
    expect(reg.log.filter((l) => l.startsWith('GET blobs'))).toEqual([]);
    expect(notes2).toEqual([]);
    expect(second.digest).toBe(first.digest);
    // The appended image follows the base's (Docker) family, as before.
    expect(second.manifestMediaType).toBe(MEDIA.dockerManifest);
  });
});
