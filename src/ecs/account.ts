/** The account id SSM parameter names are expanded with, from STS GetCallerIdentity. */
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { awsErrorText, DeployStepError } from './errors.js';

export async function callerAccount(sts: STSClient): Promise<string> {
  let account: string | undefined;
  try {
    account = (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (err) {
    throw new DeployStepError('identify', 'the AWS account (STS GetCallerIdentity)', awsErrorText(err), { cause: err });
  }
  if (!account || !/^\d{12}$/.test(account)) {
    throw new DeployStepError(
      'identify',
      'the AWS account (STS GetCallerIdentity)',
      `unexpected account id "${account ?? ''}"`,
    );
  }
  return account;
}
