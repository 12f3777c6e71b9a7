/** A fake STS GetCallerIdentity (query protocol, XML answer through the core server). */
import { FAKE_ACCOUNT, type FakeAws } from './server.js';

export function installFakeSts(fake: FakeAws, options: { account?: string } = {}): { account: string } {
  const account = options.account ?? FAKE_ACCOUNT;
  fake.on('sts', 'GetCallerIdentity', () => ({
    UserId: 'AROAFAKEFAKEFAKEFAKE:dd-ecs-monitor',
    Account: account,
    Arn: `arn:aws:sts::${account}:assumed-role/fake-deployer/dd-ecs-monitor`,
  }));
  return { account };
}
