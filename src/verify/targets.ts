/**
 * What to ask Datadog about, as plain data: the http_check sites, the mysql servers and the
 * Fluentd `out_datadog` outputs of the project, narrowed to what a deploy changed (unless `all`).
 * A file counts for a service when an image of that service carries it (the Dockerfile's COPY
 * lines, as validation worked out), so a deploy of the Fluentd service alone verifies logs only.
 */
import path from 'node:path';
import { normalizeInstanceName } from '../checks/agent/http-check.js';
import { type Element, lastParam, pluginType } from '../checks/fluentd/ast.js';
import { loadConfig } from '../checks/fluentd/load.js';
import { DiskFs } from '../checks/fs.js';
import { readSource } from '../checks/source.js';
import { get, isMap, isScalar, isSeq, type YNode } from '../checks/yaml/ast.js';
import { loadYaml } from '../checks/yaml/load.js';
import { ImageFs } from '../project/layout.js';
import type { SitesDiff } from '../report/sites-diff.js';
import type { ValidationResult } from '../validate.js';

export interface SiteTarget {
  name: string;
  url: string;
  /** The `instance:` tag value as Datadog stores it. */
  instance: string;
  /** Every tag the check puts on the site's metrics: instance, url and the instance's own tags. */
  tags: string[];
  file: string;
  line: number;
}

export interface MysqlTarget {
  host: string;
  port?: number;
  file: string;
  line: number;
}

export interface LogTarget {
  /** `service` and `dd_source` of the out_datadog output; absent when not set (or computed at run time). */
  service?: string;
  source?: string;
  file: string;
  line: number;
}

export interface VerifyTargets {
  sites: SiteTarget[];
  mysql: MysqlTarget[];
  logs: LogTarget[];
  /** What was left out and why (for the report). */
  notes: string[];
}

export interface VerifyScope {
  /** Everything the project monitors, whatever changed. */
  all: boolean;
  /** Service keys this deploy rolled out; ignored with `all`. */
  deployedServices?: readonly string[];
  /** The change's sites diff; undefined when unknown (then every site of a deployed service). */
  sites?: SitesDiff;
  /** Project-relative files the change touched; undefined when unknown. */
  changedFiles?: readonly string[];
}

/**
 * Tag values as Datadog stores them ("Getting started with tags": lower case; characters other
 * than letters, digits, `_ - : . /` become `_`), after the check's own `instance` normalization
 * (CONFIG-FACTS A3: `,+*-/()[]{}` become `_`).
 */
export function datadogTag(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\-:./]/gu, '_')
    .replace(/__+/g, '_')
    .replace(/_+$/, '');
}

export function instanceTag(name: string): string {
  return datadogTag(`instance:${normalizeInstanceName(name)}`).slice('instance:'.length);
}

/** Service keys whose images carry each repository file. */
function servicesByFile(validation: ValidationResult): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const services = Object.values(validation.project?.services ?? {});
  for (const layout of validation.layouts.values()) {
    const running = services.filter((s) => Object.values(s.containers).includes(layout.imageKey)).map((s) => s.key);
    for (const repoPath of layout.files.values()) {
      const set = out.get(repoPath) ?? new Set<string>();
      running.forEach((k) => set.add(k));
      out.set(repoPath, set);
    }
  }
  return out;
}

/**
 * Without a deploy to go by (`verify` on its own): the services whose images carry a file the
 * change touched, or every service when the changed files are unknown.
 */
export function servicesTouched(validation: ValidationResult, changedFiles: readonly string[] | undefined): string[] {
  const all = Object.keys(validation.project?.services ?? {});
  if (!changedFiles) return all;
  const byFile = servicesByFile(validation);
  return all.filter((k) => changedFiles.some((f) => byFile.get(f)?.has(k)));
}

