/**
 * The append path of one image: build and push `base-<hash>` with docker only when ECR lacks it,
 * check a Fluentd tail in the base (when an engine is there), then append the tail through the
 * registry. A config-only change, the common case, touches no Docker daemon at all, and reads no
 * blob: the base's config is published beside it as `base-<hash>-config` when docker pushes it.
 */
import { pushedMeanwhile } from './build-one.js';
import { existsSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { Finding } from '../checks/findings.js';
import type { Exec } from '../exec.js';
import type { Log } from '../log.js';
import { describeMethod } from './append-plan.js';
import { type AppendMethod, appendOne, checkTailWithFluentd, publishBaseConfigOf } from './append-one.js';
import type { Builder } from './builder.js';
import { buildOne } from './build-one.js';
import type { DockerSession } from './docker-session.js';
import type { RegistryAuth, RepositoryInfo } from './ecr.js';
import type { ImageResult, ImageSpec } from './types.js';

export interface BuildAppendedInput {
  spec: ImageSpec;
  repo: RepositoryInfo;
  method: AppendMethod;
  tags: readonly string[];
  auth: RegistryAuth;
  exec: Exec;
  log: Log;
  ecr: ECRClient;
  /** Open only when a Docker engine is needed and there. */
  session: DockerSession | undefined;
  builder: Builder | undefined;
  /** ECR lacks `base-<hash>`: docker builds and pushes it first. */
  buildBase: boolean;
  checkFluentd: boolean;
  fetch?: typeof fetch;
}

export interface BuildAppendedOutput {
  digest: string | undefined;
  blocked: boolean;
  findings: Finding[];
  result: Partial<ImageResult>;
}

/** Whether a Docker engine answers (`docker version` reaches the daemon). */
export async function dockerEngineUp(exec: Exec, env: NodeJS.ProcessEnv): Promise<boolean> {
  const pass = Object.fromEntries(
    ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CONFIG'].map((k) => [k, env[k]]),
  );
  const res = await exec('docker', ['version', '--format', '{{.Server.Version}}'], { env: pass }).catch(
    () => undefined,
  );
  return res !== undefined && res.exitCode === 0 && res.stdout.trim() !== '';
}

/** The base part as its own Dockerfile, beside the session's config (and its .dockerignore, for BuildKit). */
async function writeBaseDockerfile(spec: ImageSpec, method: AppendMethod, session: DockerSession): Promise<string> {
  const file = path.join(session.configDir, `${spec.key.replace(/[^A-Za-z0-9_.-]/g, '_')}.base.Dockerfile`);
  await writeFile(file, method.tail.baseText);
  if (existsSync(`${spec.dockerfile}.dockerignore`))
    await copyFile(`${spec.dockerfile}.dockerignore`, `${file}.dockerignore`);
  return file;
}

async function buildBase(input: BuildAppendedInput): Promise<void> {
  const { spec, method, session, builder, log } = input;
  if (!session || !builder)
    throw new Error(`base ${method.baseTag} is not in ECR and there is no Docker engine to build it`);
  log.info(
    `image ${spec.key}: ${method.baseTag} is not in ECR: building the base part of ${path.basename(spec.dockerfile)} with docker`,
  );
  const dockerfile = await writeBaseDockerfile(spec, method, session);
  const { target: _target, fluentdCheck: _check, ...rest } = spec;
  await buildOne({
    ...input,
    spec: { ...rest, dockerfile },
    builder,
    session,
    tags: [method.baseTag],
    checkFluentd: false,
  });
  await publishBaseConfigOf({
    spec,
    repo: input.repo,
    method,
    auth: input.auth,
    log,
    ...(input.fetch ? { fetch: input.fetch } : {}),
  });
}

export async function buildAppended(input: BuildAppendedInput): Promise<BuildAppendedOutput> {
  const { spec, method, session, log } = input;
  if (input.buildBase) await buildBase(input);
  let findings: Finding[] = [];
  let check: string | undefined;
  if (spec.fluentdCheck) {
    if (!input.checkFluentd) check = 'skipped: switched off';
    else if (!session) {
      check = 'skipped: no Docker engine to run fluentd --dry-run in the base image';
      log.warning(
        `image ${spec.key}: fluentd --dry-run ${check.slice('skipped: '.length)}; only the static checks ran`,
      );
    } else {
      findings = await checkTailWithFluentd({ spec, repo: input.repo, method, session, exec: input.exec, log });
      check = 'ran';
      if (findings.some((f) => f.severity === 'error')) {
        log.warning(`image ${spec.key} was not appended: fluentd rejects its config`);
        return {
          digest: undefined,
          blocked: true,
          findings,
          result: { method: describeMethod(method), fluentdDryRun: check },
        };
      }
    }
  }
  // As for docker builds: another run may have pushed the same content tag while this one checked.
  const meanwhile = await pushedMeanwhile(input);
  if (meanwhile) return { digest: meanwhile, blocked: false, findings, result: { method: describeMethod(method) } };
  const out = await appendOne({
    spec,
    repo: input.repo,
    method,
    tags: input.tags,
    auth: input.auth,
    log,
    ...(input.fetch ? { fetch: input.fetch } : {}),
  });
  const read = out.stats.blobsDownloaded === 0 ? 'no blob' : 'no base layer';
  log.info(
    `image ${spec.key}: pushed ${input.repo.uri}@${out.digest} (${out.stats.bytesUploaded} bytes uploaded, ${read} downloaded)`,
  );
  return {
    digest: out.digest,
    blocked: false,
    findings,
    result: {
      method: describeMethod(method),
      appended: true,
      bytesPushed: out.stats.bytesUploaded,
      blobsDownloaded: out.stats.blobsDownloaded,
      ...(check ? { fluentdDryRun: check } : {}),
    },
  };
}
