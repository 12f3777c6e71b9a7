/**
 * Docker command lines as plain data: every argv the image step runs is built here, so tests
 * can assert the exact arrays. Nothing here runs anything.
 */

export interface BuildArgvInput {
  dockerfile: string;
  contextDir: string;
  /** Full references `<repositoryUri>:<tag>`. */
  tags: readonly string[];
  buildArgs?: Readonly<Record<string, string>>;
  platform?: string;
  target?: string;
}

export interface BuildxArgvInput extends BuildArgvInput {
  /**
   * `push`: buildx pushes itself. `load`: into the local engine, to be checked and then pushed
   * with `docker push` (the Fluentd image, so a config fluentd rejects is never pushed).
   */
  output: 'push' | 'load';
  /** GitHub Actions cache scope (the image key); only where the builder can export cache. */
  ghaCacheScope?: string;
  /** Where buildx writes its result; `containerimage.digest` is the pushed manifest's digest. */
  metadataFile: string;
}

function sortedBuildArgs(args: Readonly<Record<string, string>> | undefined): string[] {
  return Object.entries(args ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]);
}

function common(input: BuildArgvInput): string[] {
  return [
    '--file',
    input.dockerfile,
    ...input.tags.flatMap((t) => ['--tag', t]),
    ...sortedBuildArgs(input.buildArgs),
    ...(input.platform ? ['--platform', input.platform] : []),
    ...(input.target ? ['--target', input.target] : []),
  ];
}

/** `docker buildx build ...`: BuildKit, per-image cache, no provenance attestation. */
export function buildxBuildArgv(input: BuildxArgvInput): string[] {
  return [
    'buildx',
    'build',
    ...common(input),
    // Provenance turns the push into an image index with an attestation manifest; ECR and
    // ECS want the plain image manifest whose digest the task definition pins.
    '--provenance=false',
    ...(input.ghaCacheScope
      ? [
          '--cache-from',
          `type=gha,scope=${input.ghaCacheScope}`,
          '--cache-to',
          `type=gha,scope=${input.ghaCacheScope},mode=max`,
        ]
      : []),
    '--metadata-file',
    input.metadataFile,
    input.output === 'push' ? '--push' : '--load',
    input.contextDir,
  ];
}

/** `docker build ...` with the classic builder, where buildx is missing. */
export function legacyBuildArgv(input: BuildArgvInput): string[] {
  return ['build', ...common(input), input.contextDir];
}

export function pushArgv(ref: string): string[] {
  return ['push', ref];
}

/** The password comes on stdin; the registry is the bare host, as image references name it. */
export function loginArgv(host: string, username: string): string[] {
  return ['login', '--username', username, '--password-stdin', host];
}

/** All repo digests of a local image; the caller picks the one for its repository. */
export function repoDigestsArgv(ref: string): string[] {
  return ['image', 'inspect', '--format', '{{json .RepoDigests}}', ref];
}

export function buildxVersionArgv(): string[] {
  return ['buildx', 'version'];
}

export function buildxInspectArgv(): string[] {
  return ['buildx', 'inspect'];
}

export interface DryRunArgvInput {
  image: string;
  /** Path of the config inside the image. */
  configPath: string;
  containerName: string;
  /** Placeholder values for the names the task definition provides (never real secrets). */
  env?: Readonly<Record<string, string>>;
  /** Files bound read-only into the container (a config tail checked in its base image). */
  mounts?: ReadonlyArray<{ source: string; target: string }>;
  /** The tail's USER, so fluentd reads the files as the image would run. */
  user?: string;
}

/**
 * `docker run` of the image's own fluentd in dry-run mode: no network (nothing to reach, and
 * a dry run must not send logs anywhere), never a pull (the image was just built here).
 */
export function fluentdDryRunArgv(input: DryRunArgvInput): string[] {
  return [
    'run',
    '--rm',
    '--pull=never',
    '--network',
    'none',
    '--name',
    input.containerName,
    ...Object.entries(input.env ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([k, v]) => ['--env', `${k}=${v}`]),
    ...(input.mounts ?? []).flatMap((m) => ['--mount', `type=bind,source=${m.source},target=${m.target},readonly`]),
    ...(input.user ? ['--user', input.user] : []),
    // The official image's entrypoint is a wrapper script; run fluentd itself.
    '--entrypoint',
    'fluentd',
    input.image,
    '--dry-run',
    '-c',
    input.configPath,
  ];
}

export function removeContainerArgv(name: string): string[] {
  return ['rm', '--force', name];
}

const DIGEST = /sha256:[0-9a-f]{64}/;

/** `docker push` ends with `<tag>: digest: sha256:... size: N`. */
export function digestFromPushOutput(stdout: string): string | undefined {
  const m = /: digest: (sha256:[0-9a-f]{64}) size: \d+/.exec(stdout);
  return m?.[1];
}

/** buildx `--metadata-file` JSON: `containerimage.digest` is the pushed manifest's digest. */
export function digestFromMetadata(json: string): string | undefined {
  try {
    const v = (JSON.parse(json) as Record<string, unknown>)['containerimage.digest'];
    return typeof v === 'string' && DIGEST.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** From `{{json .RepoDigests}}`, the digest under this repository (an image may sit in several). */
export function digestFromRepoDigests(json: string, repositoryUri: string): string | undefined {
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return undefined;
    for (const item of list) {
      if (typeof item !== 'string') continue;
      const at = item.lastIndexOf('@');
      if (item.slice(0, at) === repositoryUri && DIGEST.test(item.slice(at + 1))) return item.slice(at + 1);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** `docker buildx inspect` prints `Driver: docker-container`; the `docker` driver cannot export cache. */
export function driverFromInspect(stdout: string): string | undefined {
  return /^Driver:\s*(\S+)/m.exec(stdout)?.[1];
}

/** The classic builder's deprecation banner: noise that must not crowd the cause out of an error. */
export function isLegacyBuilderNotice(line: string): boolean {
  return /^DEPRECATED: The legacy builder is deprecated|^\s+(Install the buildx component|https:\/\/docs\.docker\.com\/go\/buildx\/)/.test(
    line,
  );
}
