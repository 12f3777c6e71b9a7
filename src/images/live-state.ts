/**
 * What ECR holds for the images a plan is about: each repository (or its absence) and whether it
 * already has the image's content tag. Read only: nothing is created, built or pushed here. The
 * plan (src/plan) decides from this data what a deploy would do; a missing repository is an
 * answer, not an error.
 */
import type { ECRClient } from '@aws-sdk/client-ecr';
import { contentTag } from './content-hash.js';
import { describeRepository, findImageByTag, type ImageInEcr, type RepositoryInfo } from './ecr.js';

export interface ImageLiveState {
  /** Undefined: ECR says the repository does not exist. */
  repository: RepositoryInfo | undefined;
  /** The image under the content tag, when the repository has it. */
  image: ImageInEcr | undefined;
}

export interface ImageQuery {
  key: string;
  repository: string;
  registryId?: string;
  contentHash: string;
}

/** Image key -> what ECR holds. Each repository is described once, however many images share it. */
export async function lookUpImages(
  ecr: ECRClient,
  images: readonly ImageQuery[],
): Promise<Record<string, ImageLiveState>> {
  const repos = new Map<string, Promise<RepositoryInfo | undefined>>();
  const repoOf = (q: ImageQuery): Promise<RepositoryInfo | undefined> => {
    const k = `${q.registryId ?? ''}/${q.repository}`;
    let p = repos.get(k);
    if (!p) {
      p = describeRepository(ecr, { name: q.repository, ...(q.registryId ? { registryId: q.registryId } : {}) });
      repos.set(k, p);
    }
    return p;
  };
  const entries = await Promise.all(
    images.map(async (q): Promise<[string, ImageLiveState]> => {
      const repository = await repoOf(q);
      const image = repository
        ? await findImageByTag(ecr, {
            name: repository.name,
            ...(repository.registryId ? { registryId: repository.registryId } : {}),
            tag: contentTag(q.contentHash),
          })
        : undefined;
      return [q.key, { repository, image }];
    }),
  );
  return Object.fromEntries(entries);
}
