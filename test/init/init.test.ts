/**
 * `init` on the blog's own layout (test/fixtures/blog-layout: two Dockerfiles, conf.d files,
 * fluent.conf, a sender fluent.conf, two task definitions with fake ECR URIs and SSM ARNs, no project
 * file): the written file equals the golden one, `validate` and `plan --offline` are green with no edit,
 * and nothing is overwritten without --force.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { REPO_ROOT } from '../support/repo-root.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/blog-layout');
const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/blog-layout.golden.yml');

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd,
    env: { PATH: process.env.PATH },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dirs: string[] = [];
function blogCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-init-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('init on the blog layout', () => {
  test('writes the golden project file; validate and plan --offline are then green with no edit', async () => {
    const dir = blogCopy();
    const init = await cli(['init'], dir);
    expect(init.err).toContain('Wrote dd-ecs-monitor.yml: 2 image(s), 2 service(s).');
    expect(init.code).toBe(0);
    expect(readFileSync(path.join(dir, 'dd-ecs-monitor.yml'), 'utf8')).toBe(readFileSync(GOLDEN, 'utf8'));
    // What no file says is listed, with its line.
    expect(init.err).toContain('dd-ecs-monitor.yml:6: cluster: monitoring');
    expect(init.err).toContain('dd-ecs-monitor.yml:20: service: datadog-agent-task');

    const validate = await cli(['validate'], dir);
    // The blog's task definitions have no healthCheck: a warning each (cross/no-health-check), not a failure.
    expect(validate.err).toBe('0 errors, 2 warnings, 2 notices in 10 files checked');
    expect(validate.out.match(/warning cross\/no-health-check/g)?.length).toBe(2);
    expect(validate.code).toBe(0);
    const plan = await cli(['plan', '--offline'], dir);
    expect(plan.out).toContain('register + update datadog-agent-task  monitoring/datadog-agent-task');
    expect(plan.code).toBe(0);
  });

  test('no secrets: block: they stay in the task definitions', () => {
    expect(readFileSync(GOLDEN, 'utf8')).not.toMatch(/^\s*secrets:/m);
  });

  test('init twice without --force changes nothing and exits 2 naming the file', async () => {
    const dir = blogCopy();
    writeFileSync(path.join(dir, 'dd-ecs-monitor.yml'), '# mine\n');
    const again = await cli(['init', '--workflows'], dir);
    expect(again.code).toBe(2);
    expect(again.err).toBe(
      'dd-ecs-monitor: init: dd-ecs-monitor.yml already exists; nothing written (--force overwrites)',
    );
    expect(readFileSync(path.join(dir, 'dd-ecs-monitor.yml'), 'utf8')).toBe('# mine\n');
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
    const forced = await cli(['init', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, 'dd-ecs-monitor.yml'), 'utf8')).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  test('--dry-run prints the file and its validation, and writes nothing', async () => {
    const dir = blogCopy();
    const r = await cli(['init', dir, '--dry-run'], REPO_ROOT);
    const golden = readFileSync(GOLDEN, 'utf8');
    expect(r.out.slice(0, golden.length)).toBe(golden);
    expect(r.err).toContain('0 errors, 2 warnings, 2 notices in 10 files checked');
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'dd-ecs-monitor.yml'))).toBe(false);
  });

  test('--workflows writes the starter workflow with the branch and Region filled in', async () => {
    const dir = blogCopy();
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '.git/HEAD'), 'ref: refs/heads/trunk\n');
    const r = await cli(['init', '--workflows'], dir);
    expect(r.code).toBe(0);
    const wf = readFileSync(path.join(dir, '.github/workflows/dd-ecs-monitor.yml'), 'utf8');
    expect(wf).not.toContain('$default-branch');
    expect(wf).toContain('branches: [trunk]');
    expect(wf).toContain('aws-region: ap-northeast-1');
    expect(r.err).toContain('replace org/dd-ecs-monitor');
  });

  test('the first line points editors at the shipped schema: the installed copy when there is one', async () => {
    const dir = blogCopy();
    expect(readFileSync(GOLDEN, 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://cdn.jsdelivr.net/npm/dd-ecs-monitor@1.0.0/schema/dd-ecs-monitor.schema.json',
    );
    mkdirSync(path.join(dir, 'node_modules/dd-ecs-monitor/schema'), { recursive: true });
    cpSync(
      path.join(REPO_ROOT, 'schema/dd-ecs-monitor.schema.json'),
      path.join(dir, 'node_modules/dd-ecs-monitor/schema/dd-ecs-monitor.schema.json'),
    );
    await cli(['init'], dir);
    expect(readFileSync(path.join(dir, 'dd-ecs-monitor.yml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/dd-ecs-monitor/schema/dd-ecs-monitor.schema.json',
    );
  });

  test('a directory with nothing to describe: exit 2 with a message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-empty-'));
    dirs.push(dir);
    const r = await cli(['init', dir], REPO_ROOT);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no Dockerfile and no task definition/);
    expect((await cli(['init', path.join(dir, 'nope')], REPO_ROOT)).code).toBe(2);
  });
});

describe('init on other repositories', () => {
  test('the example repository without its project file: placeholders in the templates; the secret it lacks is found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-init-example-'));
    dirs.push(dir);
    cpSync(path.join(REPO_ROOT, 'examples/datadog-ecs'), dir, { recursive: true });
    rmSync(path.join(dir, 'dd-ecs-monitor.yml'));
    const r = await cli(['init'], dir);
    // The example keeps ddapikey in its project file's secrets:, not in the template: init invents no
    // secret, and the validation it runs says what the template lacks.
    expect(r.out).toMatch(/^fluentd\/etc\/fluent\.conf:13:13: error fluentd\/env-not-provided ENV\['ddapikey'\]/m);
    expect(r.out).toMatch(/^ecs\/datadog-agent\.taskdef\.json:14:15: error cross\/agent-api-key /m);
    expect(r.err).toContain('2 errors, 0 warnings in 10 files checked');
    expect(r.code).toBe(1);
    const written = readFileSync(path.join(dir, 'dd-ecs-monitor.yml'), 'utf8');
    // No ECR URI in the templates: the repository is a guess, and said so.
    expect(written).toMatch(/^ {4}repository: datadog-agent +# GUESS: check: the ECR repository$/m);
    expect(written).toMatch(/^ {6}datadog-agent: datadog-agent /m);
    expect(written).toMatch(/^ {2}forwardedTags: \[nginx\]/m);
  });

  test('junk never crashes it: binary Dockerfile, broken JSON, unrelated JSON, a symlink out of the repository', async () => {
    const dir = blogCopy();
    writeFileSync(path.join(dir, 'broken.Dockerfile'), Buffer.from([0x46, 0x00, 0xff, 0xfe]));
    writeFileSync(path.join(dir, 'ecs/broken.json'), '{"family": "x", "containerDefinitions": [');
    writeFileSync(path.join(dir, 'package.json'), '{"name": "not-a-task-definition"}');
    const outside = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-outside-'));
    dirs.push(outside);
    writeFileSync(path.join(outside, 'task.json'), '{"family": "stolen", "containerDefinitions": [{"name": "x"}]}');
    symlinkSync(path.join(outside, 'task.json'), path.join(dir, 'ecs/link.json'));
    const r = await cli(['init', '--dry-run'], dir);
    expect(r.out).not.toContain('stolen');
    expect(r.out).toContain('taskDefinition: ecs/datadog-agent-task-definition.json');
    expect(`${r.out}${r.err}`).not.toMatch(/\n\s+at /);
    expect(r.code).toBeLessThan(2);
  });
});
