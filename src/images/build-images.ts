/**
 * The image step of a deploy. For each image: find its repository (creating it if allowed),
 * and if the repository already holds the content-hash tag, reuse that digest and do nothing
 * else — which is also what makes re-runs against IMMUTABLE repositories work. Otherwise log in
 * with an ECR password (stdin, masked, in a temporary DOCKER_CONFIG), build, check (Fluentd),
 * push, and report the digest. Independent images build in parallel; one failing does not
 * abandon the others halfway, and every failure is reported once, together.
 */
import type { Finding } from '../checks/findings.js';
import { runProcess } from '../exec.js';
import { type ImageMethod, describeMethod, imageMethod } from './append-plan.js';
import { type AppendMethod } from './append-one.js';
import { buildAppended, dockerEngineUp } from './build-appended.js';
import { type Builder, detectBuilder } from './builder.js';
import { buildOne } from './build-one.js';
import { contentTag } from './content-hash.js';
import { closeDockerSession, type DockerSession, openDockerSession } from './docker-session.js';
import {
  type RegistryAuth,
  type RepositoryInfo,
  createRepository,
  describeRepository,
  findImageByTag,
  getRegistryAuth,
  hostOf,
  isImmutable,
} from './ecr.js';
import {
  type BuildImagesOptions,
  type BuildImagesResult,
  ImageBuildError,
  type ImageResult,
  type ImageSpec,
} from './types.js';
import { appendAll } from '../checks/findings.js';

/** Docker's tag grammar. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

function repoKey(spec: Pick<ImageSpec, 'repository' | 'registryId'>): string {
  return `${spec.registryId ?? ''}/${spec.repository}`;
}

/**
 * The commit tag. Two images sharing one repository would fight over a bare `<sha>` tag (and
 * the second push fails on an immutable repository), so there it is `<key>-<sha>`.
 */
export function commitTag(spec: ImageSpec, gitSha: string, shared: boolean): string | undefined {
  if (!gitSha) return undefined;
  const tag = shared ? `${spec.key}-${gitSha}` : gitSha;
  return TAG.test(tag) ? tag : undefined;
}

interface Resolved {
  spec: ImageSpec;
  repo: RepositoryInfo | undefined;
  created: boolean;
  contentTag: string;
  commitTag: string | undefined;
  existing: { digest: string; tags: string[] } | undefined;
}

async function resolveRepositories(
  opts: BuildImagesOptions,
): Promise<Map<string, { repo: RepositoryInfo | undefined; created: boolean }>> {
  const ecr = opts.clients.ecr;
  const unique = new Map<string, ImageSpec>();
  for (const s of opts.images) if (!unique.has(repoKey(s))) unique.set(repoKey(s), s);
  const out = new Map<string, { repo: RepositoryInfo | undefined; created: boolean }>();
  await Promise.all(
    [...unique.entries()].map(async ([k, s]) => {
      const ref = { name: s.repository, registryId: s.registryId };
      const found = await describeRepository(ecr, ref);
      if (found) return void out.set(k, { repo: found, created: false });
      if (!opts.createRepositories) {
        throw new ImageBuildError([
          {
            key: s.key,
            message: `ECR repository "${s.repository}" does not exist${s.registryId ? ` in registry ${s.registryId}` : ''}; create it or allow the deploy to create missing repositories`,
          },
        ]);
      }
      if (opts.dryRun) return void out.set(k, { repo: undefined, created: false });
      opts.log.info(`creating ECR repository ${s.repository} (immutable tags, scan on push)`);
      out.set(k, { repo: await createRepository(ecr, ref), created: true });
    }),
  );
  return out;
}

/** Which registry password serves which host: ECR's proxyEndpoint host, or the only one there is. */
export function pickAuth(host: string, auths: readonly RegistryAuth[]): RegistryAuth | undefined {
  return auths.find((a) => a.host === host) ?? (auths.length === 1 ? auths[0] : undefined);
}

function reusedResult(r: Resolved, repo: RepositoryInfo, existing: { digest: string; tags: string[] }): ImageResult {
  return {
    key: r.spec.key,
    repository: r.spec.repository,
    repositoryUri: repo.uri,
    contentTag: r.contentTag,
    tags: existing.tags,
    digest: existing.digest,
    imageRef: `${repo.uri}@${existing.digest}`,
    action: 'reused',
    built: false,
    pushed: false,
    reusedBecause: `${repo.uri}:${r.contentTag} already exists (same inputs), so it was neither built nor pushed`,
    repositoryCreated: r.created || undefined,
  };
}

