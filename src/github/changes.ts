/**
 * What changed, for a range taken from the event, in a checkout that may be shallow
 * (actions/checkout fetches one commit by default). In order:
 *   1. the local history (src/git.ts);
 *   2. if a commit is missing: fetch exactly the commits needed (`git fetch --depth=1 origin <sha>`
 *      for a push's two trees; a deeper fetch for a pull request, which needs the merge base);
 *   3. the compare API (merge-base semantics; for a push, both directions, a superset that is
 *      safe for a force push whose `before` is not an ancestor);
 *   4. otherwise every file counts as changed, with a warning that says why and how to avoid it.
 * Paths come back relative to the project root, like the local diff's.
 */
import path from 'node:path';
import { type Exec, runProcess, tailLines } from '../exec.js';
import type { Log } from '../log.js';
import { changedFilesFromGit, type ChangedFilesOptions } from '../git.js';
import type { ChangedFiles } from '../plan/types.js';
import type { CompareResult } from './api.js';
import type { CompareRange } from './range.js';
import { short } from './range.js';

export interface ChangesOptions {
  range: CompareRange;
  /** Absolute project root (the folder of the project file). */
  root: string;
  /** Absolute repository root (`GITHUB_WORKSPACE`); API paths are relative to it. */
  workspace: string;
  log: Log;
  fetchHistory: boolean;
  /** The compare API, when a token is available. */
  compare?: (base: string, head: string) => Promise<CompareResult>;
  exec?: Exec;
  /** Seam for tests; the real one is src/git.ts. */
  gitDiff?: (opts: ChangedFilesOptions) => Promise<ChangedFiles>;
}

export interface ResolvedChanges {
  changed: ChangedFiles;
  /** Where the list came from, for the report. */
  source: 'event' | 'git' | 'git-after-fetch' | 'api' | 'fallback';
}

/** Depth fetched for a pull request so the merge base is usually in reach without the whole history. */
export const PR_FETCH_DEPTH = 100;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function resolveChanges(opts: ChangesOptions): Promise<ResolvedChanges> {
  const { range, log } = opts;
  if (range.kind !== 'range') return { changed: { kind: 'all', reason: range.reason }, source: 'event' };
  const exec = opts.exec ?? runProcess;
  const gitDiff = opts.gitDiff ?? changedFilesFromGit;
  const diff = (): Promise<ChangedFiles> =>
    gitDiff({ root: opts.root, base: range.base, head: range.head, mode: range.mode, exec, log });
  const problems: string[] = [];

  try {
    return { changed: await diff(), source: 'git' };
  } catch (err) {
    problems.push(message(err));
    log.info(`What changed (${range.why}): ${message(err)}`);
  }

  if (opts.fetchHistory) {
    const depth = range.mode === 'direct' ? 1 : PR_FETCH_DEPTH;
    log.info(`Fetching ${short(range.base)} and ${short(range.head)} from origin (depth ${depth}) to compare them`);
    const args = [
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      `--depth=${depth}`,
      'origin',
      range.base,
      range.head,
    ];
    const fetched = await exec('git', args, { cwd: opts.root });
    if (fetched.exitCode === 0) {
      try {
        return { changed: await diff(), source: 'git-after-fetch' };
      } catch (err) {
        problems.push(message(err));
      }
    } else {
      problems.push(`git fetch failed: ${tailLines(fetched.stderr, 1) || `exit code ${fetched.exitCode}`}`);
    }
  }

  if (opts.compare) {
    try {
      const changed = await fromApi(opts, range);
      log.info(`What changed (${range.why}): from the GitHub compare API, as the local history lacks the commits`);
      return { changed, source: 'api' };
    } catch (err) {
      problems.push(message(err));
    }
  } else {
    problems.push('no github-token to ask the compare API');
  }

  const reason =
    `commits ${short(range.base)} and ${short(range.head)} could not be compared (${problems.join('; ')}): ` +
    'every file counts as changed. Check out with "fetch-depth: 0" (actions/checkout) to compare locally';
  log.warning(reason);
  return { changed: { kind: 'all', reason }, source: 'fallback' };
}

async function fromApi(opts: ChangesOptions, range: Extract<CompareRange, { kind: 'range' }>): Promise<ChangedFiles> {
  const compare = opts.compare as NonNullable<ChangesOptions['compare']>;
  const results = [await compare(range.base, range.head)];
  // A push compares trees directly; the API only has merge-base semantics. Both directions together
  // cover every file that differs between the two trees (a force push that dropped commits included).
  if (range.mode === 'direct') results.push(await compare(range.head, range.base));
  if (results.some((r) => !r.complete)) {
    throw new Error(
      `the compare API listed only its first 300 changed files between ${short(range.base)} and ${short(range.head)}`,
    );
  }
  const prefix = path.relative(opts.workspace, opts.root).split(path.sep).join('/');
  const files = new Set<string>();
  for (const f of results.flatMap((r) => r.files)) {
    if (!prefix) files.add(f);
    else if (f.startsWith(`${prefix}/`)) files.add(f.slice(prefix.length + 1));
  }
  return { kind: 'files', files: [...files].sort(), base: range.base, head: range.head };
}
