/**
 * Everything the agreements between files are checked on, read once: each service's task
 * definition (tree and positions), each container with what it runs (the agent, Fluentd, or
 * something else), the Fluentd configurations of the images and of the senders (the web servers'
 * configs the project file lists), and the images' layouts. Nothing here reports: a file that does
 * not parse is left out, and its own checker has already said why.
 */
import path from 'node:path';
import type { ContainerEnvView } from '../context.js';
import type { Position } from '../findings.js';
import { DiskFs } from '../fs.js';
import { type Element, type ParseOutcome } from '../fluentd/ast.js';
import { loadConfig } from '../fluentd/load.js';
import { readSource, type SourceText } from '../source.js';
import { containerEnv, parseTaskDefinitionTree, records, taskDefObject } from '../taskdef/index.js';
import { type YMap, type YNode, get, isMap, isScalar, isSeq } from '../yaml/ast.js';
import { classifyFiles, ImageFs, type ImageLayout } from '../../project/layout.js';
import type { Project, ServiceConfig } from '../../project/types.js';

export type Role = 'agent' | 'fluentd' | 'other';

export interface TaskDefView {
  service: ServiceConfig;
  file: string;
  source: SourceText;
  root: YMap;
  plain: Record<string, unknown>;
}

export interface FluentdView {
  /** Repository path of the entry file. */
  file: string;
  root: Element;
  /** Includes could not all be read: "X is missing" would be a guess. */
  incomplete: boolean;
}

export interface ContainerView {
  td: TaskDefView;
  node: YMap;
  name: string;
  nameNode: YNode;
  role: Role;
  /** The project's image for it, when the service maps one. */
  layout?: ImageLayout;
  /** The image reference written in the task definition (unmapped containers). */
  imageRef?: string;
  fluentd?: FluentdView;
  env: ContainerEnvView;
  /** Plain values it gets: task-definition `environment`, the project's `environment`, Dockerfile ENV. */
  values: Map<string, string>;
}

export interface World {
  project: Project;
  layouts: Map<string, ImageLayout>;
  taskDefs: TaskDefView[];
  containers: ContainerView[];
  /** Fluentd configs in no image (the web servers' senders). */
  senders: FluentdView[];
}

export const posOf = (td: TaskDefView, node: YNode): Position => td.source.lines.position(node.range[0]);
export const strOf = (n: YNode | undefined): string | undefined =>
  isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
export const mapsOf = (n: YNode | undefined): YMap[] => (isSeq(n) ? n.items.filter(isMap) : []);

const AGENT_IMAGE = /(?:^|\/)(?:datadog\/agent|datadog-agent|datadog\/dogstatsd)(?:[:@]|$)/;
const FLUENTD_IMAGE = /(?:^|\/)(?:fluent\/fluentd|fluentd)(?:[:@-]|$)/;

function roleOf(image: string | undefined, layout: ImageLayout | undefined): Role {
  const ref = layout?.baseImage ?? image ?? '';
  if (AGENT_IMAGE.test(ref) || [...(layout?.files.keys() ?? [])].some((p) => p.startsWith('/etc/datadog-agent/')))
    return 'agent';
  if (FLUENTD_IMAGE.test(ref)) return 'fluentd';
  return 'other';
}

function loadFluentd(outcome: ParseOutcome, file: string): FluentdView | undefined {
  return outcome.fatal ? undefined : { file, root: outcome.root, incomplete: outcome.incomplete };
}

function readTaskDef(project: Project, service: ServiceConfig): TaskDefView | undefined {
  const decoded = readSource(service.taskDefinition, path.join(project.root, service.taskDefinition));
  if (!decoded.ok) return undefined;
  const parsed = parseTaskDefinitionTree(decoded.source);
  const plain = taskDefObject(parsed);
  if (!parsed.root || !plain || parsed.findings.some((f) => f.severity === 'error')) return undefined;
  return { service, file: service.taskDefinition, source: decoded.source, root: parsed.root, plain };
}

function valuesOf(td: TaskDefView, node: YMap, mapped: boolean, layout: ImageLayout | undefined): Map<string, string> {
  const out = new Map<string, string>(Object.entries(layout?.env ?? {}));
  if (mapped) for (const [k, v] of Object.entries(td.service.environment)) out.set(k, v);
  for (const e of mapsOf(get(node, 'environment'))) {
    const n = strOf(get(e, 'name'));
    const v = get(e, 'value');
    if (n !== undefined && isScalar(v) && v.value !== null) out.set(n, String(v.value));
  }
  return out;
}

export function buildWorld(project: Project, layouts: Map<string, ImageLayout>): World {
  const classified = classifyFiles(project, layouts);
  const fluentdOfImage = new Map<string, FluentdView>();
  const senders: FluentdView[] = [];
  for (const f of classified.filter((c) => c.kind === 'fluentd')) {
    const layout = f.imageKey ? layouts.get(f.imageKey) : undefined;
    if (layout && f.imagePath) {
      const view = loadFluentd(loadConfig(f.imagePath, new ImageFs(project, layout)), f.repoPath);
      if (view && !fluentdOfImage.has(layout.imageKey)) fluentdOfImage.set(layout.imageKey, view);
    } else if (!f.imageKey) {
      const view = loadFluentd(loadConfig(path.join(project.root, f.repoPath), new DiskFs(project.root)), f.repoPath);
      if (view) senders.push(view);
    }
  }
  const taskDefs: TaskDefView[] = [];
  const containers: ContainerView[] = [];
  for (const service of Object.values(project.services)) {
    const td = readTaskDef(project, service);
    if (!td) continue;
    taskDefs.push(td);
    for (const node of mapsOf(get(td.root, 'containerDefinitions'))) {
      const nameNode = get(node, 'name');
      const name = strOf(nameNode);
      if (name === undefined || !nameNode) continue;
      const imageKey = service.containers[name];
      const layout = imageKey ? layouts.get(imageKey) : undefined;
      const imageRef = imageKey ? undefined : strOf(get(node, 'image'));
      const fluentd = layout ? fluentdOfImage.get(layout.imageKey) : undefined;
      const role = fluentd ? 'fluentd' : roleOf(imageRef, layout);
      containers.push({
        td,
        node,
        name,
        nameNode,
        role,
        ...(layout ? { layout } : {}),
        ...(imageRef ? { imageRef } : {}),
        ...(fluentd ? { fluentd } : {}),
        env: containerEnv(td.plain, name, service),
        values: valuesOf(td, node, imageKey !== undefined, layout),
      });
    }
  }
  return { project, layouts, taskDefs, containers, senders };
}

/** The records of the plain task definition's container (for rules that read values, not positions). */
export const plainContainer = (c: ContainerView): Record<string, unknown> | undefined =>
  records(c.td.plain.containerDefinitions).find((d) => d.name === c.name);
