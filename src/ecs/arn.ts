/**
 * ARNs the deploy builds or reads. ECS `secrets[].valueFrom` takes an SSM parameter name only in
 * the task's own Region, otherwise the parameter's full ARN; Secrets Manager always needs the full
 * ARN, optionally with `:json-key:version-stage:version-id` (CONFIG-FACTS A2, ECS `Secret` object).
 * So names are turned into full ARNs here and ARNs pass through untouched.
 */
import { isAccountId, parseArn } from '../checks/taskdef/arn.js';

export type SecretRef =
  | { kind: 'ssm-name'; name: string }
  | { kind: 'ssm-arn'; arn: string }
  | { kind: 'secretsmanager-arn'; arn: string }
  | { kind: 'invalid'; why: string };

/**
 * The ARN partition of a Region, by the Region-name patterns of the SDK's partitions table
 * (`partitions.json` of the endpoint resolver): China, GovCloud, the isolated Regions and the
 * European Sovereign Cloud; everything else is `aws`.
 */
const PARTITIONS: Array<[RegExp, string]> = [
  [/^cn-/, 'aws-cn'],
  [/^us-gov-/, 'aws-us-gov'],
  [/^us-iso-/, 'aws-iso'],
  [/^us-isob-/, 'aws-iso-b'],
  [/^[a-z]{2}-isoe-/, 'aws-iso-e'],
  [/^[a-z]{2}-isof-/, 'aws-iso-f'],
  [/^eusc-/, 'aws-eusc'],
];

export function partitionOf(region: string): string {
  return PARTITIONS.find(([re]) => re.test(region))?.[1] ?? 'aws';
}

/** `/datadog/apikey` -> `arn:aws:ssm:<region>:<account>:parameter/datadog/apikey` (one slash, never two). */
export function ssmParameterArn(name: string, region: string, accountId: string): string {
  return `arn:${partitionOf(region)}:ssm:${region}:${accountId}:parameter/${name.replace(/^\//, '')}`;
}

// SSM parameter names: letters, digits, `_.-`, and `/` separating hierarchy levels.
const SSM_NAME = /^\/?[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

export function classifySecretRef(value: string): SecretRef {
  const v = value.trim();
  if (v !== value || v === '') return { kind: 'invalid', why: 'it is empty or has surrounding spaces' };
  if (v.startsWith('arn:')) {
    const arn = parseArn(v);
    if (!arn || !/^[a-z0-9-]+$/.test(arn.service))
      return { kind: 'invalid', why: 'it is not a well-formed ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)' };
    const { service: svc, region, accountId: account, resource } = arn;
    const located = region !== '' && isAccountId(account);
    if (svc === 'ssm' && located && /^parameter\/./.test(resource)) return { kind: 'ssm-arn', arn: v };
    if (svc === 'secretsmanager' && located && /^secret:./.test(resource))
      return { kind: 'secretsmanager-arn', arn: v };
    return {
      kind: 'invalid',
      why: `ECS secrets come from SSM parameters (arn:...:ssm:<region>:<account>:parameter/<name>) or Secrets Manager secrets (arn:...:secretsmanager:<region>:<account>:secret:<name>), not from an "${svc}" ARN`,
    };
  }
  if (v.length > 1011) return { kind: 'invalid', why: 'an SSM parameter name is at most 1011 characters' };
  if (!SSM_NAME.test(v))
    return { kind: 'invalid', why: 'an SSM parameter name has only letters, digits, "_", ".", "-" and "/"' };
  // A hierarchical SSM name is fully qualified; "a/b" is neither an SSM name nor a Secrets Manager ARN.
  if (v.includes('/') && !v.startsWith('/')) {
    return {
      kind: 'invalid',
      why: `an SSM parameter path begins with "/" (write "/${v}"); a Secrets Manager secret needs its full ARN`,
    };
  }
  return { kind: 'ssm-name', name: v };
}

/** `arn:aws:ecs:r:a:task-definition/fluentd:7` -> `fluentd:7`; anything else unchanged. */
export function shortTaskDefinition(arnOrName: string): string {
  const i = arnOrName.indexOf(':task-definition/');
  return i === -1 ? arnOrName : arnOrName.slice(i + ':task-definition/'.length);
}
