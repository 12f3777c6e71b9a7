/**
 * Docker runs with its own temporary DOCKER_CONFIG for one deploy: the ECR password lands in a
 * file that is removed afterwards, never in the user's ~/.docker (or their credential store,
 * which on a headless runner may not even work). What the user's own config carries that the
 * build needs — CLI plugins such as buildx, the selected buildx builder, docker contexts,
 * other registries' logins, proxies — is carried over. DOCKER_HOST passes through untouched.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { type Exec, runChecked } from '../exec.js';
import type { Log } from '../log.js';
import { onInterrupt } from '../signals.js';
import type { RegistryAuth } from './ecr.js';
import { loginArgv } from './docker-argv.js';

export interface DockerSession {
  /** Environment for every docker call of this session. */
  env: Record<string, string | undefined>;
  configDir: string;
}

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The temporary config.json: the user's logins for other registries, per-registry helpers,
 * proxies and current context; never `credsStore` (a global store would receive, and keep,
 * the ECR password) and nothing for the hosts this session logs into.
 */
export function seedDockerConfig(original: unknown, loginHosts: readonly string[]): JsonObject {
  const out: JsonObject = { auths: {} };
  if (!isObject(original)) return out;
  const drop = new Set(loginHosts);
  const keepHosts = (v: unknown): JsonObject =>
    Object.fromEntries(
      Object.entries(isObject(v) ? v : {}).filter(([host]) => !drop.has(host.replace(/^https?:\/\//, ''))),
    );
  out.auths = keepHosts(original.auths);
  const helpers = keepHosts(original.credHelpers);
  if (Object.keys(helpers).length > 0) out.credHelpers = helpers;
  if (isObject(original.proxies)) out.proxies = original.proxies;
  if (typeof original.currentContext === 'string') out.currentContext = original.currentContext;
  return out;
}

const PASS_THROUGH = [
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'BUILDX_BUILDER',
  'BUILDX_CONFIG',
] as const;

function userConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || path.join(homedir(), '.docker');
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Per open session: unregisters its clean-up on interrupt. */
const interruptCleanups = new Map<string, () => void>();

export interface OpenSessionOptions {
  exec: Exec;
  log: Log;
  /** Registries to log into (already masked by the caller's log). */
  logins: readonly RegistryAuth[];
  /** The environment docker would otherwise run with; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Creates the config dir and logs into each registry. A failed login removes the dir and
 * throws a message naming the registry and quoting docker's last stderr line.
 */
export async function openDockerSession(opts: OpenSessionOptions): Promise<DockerSession> {
  const parentEnv = opts.env ?? process.env;
  const userDir = userConfigDir(parentEnv);
  // mkdtemp creates the directory 0700: only this user can read the login it will hold.
  const configDir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-docker-'));
  // Ctrl-C or a cancelled job must not leave the ECR login behind.
  interruptCleanups.set(
    configDir,
    onInterrupt(() => closeDockerSession({ configDir })),
  );
  try {
    const seeded = seedDockerConfig(
      await readJson(path.join(userDir, 'config.json')),
      opts.logins.map((l) => l.host),
    );
    await writeFile(path.join(configDir, 'config.json'), `${JSON.stringify(seeded, null, 2)}\n`, { mode: 0o600 });
    // CLI plugins (buildx installed by setup-buildx-action lives here) and contexts are looked
    // up under DOCKER_CONFIG; link them rather than copy.
    for (const sub of ['cli-plugins', 'contexts']) {
      const from = path.join(userDir, sub);
      if (existsSync(from)) await symlink(from, path.join(configDir, sub));
    }
    const env: Record<string, string | undefined> = { DOCKER_CONFIG: configDir };
    // Which engine and builder to use is the caller's environment's business: pass it through.
    for (const k of PASS_THROUGH) if (parentEnv[k]) env[k] = parentEnv[k];
    // buildx keeps its builders (and the one `docker buildx use` selected) under BUILDX_CONFIG,
    // which defaults to $DOCKER_CONFIG/buildx: point it at the user's.
    const buildxDir = path.join(userDir, 'buildx');
    if (!parentEnv.BUILDX_CONFIG && existsSync(buildxDir)) env.BUILDX_CONFIG = buildxDir;
    const session: DockerSession = { env, configDir };
    for (const login of opts.logins) {
      opts.log.info(`docker login ${login.host} (user ${login.username}, password from ECR on stdin)`);
      await runChecked(opts.exec, 'docker', loginArgv(login.host, login.username), {
        step: `docker login to registry ${login.host}`,
        env,
        stdin: login.password,
        secrets: [login.password],
      });
    }
    return session;
  } catch (err) {
    await closeDockerSession({ configDir });
    throw err;
  }
}

/** Removes the config dir and the login in it. Never throws: it runs in `finally`. */
export async function closeDockerSession(session: Pick<DockerSession, 'configDir'>): Promise<void> {
  interruptCleanups.get(session.configDir)?.();
  interruptCleanups.delete(session.configDir);
  await rm(session.configDir, { recursive: true, force: true }).catch(() => undefined);
}
