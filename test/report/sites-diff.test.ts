/**
 * Sites added / removed / changed between base and head: pairing by name, renames by URL,
 * per-field changes (tags as added/removed), secrets compared only as '<secret>', and the base
 * read from a real git repository with `git show`.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffSites, gitBaseReader, sitesAt, sitesDiffForChange } from '../../src/report/sites-diff.js';
import type { SiteInFile } from '../../src/validate.js';

const site = (
  name: string,
  url: string,
  options: Record<string, unknown> = {},
  file = 'conf.d/http_check.d/conf.yaml',
  line = 1,
): SiteInFile => ({
  name,
  url,
  options,
  file,
  line,
});

describe('diffSites', () => {
  test('added, removed, changed and unchanged', () => {
    const base = [
      site('corp', 'https://corp/', { timeout: 5, tags: ['env:prd'] }),
      site('old', 'https://old/'),
      site('same', 'https://same/'),
    ];
    const head = [
      site('corp', 'https://corp/', { timeout: 10, tags: ['env:prd', 'team:web'] }),
      site('same', 'https://same/'),
      site('shop', 'https://shop/', {}, 'x.yaml', 30),
    ];
    expect(diffSites(base, head)).toEqual({
      added: [site('shop', 'https://shop/', {}, 'x.yaml', 30)],
      removed: [site('old', 'https://old/')],
      changed: [
        {
          name: 'corp',
          url: 'https://corp/',
          file: 'conf.d/http_check.d/conf.yaml',
          line: 1,
          changes: [
            { field: 'tags', added: ['team:web'], removed: [] },
            { field: 'timeout', before: '5', after: '10' },
          ],
        },
      ],
      unchanged: 1,
    });
  });

  test('a new name on the same URL is a rename, shown as a change', () => {
    const d = diffSites([site('Shop', 'https://shop/')], [site('Online shop', 'https://shop/')]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed[0]?.changes).toEqual([{ field: 'name', before: 'Shop', after: 'Online shop' }]);
  });

  test.each([
    ['option set', {}, { method: 'POST' }, [{ field: 'method', after: 'POST' }]],
    ['option unset', { method: 'POST' }, {}, [{ field: 'method', before: 'POST' }]],
    [
      'map option',
      { headers: { Host: 'a' } },
      { headers: { Host: 'b' } },
      [{ field: 'headers', before: '{"Host":"a"}', after: '{"Host":"b"}' }],
    ],
    ['key order does not matter', { headers: { a: 1, b: 2 } }, { headers: { b: 2, a: 1 } }, []],
    ['secrets compare as <secret>', { password: '<secret>' }, { password: '<secret>' }, []],
    ['tag removed', { tags: ['a', 'b'] }, { tags: ['a'] }, [{ field: 'tags', added: [], removed: ['b'] }]],
  ])('%s', (_what, before, after, changes) => {
    const d = diffSites([site('s', 'https://s/', before)], [site('s', 'https://s/', after)]);
    expect(d.changed.flatMap((c) => c.changes)).toEqual(changes);
  });

  test('moving a site to another file is not a change', () => {
    const d = diffSites([site('s', 'https://s/', {}, 'a.yaml')], [site('s', 'https://s/', {}, 'b.yaml')]);
    expect(d).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
  });
});

const BASE_YAML = `init_config:
instances:
  - name: Example corporate site
    url: https://www.example.com/
    timeout: 5
  - name: Retired
    url: https://retired.example.com/
`;
const HEAD_YAML = `init_config:
instances:
  - name: Example corporate site
    url: https://www.example.com/
    timeout: 10
  - name: Example shop
    url: https://shop.example.com/
    password: hunter2hunter2
`;

describe('reading the base with git show', () => {
  let repo: string;
  let baseSha: string;
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t',
      },
    }).trim();
  const FILE = 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';

  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'sites-diff-'));
    git('init', '-q', '-b', 'main');
    mkdirSync(path.join(repo, 'proj', path.dirname(FILE)), { recursive: true });
    writeFileSync(path.join(repo, 'proj', FILE), BASE_YAML);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    baseSha = git('rev-parse', 'HEAD');
    writeFileSync(path.join(repo, 'proj', FILE), HEAD_YAML);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test('a file at base is read relative to the project root; a file not in the commit is undefined', async () => {
    const read = gitBaseReader({ root: path.join(repo, 'proj'), rev: baseSha });
    expect(await read(FILE)).toBe(BASE_YAML);
    expect(await read('datadog/nope.yaml')).toBeUndefined();
  });

  test('a commit missing from the history throws (so the API can be tried)', async () => {
    const read = gitBaseReader({ root: path.join(repo, 'proj'), rev: 'f'.repeat(40) });
    await expect(read(FILE)).rejects.toThrow(`commit ${'f'.repeat(40)} is not in the local git history`);
  });

  test('the same extraction runs on the base text; secrets stay <secret>', async () => {
    const read = gitBaseReader({ root: path.join(repo, 'proj'), rev: baseSha });
    const base = await sitesAt([FILE], read);
    expect(base.map((s) => [s.name, s.url, s.line])).toEqual([
      ['Example corporate site', 'https://www.example.com/', 3],
      ['Retired', 'https://retired.example.com/', 6],
    ]);
    const head = await sitesAt([FILE], async () => HEAD_YAML);
    expect(head[1]?.options).toEqual({ password: '<secret>' });
  });

  test('sitesDiffForChange reads only changed files, and falls back to the next reader', async () => {
    const head = await sitesAt([FILE], async () => HEAD_YAML);
    const other = site('Elsewhere', 'https://elsewhere/', {}, 'other.yaml');
    const failing = async (): Promise<string | undefined> => {
      throw new Error('no history');
    };
    const d = await sitesDiffForChange({
      head: [...head, other],
      headFiles: [FILE, 'other.yaml'],
      changed: [FILE],
      readers: [failing, gitBaseReader({ root: path.join(repo, 'proj'), rev: baseSha })],
    });
    expect(d.added.map((s) => s.name)).toEqual(['Example shop']);
    expect(d.removed.map((s) => s.name)).toEqual(['Retired']);
    expect(d.changed.map((c) => [c.name, c.changes])).toEqual([
      ['Example corporate site', [{ field: 'timeout', before: '5', after: '10' }]],
    ]);
    expect(d.unchanged).toBe(1);
  });

  test('a deleted http_check file: its sites are removed', async () => {
    const d = await sitesDiffForChange({
      head: [],
      headFiles: [],
      changed: [FILE],
      readers: [gitBaseReader({ root: path.join(repo, 'proj'), rev: baseSha })],
    });
    expect(d.removed.map((s) => s.name)).toEqual(['Example corporate site', 'Retired']);
  });

  test('every reader failing is an error', async () => {
    await expect(
      sitesDiffForChange({
        head: [],
        headFiles: [FILE],
        changed: [FILE],
        readers: [async () => Promise.reject(new Error('boom'))],
      }),
    ).rejects.toThrow('boom');
  });
});