export async function buildImages(opts: BuildImagesOptions): Promise<BuildImagesResult> {
  const { log } = opts;
  const exec = opts.exec ?? runProcess;
  const ecr = opts.clients.ecr;
  const keys = new Set<string>();
  for (const s of opts.images) {
    if (keys.has(s.key)) throw new ImageBuildError([{ key: s.key, message: 'the same image key is listed twice' }]);
    keys.add(s.key);
  }
  if (opts.images.length === 0) return { images: [], findings: [] };

  const repos = await resolveRepositories(opts);
  const perRepo = new Map<string, number>();
  for (const s of opts.images) perRepo.set(repoKey(s), (perRepo.get(repoKey(s)) ?? 0) + 1);

  const resolved: Resolved[] = await Promise.all(
    opts.images.map(async (spec) => {
      const r = repos.get(repoKey(spec));
      const tag = contentTag(spec.contentHash);
      const existing = r?.repo
        ? await findImageByTag(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag })
        : undefined;
      return {
        spec,
        repo: r?.repo,
        created: r?.created ?? false,
        contentTag: tag,
        commitTag: commitTag(spec, opts.gitSha, (perRepo.get(repoKey(spec)) ?? 0) > 1),
        existing,
      };
    }),
  );

  const methods = new Map<string, ImageMethod>();
  await Promise.all(
    resolved
      .filter((r) => !(r.existing && r.repo && !opts.rebuild))
      .map(
        async (r) =>
          void methods.set(
            r.spec.key,
            opts.append === false ? { kind: 'docker', reason: 'layer append switched off' } : await imageMethod(r.spec),
          ),
      ),
  );
  const results = new Map<string, ImageResult>();
  const toBuild: Array<Resolved & { repo: RepositoryInfo }> = [];
  for (const r of resolved) {
    if (r.existing && r.repo && !opts.rebuild) {
      results.set(r.spec.key, reusedResult(r, r.repo, r.existing));
      log.info(`image ${r.spec.key}: ${r.repo.uri}:${r.contentTag} already in ECR, reusing ${r.existing.digest}`);
      continue;
    }
    if (r.existing && r.repo && opts.rebuild && isImmutable(r.repo.tagMutability)) {
      throw new ImageBuildError([
        {
          key: r.spec.key,
          message: `a rebuild cannot replace ${r.repo.uri}:${r.contentTag}: repository "${r.repo.name}" has immutable tags; delete that image in ECR first, or deploy without rebuild`,
        },
      ]);
    }
    if (opts.dryRun || !r.repo) {
      results.set(r.spec.key, {
        key: r.spec.key,
        repository: r.spec.repository,
        repositoryUri: r.repo?.uri,
        contentTag: r.contentTag,
        tags: [r.contentTag, ...(r.commitTag ? [r.commitTag] : [])],
        digest: undefined,
        imageRef: undefined,
        action: 'would-build',
        built: false,
        pushed: false,
        wouldCreateRepository: r.repo ? undefined : true,
        method: await plannedMethod(ecr, r, methods.get(r.spec.key), opts),
      });
      continue;
    }
    toBuild.push({ ...r, repo: r.repo });
  }

  const findings: Finding[] = [];
  if (toBuild.length > 0) {
    await buildAll({ opts, exec, toBuild, results, findings, methods });
  }
  return { images: opts.images.map((s) => results.get(s.key) as ImageResult), findings };
}

interface BuildAllInput {
  opts: BuildImagesOptions;
  exec: NonNullable<BuildImagesOptions['exec']>;
  toBuild: Array<Resolved & { repo: RepositoryInfo }>;
  results: Map<string, ImageResult>;
  findings: Finding[];
  methods: ReadonlyMap<string, ImageMethod>;
}

/** What a dry run says about how the image would be made; a missing base means docker builds it first. */
async function plannedMethod(
  ecr: BuildImagesOptions['clients']['ecr'],
  r: Pick<Resolved, 'spec' | 'repo'>,
  m: ImageMethod | undefined,
  opts: Pick<BuildImagesOptions, 'rebuild' | 'fluentdDryRun' | 'exec' | 'env'>,
): Promise<string | undefined> {
  if (!m) return undefined;
  if (m.kind === 'docker' || !r.repo) return describeMethod(m);
  const base = opts.rebuild
    ? undefined
    : await findImageByTag(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag: m.baseTag });
  const how = base
    ? `${describeMethod(m)} on ${m.baseTag}`
    : `docker build of the base ${m.baseTag} (not in ECR yet), then ${describeMethod(m)}`;
  if (!r.spec.fluentdCheck) return how;
  if (opts.fluentdDryRun === false) return `${how}; fluentd --dry-run switched off`;
  // The dry run needs an engine; without one the deploy appends anyway and says the check was skipped.
  const engine = !base || (await dockerEngineUp(opts.exec ?? runProcess, opts.env ?? process.env));
  return `${how}; fluentd --dry-run ${engine ? 'in the base image with the new files mounted' : 'skipped: no Docker engine'}`;
}

