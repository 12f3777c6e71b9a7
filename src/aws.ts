/**
 * The AWS seam: every SDK v3 client comes from here. Endpoints are never set in code: the SDK's
 * own resolution applies, including `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>` (which is
 * how users point this at LocalStack and tests at 127.0.0.1). Credentials come from the default
 * chain, so OIDC via configure-aws-credentials just works. Standard retry mode handles throttling.
 */
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';

export const USER_AGENT = 'dd-ecs-monitor/1.0.0';

export interface AwsOptions {
  region: string;
  /** Attempts per call including the first (standard retry mode). */
  maxAttempts?: number;
}

export interface AwsClients {
  region: string;
  ecs: ECSClient;
  ecr: ECRClient;
  ssm: SSMClient;
  sts: STSClient;
}

/** Region: the project file's, else the environment's (AWS_REGION, AWS_DEFAULT_REGION). */
export function resolveRegion(
  configured: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return configured || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}

export function makeClients(opts: AwsOptions): AwsClients {
  const common = {
    region: opts.region,
    retryMode: 'standard',
    maxAttempts: opts.maxAttempts ?? 5,
    customUserAgent: USER_AGENT,
  } as const;
  return {
    region: opts.region,
    ecs: new ECSClient(common),
    ecr: new ECRClient(common),
    ssm: new SSMClient(common),
    sts: new STSClient(common),
  };
}

/** The SDK's error name (`ThrottlingException`, `RepositoryNotFoundException`, ...), or undefined. */
export function awsErrorName(err: unknown): string | undefined {
  return err instanceof Error ? err.name : undefined;
}

export function destroyClients(c: AwsClients): void {
  c.ecs.destroy();
  c.ecr.destroy();
  c.ssm.destroy();
  c.sts.destroy();
}
