/**
 * The guards around `deployServices`' update step (see its header): another deployment in
 * progress (refuse or wait), an unchanged service left mid-rollout or FAILED by an earlier run
 * (follow it, or fail with the reason), and a task definition that already went out and was
 * rolled back (refuse to send it again unless forced).
 */
import type { Service } from '@aws-sdk/client-ecs';
import { shortTaskDefinition } from './arn.js';
import type { Clock } from './clock.js';
import { sameTaskDefinition } from './compare.js';
import { taskDefinitionDiff } from './diff.js';
import { deploymentLabel, evidenceOf } from './evidence.js';
import { parseLastRollout, ROLLOUT_TAG, serviceTags } from './lease.js';
import { describeOneService, describeTaskDefinition, type LiveTaskDefinition } from './live.js';
import { followExisting, type RollOutOptions, type RollOutResult } from './roll-out.js';
import type { DeployServicesOptions, PreflightProblem, ServiceDeployment, ServiceDeployResult } from './types.js';

/** What rollOut / followExisting need for one service of this run. */
export function rollOutOptions(
  opts: DeployServicesOptions,
  clock: Clock,
  s: ServiceDeployment,
  svc: Service,
  taskDefinitionArn: string,
): RollOutOptions {
  return {
    ecs: opts.clients.ecs,
    log: opts.log,
    clock,
    key: s.key,
    cluster: s.cluster,
    service: s.service,
    taskDefinitionArn,
    previousTaskDefinitionArn: svc.taskDefinition,
    forceNewDeployment: opts.forceNewDeployment === true,
    rollback: opts.rollback !== false,
    waitTimeoutMs: opts.waitTimeoutMs,
    pollIntervalMs: opts.pollIntervalMs,
    ...(opts.firstPollMs !== undefined ? { firstPollMs: opts.firstPollMs } : {}),
    ...(svc.serviceArn ? { serviceArn: svc.serviceArn } : {}),
    seenEvents: new Set((svc.events ?? []).map((e) => e.id).filter((id): id is string => typeof id === 'string')),
    ...(opts.maxFailedTasks !== undefined ? { maxFailedTasks: opts.maxFailedTasks } : {}),
  };
}

const FORCE_HINT =
  'fix the cause, or run again with --force-new-deployment (action input force-new-deployment: true) ' +
  'to roll it out again';

