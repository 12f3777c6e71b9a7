/**
 * What the image step asks ECR: where a repository lives (`repositoryUri`), whether it already
 * holds a tag, and a registry password. Registry hosts always come from ECR's own answers
 * (`repositoryUri`, `proxyEndpoint`), never from account and region, so custom endpoints
 * (LocalStack, the tests' 127.0.0.1) work unchanged.
 */
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  type ECRClient,
  GetAuthorizationTokenCommand,
  type Repository,
} from '@aws-sdk/client-ecr';
import { awsErrorName } from '../aws.js';

export interface RepositoryInfo {
  name: string;
  /** `<host>/<name>`, exactly as ECR reports it. */
  uri: string;
  registryId: string | undefined;
  /** `MUTABLE`, `IMMUTABLE`, or one of the `*_WITH_EXCLUSION` variants. */
  tagMutability: string;
}

export interface RegistryAuth {
  /** Bare host (`123.dkr.ecr.region.amazonaws.com`, `127.0.0.1:5000`), as image references name it. */
  host: string;
  username: string;
  password: string;
}

export interface ImageInEcr {
  digest: string;
  tags: string[];
}

/** Step, resource and cause: an AWS error that says where it happened. */
export class EcrError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'EcrError';
  }
}

function wrap(step: string, err: unknown): EcrError {
  const name = awsErrorName(err) ?? 'Error';
  const msg = err instanceof Error ? err.message : String(err);
  return new EcrError(`ECR ${step} failed: ${name}: ${msg}`, name);
}

/** Immutable tags cannot be overwritten; the `_WITH_EXCLUSION` variant is immutable except for listed patterns. */
export function isImmutable(tagMutability: string): boolean {
  return tagMutability.startsWith('IMMUTABLE');
}

function toInfo(r: Repository, name: string, registryId: string | undefined): RepositoryInfo {
  if (!r.repositoryUri)
    throw new EcrError(`ECR answered no repositoryUri for repository "${name}"`, 'MissingRepositoryUri');
  return {
    name,
    uri: r.repositoryUri,
    registryId: r.registryId ?? registryId,
    tagMutability: r.imageTagMutability ?? 'MUTABLE',
  };
}

export interface RepositoryRef {
  name: string;
  registryId?: string;
}

/** The repository, or undefined when ECR says it does not exist. */
export async function describeRepository(ecr: ECRClient, ref: RepositoryRef): Promise<RepositoryInfo | undefined> {
  try {
    const out = await ecr.send(
      new DescribeRepositoriesCommand({ repositoryNames: [ref.name], registryId: ref.registryId }),
    );
    const r = out.repositories?.find((x) => x.repositoryName === ref.name) ?? out.repositories?.[0];
    return r ? toInfo(r, ref.name, ref.registryId) : undefined;
  } catch (err) {
    if (awsErrorName(err) === 'RepositoryNotFoundException') return undefined;
    throw wrap(`DescribeRepositories for "${ref.name}"`, err);
  }
}

/**
 * Creates a missing repository the way a deploy pipeline wants it: immutable tags (a content
 * tag or a commit tag must never silently point somewhere else) and scan on push.
 */
export async function createRepository(ecr: ECRClient, ref: RepositoryRef): Promise<RepositoryInfo> {
  try {
    const out = await ecr.send(
      new CreateRepositoryCommand({
        repositoryName: ref.name,
        registryId: ref.registryId,
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
      }),
    );
    if (!out.repository)
      throw new EcrError(`ECR CreateRepository for "${ref.name}" answered no repository`, 'MissingRepository');
    return toInfo(out.repository, ref.name, ref.registryId);
  } catch (err) {
    if (err instanceof EcrError) throw err;
    throw wrap(`CreateRepository for "${ref.name}"`, err);
  }
}

/** The image a tag points at, or undefined when the repository has no such tag. */
export async function findImageByTag(
  ecr: ECRClient,
  ref: RepositoryRef & { tag: string },
): Promise<ImageInEcr | undefined> {
  try {
    const out = await ecr.send(
      new DescribeImagesCommand({
        repositoryName: ref.name,
        registryId: ref.registryId,
        imageIds: [{ imageTag: ref.tag }],
      }),
    );
    const d = out.imageDetails?.[0];
    if (!d?.imageDigest) return undefined;
    return { digest: d.imageDigest, tags: d.imageTags ?? [ref.tag] };
  } catch (err) {
    if (awsErrorName(err) === 'ImageNotFoundException') return undefined;
    throw wrap(`DescribeImages for "${ref.name}:${ref.tag}"`, err);
  }
}

/** `https://host` or `http://host:port` -> `host[:port]`; a bare host is kept. */
export function hostOf(endpoint: string): string {
  return endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
}

/**
 * Registry passwords, one per registry. The token is base64 `user:password` (user `AWS`);
 * it is decoded here and handed to `docker login` on stdin only.
 */
export async function getRegistryAuth(ecr: ECRClient, registryIds?: readonly string[]): Promise<RegistryAuth[]> {
  let data;
  try {
    const out = await ecr.send(
      new GetAuthorizationTokenCommand(registryIds && registryIds.length > 0 ? { registryIds: [...registryIds] } : {}),
    );
    data = out.authorizationData ?? [];
  } catch (err) {
    throw wrap('GetAuthorizationToken', err);
  }
  const auths: RegistryAuth[] = [];
  for (const d of data) {
    if (!d.authorizationToken || !d.proxyEndpoint) continue;
    const decoded = Buffer.from(d.authorizationToken, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      // Never quote the token: it is the password.
      throw new EcrError(
        `ECR GetAuthorizationToken answered a token for ${hostOf(d.proxyEndpoint)} that is not "user:password"`,
        'BadToken',
      );
    }
    auths.push({
      host: hostOf(d.proxyEndpoint),
      username: decoded.slice(0, colon),
      password: decoded.slice(colon + 1),
    });
  }
  if (auths.length === 0)
    throw new EcrError('ECR GetAuthorizationToken answered no authorization data', 'NoAuthorizationData');
  return auths;
}