export function verifyTargets(validation: ValidationResult, scope: VerifyScope): VerifyTargets {
  const byFile = servicesByFile(validation);
  const deployed = new Set(scope.deployedServices ?? []);
  const inDeploy = (file: string): boolean => scope.all || [...(byFile.get(file) ?? [])].some((s) => deployed.has(s));
  const touched = (file: string): boolean => scope.all || !scope.changedFiles || scope.changedFiles.includes(file);
  const notes: string[] = [];

  const changedNames = scope.sites
    ? new Set([...scope.sites.added, ...scope.sites.changed].map((s) => s.name))
    : undefined;
  const sites: SiteTarget[] = [];
  let leftOut = 0;
  for (const s of validation.sites) {
    if (!s.name || !s.url) continue;
    if (!inDeploy(s.file) || (!scope.all && changedNames && !changedNames.has(s.name))) {
      leftOut += 1;
      continue;
    }
    sites.push(siteTarget(s));
  }
  if (leftOut)
    notes.push(
      `${leftOut} site${leftOut === 1 ? '' : 's'} this deploy did not add or change ` +
        `${leftOut === 1 ? 'was' : 'were'} not verified (use --all)`,
    );

  const mysql: MysqlTarget[] = [];
  const logs: LogTarget[] = [];
  for (const f of validation.files) {
    if (f.kind === 'mysql' && inDeploy(f.path) && touched(f.path)) mysql.push(...mysqlTargets(validation, f.path));
    if (f.kind === 'fluentd' && inDeploy(f.path)) logs.push(...logTargets(validation, f.path));
  }
  return { sites, mysql, logs: dedupeLogs(logs), notes };
}

function siteTarget(s: ValidationResult['sites'][number]): SiteTarget {
  const instance = instanceTag(s.name);
  const own = Array.isArray(s.options.tags) ? s.options.tags.filter((t): t is string => typeof t === 'string') : [];
  return {
    name: s.name,
    url: s.url,
    instance,
    tags: [`instance:${instance}`, `url:${s.url}`, ...own.map(datadogTag)],
    file: s.file,
    line: s.line,
  };
}

const scalarText = (n: YNode | undefined): string | undefined =>
  isScalar(n) && n.value !== null && n.value !== '' ? String(n.value) : undefined;

/** Each instance's `host` (or `server`) and `port`: the check tags its metrics `server:<host>` and `port:<port>`. */
function mysqlTargets(validation: ValidationResult, file: string): MysqlTarget[] {
  const root = validation.project?.root;
  if (!root) return [];
  const decoded = readSource(file, path.join(root, file));
  if (!decoded.ok) return [];
  const y = loadYaml(decoded.source, 'agent');
  const instances = isMap(y.root) ? get(y.root, 'instances') : undefined;
  if (!isSeq(instances)) return [];
  const out: MysqlTarget[] = [];
  for (const item of instances.items) {
    if (!isMap(item)) continue;
    const host = scalarText(get(item, 'host')) ?? scalarText(get(item, 'server'));
    // A socket-only or templated host: the server tag is not known from the file, so it is not guessed.
    if (!host || host.includes('%%') || host.startsWith('ENC[')) continue;
    const port = Number(scalarText(get(item, 'port')));
    out.push({
      host,
      ...(Number.isInteger(port) && port > 0 ? { port } : {}),
      file,
      line: decoded.source.lines.position(item.range[0]).line,
    });
  }
  return out;
}

/** Every `@type datadog` output (at any depth: inside `<store>` of a copy too), with the service and source it sets. */
function logTargets(validation: ValidationResult, file: string): LogTarget[] {
  const project = validation.project;
  if (!project) return [];
  const layout = [...validation.layouts.values()].find((l) => [...l.files.values()].includes(file));
  const imagePath = layout ? [...layout.files].find(([, repo]) => repo === file)?.[0] : undefined;
  const parsed =
    layout && imagePath
      ? loadConfig(imagePath, new ImageFs(project, layout))
      : loadConfig(file, new DiskFs(project.root));
  if (parsed.fatal) return [];
  const out: LogTarget[] = [];
  const stack: Element[] = [parsed.root];
  while (stack.length) {
    const el = stack.pop() as Element;
    stack.push(...el.elements);
    const type = pluginType(el);
    if (!type || type.dynamic || type.value !== 'datadog' || (el.name !== 'match' && el.name !== 'store')) continue;
    const fixed = (key: string): string | undefined => {
      const p = lastParam(el, key);
      return p && !p.dynamic && p.value ? p.value : undefined;
    };
    const service = fixed('service');
    const source = fixed('dd_source');
    const shown = layout?.files.get(el.file) ?? el.file;
    out.push({ ...(service ? { service } : {}), ...(source ? { source } : {}), file: shown, line: el.pos.line });
  }
  return out.sort((a, b) => a.line - b.line);
}

function dedupeLogs(logs: LogTarget[]): LogTarget[] {
  const seen = new Set<string>();
  return logs.filter((l) => {
    const key = `${l.service ?? ''}\0${l.source ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