function inProgressPrimary(svc: Service): NonNullable<Service['deployments']>[number] | undefined {
  return svc.deployments?.find((d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS');
}

/** The task definition the replaced deployments run: what a circuit-breaker rollback would go back to. */
function previousOf(svc: Service, deploymentId: string | undefined): string | undefined {
  return svc.deployments?.find((d) => d.id !== deploymentId && d.status !== 'PRIMARY')?.taskDefinition;
}

export interface InProgressInput {
  opts: DeployServicesOptions;
  clock: Clock;
  live: Map<string, Service>;
  problems: PreflightProblem[];
  services: readonly ServiceDeployment[];
}

/** With waitForOtherDeployments: follow every IN_PROGRESS PRIMARY to its end, then read the service again. */
export async function preflightInProgress({ opts, clock, live, services }: InProgressInput): Promise<void> {
  if (!opts.waitForOtherDeployments || opts.dryRun) return;
  await Promise.all(
    services.map(async (s) => {
      const svc = live.get(s.key);
      const d = svc && inProgressPrimary(svc);
      if (!svc || !d?.id || !d.taskDefinition) return;
      const other = `${deploymentLabel(d)}, which this run did not start`;
      opts.log.info(`[${s.key}] waiting for ${other}, before deploying (--wait-for-other-deployments)`);
      const o = rollOutOptions(opts, clock, s, svc, d.taskDefinition);
      const out = await followExisting(o, d.id, previousOf(svc, d.id));
      const why = out.failure ? ` (${out.failure})` : '';
      opts.log.info(`[${s.key}] the other deployment ended: ${out.state}${why}; deploying now`);
      live.set(s.key, await describeOneService(opts.clients.ecs, s.cluster, s.service));
    }),
  );
}

export interface CompareInput {
  opts: DeployServicesOptions;
  live: Map<string, Service>;
  results: Map<string, ServiceDeployResult>;
  problems: PreflightProblem[];
}

/**
 * The live task definition of each service, with the diff; a service this run would update while
 * another deployment of it is IN_PROGRESS becomes a problem (before anything is registered).
 */
export async function compareForUpdate(input: CompareInput): Promise<Map<string, LiveTaskDefinition | undefined>> {
  const { opts, live, results, problems } = input;
  const out = new Map<string, LiveTaskDefinition | undefined>();
  for (const s of opts.services) {
    const r = results.get(s.key) as ServiceDeployResult;
    const svc = live.get(s.key) as Service;
    const current = svc.taskDefinition ? await describeTaskDefinition(opts.clients.ecs, svc.taskDefinition) : undefined;
    out.set(s.key, current);
    r.previousTaskDefinitionArn = svc.taskDefinition;
    r.diff = taskDefinitionDiff({
      name: s.key,
      live: current?.definition,
      rendered: s.taskDefinition,
      liveLabel: current ? shortTaskDefinition(current.arn) : 'none',
      renderedLabel: 'rendered',
    });
    const busy = inProgressPrimary(svc);
    const changed = !current || !sameTaskDefinition(current.definition, s.taskDefinition);
    const wouldUpdate = opts.forceNewDeployment === true || changed;
    if (busy && wouldUpdate && !opts.dryRun) {
      problems.push({
        service: s.key,
        code: 'preflight/deployment-in-progress',
        message:
          `service ${s.key}: ECS service "${s.service}" in cluster "${s.cluster}" is being deployed by ` +
          `${deploymentLabel(busy)}, which this run did not start; run again when it has finished, ` +
          'or with --wait-for-other-deployments (action input wait-for-other-deployments: true) to wait for it',
      });
    }
  }
  return out;
}

/**
 * An unchanged service: green only with evidence. Left IN_PROGRESS by an earlier run: follow it
 * like a new rollout. FAILED, or short of its desired count: a failure with the reason.
 */
export async function followLeftOver(o: RollOutOptions, svc: Service): Promise<Partial<ServiceDeployResult>> {
  const ev = evidenceOf(svc, o.taskDefinitionArn);
  if (ev.verdict === 'healthy') {
    const d = ev.deployment;
    const state = `${deploymentLabel(d)} COMPLETED, ${d.runningCount ?? 0} of ${d.desiredCount ?? 0} running`;
    o.log.info(`[${o.key}] service ${o.cluster}/${o.service} unchanged: not updated (${state})`);
    return { state: 'unchanged', ok: true };
  }
  if (ev.verdict === 'in-progress' && ev.deployment.id) {
    o.log.info(`[${o.key}] service ${o.cluster}/${o.service} unchanged, but ${ev.reason}: following it to the end`);
    const out: RollOutResult = await followExisting(o, ev.deployment.id, previousOf(svc, ev.deployment.id));
    return { ...out, ok: out.state === 'completed' };
  }
  const failure =
    `service ${o.cluster}/${o.service}: ${ev.reason}; ` +
    `not redeployed, since the task definition is unchanged: ${FORCE_HINT}`;
  o.log.info(`[${o.key}] FAILED: ${failure}`);
  return { state: 'failed', ok: false, failure };
}

/**
 * The task definition this run would send already went out (the service's last-rollout tag) and
 * the service no longer runs it: it was rolled back. Sending it again would fail the same way,
 * so only --force-new-deployment does; returns the failure, or undefined to go ahead.
 */
export async function refuseRolledBack(o: RollOutOptions, svc: Service): Promise<string | undefined> {
  if (!o.serviceArn || svc.taskDefinition === o.taskDefinitionArn) return undefined;
  let marker;
  try {
    marker = parseLastRollout((await serviceTags(o.ecs, o.serviceArn)).get(ROLLOUT_TAG));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    o.log.debug(`[${o.key}] could not read the ${ROLLOUT_TAG} tag: ${why}`);
    return undefined;
  }
  if (!marker || marker.taskDefinitionArn !== o.taskDefinitionArn || marker.completed) return undefined;
  const when = marker.at ? `, ${marker.at.toISOString()}` : '';
  const what =
    `${shortTaskDefinition(o.taskDefinitionArn)} already went out to service ${o.cluster}/${o.service} ` +
    `(deployment ${marker.deploymentId}${when}) and did not stay: ` +
    `the service runs ${shortTaskDefinition(svc.taskDefinition ?? '?')} (rolled back)`;
  if (o.forceNewDeployment) {
    o.log.info(`[${o.key}] ${what}; redeploying it because of --force-new-deployment`);
    return undefined;
  }
  const failure = `${what}; not redeployed: ${FORCE_HINT}`;
  o.log.info(`[${o.key}] FAILED: ${failure}`);
  return failure;
}
