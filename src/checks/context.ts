/**
 * What a checker may know about where its file runs: the container's environment (from the ECS
 * task definition) and the image's contents (from the Dockerfile). Everything is optional: a
 * standalone `check FILE` has neither, and cross-checks that need them are skipped, not guessed.
 */

export interface ContainerEnvView {
  /** Names the container gets from `environment` and `secrets` (and `environmentFiles` when unknown: see `open`). */
  names: ReadonlySet<string>;
  /** Names that come from `secrets` (their values are never shown). */
  secretNames: ReadonlySet<string>;
  /** The environment cannot be fully known (environmentFiles): a missing name is not certain. */
  open: boolean;
  /** For messages: `container "fluentd" in ecs/fluentd.taskdef.json`. */
  where: string;
  /** Where the task definition lives, so findings about it can point there. */
  taskDefinitionFile: string;
}

export interface ImageView {
  /** The Dockerfile, repository-relative, for messages. */
  dockerfile: string;
  /** Image path -> repository path, from the Dockerfile's COPY/ADD lines. */
  files: ReadonlyMap<string, string>;
  /** Ruby gems the Dockerfile installs (`gem install` / `fluent-gem install`), e.g. `fluent-plugin-datadog`. */
  gems: ReadonlySet<string>;
  /**
   * Names the Dockerfile's final stage sets with `ENV`, when known: they reach the container
   * without a task-definition entry (the Fluentd checker counts them as provided).
   */
  env?: ReadonlySet<string>;
  /** The final stage's base image reference, e.g. `fluent/fluentd:v1.15.3-debian-1.0`. */
  baseImage: string | undefined;
  /**
   * False when the Dockerfile does things that cannot be followed statically (ADD of a URL,
   * COPY --from another image, a RUN that may fetch files): "the image lacks X" becomes uncertain.
   */
  complete: boolean;
}

export interface SecretBackendView {
  configured: boolean;
  /** `DD_SECRET_BACKEND_COMMAND in container "datadog-agent" of ecs/...` or `secret_backend_command in datadog/datadog.yaml`. */
  where: string;
  /** `secret_backend_command` value when known, e.g. `/readsecret_multiple_providers.sh`. */
  command?: string;
  /** `secret_backend_type` when known, e.g. `aws.ssm`. */
  type?: string;
}

export interface FluentdView {
  /** Tags the in_forward sources are declared to receive (project file `fluentd.forwardedTags`). */
  forwardedTags: readonly string[];
}

export interface CheckContext {
  env?: ContainerEnvView;
  image?: ImageView;
  secretBackend?: SecretBackendView;
  fluentd?: FluentdView;
}
