/**
 * Issue 10 item 5: rollout polling starts fast and backs off to the configured interval, so a run
 * ends within seconds of COMPLETED; throttling that outlives the SDK's retries slows polling down
 * instead of failing the deploy. Pure schedule first, then the loop through the Clock seam.
 */
import { beforeEach, describe, expect, test } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeServicesCommand, ECSClient, type Deployment } from '@aws-sdk/client-ecs';
import { FIRST_POLL_MS, followDeployment, isThrottling, pollDelay } from '../../src/ecs/follow.js';
import type { Clock } from '../../src/ecs/clock.js';
import { DeployStepError } from '../../src/ecs/errors.js';
import { memoryLog } from '../../src/log.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'ap-northeast-1' });
const TD = 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/fluentd:4';

function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)), slept };
}

const inProgress: Deployment = {
  id: 'ecs-svc/2',
  status: 'PRIMARY',
  taskDefinition: TD,
  desiredCount: 1,
  runningCount: 0,
  rolloutState: 'IN_PROGRESS',
};
const completed: Deployment = { ...inProgress, runningCount: 1, rolloutState: 'COMPLETED' };
/** What the SDK throws once its own retries are spent (ECS's error code, as the SDK names it). */
const throttling = (): Error => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
const answer = (d: Deployment) => ({
  services: [{ serviceName: 'fluentd', status: 'ACTIVE', desiredCount: 1, deployments: [d], events: [] }],
});

function follow(clock: Clock, over: { pollIntervalMs?: number; firstPollMs?: number; deadline?: number } = {}) {
  return followDeployment({
    ecs,
    log: memoryLog(),
    clock,
    key: 'fluentd',
    cluster: 'monitoring',
    service: 'fluentd',
    deploymentId: 'ecs-svc/2',
    previousTaskDefinition: undefined,
    pollIntervalMs: over.pollIntervalMs ?? 15_000,
    ...(over.firstPollMs !== undefined ? { firstPollMs: over.firstPollMs } : {}),
    deadline: over.deadline ?? 600_000,
    seenEvents: new Set(),
  });
}

beforeEach(() => {
  ecsMock.reset();
});

describe('the polling schedule', () => {
  test.each([
    ['15 s interval (the default)', 15_000, [2000, 3000, 4500, 6750, 10_125, 15_000, 15_000]],
    ['5 s interval', 5000, [2000, 3000, 4500, 5000, 5000, 5000, 5000]],
    ['an interval below the first delay is used as is (tests poll every 20 ms)', 20, [20, 20, 20, 20, 20, 20, 20]],
  ])('%s', (_name, max, delays) => {
    expect(delays.map((_d, n) => pollDelay(n, max))).toEqual(delays);
  });

  test('a first delay equal to the interval is the old fixed schedule', () => {
    expect([0, 1, 2, 3].map((n) => pollDelay(n, 15_000, 15_000))).toEqual([15_000, 15_000, 15_000, 15_000]);
  });

  test('never faster than FIRST_POLL_MS: at most one DescribeServices per service every 2 s', () => {
    expect(FIRST_POLL_MS).toBe(2000);
    for (let n = 0; n < 50; n++) expect(pollDelay(n, 15_000)).toBeGreaterThanOrEqual(2000);
  });
});

describe('the follow loop on the schedule', () => {
  test('a rollout that completes after 4 s is seen at 5 s (not at 15 s): sleeps 2 s, then 3 s', async () => {
    const clock = fakeClock();
    ecsMock.on(DescribeServicesCommand).callsFake(() => answer(clock.now() >= 4000 ? completed : inProgress));
    expect((await follow(clock)).state).toBe('completed');
    expect(clock.slept).toEqual([2000, 3000]);
  });

  test('the old fixed interval would have seen it at 15 s', async () => {
    const clock = fakeClock();
    ecsMock.on(DescribeServicesCommand).callsFake(() => answer(clock.now() >= 4000 ? completed : inProgress));
    expect((await follow(clock, { firstPollMs: 15_000 })).state).toBe('completed');
    expect(clock.slept).toEqual([15_000]);
  });

  test('throttling after the SDK retries: the poll is skipped and the next one waits twice as long', async () => {
    const clock = fakeClock();
    const throttled = throttling();
    ecsMock.on(DescribeServicesCommand).rejectsOnce(throttled).rejectsOnce(throttled).resolves(answer(completed));
    expect((await follow(clock)).state).toBe('completed');
    // 2 s doubled to 4 s, then (after growing by 1.5 to 6 s) doubled to 12 s.
    expect(clock.slept).toEqual([4000, 12_000]);
  });

  test('throttling until the deadline is a timeout that says so, not a crash', async () => {
    const clock = fakeClock();
    ecsMock.on(DescribeServicesCommand).rejects(throttling());
    const out = await follow(clock, { deadline: 60_000 });
    expect(out).toEqual({
      state: 'timed-out',
      reason: 'still pending when the wait ended: no DescribeServices answer came back (throttled)',
    });
  });

  test('other errors still end the follow', async () => {
    const internal = Object.assign(new Error('We encountered an internal error.'), { name: 'InternalFailure' });
    ecsMock.on(DescribeServicesCommand).rejects(internal);
    await expect(follow(fakeClock())).rejects.toThrow('InternalFailure');
  });
});

test.each([
  ['ThrottlingException', true],
  ['Throttling', true],
  ['InternalFailure', false],
  ['AccessDeniedException', false],
])('isThrottling(%s, wrapped as a DeployStepError cause) is %s', (name, expected) => {
  const cause = Object.assign(new Error('x'), { name });
  const err = new DeployStepError('describe', 'service monitoring/fluentd', `${name}: x`, { cause });
  expect(isThrottling(err)).toBe(expected);
});
