/**
 * Naming rules the project file's names must follow, from the AWS APIs that will receive them.
 * A name that breaks them (or carries shell characters like `a;rm -rf /`) is a finding, and is
 * never passed on to docker or AWS.
 */

/** ECR CreateRepository `repositoryName`: 2-256 characters, this pattern (ECR API reference). */
const ECR_REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** ECS CreateService `serviceName` and CreateCluster `clusterName`: up to 255 letters, numbers, hyphens and underscores. */
const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ECS_CLUSTER_ARN = /^arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;
/** Image keys end up in docker tags, log lines and outputs: keep them to what a tag allows. */
const IMAGE_KEY = /^[a-z0-9][a-z0-9._-]{0,127}$/;
/** AWS Region names: `ap-northeast-1`, `us-gov-west-1`, `cn-north-1`. */
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
/** Container environment names as shells and Ruby's ENV read them. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function ecrRepositoryProblem(name: string): string | undefined {
  if (name.length < 2 || name.length > 256) return 'an ECR repository name is 2 to 256 characters';
  if (!ECR_REPOSITORY.test(name))
    return 'an ECR repository name is lowercase letters and digits, separated by single ".", "_", "-" or "/" (e.g. monitoring/datadog-agent)';
  return undefined;
}

export function ecsNameProblem(name: string, what: 'service' | 'cluster'): string | undefined {
  if (what === 'cluster' && ECS_CLUSTER_ARN.test(name)) return undefined;
  if (!ECS_NAME.test(name)) return `an ECS ${what} name is up to 255 letters, digits, "-" and "_"`;
  return undefined;
}

export function imageKeyProblem(key: string): string | undefined {
  if (!IMAGE_KEY.test(key))
    return 'an image key is lowercase letters, digits, ".", "_" and "-", starting with a letter or digit';
  return undefined;
}

export function regionProblem(region: string): string | undefined {
  if (!REGION.test(region)) return 'an AWS Region looks like ap-northeast-1 or us-east-1';
  return undefined;
}

export function envNameProblem(name: string): string | undefined {
  if (!ENV_NAME.test(name)) return 'an environment variable name is letters, digits and "_", not starting with a digit';
  return undefined;
}

/** Docker platform strings Fargate runs: linux/amd64 and linux/arm64 (ECS runtimePlatform X86_64 / ARM64). */
export const FARGATE_PLATFORMS = ['linux/amd64', 'linux/arm64'];
