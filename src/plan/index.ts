/**
 * `plan`: what a deploy would do, per image and per service, with each task definition's diff.
 * Offline it needs no AWS: images whose inputs changed would be built, digests and the account
 * are placeholders, and the diff is template -> rendered. Live (`plan`, `deploy --dry-run`) it
 * asks ECR which content tags exist and compares with the task definitions the services run.
 */
import { type AwsClients, destroyClients, makeClients, resolveRegion } from '../aws.js';
import { callerAccount, deployServices, sensitiveValues, taskDefinitionDiff } from '../ecs/index.js';
import type { JsonObject } from '../ecs/json.js';
import { buildImages, contentTag } from '../images/index.js';
import type { Log } from '../log.js';
import type { ValidationResult } from '../validate.js';
import { imagePlan, PlanError, type Prepared, prepare } from './prepare.js';
import { problemsOf, renderAll } from './render-all.js';
import type { ChangedFiles, ImagePlan, Plan, ServicePlan } from './types.js';

export { PlanError } from './prepare.js';
export { formatPlanText } from './format.js';
export type * from './types.js';

export interface PlanOptions {
  configPath: string;
  offline: boolean;
  changed: ChangedFiles;
  only?: string[];
  forceNewDeployment?: boolean;
  rebuild?: boolean;
  log: Log;
  env?: NodeJS.ProcessEnv;
  /** Reuse clients (tests, deploy); otherwise made from the project's region and destroyed after. */
  clients?: AwsClients;
  /** The validation of `configPath`, when the caller already ran it: it is not run twice. */
  validation?: ValidationResult;
}

/** Offline stand-ins: obviously not real, and valid where render checks the format. */
export const OFFLINE_ACCOUNT = '000000000000';
export const OFFLINE_DIGEST = `sha256:${'0'.repeat(64)}`;
export const OFFLINE_REGISTRY = 'ACCOUNT.dkr.ecr.REGION.amazonaws.com';

/** The Region AWS is asked in (live plan, deploy): the project file's, else the environment's. */
export function requireRegion(prepared: Prepared, env: NodeJS.ProcessEnv): string {
  const region = resolveRegion(prepared.project.region, env);
  if (!region) throw new PlanError('no AWS region: set `region:` in the project file, the aws-region input, or AWS_REGION');
  return region;
}

export async function makePlan(opts: PlanOptions): Promise<Plan> {
  const prepared = await prepare(opts);
  return opts.offline ? offlinePlan(prepared, opts) : livePlan(prepared, opts);
}

function describeChange(img: Prepared['images'][number], changed: ChangedFiles): string {
  if (changed.kind === 'all') return `${changed.reason}: the deploy builds it unless ECR already has ${contentTag(img.spec.contentHash)}`;
  if (img.inputsChanged) return `inputs changed: ${img.changedInputs.slice(0, 5).join(', ')}${img.changedInputs.length > 5 ? `, +${img.changedInputs.length - 5} more` : ''}`;
  return 'no input changed since the base commit';
}

function offlinePlan(prepared: Prepared, opts: PlanOptions): Plan {
  const region = resolveRegion(prepared.project.region, opts.env ?? process.env) ?? 'us-east-1';
  const images: ImagePlan[] = prepared.images.map((img) =>
    imagePlan(img, {
      action: opts.rebuild || img.inputsChanged !== false ? 'build' : 'unknown',
      reason: opts.rebuild ? 'rebuild requested' : describeChange(img, opts.changed),
      repositoryUri: `${OFFLINE_REGISTRY}/${img.spec.repository}`,
    }),
  );
  const refs = Object.fromEntries(images.map((i) => [i.key, `${i.repositoryUri}@${OFFLINE_DIGEST}`]));
  const rendered = renderAll(prepared, refs, region, OFFLINE_ACCOUNT);
  // As deployServices does for live plans: the log masks what the diffs mask.
  for (const d of rendered.deployments) for (const v of sensitiveValues(d.taskDefinition as unknown as JsonObject)) opts.log.mask(v);
  const services: ServicePlan[] = prepared.services.map((svc) => {
    const dep = rendered.deployments.find((d) => d.key === svc.key);
    const svcImages = [...new Set(Object.values(svc.containers))];
    const imageChanged = images.some((i) => svcImages.includes(i.key) && i.action === 'build');
    const templateChanged = opts.changed.kind === 'all' || opts.changed.files.includes(svc.taskDefinition) || opts.changed.files.includes(prepared.project.configFile);
    const action: ServicePlan['action'] = !dep ? 'unknown' : imageChanged || templateChanged ? 'register-and-update' : opts.forceNewDeployment ? 'update' : 'unknown';
    const why = !dep
      ? problemsOf(rendered, svc.key).join('; ') || 'cannot render'
      : imageChanged
        ? `image ${svcImages.filter((k) => images.find((i) => i.key === k)?.action === 'build').join(', ')} will be rebuilt`
        : templateChanged
          ? `${opts.changed.kind === 'all' ? 'no base to compare with' : 'task definition template or project file changed'}; registered only if it differs from the live one`
          : opts.forceNewDeployment
            ? 'forced new deployment'
            : 'nothing changed since the base commit (offline: the live task definition was not compared)';
    return {
      key: svc.key,
      cluster: svc.cluster,
      service: svc.service,
      images: svcImages,
      action,
      reason: why,
      taskDefinitionDiff: dep
        ? taskDefinitionDiff({ name: svc.taskDefinition, live: rendered.templates.get(svc.key), rendered: dep.taskDefinition, liveLabel: 'template', renderedLabel: 'rendered, offline placeholders' })
        : '',
    };
  });
  return { offline: true, changed: opts.changed, images, services, findings: prepared.findings, problems: rendered.problems, notes: rendered.notes };
}

