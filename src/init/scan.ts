/**
 * What `init` reads from a repository that has no project file yet: its Dockerfiles, task
 * definition templates (JSON or YAML, pasted describe output too) and Fluentd configs. Read-only;
 * a file that does not parse is skipped (validate reports it once the project file exists).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readSource } from '../checks/source.js';
import { looksLikeFluentd } from '../checks/fluentd/index.js';
import { parseTaskDefinition } from '../checks/taskdef/index.js';

/** Directories that hold no monitoring config (dependencies, build output, VCS). */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'vendor', 'tmp']);
/** A monitoring repository has dozens of files; stop listing long before a monorepo hurts. */
const MAX_FILES = 20_000;

export interface ScannedContainer {
  name: string;
  image?: string;
  /** `awslogs-region` of its log configuration. */
  logRegion?: string;
  /** ARNs of its `secrets[].valueFrom`. */
  secretRefs: string[];
}

export interface ScannedTaskDef {
  /** Repository-relative POSIX path. */
  file: string;
  family?: string;
  containers: ScannedContainer[];
}

export interface RepoScan {
  /** Every file, repository-relative POSIX, sorted. */
  files: string[];
  dockerfiles: string[];
  taskDefs: ScannedTaskDef[];
  /** `*.conf` files that read as Fluentd configs. */
  fluentdConfs: string[];
}

export function scanRepository(root: string): RepoScan {
  const files = listFiles(root);
  const dockerfiles = files.filter((f) =>
    /^(?:Dockerfile(?:\.[\w.-]+)?|[\w.-]+\.Dockerfile)$/.test(path.posix.basename(f)),
  );
  const taskDefs: ScannedTaskDef[] = [];
  const fluentdConfs: string[] = [];
  for (const file of files) {
    if (/\.(?:json|ya?ml)$/.test(file) && !file.includes('/conf.d/')) {
      const td = readTaskDef(root, file);
      if (td) taskDefs.push(td);
    } else if (file.endsWith('.conf')) {
      const decoded = readSource(file, path.join(root, file));
      if (decoded.ok && looksLikeFluentd(decoded.source.text)) fluentdConfs.push(file);
    }
  }
  return { files, dockerfiles, taskDefs, fluentdConfs };
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (out.length >= MAX_FILES) return;
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) walk(p);
      } else if (e.isFile()) out.push(p);
    }
  };
  walk('');
  return out.sort();
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const objects = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x))
    : [];

function readTaskDef(root: string, file: string): ScannedTaskDef | undefined {
  const decoded = readSource(file, path.join(root, file));
  if (!decoded.ok) return undefined;
  const { taskDef } = parseTaskDefinition(decoded.source);
  if (!taskDef || !Array.isArray(taskDef.containerDefinitions)) return undefined;
  const containers = objects(taskDef.containerDefinitions).flatMap((c): ScannedContainer[] => {
    const name = str(c.name);
    if (!name) return [];
    const options = (c.logConfiguration as { options?: Record<string, unknown> } | undefined)?.options;
    const logRegion = str(options?.['awslogs-region']);
    const image = str(c.image);
    const secretRefs = objects(c.secrets)
      .map((s) => str(s.valueFrom))
      .filter((s): s is string => s !== undefined);
    return [{ name, ...(image ? { image } : {}), ...(logRegion ? { logRegion } : {}), secretRefs }];
  });
  const family = str(taskDef.family);
  return { file, ...(family ? { family } : {}), containers };
}