/**
 * How a live plan says the image would be made, from ECR's base tag and (for Fluentd) whether a Docker
 * engine answers: the same words the deploy's dry run uses. Read-only.
 */
export async function plannedImageMethod(
  opts: Pick<BuildImagesOptions, 'clients' | 'rebuild' | 'fluentdDryRun' | 'exec' | 'env'>,
  spec: ImageSpec,
  repo: RepositoryInfo | undefined,
): Promise<string | undefined> {
  return plannedMethod(opts.clients.ecr, { spec, repo }, await imageMethod(spec), opts);
}

function appendMethodOf(methods: ReadonlyMap<string, ImageMethod>, key: string): AppendMethod | undefined {
  const m = methods.get(key);
  return m?.kind === 'append' ? m : undefined;
}

/** One password per registry host, masked before anything can print it. */
async function registryLogins(
  opts: BuildImagesOptions,
  toBuild: BuildAllInput['toBuild'],
): Promise<{ auths: RegistryAuth[]; logins: RegistryAuth[] }> {
  const registryIds = [...new Set(toBuild.map((r) => r.spec.registryId).filter((x): x is string => Boolean(x)))];
  const auths = await getRegistryAuth(opts.clients.ecr, registryIds);
  for (const a of auths) {
    opts.log.mask(a.password);
    opts.log.mask(Buffer.from(`${a.username}:${a.password}`).toString('base64'));
  }
  const logins: RegistryAuth[] = [];
  for (const host of new Set(toBuild.map((r) => hostOf(r.repo.uri)))) {
    const auth = pickAuth(host, auths);
    if (!auth) {
      const key = toBuild.find((r) => hostOf(r.repo.uri) === host)?.spec.key ?? '?';
      throw new ImageBuildError([{ key, message: `ECR gave no authorization for registry ${host}` }]);
    }
    logins.push({ ...auth, host });
  }
  return { auths, logins };
}

/** Appended images whose `base-<hash>` docker must build first: missing in ECR, or a rebuild where tags can move. */
async function basesToBuild(input: BuildAllInput): Promise<Set<string>> {
  const { opts, methods } = input;
  const needsBase = new Set<string>();
  await Promise.all(
    input.toBuild.map(async (r) => {
      const m = appendMethodOf(methods, r.spec.key);
      if (!m) return;
      const base = await findImageByTag(opts.clients.ecr, {
        name: r.repo.name,
        registryId: r.repo.registryId,
        tag: m.baseTag,
      });
      const immutable = isImmutable(r.repo.tagMutability);
      if (base && opts.rebuild && immutable)
        opts.log.info(`image ${r.spec.key}: keeping ${m.baseTag}: ${r.repo.name} has immutable tags`);
      if (!base || (opts.rebuild && !immutable)) needsBase.add(r.spec.key);
    }),
  );
  return needsBase;
}

interface Engine {
  session: DockerSession | undefined;
  builder: Builder | undefined;
}

/**
 * Docker is needed only for what the registry cannot do: whole builds, missing bases, and a
 * Fluentd check (which runs when an engine answers, and is reported as skipped when none does).
 */
async function openEngine(
  input: BuildAllInput,
  logins: RegistryAuth[],
  needsBase: ReadonlySet<string>,
): Promise<Engine> {
  const { opts, exec, methods, toBuild } = input;
  const appended = toBuild.filter((r) => appendMethodOf(methods, r.spec.key));
  const wholeBuilds = toBuild.length - appended.length + needsBase.size;
  const wantsCheck = opts.fluentdDryRun !== false && appended.some((r) => r.spec.fluentdCheck);
  const up = wholeBuilds > 0 || (wantsCheck && (await dockerEngineUp(exec, opts.env ?? process.env)));
  if (!up) return { session: undefined, builder: undefined };
  const session = await openDockerSession({ exec, log: opts.log, logins, env: opts.env });
  if (wholeBuilds === 0) return { session, builder: undefined };
  try {
    const builder = await detectBuilder({ exec, dockerEnv: session.env, env: opts.env });
    opts.log.info(
      builder.kind === 'buildx'
        ? `building with docker buildx (driver ${builder.driver ?? 'unknown'}${builder.ghaCache ? ', GitHub Actions cache' : ''})`
        : 'docker buildx is not available: building with docker build and pushing with docker push',
    );
    return { session, builder };
  } catch (err) {
    await closeDockerSession(session);
    throw err;
  }
}

