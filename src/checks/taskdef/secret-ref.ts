/**
 * `secrets[].valueFrom` forms ECS accepts (ECS API `Secret` object; CONFIG-FACTS A2):
 * - an SSM parameter name (`apikey`) or path (`/datadog/apikey`), same Region as the task only;
 * - an SSM parameter ARN `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME` (`parameter/` then the name
 *   without its leading slash);
 * - a Secrets Manager ARN `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-6RANDOM`, optionally
 *   followed by `:json-key:version-stage:version-id` (all three fields, any may be empty:
 *   `...:secret:db-AbCdEf:password::`), which needs Fargate platform 1.4.0 or later.
 * SSM names: letters, digits, `_.-` and `/` between hierarchy levels, at most 15 levels.
 */

import { isAccountId, parseArn } from './arn.js';

export type SecretRefKind = 'ssm-name' | 'ssm-arn' | 'secretsmanager-arn';

export type SecretRefCheck =
  { ok: true; kind: SecretRefKind; region?: string; account?: string } | { ok: false; problem: string };

const SSM_NAME = /^\/?[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

function ssmNameProblem(name: string): string | undefined {
  if (!SSM_NAME.test(name))
    return 'an SSM parameter name has only letters, digits, "_", ".", "-" and "/" between levels';
  if (name.includes('/') && !name.startsWith('/')) return `an SSM parameter path begins with "/": write "/${name}"`;
  if (name.split('/').filter(Boolean).length > 15) return 'an SSM parameter path has at most 15 levels';
  if (name.length > 1011) return 'an SSM parameter name is at most 1011 characters';
  return undefined;
}

const WELL_FORMED =
  'it is not a well-formed ARN: write arn:aws:ssm:REGION:ACCOUNT:parameter/NAME or arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf';

/** An ARN `valueFrom`, of any partition (parsed by the SDK's ARN parser: ./arn.ts). */
function checkArnRef(value: string): SecretRefCheck {
  const arn = parseArn(value);
  if (!arn) return { ok: false, problem: WELL_FORMED };
  const where = { region: arn.region, account: arn.accountId };
  const located = arn.region !== '' && isAccountId(arn.accountId);
  if (arn.service === 'ssm') {
    if (!located || !arn.resource.startsWith('parameter/')) return { ok: false, problem: WELL_FORMED };
    const name = arn.resource.slice('parameter/'.length);
    if (name.startsWith('/'))
      return {
        ok: false,
        problem: `the ARN has "parameter//": write "parameter/${name.replace(/^\/+/, '')}" (no slash of its own after "parameter/")`,
      };
    const p = ssmNameProblem(`/${name}`);
    if (p || name === '') return { ok: false, problem: p ?? 'the parameter name is missing after "parameter/"' };
    return { ok: true, kind: 'ssm-arn', ...where };
  }
  if (arn.service === 'secretsmanager') {
    if (!located || !arn.resource.startsWith('secret:')) return { ok: false, problem: WELL_FORMED };
    const [name = '', ...extra] = arn.resource.slice('secret:'.length).split(':');
    if (!/^[A-Za-z0-9/_+=.@-]+$/.test(name))
      return {
        ok: false,
        problem: 'the secret name after "secret:" is missing or has characters Secrets Manager does not allow',
      };
    if (extra.length !== 0 && extra.length !== 3) {
      const [key = '', stage = '', id = ''] = extra;
      return {
        ok: false,
        problem: `after the secret name ECS expects exactly ":json-key:version-stage:version-id" (empty fields allowed): write "...:secret:${name}:${key}:${stage}:${id}"`,
      };
    }
    return { ok: true, kind: 'secretsmanager-arn', ...where };
  }
  return {
    ok: false,
    problem: `ECS secrets come from SSM Parameter Store or Secrets Manager, not from "${arn.service}"`,
  };
}

export function checkSecretRef(value: string): SecretRefCheck {
  if (value === '') return { ok: false, problem: 'it is empty' };
  if (value.trim() !== value) return { ok: false, problem: 'it has surrounding spaces' };
  if (value.startsWith('arn:')) return checkArnRef(value);
  const p = ssmNameProblem(value);
  if (p) return { ok: false, problem: `${p}; a Secrets Manager secret needs its full ARN` };
  return { ok: true, kind: 'ssm-name' };
}
