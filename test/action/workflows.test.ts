/**
 * The workflows this project ships (reusable validate/deploy, its own CI) and the starter
 * workflow templates: actionlint-clean, and the house rules (STYLE.md) that actionlint does not
 * check: every step named, third-party actions pinned by SHA with a version comment, top-level
 * `permissions: contents: read` widened per job with a comment saying why, no `${{ }}` in `run:`,
 * OIDC rather than static keys, never `pull_request_target`.
 */
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './harness.js';

type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
type Job = {
  permissions?: Record<string, string>;
  steps?: Step[];
  uses?: string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  environment?: string;
  with?: Record<string, unknown>;
};
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

const files = [
  ...readdirSync(path.join(REPO_ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  ...readdirSync(path.join(REPO_ROOT, 'workflow-templates'))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => `workflow-templates/${f}`),
].filter((f) => f.endsWith('.yml'));
const text = (f: string): string => readFileSync(path.join(REPO_ROOT, f), 'utf8');
const load = (f: string): Workflow => parse(text(f)) as Workflow;

/** The exact pins; the SHAs are the release commits of these versions (see the README, "Using the action directly"). */
const PINS: Record<string, string> = {
  'actions/checkout': '08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0',
  'actions/setup-node': 'a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0',
  'aws-actions/configure-aws-credentials': 'a03048d87541d1d9fcf2ecf528a4a65ba9bd7838 # v5.0.0',
  'docker/setup-buildx-action': 'e468171a9de216ec08956ac3ada2f0791b6bd435 # v3.11.1',
};

test('the expected files exist', () => {
  expect(files.sort()).toEqual([
    '.github/workflows/ci.yml',
    '.github/workflows/deploy.yml',
    '.github/workflows/release.yml',
    '.github/workflows/validate.yml',
    'workflow-templates/dd-ecs-monitor.yml',
  ]);
});

test('actionlint passes on every workflow and template (scripts/actionlint.mjs)', () => {
  const out = execFileSync(process.execPath, ['scripts/actionlint.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(out.trim()).toBe(`actionlint: ${files.length} file(s) clean`);
});

describe.each(files)('%s', (file) => {
  const wf = load(file);
  const raw = text(file);
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

  test('top-level permissions are contents: read', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  test('never pull_request_target', () => {
    expect(Object.keys(wf.on)).not.toContain('pull_request_target');
  });

  test('every step has a name', () => {
    expect(steps.filter((s) => !s.name)).toEqual([]);
  });

  test('third-party actions are pinned by commit SHA with a version comment', () => {
    const uses = raw
      .split('\n')
      .filter((l) => /^\s*(-\s+)?uses:/.test(l))
      .map((l) => l.replace(/^\s*(-\s+)?uses:\s*/, '').trim());
    for (const u of uses) {
      if (u.startsWith('./') || u.startsWith('org/dd-ecs-monitor')) continue;
      const [name, rest] = u.split('@') as [string, string];
      expect([name, rest]).toEqual([name, PINS[name]]);
    }
  });

  test('no expression is pasted into a run: script (inputs go through env:)', () => {
    expect(steps.filter((s) => s.run?.includes('${{')).map((s) => s.name)).toEqual([]);
  });

  test('no static AWS keys', () => {
    expect(raw).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
  });

  test('every widened permission has a comment saying why', () => {
    const lines = raw.split('\n');
    lines.forEach((line, i) => {
      if (/^\s+(pull-requests|id-token|contents|issues|packages|deployments): write\s*$/.test(line)) {
        expect([line, lines[i - 1]?.trim().startsWith('#')]).toEqual([line, true]);
      }
    });
  });
});

describe('reusable workflows', () => {
  test.each(['validate', 'deploy'])(
    '%s.yml: workflow_call with typed, described inputs and outputs with values',
    (name) => {
      const wf = load(`.github/workflows/${name}.yml`);
      const call = wf.on.workflow_call as {
        inputs: Record<string, { type: string; description: string }>;
        outputs: Record<string, { value: string; description: string }>;
      };
      expect(Object.keys(wf.on)).toEqual(['workflow_call']);
      for (const [k, v] of Object.entries(call.inputs)) {
        expect([k, ['string', 'boolean', 'number'].includes(v.type), v.description.length > 10]).toEqual([
          k,
          true,
          true,
        ]);
      }
      for (const [k, v] of Object.entries(call.outputs))
        expect([k, /^\$\{\{ jobs\.\w+\.outputs\.[\w-]+ \}\}$/.test(v.value)]).toEqual([k, true]);
    },
  );

  test('validate.yml: forks get no AWS role (the credentials step runs only when allowed)', () => {
    const job = load('.github/workflows/validate.yml').jobs.validate as Job;
    const aws = job.steps?.find((s) => s.uses?.startsWith('aws-actions/'));
    expect(aws?.if).toBe("steps.access.outputs.aws == 'true'");
    const access = job.steps?.find((s) => s.name === 'Decide what this run may do') as Step & {
      env: Record<string, string>;
    };
    expect(access.env.HEAD_REPO).toBe('${{ github.event.pull_request.head.repo.full_name }}');
    expect(access.run).toContain('if [ -n "$HEAD_REPO" ] && [ "$HEAD_REPO" != "$BASE_REPO" ]; then fork=true; fi');
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'id-token': 'write' });
    const action = job.steps?.find((s) => s.uses === 'org/dd-ecs-monitor@v1');
    expect(action?.with).toMatchObject({ command: 'plan', offline: '${{ steps.access.outputs.offline }}' });
  });

  test('deploy.yml: one deploy at a time, never cancelled, optional environment, OIDC', () => {
    const job = load('.github/workflows/deploy.yml').jobs.deploy as Job;
    expect(job.concurrency).toEqual({
      group: 'dd-ecs-monitor-deploy-${{ github.repository }}-${{ inputs.config }}',
      'cancel-in-progress': false,
    });
    expect(job.environment).toBe('${{ inputs.environment }}');
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const aws = job.steps?.find((s) => s.uses?.startsWith('aws-actions/'));
    expect(aws?.with).toMatchObject({ 'role-to-assume': '${{ inputs.role-to-assume }}' });
  });
});

describe('starter workflow', () => {
  const wf = load('workflow-templates/dd-ecs-monitor.yml');
  const props = JSON.parse(text('workflow-templates/dd-ecs-monitor.properties.json')) as {
    name: string;
    description: string;
    iconName: string;
    categories: string[];
    filePatterns: string[];
  };

  test('properties: name, description, an SVG icon that exists, categories, file patterns', () => {
    expect(props.name.length).toBeGreaterThan(5);
    expect(props.description.length).toBeGreaterThan(20);
    expect(existsSync(path.join(REPO_ROOT, 'workflow-templates', `${props.iconName}.svg`))).toBe(true);
    expect(props.categories.length).toBeGreaterThan(0);
    expect(props.filePatterns.some((p) => new RegExp(p).test('dd-ecs-monitor.yml'))).toBe(true);
  });

  test('calls both reusable workflows, on the default branch, with dispatch inputs for a redeploy', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect((wf.on.push as { branches: string[] }).branches).toEqual(['$default-branch']);
    expect(Object.keys((wf.on.workflow_dispatch as { inputs: object }).inputs).sort()).toEqual([
      'dry-run',
      'force-new-deployment',
      'only',
      'rebuild',
    ]);
    expect(wf.jobs.validate?.uses).toBe('org/dd-ecs-monitor/.github/workflows/validate.yml@v1');
    expect(wf.jobs.deploy?.uses).toBe('org/dd-ecs-monitor/.github/workflows/deploy.yml@v1');
    expect(wf.jobs.deploy?.with).toMatchObject({
      'force-new-deployment': '${{ inputs.force-new-deployment == true }}',
      environment: 'production',
    });
  });
});
