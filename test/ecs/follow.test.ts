import { beforeEach, describe, expect, test } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  type Deployment,
  type Service,
} from '@aws-sdk/client-ecs';
import { circuitBreakerThreshold, followDeployment, type FollowOptions } from '../../src/ecs/follow.js';
import { memoryLog } from '../../src/log.js';
import type { Clock } from '../../src/ecs/clock.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'ap-northeast-1' });
const OLD = 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/fluentd:3';
const NEW = 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/fluentd:4';

function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)), slept };
}

function dep(id: string, over: Partial<Deployment> = {}): Deployment {
  return {
    id,
    status: 'PRIMARY',
    taskDefinition: NEW,
    desiredCount: 2,
    runningCount: 0,
    pendingCount: 2,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    ...over,
  };
}

function svc(
  deployments: Deployment[],
  events: Array<[string, number, string]> = [],
  over: Partial<Service> = {},
): { services: Service[] } {
  return {
    services: [
      {
        serviceName: 'fluentd',
        status: 'ACTIVE',
        desiredCount: 2,
        deployments,
        // Newest first, as DescribeServices lists them.
        events: events.map(([id, t, message]) => ({ id, createdAt: new Date(t * 1000), message })).reverse(),
        ...over,
      },
    ],
  };
}

function options(over: Partial<FollowOptions> = {}): FollowOptions & { log: ReturnType<typeof memoryLog> } {
  return {
    ecs,
    log: memoryLog(),
    clock: fakeClock(),
    key: 'fluentd',
    cluster: 'monitoring',
    service: 'fluentd',
    deploymentId: 'ecs-svc/2',
    previousTaskDefinition: OLD,
    pollIntervalMs: 1000,
    deadline: 10_000,
    seenEvents: new Set(['e0']),
    ...over,
  } as FollowOptions & { log: ReturnType<typeof memoryLog> };
}

beforeEach(() => {
  ecsMock.reset();
});

