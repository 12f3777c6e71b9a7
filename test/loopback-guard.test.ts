/**
 * The tests' network guard itself (test/support/loopback-only.mjs): a `fetch` beyond 127.0.0.1 is
 * refused before it is sent and reported, as it is in the action bundles the tests spawn; loopback
 * passes. Run in a child node so the refusal does not fail this file's own guard.
 */
import { describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './support/repo-root.js';

const GUARD = pathToFileURL(path.join(REPO_ROOT, 'test/support/loopback-only.mjs')).href;

function guarded(script: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`--import=${GUARD}`, '--input-type=module', '-e', script],
      { env: { PATH: process.env.PATH, DD_ECS_MONITOR_LOOPBACK_GUARD: 'stderr' }, timeout: 10_000 },
      (_err, stdout, stderr) => resolve({ stdout, stderr }),
    );
  });
}

describe('the loopback-only guard on fetch', () => {
  test('Docker Hub, ECR Public and an IP beyond loopback are refused and reported; 127.0.0.1 answers', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const script = `
        for (const u of ['https://registry-1.docker.io/v2/', 'https://public.ecr.aws/v2/', 'http://192.0.2.1/']) {
          await fetch(u, { method: 'HEAD' }).then(() => console.log('SENT ' + u), (e) => console.log('REFUSED ' + u));
        }
        console.log('LOCAL ' + (await (await fetch('http://127.0.0.1:${port}/')).text()));`;
      const { stdout, stderr } = await guarded(script);
      expect(stdout.trim().split('\n')).toEqual([
        'REFUSED https://registry-1.docker.io/v2/',
        'REFUSED https://public.ecr.aws/v2/',
        'REFUSED http://192.0.2.1/',
        'LOCAL ok',
      ]);
      expect(stderr).toContain('refused fetch beyond loopback: https://registry-1.docker.io/v2/');
    } finally {
      server.close();
    }
  });
});
