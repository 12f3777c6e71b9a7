/**
 * `plan`: what a deploy would do, per image and per service, with each task definition's diff.
 * Pure: a plan is a function of the repository's files (`Prepared`, read by prepare.ts) and, for a
 * live plan, of `LiveState` gathered beforehand (src/plan-project.ts asks ECR, ECS, SSM and STS).
 * Offline (no live state) images whose inputs changed would be built, digests are placeholders,
 * and the diff is template -> rendered.
 */
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { resolveRegion } from '../aws.js';
import { ssmReferences } from '../ecs/preflight.js';
import { contentTag } from '../images/content-hash.js';
import { imageRefs, liveImages, offlineImages } from './images.js';
import { ecrRegistry, OFFLINE_ACCOUNT, OFFLINE_REGION, templateAccount } from './placeholders.js';
import { PlanError, type Prepared } from './prepare.js';
import { renderAll, type RenderedServices } from './render-all.js';
import { liveServices, offlineServices } from './services.js';
import type { ChangedFiles, ImagePlan, LiveState, Plan } from './types.js';

export { PlanError } from './prepare.js';
export { formatPlanText } from './format.js';
export { OFFLINE_ACCOUNT, OFFLINE_DIGEST, OFFLINE_REGISTRY, templateAccount } from './placeholders.js';
export type * from './types.js';
export type { PlanOptions } from './options.js';

/** The files' side of a plan, and the choices the command line makes. */
export interface PlanInput {
  prepared: Prepared;
  changed: ChangedFiles;
  forceNewDeployment?: boolean;
  rebuild?: boolean;
  /** Offline: the region the project file or the environment names, when any (else a placeholder). */
  region?: string;
  /**
   * Image key -> how it would be made ("layer append (N files, X KB)" or "docker build (reason)"),
   * worked out from the files (offline) or with ECR's base tags and the Docker engine (live) when
   * the inputs were gathered.
   */
  methods?: Record<string, string>;
}

/** The Region AWS is asked in (live plan, deploy): the project file's, else the environment's. */
export function requireRegion(prepared: Prepared, env: NodeJS.ProcessEnv): string {
  const region = resolveRegion(prepared.project.region, env);
  if (!region) {
    throw new PlanError('no AWS region: set `region:` in the project file, the aws-region input, or AWS_REGION');
  }
  return region;
}

/** The plan. Without `live` it is an offline plan. Same inputs, same plan: nothing is asked of anyone. */
export function makePlan(input: PlanInput, live?: LiveState): Plan {
  return planWithTaskDefinitions(input, live).plan;
}

/**
 * Service key -> the task definition exactly as RegisterTaskDefinition would get it (unmasked:
 * for `plan --out`, never for printing); services that cannot be rendered are absent.
 */
export function renderedTaskDefinitions(
  input: PlanInput,
  live?: LiveState,
): Record<string, RegisterTaskDefinitionCommandInput> {
  return planWithTaskDefinitions(input, live).taskDefinitions;
}

/** The plan and the task definitions it would register, from one rendering. */
export function planWithTaskDefinitions(
  input: PlanInput,
  live?: LiveState,
): { plan: Plan; taskDefinitions: Record<string, RegisterTaskDefinitionCommandInput> } {
  const r = renderFor(input, live);
  const taskDefinitions = Object.fromEntries(r.rendered.deployments.map((d) => [d.key, d.taskDefinition]));
  const { findings } = input.prepared;
  const common = { changed: input.changed, images: r.images, findings, notes: r.rendered.notes };
  if (!live) {
    const services = offlineServices(input, r.images, r.rendered);
    return { plan: { offline: true, ...common, services, problems: r.rendered.problems }, taskDefinitions };
  }
  const svc = liveServices(input, live, r.images, r.rendered);
  const problems = [...r.imageProblems, ...r.rendered.problems, ...svc.problems];
  return { plan: { offline: false, ...common, services: svc.services, problems }, taskDefinitions };
}

interface Rendered {
  images: ImagePlan[];
  imageProblems: string[];
  rendered: RenderedServices;
}

function renderFor(input: PlanInput, live: LiveState | undefined): Rendered {
  const { prepared } = input;
  if (!live) {
    const account = [...prepared.validation.taskDefs.values()].map(templateAccount).find(Boolean);
    const images = offlineImages(input, ecrRegistry(account, input.region));
    const refs = imageRefs(images, account, input.region);
    const rendered = renderAll(prepared, refs, input.region ?? OFFLINE_REGION, account ?? OFFLINE_ACCOUNT);
    return { images, imageProblems: [], rendered };
  }
  const img = liveImages(input, live);
  const rendered = renderAll(prepared, imageRefs(img.images, live.accountId, live.region), live.region, live.accountId);
  return { images: img.images, imageProblems: img.problems, rendered };
}

/** What a live plan needs to know, and of whom: the gatherer asks exactly this. */
export interface LiveQueries {
  images: Array<{ key: string; repository: string; registryId?: string; contentHash: string; tag: string }>;
  services: Array<{ key: string; cluster: string; service: string; family?: string }>;
  /** SSM references the rendered task definitions use (names or ARNs, as pre-flight asks them). */
  ssmRefs: string[];
}

export function liveQueries(prepared: Prepared, region: string, accountId: string): LiveQueries {
  const images = prepared.images.map((i) => ({
    key: i.spec.key,
    repository: i.spec.repository,
    ...(i.spec.registryId ? { registryId: i.spec.registryId } : {}),
    contentHash: i.spec.contentHash,
    tag: contentTag(i.spec.contentHash),
  }));
  // Which parameters a task definition reads does not depend on the digests: placeholders will do.
  const registry = ecrRegistry(accountId, region);
  const placeholders = offlineImages({ prepared, changed: { kind: 'all', reason: '' } }, registry);
  const rendered = renderAll(prepared, imageRefs(placeholders, accountId, region), region, accountId);
  const ssmRefs = [...new Set(rendered.deployments.flatMap((d) => [...ssmReferences(d.taskDefinition).keys()]))].sort();
  const services = prepared.services.map((s) => {
    const family = prepared.validation.taskDefs.get(s.key)?.family;
    return { key: s.key, cluster: s.cluster, service: s.service, ...(typeof family === 'string' ? { family } : {}) };
  });
  return { images, services, ssmRefs };
}
