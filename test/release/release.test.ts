/**
 * The release path (.github/workflows/release.yml runs scripts/release/release.mjs): the version must
 * match package.json, the notes come from CHANGELOG.md, and the release commit pins the reusable
 * workflows to run the action from the releasing repository at the release tag — so a caller pinned to
 * `@v1.2.0` runs v1.2.0's action, whatever the organisation calls the repository.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/repo-root.js';

const SCRIPT = path.join(REPO_ROOT, 'scripts/release/release.mjs');
const pkgVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

function release(root: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    env: { ...process.env, RELEASE_ROOT: root },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Step = { name?: string; uses?: string; with?: Record<string, unknown> };
type Wf = {
  on: Record<string, unknown>;
  jobs: Record<string, { uses?: string; needs?: string; steps?: Step[]; permissions?: object }>;
};
const usesOf = (wf: Wf): string[] =>
  Object.values(wf.jobs)
    .flatMap((j) => [...(j.uses ? [j.uses] : []), ...(j.steps ?? []).map((s) => s.uses ?? '')])
    .filter(Boolean);

describe('release.mjs pin: the reusable workflows run the action at their own release tag', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'dd-release-'));
    for (const d of ['.github', 'workflow-templates'])
      cpSync(path.join(REPO_ROOT, d), path.join(root, d), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('acme/monitoring-tools v1.2.0: the action step of validate.yml and deploy.yml is acme/monitoring-tools@v1.2.0', () => {
    const r = release(root, 'pin', 'acme/monitoring-tools', 'v1.2.0');
    expect(r.status).toBe(0);
    for (const name of ['validate', 'deploy']) {
      const file = path.join(root, `.github/workflows/${name}.yml`);
      const text = readFileSync(file, 'utf8');
      const ours = usesOf(parse(text) as Wf).filter((u) => !/^(actions|aws-actions|docker)\//.test(u));
      expect([name, ours]).toEqual([name, ['acme/monitoring-tools@v1.2.0']]);
      expect(text).not.toContain('org/dd-ecs-monitor');
    }
    const starter = parse(readFileSync(path.join(root, 'workflow-templates/dd-ecs-monitor.yml'), 'utf8')) as Wf;
    expect(starter.jobs.validate?.uses).toBe('acme/monitoring-tools/.github/workflows/validate.yml@v1');
    expect(starter.jobs.deploy?.uses).toBe('acme/monitoring-tools/.github/workflows/deploy.yml@v1');
  });

  test('the pinned files are still actionlint-clean', () => {
    const files = [
      '.github/workflows/validate.yml',
      '.github/workflows/deploy.yml',
      'workflow-templates/dd-ecs-monitor.yml',
    ];
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/actionlint.mjs'), ...files], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stdout.trim()).toBe('actionlint: 3 file(s) clean');
    expect(r.status).toBe(0);
  });

  test.each([
    [['pin', 'acme', 'v1.2.0'], '"acme" is not OWNER/REPO'],
    [['pin', 'acme/tools', '1.2.0'], '"1.2.0" is not a release tag vX.Y.Z'],
    [['pin', 'acme/tools;rm -rf /', 'v1.2.0'], 'is not OWNER/REPO'],
  ])('refuses %j', (args, message) => {
    const r = release(root, ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });
});

describe('release.mjs version and notes', () => {
  test('the version of package.json, given as a tag: version, tag and major for $GITHUB_OUTPUT', () => {
    const r = release(REPO_ROOT, 'version', `v${pkgVersion}`);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`version=${pkgVersion}\ntag=v${pkgVersion}\nmajor=v${pkgVersion.split('.')[0]}\n`);
  });

  test("a version that is not package.json's is refused with what to do", () => {
    const r = release(REPO_ROOT, 'version', 'v99.0.0');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`package.json says version ${pkgVersion}, the release is 99.0.0: bump package.json`);
  });

  test('CHANGELOG.md has the notes of the version package.json carries (the release would find them)', () => {
    const r = release(REPO_ROOT, 'notes', pkgVersion);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(3);
    expect(r.stdout).not.toMatch(/^## /m);
  });

  test('a version with no CHANGELOG.md section stops the release', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dd-release-'));
    try {
      writeFileSync(path.join(root, 'CHANGELOG.md'), '# Changelog\n\n## 1.0.0\n\n- first\n');
      expect(release(root, 'notes', '1.0.0').stdout.trim()).toBe('- first');
      const r = release(root, 'notes', '1.1.0');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('CHANGELOG.md has no "## 1.1.0" section');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('release.yml', () => {
  const wf = parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/release.yml'), 'utf8')) as Wf;
  const ci = parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/ci.yml'), 'utf8')) as Wf;

  test('runs on v* tags and on dispatch, after the whole CI (ci.yml as a reusable workflow)', () => {
    expect((wf.on.push as { tags: string[] }).tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    expect(Object.keys(wf.on)).toContain('workflow_dispatch');
    expect(wf.jobs.ci?.uses).toBe('./.github/workflows/ci.yml');
    expect(Object.keys(ci.on)).toContain('workflow_call');
    expect(wf.jobs.release?.needs).toBe('ci');
    expect(wf.jobs.release?.permissions).toEqual({ contents: 'write' });
  });

  test('checks dist/, writes notes, pins, tags vX.Y.Z and the major, publishes', () => {
    const runs = (wf.jobs.release?.steps ?? []).map((s) => (s as { run?: string }).run ?? '').join('\n');
    expect(runs).toContain('git diff --exit-code --stat -- dist/');
    expect(runs).toContain('release.mjs notes "$VERSION"');
    expect(runs).toContain('release.mjs pin "$GITHUB_REPOSITORY" "$TAG"');
    expect(runs).toContain('git push --force origin "refs/tags/$TAG" "refs/tags/$MAJOR"');
    expect(runs).toContain('gh release create "$TAG" --verify-tag');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  type Hook = { id: string; entry: string; language: string; files: string; pass_filenames: boolean };
  const hooks = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const bin = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }
  ).bin;

  test("dd-ecs-monitor-validate runs the package's own bin once per commit", () => {
    const hook = hooks.find((h) => h.id === 'dd-ecs-monitor-validate');
    expect(hook).toMatchObject({ language: 'node', pass_filenames: false });
    expect(Object.keys(bin)).toContain(hook?.entry.split(' ')[0]);
    expect(hook?.entry.split(' ')[1]).toBe('validate');
  });

  test.each([
    'dd-ecs-monitor.yml',
    'datadog/Dockerfile',
    'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
    'fluentd/etc/fluent.conf',
    'ecs/fluentd.taskdef.json',
  ])('its files pattern selects %s', (file) => {
    expect(new RegExp(hooks[0]?.files ?? '^$').test(file)).toBe(true);
  });
});

test("the version the CLI prints and the AWS user agent carry is package.json's", () => {
  const cli = readFileSync(path.join(REPO_ROOT, 'src/cli/main.ts'), 'utf8');
  const aws = readFileSync(path.join(REPO_ROOT, 'src/aws.ts'), 'utf8');
  expect(cli).toContain(`VERSION = '${pkgVersion}'`);
  expect(aws).toContain(`'dd-ecs-monitor/${pkgVersion}'`);
});
