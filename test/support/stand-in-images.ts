/**
 * Base images for tests, since nothing can be pulled here (no Docker Hub): `test/base:1` is
 * busybox imported as a root filesystem, and `test/fluentd:1` stands in for fluent/fluentd with
 * a `fluentd` that implements `--dry-run -c FILE` (test/fixtures/images/stand-in-fluentd).
 * Fixture Dockerfiles take their base as `ARG BASE` so the same file builds FROM these.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, copyFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './repo-root.js';
import { type DockerEngine, docker } from './docker-env.js';

export const BASE_IMAGE = 'test/base:1';
export const FLUENTD_IMAGE = 'test/fluentd:1';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/images');

async function exists(engine: DockerEngine, ref: string): Promise<boolean> {
  return (await docker(engine, ['image', 'inspect', ref])).code === 0;
}

async function importBusybox(engine: DockerEngine): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-rootfs-'));
  try {
    const root = path.join(dir, 'rootfs');
    for (const d of ['bin', 'tmp', 'etc', 'usr/bin', 'var/lib']) await mkdir(path.join(root, d), { recursive: true });
    const busybox = execFileSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).trim();
    await copyFile(busybox, path.join(root, 'bin/busybox'));
    await chmod(path.join(root, 'bin/busybox'), 0o755);
    // Every applet as a link, so scripts in the image can call awk, tr, date, ... by name.
    const applets = execFileSync(busybox, ['--list'], { encoding: 'utf8' })
      .split('\n')
      .filter((a) => /^[a-z0-9_.[-]+$/.test(a) && a !== 'busybox');
    for (const a of applets) await symlink('busybox', path.join(root, 'bin', a)).catch(() => undefined);
    const tar = path.join(dir, 'rootfs.tar');
    execFileSync('tar', ['-C', root, '-cf', tar, '.']);
    const res = await docker(engine, ['import', '--change', 'ENV PATH=/usr/local/bin:/usr/bin:/bin', tar, BASE_IMAGE]);
    if (res.code !== 0) throw new Error(`docker import of the busybox base failed: ${res.stderr}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Makes sure both stand-in images exist in the engine (idempotent, about 2 s the first time). */
export async function ensureStandInImages(engine: DockerEngine): Promise<void> {
  if (!(await exists(engine, BASE_IMAGE))) await importBusybox(engine);
  if (!(await exists(engine, FLUENTD_IMAGE))) {
    const res = await docker(engine, ['build', '-t', FLUENTD_IMAGE, path.join(FIXTURES, 'stand-in-fluentd')], {
      DOCKER_BUILDKIT: '0',
    });
    if (res.code !== 0) throw new Error(`building the stand-in fluentd image failed: ${res.stderr}`);
  }
}
