import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Exec } from '../../src/exec.js';
import { closeDockerSession, openDockerSession, seedDockerConfig } from '../../src/images/docker-session.js';
import { memoryLog } from '../../src/log.js';

describe("seedDockerConfig: what the temporary config.json keeps from the user's", () => {
  test.each([
    ['nothing', undefined, { auths: {} }],
    ['not an object', ['x'], { auths: {} }],
    [
      "other registries' logins, per-registry helpers, proxies, current context; not credsStore; nothing for the hosts logged into",
      {
        auths: { 'ghcr.io': { auth: 'a' }, 'https://r.example': { auth: 'stale' }, 'r.example': { auth: 'stale' } },
        credsStore: 'desktop',
        credHelpers: { 'r.example': 'ecr-login', 'gcr.io': 'gcloud' },
        proxies: { default: { httpProxy: 'http://proxy:3128' } },
        currentContext: 'ci',
        psFormat: 'table',
      },
      {
        auths: { 'ghcr.io': { auth: 'a' } },
        credHelpers: { 'gcr.io': 'gcloud' },
        proxies: { default: { httpProxy: 'http://proxy:3128' } },
        currentContext: 'ci',
      },
    ],
  ])('%s', (_name, original, expected) => {
    expect(seedDockerConfig(original, ['r.example'])).toEqual(expected);
  });
});

describe('openDockerSession', () => {
  let userDir: string;
  const ok: Exec = async () => ({ exitCode: 0, stdout: '', stderr: '' });
  beforeEach(async () => {
    userDir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-user-'));
  });
  afterEach(async () => {
    await rm(userDir, { recursive: true, force: true });
  });

  test("a private 0700 dir with a 0600 config.json, the user's plugins and contexts linked, buildx state pointed at", async () => {
    for (const sub of ['cli-plugins', 'contexts', 'buildx']) await mkdir(path.join(userDir, sub));
    await writeFile(path.join(userDir, 'cli-plugins', 'docker-buildx'), '');
    const s = await openDockerSession({
      exec: ok,
      log: memoryLog(),
      logins: [],
      env: { DOCKER_CONFIG: userDir, DOCKER_HOST: 'tcp://127.0.0.1:2375' },
    });
    try {
      expect(statSync(s.configDir).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(s.configDir, 'config.json')).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(path.join(s.configDir, 'config.json'), 'utf8'))).toEqual({ auths: {} });
      expect(lstatSync(path.join(s.configDir, 'cli-plugins')).isSymbolicLink()).toBe(true);
      expect(lstatSync(path.join(s.configDir, 'contexts')).isSymbolicLink()).toBe(true);
      expect(s.env).toEqual({
        DOCKER_CONFIG: s.configDir,
        DOCKER_HOST: 'tcp://127.0.0.1:2375',
        BUILDX_CONFIG: path.join(userDir, 'buildx'),
      });
    } finally {
      await closeDockerSession(s);
    }
    expect(existsSync(s.configDir)).toBe(false);
    expect(existsSync(path.join(userDir, 'cli-plugins', 'docker-buildx'))).toBe(true);
  });

  test("logs into each registry with the password on stdin, in that session's config", async () => {
    const seen: Array<{ args: readonly string[]; stdin?: string; config?: string }> = [];
    const exec: Exec = async (_cmd, args, opts) => {
      seen.push({ args, stdin: opts?.stdin, config: opts?.env?.DOCKER_CONFIG });
      return { exitCode: 0, stdout: 'Login Succeeded', stderr: '' };
    };
    const s = await openDockerSession({
      exec,
      log: memoryLog(),
      logins: [
        { host: 'a.example', username: 'AWS', password: 'p1' },
        { host: '127.0.0.1:5000', username: 'AWS', password: 'p2' },
      ],
      env: { DOCKER_CONFIG: userDir },
    });
    await closeDockerSession(s);
    expect(seen).toEqual([
      { args: ['login', '--username', 'AWS', '--password-stdin', 'a.example'], stdin: 'p1', config: s.configDir },
      { args: ['login', '--username', 'AWS', '--password-stdin', '127.0.0.1:5000'], stdin: 'p2', config: s.configDir },
    ]);
  });
});
