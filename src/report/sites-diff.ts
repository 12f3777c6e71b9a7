/**
 * Which monitored sites a change adds, removes or changes: the http_check sites at head (from
 * validation) against the same extraction run on the base commit's version of each http_check
 * file. A site is identified by its `name` (the tag the agent reports it under); a site whose
 * name changed but whose URL did not is a rename, shown as a change. Secret options arrive as
 * '<secret>' from the extraction and are compared and shown only as that.
 */
import { checkAgentFile } from '../checks/agent/index.js';
import { sourceFromText } from '../checks/source.js';
import { type Exec, runProcess, tailLines } from '../exec.js';
import type { SiteInFile } from '../validate.js';
import { appendAll } from '../checks/findings.js';

export interface SiteChange {
  field: string;
  /** Display text of the old and new value; absent when the field was not set on that side. */
  before?: string;
  after?: string;
  /** For lists of scalars (tags): what was added and removed. */
  added?: string[];
  removed?: string[];
}

export interface ChangedSite {
  name: string;
  url: string;
  file: string;
  line: number;
  changes: SiteChange[];
}

export interface SitesDiff {
  added: SiteInFile[];
  removed: SiteInFile[];
  changed: ChangedSite[];
  unchanged: number;
}

/** Stable JSON (sorted keys) so `{a,b}` and `{b,a}` compare equal. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const display = (v: unknown): string => (typeof v === 'string' ? v : stable(v));
const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function fieldChange(field: string, before: unknown, after: unknown): SiteChange | undefined {
  if (stable(before) === stable(after)) return undefined;
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every(isScalar)) {
    const b = before.map(display);
    const a = after.map(display);
    const added = a.filter((x) => !b.includes(x));
    const removed = b.filter((x) => !a.includes(x));
    if (added.length || removed.length) return { field, added, removed };
    return { field, before: display(before), after: display(after) };
  }
  return {
    field,
    ...(before === undefined ? {} : { before: display(before) }),
    ...(after === undefined ? {} : { after: display(after) }),
  };
}

function siteChanges(before: SiteInFile, after: SiteInFile): SiteChange[] {
  const out: SiteChange[] = [];
  const push = (c: SiteChange | undefined): void => void (c && out.push(c));
  if (before.name !== after.name) push({ field: 'name', before: before.name, after: after.name });
  push(fieldChange('url', before.url, after.url));
  const keys = [...new Set([...Object.keys(before.options), ...Object.keys(after.options)])].sort();
  for (const k of keys) push(fieldChange(k, before.options[k], after.options[k]));
  return out;
}

/** Pair sites by name (in order, for duplicate names), then leftovers by URL (renames). */
export function diffSites(base: readonly SiteInFile[], head: readonly SiteInFile[]): SitesDiff {
  const unmatchedBase = [...base];
  const pairs: Array<[SiteInFile, SiteInFile]> = [];
  const unmatchedHead: SiteInFile[] = [];
  for (const h of head) {
    const i = unmatchedBase.findIndex((b) => b.name === h.name);
    if (i === -1) unmatchedHead.push(h);
    else pairs.push([unmatchedBase.splice(i, 1)[0] as SiteInFile, h]);
  }
  const added: SiteInFile[] = [];
  for (const h of unmatchedHead) {
    const i = h.url ? unmatchedBase.findIndex((b) => b.url === h.url) : -1;
    if (i === -1) added.push(h);
    else pairs.push([unmatchedBase.splice(i, 1)[0] as SiteInFile, h]);
  }
  const changed: ChangedSite[] = [];
  let unchanged = 0;
  for (const [b, h] of pairs) {
    const changes = siteChanges(b, h);
    if (changes.length) changed.push({ name: h.name, url: h.url, file: h.file, line: h.line, changes });
    else unchanged += 1;
  }
  return { added, removed: unmatchedBase, changed, unchanged };
}

/** The text of a file at the base commit; undefined when the file did not exist there. */
export type BaseReader = (file: string) => Promise<string | undefined>;

/**
 * Reads `<rev>:./<file>` with `git show` from the project root (paths stay project-relative).
 * A path that is not in that commit is `undefined`; any other failure (a commit missing from a
 * shallow checkout) throws, so the caller can try the API or say the base is unknown.
 */
export function gitBaseReader(opts: { root: string; rev: string; exec?: Exec }): BaseReader {
  const exec = opts.exec ?? runProcess;
  let present: Promise<boolean> | undefined;
  return async (file) => {
    // For a commit it does not have, git says "exists on disk, but not in <rev>" as for a missing
    // path: ask for the commit first, once.
    present ??= exec('git', ['cat-file', '-e', `${opts.rev}^{commit}`], { cwd: opts.root }).then(
      (r) => r.exitCode === 0,
    );
    if (!(await present)) throw new Error(`commit ${opts.rev} is not in the local git history`);
    const r = await exec('git', ['show', `${opts.rev}:./${file}`], { cwd: opts.root });
    if (r.exitCode === 0) return r.stdout;
    if (/does not exist in|exists on disk, but not in/.test(r.stderr)) return undefined;
    throw new Error(`git show ${opts.rev}:${file} failed: ${tailLines(r.stderr, 1) || `exit code ${r.exitCode}`}`);
  };
}

/** The sites of the given http_check files at base, extracted exactly as at head. */
export async function sitesAt(files: readonly string[], read: BaseReader): Promise<SiteInFile[]> {
  const out: SiteInFile[] = [];
  for (const file of files) {
    const text = await read(file);
    if (text === undefined) continue;
    const { sites } = checkAgentFile(sourceFromText(file, text), 'http_check', {});
    appendAll(
      out,
      sites.map((s) => ({ ...s, file })),
    );
  }
  return out;
}

export interface SitesDiffOptions {
  /** Sites at head (ValidationResult.sites). */
  head: readonly SiteInFile[];
  /** http_check files at head (ValidationResult.files of kind http_check). */
  headFiles: readonly string[];
  /** Changed files, project-relative; undefined when unknown (then every http_check file is read). */
  changed?: readonly string[];
  /** Readers tried in order (git, then the API); the first that does not throw wins. */
  readers: readonly BaseReader[];
}

/**
 * The diff for a change. Only http_check files that changed are read at base (the others are the
 * same on both sides); an http_check file deleted by the change is recognised by its path.
 */
export async function sitesDiffForChange(opts: SitesDiffOptions): Promise<SitesDiff> {
  const changedSet = opts.changed ? new Set(opts.changed) : undefined;
  const isHttpCheckPath = (f: string): boolean =>
    /(^|\/)conf\.d\/(http_check\.d\/[^/]+\.ya?ml|http_check\.ya?ml)$/.test(f);
  const deleted = (opts.changed ?? []).filter((f) => isHttpCheckPath(f) && !opts.headFiles.includes(f));
  const files = [...new Set([...opts.headFiles.filter((f) => !changedSet || changedSet.has(f)), ...deleted])].sort();
  // Files the change did not touch are the same at base: their head sites stand in for the base ones,
  // so a site moved from a changed file into an untouched one is still matched.
  const untouched = opts.head.filter((s) => !files.includes(s.file));
  let lastError: unknown;
  for (const read of opts.readers) {
    try {
      const base = await sitesAt(files, read);
      return diffSites([...untouched, ...base], opts.head);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError instanceof Error ? lastError : new Error('no way to read the base version of the http_check files');
}
