import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { changedFilesFromGit, GitHistoryError } from '../../src/git.js';

let repo: string;
const git = (...args: string[]): string =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();
const write = (rel: string, text: string): void => {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
};
const commit = (msg: string): string => {
  git('add', '-A');
  git('commit', '-q', '-m', msg);
  return git('rev-parse', 'HEAD');
};

let c1: string;
let c2: string;
let side: string;

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-git-'));
  git('init', '-q', '-b', 'main');
  write('mon/dd-ecs-monitor.yml', 'cluster: c\n');
  write('mon/datadog/conf.yaml', 'a\n');
  write('other/readme.md', 'x\n');
  c1 = commit('one');
  write('mon/datadog/conf.yaml', 'b\n');
  write('mon/name with spaces;$(x).yaml', 'weird\n');
  write('other/readme.md', 'y\n');
  c2 = commit('two');
  // A branch that forked at c1 and changed something else (a pull request's merge-base case).
  git('checkout', '-q', '-b', 'feature', c1);
  write('mon/fluentd/fluent.conf', '<source>\n</source>\n');
  side = commit('feature');
  git('checkout', '-q', 'main');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('changedFilesFromGit', () => {
  test('direct (push before..after): files under the project root, relative to it, odd names intact', async () => {
    expect(await changedFilesFromGit({ root: path.join(repo, 'mon'), base: c1, head: c2, mode: 'direct' })).toEqual({
      kind: 'files',
      files: ['datadog/conf.yaml', 'name with spaces;$(x).yaml'],
      base: c1,
      head: c2,
    });
  });

  test('merge-base (pull request base...head): only what the branch changed since it forked', async () => {
    const r = await changedFilesFromGit({ root: path.join(repo, 'mon'), base: c2, head: side, mode: 'merge-base' });
    expect(r).toMatchObject({ kind: 'files', files: ['fluentd/fluent.conf'] });
    // The same pair compared directly also counts main's own change (a force push onto another history).
    const direct = await changedFilesFromGit({ root: path.join(repo, 'mon'), base: c2, head: side, mode: 'direct' });
    expect(direct).toMatchObject({ files: ['datadog/conf.yaml', 'fluentd/fluent.conf', 'name with spaces;$(x).yaml'] });
  });

  test('the working tree: uncommitted and untracked files count', async () => {
    write('mon/datadog/conf.yaml', 'c\n');
    write('mon/new.yaml', 'n\n');
    try {
      expect(await changedFilesFromGit({ root: path.join(repo, 'mon'), base: c2 })).toMatchObject({
        files: ['datadog/conf.yaml', 'new.yaml'],
        head: 'working tree',
      });
    } finally {
      git('checkout', '-q', '--', '.');
      rmSync(path.join(repo, 'mon/new.yaml'));
    }
  });

  test.each([
    [undefined, 'no base commit to compare with'],
    ['0000000000000000000000000000000000000000', 'first push of this branch (no previous commit)'],
  ])('base %p: everything counts as changed', async (base, reason) => {
    expect(await changedFilesFromGit({ root: repo, ...(base ? { base } : {}), head: c2 })).toEqual({
      kind: 'all',
      reason,
    });
  });

  test('a commit missing from a shallow history is a clear error naming it', async () => {
    const missing = 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef';
    const p = changedFilesFromGit({ root: repo, base: missing, head: c2 });
    await expect(p).rejects.toThrow(GitHistoryError);
    await expect(p).rejects.toThrow(`commit ${missing} is not in the local git history (a shallow checkout?)`);
  });

  test('outside a git work tree: everything counts as changed', async () => {
    const bare = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-nogit-'));
    try {
      expect(await changedFilesFromGit({ root: bare, base: c1, head: c2 })).toEqual({
        kind: 'all',
        reason: `${bare} is not in a git work tree`,
      });
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