async function buildAll(input: BuildAllInput): Promise<void> {
  const { toBuild } = input;
  const { auths, logins } = await registryLogins(input.opts, toBuild);
  const needsBase = await basesToBuild(input);
  const engine = await openEngine(input, logins, needsBase);
  try {
    const settled = await Promise.allSettled(toBuild.map((r) => makeOne(input, r, { ...engine, auths, needsBase })));
    const failures = settled.flatMap((s, i) =>
      s.status === 'rejected'
        ? [
            {
              key: toBuild[i]?.spec.key ?? '?',
              message: s.reason instanceof Error ? s.reason.message : String(s.reason),
            },
          ]
        : [],
    );
    if (failures.length > 0) throw new ImageBuildError(failures);
  } finally {
    if (engine.session) await closeDockerSession(engine.session);
  }
}

/** One image: appended through the registry when its Dockerfile splits, else built by docker. */
async function makeOne(
  input: BuildAllInput,
  r: BuildAllInput['toBuild'][number],
  ctx: Engine & { auths: RegistryAuth[]; needsBase: ReadonlySet<string> },
): Promise<void> {
  const { opts, exec, results, findings, methods } = input;
  const { log } = opts;
  const ecr = opts.clients.ecr;
  const tags = await tagsFor(r, ecr, log);
  const checkFluentd = opts.fluentdDryRun !== false && r.spec.fluentdCheck !== undefined;
  const m = appendMethodOf(methods, r.spec.key);
  if (m) {
    const out = await buildAppended({
      spec: r.spec,
      repo: r.repo,
      method: m,
      tags,
      auth: pickAuth(hostOf(r.repo.uri), ctx.auths) as RegistryAuth,
      exec,
      log,
      ecr,
      session: ctx.session,
      builder: ctx.builder,
      buildBase: ctx.needsBase.has(r.spec.key),
      checkFluentd,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    appendAll(findings, out.findings);
    results.set(r.spec.key, { ...builtResult(r, out.digest, tags, out.blocked), ...out.result });
    return;
  }
  const { session, builder } = ctx;
  if (!session || !builder) throw new Error('no Docker engine session for a docker build');
  const out = await buildOne({ spec: r.spec, repo: r.repo, tags, builder, session, exec, log, ecr, checkFluentd });
  appendAll(findings, out.findings);
  const method = methods.get(r.spec.key);
  results.set(r.spec.key, {
    ...builtResult(r, out.digest, out.pushedTags, out.blocked),
    builder: builder.kind,
    ...(method ? { method: describeMethod(method) } : {}),
    ...(r.spec.fluentdCheck ? { fluentdDryRun: checkFluentd ? 'ran' : 'skipped: switched off' } : {}),
  });
  if (out.digest) log.info(`image ${r.spec.key}: pushed ${r.repo.uri}@${out.digest}`);
}

/** The content tag, and the commit tag unless an immutable repository already has it. */
async function tagsFor(
  r: Resolved & { repo: RepositoryInfo },
  ecr: BuildImagesOptions['clients']['ecr'],
  log: BuildImagesOptions['log'],
): Promise<string[]> {
  const tags = [r.contentTag];
  if (!r.commitTag) return tags;
  // An immutable repository refuses to move a tag: skip a commit tag that is already taken.
  const taken =
    isImmutable(r.repo.tagMutability) &&
    (await findImageByTag(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag: r.commitTag }));
  if (taken)
    log.info(
      `image ${r.spec.key}: tag ${r.commitTag} already exists in immutable ${r.repo.name}; pushing only ${r.contentTag}`,
    );
  else tags.push(r.commitTag);
  return tags;
}

function builtResult(
  r: Resolved & { repo: RepositoryInfo },
  digest: string | undefined,
  tags: string[],
  blocked: boolean,
): ImageResult {
  return {
    key: r.spec.key,
    repository: r.spec.repository,
    repositoryUri: r.repo.uri,
    contentTag: r.contentTag,
    tags: blocked ? [] : tags,
    digest,
    imageRef: digest ? `${r.repo.uri}@${digest}` : undefined,
    action: blocked ? 'blocked' : 'built',
    built: true,
    pushed: !blocked,
    repositoryCreated: r.created || undefined,
  };
}
