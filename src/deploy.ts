/**
 * `deploy`: validate, build and push only the images whose content tag ECR lacks, render every
 * selected service's task definition pinned by digest, pre-flight, register only what changed,
 * update only what changed (or everything when forced), and follow each rollout to COMPLETED.
 * Anything that stops it before the first change in AWS comes back in `problems`; nothing is
 * half-done silently.
 */
import { type AwsClients, destroyClients, makeClients } from './aws.js';
import { PhaseClock, watchEcsChanges } from './deploy-phases.js';
import { countBySeverity } from './checks/findings.js';
import { callerAccount, deployServices, DeployStepError, describeServices, realClock } from './ecs/index.js';
import type { DeployServicesResult } from './ecs/types.js';
import { busyMessage, holdLease, type LeaseOutcome, type LeaseTarget, runIdFor } from './ecs/lease.js';
import { onInterrupt } from './signals.js';
import { type Exec, ExecError } from './exec.js';
import { buildImages, EcrError, ImageBuildError } from './images/index.js';
import { type PlanOptions, requireRegion } from './plan/index.js';
import { liveBaseResolver, planProject } from './plan-project.js';
import { imagePlan, PlanError, type Prepared, prepare } from './plan/prepare.js';
import { renderAll } from './plan/render-all.js';
import type { DeployedImage, DeployedService, DeployResult, ImagePlan, Plan, ServicePlan } from './plan/types.js';
import { appendAll } from './checks/findings.js';

export interface DeployOptions extends PlanOptions {
  dryRun: boolean;
  /** false turns rollback off; so does the project file's `deploy.rollback: false`. */
  rollback: boolean;
  /** Override the project file's `deploy.waitTimeoutSeconds` / `pollIntervalSeconds`. */
  waitTimeoutSeconds?: number;
  pollIntervalSeconds?: number;
  /** The commit being deployed (an extra image tag); empty for none. */
  gitSha: string;
  /** The process seam for docker (tests record the calls); default: real processes. */
  exec?: Exec;
  /**
   * Another deploy holds the lease, or a service to update has a deployment IN_PROGRESS that this
   * run did not start: wait for it (true) instead of refusing (default).
   */
  waitForOtherDeployments?: boolean;
}

/** Errors that mean "this step failed for this reason" rather than a bug: reported as problems. */
function isStepError(err: unknown): err is Error {
  return (
    err instanceof ImageBuildError ||
    err instanceof ExecError ||
    err instanceof EcrError ||
    err instanceof DeployStepError ||
    err instanceof PlanError
  );
}

/** A deploy that stopped early: the reason, and no per-image or per-service results. */
function stoppedEarly(prepared: Prepared, opts: DeployOptions, problem: string): DeployResult {
  const plan: Plan = {
    offline: false,
    changed: opts.changed,
    images: [],
    services: [],
    findings: prepared.findings,
    problems: [],
  };
  return { ok: false, dryRun: false, plan, images: [], services: [], problems: [problem] };
}

export async function deploy(opts: DeployOptions): Promise<DeployResult> {
  const { log } = opts;
  if (opts.dryRun) {
    const plan = await planProject({ ...opts, offline: false });
    const errors = countBySeverity(plan.findings).error;
    const problems = [...(errors ? [`${errors} error finding(s): fix them before deploying`] : []), ...plan.problems];
    return { ok: problems.length === 0, dryRun: true, plan, images: [], services: [], problems };
  }

  const clock = new PhaseClock();
  const prepared = await prepare({ ...opts, resolveBaseImages: liveBaseResolver(opts) });
  clock.mark('validate');
  const errors = countBySeverity(prepared.findings).error;
  if (errors) {
    const problem = `${errors} error finding(s) in the repository: nothing was built, registered or updated`;
    return stoppedEarly(prepared, opts, problem);
  }
  const region = requireRegion(prepared, opts.env ?? process.env);
  const clients: AwsClients = opts.clients ?? makeClients({ region });
  try {
    return await deployWith(prepared, clients, region, opts, clock);
  } catch (err) {
    if (!isStepError(err)) throw err;
    log.info(`deploy stopped: ${err.message}`);
    return stoppedEarly(prepared, opts, err.message);
  } finally {
    if (!opts.clients) destroyClients(clients);
  }
}

