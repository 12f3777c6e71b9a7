/**
 * One service's rollout: UpdateService, follow the new deployment to COMPLETED, and when it fails
 * (FAILED, rolled back by the circuit breaker, too many stopped tasks, timed out) print the stopped
 * tasks' reasons, roll back to the previous task definition unless told not to, and wait for that.
 */
import { UpdateServiceCommand, type Deployment, type ECSClient } from '@aws-sdk/client-ecs';
import type { Log } from '../log.js';
import { rolloutInFlight } from '../signals.js';
import { shortTaskDefinition } from './arn.js';
import type { Clock } from './clock.js';
import { awsErrorText, DeployStepError } from './errors.js';
import { followDeployment, type FollowOutcome } from './follow.js';
import { formatLastRollout, ROLLOUT_TAG, tagService } from './lease.js';
import { describeOneService } from './live.js';
import { stoppedTasksOf, summarizeStoppedTasks } from './stopped-tasks.js';
import type { RollbackResult, ServiceState, StoppedTask } from './types.js';

export interface RollOutOptions {
  ecs: ECSClient;
  log: Log;
  clock: Clock;
  key: string;
  cluster: string;
  service: string;
  taskDefinitionArn: string;
  previousTaskDefinitionArn: string | undefined;
  forceNewDeployment: boolean;
  rollback: boolean;
  waitTimeoutMs: number;
  pollIntervalMs: number;
  /** The first delay between polls (backoff start); see followDeployment. */
  firstPollMs?: number;
  /** Where the last-rollout marker tag goes; none: no marker. */
  serviceArn?: string;
  maxFailedTasks?: number;
  /** Events already on the service before the update (not printed again). */
  seenEvents: Set<string>;
}

export interface RollOutResult {
  state: Extract<ServiceState, 'completed' | 'failed' | 'timed-out'>;
  deploymentId: string | undefined;
  failure?: string;
  stoppedTasks: StoppedTask[];
  rollback?: RollbackResult;
}

async function updateService(o: RollOutOptions, taskDefinition: string, force: boolean, what: string): Promise<string> {
  let deployments: Deployment[] | undefined;
  try {
    const out = await o.ecs.send(
      new UpdateServiceCommand({
        cluster: o.cluster,
        service: o.service,
        taskDefinition,
        ...(force ? { forceNewDeployment: true } : {}),
      }),
    );
    deployments = out.service?.deployments;
  } catch (err) {
    throw new DeployStepError(
      what,
      `service ${o.cluster}/${o.service} to ${shortTaskDefinition(taskDefinition)}`,
      awsErrorText(err),
      { cause: err },
    );
  }
  let primary = deployments?.find((d) => d.status === 'PRIMARY');
  if (!primary)
    primary = (await describeOneService(o.ecs, o.cluster, o.service)).deployments?.find((d) => d.status === 'PRIMARY');
  if (!primary?.id)
    throw new DeployStepError(
      what,
      `service ${o.cluster}/${o.service}`,
      'UpdateService returned no PRIMARY deployment',
    );
  return primary.id;
}

function follow(o: RollOutOptions, deploymentId: string, previous: string | undefined): Promise<FollowOutcome> {
  return followDeployment({
    ecs: o.ecs,
    log: o.log,
    clock: o.clock,
    key: o.key,
    cluster: o.cluster,
    service: o.service,
    deploymentId,
    previousTaskDefinition: previous,
    pollIntervalMs: o.pollIntervalMs,
    ...(o.firstPollMs !== undefined ? { firstPollMs: o.firstPollMs } : {}),
    deadline: o.clock.now() + o.waitTimeoutMs,
    seenEvents: o.seenEvents,
    ...(o.maxFailedTasks !== undefined ? { maxFailedTasks: o.maxFailedTasks } : {}),
  });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}

export async function rollOut(o: RollOutOptions): Promise<RollOutResult> {
  const { log, key } = o;
  // Registered before the request goes out: interrupted while it is in flight, ECS may still start it.
  const inFlight = {
    key,
    cluster: o.cluster,
    service: o.service,
    deploymentId: '(just requested)',
    taskDefinition: o.taskDefinitionArn,
  };
  let done = rolloutInFlight(inFlight);
  let deploymentId: string;
  try {
    deploymentId = await updateService(o, o.taskDefinitionArn, o.forceNewDeployment, 'update');
  } finally {
    done();
  }
  done = rolloutInFlight({ ...inFlight, deploymentId });
  log.info(
    `[${key}] updating service ${o.cluster}/${o.service} to ${shortTaskDefinition(o.taskDefinitionArn)}${o.forceNewDeployment ? ' (forced new deployment)' : ''}: deployment ${deploymentId}`,
  );
  await markRollout(o, deploymentId);
  try {
    return await afterUpdate(o, deploymentId);
  } catch (err) {
    // The update went out; a read failing while following must not hide that.
    const why = err instanceof Error ? err.message : String(err);
    const failure = `follow service ${o.cluster}/${o.service} (deployment ${deploymentId}): ${why}`;
    log.info(`[${key}] FAILED: ${failure}`);
    return { state: 'failed', deploymentId, failure, stoppedTasks: [] };
  } finally {
    done();
  }
}

