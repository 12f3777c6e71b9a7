/**
 * Gather, then plan: the one place a plan's live state is collected. The repository's files are
 * read (prepare), AWS is asked what the plan needs to know (STS for the account, ECR for the
 * repositories and content tags, ECS and SSM for the services, their task definitions and the
 * parameters they read) and the answers come back as `LiveState`; the plan itself (src/plan) is a
 * pure function of both. `plan`, `deploy --dry-run` and the action all come through here.
 */
import { type AwsClients, destroyClients, makeClients, resolveRegion } from './aws.js';
import { callerAccount, lookUpServices, sensitiveValues } from './ecs/index.js';
import type { JsonObject } from './ecs/json.js';
import { offlineMethod } from './images/append-plan.js';
import { baseImageResolver } from './images/base-resolver.js';
import { lookUpImages, plannedImageMethod } from './images/index.js';
import { liveQueries, type PlanInput, type PlanOptions, planWithTaskDefinitions, requireRegion } from './plan/index.js';
import { type Prepared, prepare } from './plan/prepare.js';
import type { LiveState, Plan } from './plan/types.js';

/** Everything live a plan of `prepared` needs, read-only. */
export async function gatherLiveState(prepared: Prepared, clients: AwsClients, region: string): Promise<LiveState> {
  const accountId = await callerAccount(clients.sts);
  const q = liveQueries(prepared, region, accountId);
  const [images, ecs] = await Promise.all([
    lookUpImages(clients.ecr, q.images),
    lookUpServices(clients, q.services, q.ssmRefs),
  ]);
  return { region, accountId, images, ecs };
}

/** The files read and, unless offline, the live state gathered: all `makePlan` needs. */
export async function gatherPlanInputs(opts: PlanOptions): Promise<{ input: PlanInput; live?: LiveState }> {
  const prepared = await prepare(opts.offline ? opts : { ...opts, resolveBaseImages: liveBaseResolver(opts) });
  const env = opts.env ?? process.env;
  const input: PlanInput = {
    prepared,
    changed: opts.changed,
    ...(opts.forceNewDeployment !== undefined ? { forceNewDeployment: opts.forceNewDeployment } : {}),
    ...(opts.rebuild !== undefined ? { rebuild: opts.rebuild } : {}),
  };
  if (opts.offline) {
    const region = resolveRegion(prepared.project.region, env);
    const methods = await keyed(prepared, (spec) => offlineMethod(spec));
    return { input: { ...input, methods, ...(region ? { region } : {}) } };
  }
  const region = requireRegion(prepared, env);
  const clients = opts.clients ?? makeClients({ region });
  try {
    const live = await gatherLiveState(prepared, clients, region);
    const how = { clients, env, ...(opts.rebuild !== undefined ? { rebuild: opts.rebuild } : {}) };
    const fluentdDryRun = prepared.project.deploy.fluentdDryRun;
    const methods = await keyed(prepared, (spec) =>
      plannedImageMethod({ ...how, fluentdDryRun }, spec, live.images[spec.key]?.repository),
    );
    return { input: { ...input, methods }, live };
  } finally {
    if (!opts.clients) destroyClients(clients);
  }
}

/** Image key -> what `how` says of its spec (undefined answers left out). */
async function keyed(
  prepared: Prepared,
  how: (spec: Prepared['images'][number]['spec']) => Promise<string | undefined>,
): Promise<Record<string, string>> {
  const pairs = await Promise.all(prepared.images.map(async (i) => [i.spec.key, await how(i.spec)] as const));
  return Object.fromEntries(pairs.filter((p): p is readonly [string, string] => p[1] !== undefined));
}

/** Gather, then plan. */
export async function planProject(opts: PlanOptions): Promise<Plan> {
  return (await planProjectWithTaskDefinitions(opts)).plan;
}

/** Gather, then plan; also the task definitions the plan would register (for `plan --out`). */
export async function planProjectWithTaskDefinitions(
  opts: PlanOptions,
): Promise<ReturnType<typeof planWithTaskDefinitions>> {
  const { input, live } = await gatherPlanInputs(opts);
  const planned = planWithTaskDefinitions(input, live);
  // The plan's diffs mask credentials found by value; the log masks the same values (as a deploy does).
  for (const td of Object.values(planned.taskDefinitions)) {
    for (const v of sensitiveValues(td as unknown as JsonObject)) opts.log.mask(v);
  }
  return planned;
}

/**
 * Floating base tags resolved to digests (deploy, live plan): a moved upstream tag rebuilds. The
 * project file's `deploy.resolveBaseImages: false` turns it off (prepare reads it).
 */
export function liveBaseResolver(opts: PlanOptions): ReturnType<typeof baseImageResolver> {
  return baseImageResolver({
    log: opts.log,
    env: opts.env ?? process.env,
    ...(opts.clients ? { ecr: opts.clients.ecr } : {}),
  });
}
