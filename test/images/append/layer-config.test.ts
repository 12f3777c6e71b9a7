/**
 * The pure parts of the layer append: reproducible layers (same entries in any order -> same
 * bytes, gzip header without time or name), the config tail applied as docker's builder applies
 * it, platform choice in an index, and the registry client's upload and error paths over a fake
 * transport (tests/images/append/*.integration.test.ts run the real registry).
 */
import { describe, expect, test } from '@jest/globals';
import { gunzipSync } from 'node:zlib';
import { sourceFromText } from '../../../src/checks/source.js';
import { splitConfigTail, type TailStep } from '../../../src/project/config-tail.js';
import { parseDockerfile } from '../../../src/project/dockerfile.js';
import { RegistryClient } from '../../../src/images/registry/client.js';
import { appendConfig, exposedPorts, pickPlatform } from '../../../src/images/registry/image-config.js';
import { buildLayer, type LayerEntry } from '../../../src/images/registry/layer.js';
import { tarListing } from '../../support/tar-listing.js';

const entries: LayerEntry[] = [
  { path: '/etc/app', type: 'dir', mode: 0o755, uid: 0, gid: 0 },
  { path: '/etc/app/b.yaml', type: 'file', mode: 0o644, uid: 0, gid: 0, data: Buffer.from('b: 1\n') },
  { path: '/etc/app/a.sh', type: 'file', mode: 0o755, uid: 10, gid: 10, data: Buffer.from('#!/bin/sh\n') },
  { path: `/opt/${'deep/'.repeat(40)}file`, type: 'file', mode: 0o644, uid: 0, gid: 0, data: Buffer.from('x') },
];

