/**
 * One image made by layer append: its tail's files read from the context, appended to
 * `base-<hash>` in the same repository through the registry API, and, for a Fluentd image, its
 * config checked first by the base image's own `fluentd --dry-run` with the new files mounted,
 * when there is a Docker engine to run it (without one, the result says the check was skipped).
 */
import path from 'node:path';
import type { Finding } from '../checks/findings.js';
import { type Exec, runChecked } from '../exec.js';
import type { Log } from '../log.js';
import { copyEntries, type ImageMethod } from './append-plan.js';
import type { DockerSession } from './docker-session.js';
import type { RegistryAuth, RepositoryInfo } from './ecr.js';
import { hostOf } from './ecr.js';
import { fluentdDryRun } from './fluentd-dry-run.js';
import { appendTail, baseManifest, configBlob } from './registry/append.js';
import { configTagOf, publishBaseConfig } from './registry/base-config.js';
import { RegistryClient, type TransferStats } from './registry/client.js';
import { parsePlatform } from './registry/image-config.js';
import type { ImageSpec } from './types.js';

export type AppendMethod = Extract<ImageMethod, { kind: 'append' }>;

export interface AppendOneInput {
  spec: ImageSpec;
  repo: RepositoryInfo;
  method: AppendMethod;
  /** Tags to push, the content tag first. */
  tags: readonly string[];
  auth: RegistryAuth;
  log: Log;
  /** The registry transport; tests count requests through it. */
  fetch?: typeof fetch;
}

export interface AppendOneOutput {
  digest: string;
  stats: TransferStats;
  layers: number;
}

/** The platform whose base manifest is read: the image's `platform`, else Fargate's default linux/amd64. */
export function appendPlatform(spec: ImageSpec): ReturnType<typeof parsePlatform> {
  return parsePlatform(spec.runtimePlatform ?? spec.platform);
}

function clientOf(input: Pick<AppendOneInput, 'repo' | 'auth' | 'fetch'>): RegistryClient {
  const { repo } = input;
  return new RegistryClient({
    host: hostOf(repo.uri),
    repository: repo.uri.slice(hostOf(repo.uri).length + 1),
    auth: { username: input.auth.username, password: input.auth.password },
    ...(input.fetch ? { fetch: input.fetch } : {}),
  });
}

/**
 * Right after docker pushed `base-<hash>`: its config (one blob GET, now, once) published as
 * `base-<hash>-config`, so that every append on this base reads no blob. Not fatal: without it,
 * appends read the config blob.
 */
export async function publishBaseConfigOf(input: Omit<AppendOneInput, 'tags'>): Promise<void> {
  const { spec, method, log } = input;
  const client = clientOf(input);
  try {
    const { manifest } = await baseManifest(client, method.baseTag, appendPlatform(spec));
    const pub = await publishBaseConfig(client, method.baseTag, manifest, await configBlob(client, manifest));
    if (pub.published) log.info(`image ${spec.key}: published ${configTagOf(method.baseTag)} (the base's config)`);
    else log.info(`image ${spec.key}: ${configTagOf(method.baseTag)} not published: ${pub.why}`);
  } catch (err) {
    log.info(`image ${spec.key}: ${configTagOf(method.baseTag)} not published: ${(err as Error).message}`);
  }
}

export async function appendOne(input: AppendOneInput): Promise<AppendOneOutput> {
  const { spec, repo, method } = input;
  const client = clientOf(input);
  const layers = await Promise.all(method.copies.map((c) => copyEntries(spec.contextDir, c)));
  input.log.info(
    `image ${spec.key}: appending ${method.files} file(s) to ${repo.uri}:${method.baseTag} through the registry (no docker)`,
  );
  const out = await appendTail({
    client,
    base: method.baseTag,
    platform: appendPlatform(spec),
    steps: method.tail.steps,
    layers,
    args: method.tail.args,
    escape: method.tail.escape,
    cmdSetInBase: method.tail.cmdSetInBase,
    tags: input.tags,
    note: (line) => input.log.info(`image ${spec.key}: ${line}`),
  });
  return { digest: out.digest, stats: out.stats, layers: out.layers.length };
}

export interface TailCheckInput {
  spec: ImageSpec;
  repo: RepositoryInfo;
  method: AppendMethod;
  session: DockerSession;
  exec: Exec;
  log: Log;
}

/** The last USER of the tail, if it sets one: fluentd then reads the files as the image runs. */
function tailUser(method: AppendMethod): string | undefined {
  const users = method.tail.steps.filter((s) => s.kind === 'meta' && s.keyword === 'user');
  const last = users[users.length - 1];
  return last && last.kind === 'meta' ? last.args.trim() : undefined;
}

/** `fluentd --dry-run` in the base image with the tail's files mounted where COPY puts them. */
export async function checkTailWithFluentd(input: TailCheckInput): Promise<Finding[]> {
  const { spec, repo, method, session, exec, log } = input;
  if (!spec.fluentdCheck) return [];
  const image = `${repo.uri}:${method.baseTag}`;
  const present = await exec('docker', ['image', 'inspect', '--format', '{{.Id}}', image], { env: session.env });
  if (present.exitCode !== 0) {
    log.info(`docker pull ${image} (for the Fluentd dry run)`);
    await runChecked(exec, 'docker', ['pull', image], { step: `docker pull of ${image}`, env: session.env });
  }
  const mounts = method.copies.flatMap((c) =>
    [...c.targets].map(([target, source]) => ({ source: path.join(spec.contextDir, source), target })),
  );
  const user = tailUser(method);
  return fluentdDryRun({
    ...spec.fluentdCheck,
    image,
    exec,
    log,
    dockerEnv: session.env,
    mounts,
    ...(user ? { user } : {}),
  });
}
