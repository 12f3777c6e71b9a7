/**
 * The GitHub seam against a fake GitHub API on 127.0.0.1 (GITHUB_API_URL), through the real
 * Octokit: the sticky comment is found by its marker across pages, created once and updated in
 * place; quoting it does not steal it; a read-only token is a clear error; compare and contents.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { type GitHubApi, GitHubApiError, githubApi } from '../../src/github/api.js';
import { commentMarker, findSticky, upsertStickyComment } from '../../src/github/sticky-comment.js';
import { FakeGitHub } from '../support/fake-github.js';

const gh = new FakeGitHub();
const saved = process.env.GITHUB_API_URL;
let api: GitHubApi;
const MARKER = commentMarker('dd-ecs-monitor.yml');

beforeAll(async () => {
  await gh.start();
  process.env.GITHUB_API_URL = gh.url;
  api = await githubApi({ token: 'ghs_faketoken0123456789', repo: { owner: 'acme', repo: 'monitoring' } });
});
afterAll(async () => {
  if (saved === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = saved;
  await gh.stop();
});
beforeEach(() => {
  gh.comments.length = 0;
  gh.requests.length = 0;
  gh.readOnly = false;
});

describe('sticky comment', () => {
  test('marker: one line, no early end of the HTML comment', () => {
    expect(MARKER).toBe('<!-- dd-ecs-monitor:report config=dd-ecs-monitor.yml -->');
    expect(commentMarker('a--b/<x>.yml')).toBe('<!-- dd-ecs-monitor:report config=a-b/_x_.yml -->');
  });

  test('created once, then updated in place, then left alone when unchanged', async () => {
    for (let i = 0; i < 150; i++) gh.addComment(7, `chatter ${i}`);
    const first = await upsertStickyComment(api, { issue: 7, marker: MARKER, body: 'report v1' });
    expect(first.action).toBe('created');
    expect(gh.commentsOn(7)).toHaveLength(151);

    gh.requests.length = 0;
    const second = await upsertStickyComment(api, { issue: 7, marker: MARKER, body: 'report v2' });
    expect(second).toEqual({ id: first.id, url: first.url, action: 'updated' });
    expect(gh.commentsOn(7)).toHaveLength(151);
    expect(gh.comments.find((c) => c.id === first.id)?.body).toBe(`${MARKER}\nreport v2`);
    // Pages of 100: the marker was on page 2.
    expect(gh.requests.map((r) => `${r.method} ${r.path} ${r.query.page ?? ''}`)).toEqual([
      'GET /repos/acme/monitoring/issues/7/comments ',
      'GET /repos/acme/monitoring/issues/7/comments 2',
      `PATCH /repos/acme/monitoring/issues/comments/${first.id} `,
    ]);
    expect(gh.requests[0]?.authorization).toBe('token ghs_faketoken0123456789');

    gh.requests.length = 0;
    const third = await upsertStickyComment(api, { issue: 7, marker: MARKER, body: 'report v2' });
    expect(third.action).toBe('unchanged');
    expect(gh.writes()).toEqual([]);
  });

  test('a reply quoting the report is not taken over; the oldest marked comment wins', async () => {
    gh.addComment(7, `> ${MARKER}\n> report\nLGTM`);
    const older = gh.addComment(7, `${MARKER}\nold`, { login: 'github-actions[bot]', type: 'Bot' });
    gh.addComment(7, `${MARKER}\nduplicate from a race`, { login: 'github-actions[bot]', type: 'Bot' });
    const r = await upsertStickyComment(api, { issue: 7, marker: MARKER, body: 'new' });
    expect(r.id).toBe(older.id);
    expect(findSticky([{ id: 1, body: `> ${MARKER}`, url: '', userType: 'User' }], MARKER)).toBeUndefined();
  });

  test('another project file in the same repository gets its own comment', async () => {
    await upsertStickyComment(api, { issue: 7, marker: MARKER, body: 'a' });
    const other = commentMarker('staging/dd-ecs-monitor.yml');
    const r = await upsertStickyComment(api, { issue: 7, marker: other, body: 'b' });
    expect(r.action).toBe('created');
    expect(gh.commentsOn(7)).toHaveLength(2);
  });

  test('a read-only token: HTTP 403 with a hint about forks and pull-requests: write', async () => {
    gh.readOnly = true;
    const err = await upsertStickyComment(api, { issue: 7, marker: MARKER, body: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(403);
    expect((err as Error).message).toMatch(
      /^GitHub API: commenting on #7 failed with HTTP 403: Resource not accessible by integration.*pull-requests: write/,
    );
  });
});

describe('compare and contents', () => {
  test('compare lists both sides of a rename and the merge base; 300 files means cut', async () => {
    gh.compares.set('aaa...bbb', {
      files: [{ filename: 'x/new.yaml', status: 'renamed', previous_filename: 'x/old.yaml' }, { filename: 'y' }],
      mergeBase: 'mmm',
    });
    expect(await api.compare('aaa', 'bbb')).toEqual({
      files: ['x/new.yaml', 'x/old.yaml', 'y'],
      complete: true,
      mergeBase: 'mmm',
    });
    gh.compares.set('ccc...ddd', { files: Array.from({ length: 300 }, (_, i) => ({ filename: `f${i}` })) });
    expect((await api.compare('ccc', 'ddd')).complete).toBe(false);
    await expect(api.compare('nope', 'none')).rejects.toThrow(/comparing nope...none failed with HTTP 404/);
  });

  test('fileAt: the raw text, or undefined when absent at that ref', async () => {
    gh.contents.set('abc:examples/conf.yaml', 'instances: []\n');
    expect(await api.fileAt('examples/conf.yaml', 'abc')).toBe('instances: []\n');
    expect(await api.fileAt('examples/missing.yaml', 'abc')).toBeUndefined();
  });
});
