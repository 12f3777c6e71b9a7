/**
 * ARNs the deploy builds or reads. ECS `secrets[].valueFrom` takes an SSM parameter name only in
 * the task's own Region, otherwise the parameter's full ARN; Secrets Manager always needs the full
 * ARN, optionally with `:json-key:version-stage:version-id` (CONFIG-FACTS A2, ECS `Secret` object).
 * So names are turned into full ARNs here and ARNs pass through untouched.
 */

export type SecretRef =
  | { kind: 'ssm-name'; name: string }
  | { kind: 'ssm-arn'; arn: string }
  | { kind: 'secretsmanager-arn'; arn: string }
  | { kind: 'invalid'; why: string };

/** The ARN partition of a Region: `aws-cn` for China, `aws-us-gov` for GovCloud, else `aws`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** `/datadog/apikey` -> `arn:aws:ssm:<region>:<account>:parameter/datadog/apikey` (one slash, never two). */
export function ssmParameterArn(name: string, region: string, accountId: string): string {
  return `arn:${partitionOf(region)}:ssm:${region}:${accountId}:parameter/${name.replace(/^\//, '')}`;
}

const ARN = /^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/;
// SSM parameter names: letters, digits, `_.-`, and `/` separating hierarchy levels.
const SSM_NAME = /^\/?[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

export function classifySecretRef(value: string): SecretRef {
  const v = value.trim();
  if (v !== value || v === '') return { kind: 'invalid', why: 'it is empty or has surrounding spaces' };
  if (v.startsWith('arn:')) {
    const m = ARN.exec(v);
    if (!m) return { kind: 'invalid', why: 'it is not a well-formed ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)' };
    const [, , svc, region, account, resource = ''] = m;
    if (svc === 'ssm' && region && account && /^parameter\/./.test(resource)) return { kind: 'ssm-arn', arn: v };
    if (svc === 'secretsmanager' && region && account && /^secret:./.test(resource)) return { kind: 'secretsmanager-arn', arn: v };
    return { kind: 'invalid', why: `ECS secrets come from SSM parameters (arn:...:ssm:<region>:<account>:parameter/<name>) or Secrets Manager secrets (arn:...:secretsmanager:<region>:<account>:secret:<name>), not from an "${svc}" ARN` };
  }
  if (v.length > 1011) return { kind: 'invalid', why: 'an SSM parameter name is at most 1011 characters' };
  if (!SSM_NAME.test(v)) return { kind: 'invalid', why: 'an SSM parameter name has only letters, digits, "_", ".", "-" and "/"' };
  // A hierarchical SSM name is fully qualified; "a/b" is neither an SSM name nor a Secrets Manager ARN.
  if (v.includes('/') && !v.startsWith('/')) {
    return { kind: 'invalid', why: `an SSM parameter path begins with "/" (write "/${v}"); a Secrets Manager secret needs its full ARN` };
  }
  return { kind: 'ssm-name', name: v };
}

/** `arn:aws:ecs:r:a:task-definition/fluentd:7` -> `fluentd:7`; anything else unchanged. */
export function shortTaskDefinition(arnOrName: string): string {
  const i = arnOrName.indexOf(':task-definition/');
  return i === -1 ? arnOrName : arnOrName.slice(i + ':task-definition/'.length);
}
