/**
 * COPY/ADD sources against the build context listing, the way Docker expands them: a file copies
 * to `dest` (or into it when `dest` is a directory), a directory copies its *contents*, a wildcard
 * matches files and directories with `*` never crossing `/`. From that: the context files a build
 * reads (for content hashes) and the image path of every repo file the final stage contains.
 */
import { type Finding, finding } from '../checks/findings.js';
import type { CopyInstruction, Dockerfile, Stage } from './dockerfile.js';
import { hasWildcard, isIgnored, parseIgnoreFile, patternToRegExp, type IgnoreRule } from './patterns.js';
import { appendAll } from '../checks/findings.js';

interface Listing {
  files: readonly string[];
  fileSet: ReadonlySet<string>;
  dirs: ReadonlySet<string>;
}

function listing(files: readonly string[]): Listing {
  const dirs = new Set<string>();
  for (const f of files) {
    for (let i = f.indexOf('/'); i !== -1; i = f.indexOf('/', i + 1)) dirs.add(f.slice(0, i));
  }
  return { files, fileSet: new Set(files), dirs };
}

interface Match {
  /** The matched path (file or directory), relative to the listing's root; `.` is the root. */
  path: string;
  dir: boolean;
}

/** What one source names in a listing. */
function matchSource(source: string, l: Listing): Match[] {
  if (source === '.') return [{ path: '.', dir: true }];
  if (!hasWildcard(source)) {
    if (l.fileSet.has(source)) return [{ path: source, dir: false }];
    if (l.dirs.has(source)) return [{ path: source, dir: true }];
    return [];
  }
  const re = patternToRegExp(source);
  if (!re) return [];
  const out: Match[] = [];
  for (const d of l.dirs) if (re.test(d)) out.push({ path: d, dir: true });
  for (const f of l.files) if (re.test(f)) out.push({ path: f, dir: false });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Files a match copies, each with its path relative to what lands under `dest`. */
function filesOf(m: Match, l: Listing): Array<{ file: string; rel: string }> {
  if (!m.dir) return [{ file: m.path, rel: m.path.slice(m.path.lastIndexOf('/') + 1) }];
  if (m.path === '.') return l.files.map((f) => ({ file: f, rel: f }));
  const prefix = `${m.path}/`;
  return l.files.filter((f) => f.startsWith(prefix)).map((f) => ({ file: f, rel: f.slice(prefix.length) }));
}

/** `--exclude` patterns apply below the source (BuildKit passes them to the copy of that source). */
function excluded(f: { file: string; rel: string }, rules: readonly IgnoreRule[]): boolean {
  return rules.length > 0 && (isIgnored(f.rel, rules) || isIgnored(f.file, rules));
}

const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;

/** Context-relative files (POSIX) the build reads over all stages' COPY/ADD from the context, sorted. */
export function contextInputs(df: Dockerfile, contextFiles: readonly string[]): string[] {
  const l = listing(contextFiles);
  const out = new Set<string>();
  for (const stage of df.stages) {
    for (const copy of stage.copies) {
      if (copy.from !== undefined) continue;
      const rules = parseIgnoreFile(copy.excludes.join('\n'));
      for (const src of copy.sources) {
        for (const m of matchSource(src, l)) for (const f of filesOf(m, l)) if (!excluded(f, rules)) out.add(f.file);
      }
    }
  }
  return [...out].sort();
}

/** Directories an image certainly has, so `COPY file /that/dir` copies into it rather than onto it. */
const STANDARD_DIRS = new Set([
  '/',
  '/bin',
  '/etc',
  '/home',
  '/lib',
  '/opt',
  '/root',
  '/run',
  '/sbin',
  '/srv',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/lib',
  '/usr/local',
  '/usr/local/bin',
  '/usr/local/etc',
  '/usr/local/lib',
  '/usr/sbin',
  '/usr/share',
  '/var',
  '/var/lib',
  '/var/log',
  '/var/tmp',
  // fluent/fluentd images
  '/fluentd',
  '/fluentd/etc',
  '/fluentd/log',
  '/fluentd/plugins',
  // datadog/agent images (every bundled check also has its conf.d/<check>.d directory)
  '/etc/datadog-agent',
  '/etc/datadog-agent/conf.d',
  '/etc/datadog-agent/checks.d',
]);
const AGENT_CHECK_DIR = /^\/etc\/datadog-agent\/conf\.d\/[^/]+\.d$/;

interface StageFiles {
  files: Map<string, string>;
  complete: boolean;
}

function isKnownDir(dir: string, files: ReadonlyMap<string, string>, stage: Stage): boolean {
  if (STANDARD_DIRS.has(dir) || AGENT_CHECK_DIR.test(dir)) return true;
  if (stage.mkdirs.some((m) => m === dir || m.startsWith(`${dir}/`))) return true;
  const prefix = `${dir}/`;
  for (const k of files.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

const join = (dir: string, rel: string): string => (dir === '/' ? `/${rel}` : `${dir}/${rel}`);

function applyCopy(
  copy: CopyInstruction,
  l: Listing,
  out: StageFiles,
  stage: Stage,
  sourceOf: (file: string) => string,
): void {
  const rules = parseIgnoreFile(copy.excludes.join('\n'));
  const matches: Match[] = [];
  for (const src of copy.sources) appendAll(matches, matchSource(src, l));
  const intoDir =
    copy.destDir || matches.length > 1 || copy.sources.length > 1 || isKnownDir(copy.dest, out.files, stage);
  for (const m of matches) {
    if (copy.add && !m.dir && ARCHIVE.test(m.path)) {
      out.complete = false; // ADD unpacks local archives: their contents are not known here
      continue;
    }
    for (const f of filesOf(m, l)) {
      if (excluded(f, rules)) continue;
      let target: string;
      if (copy.parents) target = join(copy.dest, f.file);
      else if (m.dir) target = join(copy.dest, f.rel);
      else target = intoDir ? join(copy.dest, f.rel) : copy.dest;
      out.files.set(target, sourceOf(f.file));
    }
  }
}

function stageFiles(
  df: Dockerfile,
  index: number,
  contextFiles: Listing,
  memo: Map<number, StageFiles>,
  depth = 0,
): StageFiles {
  const cached = memo.get(index);
  if (cached) return cached;
  const stage = df.stages[index];
  const out: StageFiles = { files: new Map(), complete: true };
  if (!stage || depth > df.stages.length) return { files: new Map(), complete: false };
  memo.set(index, out); // a cycle sees the partial result instead of recursing forever
  if (stage.baseStage !== undefined) {
    const base = stageFiles(df, stage.baseStage, contextFiles, memo, depth + 1);
    for (const [k, v] of base.files) out.files.set(k, v);
    out.complete = base.complete;
  }
  for (const copy of stage.copies) {
    if (copy.urls.length || copy.heredocs.length) out.complete = false;
    if (copy.from === undefined) {
      applyCopy(copy, contextFiles, out, stage, (f) => f);
    } else if (copy.fromStage !== undefined && copy.fromStage !== index) {
      const other = stageFiles(df, copy.fromStage, contextFiles, memo, depth + 1);
      if (!other.complete) out.complete = false;
      // The other stage's files, as a listing rooted at `/`.
      const l = listing([...other.files.keys()].map((k) => k.slice(1)));
      applyCopy(copy, l, out, stage, (f) => other.files.get(`/${f}`) as string);
      // Whatever a RUN produced in that stage is invisible here: a copy matching nothing we know is uncertain.
      if (!copy.sources.some((s) => matchSource(s, l).length > 0)) out.complete = false;
    } else out.complete = false; // COPY --from an external image
  }
  return out;
}

/**
 * Image path -> context-relative source path for every file the final stage (or `target`)
 * contains from the build context. `complete` is false when something cannot be followed
 * statically (ADD of a URL or archive, COPY --from an image, heredoc files).
 */
export function imageFiles(
  df: Dockerfile,
  contextFiles: readonly string[],
  target?: string,
): { files: Map<string, string>; complete: boolean } {
  if (df.stages.length === 0) return { files: new Map(), complete: false };
  let index = df.stages.length - 1;
  if (target !== undefined) {
    const t = df.stages.find((s) => s.name === target.toLowerCase());
    if (t) index = t.index;
  }
  const r = stageFiles(df, index, listing(contextFiles), new Map());
  return { files: new Map([...r.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), complete: r.complete };
}

/** Stages the build of `target` (default: the last stage) really needs: its FROM chain and COPY --from sources. */
export function neededStages(df: Dockerfile, target?: string): Set<number> {
  const need = new Set<number>();
  let start = df.stages.length - 1;
  if (target !== undefined) {
    const t = df.stages.find((s) => s.name === target.toLowerCase());
    if (t) start = t.index;
  }
  const todo = start >= 0 ? [start] : [];
  while (todo.length) {
    const i = todo.pop() as number;
    if (need.has(i)) continue;
    need.add(i);
    const s = df.stages[i];
    if (!s) continue;
    if (s.baseStage !== undefined) todo.push(s.baseStage);
    for (const c of s.copies) if (c.fromStage !== undefined) todo.push(c.fromStage);
  }
  return need;
}

export interface CopySourceOptions {
  /** Context-relative files `.dockerignore` excluded (for a better message than "not found"). */
  ignored?: readonly string[];
  /** Context directory, repo-relative, for messages. */
  contextDir?: string;
  target?: string;
}

/**
 * COPY/ADD sources that match nothing in the context (the build fails: "not found"), or only files
 * `.dockerignore` excludes, and wildcards that match several files for a non-directory destination.
 * Only the stages the build needs are checked, as BuildKit does.
 */
export function copySourceFindings(
  df: Dockerfile,
  contextFiles: readonly string[],
  opts: CopySourceOptions = {},
): Finding[] {
  const out: Finding[] = [];
  const l = listing(contextFiles);
  const ign = listing(opts.ignored ?? []);
  const where =
    opts.contextDir && opts.contextDir !== '.' ? `the build context "${opts.contextDir}"` : 'the build context';
  for (const i of [...neededStages(df, opts.target)].sort((a, b) => a - b)) {
    const stage = df.stages[i] as Stage;
    for (const copy of stage.copies) {
      if (copy.from !== undefined) continue;
      let total = 0;
      copy.sources.forEach((src, k) => {
        const pos = copy.sourcePositions[k] ?? { line: copy.line, column: copy.column };
        const m = matchSource(src, l);
        total += m.length;
        if (m.length > 0) return;
        if (src === '.' && contextFiles.length === 0) return; // an empty context copies nothing, and Docker accepts it
        if (matchSource(src, ign).length > 0) {
          out.push(
            finding(
              df.file,
              pos,
              'error',
              'dockerfile/copy-source-ignored',
              `"${src}" is excluded by .dockerignore, so the build fails with "not found": remove it from .dockerignore or from this ${copy.add ? 'ADD' : 'COPY'}`,
            ),
          );
        } else if (hasWildcard(src)) {
          // BuildKit copies nothing (AllowEmptyWildcard); the classic builder fails ("No source files were specified").
          out.push(
            finding(
              df.file,
              pos,
              'warning',
              'dockerfile/copy-source-missing',
              `"${src}" matches no file in ${where}: BuildKit copies nothing and the classic builder fails ("no source files were specified")`,
            ),
          );
        } else {
          out.push(
            finding(
              df.file,
              pos,
              'error',
              'dockerfile/copy-source-missing',
              `"${src}" is not in ${where}: the build fails with "not found"; paths are relative to the context, not to the Dockerfile`,
            ),
          );
        }
      });
      if (total > 1 && copy.sources.length === 1 && !copy.destDir && hasWildcard(copy.sources[0] as string)) {
        const pos = copy.sourcePositions[0] ?? { line: copy.line, column: copy.column };
        out.push(
          finding(
            df.file,
            pos,
            'error',
            'dockerfile/copy-dest-not-dir',
            `"${copy.sources[0]}" matches ${total} paths, so the destination must be a directory ending in "/": write "${copy.dest === '/' ? '/' : `${copy.dest}/`}"`,
          ),
        );
      }
    }
  }
  return out;
}

/**
 * What one COPY of local files puts where: image path -> context-relative source, in the order
 * docker copies them, with the same rules as `imageFiles` (a directory copies its contents, a
 * file into a known directory or onto `dest`). `earlier` holds image paths already copied by the
 * stage, which make their directories known. Used by the layer append.
 */
export function copyTargets(
  copy: CopyInstruction,
  contextFiles: readonly string[],
  stage: Stage,
  earlier: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const written = new Map<string, string>();
  const files = new Map(earlier);
  const set = files.set.bind(files);
  // Record what this COPY writes; the earlier paths only serve to make directories known.
  files.set = (k: string, v: string) => (written.set(k, v), set(k, v));
  applyCopy(copy, listing(contextFiles), { files, complete: true }, stage, (f) => f);
  return written;
}
