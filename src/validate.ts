/**
 * `validate`: everything the project file references, each file checked with what is known about
 * where it runs. Files -> findings, one way: the project file, then each image's Dockerfile and
 * layout, then each task definition, then every classified file with its context (the container's
 * environment from the task definition, the image's files and gems, the agent's secret backend).
 */
import path from 'node:path';
import { agentConfPath, checkAgentFile, checkConfDLayout, type Site } from './checks/agent/index.js';
import type { CheckContext, ContainerEnvView, ImageView, SecretBackendView } from './checks/context.js';
import { checkAgreements } from './checks/cross/index.js';
import { checkFluentd, senderForwardedTags } from './checks/fluentd/index.js';
import { DiskFs } from './checks/fs.js';
import { readSource } from './checks/source.js';
import { checkTaskDefinition, containerEnv, records } from './checks/taskdef/index.js';
import { isMap, get, isScalar } from './checks/yaml/ast.js';
import { loadYaml } from './checks/yaml/load.js';
import { classifyFiles, type ClassifiedFile, ImageFs, type ImageLayout, imageLayouts } from './project/layout.js';
import { loadProject } from './project/load.js';
import type { FileKind, Project, ServiceConfig } from './project/types.js';
import { appendAll, dedupeFindings, type Finding } from './checks/findings.js';

export interface SiteInFile extends Site {
  file: string;
}

export interface ValidationResult {
  /** Absent when the project file could not be read at all. */
  project?: Project;
  /** Unreadable or not-YAML project file (the CLI exits 2). */
  fatal: boolean;
  findings: Finding[];
  /** Every file read, repository-relative, with the kind it was checked as. */
  files: Array<{ path: string; kind: FileKind | 'project' }>;
  layouts: Map<string, ImageLayout>;
  /** Parsed task definition templates by service key (absent when the file has errors that stop parsing). */
  taskDefs: Map<string, Record<string, unknown>>;
  /** The http_check sites, for the PR report. */
  sites: SiteInFile[];
}

/** Where a file of an image runs: each (service, container) that runs the image. */
interface Runner {
  service: ServiceConfig;
  container: string;
}

/** `text`: the project file's content when it is not (yet) on disk (`init --dry-run`). */
export function validateProject(configPath: string, text?: string): ValidationResult {
  const loaded = loadProject(configPath, text);
  const result: ValidationResult = {
    fatal: loaded.fatal,
    findings: [...loaded.findings],
    files: [],
    layouts: new Map(),
    taskDefs: new Map(),
    sites: [],
  };
  const project = loaded.project;
  if (!project) return result;
  result.project = project;
  result.files.push({ path: project.configFile, kind: 'project' });

  const { layouts, findings: layoutFindings } = imageLayouts(project);
  result.layouts = layouts;
  appendAll(result.findings, layoutFindings);

  for (const svc of Object.values(project.services)) {
    const decoded = readSource(svc.taskDefinition, path.join(project.root, svc.taskDefinition));
    if (!decoded.ok) {
      appendAll(result.findings, decoded.findings);
      continue;
    }
    const r = checkTaskDefinition(decoded.source, { service: svc, project });
    appendAll(result.findings, r.findings);
    if (r.taskDef) result.taskDefs.set(svc.key, r.taskDef);
  }

  // An image's contexts are the same for each of its files: worked out (datadog.yaml read) once.
  const contextsByImage = new Map<string, CheckContext[]>();
  const contextsOf = (layout: ImageLayout | undefined): CheckContext[] => {
    if (!layout) return contexts(project, undefined, result, forwarded);
    let out = contextsByImage.get(layout.imageKey);
    if (!out) contextsByImage.set(layout.imageKey, (out = contexts(project, layout, result, forwarded)));
    return out;
  };
  const classified = classifyFiles(project, layouts);
  const forwarded = forwardedTags(project, classified);
  const seen = new Set<string>();
  for (const file of classified) {
    if (!seen.has(file.repoPath)) {
      seen.add(file.repoPath);
      result.files.push({ path: file.repoPath, kind: file.kind });
    }
    const layout = file.imageKey ? layouts.get(file.imageKey) : undefined;
    appendAll(result.findings, checkClassified(project, file, layout, contextsOf, result));
  }
  for (const layout of layouts.values()) {
    const confD = new Map([...layout.files].filter(([imagePath]) => agentConfPath(imagePath) !== undefined));
    if (confD.size) appendAll(result.findings, checkConfDLayout(confD));
  }
  appendAll(result.findings, checkAgreements(project, layouts));
  result.findings = dedupeFindings(result.findings);
  return result;
}

function checkClassified(
  project: Project,
  file: ClassifiedFile,
  layout: ImageLayout | undefined,
  contextsOf: (layout: ImageLayout | undefined) => CheckContext[],
  result: ValidationResult,
): Finding[] {
  switch (file.kind) {
    case 'http_check':
    case 'mysql': {
      const decoded = readSource(file.repoPath, path.join(project.root, file.repoPath));
      if (!decoded.ok) return decoded.findings;
      const out: Finding[] = [];
      for (const ctx of contextsOf(layout)) {
        const r = checkAgentFile(decoded.source, file.kind, ctx);
        appendAll(out, r.findings);
        if (file.kind === 'http_check' && !result.sites.some((s) => s.file === file.repoPath)) {
          appendAll(
            result.sites,
            r.sites.map((s) => ({ ...s, file: file.repoPath })),
          );
        }
      }
      return out;
    }
    case 'fluentd': {
      const out: Finding[] = [];
      for (const ctx of contextsOf(layout)) {
        if (layout && file.imagePath)
          appendAll(out, checkFluentd(file.imagePath, new ImageFs(project, layout), ctx).findings);
        else appendAll(out, checkFluentd(file.repoPath, new DiskFs(project.root), ctx).findings);
      }
      return out;
    }
    case 'datadog_yaml': {
      const decoded = readSource(file.repoPath, path.join(project.root, file.repoPath));
      if (!decoded.ok) return decoded.findings;
      return loadYaml(decoded.source, 'agent').findings;
    }
    default:
      // Task definitions are checked per service above; Dockerfiles by the layout; secret files are only carried.
      return [];
  }
}

