/**
 * The event -> the commits to compare, from real-shaped payload files (test/fixtures/events):
 * pull requests (merge-base), pushes (direct, including a branch's first push with `before` all
 * zeros, a force push, a deleted branch), manual runs (everything, or the "base" input).
 */
import { describe, expect, test } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { EventError, readEvent } from '../../src/github/event.js';
import { rangeFromEvent } from '../../src/github/range.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/events/${name}.json`, import.meta.url));
const SHA2 = '2'.repeat(40);

function env(eventName: string, file: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: fixture(file),
    GITHUB_REPOSITORY: 'acme/monitoring',
    GITHUB_SHA: SHA2,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.com',
    ...extra,
  };
}

describe('readEvent', () => {
  test('pull_request: number, base/head commits, same repository', () => {
    const e = readEvent(env('pull_request', 'pull_request'));
    expect(e.pullRequest).toEqual({
      number: 7,
      baseSha: '1'.repeat(40),
      headSha: SHA2,
      baseRef: 'main',
      fromFork: false,
    });
    expect(e.repo).toEqual({ owner: 'acme', repo: 'monitoring' });
    expect(e.runUrl).toBe('https://github.com/acme/monitoring/actions/runs/42');
    expect(e.push).toBeUndefined();
  });

  test.each([
    ['pull_request_fork', true],
    ['pull_request_deleted_fork', true],
    ['pull_request', false],
  ])('%s: fromFork is %s (compared by repository name)', (file, fork) => {
    expect(readEvent(env('pull_request', file)).pullRequest?.fromFork).toBe(fork);
  });

  test.each([
    ['push', { before: '1'.repeat(40), after: SHA2, created: false, forced: false, deleted: false }],
    ['push_first', { before: '0'.repeat(40), after: SHA2, created: true, forced: false, deleted: false }],
    ['push_forced', { before: '5'.repeat(40), after: SHA2, created: false, forced: true, deleted: false }],
    ['push_deleted', { before: SHA2, after: '0'.repeat(40), created: false, forced: false, deleted: true }],
  ])('%s payload', (file, push) => {
    expect(readEvent(env('push', file)).push).toEqual(push);
  });

  test('workflow_dispatch keeps its inputs', () => {
    const e = readEvent(env('workflow_dispatch', 'workflow_dispatch'));
    expect(e.dispatchInputs).toEqual({ 'force-new-deployment': 'true', rebuild: 'false', only: 'fluentd' });
    expect(e.push).toBeUndefined();
    expect(e.pullRequest).toBeUndefined();
  });

  test('no GITHUB_EVENT_PATH is an empty payload (a local run)', () => {
    const e = readEvent({ GITHUB_EVENT_NAME: '', GITHUB_SHA: '' });
    expect(e).toMatchObject({ name: '', sha: '', repo: undefined });
  });

  test('an unreadable or non-JSON payload is an error naming GITHUB_EVENT_PATH', () => {
    expect(() => readEvent({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(EventError);
    expect(() => readEvent({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(
      /GITHUB_EVENT_PATH=\/nonexistent\/event.json/,
    );
    expect(() => readEvent({ GITHUB_EVENT_PATH: fileURLToPath(import.meta.url) })).toThrow(/is not JSON/);
  });
});

describe('rangeFromEvent', () => {
  test.each([
    [
      'pull_request',
      'pull_request',
      {},
      {
        kind: 'range',
        base: '1'.repeat(40),
        head: SHA2,
        mode: 'merge-base',
        why: 'pull request #7 (1111111...2222222)',
      },
    ],
    [
      'push',
      'push',
      {},
      { kind: 'range', base: '1'.repeat(40), head: SHA2, mode: 'direct', why: 'push 1111111..2222222' },
    ],
    [
      'push',
      'push_forced',
      {},
      { kind: 'range', base: '5'.repeat(40), head: SHA2, mode: 'direct', why: 'force push 5555555..2222222' },
    ],
    [
      'push',
      'push_first',
      {},
      { kind: 'all', reason: 'first push of refs/heads/main (no previous commit): every file counts as changed' },
    ],
    ['push', 'push_deleted', {}, { kind: 'none', reason: 'the push deleted refs/heads/main: nothing to do' }],
    [
      'workflow_dispatch',
      'workflow_dispatch',
      {},
      { kind: 'all', reason: 'manual run (workflow_dispatch) without a "base": every file counts as changed' },
    ],
    [
      'workflow_dispatch',
      'workflow_dispatch',
      { base: 'v1.2.0' },
      { kind: 'range', base: 'v1.2.0', head: SHA2, mode: 'direct', why: 'the "base" input (v1.2.0) against 2222222' },
    ],
    [
      'schedule',
      'workflow_dispatch',
      {},
      { kind: 'all', reason: 'schedule run: no commits to compare, every file counts as changed' },
    ],
  ])('%s (%s) %j', (name, file, opts, expected) => {
    expect(rangeFromEvent(readEvent(env(name, file)), opts)).toEqual(expected);
  });
});
