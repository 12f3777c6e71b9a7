/**
 * The report (job summary and PR comment) rendered from fixtures (test/fixtures/report): the exact
 * Markdown of each section, user text escaped, secrets absent, and the comment kept under GitHub's
 * 65,536-character limit with its hidden marker first.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Finding } from '../../src/checks/findings.js';
import type { DeployResult, Plan } from '../../src/plan/types.js';
import { commentBody, MAX_COMMENT_LENGTH } from '../../src/report/pr-comment.js';
import type { SitesDiff } from '../../src/report/sites-diff.js';
import { type ReportModel, renderReport } from '../../src/report/summary.js';

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/report/${name}`, import.meta.url), 'utf8')) as T;
const plan = load<Plan>('plan.json');
const deploy = load<DeployResult>('deploy.json');
const sites = load<SitesDiff>('sites.json');
const ZWJ = '\u200d';
const HTTP = 'examples/datadog-ecs/datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';

const findings: Finding[] = [
  {
    file: HTTP,
    line: 27,
    column: 5,
    severity: 'warning',
    code: 'http_check/unknown-key',
    message: 'unknown option "timout": did you mean "timeout"?',
  },
  {
    file: HTTP,
    line: 26,
    column: 10,
    severity: 'error',
    code: 'http_check/invalid-url',
    message: 'url "<script>" is not an absolute http(s) URL',
  },
];

function model(over: Partial<ReportModel> = {}): ReportModel {
  return {
    command: 'validate',
    configFile: 'examples/datadog-ecs/dd-ecs-monitor.yml',
    findings: [],
    failOn: 'error',
    notes: [],
    sha: '2222222222222222222222222222222222222222',
    runUrl: 'https://github.com/acme/monitoring/actions/runs/42',
    blobUrl: 'https://github.com/acme/monitoring/blob/2222222222222222222222222222222222222222',
    ...over,
  };
}

describe('renderReport', () => {
  test('headline and context for a clean validate', () => {
    const md = renderReport(model({ changed: '1 file in the project changed (pull request #7 (1111111...2222222))' }));
    expect(md.split('\n').slice(0, 3)).toEqual([
      '## ✅ dd-ecs-monitor validate: passed · 0 errors, 0 warnings',
      '',
      'Project `examples/datadog-ecs/dd-ecs-monitor.yml` · commit `2222222` · [workflow run](https://github.com/acme/monitoring/actions/runs/42)<br>',
    ]);
    expect(md).toContain(
      'What changed: 1 file in the project changed \\(pull request #\u200d7 \\(1111111...2222222\\)\\)',
    );
    expect(md).toContain('### Findings\n\nNo findings.');
  });

  test('sites: added / changed / removed rows, user text escaped', () => {
    const md = renderReport(model({ sites }));
    expect(md).toContain('### Sites\n\n**2 added, 1 removed, 1 changed**, 1 unchanged');
    expect(md).toContain('| Change | Site | URL | Details |');
    expect(md).toContain(
      `| ➕ added | &lt;img src\\=x onerror\\=alert\\(1\\)&gt; | \`https://shop.example.com/?q=<b>\` | [\`${HTTP}:25\`](https://github.com/acme/monitoring/blob/2222222222222222222222222222222222222222/${HTTP}#L25) |`,
    );
    expect(md).toContain(`| ➕ added | @${ZWJ}everyone look \\| here | \`https://x.example.com/\` |`);
    expect(md).toContain(
      '| ✏️ changed | Example media site | `https://media.example.com/` | `tags`: +`team:media` −`site:media`<br>`timeout`: `5` → `10` |',
    );
    expect(md).toContain(
      `| ➖ removed | Example recruiting site | \`https://careers.example.com/\` | was in \`${HTTP}\` |`,
    );
    // No live HTML and no live mention anywhere outside code spans.
    const outsideCode = md.replace(/`[^`]*`/g, '');
    expect(outsideCode).not.toMatch(/<img|<b>|<script/);
    expect(outsideCode).not.toMatch(/@everyone/);
  });

  test('sites unavailable says why', () => {
    const md = renderReport(model({ sites: { unavailable: '4 sites monitored; no base commit' } }));
    expect(md).toContain('### Sites\n\n_4 sites monitored; no base commit_');
  });

  test('findings: sorted, linked to their line, failing headline', () => {
    const md = renderReport(model({ findings }));
    expect(md.split('\n')[0]).toBe('## ❌ dd-ecs-monitor validate: failed · 1 error, 1 warning');
    const rows = md.split('\n').filter((l) => l.startsWith('| ❌') || l.startsWith('| ⚠️'));
    expect(rows).toEqual([
      `| ❌ error | [\`${HTTP}:26:10\`](https://github.com/acme/monitoring/blob/2222222222222222222222222222222222222222/${HTTP}#L26) | \`http_check/invalid-url\` | url &quot;&lt;script&gt;&quot; is not an absolute http\\(s\\) URL |`,
      `| ⚠️ warning | [\`${HTTP}:27:5\`](https://github.com/acme/monitoring/blob/2222222222222222222222222222222222222222/${HTTP}#L27) | \`http_check/unknown-key\` | unknown option &quot;timout&quot;: did you mean &quot;timeout&quot;? |`,
    ]);
    expect(md).toContain('<sub>errors fail the run</sub>');
  });

  test('fail-on: warning fails on warnings alone', () => {
    const warningsOnly = findings.filter((f) => f.severity === 'warning');
    expect(renderReport(model({ findings: warningsOnly })).split('\n')[0]).toContain('✅');
    const md = renderReport(model({ findings: warningsOnly, failOn: 'warning' }));
    expect(md.split('\n')[0]).toBe('## ❌ dd-ecs-monitor validate: failed · 0 errors, 1 warning');
    expect(md).toContain('errors and warnings fail the run (`fail-on: warning`)');
  });

  test('plan: images to rebuild, services, task definition diff in <details>', () => {
    const md = renderReport(model({ command: 'plan', plan }));
    expect(md).toContain('### Images\n\n**1 image will be rebuilt**');
    expect(md).toContain(
      '| `datadog-agent` | 🔨 build | c\\-aaaaaaaaaaaa is not in ECR \\(inputs changed: datadog/etc/datadog\\-agent/conf.d/http\\_check.d/conf.yaml\\) | `datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml` |',
    );
    expect(md).toContain('| `fluentd` | ♻️ reuse |');
    expect(md).toContain(
      '| `datadog-agent` | 🚀 register + update | image datadog\\-agent will be built: a new task definition pins its digest |',
    );
    expect(md).toContain('| `fluentd` | ✔️ no change |');
    expect(md).toContain(
      '<details><summary>Task definition changes: datadog\\-agent</summary>\n\n```diff\n--- ecs/datadog-agent.taskdef.json (live)',
    );
    expect(md).toContain('"value": "*** (changed)"');
    expect(md.match(/<details>/g)).toHaveLength(1);
  });

  test('plan problems fail the plan', () => {
    const md = renderReport(
      model({
        command: 'plan',
        plan: { ...plan, problems: ['service fluentd: SSM parameter /datadog/apikey does not exist'] },
      }),
    );
    expect(md.split('\n')[0]).toBe('## ❌ dd-ecs-monitor plan: failed · 0 errors, 0 warnings');
    expect(md).toContain(
      '### Would stop the deploy\n\n- ❌ service fluentd: SSM parameter /datadog/apikey does not exist',
    );
  });

  test('deploy: images with digests, services with results and the rollback', () => {
    const md = renderReport(model({ command: 'deploy', deploy }));
    expect(md.split('\n')[0]).toBe('## ❌ dd-ecs-monitor deploy: deploy failed · 0 errors, 0 warnings');
    expect(md).toContain(
      '| `datadog-agent` | `sha256:1111111111111111111111111111111111111111111111111111111111111111` | yes | yes |',
    );
    expect(md).toContain('| `datadog-agent` | ✅ completed | `datadog-agent:5` |  |');
    expect(md).toContain(
      '| `fluentd` | ❌ failed | `fluentd-aggregator:8` | task stopped: Essential container in task exited \\(fluentd: exit code 1\\)<br>rolled back by dd\\-ecs\\-monitor: completed |',
    );
  });

  test('values the run masked never appear, as given or escaped', () => {
    const secret = 'sup3r-secret-value';
    const md = renderReport(model({ notes: [`leaked ${secret} in a note`], error: `boom ${secret}` }), [secret]);
    expect(md).not.toContain('sup3r');
    expect(md).toContain('> leaked *** in a note');
    expect(md).toContain('**boom ***');
  });
});

describe('commentBody', () => {
  test('starts with the hidden marker for this project file', () => {
    const body = commentBody(model());
    expect(body.split('\n')[0]).toBe('<!-- dd-ecs-monitor:report config=examples/datadog-ecs/dd-ecs-monitor.yml -->');
  });

  test('a huge report is cut under 65,536 characters with a note pointing at the job summary', () => {
    const many: Finding[] = Array.from({ length: 3000 }, (_, i) => ({
      file: HTTP,
      line: i + 1,
      column: 1,
      severity: 'warning',
      code: 'http_check/unknown-key',
      message: 'x'.repeat(300),
    }));
    const bigDiff = Array.from({ length: 5000 }, (_, i) => `+ line ${i} ${'y'.repeat(200)}`).join('\n');
    const big = { ...plan, services: plan.services.map((s) => ({ ...s, taskDefinitionDiff: bigDiff })) };
    const body = commentBody(model({ findings: many, plan: big, command: 'plan' }));
    expect(renderReport(model({ findings: many, plan: big, command: 'plan' })).length).toBeGreaterThan(
      MAX_COMMENT_LENGTH,
    );
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body).toMatch(
      /full report is in the \[job summary\]\(https:\/\/github.com\/acme\/monitoring\/actions\/runs\/42\)\._$/,
    );
    expect(body).toContain('… and 2940 more: see the annotations of the workflow run.');
  });
});
