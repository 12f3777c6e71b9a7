/**
 * What changed, in real git repositories cloned the way actions/checkout does (depth 1 over a
 * URL, so history is missing): the local diff, fetching the missing commits, the compare API
 * fallback (paths re-based onto the project folder, both directions for a push), and the
 * fallback to "everything changed" with a message that says why and what to do.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CompareResult } from '../../src/github/api.js';
import { resolveChanges } from '../../src/github/changes.js';
import type { CompareRange } from '../../src/github/range.js';
import { memoryLog } from '../../src/log.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@t',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@t',
  GIT_CONFIG_NOSYSTEM: '1',
};
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV }).trim();

let dir: string;
let origin: string;
const sha: Record<string, string> = {};

function commit(name: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(origin, f)), { recursive: true });
    writeFileSync(path.join(origin, f), text);
  }
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', name);
  sha[name] = git(origin, 'rev-parse', 'HEAD');
}

/** A fresh depth-1 clone of `ref`, as actions/checkout makes. */
function shallowClone(ref: string): string {
  const ws = mkdtempSync(path.join(dir, 'ws-'));
  git(ws, 'init', '-q');
  git(ws, 'remote', 'add', 'origin', `file://${origin}`);
  git(ws, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', ref);
  git(ws, 'checkout', '-q', 'FETCH_HEAD');
  return ws;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'changes-'));
  origin = path.join(dir, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '-q', '-b', 'main');
  // GitHub serves any commit of the repository by SHA, even one a force push left unreachable.
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  commit('c1', { 'proj/dd-ecs-monitor.yml': 'v1\n', 'proj/datadog/conf.yaml': 'a\n', 'README.md': 'r\n' });
  commit('c2', { 'proj/datadog/conf.yaml': 'b\n', 'README.md': 'r2\n' });
  commit('c3', { 'proj/fluentd/fluent.conf': 'f\n' });
  // A branch off c1 for a pull request, and a commit a force push will drop.
  git(origin, 'checkout', '-q', '-b', 'feature', sha.c1 as string);
  commit('f1', { 'proj/datadog/new.yaml': 'n\n' });
  git(origin, 'checkout', '-q', '-b', 'dropped', sha.c3 as string);
  commit('d1', { 'proj/dropped.txt': 'x\n' });
  git(origin, 'checkout', '-q', 'main');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const push = (base: string, head: string): CompareRange => ({ kind: 'range', base, head, mode: 'direct', why: 'push' });

