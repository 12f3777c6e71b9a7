/**
 * What each image contains (from its Dockerfile's COPY/ADD lines over its build context) and, from
 * where each repo file lands in an image, what kind of file it is: a file copied to
 * `/etc/datadog-agent/conf.d/http_check.d/conf.yaml` is an http_check config, `/fluentd/etc/fluent.conf`
 * is the Fluentd entry config. The project file's `files:` overrides win.
 */
import path from 'node:path';
import { type Finding, finding } from '../checks/findings.js';
import { expandGlob, type ConfigFs } from '../checks/fs.js';
import { type Decoded, readSource } from '../checks/source.js';
import {
  contextInputs,
  copySourceFindings,
  type Dockerfile,
  finalStage,
  imageFiles,
  installedGems,
  parseDockerfile,
} from './dockerfile.js';
import { listContextFiles } from './dockerignore.js';
import type { FileKind, Project } from './types.js';
import { appendAll } from '../checks/findings.js';

export interface ImageLayout {
  imageKey: string;
  dockerfile: Dockerfile;
  /** Image path -> repository path. */
  files: Map<string, string>;
  complete: boolean;
  gems: Set<string>;
  /** The final stage's base image (ARG-substituted). */
  baseImage?: string;
  /** The final stage's ENV (e.g. FLUENTD_CONF). */
  env: Record<string, string>;
  /** Repository paths of the context files the build reads (for content hashes). */
  inputs: string[];
}

const repoJoin = (context: string, rel: string): string => (context === '.' ? rel : `${context}/${rel}`);

export function imageLayouts(project: Project): { layouts: Map<string, ImageLayout>; findings: Finding[] } {
  const layouts = new Map<string, ImageLayout>();
  const findings: Finding[] = [];
  for (const img of Object.values(project.images)) {
    const dfAbs = path.join(project.root, img.dockerfile);
    const decoded = readSource(img.dockerfile, dfAbs);
    if (!decoded.ok) {
      appendAll(findings, decoded.findings);
      continue;
    }
    const df = parseDockerfile(decoded.source, img.buildArgs);
    appendAll(findings, df.findings);
    const listing = listContextFiles(path.join(project.root, img.context), { root: project.root, dockerfile: dfAbs });
    appendAll(findings, listing.findings);
    appendAll(
      findings,
      copySourceFindings(df, listing.files, {
        ignored: listing.ignored,
        contextDir: img.context,
        ...(img.target ? { target: img.target } : {}),
      }),
    );
    const view = imageFiles(df, listing.files, img.target);
    const files = new Map<string, string>();
    for (const [imagePath, rel] of view.files) files.set(imagePath, repoJoin(img.context, rel));
    const stage = finalStage(df, img.target);
    layouts.set(img.key, {
      imageKey: img.key,
      dockerfile: df,
      files,
      complete: view.complete,
      gems: installedGems(df, img.target),
      ...(stage ? { baseImage: stage.baseImage } : {}),
      env: stage ? { ...stage.env } : {},
      inputs: contextInputs(df, listing.files).map((f) => repoJoin(img.context, f)),
    });
  }
  return { layouts, findings };
}

const AGENT_CONF_D = '/etc/datadog-agent/conf.d/';
/** Where Fluentd images read their entry config (fluent/fluentd: /fluentd/etc/${FLUENTD_CONF}; td-agent; fluent-package). */
const FLUENTD_ENTRIES = ['/etc/fluent/fluent.conf', '/etc/td-agent/td-agent.conf', '/etc/fluent/fluentd.conf'];

