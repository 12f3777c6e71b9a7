/**
 * The pure parts of the signal handling (src/signals.ts); the handling itself is tested by sending
 * SIGINT / SIGTERM to a real CLI process in test/deploy/interrupted.integration.test.ts.
 */
import { expect, test } from '@jest/globals';
import { descendants, interruptedReport } from '../src/signals.js';

test('descendants: children and grandchildren of a pid, from `ps -o pid=,ppid=` rows', () => {
  const table: Array<[number, number]> = [
    [10, 1],
    [20, 10], // docker build, started by the CLI (10)
    [21, 10], // docker push
    [30, 20], // a helper the docker CLI started
    [40, 1], // someone else's process
  ];
  expect(descendants(10, table)).toEqual([20, 21, 30]);
  expect(descendants(40, table)).toEqual([]);
});

test('the report names each service left mid-rollout and says what the next run does', () => {
  expect(
    interruptedReport([
      {
        key: 'fluentd',
        cluster: 'monitoring',
        service: 'fluentd',
        deploymentId: 'ecs-svc/7',
        taskDefinition: 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/fluentd:7',
      },
    ]),
  ).toEqual([
    'service fluentd (monitoring/fluentd) was left mid-rollout: deployment ecs-svc/7 (fluentd:7) keeps rolling out in ECS.',
    'the next deploy follows that deployment to COMPLETED (green) or reports why it failed (red); it does not start it again.',
  ]);
  expect(interruptedReport([])).toEqual([
    'no service was mid-rollout: nothing was left half-deployed; the next deploy starts over and reuses images already pushed.',
  ]);
});
