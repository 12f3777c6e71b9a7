/**
 * The evidence rule as a table: the PRIMARY deployment's state and counts -> the verdict. Green
 * ("healthy") only for the intended task definition, COMPLETED, running >= desired (Amazon ECS API
 * reference, Deployment: rolloutState IN_PROGRESS / COMPLETED / FAILED; none behind a Classic Load
 * Balancer).
 */
import { describe, expect, test } from '@jest/globals';
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { evidenceOf } from '../../src/ecs/evidence.js';
import { formatLease, formatLastRollout, parseLastRollout, parseLease } from '../../src/ecs/lease.js';

const TD = (rev: number) => `arn:aws:ecs:ap-northeast-1:123456789012:task-definition/fluentd:${rev}`;
const primary = (over: Partial<Deployment>): Deployment => ({
  id: 'ecs-svc/2',
  status: 'PRIMARY',
  taskDefinition: TD(4),
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  failedTasks: 0,
  rolloutState: 'COMPLETED',
  createdAt: new Date('2026-12-06T11:00:00Z'),
  ...over,
});
const svc = (...deployments: Deployment[]): Service => ({ serviceName: 'fluentd', desiredCount: 2, deployments });
const old: Deployment = {
  id: 'ecs-svc/1',
  status: 'ACTIVE',
  taskDefinition: TD(3),
  desiredCount: 2,
  runningCount: 2,
  rolloutState: 'COMPLETED',
};
const CB_REASON = 'ECS deployment circuit breaker: tasks failed to start.';

describe('evidenceOf(service, intended task definition)', () => {
  test.each([
    ['COMPLETED, 2 of 2 running', svc(primary({})), 'healthy'],
    ['COMPLETED, 3 of 2 running (scaling in)', svc(primary({ runningCount: 3 })), 'healthy'],
    ['COMPLETED, desired 0 (scaled to zero)', svc(primary({ desiredCount: 0, runningCount: 0 })), 'healthy'],
    ['COMPLETED, 1 of 2 running', svc(primary({ runningCount: 1 })), 'below-desired'],
    [
      'IN_PROGRESS, 0 of 2 running, the old one still there',
      svc(primary({ rolloutState: 'IN_PROGRESS', runningCount: 0, pendingCount: 2 }), old),
      'in-progress',
    ],
    ['IN_PROGRESS, 2 of 2 running (not steady yet)', svc(primary({ rolloutState: 'IN_PROGRESS' })), 'in-progress'],
    [
      'FAILED (circuit breaker without rollback)',
      svc(primary({ rolloutState: 'FAILED', rolloutStateReason: CB_REASON, runningCount: 0 })),
      'failed',
    ],
    [
      'COMPLETED on another task definition (rolled back)',
      svc(primary({ taskDefinition: TD(3) })),
      'other-task-definition',
    ],
    ['no PRIMARY deployment at all', svc(old), 'other-task-definition'],
    [
      'no rolloutState (Classic Load Balancer), the only deployment, all running',
      svc(primary({ rolloutState: undefined })),
      'healthy',
    ],
    ['no rolloutState, the old one still draining', svc(primary({ rolloutState: undefined }), old), 'in-progress'],
    ['no rolloutState, 1 of 2 running', svc(primary({ rolloutState: undefined, runningCount: 1 })), 'in-progress'],
  ])('%s -> %s', (_name, service, verdict) => {
    expect(evidenceOf(service, TD(4)).verdict).toBe(verdict);
  });

  test('the reasons name the deployment, its task definition, when it started and the counts', () => {
    const label = 'deployment ecs-svc/2 (fluentd:4, started 2026-12-06T11:00:00.000Z)';
    const inProgress = primary({ rolloutState: 'IN_PROGRESS', runningCount: 0, pendingCount: 2, failedTasks: 3 });
    expect(evidenceOf(svc(inProgress), TD(4))).toMatchObject({
      reason: `${label} is IN_PROGRESS: 0 of 2 tasks running, 2 pending, 3 failed`,
    });
    const failed = primary({ rolloutState: 'FAILED', rolloutStateReason: 'tasks failed to start.', runningCount: 0 });
    expect(evidenceOf(svc(failed), TD(4))).toMatchObject({
      reason: `${label} FAILED: tasks failed to start. (0 of 2 tasks running, 0 pending, 0 failed)`,
    });
    expect(evidenceOf(svc(primary({ taskDefinition: TD(3) })), TD(4))).toMatchObject({
      reason: `the PRIMARY ${label.replace('fluentd:4', 'fluentd:3')} runs fluentd:3, not fluentd:4`,
    });
  });
});

describe('the lease and last-rollout tag values', () => {
  test('a lease survives its own format, and only the characters ECS allows in a tag value are used', () => {
    const l = {
      runId: 'github-acme/monitoring-42-1-abc123',
      startedAt: new Date('2026-12-06T11:00:00Z'),
      expiresAt: new Date('2026-12-06T11:03:00Z'),
    };
    const text = formatLease(l);
    expect(text).toMatch(/^[A-Za-z0-9 +\-=._:/@]+$/);
    expect(parseLease(text)).toEqual(l);
  });

  test.each([[''], ['garbage'], ['run=x started=yesterday expires=2026-12-06T11:03:00Z']])('%j is no lease', (v) => {
    expect(parseLease(v)).toBeUndefined();
  });

  test('the last-rollout marker says whether the run that sent it saw it COMPLETED', () => {
    const at = new Date('2026-12-06T11:00:00Z');
    const mark = { taskDefinitionArn: TD(4), deploymentId: 'ecs-svc/2', at };
    expect(parseLastRollout(formatLastRollout(mark))).toEqual({ ...mark, completed: false });
    expect(parseLastRollout(formatLastRollout({ ...mark, completed: true }))?.completed).toBe(true);
  });
});