async function deployWith(
  prepared: Prepared,
  clients: AwsClients,
  region: string,
  opts: DeployOptions,
  clock = new PhaseClock(),
): Promise<DeployResult> {
  const { log } = opts;
  const { project } = prepared;
  const accountId = await callerAccount(clients.sts);
  log.info(`deploying ${prepared.services.map((s) => s.key).join(', ')} to ${region} (cluster ${project.cluster})`);
  // One deploy at a time: the lease is taken before anything is built, pushed or registered.
  const lease = await takeLease(prepared, clients, opts);
  if (lease.state === 'busy') {
    const problem = busyMessage(lease);
    log.info(`deploy refused: ${problem}`);
    return stoppedEarly(prepared, opts, problem);
  }
  const unhook = lease.state === 'held' ? onInterrupt(lease.release) : () => undefined;
  try {
    return await deployHeld({ prepared, clients, region, accountId, opts, clock });
  } finally {
    unhook();
    if (lease.state === 'held') await lease.release();
  }
}

async function takeLease(prepared: Prepared, clients: AwsClients, opts: DeployOptions): Promise<LeaseOutcome> {
  const targets: LeaseTarget[] = [];
  const byCluster = new Map<string, Prepared['services']>();
  for (const s of prepared.services) byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s]);
  for (const [cluster, list] of byCluster) {
    const found = await describeServices(
      clients.ecs,
      cluster,
      list.map((s) => s.service),
    );
    for (const s of list) {
      const r = found.get(s.service);
      // A missing service is pre-flight's to report, after the build.
      if (r?.ok && r.service.serviceArn) targets.push({ key: s.key, serviceArn: r.service.serviceArn });
    }
  }
  return holdLease({
    ecs: clients.ecs,
    log: opts.log,
    clock: realClock,
    targets,
    runId: runIdFor(opts.env ?? process.env),
    wait: opts.waitForOtherDeployments === true,
    waitTimeoutMs: (opts.waitTimeoutSeconds ?? prepared.project.deploy.waitTimeoutSeconds) * 1000,
  });
}

interface HeldDeploy {
  prepared: Prepared;
  clients: AwsClients;
  region: string;
  accountId: string;
  opts: DeployOptions;
  /** Each phase's seconds (validate, images, register, rollout) for the summary. */
  clock: PhaseClock;
}

