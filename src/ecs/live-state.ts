/**
 * What ECS and SSM hold for the services a plan is about, gathered in one pass and returned as
 * data: each service as DescribeServices sees it, the task definition it runs, its family's latest
 * revision, and which SSM parameters are missing. `servicePreflight` then judges one service from
 * that data alone (pure), so one service's problem never hides what the others would do.
 */
import type { ECSClient, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { describeServices, describeTaskDefinition, type LiveLookup, type LiveTaskDefinition } from './live.js';
import { missingParameters, ssmReferences } from './preflight.js';
import type { PreflightProblem } from './types.js';

export interface ServiceLiveState {
  lookup: LiveLookup;
  /** The task definition the service runs (absent when it runs none or was not found). */
  running?: LiveTaskDefinition;
  /** The family's latest ACTIVE revision: a previous run may have registered the rendered one already. */
  latest?: LiveTaskDefinition;
}

export interface EcsLiveState {
  /** By service key. */
  services: Record<string, ServiceLiveState>;
  /** SSM references (names or ARNs, as the task definitions write them) that do not exist. */
  missingParameters: string[];
}

export interface ServiceQuery {
  key: string;
  cluster: string;
  service: string;
  /** The template's family, for its latest revision. */
  family?: string;
}

export async function lookUpServices(
  clients: { ecs: ECSClient; ssm: SSMClient },
  services: readonly ServiceQuery[],
  ssmRefs: readonly string[],
): Promise<EcsLiveState> {
  const byCluster = new Map<string, ServiceQuery[]>();
  for (const s of services) byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s]);
  const out: Record<string, ServiceLiveState> = {};
  for (const [cluster, list] of byCluster) {
    const found = await describeServices(
      clients.ecs,
      cluster,
      list.map((s) => s.service),
    );
    for (const s of list) out[s.key] = { lookup: found.get(s.service) ?? { ok: false, reason: 'MISSING' } };
  }
  await Promise.all(
    services.map(async (s) => {
      const state = out[s.key] as ServiceLiveState;
      const ref = state.lookup.ok ? state.lookup.service.taskDefinition : undefined;
      const running = ref ? await describeTaskDefinition(clients.ecs, ref) : undefined;
      const latest = s.family ? await describeTaskDefinition(clients.ecs, s.family) : undefined;
      if (running) state.running = running;
      if (latest) state.latest = latest;
    }),
  );
  const missing = await missingParameters(clients.ssm, [...new Set(ssmRefs)].sort());
  return { services: out, missingParameters: [...missing].sort() };
}

export interface PreflightTarget {
  key: string;
  cluster: string;
  service: string;
  taskDefinition: RegisterTaskDefinitionCommandInput;
}

/** What would stop the deploy of one service, judged from gathered data; the messages are the deploy's. */
export function servicePreflight(
  s: PreflightTarget,
  live: ServiceLiveState | undefined,
  missing: ReadonlySet<string>,
): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const add = (code: string, message: string): void => void problems.push({ service: s.key, code, message });
  const td = s.taskDefinition;
  if (!td.executionRoleArn) {
    add(
      'preflight/no-execution-role',
      `service ${s.key}: task definition "${td.family ?? '?'}" has no "executionRoleArn"; ` +
        'Fargate needs a task execution role to pull images from ECR and to read secrets',
    );
  }
  for (const [ref, wheres] of ssmReferences(td)) {
    if (!missing.has(ref)) continue;
    for (const where of wheres) {
      const message = `service ${s.key}: SSM parameter "${ref}" (${where}) does not exist; create it or fix the name`;
      add('preflight/missing-parameter', message);
    }
  }
  const r = live?.lookup;
  const named = `ECS service "${s.service}" in cluster "${s.cluster}"`;
  if (!r || !r.ok) {
    const why = r && !r.ok ? r.reason : 'MISSING';
    const message = `service ${s.key}: ${named} was not found (${why}); create it first or fix the name`;
    add('preflight/service-not-found', message);
  } else if (r.service.status !== 'ACTIVE') {
    add('preflight/service-not-active', `service ${s.key}: ${named} is ${r.service.status ?? 'not ACTIVE'}`);
  } else if (r.service.deploymentController?.type && r.service.deploymentController.type !== 'ECS') {
    add(
      'preflight/unsupported-deployment-controller',
      `service ${s.key}: ${named} uses the ${r.service.deploymentController.type} deployment controller; ` +
        'only rolling updates (ECS) are supported',
    );
  }
  return problems;
}
