/**
 * Issue 9 item 3: what would stop `plan` (or silently change what a deploy registers) is a finding at
 * `validate`, on the project file's line, with a stable code. Each case edits the example; where the
 * finding is an error, the offline plan of the same files indeed stops, so validate and plan agree.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { memoryLog } from '../../src/log.js';
import { planProject } from '../../src/plan-project.js';
import { validateProject } from '../../src/validate.js';
import { EXAMPLE } from '../support/example-env.js';
import { REPO_ROOT } from '../support/repo-root.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Edit = (text: string) => string;
const CFG = 'dd-ecs-monitor.yml';
const FLUENTD_TD = 'ecs/fluentd.taskdef.json';
const noFluentdContainers: Edit = (t) => t.replace('    containers:\n      fluentd: fluentd\n', '');
const noFluentdRepository: Edit = (t) => t.replace('    repository: monitoring/fluentd\n', '');
const ecrImage =
  (repo: string): Edit =>
  (t) =>
    t.replace('"image": "<fluentd>"', `"image": "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/${repo}:1.16"`);
const templateSecret =
  (valueFrom: string): Edit =>
  (t) =>
    t.replace(
      '"essential": true,',
      `"essential": true,\n      "secrets": [{ "name": "ddapikey", "valueFrom": "${valueFrom}" }],`,
    );

/** 1-based line of the n-th line that starts with `prefix` (after indentation). */
function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const i = text.split('\n').findIndex((l) => l.includes(needle) && ++seen === nth);
  if (i < 0) throw new Error(`"${needle}" not in the edited file`);
  return i + 1;
}

function setup(edits: Record<string, Edit>): { cfg: string; texts: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-validate-plan-'));
  dirs.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  const texts: Record<string, string> = {};
  for (const [file, edit] of Object.entries(edits)) {
    const text = edit(readFileSync(path.join(dir, file), 'utf8'));
    writeFileSync(path.join(dir, file), text);
    texts[file] = text;
  }
  return { cfg: path.join(dir, CFG), texts };
}

