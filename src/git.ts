/**
 * Which files changed between two commits, from the local git history (through the process
 * seam). Paths come back relative to the project root, restricted to it (`--relative`), renames
 * counted on both sides (`--no-renames`), NUL-separated so no file name can break the list.
 */
import { type Exec, runChecked, runProcess } from './exec.js';
import type { Log } from './log.js';
import type { ChangedFiles } from './plan/types.js';

/** `before` of a branch's first push, and what GitHub sends when there is no previous commit. */
const ZERO_SHA = /^0+$/;

export class GitHistoryError extends Error {
  constructor(
    message: string,
    readonly missing: string,
  ) {
    super(message);
    this.name = 'GitHistoryError';
  }
}

export interface ChangedFilesOptions {
  /** Absolute project root (a folder inside a git work tree). */
  root: string;
  /** Base commit; absent or all zeros: everything counts as changed. */
  base?: string;
  /** Head commit; absent: the working tree (uncommitted and untracked files included). */
  head?: string;
  /**
   * `merge-base` (pull requests: what the branch changed since it forked, `base...head`) or
   * `direct` (pushes: the trees before and after, which also covers force pushes).
   */
  mode?: 'merge-base' | 'direct';
  exec?: Exec;
  log?: Log;
}

const split0 = (s: string): string[] => s.split('\0').filter(Boolean);

async function hasCommit(exec: Exec, root: string, rev: string): Promise<boolean> {
  const r = await exec('git', ['cat-file', '-e', `${rev}^{commit}`], { cwd: root });
  return r.exitCode === 0;
}

async function isGitWorkTree(root: string, exec: Exec = runProcess): Promise<boolean> {
  const r = await exec('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root });
  return r.exitCode === 0 && r.stdout.trim() === 'true';
}

export async function headSha(root: string, exec: Exec = runProcess): Promise<string | undefined> {
  const r = await exec('git', ['rev-parse', 'HEAD'], { cwd: root });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

export async function changedFilesFromGit(opts: ChangedFilesOptions): Promise<ChangedFiles> {
  const exec = opts.exec ?? runProcess;
  const { root } = opts;
  if (!opts.base || ZERO_SHA.test(opts.base)) {
    return {
      kind: 'all',
      reason: opts.base ? 'first push of this branch (no previous commit)' : 'no base commit to compare with',
    };
  }
  if (!(await isGitWorkTree(root, exec))) {
    return { kind: 'all', reason: `${root} is not in a git work tree` };
  }
  for (const rev of [opts.base, opts.head].filter((r): r is string => Boolean(r))) {
    if (!(await hasCommit(exec, root, rev))) {
      throw new GitHistoryError(
        `commit ${rev} is not in the local git history (a shallow checkout?): check out with fetch-depth: 0, or fetch it (git fetch --depth=1 origin ${rev})`,
        rev,
      );
    }
  }
  const files = new Set<string>();
  if (opts.head) {
    const range = opts.mode === 'direct' ? [opts.base, opts.head] : [`${opts.base}...${opts.head}`];
    const r = await runChecked(
      exec,
      'git',
      ['diff', '--name-only', '--no-renames', '--relative', '-z', ...range, '--'],
      { cwd: root, step: 'git diff' },
    );
    for (const f of split0(r.stdout)) files.add(f);
  } else {
    const r = await runChecked(
      exec,
      'git',
      ['diff', '--name-only', '--no-renames', '--relative', '-z', opts.base, '--'],
      { cwd: root, step: 'git diff' },
    );
    for (const f of split0(r.stdout)) files.add(f);
    const u = await runChecked(exec, 'git', ['ls-files', '--others', '--exclude-standard', '-z', '--', '.'], {
      cwd: root,
      step: 'git ls-files',
    });
    for (const f of split0(u.stdout)) files.add(f);
  }
  opts.log?.debug(`git: ${files.size} files changed between ${opts.base} and ${opts.head ?? 'the working tree'}`);
  return { kind: 'files', files: [...files].sort(), base: opts.base, head: opts.head ?? 'working tree' };
}
