/**
 * Offline stand-ins for what only AWS knows: obviously not real, and valid where render checks the
 * format. The region and account are the real ones whenever the files say them (the project's
 * `region`, the account in the template's role ARNs or ECR image): a placeholder is shown only for
 * what nothing in the repository tells.
 */
export const OFFLINE_ACCOUNT = '000000000000';
export const OFFLINE_DIGEST = `sha256:${'0'.repeat(64)}`;
export const OFFLINE_REGION = 'REGION';
export const OFFLINE_REGISTRY = `ACCOUNT.dkr.ecr.${OFFLINE_REGION}.amazonaws.com`;

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\//;
const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/** The account a template names (execution/task role ARN, else an ECR image), when it names one. */
export function templateAccount(template: unknown): string | undefined {
  if (typeof template !== 'object' || template === null) return undefined;
  const td = template as Record<string, unknown>;
  for (const k of ['executionRoleArn', 'taskRoleArn']) {
    const m = typeof td[k] === 'string' ? ROLE_ARN.exec(td[k]) : null;
    if (m?.[1]) return m[1];
  }
  for (const c of Array.isArray(td.containerDefinitions) ? td.containerDefinitions : []) {
    const image = typeof c === 'object' && c !== null ? (c as Record<string, unknown>).image : undefined;
    const m = typeof image === 'string' ? ECR_IMAGE.exec(image) : null;
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** The ECR registry host an account and region would have; placeholders for what is not known. */
export function ecrRegistry(account: string | undefined, region: string | undefined): string {
  const suffix = region?.startsWith('cn-') ? '.cn' : '';
  return `${account ?? 'ACCOUNT'}.dkr.ecr.${region ?? OFFLINE_REGION}.amazonaws.com${suffix}`;
}