describe('validate reports, on the right line, what plan would stop on', () => {
  test.each<{
    name: string;
    edits: Record<string, Edit>;
    code: string;
    severity: string;
    at: (t: Record<string, string>) => object;
    message: RegExp;
    planStops?: RegExp;
  }>([
    {
      name: 'a forgotten containers mapping with secrets (the plan used to stop on render/no-target-container)',
      edits: { [CFG]: noFluentdContainers },
      code: 'project/no-target-container',
      severity: 'error',
      at: (t: Record<string, string>) => ({ file: CFG, line: lineOf(t[CFG] as string, '    secrets:', 2), column: 5 }),
      message:
        /^services\.fluentd\.secrets go only to the containers services\.fluentd\.containers maps to a built image, and it maps none: add containers: \{CONTAINER: IMAGE_KEY\} \(the template's containers: "fluentd"\)$/,
      planStops: /\[render\/no-target-container\]$/,
    },
    {
      name: 'environment without a containers mapping',
      edits: {
        [CFG]: (t: string) =>
          noFluentdContainers(t)
            .replace('      ddapikey: /datadog/apikey         # read by fluent.conf as "#{ENV[\'ddapikey\']}"\n', '')
            .replace(
              '  fluentd:\n    taskDefinition: ecs/fluentd.taskdef.json\n    secrets:\n',
              '  fluentd:\n    taskDefinition: ecs/fluentd.taskdef.json\n    environment:\n      LOG_LEVEL: info\n',
            ),
      },
      code: 'project/no-target-container',
      severity: 'error',
      at: (t: Record<string, string>) => ({ file: CFG, line: lineOf(t[CFG] as string, '    environment:'), column: 5 }),
      message: /^services\.fluentd\.environment go only to the containers/,
      planStops: /\[render\/no-target-container\]$/,
    },
    {
      name: 'repository left out while the template runs an image of another ECR repository',
      edits: { [CFG]: noFluentdRepository, [FLUENTD_TD]: ecrImage('monitoring/fluentd') },
      code: 'project/repository-mismatch',
      severity: 'warning',
      at: (t: Record<string, string>) => ({ file: CFG, line: lineOf(t[CFG] as string, '  fluentd:', 1), column: 3 }),
      message:
        /^images\.fluentd has no "repository", so it is pushed to "fluentd" \(the image key\), but container "fluentd" in ecs\/fluentd\.taskdef\.json runs an image from ECR repository "monitoring\/fluentd": set repository: monitoring\/fluentd if that is where it belongs$/,
    },
    {
      name: 'a repository that differs from the template image',
      edits: { [FLUENTD_TD]: ecrImage('logging/fluentd') },
      code: 'project/repository-mismatch',
      severity: 'warning',
      at: (t: Record<string, string>) => ({
        file: CFG,
        line: lineOf(t[CFG] as string, 'repository: monitoring/fluentd'),
        column: 17,
      }),
      message:
        /^images\.fluentd\.repository is "monitoring\/fluentd", but container "fluentd" .* ECR repository "logging\/fluentd"/,
    },
    {
      name: 'a project secret that replaces a template secret of another SSM parameter',
      edits: { [FLUENTD_TD]: templateSecret('arn:aws:ssm:ap-northeast-1:123456789012:parameter/fluentd/apikey') },
      code: 'project/secret-overrides-template',
      severity: 'warning',
      at: (t: Record<string, string>) => ({
        file: CFG,
        line: lineOf(t[CFG] as string, 'ddapikey: /datadog/apikey'),
        column: 17,
      }),
      message:
        /^services\.fluentd\.secrets\.ddapikey \("\/datadog\/apikey"\) replaces the secret ddapikey that container "fluentd" in ecs\/fluentd\.taskdef\.json reads from "arn:aws:ssm:ap-northeast-1:123456789012:parameter\/fluentd\/apikey": the deploy uses the project file's; remove one of them$/,
    },
  ])('$name -> $code', async ({ edits, code, severity, at, message, planStops }) => {
    const { cfg, texts } = setup(edits);
    const hits = validateProject(cfg).findings.filter((f) => f.code === code);
    expect(hits).toHaveLength(1);
    const f = hits[0];
    expect({ file: f?.file, line: f?.line, column: f?.column, severity: f?.severity }).toEqual({
      ...at({ ...texts, [CFG]: texts[CFG] ?? readFileSync(cfg, 'utf8') }),
      severity,
    });
    expect(f?.message).toMatch(message);
    if (planStops) {
      const plan = await planProject({
        configPath: cfg,
        offline: true,
        changed: { kind: 'all', reason: 't' },
        log: memoryLog(),
      });
      expect(plan.problems.some((p) => planStops.test(p))).toBe(true);
    }
  });

  test.each([
    [
      'the same parameter by name and by ARN',
      templateSecret('arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey'),
    ],
    ['the template image already in the project repository', ecrImage('monitoring/fluentd')],
  ])('no warning for %s', (_name, edit) => {
    const { cfg } = setup({ [FLUENTD_TD]: edit });
    const codes = validateProject(cfg).findings.map((f) => f.code);
    expect(codes).not.toContain('project/secret-overrides-template');
    expect(codes).not.toContain('project/repository-mismatch');
  });
});

describe('advice names options that exist', () => {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs/project-file.md'), 'utf8');
  const yamlBlock = doc.slice(doc.indexOf('```yaml'), doc.indexOf('```', doc.indexOf('```yaml') + 7));
  const documented = new Set([...yamlBlock.matchAll(/^\s*([A-Za-z][A-Za-z0-9]*):/gm)].map((m) => m[1]));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(path.join(dir, n)).isDirectory()
        ? files(path.join(dir, n))
        : n.endsWith('.ts')
          ? [path.join(dir, n)]
          : [],
    );
  const sources = files(path.join(REPO_ROOT, 'src')).map(
    (f) => [path.relative(REPO_ROOT, f), readFileSync(f, 'utf8')] as const,
  );

  test('every project option a message names (deploy.X, services.<key>.X, images.<key>.X, ${where}.X) is in docs/project-file.md', () => {
    const named = new Map<string, string>();
    // Written as a user reads it (not a property access such as `plan.deploy.x` or an import of deploy.js).
    const option =
      /(?<![\w.$'/])(?:deploy|fluentd)\.([a-z][A-Za-z]+)\b(?!\.js)|(?<![\w.$])(?:services|images)\.(?:<key>|\$\{[^}]+\}|[a-z-]+)\.([a-z][A-Za-z]+)\b/g;
    // In the loader, `${where}` is "services.<key>" or "images.<key>".
    const where = /\$\{where\}\.([a-z][A-Za-z]+)\b/g;
    for (const [file, text] of sources) {
      const hits = [...text.matchAll(option), ...(file === 'src/project/load.ts' ? text.matchAll(where) : [])];
      for (const m of hits) {
        const name = m[1] ?? m[2];
        if (name && !named.has(name)) named.set(name, file);
      }
    }
    expect(named.size).toBeGreaterThan(5);
    const unknown = [...named].filter(([n]) => !documented.has(n));
    expect(unknown).toEqual([]);
  });

  test('no message tells the user to write secretsTo (an internal render option, not a project key)', () => {
    const literals = sources.flatMap(([file, text]) =>
      [...text.matchAll(/(['`])((?:(?!\1).)*secretsTo(?:(?!\1).)*)\1/g)].map((m) => `${file}: ${m[2]}`),
    );
    expect(literals.filter((l) => / (name|set|write|use) /.test(l))).toEqual([]);
  });
});
