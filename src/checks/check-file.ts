/**
 * `check FILE...`: one standalone file, its kind given or inferred from the path and then the
 * content, dispatched to its checker. No project, no image, no task definition: cross-checks that
 * need them are skipped by the checkers themselves.
 */
import path from 'node:path';
import { checkAgentFile, detectAgentKind } from './agent/index.js';
import type { Finding } from './findings.js';
import { finding } from './findings.js';
import { checkFluentd, looksLikeFluentd } from './fluentd/index.js';
import { type ConfigFs, DiskFs, isInside } from './fs.js';
import { readSource, type SourceText } from './source.js';
import { checkTaskDefinition } from './taskdef/index.js';

export type StandaloneKind = 'http_check' | 'mysql' | 'fluentd' | 'taskdef';

export interface CheckedFile {
  path: string;
  kind: StandaloneKind | 'unknown';
  findings: Finding[];
}

/** Kind from the path alone, the way the agent and Fluentd images lay files out. */
export function kindFromPath(file: string): StandaloneKind | undefined {
  const p = file.split(path.sep).join('/').toLowerCase();
  if (/(^|\/)http_check\.d\/[^/]+$/.test(p) || /(^|\/)http_check\.ya?ml/.test(p)) return 'http_check';
  if (/(^|\/)mysql\.d\/[^/]+$/.test(p) || /(^|\/)mysql\.ya?ml/.test(p)) return 'mysql';
  if (/\.conf$/.test(p) || /(^|\/)fluent[^/]*\.conf/.test(p) || /(^|\/)td-agent[^/]*\.conf/.test(p)) return 'fluentd';
  if (/(taskdef|task-?definition)[^/]*\.(json|ya?ml)$/.test(p)) return 'taskdef';
  return undefined;
}

/** Kind from the content, when the path says nothing. */
export function kindFromContent(source: SourceText): StandaloneKind | undefined {
  const t = source.text;
  if (/"containerDefinitions"\s*:/.test(t) || /^\s*containerDefinitions\s*:/m.test(t)) return 'taskdef';
  if (looksLikeFluentd(t)) return 'fluentd';
  return detectAgentKind(source);
}

export function checkStandaloneFile(file: string, opts: { kind?: StandaloneKind; cwd?: string } = {}): CheckedFile {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const abs = path.resolve(cwd, file);
  // Includes resolve on disk, confined to the working directory (or the file's own folder when it
  // lies outside); every path is shown relative to the working directory, or absolute outside it.
  const fs = new DiskFs(isInside(cwd, abs) ? cwd : path.dirname(abs), cwd);
  const display = fs.display(abs);
  const decoded = readSource(display, abs);
  if (!decoded.ok)
    return { path: display, kind: opts.kind ?? kindFromPath(display) ?? 'unknown', findings: decoded.findings };
  const source = decoded.source;
  const kind = opts.kind ?? kindFromPath(display) ?? kindFromContent(source);
  switch (kind) {
    case 'http_check':
    case 'mysql':
      return { path: display, kind, findings: checkAgentFile(source, kind, {}).findings };
    case 'fluentd': {
      // The entry is already read: the loader gets it from here rather than from the disk again.
      const entryRead: ConfigFs = {
        read: (f) => (f === abs ? decoded : fs.read(f)),
        glob: (p, from) => fs.glob(p, from),
        display: (f) => fs.display(f),
      };
      return { path: display, kind, findings: checkFluentd(abs, entryRead, {}).findings };
    }
    case 'taskdef':
      return { path: display, kind, findings: checkTaskDefinition(source, {}).findings };
    default:
      return {
        path: display,
        kind: 'unknown',
        findings: [
          finding(
            display,
            { line: 1, column: 1 },
            'error',
            'file/unknown-kind',
            'cannot tell what kind of file this is: pass --kind http_check, mysql, fluentd or taskdef',
          ),
        ],
      };
  }
}
