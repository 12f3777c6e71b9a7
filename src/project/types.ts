/**
 * The loaded, validated project file (`dd-ecs-monitor.yml`). Every path in here is repository-relative
 * POSIX and already checked to stay inside the repository; `root` is the only absolute path.
 * Produced by `loadProject` (load.ts); read by plan, images and deploy code.
 */

/** What a repository file is, so the right checker reads it. */
export type FileKind = 'http_check' | 'mysql' | 'fluentd' | 'taskdef' | 'datadog_yaml' | 'secret' | 'dockerfile';

export const FILE_KINDS: readonly FileKind[] = [
  'http_check',
  'mysql',
  'fluentd',
  'taskdef',
  'datadog_yaml',
  'secret',
  'dockerfile',
];

export interface ImageConfig {
  /** The key under `images:` (also the default for nothing else: repositories are explicit). */
  key: string;
  /** Build context directory, repo-relative (`.` for the repository root). */
  context: string;
  /** Dockerfile path, repo-relative (default `<context>/Dockerfile`). */
  dockerfile: string;
  /** ECR repository name, e.g. `monitoring/datadog-agent` (no registry host: that comes from ECR). */
  repository: string;
  /** `--build-arg` values, passed as given. */
  buildArgs: Record<string, string>;
  /** `--target` stage. */
  target?: string;
  /** `--platform`, e.g. `linux/amd64` or `linux/arm64`. */
  platform?: string;
}

export interface ServiceConfig {
  /** The key under `services:`. */
  key: string;
  /** ECS service name (default: the key). */
  service: string;
  /** ECS cluster (default: the top-level `cluster`). */
  cluster: string;
  /** Task definition template, repo-relative (JSON or YAML). */
  taskDefinition: string;
  /** Container name -> image key: that container's `image` is replaced by the built image's digest. */
  containers: Record<string, string>;
  /** Env name -> SSM parameter name/path or full SSM / Secrets Manager ARN, rendered into the containers' `secrets`. */
  secrets: Record<string, string>;
  /** Env name -> plain value, rendered into the containers' `environment`. */
  environment: Record<string, string>;
}

export interface DeployConfig {
  /** How long to follow a rollout before giving up (seconds). Default 900. */
  waitTimeoutSeconds: number;
  /** Polling interval while following a rollout (seconds). Default 15. */
  pollIntervalSeconds: number;
  /** Roll back to the previous task definition when a rollout fails. Default true. */
  rollback: boolean;
  /** Run `fluentd --dry-run` inside the built Fluentd image before pushing. Default true. */
  fluentdDryRun: boolean;
  /** Create missing ECR repositories instead of failing. Default false. */
  createRepositories: boolean;
  /**
   * Resolve base images named by a floating tag to their digest for the content hash (deploy and the
   * live plan), so a tag moved upstream rebuilds. Default true.
   */
  resolveBaseImages: boolean;
}

export const DEPLOY_DEFAULTS: Readonly<DeployConfig> = Object.freeze({
  waitTimeoutSeconds: 900,
  pollIntervalSeconds: 15,
  rollback: true,
  fluentdDryRun: true,
  createRepositories: false,
  resolveBaseImages: true,
});

export interface Project {
  /** Absolute repository root (the project file's directory). */
  root: string;
  /** The project file, repo-relative (normally `dd-ecs-monitor.yml`). */
  configFile: string;
  /** AWS region; when absent, the SDK's own resolution (AWS_REGION, profile) decides. */
  region?: string;
  /** Default ECS cluster for every service. */
  cluster: string;
  images: Record<string, ImageConfig>;
  services: Record<string, ServiceConfig>;
  /** Explicit overrides: repo path -> kind, or `ignore` to skip a file the Dockerfiles would classify. */
  files: Record<string, FileKind | 'ignore'>;
  /** Tags the Fluentd aggregator's in_forward sources are expected to receive (routing check). */
  fluentd: { forwardedTags: string[] };
  deploy: DeployConfig;
}
