/**
 * Follow one deployment to the end. "Deployed" means this deployment's `rolloutState` is COMPLETED
 * (ECS API reference, Deployment.rolloutState: IN_PROGRESS until the service reaches a steady
 * state, then COMPLETED; FAILED when the circuit breaker trips). "Services stable" is not enough:
 * after a circuit-breaker rollback the service is stable again on the old task definition, and
 * tools that waited for stability reported that as success (aws-actions/amazon-ecs-deploy-task-definition#191,
 * #494, fixed by comparing deployment ids in #860; fabfuel/ecs-deploy#185). With rollback on, ECS
 * marks the failed deployment FAILED and starts a new PRIMARY deployment with the last completed
 * task definition (API reference, DeploymentCircuitBreaker.rollback), so a FAILED deployment next
 * to a newer PRIMARY is a rollback, and a deployment that vanished was replaced.
 */
import type { Deployment, ECSClient, Service } from '@aws-sdk/client-ecs';
import type { Log } from '../log.js';
import { shortTaskDefinition } from './arn.js';
import type { Clock } from './clock.js';
import { describeOneService } from './live.js';
import { formatStoppedTask, stoppedTasksOf } from './stopped-tasks.js';

export interface FollowOptions {
  ecs: ECSClient;
  log: Log;
  clock: Clock;
  /** Service key, for messages. */
  key: string;
  cluster: string;
  service: string;
  deploymentId: string;
  /** The task definition the service ran before (to tell a rollback from another deploy). */
  previousTaskDefinition: string | undefined;
  pollIntervalMs: number;
  /** Absolute time (clock.now()) after which the follow gives up. */
  deadline: number;
  /** Event ids already shown (or seen before the update); new ones are printed and added. */
  seenEvents: Set<string>;
  /**
   * Fail after this many failed tasks when the service has no circuit breaker (ECS would retry
   * forever). Undefined: ECS's own threshold for the desired count.
   */
  maxFailedTasks?: number;
  /** Print each newly stopped task's reason while following (default true). */
  reportStoppedTasks?: boolean;
}

export type FollowOutcome =
  | { state: 'completed'; deployment: Deployment }
  | { state: 'failed'; reason: string }
  | { state: 'rolled-back'; reason: string; rollbackDeploymentId: string | undefined; rollbackTaskDefinition: string | undefined }
  | { state: 'superseded'; reason: string }
  | { state: 'timed-out'; reason: string };

/**
 * The circuit breaker's failure threshold: half the desired count, at least 3 and at most 200
 * (Amazon ECS Developer Guide, "Deployment circuit breaker").
 */
export function circuitBreakerThreshold(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desiredCount * 0.5)));
}

function printNewEvents(svc: Service, seen: Set<string>, log: Log, key: string): void {
  const fresh = (svc.events ?? []).filter((e) => e.id && !seen.has(e.id));
  // DescribeServices lists events newest first; print them in the order they happened.
  fresh.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
  for (const e of fresh) {
    seen.add(e.id as string);
    if (e.message) log.info(`[${key}] event: ${e.message}`);
  }
}

function pendingText(d: Deployment | undefined, svc: Service): string {
  if (!d) return 'the deployment is no longer listed';
  const others = (svc.deployments ?? []).filter((x) => x.id !== d.id);
  const old = others.map((o) => `${o.id} (${o.status}, ${shortTaskDefinition(o.taskDefinition ?? '?')}) still has ${o.runningCount ?? 0} running`);
  return [
    `rolloutState ${d.rolloutState ?? 'unknown'}: ${d.runningCount ?? 0} of ${d.desiredCount ?? 0} tasks running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`,
    ...old,
  ].join('; ');
}

export async function followDeployment(opts: FollowOptions): Promise<FollowOutcome> {
  const { log, key } = opts;
  let lastFailed = 0;
  const shownTasks = new Set<string>();
  let lastSvc: Service | undefined;
  let lastDep: Deployment | undefined;
  for (;;) {
    const svc = await describeOneService(opts.ecs, opts.cluster, opts.service);
    lastSvc = svc;
    printNewEvents(svc, opts.seenEvents, log, key);
    const deployments = svc.deployments ?? [];
    const dep = deployments.find((d) => d.id === opts.deploymentId);
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    lastDep = dep;

    if (!dep) {
      const td = primary?.taskDefinition;
      if (td && opts.previousTaskDefinition && td === opts.previousTaskDefinition) {
        return {
          state: 'rolled-back',
          reason: `deployment ${opts.deploymentId} was replaced by ${primary?.id ?? '?'} running the previous task definition ${shortTaskDefinition(td)} (rolled back)`,
          rollbackDeploymentId: primary?.id,
          rollbackTaskDefinition: td,
        };
      }
      return { state: 'superseded', reason: `deployment ${opts.deploymentId} was replaced by ${primary?.id ?? 'another deployment'} (${shortTaskDefinition(td ?? '?')})` };
    }

    if (dep.rolloutState === 'COMPLETED') return { state: 'completed', deployment: dep };
    if (dep.rolloutState === 'FAILED') {
      const reason = dep.rolloutStateReason ?? 'rolloutState FAILED';
      if (primary && primary.id !== dep.id) {
        return { state: 'rolled-back', reason, rollbackDeploymentId: primary.id, rollbackTaskDefinition: primary.taskDefinition };
      }
      return { state: 'failed', reason };
    }
    // No rolloutState (a service behind a Classic Load Balancer): fall back to "only deployment, all running".
    if (dep.rolloutState === undefined && deployments.length === 1 && (dep.runningCount ?? 0) === (dep.desiredCount ?? -1)) {
      return { state: 'completed', deployment: dep };
    }
    if (dep.status !== 'PRIMARY' && primary && primary.id !== dep.id) {
      return { state: 'superseded', reason: `deployment ${dep.id} was replaced by ${primary.id} (${shortTaskDefinition(primary.taskDefinition ?? '?')}) before it completed` };
    }

    const failed = dep.failedTasks ?? 0;
    if (failed > lastFailed) {
      lastFailed = failed;
      if (opts.reportStoppedTasks !== false) {
        const tasks = await stoppedTasksOf({ ecs: opts.ecs, cluster: opts.cluster, service: opts.service, deploymentId: dep.id as string, limit: 5 });
        for (const t of tasks.reverse()) {
          if (shownTasks.has(t.taskArn)) continue;
          shownTasks.add(t.taskArn);
          log.info(`[${key}] stopped ${formatStoppedTask(t)}`);
        }
      }
      const breaker = svc.deploymentConfiguration?.deploymentCircuitBreaker?.enable === true;
      const limit = opts.maxFailedTasks ?? circuitBreakerThreshold(dep.desiredCount ?? svc.desiredCount ?? 1);
      if (!breaker && failed >= limit) {
        return { state: 'failed', reason: `${failed} tasks of deployment ${dep.id} failed to start or stopped (limit ${limit}; the service has no deployment circuit breaker)` };
      }
    }

    if (opts.clock.now() + opts.pollIntervalMs > opts.deadline) break;
    await opts.clock.sleep(opts.pollIntervalMs);
  }
  return { state: 'timed-out', reason: `still pending when the wait ended: ${pendingText(lastDep, lastSvc)}` };
}
