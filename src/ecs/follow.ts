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
 *
 * Polling starts fast and backs off to the configured interval (`pollDelays`): most rollouts of
 * these small services complete within seconds, and a fixed 15 s interval made the run end up to
 * 15 s after COMPLETED. One DescribeServices per service every 2 s at most stays far inside ECS's
 * token-bucket quotas (Amazon ECS API reference, "Request throttling for the Amazon ECS API": read
 * operations have buckets of tens of tokens refilled every second); a ThrottlingException that
 * survives the SDK's own retries is a skipped poll and a doubled delay, not a failed deploy.
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
  /** The longest wait between two polls: the delays grow from `firstPollMs` up to this. */
  pollIntervalMs: number;
  /** The first wait between two polls (default FIRST_POLL_MS); equal to pollIntervalMs: a fixed interval. */
  firstPollMs?: number;
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
  | {
      state: 'rolled-back';
      reason: string;
      rollbackDeploymentId: string | undefined;
      rollbackTaskDefinition: string | undefined;
    }
  | { state: 'superseded'; reason: string }
  | { state: 'timed-out'; reason: string };

/**
 * The circuit breaker's failure threshold: half the desired count, at least 3 and at most 200
 * (Amazon ECS Developer Guide, "Deployment circuit breaker").
 */
/** The first delay between two polls, before backing off. */
export const FIRST_POLL_MS = 2000;
/** Each delay is this much longer than the one before, up to the configured interval. */
export const POLL_BACKOFF = 1.5;

/**
 * The delay before poll n+1 (n from 0): FIRST_POLL_MS growing by POLL_BACKOFF up to `maxMs`
 * (2 s, 3 s, 4.5 s, 6.75 s, 10.1 s, 15 s, 15 s... for a 15 s interval). Pure, for the schedule's tests.
 */
export function pollDelay(n: number, maxMs: number, firstMs = FIRST_POLL_MS): number {
  const first = Math.min(firstMs, maxMs);
  return Math.min(maxMs, Math.round(first * POLL_BACKOFF ** Math.max(0, n)));
}

/** Throttling that outlived the SDK's retries: wait longer and poll again. */
export function isThrottling(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e);
    if (/^(ThrottlingException|Throttling|TooManyRequestsException|RequestLimitExceeded)$/.test(e.name)) return true;
  }
  return false;
}

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

function pendingText(d: Deployment | undefined, svc: Service | undefined): string {
  if (!svc) return 'no DescribeServices answer came back (throttled)';
  if (!d) return 'the deployment is no longer listed';
  const others = (svc.deployments ?? []).filter((x) => x.id !== d.id);
  const old = others.map(
    (o) =>
      `${o.id} (${o.status}, ${shortTaskDefinition(o.taskDefinition ?? '?')}) still has ${o.runningCount ?? 0} running`,
  );
  return [
    `rolloutState ${d.rolloutState ?? 'unknown'}: ${d.runningCount ?? 0} of ${d.desiredCount ?? 0} tasks running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`,
    ...old,
  ].join('; ');
}

/** One poll; undefined when ECS throttled it beyond the SDK's retries (the caller waits longer). */
async function describeUnlessThrottled(opts: FollowOptions): Promise<Service | undefined> {
  try {
    return await describeOneService(opts.ecs, opts.cluster, opts.service);
  } catch (err) {
    if (!isThrottling(err)) throw err;
    opts.log.debug(`[${opts.key}] DescribeServices throttled; polling less often`);
    return undefined;
  }
}

export async function followDeployment(opts: FollowOptions): Promise<FollowOutcome> {
  const { log, key } = opts;
  let lastFailed = 0;
  const shownTasks = new Set<string>();
  let lastSvc: Service | undefined;
  let lastDep: Deployment | undefined;
  let delay = pollDelay(0, opts.pollIntervalMs, opts.firstPollMs);
  const wait = async (): Promise<boolean> => {
    if (opts.clock.now() + delay > opts.deadline) return false;
    await opts.clock.sleep(delay);
    delay = Math.min(opts.pollIntervalMs, Math.round(delay * POLL_BACKOFF));
    return true;
  };
  for (;;) {
    const svc = await describeUnlessThrottled(opts);
    if (!svc) {
      delay = Math.min(opts.pollIntervalMs, delay * 2);
      if (!(await wait())) break;
      continue;
    }
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
      return {
        state: 'superseded',
        reason: `deployment ${opts.deploymentId} was replaced by ${primary?.id ?? 'another deployment'} (${shortTaskDefinition(td ?? '?')})`,
      };
    }

    if (dep.rolloutState === 'COMPLETED') return { state: 'completed', deployment: dep };
    if (dep.rolloutState === 'FAILED') {
      const reason = dep.rolloutStateReason ?? 'rolloutState FAILED';
      if (primary && primary.id !== dep.id) {
        return {
          state: 'rolled-back',
          reason,
          rollbackDeploymentId: primary.id,
          rollbackTaskDefinition: primary.taskDefinition,
        };
      }
      return { state: 'failed', reason };
    }
    // No rolloutState (a service behind a Classic Load Balancer): fall back to "only deployment, all running".
    if (
      dep.rolloutState === undefined &&
      deployments.length === 1 &&
      (dep.runningCount ?? 0) === (dep.desiredCount ?? -1)
    ) {
      return { state: 'completed', deployment: dep };
    }
    if (dep.status !== 'PRIMARY' && primary && primary.id !== dep.id) {
      return {
        state: 'superseded',
        reason: `deployment ${dep.id} was replaced by ${primary.id} (${shortTaskDefinition(primary.taskDefinition ?? '?')}) before it completed`,
      };
    }

    const failed = dep.failedTasks ?? 0;
    if (failed > lastFailed) {
      lastFailed = failed;
      if (opts.reportStoppedTasks !== false) {
        const tasks = await stoppedTasksOf({
          ecs: opts.ecs,
          cluster: opts.cluster,
          service: opts.service,
          deploymentId: dep.id as string,
          limit: 5,
        });
        for (const t of tasks.reverse()) {
          if (shownTasks.has(t.taskArn)) continue;
          shownTasks.add(t.taskArn);
          log.info(`[${key}] stopped ${formatStoppedTask(t)}`);
        }
      }
      const breaker = svc.deploymentConfiguration?.deploymentCircuitBreaker?.enable === true;
      const limit = opts.maxFailedTasks ?? circuitBreakerThreshold(dep.desiredCount ?? svc.desiredCount ?? 1);
      if (!breaker && failed >= limit) {
        return {
          state: 'failed',
          reason: `${failed} tasks of deployment ${dep.id} failed to start or stopped (limit ${limit}; the service has no deployment circuit breaker)`,
        };
      }
    }

    if (!(await wait())) break;
  }
  return { state: 'timed-out', reason: `still pending when the wait ended: ${pendingText(lastDep, lastSvc)}` };
}