describe('followDeployment', () => {
  test('COMPLETED only when the new deployment says so; new events are printed once, oldest first', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(
        svc(
          [
            dep('ecs-svc/2'),
            dep('ecs-svc/1', { status: 'ACTIVE', taskDefinition: OLD, rolloutState: 'COMPLETED', runningCount: 2 }),
          ],
          [
            ['e0', 1, 'old'],
            ['e1', 2, 'has started 2 tasks'],
          ],
        ),
      )
      .resolvesOnce(
        svc(
          [
            dep('ecs-svc/2', { runningCount: 2, pendingCount: 0 }),
            dep('ecs-svc/1', { status: 'ACTIVE', taskDefinition: OLD, rolloutState: 'COMPLETED' }),
          ],
          [
            ['e0', 1, 'old'],
            ['e1', 2, 'has started 2 tasks'],
          ],
        ),
      )
      .resolvesOnce(
        svc(
          [dep('ecs-svc/2', { rolloutState: 'COMPLETED', runningCount: 2, pendingCount: 0 })],
          [
            ['e0', 1, 'old'],
            ['e1', 2, 'has started 2 tasks'],
            ['e2', 3, 'stopped 2 running tasks'],
            ['e3', 4, 'deployment completed.'],
          ],
        ),
      );
    const o = options();
    const out = await followDeployment(o);
    expect(out.state).toBe('completed');
    expect(o.log.lines).toEqual([
      '[fluentd] event: has started 2 tasks',
      '[fluentd] event: stopped 2 running tasks',
      '[fluentd] event: deployment completed.',
    ]);
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeServicesCommand, 3);
    expect(ecsMock).toHaveReceivedCommandWith(DescribeServicesCommand, {
      cluster: 'monitoring',
      services: ['fluentd'],
    });
  });

  test('FAILED next to a newer PRIMARY is a circuit-breaker rollback, never a success', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(
      svc([
        dep('ecs-svc/3', { taskDefinition: OLD }),
        dep('ecs-svc/2', {
          status: 'ACTIVE',
          rolloutState: 'FAILED',
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        }),
      ]),
    );
    expect(await followDeployment(options())).toEqual({
      state: 'rolled-back',
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
      rollbackDeploymentId: 'ecs-svc/3',
      rollbackTaskDefinition: OLD,
    });
  });

  test('FAILED and still PRIMARY (circuit breaker without rollback) is a failure with the reason', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(
      svc([
        dep('ecs-svc/2', {
          rolloutState: 'FAILED',
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        }),
      ]),
    );
    expect(await followDeployment(options())).toEqual({
      state: 'failed',
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
  });

  test.each([
    ['the previous task definition: rolled back', OLD, 'rolled-back'],
    [
      'another task definition: superseded',
      'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/fluentd:9',
      'superseded',
    ],
  ])('a vanished deployment replaced by a PRIMARY on %s', async (_n, td, state) => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolves(svc([dep('ecs-svc/5', { taskDefinition: td, rolloutState: 'COMPLETED' })]));
    expect((await followDeployment(options())).state).toBe(state);
  });

  test('without a circuit breaker, stopped tasks are printed as they come and the follow gives up at the limit', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(svc([dep('ecs-svc/2', { failedTasks: 1 })]))
      .resolvesOnce(svc([dep('ecs-svc/2', { failedTasks: 2 })]));
    ecsMock
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: ['arn:aws:ecs:r:1:task/monitoring/t1'] })
      .resolvesOnce({ taskArns: ['arn:aws:ecs:r:1:task/monitoring/t1', 'arn:aws:ecs:r:1:task/monitoring/t2'] });
    const stopped = (id: string, at: number) => ({
      taskArn: `arn:aws:ecs:r:1:task/monitoring/${id}`,
      startedBy: 'ecs-svc/2',
      stoppedAt: new Date(at),
      stopCode: 'TaskFailedToStart' as const,
      stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth',
      containers: [{ name: 'fluentd', exitCode: 1, reason: 'CannotPullContainerError: pull access denied' }],
    });
    ecsMock
      .on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [stopped('t1', 1)] })
      .resolvesOnce({ tasks: [stopped('t1', 1), stopped('t2', 2)] });
    const o = options({ maxFailedTasks: 2 });
    const out = await followDeployment(o);
    expect(out).toEqual({
      state: 'failed',
      reason:
        '2 tasks of deployment ecs-svc/2 failed to start or stopped (limit 2; the service has no deployment circuit breaker)',
    });
    expect(o.log.lines).toEqual([
      '[fluentd] stopped task t1: ResourceInitializationError: unable to pull secrets or registry auth (TaskFailedToStart); container fluentd: exit code 1, CannotPullContainerError: pull access denied',
      '[fluentd] stopped task t2: ResourceInitializationError: unable to pull secrets or registry auth (TaskFailedToStart); container fluentd: exit code 1, CannotPullContainerError: pull access denied',
    ]);
    expect(ecsMock).toHaveReceivedCommandWith(ListTasksCommand, {
      cluster: 'monitoring',
      startedBy: 'ecs-svc/2',
      desiredStatus: 'STOPPED',
    });
  });

  test('with a circuit breaker the follow lets ECS decide, and times out saying what was pending', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolves(
        svc(
          [
            dep('ecs-svc/2', { failedTasks: 7, runningCount: 1, pendingCount: 1 }),
            dep('ecs-svc/1', { status: 'ACTIVE', taskDefinition: OLD, rolloutState: 'COMPLETED', runningCount: 2 }),
          ],
          [],
          { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } },
        ),
      );
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [] });
    const clock = fakeClock();
    const out = await followDeployment(options({ clock, maxFailedTasks: 3, deadline: 3500 }));
    expect(out).toEqual({
      state: 'timed-out',
      reason:
        'still pending when the wait ended: rolloutState IN_PROGRESS: 1 of 2 tasks running, 1 pending, 7 failed; ecs-svc/1 (ACTIVE, fluentd:3) still has 2 running',
    });
    expect(clock.slept).toEqual([1000, 1000, 1000]);
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeServicesCommand, 4);
  });

  test('a service that disappears mid-follow is an error naming it', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolves({ services: [], failures: [{ arn: 'arn:aws:ecs:r:1:service/monitoring/fluentd', reason: 'MISSING' }] });
    await expect(followDeployment(options())).rejects.toThrow('describe service monitoring/fluentd: MISSING');
  });
});

test.each([
  [1, 3],
  [6, 3],
  [7, 4],
  [100, 50],
  [1000, 200],
])('circuit-breaker threshold for %i desired tasks is %i', (desired, threshold) => {
  expect(circuitBreakerThreshold(desired)).toBe(threshold);
});
