/**
 * What plan and deploy both start from: the validated project, the services selected (`--only`),
 * the images they run with their content hashes, and which of their inputs git says changed.
 * No AWS here.
 */
import path from 'node:path';
import { type Finding, finding } from '../checks/findings.js';
import { readSource } from '../checks/source.js';
import { containerEnv } from '../checks/taskdef/index.js';
import { type BaseDigests, contentTag, imageInputs, type ImageSpec, parsedImageInputs } from '../images/index.js';
import { taskPlatform } from '../images/append-plan.js';
import type { Dockerfile } from '../project/dockerfile.js';
import type { Project, ServiceConfig } from '../project/types.js';
import { type ValidationResult, validateProject } from '../validate.js';
import type { ChangedFiles, ImagePlan } from './types.js';

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

export interface PreparedImage {
  spec: ImageSpec;
  /** Repository-relative files the build reads, plus the Dockerfile. */
  inputs: string[];
  changedInputs: string[];
  inputsChanged: boolean | undefined;
  /** Keys of the selected services that run it. */
  services: string[];
}

export interface Prepared {
  validation: ValidationResult;
  project: Project;
  services: ServiceConfig[];
  images: PreparedImage[];
  findings: Finding[];
}

/** Placeholder values the Fluentd dry run sees for what the task definition provides: never real secrets. */
const ENV_PLACEHOLDER = 'dd-ecs-monitor-placeholder';

export async function prepare(opts: {
  configPath: string;
  only?: readonly string[];
  changed: ChangedFiles;
  /** The validation of `configPath` when the caller already has it (the action reports it too). */
  validation?: ValidationResult;
  /**
   * Resolves floating base references to digests for the content hash (`resolveBaseDigests`), so a
   * tag moved upstream rebuilds; its notices become findings. Without it, bases are hashed by name.
   */
  resolveBaseImages?: (refs: readonly string[]) => Promise<BaseDigests>;
}): Promise<Prepared> {
  const validation = opts.validation ?? validateProject(opts.configPath);
  const project = validation.project;
  if (validation.fatal || !project) {
    throw new PlanError(
      `cannot use the project file ${opts.configPath}: ${validation.findings[0]?.message ?? 'unreadable'}`,
    );
  }
  const all = Object.values(project.services);
  const only = opts.only ?? [];
  const unknown = only.filter((k) => !all.some((s) => s.key === k || s.service === k));
  if (unknown.length) {
    throw new PlanError(
      `--only names ${unknown.map((u) => `"${u}"`).join(', ')}, not a service of ${project.configFile} (services: ${all.map((s) => s.key).join(', ')})`,
    );
  }
  const services = only.length ? all.filter((s) => only.includes(s.key) || only.includes(s.service)) : all;

  const imageKeys = [...new Set(services.flatMap((s) => Object.values(s.containers)))].filter((k) => project.images[k]);
  const changedSet = opts.changed.kind === 'files' ? new Set(opts.changed.files) : undefined;
  const baseNotices: Finding[] = [];
  const resolve =
    opts.resolveBaseImages && project.deploy.resolveBaseImages ? onceEach(opts.resolveBaseImages) : undefined;
  const images = await Promise.all(
    imageKeys.map(async (key): Promise<PreparedImage> => {
      const img = project.images[key] as NonNullable<Project['images'][string]>;
      const contextDir = path.join(project.root, img.context);
      const dockerfile = path.join(project.root, img.dockerfile);
      const hashOptions = {
        contextDir,
        dockerfile,
        buildArgs: img.buildArgs,
        ...(img.platform ? { platform: img.platform } : {}),
        ...(img.target ? { target: img.target } : {}),
      };
      // Validation already parsed the Dockerfile and listed the context; without a layout (an
      // unreadable Dockerfile) imageInputs says why.
      const layout = validation.layouts.get(key);
      const bases =
        layout && resolve ? await resolvedBases(resolve, layout.dockerfile, img.dockerfile, baseNotices) : undefined;
      const inputs = layout
        ? await parsedImageInputs(
            hashOptions,
            layout.dockerfile,
            layout.inputs.map((f) => (img.context === '.' ? f : f.slice(img.context.length + 1))),
            bases,
          )
        : await imageInputs({ root: project.root, ...hashOptions });
      if (!inputs.hash)
        throw new PlanError(`image "${key}": ${inputs.findings[0]?.message ?? 'cannot read its Dockerfile'}`);
      const repoInputs = [
        img.dockerfile,
        ...inputs.files.map((f) => (img.context === '.' ? f : `${img.context}/${f}`)),
      ];
      // The project file holds build args: editing it may change the image even when no input file did.
      const watched = [...repoInputs, project.configFile];
      const changedInputs = changedSet ? watched.filter((f) => changedSet.has(f)) : [];
      return {
        spec: {
          key,
          contextDir,
          dockerfile,
          repository: img.repository,
          buildArgs: img.buildArgs,
          ...(img.platform ? { platform: img.platform } : {}),
          ...(img.target ? { target: img.target } : {}),
          contentHash: inputs.hash,
          ...(bases?.size ? { baseDigests: Object.fromEntries(bases) } : {}),
          ...fluentdCheck(validation, project, key),
          ...runtimePlatformOf(validation, services, key),
        },
        inputs: repoInputs,
        changedInputs,
        inputsChanged: changedSet ? changedInputs.length > 0 : undefined,
        services: services.filter((s) => Object.values(s.containers).includes(key)).map((s) => s.key),
      };
    }),
  );
  return {
    validation,
    project,
    services,
    images,
    findings: baseNotices.length ? [...validation.findings, ...baseNotices] : validation.findings,
  };
}