/** Records on the service which task definition went out (see lease.ts); best effort. */
async function markRollout(o: RollOutOptions, deploymentId: string, completed = false): Promise<void> {
  if (!o.serviceArn) return;
  try {
    const at = new Date(o.clock.now());
    const mark = formatLastRollout({ taskDefinitionArn: o.taskDefinitionArn, deploymentId, at, completed });
    await tagService(o.ecs, o.serviceArn, ROLLOUT_TAG, mark);
  } catch (err) {
    o.log.debug(`[${o.key}] could not tag the service with ${ROLLOUT_TAG}: ${awsErrorText(err)}`);
  }
}

/**
 * A deployment this run did not start but must see through: an unchanged service left
 * mid-rollout by an interrupted run, or another deploy's rollout that `--wait-for-other-deployments`
 * waits for. Followed like a new one (events, stopped tasks, timeout); never rolled back here,
 * since this run did not send it.
 */
export async function followExisting(
  o: RollOutOptions,
  deploymentId: string,
  previous: string | undefined,
): Promise<RollOutResult> {
  const td = o.taskDefinitionArn;
  const { key, cluster, service } = o;
  const done = rolloutInFlight({ key, cluster, service, deploymentId, taskDefinition: td });
  try {
    const outcome = await follow(o, deploymentId, previous);
    if (outcome.state === 'completed') {
      const d = outcome.deployment;
      const running = `${d.runningCount ?? 0} of ${d.desiredCount ?? 0} tasks running ${shortTaskDefinition(td)}`;
      o.log.info(`[${o.key}] deployment ${deploymentId} COMPLETED: ${running}`);
      return { state: 'completed', deploymentId, stoppedTasks: [] };
    }
    const why =
      outcome.state === 'timed-out'
        ? `deployment ${deploymentId} did not complete within ${seconds(o.waitTimeoutMs)}; ${outcome.reason}`
        : `deployment ${deploymentId} ${outcome.state}: ${outcome.reason}`;
    let stoppedTasks: StoppedTask[] = [];
    try {
      stoppedTasks = await stoppedTasksOf({ ecs: o.ecs, cluster: o.cluster, service: o.service, deploymentId });
    } catch (err) {
      o.log.warning(`[${o.key}] ${err instanceof Error ? err.message : String(err)}`);
    }
    const first = summarizeStoppedTasks(stoppedTasks)[0];
    const last = first ? `; last stopped ${first}` : '';
    const failure = `service ${o.cluster}/${o.service}: ${why}${last}; not rolled back (this run did not start it)`;
    o.log.info(`[${o.key}] FAILED: ${failure}`);
    return { state: outcome.state === 'timed-out' ? 'timed-out' : 'failed', deploymentId, failure, stoppedTasks };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const failure = `follow service ${o.cluster}/${o.service} (deployment ${deploymentId}): ${why}`;
    o.log.info(`[${o.key}] FAILED: ${failure}`);
    return { state: 'failed', deploymentId, failure, stoppedTasks: [] };
  } finally {
    done();
  }
}

