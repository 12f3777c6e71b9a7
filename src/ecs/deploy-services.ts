/**
 * The ECS half of `deploy`, in phases so that a problem found early changes nothing:
 *   1. pre-flight (SSM parameters exist, execution roles, services exist and use the ECS controller);
 *   2. for each service, compare with the live task definition and register only what changed;
 *   3. update the services whose task definition changed (all of them when forced), in parallel,
 *      and follow each rollout to COMPLETED, rolling back a failed one;
 *   4. the evidence rule (evidence.ts): every service, changed or not, ends green only when its
 *      PRIMARY deployment runs the intended task definition, COMPLETED, at its desired count.
 * One deploy at a time: a service this run would update while another deployment of it is
 * IN_PROGRESS is refused before anything is registered (or, with waitForOtherDeployments, that
 * deployment is followed to its end first). An unchanged service left IN_PROGRESS by an earlier
 * run is followed; one left FAILED, or whose task definition went out and was rolled back, is a
 * failure that only --force-new-deployment redeploys.
 * Re-running it after a success is a no-op: zero RegisterTaskDefinition, zero UpdateService.
 * Infrastructure errors (STS/SSM/ECS refusing a read) throw; per-service outcomes are results.
 */
import type { ECSClient, Service } from '@aws-sdk/client-ecs';
import type { Log } from '../log.js';
import { type Clock, realClock } from './clock.js';
import {
  compareForUpdate,
  followLeftOver,
  preflightInProgress,
  refuseRolledBack,
  rollOutOptions,
} from './deploy-guards.js';
import { evidenceOf } from './evidence.js';
import { describeServices } from './live.js';
import { preflight } from './preflight.js';
import { resolveTaskDefinition, type ResolvedTaskDefinition } from './register.js';
import { rollOut } from './roll-out.js';
import { sensitiveValues } from './sensitive.js';
import type {
  DeployServicesOptions,
  DeployServicesResult,
  PreflightProblem,
  ServiceDeployResult,
  ServiceDeployment,
} from './types.js';

export async function deployServices(opts: DeployServicesOptions): Promise<DeployServicesResult> {
  const { log, services } = opts;
  const ecs = opts.clients.ecs;
  const clock = opts.clock ?? realClock;
  for (const s of services)
    for (const v of sensitiveValues(s.taskDefinition as unknown as Record<string, unknown>)) log.mask(v);

  // 1. Pre-flight.
  const problems: PreflightProblem[] = await preflight({ ssm: opts.clients.ssm, log, services });
  const live = await describeLive(ecs, services, problems);
  if (problems.length === 0) await preflightInProgress({ opts, clock, live, problems, services });
  if (problems.length > 0) {
    log.info(`pre-flight found ${problems.length} problem(s); nothing was registered or updated`);
    return { ok: false, services: services.map(notStarted), problems };
  }

  // 2. Compare and register only what changed. Every registration happens before any update.
  const results = new Map<string, ServiceDeployResult>(services.map((s) => [s.key, notStarted(s)]));
  const compared = await compareForUpdate({ opts, live, results, problems });
  if (problems.length > 0) {
    log.info(`pre-flight found ${problems.length} problem(s); nothing was registered or updated`);
    return { ok: false, services: [...results.values()], problems };
  }
  const resolved = new Map<string, ResolvedTaskDefinition>();
  let registrationFailed = false;
  for (const s of services) {
    const r = results.get(s.key) as ServiceDeployResult;
    try {
      const res = await resolveTaskDefinition({
        ecs,
        log,
        key: s.key,
        rendered: s.taskDefinition,
        live: compared.get(s.key),
        ...(opts.dryRun ? { dryRun: true } : {}),
      });
      resolved.set(s.key, res);
      Object.assign(r, { taskDefinitionArn: res.arn, registered: res.registered, taskDefinitionChanged: res.changed });
      if (res.changed && r.diff) for (const line of r.diff.trimEnd().split('\n')) log.info(`[${s.key}] ${line}`);
    } catch (err) {
      registrationFailed = true;
      Object.assign(r, { state: 'failed', failure: err instanceof Error ? err.message : String(err) });
      log.info(`[${s.key}] FAILED: ${r.failure ?? ''}`);
      break;
    }
  }
  if (registrationFailed) {
    log.info('a task definition could not be prepared; no service was updated');
    return { ok: false, services: [...results.values()], problems };
  }

  // 3. Update and follow, in parallel.
  await Promise.all(
    services.map((s) =>
      updateOne({
        opts,
        clock,
        s,
        svc: live.get(s.key) as Service,
        r: results.get(s.key) as ServiceDeployResult,
        res: resolved.get(s.key) as ResolvedTaskDefinition,
      }),
    ),
  );

  // 4. Green only with evidence.
  if (!opts.dryRun) await requireEvidence(ecs, log, [...results.values()]);
  const list = [...results.values()];
  return { ok: list.every((r) => r.ok), services: list, problems };
}

interface UpdateOneInput {
  opts: DeployServicesOptions;
  clock: Clock;
  s: ServiceDeployment;
  svc: Service;
  r: ServiceDeployResult;
  res: ResolvedTaskDefinition;
}

