/** The images' half of the plan: what git says changed (offline), or what ECR holds (live). Pure. */
import { contentTag } from '../images/content-hash.js';
import { isImmutable } from '../images/ecr.js';
import { imagePlan, type Prepared } from './prepare.js';
import { ecrRegistry, OFFLINE_DIGEST } from './placeholders.js';
import type { ChangedFiles, ImagePlan, LiveState } from './types.js';

/** Stable codes of the plan's own problems (docs/checks.md). */
export const PLAN_CODES = { missingRepository: 'plan/missing-repository', immutableTag: 'plan/immutable-tag' } as const;

export interface ImagesInput {
  prepared: Prepared;
  changed: ChangedFiles;
  rebuild?: boolean;
  /** Image key -> how a build would make it (layer append or docker build), when known. */
  methods?: Record<string, string>;
}

/** The method line of an image that would be built, when the gathered inputs say. */
function methodOf(input: ImagesInput, key: string, action: ImagePlan['action']): { method?: string } {
  const method = action === 'build' ? input.methods?.[key] : undefined;
  return method ? { method } : {};
}

function describeChange(img: Prepared['images'][number], changed: ChangedFiles): string {
  if (changed.kind === 'all') {
    return `${changed.reason}: the deploy builds it unless ECR already has ${contentTag(img.spec.contentHash)}`;
  }
  if (img.inputsChanged) {
    const more = img.changedInputs.length > 5 ? `, +${img.changedInputs.length - 5} more` : '';
    return `inputs changed: ${img.changedInputs.slice(0, 5).join(', ')}${more}`;
  }
  return 'no input changed since the base commit';
}

export function offlineImages(input: ImagesInput, registry: string): ImagePlan[] {
  return input.prepared.images.map((img) => {
    const action = input.rebuild || img.inputsChanged !== false ? 'build' : 'unknown';
    return imagePlan(img, {
      action,
      reason: input.rebuild ? 'rebuild requested' : describeChange(img, input.changed),
      repositoryUri: `${registry}/${img.spec.repository}`,
      ...methodOf(input, img.spec.key, action),
    });
  });
}

/** Each image as ECR has it; `problems` would stop the deploy (a missing repository, a blocked rebuild). */
export function liveImages(input: ImagesInput, live: LiveState): { images: ImagePlan[]; problems: string[] } {
  const problems: string[] = [];
  const create = input.prepared.project.deploy.createRepositories;
  const images = input.prepared.images.map((img): ImagePlan => {
    const { key, repository } = img.spec;
    const tag = contentTag(img.spec.contentHash);
    const st = live.images[key];
    const why = describeChange(img, input.changed);
    if (!st?.repository) {
      const named = `ECR repository "${repository}"`;
      const reason = create
        ? `${named} will be created (deploy.createRepositories), then ${tag} built and pushed (${why})`
        : `${named} is missing: create it or set deploy.createRepositories: true`;
      if (!create) problems.push(`image ${key}: ${reason} [${PLAN_CODES.missingRepository}]`);
      const repositoryState = create ? 'will-be-created' : 'missing';
      return { ...imagePlan(img, { action: 'build', reason, ...methodOf(input, key, 'build') }), repositoryState };
    }
    const repo = st.repository;
    if (st.image && !input.rebuild) {
      const reason = `${tag} is already in ECR: reused, not rebuilt`;
      const decision = { action: 'reuse' as const, reason, repositoryUri: repo.uri, digest: st.image.digest };
      return { ...imagePlan(img, decision), repositoryState: 'exists' };
    }
    if (st.image && isImmutable(repo.tagMutability)) {
      problems.push(
        `image ${key}: a rebuild cannot replace ${repo.uri}:${tag}: repository "${repo.name}" has immutable tags; ` +
          `delete that image in ECR first, or deploy without rebuild [${PLAN_CODES.immutableTag}]`,
      );
    }
    const reason = `${input.rebuild ? 'rebuild requested' : `${tag} is not in ECR`} (${why})`;
    const decision = { action: 'build' as const, reason, repositoryUri: repo.uri, ...methodOf(input, key, 'build') };
    return { ...imagePlan(img, decision), repositoryState: 'exists' };
  });
  return { images, problems };
}

/** Image key -> the reference a task definition pins: the known digest, else a placeholder one. */
export function imageRefs(
  images: readonly ImagePlan[],
  account: string | undefined,
  region: string | undefined,
): Record<string, string> {
  const uri = (i: ImagePlan): string => i.repositoryUri ?? `${ecrRegistry(account, region)}/${i.repository}`;
  return Object.fromEntries(images.map((i) => [i.key, `${uri(i)}@${i.digest ?? OFFLINE_DIGEST}`]));
}
