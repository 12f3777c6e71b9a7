/**
 * The evidence rule: a run is green for a service only when its PRIMARY deployment runs the
 * intended task definition, rolloutState COMPLETED, with its running count at the desired count.
 * Whether or not this run changed the service: a service left mid-rollout (an interrupted run, an
 * outage, a `--no-rollback` timeout) already runs the intended task definition, so comparing task
 * definitions alone said "unchanged, succeeded" while its tasks crash-looped.
 *
 * Facts (Amazon ECS API reference, Deployment): `status` PRIMARY is the most recent deployment;
 * `rolloutState` is IN_PROGRESS until the service reaches a steady state, COMPLETED then, FAILED
 * when the circuit breaker trips; services behind a Classic Load Balancer have no rolloutState.
 */
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { shortTaskDefinition } from './arn.js';

export type Evidence =
  /** PRIMARY runs the intended task definition, COMPLETED, at its desired count. */
  | { verdict: 'healthy'; deployment: Deployment }
  /** PRIMARY runs the intended task definition and is still rolling out: follow it. */
  | { verdict: 'in-progress'; deployment: Deployment; reason: string }
  /** PRIMARY is FAILED (circuit breaker without rollback). */
  | { verdict: 'failed'; deployment: Deployment; reason: string }
  /** PRIMARY runs another task definition (rolled back, or someone else deployed). */
  | { verdict: 'other-task-definition'; deployment: Deployment | undefined; reason: string }
  /** COMPLETED, but fewer tasks run than desired (tasks stopping after the rollout). */
  | { verdict: 'below-desired'; deployment: Deployment; reason: string };

function started(d: Deployment): string {
  return d.createdAt ? `, started ${d.createdAt.toISOString()}` : '';
}

/** `deployment ecs-svc/1 (fluentd:7, started 2026-...)`: how messages name a deployment. */
export function deploymentLabel(d: Deployment): string {
  return `deployment ${d.id ?? '?'} (${shortTaskDefinition(d.taskDefinition ?? '?')}${started(d)})`;
}

function counts(d: Deployment): string {
  const running = `${d.runningCount ?? 0} of ${d.desiredCount ?? 0} tasks running`;
  return `${running}, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`;
}

export function evidenceOf(svc: Service, intendedTaskDefinition: string): Evidence {
  const deployments = svc.deployments ?? [];
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  if (!primary) {
    return { verdict: 'other-task-definition', deployment: undefined, reason: 'the service has no PRIMARY deployment' };
  }
  const label = deploymentLabel(primary);
  const short = (arn: string | undefined): string => shortTaskDefinition(arn ?? '?');
  if (primary.taskDefinition !== intendedTaskDefinition) {
    const reason = `the PRIMARY ${label} runs ${short(primary.taskDefinition)}, not ${short(intendedTaskDefinition)}`;
    return { verdict: 'other-task-definition', deployment: primary, reason };
  }
  if (primary.rolloutState === 'FAILED') {
    const reason = `${label} FAILED: ${primary.rolloutStateReason ?? 'no reason given'} (${counts(primary)})`;
    return { verdict: 'failed', deployment: primary, reason };
  }
  const running = primary.runningCount ?? 0;
  const desired = primary.desiredCount ?? svc.desiredCount ?? 0;
  // No rolloutState (Classic Load Balancer): the only deployment, all tasks running.
  const noState = primary.rolloutState === undefined;
  const completed = primary.rolloutState === 'COMPLETED' || (noState && deployments.length === 1 && running >= desired);
  if (!completed) {
    const reason = `${label} is ${primary.rolloutState ?? 'still rolling out'}: ${counts(primary)}`;
    return { verdict: 'in-progress', deployment: primary, reason };
  }
  if (running < desired) {
    return { verdict: 'below-desired', deployment: primary, reason: `${label} is COMPLETED but ${counts(primary)}` };
  }
  return { verdict: 'healthy', deployment: primary };
}