describe('resolveChanges', () => {
  test('the full history: the local diff, relative to the project folder', async () => {
    const log = memoryLog();
    const r = await resolveChanges({
      range: push(sha.c1 as string, sha.c3 as string),
      root: path.join(origin, 'proj'),
      workspace: origin,
      log,
      fetchHistory: false,
    });
    expect(r).toEqual({
      source: 'git',
      changed: { kind: 'files', files: ['datadog/conf.yaml', 'fluentd/fluent.conf'], base: sha.c1, head: sha.c3 },
    });
  });

  test('a shallow checkout of a push: the two commits are fetched (depth 1), then diffed', async () => {
    const ws = shallowClone(sha.c3 as string);
    const log = memoryLog();
    const r = await resolveChanges({
      range: push(sha.c2 as string, sha.c3 as string),
      root: path.join(ws, 'proj'),
      workspace: ws,
      log,
      fetchHistory: true,
    });
    expect(r).toEqual({
      source: 'git-after-fetch',
      changed: { kind: 'files', files: ['fluentd/fluent.conf'], base: sha.c2, head: sha.c3 },
    });
    expect(log.lines.join('\n')).toContain(`commit ${sha.c2} is not in the local git history (a shallow checkout?)`);
    expect(log.lines).toContain(
      `Fetching ${(sha.c2 as string).slice(0, 7)} and ${(sha.c3 as string).slice(0, 7)} from origin (depth 1) to compare them`,
    );
  });

  test('a force push: `before` is not an ancestor; the trees are compared directly', async () => {
    const ws = shallowClone(sha.c3 as string);
    const r = await resolveChanges({
      range: push(sha.d1 as string, sha.c3 as string),
      root: path.join(ws, 'proj'),
      workspace: ws,
      log: memoryLog(),
      fetchHistory: true,
    });
    // dropped.txt existed only in the dropped commit: what was deployed differs there.
    expect(r.changed).toEqual({ kind: 'files', files: ['dropped.txt'], base: sha.d1, head: sha.c3 });
  });

  test('a shallow checkout of a pull request: fetched deep enough for the merge base', async () => {
    const ws = shallowClone(sha.f1 as string);
    const r = await resolveChanges({
      range: {
        kind: 'range',
        base: sha.c3 as string,
        head: sha.f1 as string,
        mode: 'merge-base',
        why: 'pull request #1',
      },
      root: path.join(ws, 'proj'),
      workspace: ws,
      log: memoryLog(),
      fetchHistory: true,
    });
    expect(r).toEqual({
      source: 'git-after-fetch',
      changed: { kind: 'files', files: ['datadog/new.yaml'], base: sha.c3, head: sha.f1 },
    });
  });

  test('no fetch: the compare API, both directions for a push, paths re-based onto the project folder', async () => {
    const ws = shallowClone(sha.c3 as string);
    const calls: string[] = [];
    const compare = async (base: string, head: string): Promise<CompareResult> => {
      calls.push(`${base}...${head}`);
      return base === sha.c2
        ? { files: ['README.md', 'proj/fluentd/fluent.conf'], complete: true }
        : { files: ['proj/dropped.txt'], complete: true };
    };
    const r = await resolveChanges({
      range: push(sha.c2 as string, sha.c3 as string),
      root: path.join(ws, 'proj'),
      workspace: ws,
      log: memoryLog(),
      fetchHistory: false,
      compare,
    });
    expect(r).toEqual({
      source: 'api',
      changed: { kind: 'files', files: ['dropped.txt', 'fluentd/fluent.conf'], base: sha.c2, head: sha.c3 },
    });
    expect(calls).toEqual([`${sha.c2}...${sha.c3}`, `${sha.c3}...${sha.c2}`]);
  });

  test('a pull request through the API: one compare (merge-base semantics)', async () => {
    const ws = shallowClone(sha.f1 as string);
    const calls: string[] = [];
    const compare = async (base: string, head: string): Promise<CompareResult> => {
      calls.push(`${base}...${head}`);
      return { files: ['proj/datadog/new.yaml'], complete: true };
    };
    const r = await resolveChanges({
      range: { kind: 'range', base: sha.c3 as string, head: sha.f1 as string, mode: 'merge-base', why: 'pr' },
      root: path.join(ws, 'proj'),
      workspace: ws,
      log: memoryLog(),
      fetchHistory: false,
      compare,
    });
    expect(r.source).toBe('api');
    expect(calls).toHaveLength(1);
  });

  test('a cut API list (300 files) is not trusted', async () => {
    const ws = shallowClone(sha.c3 as string);
    const compare = async (): Promise<CompareResult> => ({ files: ['proj/a'], complete: false });
    const r = await resolveChanges({
      range: push(sha.c2 as string, sha.c3 as string),
      root: path.join(ws, 'proj'),
      workspace: ws,
      log: memoryLog(),
      fetchHistory: false,
      compare,
    });
    expect(r.source).toBe('fallback');
    expect(r.changed.kind === 'all' && r.changed.reason).toContain(
      'the compare API listed only its first 300 changed files',
    );
  });

  test('nothing works: every file counts as changed, with a warning that says why and what to do', async () => {
    const ws = shallowClone(sha.c3 as string);
    const log = memoryLog();
    const missing = 'e'.repeat(40);
    const r = await resolveChanges({
      range: push(missing, sha.c3 as string),
      root: path.join(ws, 'proj'),
      workspace: ws,
      log,
      fetchHistory: true,
    });
    expect(r.source).toBe('fallback');
    const reason = r.changed.kind === 'all' ? r.changed.reason : '';
    expect(reason).toMatch(
      new RegExp(
        `^commits eeeeeee and ${(sha.c3 as string).slice(0, 7)} could not be compared \\(commit e{40} is not in the local git history`,
      ),
    );
    expect(reason).toContain('git fetch failed:');
    expect(reason).toContain('no github-token to ask the compare API');
    expect(reason).toMatch(
      /every file counts as changed\. Check out with "fetch-depth: 0" \(actions\/checkout\) to compare locally$/,
    );
    expect(log.lines).toContain(`warning: ${reason}`);
  });

  test('a fetch that fails without a word on stderr: the reason gives its exit code', async () => {
    const r = await resolveChanges({
      range: push('a'.repeat(40), 'b'.repeat(40)),
      root: origin,
      workspace: origin,
      log: memoryLog(),
      fetchHistory: true,
      gitDiff: async () => {
        throw new Error('commit aaaaaaa is not in the local git history');
      },
      exec: async () => ({ exitCode: 128, stdout: '', stderr: '\n' }),
    });
    expect(r.changed.kind === 'all' && r.changed.reason).toContain('git fetch failed: exit code 128;');
  });

  test('no range: the event reason stands', async () => {
    const r = await resolveChanges({
      range: { kind: 'all', reason: 'first push' },
      root: origin,
      workspace: origin,
      log: memoryLog(),
      fetchHistory: true,
    });
    expect(r).toEqual({ source: 'event', changed: { kind: 'all', reason: 'first push' } });
  });
});