async function afterUpdate(o: RollOutOptions, deploymentId: string): Promise<RollOutResult> {
  const { log, key } = o;
  const outcome = await follow(o, deploymentId, o.previousTaskDefinitionArn);
  if (outcome.state === 'completed') {
    log.info(
      `[${key}] deployment ${deploymentId} COMPLETED: ${outcome.deployment.runningCount ?? 0} of ${outcome.deployment.desiredCount ?? 0} tasks running ${shortTaskDefinition(o.taskDefinitionArn)}`,
    );
    await markRollout(o, deploymentId, true);
    return { state: 'completed', deploymentId, stoppedTasks: [] };
  }

  const why =
    outcome.state === 'timed-out'
      ? `deployment ${deploymentId} did not complete within ${seconds(o.waitTimeoutMs)}; ${outcome.reason}`
      : outcome.state === 'rolled-back'
        ? `deployment ${deploymentId} failed and the deployment circuit breaker rolled it back: ${outcome.reason}`
        : `deployment ${deploymentId} ${outcome.state === 'superseded' ? 'was superseded' : 'failed'}: ${outcome.reason}`;
  log.info(`[${key}] ${why}`);

  let stoppedTasks: StoppedTask[] = [];
  try {
    stoppedTasks = await stoppedTasksOf({ ecs: o.ecs, cluster: o.cluster, service: o.service, deploymentId });
  } catch (err) {
    log.warning(`[${key}] ${err instanceof Error ? err.message : String(err)}`);
  }
  if (stoppedTasks.length === 0) log.info(`[${key}] no stopped tasks found for deployment ${deploymentId}`);
  const reasons = summarizeStoppedTasks(stoppedTasks);
  for (const line of reasons) log.info(`[${key}] stopped ${line}`);
  const firstReason = reasons[0];

  const rollback = await rollBack(o, outcome);
  const tail = rollback ? `; ${rollbackText(rollback)}` : '; not rolled back (rollback disabled)';
  const failure = `deploy service ${o.cluster}/${o.service}: ${why}${firstReason ? `; last stopped ${firstReason}` : ''}${tail}`;
  log.info(`[${key}] FAILED: ${failure}`);
  return {
    state: outcome.state === 'timed-out' ? 'timed-out' : 'failed',
    deploymentId,
    failure,
    stoppedTasks,
    ...(rollback ? { rollback } : {}),
  };
}

function rollbackText(r: RollbackResult): string {
  if (r.by === 'skipped') return `not rolled back: ${r.detail ?? ''}`;
  const who = r.by === 'circuit-breaker' ? 'the circuit breaker rolled back' : 'rolled back';
  const to = r.taskDefinitionArn ? ` to ${shortTaskDefinition(r.taskDefinitionArn)}` : '';
  return r.state === 'completed'
    ? `${who}${to}`
    : `${who}${to}, but the rollback ${r.state === 'timed-out' ? 'did not complete in time' : 'failed'}${r.detail ? `: ${r.detail}` : ''}`;
}

async function rollBack(
  o: RollOutOptions,
  outcome: Exclude<FollowOutcome, { state: 'completed' }>,
): Promise<RollbackResult | undefined> {
  const { log, key } = o;
  if (outcome.state === 'rolled-back') {
    // ECS is already rolling back; wait for that deployment so the service is known to be healthy again.
    const id = outcome.rollbackDeploymentId;
    const td = outcome.rollbackTaskDefinition;
    if (!id) return { by: 'circuit-breaker', ...(td ? { taskDefinitionArn: td } : {}), state: 'completed' };
    log.info(
      `[${key}] waiting for the circuit breaker's rollback deployment ${id} (${shortTaskDefinition(td ?? '?')})`,
    );
    const r = await follow(o, id, undefined);
    return { by: 'circuit-breaker', ...(td ? { taskDefinitionArn: td } : {}), deploymentId: id, ...rollbackOutcome(r) };
  }
  if (outcome.state === 'superseded') {
    return { by: 'skipped', state: 'skipped', detail: 'another deployment replaced this one; it is left alone' };
  }
  if (!o.rollback) return undefined;
  const previous = o.previousTaskDefinitionArn;
  if (!previous || previous === o.taskDefinitionArn) {
    return {
      by: 'skipped',
      state: 'skipped',
      detail: 'the service ran the same task definition before, so there is nothing to roll back to',
    };
  }
  let id: string;
  try {
    id = await updateService(o, previous, false, 'roll back');
  } catch (err) {
    return {
      by: 'dd-ecs-monitor',
      taskDefinitionArn: previous,
      state: 'failed',
      detail: err instanceof Error ? err.message : String(err),
    };
  }
  log.info(`[${key}] rolling back to ${shortTaskDefinition(previous)}: deployment ${id}`);
  const r = await follow(o, id, undefined);
  if (r.state === 'completed') log.info(`[${key}] rollback deployment ${id} COMPLETED`);
  else log.info(`[${key}] rollback deployment ${id} did not complete: ${r.reason}`);
  return { by: 'dd-ecs-monitor', taskDefinitionArn: previous, deploymentId: id, ...rollbackOutcome(r) };
}

/** How the followed rollback deployment ended, and why when it did not complete. */
function rollbackOutcome(r: FollowOutcome): Pick<RollbackResult, 'state' | 'detail'> {
  if (r.state === 'completed') return { state: 'completed' };
  return { state: r.state === 'timed-out' ? 'timed-out' : 'failed', detail: r.reason };
}
