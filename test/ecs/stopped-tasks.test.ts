import { beforeEach, describe, expect, test } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { DescribeTasksCommand, ECSClient, InvalidParameterException, ListTasksCommand } from '@aws-sdk/client-ecs';
import { formatStoppedTask, stoppedTasksOf, summarizeStoppedTasks } from '../../src/ecs/stopped-tasks.js';
import type { StoppedTask } from '../../src/ecs/types.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'ap-northeast-1' });
beforeEach(() => {
  ecsMock.reset();
});

const task = (id: string, startedBy: string, at: number) => ({
  taskArn: `arn:aws:ecs:ap-northeast-1:123456789012:task/monitoring/${id}`,
  startedBy,
  stoppedAt: new Date(at),
  stoppedReason: 'Essential container in task exited',
  stopCode: 'EssentialContainerExited' as const,
  containers: [{ name: 'fluentd', exitCode: 1, lastStatus: 'STOPPED' }],
});

describe('stoppedTasksOf', () => {
  test("lists the deployment's stopped tasks by startedBy, newest first", async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: ['a', 'b'] });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [task('a', 'ecs-svc/1', 1), task('b', 'ecs-svc/1', 2)] });
    const out = await stoppedTasksOf({ ecs, cluster: 'monitoring', service: 'fluentd', deploymentId: 'ecs-svc/1' });
    expect(out.map((t) => t.taskArn.split('/').pop())).toEqual(['b', 'a']);
    expect(ecsMock).toHaveReceivedCommandWith(ListTasksCommand, {
      cluster: 'monitoring',
      startedBy: 'ecs-svc/1',
      desiredStatus: 'STOPPED',
    });
    expect(ecsMock).toHaveReceivedCommandWith(DescribeTasksCommand, { cluster: 'monitoring', tasks: ['a', 'b'] });
  });

  test('when startedBy may not be combined with desiredStatus, falls back to the service and filters here', async () => {
    ecsMock
      .on(ListTasksCommand, { startedBy: 'ecs-svc/2' })
      .rejects(new InvalidParameterException({ message: 'startedBy must be the only filter', $metadata: {} }))
      .on(ListTasksCommand, { serviceName: 'fluentd' })
      .resolves({ taskArns: ['a', 'b'] });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [task('a', 'ecs-svc/1', 1), task('b', 'ecs-svc/2', 2)] });
    const out = await stoppedTasksOf({ ecs, cluster: 'monitoring', service: 'fluentd', deploymentId: 'ecs-svc/2' });
    expect(out.map((t) => t.taskArn.split('/').pop())).toEqual(['b']);
  });

  test('no stopped tasks: no DescribeTasks call', async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [] });
    expect(await stoppedTasksOf({ ecs, cluster: 'c', service: 's', deploymentId: 'd' })).toEqual([]);
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeTasksCommand, 0);
  });

  test('an access error names the step and the deployment', async () => {
    ecsMock
      .on(ListTasksCommand)
      .rejects(Object.assign(new Error('not authorized to perform ecs:ListTasks'), { name: 'AccessDeniedException' }));
    await expect(stoppedTasksOf({ ecs, cluster: 'c', service: 's', deploymentId: 'ecs-svc/9' })).rejects.toThrow(
      'inspect stopped tasks of s (ecs-svc/9): AccessDeniedException: not authorized to perform ecs:ListTasks',
    );
  });

  test('an error in the fallback listing names the step too', async () => {
    ecsMock
      .on(ListTasksCommand, { startedBy: 'ecs-svc/9' })
      .rejects(new InvalidParameterException({ message: 'startedBy must be the only filter', $metadata: {} }))
      .on(ListTasksCommand, { serviceName: 's' })
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(stoppedTasksOf({ ecs, cluster: 'c', service: 's', deploymentId: 'ecs-svc/9' })).rejects.toThrow(
      'inspect stopped tasks of s (ecs-svc/9): ThrottlingException: Rate exceeded',
    );
  });
});

describe('formatStoppedTask', () => {
  test.each<[string, StoppedTask, string]>([
    [
      'secrets could not be pulled',
      {
        taskArn: 'arn:aws:ecs:r:1:task/c/abc123',
        stoppedReason:
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm',
        stopCode: 'TaskFailedToStart',
        containers: [{ name: 'fluentd', lastStatus: 'STOPPED' }],
      },
      'task abc123: ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm (TaskFailedToStart)',
    ],
    [
      'an essential container exited',
      {
        taskArn: 'arn:aws:ecs:r:1:task/c/def',
        stoppedReason: 'Essential container in task exited',
        containers: [
          { name: 'fluentd', exitCode: 1 },
          { name: 'sidecar', exitCode: 0 },
        ],
      },
      'task def: Essential container in task exited; container fluentd: exit code 1',
    ],
    ['no reason at all', { taskArn: 'x', containers: [] }, 'task x: stopped (no reason given)'],
  ])('%s', (_n, t, line) => {
    expect(formatStoppedTask(t)).toBe(line);
  });

  test('summarizeStoppedTasks groups identical reasons', () => {
    const t = (id: string, reason: string): StoppedTask => ({
      taskArn: `a/${id}`,
      stoppedReason: reason,
      containers: [],
    });
    expect(summarizeStoppedTasks([t('1', 'X'), t('2', 'X'), t('3', 'Y'), t('4', 'X')])).toEqual([
      'task 1: X (and 2 more like it)',
      'task 3: Y',
    ]);
  });
});
