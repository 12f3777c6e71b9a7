/**
 * The build context as Docker sends it: every file under the context directory that
 * `.dockerignore` (or `<Dockerfile>.dockerignore`, which BuildKit prefers) does not exclude.
 * The walk is bounded and never leaves the repository: a symlink whose target is outside is a
 * finding and is left out, never read.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInside, realpathOrSelf } from '../checks/fs.js';
import { type Finding, finding } from '../checks/findings.js';
import { readSource } from '../checks/source.js';
import { isIgnored, parseIgnoreFile, type IgnoreRule } from './patterns.js';
import { appendAll } from '../checks/findings.js';

/** A monitoring repo's context is dozens of files; past this the walk stops with a finding. */
export const MAX_CONTEXT_FILES = 20_000;
const MAX_DEPTH = 64;

export interface ListContextOptions {
  /** Absolute repository root: nothing outside it is listed or followed (default: the context itself). */
  root?: string;
  /** Absolute Dockerfile path: `<Dockerfile>.dockerignore` beside it wins over the context's `.dockerignore`. */
  dockerfile?: string;
}

export interface ContextListing {
  /** Context-relative POSIX paths, sorted. */
  files: string[];
  /** Files `.dockerignore` excluded (context-relative, sorted); empty when a whole directory was skipped unseen. */
  ignored: string[];
  findings: Finding[];
  /** The ignore file used, repo-relative, when there was one. */
  ignoreFile?: string;
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

export function listContextFiles(contextDir: string, opts: ListContextOptions = {}): ContextListing {
  const ctx = path.resolve(contextDir);
  const root = path.resolve(opts.root ?? ctx);
  const realRoot = realpathOrSelf(root);
  const display = (abs: string): string => toPosix(path.relative(root, abs)) || '.';
  const out: ContextListing = { files: [], ignored: [], findings: [] };
  // Checked before anything is read, the context's own .dockerignore included.
  if (!isInside(realRoot, realpathOrSelf(ctx))) {
    out.findings.push(
      finding(
        display(ctx),
        { line: 1, column: 1 },
        'error',
        'project/path-outside',
        'build context resolves outside the repository: it is not read',
      ),
    );
    return out;
  }

  let rules: IgnoreRule[] = [];
  const candidates = [opts.dockerfile ? `${opts.dockerfile}.dockerignore` : undefined, path.join(ctx, '.dockerignore')];
  for (const c of candidates) {
    if (!c || !existsSync(c)) continue;
    const file = display(c);
    const src = readSource(file, c);
    if (!src.ok) {
      appendAll(out.findings, src.findings);
      break;
    }
    out.ignoreFile = file;
    rules = parseIgnoreFile(src.source.text);
    for (const r of rules) {
      if (!r.regex) {
        out.findings.push(
          finding(
            file,
            { line: r.line, column: 1 },
            'error',
            'dockerignore/bad-pattern',
            `pattern "${r.pattern}" is not a valid pattern (an unclosed "["?): Docker refuses the whole build context`,
          ),
        );
      }
    }
    break;
  }
  const canReinclude = rules.some((r) => r.exclusion);

  let count = 0;
  let stopped = false;
  const walk = (dirAbs: string, rel: string, depth: number): void => {
    if (depth > MAX_DEPTH || stopped) return;
    let entries: string[];
    try {
      entries = readdirSync(dirAbs).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      if (++count > MAX_CONTEXT_FILES) {
        if (!stopped) {
          out.findings.push(
            finding(
              display(ctx),
              { line: 1, column: 1 },
              'warning',
              'project/context-too-large',
              `build context has more than ${MAX_CONTEXT_FILES} entries: listing stopped; narrow the context or add a .dockerignore`,
            ),
          );
        }
        stopped = true;
        return;
      }
      const abs = path.join(dirAbs, name);
      const relPath = rel ? `${rel}/${name}` : name;
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      const ignored = isIgnored(relPath, rules);
      if (st.isDirectory()) {
        if (ignored && !canReinclude) continue; // nothing under it can come back
        walk(abs, relPath, depth + 1);
        continue;
      }
      if (st.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(abs);
        } catch {
          continue; // dangling: Docker copies the link itself; there is nothing to read
        }
        if (!isInside(realRoot, target)) {
          if (!ignored) {
            out.findings.push(
              finding(
                display(abs),
                { line: 1, column: 1 },
                'error',
                'project/symlink-outside',
                'symlink points outside the repository: it is not read; replace it with the file itself',
              ),
            );
          }
          continue;
        }
        try {
          if (!statSync(target).isFile()) continue; // Docker does not descend into linked directories
        } catch {
          continue;
        }
      } else if (!st.isFile()) continue;
      (ignored ? out.ignored : out.files).push(relPath);
    }
  };
  walk(ctx, '', 0);
  out.files.sort();
  out.ignored.sort();
  return out;
}
