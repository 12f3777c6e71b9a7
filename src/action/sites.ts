/**
 * The sites section of the report for this run: the http_check sites at head against the base
 * commit's (the merge base for a pull request), read with `git show`, or through the contents API
 * when a shallow checkout lacks the commit. Never throws: when the base cannot be read the report
 * says so instead.
 */
import path from 'node:path';
import type { Exec } from '../exec.js';
import { runProcess } from '../exec.js';
import type { GitHubApi } from '../github/api.js';
import type { CompareRange } from '../github/range.js';
import type { ChangedFiles } from '../plan/types.js';
import { type BaseReader, gitBaseReader, type SitesDiff, sitesDiffForChange } from '../report/sites-diff.js';
import type { ValidationResult } from '../validate.js';

export interface SitesOptions {
  validation: ValidationResult;
  changed: ChangedFiles;
  range: CompareRange;
  root: string;
  workspace: string;
  api?: Pick<GitHubApi, 'compare' | 'fileAt'>;
  exec?: Exec;
}

async function mergeBase(exec: Exec, root: string, base: string, head: string): Promise<string | undefined> {
  const r = await exec('git', ['merge-base', base, head], { cwd: root });
  return r.exitCode === 0 ? r.stdout.trim() || undefined : undefined;
}

export async function sitesForRun(opts: SitesOptions): Promise<SitesDiff | { unavailable: string }> {
  const { validation, changed, range } = opts;
  const monitored = validation.sites.length;
  if (changed.kind === 'all' || range.kind !== 'range') {
    const why = changed.kind === 'all' ? changed.reason : 'no base commit';
    return {
      unavailable: `${monitored} site${monitored === 1 ? '' : 's'} monitored; added / removed / changed sites need a base commit to compare with (${why}).`,
    };
  }
  const exec = opts.exec ?? runProcess;
  const headFiles = validation.files.filter((f) => f.kind === 'http_check').map((f) => f.path);
  const readers: BaseReader[] = [];
  const localBase = range.mode === 'merge-base' ? await mergeBase(exec, opts.root, range.base, range.head) : range.base;
  if (localBase) readers.push(gitBaseReader({ root: opts.root, rev: localBase, exec }));
  const api = opts.api;
  if (api) {
    const prefix = path.relative(opts.workspace, opts.root).split(path.sep).join('/');
    let rev: string | undefined;
    readers.push(async (file) => {
      rev ??=
        range.mode === 'merge-base'
          ? ((await api.compare(range.base, range.head)).mergeBase ?? range.base)
          : range.base;
      return api.fileAt(prefix ? `${prefix}/${file}` : file, rev);
    });
  }
  if (!readers.length)
    return {
      unavailable: `the base commit ${range.base.slice(0, 7)} is not in this checkout and there is no github-token to read it through the API`,
    };
  try {
    return await sitesDiffForChange({ head: validation.sites, headFiles, changed: changed.files, readers });
  } catch (err) {
    return { unavailable: `the http_check files at the base commit could not be read: ${(err as Error).message}` };
  }
}