/**
 * The tags the aggregator's in_forward receives: those the project's sender configs (Fluentd files
 * in no image) forward, derived from their sources and routing, plus any the project file declares
 * (`fluentd.forwardedTags`) for senders outside the repository. A sender that renames its tag thus
 * changes what the aggregator's routing check sees.
 */
function forwardedTags(project: Project, classified: readonly ClassifiedFile[]): string[] {
  const out = new Set(project.fluentd.forwardedTags);
  for (const f of classified) {
    if (f.kind !== 'fluentd' || f.imageKey !== undefined) continue;
    for (const t of senderForwardedTags(f.repoPath, new DiskFs(project.root))) out.add(t);
  }
  return [...out];
}

/**
 * One check context per container that runs the image (a variable must reach every one of them),
 * or a single image-only context when no service runs it (or the file is in no image).
 */
function contexts(
  project: Project,
  layout: ImageLayout | undefined,
  result: ValidationResult,
  forwardedTags: string[],
): CheckContext[] {
  const base: CheckContext = { fluentd: { forwardedTags } };
  if (!layout) return [base];
  const image = imageView(project, layout);
  const runners: Runner[] = [];
  for (const svc of Object.values(project.services)) {
    for (const [container, imageKey] of Object.entries(svc.containers)) {
      if (imageKey === layout.imageKey) runners.push({ service: svc, container });
    }
  }
  const fromImage = imageSecretBackend(project, layout);
  const withImage: CheckContext = {
    ...base,
    image,
    secretBackend: fromImage ?? { configured: false, where: "the image's datadog.yaml" },
  };
  const out: CheckContext[] = [];
  for (const r of runners) {
    const td = result.taskDefs.get(r.service.key);
    if (!td) continue;
    const env = containerEnv(td, r.container, r.service);
    const backend = containerSecretBackend(td, r.container, env) ??
      fromImage ?? { configured: false, where: `neither ${env.where} nor the image's datadog.yaml` };
    out.push({ ...withImage, env, secretBackend: backend });
  }
  return out.length ? out : [withImage];
}

function imageView(project: Project, layout: ImageLayout): ImageView {
  return {
    dockerfile: project.images[layout.imageKey]?.dockerfile ?? layout.dockerfile.file,
    files: layout.files,
    gems: layout.gems,
    baseImage: layout.baseImage,
    complete: layout.complete,
    // Names the Dockerfile sets with ENV reach the process as much as the task definition's do.
    env: new Set(Object.keys(layout.env)),
  };
}

/**
 * The agent's secret backend (CONFIG-FACTS A2): `DD_SECRET_BACKEND_COMMAND` / `DD_SECRET_BACKEND_TYPE`
 * in the container's environment (task definition or Dockerfile ENV), or `secret_backend_command` /
 * `secret_backend_type` in the datadog.yaml the image carries. The task definition's comes first.
 */
function containerSecretBackend(
  taskDef: Record<string, unknown>,
  container: string,
  env: ContainerEnvView,
): SecretBackendView | undefined {
  const c = records(taskDef.containerDefinitions).find((d) => d.name === container);
  for (const e of records(c?.environment)) {
    if (
      (e.name === 'DD_SECRET_BACKEND_COMMAND' || e.name === 'DD_SECRET_BACKEND_TYPE') &&
      typeof e.value === 'string' &&
      e.value
    ) {
      return {
        configured: true,
        where: `${e.name} in ${env.where}`,
        ...(e.name === 'DD_SECRET_BACKEND_COMMAND' ? { command: e.value } : { type: e.value }),
      };
    }
  }
  return undefined;
}

/** The image's own secret backend: Dockerfile ENV, else its datadog.yaml. */
function imageSecretBackend(project: Project, layout: ImageLayout): SecretBackendView | undefined {
  for (const name of ['DD_SECRET_BACKEND_COMMAND', 'DD_SECRET_BACKEND_TYPE'] as const) {
    const v = layout.env[name];
    if (v) {
      const where = `ENV ${name} in ${project.images[layout.imageKey]?.dockerfile ?? 'the Dockerfile'}`;
      return { configured: true, where, ...(name === 'DD_SECRET_BACKEND_COMMAND' ? { command: v } : { type: v }) };
    }
  }
  const dd = layout.files.get('/etc/datadog-agent/datadog.yaml');
  if (!dd) return undefined;
  const decoded = readSource(dd, path.join(project.root, dd));
  if (!decoded.ok) return undefined;
  const y = loadYaml(decoded.source, 'agent');
  if (!isMap(y.root)) return undefined;
  const cmd = get(y.root, 'secret_backend_command');
  const type = get(y.root, 'secret_backend_type');
  if (isScalar(cmd) && typeof cmd.value === 'string' && cmd.value)
    return { configured: true, where: `secret_backend_command in ${dd}`, command: cmd.value };
  if (isScalar(type) && typeof type.value === 'string' && type.value)
    return { configured: true, where: `secret_backend_type in ${dd}`, type: type.value };
  return undefined;
}
