/** The image step's data: what to build (ImageSpec) and what happened (ImageResult). */
import type { Finding } from '../checks/findings.js';
import type { AwsClients } from '../aws.js';
import type { Exec } from '../exec.js';
import type { Log } from '../log.js';

/** The real engine's check of a Fluentd image, run after the build and before the push. */
export interface FluentdCheck {
  /** Path of the config inside the image, e.g. `/fluentd/etc/fluent.conf`. */
  configPath: string;
  /** Repository path of that config, where findings go. */
  file: string;
  /** Image path -> repository path (the Dockerfile's COPY lines), for errors in `@include`d files. */
  files?: ReadonlyMap<string, string>;
  /** Repository path -> text, to point a finding at the line it is about. */
  sources?: ReadonlyMap<string, string>;
  /** Placeholder values for what the task definition provides (`DD_API_KEY=placeholder`); never real secrets. */
  env?: Readonly<Record<string, string>>;
}

export interface ImageSpec {
  /** The project file's image key, e.g. `fluentd`; also the buildx cache scope. */
  key: string;
  /** Absolute paths. */
  contextDir: string;
  dockerfile: string;
  /** ECR repository name, e.g. `monitoring/fluentd`. */
  repository: string;
  /** Another account's registry, when the repository is not in the caller's. */
  registryId?: string;
  buildArgs?: Readonly<Record<string, string>>;
  platform?: string;
  target?: string;
  /** Hex sha256 from `contentHash`: the image's identity. */
  contentHash: string;
  /** Floating base reference -> the digest it named when resolved: hashed into the `base-<hash>` too. */
  baseDigests?: Readonly<Record<string, string>>;
  fluentdCheck?: FluentdCheck;
  /**
   * The platform the task definition runs (`runtimePlatform`, as `linux/arm64`): which entry of
   * a multi-platform base a layer append builds on. Default: `platform`, else linux/amd64.
   */
  runtimePlatform?: string;
}

export interface BuildImagesOptions {
  images: readonly ImageSpec[];
  /** The commit being deployed; tagged besides the content hash. Empty: no commit tag. */
  gitSha: string;
  clients: Pick<AwsClients, 'ecr'>;
  log: Log;
  /** The process seam; tests hand in a recorder. Default: `runProcess`. */
  exec?: Exec;
  /** Build and push even when the content tag is already in ECR. */
  rebuild?: boolean;
  /** Create missing repositories (immutable tags, scan on push). */
  createRepositories?: boolean;
  /** Only ask ECR what exists; build, push and create nothing. */
  dryRun?: boolean;
  /** Run the Fluentd image's own `fluentd --dry-run` before pushing it. Default true. */
  fluentdDryRun?: boolean;
  /** The environment docker runs in (DOCKER_HOST, GITHUB_ACTIONS, ...). Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Append a config-only change to the image's base through the registry when the Dockerfile
   * splits (src/project/config-tail.ts). Default true; false always runs docker build.
   */
  append?: boolean;
  /** The registry transport of the layer append; tests count requests through it. Default `fetch`. */
  fetch?: typeof fetch;
}

/**
 * `reused`: the content tag was already in ECR, nothing built or pushed. `built`: built and
 * pushed. `would-build`: a dry run's answer. `blocked`: built, but fluentd rejected its config,
 * so it was not pushed (see `findings`).
 */
export type ImageAction = 'reused' | 'built' | 'would-build' | 'blocked';

export interface ImageResult {
  key: string;
  repository: string;
  /** `<host>/<name>` from ECR; undefined only when a dry run would create the repository. */
  repositoryUri: string | undefined;
  contentTag: string;
  /** Tags the image carries in ECR (as far as this run knows). */
  tags: string[];
  /** `sha256:...` of the manifest in ECR; undefined for `would-build` and `blocked`. */
  digest: string | undefined;
  /** `<repositoryUri>@<digest>`: what a task definition pins. */
  imageRef: string | undefined;
  action: ImageAction;
  built: boolean;
  pushed: boolean;
  reusedBecause?: string;
  repositoryCreated?: boolean;
  /** Dry run: the repository is missing and would be created. */
  wouldCreateRepository?: boolean;
  /** `buildx` or `legacy`, when built. */
  builder?: 'buildx' | 'legacy';
  /**
   * How the image is (or would be) made, for plan and summary: "layer append (2 files, 1.3 KB)"
   * or "docker build (reason)". Undefined when reused.
   */
  method?: string;
  /** Made by a layer append through the registry (no docker build of the whole image). */
  appended?: boolean;
  /** Bytes uploaded to the registry for this image by the append (blobs and manifests). */
  bytesPushed?: number;
  /** Blobs read from the registry by the append: the base's config only, never a layer. */
  blobsDownloaded?: number;
  /** Fluentd's own check of this image: `ran`, or `skipped: why` (never silently). */
  fluentdDryRun?: string;
}

export interface BuildImagesResult {
  images: ImageResult[];
  /** Findings from the Fluentd dry run (an error blocks that image's push). */
  findings: Finding[];
}

/** One or more images failed; each failure names the image and the step. */
export class ImageBuildError extends Error {
  constructor(readonly failures: ReadonlyArray<{ key: string; message: string }>) {
    super(
      failures.length === 1
        ? `image "${failures[0]?.key}": ${failures[0]?.message}`
        : `${failures.length} images failed:\n${failures.map((f) => `- image "${f.key}": ${f.message}`).join('\n')}`,
    );
    this.name = 'ImageBuildError';
  }
}
