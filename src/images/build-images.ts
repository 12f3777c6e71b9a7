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
import { detectBuilder } from './builder.js';
import { buildOne } from './build-one.js';
import { contentTag } from './content-hash.js';
import { closeDockerSession, openDockerSession } from './docker-session.js';
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
import { type BuildImagesOptions, type BuildImagesResult, ImageBuildError, type ImageResult, type ImageSpec } from './types.js';
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

async function resolveRepositories(opts: BuildImagesOptions): Promise<Map<string, { repo: RepositoryInfo | undefined; created: boolean }>> {
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
      const existing = r?.repo ? await findImageByTag(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag }) : undefined;
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
      });
      continue;
    }
    toBuild.push({ ...r, repo: r.repo });
  }

  const findings: Finding[] = [];
  if (toBuild.length > 0) {
    await buildAll({ opts, exec, toBuild, results, findings });
  }
  return { images: opts.images.map((s) => results.get(s.key) as ImageResult), findings };
}

interface BuildAllInput {
  opts: BuildImagesOptions;
  exec: NonNullable<BuildImagesOptions['exec']>;
  toBuild: Array<Resolved & { repo: RepositoryInfo }>;
  results: Map<string, ImageResult>;
  findings: Finding[];
}

async function buildAll({ opts, exec, toBuild, results, findings }: BuildAllInput): Promise<void> {
  const { log } = opts;
  const ecr = opts.clients.ecr;
  const registryIds = [...new Set(toBuild.map((r) => r.spec.registryId).filter((x): x is string => Boolean(x)))];
  const auths = await getRegistryAuth(ecr, registryIds);
  for (const a of auths) {
    log.mask(a.password);
    log.mask(Buffer.from(`${a.username}:${a.password}`).toString('base64'));
  }
  const hosts = [...new Set(toBuild.map((r) => hostOf(r.repo.uri)))];
  const logins: RegistryAuth[] = [];
  for (const host of hosts) {
    const auth = pickAuth(host, auths);
    if (!auth) {
      throw new ImageBuildError([
        { key: toBuild.find((r) => hostOf(r.repo.uri) === host)?.spec.key ?? '?', message: `ECR gave no authorization for registry ${host}` },
      ]);
    }
    logins.push({ ...auth, host });
  }

  const session = await openDockerSession({ exec, log, logins, env: opts.env });
  try {
    const builder = await detectBuilder({ exec, dockerEnv: session.env, env: opts.env });
    log.info(
      builder.kind === 'buildx'
        ? `building with docker buildx (driver ${builder.driver ?? 'unknown'}${builder.ghaCache ? ', GitHub Actions cache' : ''})`
        : 'docker buildx is not available: building with docker build and pushing with docker push',
    );
    const settled = await Promise.allSettled(
      toBuild.map(async (r) => {
        const tags = [r.contentTag];
        if (r.commitTag) {
          // An immutable repository refuses to move a tag: skip a commit tag that is already taken.
          const taken =
            isImmutable(r.repo.tagMutability) &&
            (await findImageByTag(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag: r.commitTag }));
          if (taken) log.info(`image ${r.spec.key}: tag ${r.commitTag} already exists in immutable ${r.repo.name}; pushing only ${r.contentTag}`);
          else tags.push(r.commitTag);
        }
        const out = await buildOne({
          spec: r.spec,
          repo: r.repo,
          tags,
          builder,
          session,
          exec,
          log,
          ecr,
          checkFluentd: opts.fluentdDryRun !== false && r.spec.fluentdCheck !== undefined,
        });
        appendAll(findings, out.findings);
        results.set(r.spec.key, {
          key: r.spec.key,
          repository: r.spec.repository,
          repositoryUri: r.repo.uri,
          contentTag: r.contentTag,
          tags: out.blocked ? [] : out.pushedTags,
          digest: out.digest,
          imageRef: out.digest ? `${r.repo.uri}@${out.digest}` : undefined,
          action: out.blocked ? 'blocked' : 'built',
          built: true,
          pushed: !out.blocked,
          repositoryCreated: r.created || undefined,
          builder: builder.kind,
        });
        if (out.digest) log.info(`image ${r.spec.key}: pushed ${r.repo.uri}@${out.digest}`);
      }),
    );
    const failures = settled.flatMap((s, i) =>
      s.status === 'rejected' ? [{ key: toBuild[i]?.spec.key ?? '?', message: s.reason instanceof Error ? s.reason.message : String(s.reason) }] : [],
    );
    if (failures.length > 0) throw new ImageBuildError(failures);
  } finally {
    await closeDockerSession(session);
  }
}