describe('reproducible layers', () => {
  test('the same entries in another order give the same bytes and digest', () => {
    const a = buildLayer(entries);
    const b = buildLayer([...entries].reverse());
    expect(b.blob.equals(a.blob)).toBe(true);
    expect(b.digest).toBe(a.digest);
    expect(a).toMatchObject({ files: 3, bytes: 16 });
  });

  test('gzip header carries no time and a fixed OS byte (RFC 1952); the tar lists modes and owners as given', () => {
    const l = buildLayer(entries);
    expect([...l.blob.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    const list = tarListing(gunzipSync(l.blob)).map((e) => [e.path, e.type, e.mode, e.uid, e.gid, e.size]);
    expect(list).toEqual([
      ['/etc/app', 'dir', '755', 0, 0, 0],
      ['/etc/app/a.sh', 'file', '755', 10, 10, 10],
      ['/etc/app/b.yaml', 'file', '644', 0, 0, 5],
      [`/opt/${'deep/'.repeat(40)}file`, 'file', '644', 0, 0, 1],
    ]);
  });
});

function tail(text: string): TailStep[] {
  const src = sourceFromText('Dockerfile', text);
  const r = splitConfigTail(src, parseDockerfile(src));
  if (!r.ok) throw new Error(r.reason);
  return r.steps;
}

describe('the config tail applied as docker applies it', () => {
  const base = {
    created: '2026-01-01T00:00:00Z',
    architecture: 'amd64',
    os: 'linux',
    container_config: { Hostname: 'x' },
    config: { Env: ['PATH=/usr/bin:/bin', 'A=old'], Cmd: ['base-cmd'], Shell: ['/bin/bash', '-c'], WorkingDir: '/' },
    rootfs: { type: 'layers', diff_ids: ['sha256:base'] },
    history: [{ created_by: 'base' }],
  };

  test('ENV in place and appended with expansion, LABEL, USER, EXPOSE range, WORKDIR, ENTRYPOINT resets CMD, shell form via SHELL', () => {
    const steps = tail(
      'FROM b\nRUN x\nENV A=new PATH=/opt/bin:$PATH\nCOPY a /etc/a\nLABEL team="sre ops"\nUSER 1000\nEXPOSE 8000-8001/UDP 80\nWORKDIR /etc\nENTRYPOINT run --fast\n',
    );
    const out = appendConfig(base, steps, { args: {}, escape: '\\', cmdSetInBase: false, diffIds: ['sha256:new'] });
    expect(out.config).toEqual({
      Env: ['PATH=/opt/bin:/usr/bin:/bin', 'A=new'],
      Cmd: null,
      Shell: ['/bin/bash', '-c'],
      WorkingDir: '/etc',
      Labels: { team: 'sre ops' },
      User: '1000',
      ExposedPorts: { '8000/udp': {}, '8001/udp': {}, '80/tcp': {} },
      Entrypoint: ['/bin/bash', '-c', 'run --fast'],
    });
    expect(out.rootfs?.diff_ids).toEqual(['sha256:base', 'sha256:new']);
    expect(out.history?.map((h) => [h.empty_layer ?? false, h.created])).toEqual([
      [false, undefined],
      [true, base.created],
      [false, base.created],
      [true, base.created],
      [true, base.created],
      [true, base.created],
      [true, base.created],
      [true, base.created],
    ]);
    expect(out).not.toHaveProperty('container_config');
  });

  test('ENTRYPOINT keeps a CMD set earlier in the stage; CMD JSON form', () => {
    const steps = tail('FROM b\nCMD ["-v"]\nRUN x\nCOPY a /a\nENTRYPOINT ["/e"]\n');
    expect(
      appendConfig(base, steps, { args: {}, escape: '\\', cmdSetInBase: true, diffIds: ['sha256:n'] }).config,
    ).toMatchObject({ Entrypoint: ['/e'], Cmd: ['base-cmd'] });
  });

  test.each([
    ['80', ['80/tcp']],
    ['53/UDP', ['53/udp']],
    ['7000-7002', ['7000/tcp', '7001/tcp', '7002/tcp']],
  ])('EXPOSE %s', (spec, ports) => expect(exposedPorts(spec)).toEqual(ports));

  test('an index resolves to the task platform; arm64 without variant matches v8', () => {
    const m = [
      { mediaType: 'x', digest: 'sha256:amd', size: 1, platform: { os: 'linux', architecture: 'amd64' } },
      {
        mediaType: 'x',
        digest: 'sha256:arm',
        size: 1,
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      },
    ];
    expect(pickPlatform(m, { os: 'linux', architecture: 'arm64' })?.digest).toBe('sha256:arm');
    expect(pickPlatform(m, { os: 'linux', architecture: 'amd64' })?.digest).toBe('sha256:amd');
    expect(pickPlatform(m, { os: 'windows', architecture: 'amd64' })).toBeUndefined();
  });
});

describe('registry client over a fake transport', () => {
  function transport(handler: (method: string, url: string) => Response): { fetch: typeof fetch; calls: string[] } {
    const calls: string[] = [];
    const f = (async (input: string | URL | Request, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${String(input)}`);
      return handler(method, String(input));
    }) as typeof fetch;
    return { fetch: f, calls };
  }

  test('a blob the repository has is not uploaded; a missing one goes up as POST then one PUT with its digest (plain HTTP on loopback)', async () => {
    const t = transport((method, url) => {
      if (method === 'HEAD') return new Response(null, { status: url.endsWith('have') ? 200 : 404 });
      if (method === 'POST')
        return new Response(null, { status: 202, headers: { Location: '/v2/r/blobs/uploads/u1?state=s' } });
      return new Response(null, { status: 201 });
    });
    const c = new RegistryClient({
      host: '127.0.0.1:5000',
      repository: 'r',
      auth: { username: 'AWS', password: 'pw' },
      fetch: t.fetch,
    });
    expect(await c.putBlob('sha256:have', Buffer.from('x'))).toBe(false);
    expect(await c.putBlob('sha256:need', Buffer.from('xyz'))).toBe(true);
    expect(t.calls).toEqual([
      'HEAD http://127.0.0.1:5000/v2/r/blobs/sha256:have',
      'HEAD http://127.0.0.1:5000/v2/r/blobs/sha256:need',
      'POST http://127.0.0.1:5000/v2/r/blobs/uploads/',
      'PUT http://127.0.0.1:5000/v2/r/blobs/uploads/u1?state=s&digest=sha256%3Aneed',
    ]);
    expect(c.stats).toMatchObject({ bytesUploaded: 3, blobsUploaded: 1, blobsSkipped: 1 });
  });

  test('a refused password names the registry and the step, never the password; a remote registry is HTTPS', async () => {
    const t = transport(
      () => new Response('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}', { status: 401 }),
    );
    const c = new RegistryClient({
      host: '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com',
      repository: 'r',
      auth: { username: 'AWS', password: 'secret-pw' },
      fetch: t.fetch,
    });
    const err = await c.manifest('base-x', ['a']).catch((e: unknown) => e as Error);
    expect(String(err)).toBe(
      'RegistryError: registry 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com refused the ECR password: GET manifest r:base-x answered HTTP 401 Unauthorized (UNAUTHORIZED: authentication required)',
    );
    expect(String(err)).not.toContain('secret-pw');
    expect(t.calls[0]).toMatch(/^GET https:\/\//);
  });
});
