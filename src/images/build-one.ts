/**
 * Building and pushing one image, given a logged-in docker session and a chosen builder.
 * buildx pushes itself (`--push`), except for an image that fluentd must check first: that one
 * is loaded into the engine, checked, and only then pushed. The classic builder always builds
 * locally, so the check sits naturally between `docker build` and `docker push`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { Finding } from '../checks/findings.js';
import { type Exec, runChecked } from '../exec.js';
import type { Log } from '../log.js';
import type { Builder } from './builder.js';
import {
  buildxBuildArgv,
  digestFromMetadata,
  digestFromPushOutput,
  digestFromRepoDigests,
  isLegacyBuilderNotice,
  legacyBuildArgv,
  pushArgv,
  repoDigestsArgv,
} from './docker-argv.js';
import type { DockerSession } from './docker-session.js';
import { type RepositoryInfo, findImageByTag } from './ecr.js';
import { fluentdDryRun } from './fluentd-dry-run.js';
import type { ImageSpec } from './types.js';

export interface BuildOneInput {
  spec: ImageSpec;
  repo: RepositoryInfo;
  /** Tags to push, the content tag first. */
  tags: readonly string[];
  builder: Builder;
  session: DockerSession;
  exec: Exec;
  log: Log;
  ecr: ECRClient;
  /** Run the image's fluentd check before pushing (the spec has one and it is switched on). */
  checkFluentd: boolean;
}

export interface BuildOneOutput {
  digest: string | undefined;
  pushedTags: string[];
  findings: Finding[];
  blocked: boolean;
}

function fileSafe(key: string): string {
  return key.replace(/[^A-Za-z0-9_.-]/g, '_');
}

export async function buildOne(input: BuildOneInput): Promise<BuildOneOutput> {
  const { spec, repo, session, exec, log } = input;
  const refs = input.tags.map((t) => `${repo.uri}:${t}`);
  const onLine = (line: string): void => log.debug(`[${spec.key}] ${line}`);
  const base = {
    dockerfile: spec.dockerfile,
    contextDir: spec.contextDir,
    tags: refs,
    buildArgs: spec.buildArgs,
    platform: spec.platform,
    target: spec.target,
  };
  let digest: string | undefined;
  let pushed = false;

  if (input.builder.kind === 'buildx') {
    const metadataFile = path.join(session.configDir, `${fileSafe(spec.key)}.metadata.json`);
    const output = input.checkFluentd ? 'load' : 'push';
    if (output === 'push') {
      const meanwhile = await pushedMeanwhile(input);
      if (meanwhile) return { digest: meanwhile, pushedTags: [], findings: [], blocked: false };
    }
    log.info(`building ${spec.key} with docker buildx (${output}) -> ${refs.join(', ')}`);
    await runChecked(
      exec,
      'docker',
      buildxBuildArgv({ ...base, output, metadataFile, ghaCacheScope: input.builder.ghaCache ? spec.key : undefined }),
      { step: `docker buildx build of image "${spec.key}"`, env: session.env, onLine },
    );
    if (output === 'push') {
      pushed = true;
      digest = digestFromMetadata(await readFile(metadataFile, 'utf8').catch(() => ''));
    }
  } else {
    log.info(`building ${spec.key} with docker build -> ${refs.join(', ')}`);
    await runChecked(exec, 'docker', legacyBuildArgv(base), {
      step: `docker build of image "${spec.key}"`,
      // The CLI would otherwise try BuildKit, which needs the missing buildx plugin.
      env: { ...session.env, DOCKER_BUILDKIT: '0' },
      onLine,
      ignoreLine: isLegacyBuilderNotice,
    });
  }

  let findings: Finding[] = [];
  if (input.checkFluentd && spec.fluentdCheck) {
    findings = await fluentdDryRun({ ...spec.fluentdCheck, image: refs[0] ?? '', exec, log, dockerEnv: session.env });
    if (findings.some((f) => f.severity === 'error')) {
      log.warning(`image ${spec.key} was built but not pushed: fluentd rejects its config`);
      return { digest: undefined, pushedTags: [], findings, blocked: true };
    }
  }

  if (!pushed) {
    const meanwhile = await pushedMeanwhile(input);
    if (meanwhile) return { digest: meanwhile, pushedTags: [], findings, blocked: false };
    for (const [i, ref] of refs.entries()) {
      log.info(`docker push ${ref}`);
      const res = await runChecked(exec, 'docker', pushArgv(ref), {
        step: `docker push of ${ref}`,
        env: session.env,
        onLine,
      });
      if (i === 0) digest = digestFromPushOutput(res.stdout);
    }
    if (!digest && refs[0]) {
      const res = await exec('docker', repoDigestsArgv(refs[0]), { env: session.env });
      if (res.exitCode === 0) digest = digestFromRepoDigests(res.stdout.trim(), repo.uri);
    }
  }
  // Last resort, and the registry's own word: what the content tag points at now.
  if (!digest && input.tags[0]) {
    digest = (await findImageByTag(input.ecr, { name: repo.name, registryId: repo.registryId, tag: input.tags[0] }))
      ?.digest;
  }
  if (!digest) throw new Error(`pushed ${refs[0]} but could not learn its digest from docker or ECR`);
  return { digest, pushedTags: [...input.tags], findings, blocked: false };
}

/**
 * The content tag, looked up again right before a push: another run (a second CI job, a laptop)
 * may have pushed the same inputs while this one was building. Then its digest is reused and
 * nothing is pushed twice. Returns that digest, or undefined to go ahead.
 */
export async function pushedMeanwhile(
  input: Pick<BuildOneInput, 'tags' | 'ecr' | 'repo' | 'log' | 'spec'>,
): Promise<string | undefined> {
  const tag = input.tags[0];
  if (!tag) return undefined;
  const found = await findImageByTag(input.ecr, { name: input.repo.name, registryId: input.repo.registryId, tag });
  if (found) {
    const ref = `${input.repo.uri}:${tag}`;
    input.log.info(
      `image ${input.spec.key}: ${ref} appeared in ECR while this run was building (pushed by another run): ` +
        `not pushing it again, reusing ${found.digest}`,
    );
  }
  return found?.digest;
}
