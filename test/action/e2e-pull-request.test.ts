/**
 * End to end, a pull request that adds a site to the example repository: the real bundle
 * (`node dist/index.js`) with real INPUT_* variables and a pull_request payload file, a fake
 * GitHub API on 127.0.0.1. Asserted: annotations on the exact file/line (repository-relative,
 * the project living in a subfolder), one failure with the count, the sticky comment (created,
 * then updated in place by a second run), the job summary, the outputs; a fork's PR gets no
 * comment and no plan, only the summary.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeGitHub } from '../support/fake-github.js';
import { type ActionRun, commitFile, eventFixture, exampleRepo, git, spawnAction } from './harness.js';

const HTTP = 'examples/datadog-ecs/datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';
const MARKER = '<!-- dd-ecs-monitor:report config=examples/datadog-ecs/dd-ecs-monitor.yml -->';
const ZWJ = '\u200d';
const TOKEN = 'ghs_e2eFakeToken000000000000000000000';

const NEW_SITES = `
  - name: "<img src=x> @everyone shop"
    url: https://shop.example.com/
    timout: 5
    tags:
      - "env:prd"

  - name: Broken
    url: shop.example.com
    timeout: 5
`;

const gh = new FakeGitHub();
let repo: ReturnType<typeof exampleRepo>;
let head = '';
let first: ActionRun;
let original = '';

const inputs = {
  command: 'plan',
  offline: 'true',
  config: 'examples/datadog-ecs/dd-ecs-monitor.yml',
  'github-token': TOKEN,
};

function prEvent(headSha: string, fixture = 'pull_request'): unknown {
  return eventFixture(fixture, { ['1'.repeat(40)]: repo.base, ['2'.repeat(40)]: headSha, ['3'.repeat(40)]: headSha });
}

beforeAll(async () => {
  await gh.start();
  repo = exampleRepo();
  git(repo.dir, 'checkout', '-q', '-b', 'add-shop');
  original = readFileSync(path.join(repo.dir, HTTP), 'utf8');
  head = commitFile(repo.dir, HTTP, original + NEW_SITES, 'Monitor the shop');
  first = await spawnAction({
    inputs,
    eventName: 'pull_request',
    event: prEvent(head),
    workspace: repo.dir,
    sha: head,
    env: { GITHUB_API_URL: gh.url },
  });
}, 120_000);
afterAll(async () => {
  await gh.stop();
  rmSync(repo.dir, { recursive: true, force: true });
});

describe('a pull request that adds a site', () => {
  test('starts fast and fails once, with the count', () => {
    expect(first.code).toBe(1);
    const failures = first.commands.filter((c) => c.command === 'error' && !c.properties.file);
    expect(failures.map((c) => c.message)).toEqual([
      'validation found 1 error and 1 warning: see the annotations and the job summary',
    ]);
    // The first plain line comes before any module beyond the inputs is loaded (the bench holds the 400 ms budget).
    expect(first.stdout.split('\n').find((l) => !l.startsWith('::'))).toBe(
      'dd-ecs-monitor: command plan, project file examples/datadog-ecs/dd-ecs-monitor.yml',
    );
    expect(first.firstLineMs).toBeGreaterThan(0);
    expect(first.firstLineMs).toBeLessThan(5000);
  });

  test('annotations on the exact file, line and column, relative to the repository root', () => {
    const annotations = first.commands.filter(
      (c) => ['error', 'warning', 'notice'].includes(c.command) && c.properties.file,
    );
    expect(annotations).toEqual([
      {
        command: 'warning',
        properties: { title: 'http_check/unknown-key', file: HTTP, line: '27', col: '5' },
        message: 'unknown option "timout" in instance 4: the check ignores it (did you mean "timeout"?)',
      },
      {
        command: 'error',
        properties: { title: 'http_check/url-scheme', file: HTTP, line: '32', col: '10' },
        message:
          'the url of instance 5 has no scheme: the check requires http:// or https:// (ConfigurationError); write https://shop.example.com',
      },
    ]);
  });

  test('the token is masked and never sent anywhere but the fake API', () => {
    expect(first.commands).toContainEqual({ command: 'add-mask', properties: {}, message: TOKEN });
    expect(gh.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(first.summary).not.toContain(TOKEN);
  });

  test('one comment, behind the marker, with the sites, the findings and the plan; user text escaped', () => {
    const posts = gh.writes();
    expect(posts.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/acme/monitoring/issues/7/comments']);
    const body = (posts[0]?.body as { body: string }).body;
    expect(body.split('\n')[0]).toBe(MARKER);
    expect(body).toContain('## ❌ dd-ecs-monitor plan: failed · 1 error, 1 warning');
    expect(body).toContain('**2 added, 0 removed, 0 changed**, 3 unchanged');
    expect(body).toContain(
      `| ➕ added | &lt;img src\\=x&gt; @${ZWJ}everyone shop | \`https://shop.example.com/\` | [\`${HTTP}:25\`](https://github.com/acme/monitoring/blob/${head}/${HTTP}#L25) |`,
    );
    expect(body).toContain('| ➕ added | Broken | `shop.example.com` |');
    expect(body).toContain(`| ❌ error | [\`${HTTP}:32:10\`]`);
    expect(body).toContain('| `http_check/url-scheme` |');
    expect(body).toContain('### Images (offline: ECR not asked)');
    expect(body).toContain('| `datadog-agent` | 🔨 build |');
    expect(body).toContain(`| \`datadog-agent\` | 🚀 register + update |`);
    expect(body.replace(/`[^`\n]*`/g, '')).not.toMatch(/<img|@everyone/);
  });

  test('the job summary is the same report, without the marker', () => {
    const body = (gh.writes()[0]?.body as { body: string }).body;
    expect(first.summary.trim()).toBe(body.slice(MARKER.length + 1).trim());
  });

  test('outputs', () => {
    const o = first.outputs;
    expect({ result: o.result, errors: o.errors, warnings: o.warnings, notices: o.notices }).toEqual({
      result: 'failure',
      errors: '1',
      warnings: '1',
      notices: '0',
    });
    expect(JSON.parse(o['changed-files'] as string)).toEqual([
      'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
    ]);
    expect(JSON.parse(o.sites as string)).toEqual({
      added: [
        { name: '<img src=x> @everyone shop', url: 'https://shop.example.com/', file: HTTP },
        { name: 'Broken', url: 'shop.example.com', file: HTTP },
      ],
      removed: [],
      changed: [],
    });
    const plan = JSON.parse(o.plan as string) as { offline: boolean; images: Array<{ key: string; action: string }> };
    expect(plan.offline).toBe(true);
    expect(plan.images.map((i) => [i.key, i.action])).toEqual([
      ['datadog-agent', 'build'],
      ['fluentd', 'unknown'],
    ]);
    expect(o['comment-url']).toMatch(/^https:\/\/github.com\/acme\/monitoring\/pull\/7#issuecomment-\d+$/);
  });

  test('a second run, after the fix, updates the same comment instead of adding one', async () => {
    const fixed = readFileSync(path.join(repo.dir, HTTP), 'utf8')
      .replace('timout: 5', 'timeout: 5')
      .replace('url: shop.example.com', 'url: https://shop2.example.com/');
    const head2 = commitFile(repo.dir, HTTP, fixed, 'Fix the review findings');
    const before = gh.commentsOn(7);
    expect(before).toHaveLength(1);
    gh.requests.length = 0;
    const second = await spawnAction({
      inputs,
      eventName: 'pull_request',
      event: prEvent(head2),
      workspace: repo.dir,
      sha: head2,
      env: { GITHUB_API_URL: gh.url },
    });
    expect(second.code).toBe(0);
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /repos/acme/monitoring/issues/comments/${before[0]?.id}`,
    ]);
    const after = gh.commentsOn(7);
    expect(after).toHaveLength(1);
    expect(after[0]?.body).toContain('## ✅ dd-ecs-monitor plan: passed · 0 errors, 0 warnings');
    expect(after[0]?.body).toContain('| ➕ added | Broken | `https://shop2.example.com/` |');
    expect(second.outputs.result).toBe('success');
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
  }, 120_000);
});

describe('a pull request from a fork', () => {
  test('validated, plan skipped with a notice, no comment, the report in the job summary', async () => {
    const fork = new FakeGitHub({ readOnly: true });
    await fork.start();
    try {
      const current = git(repo.dir, 'rev-parse', 'HEAD');
      const run = await spawnAction({
        inputs,
        eventName: 'pull_request',
        event: prEvent(current, 'pull_request_fork'),
        workspace: repo.dir,
        sha: current,
        env: { GITHUB_API_URL: fork.url },
      });
      expect(run.code).toBe(0);
      expect(run.commands.filter((c) => c.command === 'notice').map((c) => c.message)).toEqual([
        'Plan skipped: pull requests from forks get no AWS role and a read-only token. The files were validated; a maintainer can run the plan by re-running this workflow from a branch of this repository.',
      ]);
      expect(fork.writes()).toEqual([]);
      expect(run.summary).toContain('> Plan skipped: pull requests from forks get no AWS role');
      expect(run.summary).toContain(
        '> No pull request comment: pull requests from forks get a read\\-only token. This report is in the job summary.',
      );
      expect(run.summary).not.toContain('### Images');
      expect(run.outputs.plan).toBeUndefined();
    } finally {
      await fork.stop();
    }
  }, 120_000);
});

describe('a pull request in a shallow checkout (actions/checkout with depth 1)', () => {
  test('without fetching, what changed and the base sites come from the GitHub API', async () => {
    const api = new FakeGitHub();
    await api.start();
    const ws = mkdtempSync(path.join(tmpdir(), 'action-shallow-'));
    try {
      git(ws, 'init', '-q');
      git(ws, 'remote', 'add', 'origin', `file://${repo.dir}`);
      git(ws, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', head);
      git(ws, 'checkout', '-q', 'FETCH_HEAD');
      expect(git(ws, 'rev-list', '--count', 'HEAD')).toBe('1');
      api.compares.set(`${repo.base}...${head}`, {
        files: [{ filename: HTTP, status: 'modified' }],
        mergeBase: repo.base,
      });
      api.contents.set(`${repo.base}:${HTTP}`, original);

      const run = await spawnAction({
        inputs: { ...inputs, 'fetch-history': 'false' },
        eventName: 'pull_request',
        event: prEvent(head),
        workspace: ws,
        sha: head,
        env: { GITHUB_API_URL: api.url },
      });
      expect(run.stdout).toContain(
        `What changed (pull request #7 (${repo.base.slice(0, 7)}...${head.slice(0, 7)})): from the GitHub compare API, as the local history lacks the commits`,
      );
      expect(JSON.parse(run.outputs['changed-files'] as string)).toEqual([
        'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
      ]);
      expect(
        (JSON.parse(run.outputs.sites as string) as { added: Array<{ name: string }> }).added.map((x) => x.name),
      ).toEqual(['<img src=x> @everyone shop', 'Broken']);
      // One compare (what changed, and the merge base for the sites), then the base file's contents.
      const reads = api.requests
        .filter((r) => r.method === 'GET' && !r.path.endsWith('/comments'))
        .map((r) => `${decodeURIComponent(r.path)}${r.query.ref ? `?ref=${r.query.ref}` : ''}`);
      expect(reads).toEqual([
        `/repos/acme/monitoring/compare/${repo.base}...${head}`,
        `/repos/acme/monitoring/contents/${HTTP}?ref=${repo.base}`,
      ]);
      expect(api.commentsOn(7)).toHaveLength(1);
    } finally {
      await api.stop();
      rmSync(ws, { recursive: true, force: true });
    }
  }, 120_000);
});