async function deployHeld(h: HeldDeploy): Promise<DeployResult> {
  const { prepared, clients, region, accountId, opts, clock } = h;
  const { log } = opts;
  const { project } = prepared;

  const built = await buildImages({
    images: prepared.images.map((i) => i.spec),
    gitSha: opts.gitSha,
    clients,
    log,
    rebuild: opts.rebuild ?? false,
    createRepositories: project.deploy.createRepositories,
    fluentdDryRun: project.deploy.fluentdDryRun,
    env: opts.env ?? process.env,
    ...(opts.exec ? { exec: opts.exec } : {}),
  });
  const images: DeployedImage[] = built.images
    .filter((r) => r.digest && r.repositoryUri && r.imageRef)
    .map((r) => ({
      key: r.key,
      repositoryUri: r.repositoryUri as string,
      digest: r.digest as string,
      imageRef: r.imageRef as string,
      tags: r.tags,
      built: r.built,
      pushed: r.pushed,
      ...(r.method ? { method: r.method } : {}),
      ...(r.bytesPushed !== undefined ? { bytesPushed: r.bytesPushed } : {}),
      ...(r.fluentdDryRun ? { fluentdDryRun: r.fluentdDryRun } : {}),
    }));
  clock.mark('images');
  const bytesPushed = built.images.reduce((n, r) => n + (r.bytesPushed ?? 0), 0);
  const imagePlans: ImagePlan[] = prepared.images.map((img) => {
    const r = built.images.find((b) => b.key === img.spec.key);
    return imagePlan(img, {
      action: r?.action === 'reused' ? 'reuse' : 'build',
      reason:
        r?.action === 'reused'
          ? (r.reusedBecause ?? 'already in ECR')
          : r?.action === 'blocked'
            ? 'built, but fluentd rejected its config: not pushed'
            : 'built and pushed',
      repositoryUri: r?.repositoryUri,
      digest: r?.digest,
      ...(r?.method ? { method: r.method } : {}),
    });
  });
  const plan: Plan = {
    offline: false,
    changed: opts.changed,
    images: imagePlans,
    services: [],
    findings: [...prepared.findings, ...built.findings],
    problems: [],
  };
  const blocked = built.findings.filter((f) => f.severity === 'error');
  if (blocked.length) {
    appendAll(
      plan.problems,
      blocked.map((f) => `${f.file}:${f.line}:${f.column}: ${f.code} ${f.message}`),
    );
    return {
      ok: false,
      dryRun: false,
      plan,
      images,
      services: [],
      problems: [
        `fluentd rejected the configuration in the built image: nothing was pushed for it, registered or updated`,
        ...plan.problems,
      ],
    };
  }

  const rendered = renderAll(prepared, Object.fromEntries(images.map((i) => [i.key, i.imageRef])), region, accountId);
  for (const n of rendered.notes) log.info(n);
  if (rendered.problems.length) {
    appendAll(plan.problems, rendered.problems);
    return { ok: false, dryRun: false, plan, images, services: [], problems: rendered.problems };
  }

  const ecsStart = Date.now();
  const watch = watchEcsChanges(clients.ecs);
  const result = await deployServices({
    clients,
    log,
    services: rendered.deployments,
    forceNewDeployment: opts.forceNewDeployment ?? false,
    rollback: opts.rollback && project.deploy.rollback,
    waitTimeoutMs: (opts.waitTimeoutSeconds ?? project.deploy.waitTimeoutSeconds) * 1000,
    pollIntervalMs: (opts.pollIntervalSeconds ?? project.deploy.pollIntervalSeconds) * 1000,
    waitForOtherDeployments: opts.waitForOtherDeployments === true,
  }).finally(() => watch.stop());
  const cut = watch.last() ?? ecsStart;
  clock.add('register', cut - ecsStart);
  clock.add('rollout', Date.now() - cut);
  plan.services = result.services.map((s): ServicePlan => {
    // A pre-flight problem (or another service's failure) stopped the deploy before this one was compared.
    const notStarted = s.state === 'not-started';
    const own = result.problems.filter((p) => p.service === s.key).map((p) => p.message);
    return {
      key: s.key,
      cluster: s.cluster,
      service: s.service,
      images: [...new Set(Object.values(project.services[s.key]?.containers ?? {}))],
      action: notStarted ? 'unknown' : s.taskDefinitionChanged ? 'register-and-update' : s.updated ? 'update' : 'none',
      reason: notStarted
        ? own.join('; ') || 'not started: the deploy stopped before it'
        : (s.failure ??
          (s.taskDefinitionChanged ? 'task definition changed' : s.updated ? 'forced new deployment' : 'unchanged')),
      taskDefinitionDiff: s.diff,
      ...(s.previousTaskDefinitionArn ? { liveTaskDefinitionArn: s.previousTaskDefinitionArn } : {}),
    };
  });
  // Pre-flight messages already name their service.
  const problems = result.problems.map((p) => `${p.message} [${p.code}]`);
  appendAll(plan.problems, problems);
  const services = deployedServices(result.services);
  const ok = result.ok && problems.length === 0;
  return { ok, dryRun: false, plan, images, services, problems, phases: clock.seconds(), bytesPushed };
}

/** What the deploy reports per service. */
function deployedServices(list: DeployServicesResult['services']): DeployedService[] {
  return list.map((s) => ({
    key: s.key,
    cluster: s.cluster,
    service: s.service,
    ...(s.taskDefinitionArn ? { taskDefinitionArn: s.taskDefinitionArn } : {}),
    registered: s.registered,
    updated: s.updated,
    state: s.state,
    ok: s.ok,
    ...(s.failure ? { failure: s.failure } : {}),
    ...(s.rollback
      ? {
          rolledBack: {
            by: s.rollback.by,
            ...(s.rollback.taskDefinitionArn ? { taskDefinitionArn: s.rollback.taskDefinitionArn } : {}),
            state: s.rollback.state,
          },
        }
      : {}),
  }));
}
