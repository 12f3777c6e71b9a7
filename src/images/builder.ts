/**
 * Which way images get built: `docker buildx` where the plugin exists (GitHub's runners), the
 * classic `docker build` + `docker push` where it does not (Debian's docker.io has no buildx).
 * The GitHub Actions cache is used only where it can work: inside a workflow run that hands
 * the runtime token to this process, with a builder whose driver can export cache (the
 * default `docker` driver refuses with "Cache export is not supported for the docker driver").
 */
import type { Exec } from '../exec.js';
import { buildxInspectArgv, buildxVersionArgv, driverFromInspect } from './docker-argv.js';

export interface Builder {
  kind: 'buildx' | 'legacy';
  /** buildx driver (`docker`, `docker-container`, ...), when buildx is used. */
  driver?: string;
  /** Use `type=gha` cache with a per-image scope. */
  ghaCache: boolean;
}

export interface DetectBuilderOptions {
  exec: Exec;
  /** The session's docker environment (DOCKER_CONFIG, BUILDX_CONFIG). */
  dockerEnv: Record<string, string | undefined>;
  /** The environment this process runs in, to tell whether it is a GitHub Actions job. */
  env?: NodeJS.ProcessEnv;
}

/** Whether the GitHub Actions cache service is reachable for buildx from this process. */
function ghaCacheAvailable(env: NodeJS.ProcessEnv): boolean {
  return (
    env.GITHUB_ACTIONS === 'true' &&
    Boolean(env.ACTIONS_RUNTIME_TOKEN) &&
    Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL)
  );
}

function cacheCapableDriver(driver: string | undefined): boolean {
  return driver !== undefined && driver !== 'docker';
}

export async function detectBuilder(opts: DetectBuilderOptions): Promise<Builder> {
  const version = await opts.exec('docker', buildxVersionArgv(), { env: opts.dockerEnv });
  if (version.exitCode !== 0) return { kind: 'legacy', ghaCache: false };
  const inspect = await opts.exec('docker', buildxInspectArgv(), { env: opts.dockerEnv });
  const driver = inspect.exitCode === 0 ? driverFromInspect(inspect.stdout) : undefined;
  return { kind: 'buildx', driver, ghaCache: ghaCacheAvailable(opts.env ?? process.env) && cacheCapableDriver(driver) };
}
