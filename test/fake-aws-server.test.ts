import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { makeClients } from '../src/aws.js';
import { FAKE_ACCOUNT, FakeAws } from './support/fake-aws/server.js';

const fake = new FakeAws();
const saved = { ...process.env };

beforeAll(async () => {
  await fake.start();
  Object.assign(process.env, fake.env());
  fake.on('sts', 'GetCallerIdentity', () => ({
    Account: FAKE_ACCOUNT,
    Arn: `arn:aws:iam::${FAKE_ACCOUNT}:user/fake`,
    UserId: 'AIDAFAKE',
  }));
  fake.on('ecs', 'DescribeServices', (input) => ({
    services: [],
    failures: input.services.map((s: string) => ({ arn: s, reason: 'MISSING' })),
  }));
});
afterAll(async () => {
  process.env = saved;
  await fake.stop();
});

test('the SDK reaches the fake endpoint through AWS_ENDPOINT_URL, JSON and query protocols alike', async () => {
  const c = makeClients({ region: 'ap-northeast-1' });
  const who = await c.sts.send(new GetCallerIdentityCommand({}));
  expect(who.Account).toBe(FAKE_ACCOUNT);
  const svc = await c.ecs.send(new DescribeServicesCommand({ cluster: 'monitoring', services: ['x'] }));
  expect(svc.failures?.[0]?.reason).toBe('MISSING');
  expect(fake.count('ecs', 'DescribeServices')).toBe(1);
});

test('a throttled first attempt is retried by standard retry mode and succeeds', async () => {
  fake.resetCalls();
  fake.inject({ kind: 'throttle', firstAttemptOnly: true });
  const c = makeClients({ region: 'ap-northeast-1' });
  const who = await c.sts.send(new GetCallerIdentityCommand({}));
  expect(who.Account).toBe(FAKE_ACCOUNT);
  const svc = await c.ecs.send(new DescribeServicesCommand({ cluster: 'monitoring', services: ['x'] }));
  expect(svc.failures).toHaveLength(1);
  expect(fake.calls.map((x) => [x.operation, x.attempt, x.error ?? 'ok'])).toEqual([
    ['GetCallerIdentity', 1, 'Throttling'],
    ['GetCallerIdentity', 2, 'ok'],
    ['DescribeServices', 1, 'ThrottlingException'],
    ['DescribeServices', 2, 'ok'],
  ]);
  fake.clearFaults();
});
