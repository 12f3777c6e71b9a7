/**
 * Fake ECR for the FakeAws endpoint. Repositories live here; images do not: what ECR "has" is
 * asked of the REAL registry the tests push to (`HEAD /v2/<name>/manifests/<ref>` with basic
 * auth), so a tag exists exactly when docker really pushed it. `GetAuthorizationToken` hands out
 * that registry's password the way ECR does (base64 `AWS:<password>`), and `repositoryUri` /
 * `proxyEndpoint` point at it, so the product never assembles a registry host itself.
 * Test code only.
 */
import { FAKE_ACCOUNT, type FakeAws, FakeAwsError } from './server.js';

export interface FakeRegistry {
  /** `127.0.0.1:<port>` */
  host: string;
  password: string;
}

export interface FakeRepository {
  name: string;
  imageTagMutability: string;
  scanOnPush: boolean;
  createdAt: number;
  /** Created through CreateRepository (as opposed to seeded by the test). */
  createdByApi: boolean;
}

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

interface ImageId {
  imageTag?: string;
  imageDigest?: string;
}

export class FakeEcr {
  readonly repositories = new Map<string, FakeRepository>();
  /** What GetAuthorizationToken hands out; a test may set a wrong one. */
  tokenPassword: string;

  constructor(readonly registry: FakeRegistry) {
    this.tokenPassword = registry.password;
  }

  addRepository(name: string, opts: { imageTagMutability?: string; scanOnPush?: boolean } = {}): this {
    this.repositories.set(name, {
      name,
      imageTagMutability: opts.imageTagMutability ?? 'MUTABLE',
      scanOnPush: opts.scanOnPush ?? false,
      createdAt: Math.floor(Date.now() / 1000),
      createdByApi: false,
    });
    return this;
  }

  private basicAuth(): string {
    return `Basic ${Buffer.from(`AWS:${this.registry.password}`).toString('base64')}`;
  }

  private wire(r: FakeRepository): Record<string, unknown> {
    return {
      repositoryArn: `arn:aws:ecr:ap-northeast-1:${FAKE_ACCOUNT}:repository/${r.name}`,
      registryId: FAKE_ACCOUNT,
      repositoryName: r.name,
      repositoryUri: `${this.registry.host}/${r.name}`,
      createdAt: r.createdAt,
      imageTagMutability: r.imageTagMutability,
      imageScanningConfiguration: { scanOnPush: r.scanOnPush },
      encryptionConfiguration: { encryptionType: 'AES256' },
    };
  }

  private repo(name: unknown): FakeRepository {
    const r = typeof name === 'string' ? this.repositories.get(name) : undefined;
    if (!r) {
      throw new FakeAwsError(
        'RepositoryNotFoundException',
        `The repository with name '${String(name)}' does not exist in the registry with id '${FAKE_ACCOUNT}'`,
      );
    }
    return r;
  }

  /** The registry's answer for one manifest reference: digest and media type, or undefined (404). */
  async manifest(
    name: string,
    reference: string,
    method: 'HEAD' | 'GET' = 'HEAD',
  ): Promise<{ digest: string; mediaType: string; body: string } | undefined> {
    const res = await fetch(`http://${this.registry.host}/v2/${name}/manifests/${encodeURIComponent(reference)}`, {
      method,
      headers: { Authorization: this.basicAuth(), Accept: MANIFEST_TYPES },
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`registry answered ${res.status} for ${name}:${reference}`);
    const digest = res.headers.get('docker-content-digest') ?? '';
    return { digest, mediaType: res.headers.get('content-type') ?? '', body: method === 'GET' ? await res.text() : '' };
  }

  /** Every tag in the repository that points at `digest` (ECR lists all of an image's tags). */
  async tagsOf(name: string, digest: string): Promise<string[]> {
    const res = await fetch(`http://${this.registry.host}/v2/${name}/tags/list`, {
      headers: { Authorization: this.basicAuth() },
    });
    if (!res.ok) return [];
    const tags = ((await res.json()) as { tags?: string[] | null }).tags ?? [];
    const out: string[] = [];
    for (const t of tags) if ((await this.manifest(name, t))?.digest === digest) out.push(t);
    return out.sort();
  }

  private async find(name: string, id: ImageId): Promise<{ digest: string; mediaType: string } | undefined> {
    const ref = id.imageDigest ?? id.imageTag;
    if (!ref) throw new FakeAwsError('InvalidParameterException', 'imageId needs imageTag or imageDigest');
    const m = await this.manifest(name, ref);
    if (m && id.imageDigest && id.imageTag && (await this.manifest(name, id.imageTag))?.digest !== id.imageDigest)
      return undefined;
    return m;
  }

  install(fake: FakeAws): this {
    fake.on('ecr', 'GetAuthorizationToken', () => ({
      authorizationData: [
        {
          authorizationToken: Buffer.from(`AWS:${this.tokenPassword}`).toString('base64'),
          expiresAt: Math.floor(Date.now() / 1000) + 12 * 3600,
          proxyEndpoint: `http://${this.registry.host}`,
        },
      ],
    }));
    fake.on('ecr', 'DescribeRepositories', (input) => {
      const names: string[] | undefined = input.repositoryNames;
      if (!names) return { repositories: [...this.repositories.values()].map((r) => this.wire(r)) };
      return { repositories: names.map((n) => this.wire(this.repo(n))) };
    });
    fake.on('ecr', 'CreateRepository', (input) => {
      const name: string = input.repositoryName;
      if (this.repositories.has(name)) {
        throw new FakeAwsError(
          'RepositoryAlreadyExistsException',
          `The repository with name '${name}' already exists in the registry with id '${FAKE_ACCOUNT}'`,
        );
      }
      this.repositories.set(name, {
        name,
        imageTagMutability: input.imageTagMutability ?? 'MUTABLE',
        scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false,
        createdAt: Math.floor(Date.now() / 1000),
        createdByApi: true,
      });
      return { repository: this.wire(this.repo(name)) };
    });
    fake.on('ecr', 'DescribeImages', async (input) => {
      const r = this.repo(input.repositoryName);
      const ids: ImageId[] = input.imageIds ?? [];
      const details = [];
      for (const id of ids) {
        const m = await this.find(r.name, id);
        if (!m) {
          throw new FakeAwsError(
            'ImageNotFoundException',
            `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${r.name}' in the registry with id '${FAKE_ACCOUNT}'`,
          );
        }
        details.push({
          registryId: FAKE_ACCOUNT,
          repositoryName: r.name,
          imageDigest: m.digest,
          imageTags: await this.tagsOf(r.name, m.digest),
          imageManifestMediaType: m.mediaType,
          imagePushedAt: Math.floor(Date.now() / 1000),
        });
      }
      return { imageDetails: details };
    });
    fake.on('ecr', 'BatchGetImage', async (input) => {
      const r = this.repo(input.repositoryName);
      const images = [];
      const failures = [];
      for (const id of (input.imageIds ?? []) as ImageId[]) {
        const m = await this.find(r.name, id);
        if (!m) {
          failures.push({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' });
          continue;
        }
        const full = await this.manifest(r.name, m.digest, 'GET');
        images.push({
          registryId: FAKE_ACCOUNT,
          repositoryName: r.name,
          imageId: { imageDigest: m.digest, ...(id.imageTag ? { imageTag: id.imageTag } : {}) },
          imageManifest: full?.body ?? '',
          imageManifestMediaType: m.mediaType,
        });
      }
      return { images, failures };
    });
    return this;
  }
}