/** The digests of an image's floating bases; each one not resolved is a notice on its FROM line(s). */
async function resolvedBases(
  resolve: (refs: readonly string[]) => Promise<BaseDigests>,
  df: Dockerfile,
  dockerfile: string,
  notices: Finding[],
): Promise<ReadonlyMap<string, string>> {
  const stages = df.stages.filter((s) => s.baseStage === undefined);
  const r = await resolve(stages.map((s) => s.baseImage));
  for (const s of stages) {
    const message = r.notices.find((m) => m.startsWith(`base image ${s.baseImage} `));
    if (message)
      notices.push(finding(dockerfile, { line: s.line, column: 1 }, 'notice', 'dockerfile/base-unresolved', message));
  }
  return r.digests;
}

/** The resolver asked once per distinct reference, however many images and stages name it. */
function onceEach(
  resolve: (refs: readonly string[]) => Promise<BaseDigests>,
): (refs: readonly string[]) => Promise<BaseDigests> {
  const asked = new Map<string, Promise<BaseDigests>>();
  return async (refs) => {
    const fresh = [...new Set(refs)].filter((r) => !asked.has(r));
    if (fresh.length) {
      const all = resolve(fresh);
      for (const r of fresh) asked.set(r, all);
    }
    const answers = await Promise.all([...new Set(refs)].map((r) => asked.get(r) as Promise<BaseDigests>));
    const digests = new Map<string, string>();
    const notices = new Set<string>();
    for (const a of answers) {
      for (const [k, v] of a.digests) if (refs.includes(k)) digests.set(k, v);
      for (const n of a.notices) if (refs.some((r) => n.startsWith(`base image ${r} `))) notices.add(n);
    }
    return { digests, notices: [...notices] };
  };
}

/** The platform the task definitions running this image ask for: which base entry a layer append reads. */
function runtimePlatformOf(
  validation: ValidationResult,
  services: readonly ServiceConfig[],
  imageKey: string,
): Pick<ImageSpec, 'runtimePlatform'> {
  const platform = services
    .filter((s) => Object.values(s.containers).includes(imageKey))
    .map((s) => taskPlatform(validation.taskDefs.get(s.key)))
    .find((p) => p !== undefined);
  return platform ? { runtimePlatform: platform } : {};
}

/** The Fluentd entry config this image carries, for the image's own `fluentd --dry-run`. */
function fluentdCheck(
  validation: ValidationResult,
  project: Project,
  imageKey: string,
): Pick<ImageSpec, 'fluentdCheck'> {
  const layout = validation.layouts.get(imageKey);
  if (!layout) return {};
  const entry = validation.files.find(
    (f) => f.kind === 'fluentd' && [...layout.files].some(([, repo]) => repo === f.path),
  );
  if (!entry) return {};
  const imagePath = [...layout.files].find(([, repo]) => repo === entry.path)?.[0];
  if (!imagePath) return {};
  const sources = new Map<string, string>();
  for (const [ip, repo] of layout.files) {
    if (!ip.endsWith('.conf')) continue;
    const d = readSource(repo, path.join(project.root, repo));
    if (d.ok) sources.set(repo, d.source.text);
  }
  const env: Record<string, string> = {};
  for (const svc of Object.values(project.services)) {
    const td = validation.taskDefs.get(svc.key);
    if (!td) continue;
    for (const [container, key] of Object.entries(svc.containers)) {
      if (key !== imageKey) continue;
      for (const name of containerEnv(td, container, svc).names) env[name] = ENV_PLACEHOLDER;
    }
  }
  return { fluentdCheck: { configPath: imagePath, file: entry.path, files: layout.files, sources, env } };
}

/** An image's line of the plan: what prepare knows, plus the decision and whatever ECR said. */
export function imagePlan(
  img: PreparedImage,
  decision: Pick<ImagePlan, 'action' | 'reason' | 'method'> & {
    repositoryUri?: string | undefined;
    digest?: string | undefined;
  },
): ImagePlan {
  return {
    key: img.spec.key,
    repository: img.spec.repository,
    contentHash: img.spec.contentHash,
    tag: contentTag(img.spec.contentHash),
    changedInputs: img.changedInputs,
    inputsChanged: img.inputsChanged,
    action: decision.action,
    reason: decision.reason,
    ...(decision.repositoryUri ? { repositoryUri: decision.repositoryUri } : {}),
    ...(decision.digest ? { digest: decision.digest } : {}),
    ...(decision.method ? { method: decision.method } : {}),
    services: img.services,
  };
}
