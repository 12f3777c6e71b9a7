/**
 * The ECS half of `deploy`, in phases so that a problem found early changes nothing:
 *   1. pre-flight (SSM parameters exist, execution roles, services exist and use the ECS controller);
 *   2. for each service, compare with the live task definition and register only what changed;
 *   3. update the services whose task definition changed (all of them when forced), in parallel,
 *      and follow each rollout to COMPLETED, rolling back a failed one.
 * Re-running it after a success is a no-op: zero RegisterTaskDefinition, zero UpdateService.
 * Infrastructure errors (STS/SSM/ECS refusing a read) throw; per-service outcomes are results.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { realClock } from './clock.js';
import { taskDefinitionDiff } from './diff.js';
import { describeServices, describeTaskDefinition, type LiveTaskDefinition } from './live.js';
import { preflight } from './preflight.js';
import { resolveTaskDefinition, type ResolvedTaskDefinition } from './register.js';
import { rollOut } from './roll-out.js';
import { sensitiveValues } from './sensitive.js';
import { shortTaskDefinition } from './arn.js';
import type { DeployServicesOptions, DeployServicesResult, PreflightProblem, ServiceDeployResult, ServiceDeployment } from './types.js';

export async function deployServices(opts: DeployServicesOptions): Promise<DeployServicesResult> {
  const { log, services } = opts;
  const ecs = opts.clients.ecs;
  const clock = opts.clock ?? realClock;
  for (const s of services) for (const v of sensitiveValues(s.taskDefinition as unknown as Record<string, unknown>)) log.mask(v);

  const base = (s: ServiceDeployment): ServiceDeployResult => ({
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
  });

  // 1. Pre-flight.
  const problems: PreflightProblem[] = await preflight({ ssm: opts.clients.ssm, log, services });
  const live = new Map<string, Service>();
  const byCluster = new Map<string, ServiceDeployment[]>();
  for (const s of services) byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s]);
  for (const [cluster, list] of byCluster) {
    const found = await describeServices(ecs, cluster, list.map((s) => s.service));
    for (const s of list) {
      const r = found.get(s.service);
      if (!r || !r.ok) {
        problems.push({ service: s.key, code: 'preflight/service-not-found', message: `service ${s.key}: ECS service "${s.service}" in cluster "${cluster}" was not found (${r && !r.ok ? r.reason : 'MISSING'}); create it first or fix the name` });
      } else if (r.service.status !== 'ACTIVE') {
        problems.push({ service: s.key, code: 'preflight/service-not-active', message: `service ${s.key}: ECS service "${s.service}" in cluster "${cluster}" is ${r.service.status ?? 'not ACTIVE'}` });
      } else if (r.service.deploymentController?.type && r.service.deploymentController.type !== 'ECS') {
        problems.push({ service: s.key, code: 'preflight/unsupported-deployment-controller', message: `service ${s.key}: ECS service "${s.service}" uses the ${r.service.deploymentController.type} deployment controller; only rolling updates (ECS) are supported` });
      } else {
        live.set(s.key, r.service);
      }
    }
  }
  if (problems.length > 0) {
    log.info(`pre-flight found ${problems.length} problem(s); nothing was registered or updated`);
    return { ok: false, services: services.map(base), problems };
  }

  // 2. Compare and register only what changed. Every registration happens before any update.
  const results = new Map<string, ServiceDeployResult>(services.map((s) => [s.key, base(s)]));
  const resolved = new Map<string, ResolvedTaskDefinition>();
  let registrationFailed = false;
  for (const s of services) {
    const r = results.get(s.key) as ServiceDeployResult;
    try {
      const svc = live.get(s.key) as Service;
      const current: LiveTaskDefinition | undefined = svc.taskDefinition ? await describeTaskDefinition(ecs, svc.taskDefinition) : undefined;
      r.previousTaskDefinitionArn = svc.taskDefinition;
      r.diff = taskDefinitionDiff({ name: s.key, live: current?.definition, rendered: s.taskDefinition, liveLabel: current ? shortTaskDefinition(current.arn) : 'none', renderedLabel: 'rendered' });
      const res = await resolveTaskDefinition({ ecs, log, key: s.key, rendered: s.taskDefinition, live: current, ...(opts.dryRun ? { dryRun: true } : {}) });
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
    services.map(async (s) => {
      const r = results.get(s.key) as ServiceDeployResult;
      const res = resolved.get(s.key) as ResolvedTaskDefinition;
      const wanted = res.changed || opts.forceNewDeployment === true;
      if (!wanted) {
        Object.assign(r, { state: 'unchanged', ok: true });
        log.info(`[${s.key}] service ${s.cluster}/${s.service} unchanged: not updated`);
        return;
      }
      if (opts.dryRun || !res.arn) {
        Object.assign(r, { state: 'planned', ok: true, updated: true });
        log.info(`[${s.key}] would update service ${s.cluster}/${s.service}${opts.forceNewDeployment ? ' (forced new deployment)' : ''}`);
        return;
      }
      const svc = live.get(s.key) as Service;
      const seenEvents = new Set((svc.events ?? []).map((e) => e.id).filter((id): id is string => typeof id === 'string'));
      try {
        const out = await rollOut({
          ecs,
          log,
          clock,
          key: s.key,
          cluster: s.cluster,
          service: s.service,
          taskDefinitionArn: res.arn,
          previousTaskDefinitionArn: svc.taskDefinition,
          forceNewDeployment: opts.forceNewDeployment === true,
          rollback: opts.rollback !== false,
          waitTimeoutMs: opts.waitTimeoutMs,
          pollIntervalMs: opts.pollIntervalMs,
          seenEvents,
          ...(opts.maxFailedTasks !== undefined ? { maxFailedTasks: opts.maxFailedTasks } : {}),
        });
        Object.assign(r, { updated: true, ...out, ok: out.state === 'completed' });
      } catch (err) {
        Object.assign(r, { state: 'failed', ok: false, failure: err instanceof Error ? err.message : String(err) });
        log.info(`[${s.key}] FAILED: ${r.failure ?? ''}`);
      }
    }),
  );
  const list = [...results.values()];
  return { ok: list.every((r) => r.ok), services: list, problems };
}