/** The kind a file has from where it lands in an image, or undefined. */
export function kindFromImagePath(imagePath: string, env: Record<string, string> = {}): FileKind | undefined {
  if (imagePath.startsWith(AGENT_CONF_D)) {
    const rest = imagePath.slice(AGENT_CONF_D.length);
    // conf.d/<check>.d/<file> or conf.d/<check>.yaml; only YAML-named files (the agent skips the rest, its checker warns).
    const m = /^([^/]+?)(?:\.d\/[^/]+|\.ya?ml(?:\.default)?)$/.exec(rest);
    if (m && /\.ya?ml/.test(rest)) {
      if (m[1] === 'http_check') return 'http_check';
      if (m[1] === 'mysql') return 'mysql';
    }
    return undefined;
  }
  if (imagePath === '/etc/datadog-agent/datadog.yaml') return 'datadog_yaml';
  const fluentdConf = `/fluentd/etc/${env.FLUENTD_CONF ?? 'fluent.conf'}`;
  if (imagePath === fluentdConf || FLUENTD_ENTRIES.includes(imagePath)) return 'fluentd';
  if (/\/secrets?\//.test(imagePath)) return 'secret';
  return undefined;
}

export interface ClassifiedFile {
  repoPath: string;
  kind: FileKind;
  imageKey?: string;
  imagePath?: string;
}

export function classifyFiles(project: Project, layouts: Map<string, ImageLayout>): ClassifiedFile[] {
  const out: ClassifiedFile[] = [];
  const overridden = (repoPath: string): FileKind | 'ignore' | undefined => project.files[repoPath];
  for (const [key, layout] of layouts) {
    const img = project.images[key];
    if (img && overridden(img.dockerfile) !== 'ignore')
      out.push({ repoPath: img.dockerfile, kind: 'dockerfile', imageKey: key });
    for (const [imagePath, repoPath] of layout.files) {
      const over = overridden(repoPath);
      if (over === 'ignore') continue;
      const kind = over ?? kindFromImagePath(imagePath, layout.env);
      if (kind) out.push({ repoPath, kind, imageKey: key, imagePath });
    }
  }
  for (const svc of Object.values(project.services)) {
    if (
      overridden(svc.taskDefinition) !== 'ignore' &&
      !out.some((f) => f.repoPath === svc.taskDefinition && f.kind === 'taskdef')
    ) {
      out.push({ repoPath: svc.taskDefinition, kind: 'taskdef' });
    }
  }
  // Overrides for files no image carries (e.g. the web servers' sender fluent.conf).
  for (const [repoPath, kind] of Object.entries(project.files)) {
    if (kind === 'ignore' || out.some((f) => f.repoPath === repoPath)) continue;
    out.push({ repoPath, kind });
  }
  return out.sort((a, b) =>
    a.repoPath < b.repoPath ? -1 : a.repoPath > b.repoPath ? 1 : (a.imageKey ?? '') < (b.imageKey ?? '') ? -1 : 1,
  );
}

/**
 * ConfigFs over an image's layout: paths are image paths, `display` maps them to repo paths, and
 * globs expand over the files the image gets from the repository.
 */
export class ImageFs implements ConfigFs {
  private readonly dirs = new Map<string, Map<string, boolean>>();

  constructor(
    private readonly project: Project,
    private readonly layout: ImageLayout,
  ) {
    for (const p of layout.files.keys()) {
      const parts = p.split('/').filter(Boolean);
      let dir = '/';
      parts.forEach((name, i) => {
        const entries = this.dirs.get(dir) ?? new Map<string, boolean>();
        const isDir = i < parts.length - 1;
        entries.set(name, (entries.get(name) ?? false) || isDir);
        this.dirs.set(dir, entries);
        dir = dir === '/' ? `/${name}` : `${dir}/${name}`;
      });
    }
  }

  read(file: string): Decoded {
    const imagePath = path.posix.resolve('/', file);
    const repoPath = this.layout.files.get(imagePath);
    if (repoPath === undefined) {
      return {
        ok: false,
        findings: [
          finding(
            imagePath,
            { line: 1, column: 1 },
            'error',
            'file/missing',
            `${imagePath} is not copied into image "${this.layout.imageKey}" by ${this.layout.dockerfile.file}`,
          ),
        ],
      };
    }
    return readSource(repoPath, path.join(this.project.root, repoPath));
  }

  glob(pattern: string, from: string): string[] {
    const base = path.posix.dirname(path.posix.resolve('/', from));
    const abs = path.posix.resolve(base, pattern);
    return expandGlob(
      abs,
      (dir) => [...(this.dirs.get(dir) ?? new Map<string, boolean>())].map(([name, dir]) => ({ name, dir })),
      (p) => this.layout.files.has(p),
    );
  }

  display(file: string): string {
    const imagePath = path.posix.resolve('/', file);
    return this.layout.files.get(imagePath) ?? imagePath;
  }
}
