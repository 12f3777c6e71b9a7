/**
 * The real parts the image tests run against, all on 127.0.0.1 (TESTING-ENV.md):
 * - a Docker engine: the one `DOCKER_HOST` already points at (`.ci/run` starts one), else a
 *   private dockerd started for this test file with `scripts/ci/start-dockerd.sh` and stopped
 *   after it (by its PID, nothing else);
 * - a `docker-registry` on a free port with ECR-style basic auth (user `AWS`, a generated
 *   password), one per test file.
 * When no engine can be had at all (not root, no dockerd), `startDockerEngine` says so loudly
 * and returns undefined, and the caller skips its integration tests. In CI there always is one.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './repo-root.js';

function run(
  cmd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(':').some((d) => d && existsSync(path.join(d, cmd)));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopPid(pid: number, timeoutMs = 20_000): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const until = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < until) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

export interface DockerEngine {
  /** `unix:///...sock` */
  host: string;
  /** Environment for docker calls: `{ DOCKER_HOST }`. */
  env: Record<string, string>;
  /** True when this file started it (and will stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

/** Runs `docker` against the engine; for test setup and assertions. */
export function docker(engine: DockerEngine, args: string[], env: Record<string, string | undefined> = {}) {
  return run('docker', args, { ...engine.env, ...env });
}

export async function startDockerEngine(): Promise<DockerEngine | undefined> {
  const existing = process.env.DOCKER_HOST;
  if (existing && (await run('docker', ['info'], { DOCKER_HOST: existing })).code === 0) {
    return { host: existing, env: { DOCKER_HOST: existing }, owned: false, stop: async () => undefined };
  }
  const why = !onPath('dockerd')
    ? 'dockerd is not installed'
    : process.getuid?.() !== 0
      ? 'not running as root'
      : undefined;
  if (why) {
    console.warn(
      `\n*** SKIPPING docker integration tests: no Docker engine (${why}; DOCKER_HOST unset or dead). .ci/run provides one. ***\n`,
    );
    return undefined;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-dockerd-'));
  const res = await run('bash', [path.join(REPO_ROOT, 'scripts/ci/start-dockerd.sh'), dir]);
  const host = /^DOCKER_HOST=(.+)$/m.exec(res.stdout)?.[1];
  const pid = Number(/^DOCKERD_PID=(\d+)$/m.exec(res.stdout)?.[1]);
  if (res.code !== 0 || !host || !pid) {
    console.warn(`\n*** SKIPPING docker integration tests: dockerd would not start: ${res.stderr.trim()} ***\n`);
    await rm(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    host,
    env: { DOCKER_HOST: host },
    owned: true,
    stop: async () => {
      await stopPid(pid);
      await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Registry {
  /** `127.0.0.1:<port>` */
  host: string;
  password: string;
  stop(): Promise<void>;
  /** `Docker-Content-Digest` of a manifest, or undefined when the registry has no such tag. */
  digest(name: string, tag: string): Promise<string | undefined>;
  /** Tags in a repository (empty when it does not exist). */
  tags(name: string): Promise<string[]>;
  /** Repositories the registry holds. */
  catalog(): Promise<string[]>;
  /** The registry's log: its access log lines (`"GET /v2/... HTTP/1.1" 200 ...`) included. */
  logFile: string;
}

/** A docker-registry (distribution 2.8) with htpasswd user `AWS`, as ECR's basic auth. */
export async function startRegistry(): Promise<Registry> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-registry-'));
  const password = randomBytes(18).toString('base64url');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  await mkdir(path.join(dir, 'data'));
  const htpasswd = await run('htpasswd', ['-Bbn', 'AWS', password]);
  if (htpasswd.code !== 0) throw new Error(`htpasswd failed: ${htpasswd.stderr}`);
  await writeFile(path.join(dir, 'htpasswd'), htpasswd.stdout);
  await writeFile(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log: {level: warn}',
      `storage: {filesystem: {rootdirectory: ${dir}/data}, delete: {enabled: true}}`,
      `http: {addr: "${host}", secret: not-a-secret}`,
      `auth: {htpasswd: {realm: test, path: ${dir}/htpasswd}}`,
      '',
    ].join('\n'),
  );
  const logFd = openSync(path.join(dir, 'registry.log'), 'a');
  const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const pid = child.pid;
  if (!pid) throw new Error('docker-registry did not start');
  const auth = `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`;
  const until = Date.now() + 15_000;
  for (;;) {
    const status = await fetch(`http://${host}/v2/`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 401) break;
    if (Date.now() > until || child.exitCode !== null) {
      await stopPid(pid);
      throw new Error(`docker-registry on ${host} did not come up (last status ${status})`);
    }
    await sleep(100);
  }
  const accept = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json';
  return {
    host,
    password,
    logFile: path.join(dir, 'registry.log'),
    stop: async () => {
      await stopPid(pid);
      await rm(dir, { recursive: true, force: true });
    },
    digest: async (name, tag) => {
      const r = await fetch(`http://${host}/v2/${name}/manifests/${tag}`, {
        method: 'HEAD',
        headers: { Authorization: auth, Accept: accept },
      });
      return r.status === 200 ? (r.headers.get('docker-content-digest') ?? undefined) : undefined;
    },
    tags: async (name) => {
      const r = await fetch(`http://${host}/v2/${name}/tags/list`, { headers: { Authorization: auth } });
      if (r.status !== 200) return [];
      return ((await r.json()) as { tags?: string[] | null }).tags?.sort() ?? [];
    },
    catalog: async () => {
      const r = await fetch(`http://${host}/v2/_catalog`, { headers: { Authorization: auth } });
      return ((await r.json()) as { repositories?: string[] }).repositories ?? [];
    },
  };
}