async function livePlan(prepared: Prepared, opts: PlanOptions): Promise<Plan> {
  const region = requireRegion(prepared, opts.env ?? process.env);
  const clients = opts.clients ?? makeClients({ region });
  try {
    const accountId = await callerAccount(clients.sts);
    const built = await buildImages({
      images: prepared.images.map((i) => i.spec),
      gitSha: '',
      clients,
      log: opts.log,
      rebuild: opts.rebuild ?? false,
      createRepositories: prepared.project.deploy.createRepositories,
      dryRun: true,
      env: opts.env ?? process.env,
    });
    const images: ImagePlan[] = prepared.images.map((img) => {
      const r = built.images.find((b) => b.key === img.spec.key);
      const reuse = r?.action === 'reused';
      return imagePlan(img, {
        action: reuse ? 'reuse' : 'build',
        reason: reuse
          ? `${r?.contentTag} is already in ECR: reused, not rebuilt`
          : `${r?.wouldCreateRepository ? `repository ${img.spec.repository} does not exist yet; ` : ''}${opts.rebuild ? 'rebuild requested' : `${r?.contentTag} is not in ECR`} (${describeChange(img, opts.changed)})`,
        repositoryUri: r?.repositoryUri,
        digest: r?.digest,
      });
    });
    const refs = Object.fromEntries(
      images.map((i) => [i.key, `${i.repositoryUri ?? `${OFFLINE_REGISTRY}/${i.repository}`}@${i.digest ?? OFFLINE_DIGEST}`]),
    );
    const rendered = renderAll(prepared, refs, region, accountId);
    const dry = rendered.problems.length
      ? undefined
      : await deployServices({
          clients,
          log: opts.log,
          services: rendered.deployments,
          forceNewDeployment: opts.forceNewDeployment ?? false,
          dryRun: true,
          waitTimeoutMs: 0,
          pollIntervalMs: 0,
        });
    const notCompared = (key: string, failure: string | undefined): string =>
      failure ??
      ([...problemsOf(rendered, key), ...(dry?.problems ?? []).filter((p) => p.service === key).map((p) => p.message)].join('; ') ||
        'not compared with the live service: the deploy would stop before it');
    const services: ServicePlan[] = prepared.services.map((svc) => {
      const result = dry?.services.find((s) => s.key === svc.key);
      // A pre-flight problem or a failed look-up stops the deploy before this service is compared with what runs.
      const r = result && result.state !== 'not-started' && result.state !== 'failed' ? result : undefined;
      const svcImages = [...new Set(Object.values(svc.containers))];
      const pending = svcImages.filter((k) => images.find((i) => i.key === k)?.action === 'build');
      const action: ServicePlan['action'] = !r ? 'unknown' : r.taskDefinitionChanged ? 'register-and-update' : r.updated ? 'update' : 'none';
      return {
        key: svc.key,
        cluster: svc.cluster,
        service: svc.service,
        images: svcImages,
        action,
        reason: !r
          ? notCompared(svc.key, result?.failure)
          : r.taskDefinitionChanged
            ? pending.length
              ? `image ${pending.join(', ')} will be built: a new task definition pins its digest`
              : 'the rendered task definition differs from the live one'
            : r.updated
              ? 'forced new deployment of the unchanged task definition'
              : `unchanged: keeps ${r.previousTaskDefinitionArn ?? 'its task definition'}`,
        taskDefinitionDiff: r?.diff ?? '',
        ...(r?.previousTaskDefinitionArn ? { liveTaskDefinitionArn: r.previousTaskDefinitionArn } : {}),
      };
    });
    const problems = [...rendered.problems, ...(dry?.problems.map((p) => `${p.message} [${p.code}]`) ?? [])];
    return { offline: false, changed: opts.changed, images, services, findings: prepared.findings, problems, notes: rendered.notes };
  } finally {
    if (!opts.clients) destroyClients(clients);
  }
}