async function updateOne({ opts, clock, s, svc, r, res }: UpdateOneInput): Promise<void> {
  const { log } = opts;
  const wanted = res.changed || opts.forceNewDeployment === true;
  if (!wanted) {
    if (opts.dryRun || !res.arn) {
      Object.assign(r, { state: 'unchanged', ok: true });
      log.info(`[${s.key}] service ${s.cluster}/${s.service} unchanged: not updated`);
      return;
    }
    Object.assign(r, await followLeftOver(rollOutOptions(opts, clock, s, svc, res.arn), svc));
    return;
  }
  if (opts.dryRun || !res.arn) {
    Object.assign(r, { state: 'planned', ok: true, updated: true });
    const forced = opts.forceNewDeployment ? ' (forced new deployment)' : '';
    log.info(`[${s.key}] would update service ${s.cluster}/${s.service}${forced}`);
    return;
  }
  try {
    const refused = await refuseRolledBack(rollOutOptions(opts, clock, s, svc, res.arn), svc);
    if (refused) {
      Object.assign(r, { state: 'failed', ok: false, failure: refused });
      return;
    }
    const out = await rollOut(rollOutOptions(opts, clock, s, svc, res.arn));
    Object.assign(r, { updated: true, ...out, ok: out.state === 'completed' });
  } catch (err) {
    Object.assign(r, { state: 'failed', ok: false, failure: err instanceof Error ? err.message : String(err) });
    log.info(`[${s.key}] FAILED: ${r.failure ?? ''}`);
  }
}

/** Step 4: one more DescribeServices per cluster; a service without evidence of health is not green. */
async function requireEvidence(ecs: ECSClient, log: Log, results: ServiceDeployResult[]): Promise<void> {
  const green = results.filter((r) => r.ok && r.taskDefinitionArn && ['completed', 'unchanged'].includes(r.state));
  const byCluster = new Map<string, ServiceDeployResult[]>();
  for (const r of green) byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r]);
  for (const [cluster, list] of byCluster) {
    let found;
    try {
      found = await describeServices(
        ecs,
        cluster,
        list.map((r) => r.service),
      );
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      for (const r of list) {
        const failure = `no evidence that service ${cluster}/${r.service} is healthy: ${why}`;
        Object.assign(r, { ok: false, state: 'failed', failure });
      }
      continue;
    }
    for (const r of list) {
      const live = found.get(r.service);
      const ev = live?.ok ? evidenceOf(live.service, r.taskDefinitionArn as string) : undefined;
      if (ev?.verdict === 'healthy') continue;
      const why = ev ? ev.reason : 'DescribeServices no longer lists it';
      const failure = `no evidence that service ${cluster}/${r.service} is healthy: ${why}`;
      Object.assign(r, { ok: false, state: 'failed', failure });
      log.info(`[${r.key}] FAILED: ${failure}`);
    }
  }
}

/** A service's result before anything was done to it. */
function notStarted(s: ServiceDeployment): ServiceDeployResult {
  return {
    key: s.key,
    cluster: s.cluster,
    service: s.service,
    taskDefinitionArn: undefined,
    previousTaskDefinitionArn: undefined,
    registered: false,
    taskDefinitionChanged: false,
    updated: false,
    state: 'not-started',
    ok: false,
    stoppedTasks: [],
    diff: '',
  };
}

/** Pre-flight, part 2: every service exists, is ACTIVE and uses the ECS deployment controller. */
async function describeLive(
  ecs: ECSClient,
  services: ServiceDeployment[],
  problems: PreflightProblem[],
): Promise<Map<string, Service>> {
  const live = new Map<string, Service>();
  const byCluster = new Map<string, ServiceDeployment[]>();
  for (const s of services) byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s]);
  for (const [cluster, list] of byCluster) {
    const found = await describeServices(
      ecs,
      cluster,
      list.map((s) => s.service),
    );
    for (const s of list) {
      const r = found.get(s.service);
      if (!r || !r.ok) {
        problems.push({
          service: s.key,
          code: 'preflight/service-not-found',
          message: `service ${s.key}: ECS service "${s.service}" in cluster "${cluster}" was not found (${r && !r.ok ? r.reason : 'MISSING'}); create it first or fix the name`,
        });
      } else if (r.service.status !== 'ACTIVE') {
        problems.push({
          service: s.key,
          code: 'preflight/service-not-active',
          message: `service ${s.key}: ECS service "${s.service}" in cluster "${cluster}" is ${r.service.status ?? 'not ACTIVE'}`,
        });
      } else if (r.service.deploymentController?.type && r.service.deploymentController.type !== 'ECS') {
        problems.push({
          service: s.key,
          code: 'preflight/unsupported-deployment-controller',
          message: `service ${s.key}: ECS service "${s.service}" uses the ${r.service.deploymentController.type} deployment controller; only rolling updates (ECS) are supported`,
        });
      } else {
        live.set(s.key, r.service);
      }
    }
  }
  return live;
}
