/**
 * ARNs in a task definition, read with the SDK's own parser (`@aws-sdk/util-arn-parser`), so every
 * partition reads the same way: `aws`, `aws-cn`, `aws-us-gov`, the isolated `aws-iso`, `aws-iso-b`,
 * `aws-iso-e`, `aws-iso-f`, and `aws-eusc` (AWS General Reference, "Amazon Resource Names": the
 * partition is `aws` or `aws-` and a suffix, never a fixed list we would have to keep current).
 */
import { parse, validate } from '@aws-sdk/util-arn-parser';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

const PARTITION = /^aws(?:-[a-z]+)*$/;
const ACCOUNT = /^\d{12}$/;

/** The ARN's parts, or undefined when it is not an ARN of a known partition shape. */
export function parseArn(value: string): Arn | undefined {
  if (!validate(value)) return undefined;
  const arn = parse(value);
  return PARTITION.test(arn.partition) ? arn : undefined;
}

const ROLE_PATH = /^role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

/** `arn:<partition>:iam::<12 digits>:role/<path/>name`. */
export function isRoleArn(value: string): boolean {
  const arn = parseArn(value);
  return (
    arn !== undefined &&
    arn.service === 'iam' &&
    arn.region === '' &&
    ACCOUNT.test(arn.accountId) &&
    ROLE_PATH.test(arn.resource)
  );
}

export const isAccountId = (s: string): boolean => ACCOUNT.test(s);
