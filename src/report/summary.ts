/**
 * The run's report as Markdown, readable at a glance: a status line, then sites added / removed /
 * changed, findings, the images that will be (or were) built, the services and their task-definition
 * diffs, and the deploy's outcome. The same text is the job summary (`GITHUB_STEP_SUMMARY`) and,
 * behind a hidden marker, the pull request comment (pr-comment.ts). Everything taken from the
 * user's files goes through markdown.ts; secrets never get here (sites carry '<secret>', diffs are
 * masked upstream, and values the run masked are redacted once more before anything is written).
 */
import { type Finding, countBySeverity } from '../checks/findings.js';
import { bySeverityThenPlace } from './order.js';
import { shortTaskDefinition } from '../ecs/arn.js';
import type { DeployResult, ImagePlan, Plan, ServicePlan } from '../plan/types.js';
import { formatPhases } from '../deploy-phases.js';
import { plural } from './findings.js';
import { code, codeBlock, details, escapeText, table } from './markdown.js';
import type { SiteChange, SitesDiff } from './sites-diff.js';

export interface ReportModel {
  command: 'validate' | 'plan' | 'deploy' | 'verify';
  /** Workspace-relative project file. */
  configFile: string;
  /** Findings with workspace-relative paths. */
  findings: Finding[];
  failOn: 'error' | 'warning';
  /** The sites diff, or why there is none. */
  sites?: SitesDiff | { unavailable: string };
  /** One line: what was compared and how many files changed. */
  changed?: string;
  plan?: Plan;
  deploy?: DeployResult;
  /** Our own sentences (a skipped plan, a missing history); escaped like the rest. */
  notes: string[];
  /** A failure outside findings (a plan that could not be made). */
  error?: string;
  sha?: string;
  runUrl?: string;
  /** `https://github.com/o/r/blob/<sha>`: findings and sites link to their lines. */
  blobUrl?: string;
}

/** Rows per table: a report is read, not scrolled; the annotations hold the full list. */
export const MAX_FINDING_ROWS = 60;
export const MAX_SITE_ROWS = 100;

const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const;

function location(m: ReportModel, file: string, line: number, column?: number): string {
  const label = code(`${file}:${line}${column ? `:${column}` : ''}`, 160);
  if (!m.blobUrl) return label;
  const href = `${m.blobUrl}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
  return `[${label}](${href})`;
}

function failing(m: Pick<ReportModel, 'findings' | 'failOn'>): Finding[] {
  return m.findings.filter((f) => f.severity === 'error' || (m.failOn === 'warning' && f.severity === 'warning'));
}

function isOk(m: ReportModel): boolean {
  if (m.error || failing(m).length) return false;
  if (m.deploy) return m.deploy.ok;
  return !m.plan?.problems.length;
}

function headline(m: ReportModel): string {
  const c = countBySeverity(m.findings);
  const counts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
  if (c.notice) counts.push(plural(c.notice, 'notice'));
  const what = m.deploy ? (m.deploy.dryRun ? 'deploy (dry run)' : 'deploy') : m.command;
  let status: string;
  if (m.error) status = 'failed';
  else if (m.deploy) status = m.deploy.ok ? (m.deploy.dryRun ? 'dry run done' : 'deployed') : 'deploy failed';
  else status = isOk(m) ? 'passed' : 'failed';
  return `## ${isOk(m) ? '✅' : '❌'} dd-ecs-monitor ${what}: ${status} · ${counts.join(', ')}`;
}

function context(m: ReportModel): string {
  const parts = [`Project ${code(m.configFile, 160)}`];
  if (m.sha) parts.push(`commit ${code(m.sha.slice(0, 7))}`);
  if (m.runUrl) parts.push(`[workflow run](${m.runUrl})`);
  const lines = [parts.join(' · ')];
  if (m.changed) lines.push(`What changed: ${escapeText(m.changed, 400)}`);
  return lines.join('<br>\n');
}

function changeText(c: SiteChange): string {
  const field = code(c.field, 60);
  if (c.added || c.removed) {
    const parts = [
      ...(c.added ?? []).map((v) => `+${code(v, 80)}`),
      ...(c.removed ?? []).map((v) => `−${code(v, 80)}`),
    ];
    return `${field}: ${parts.join(' ')}`;
  }
  const side = (v: string | undefined): string => (v === undefined ? '_(unset)_' : code(v, 80));
  return `${field}: ${side(c.before)} → ${side(c.after)}`;
}

function sitesSection(m: ReportModel): string | undefined {
  const s = m.sites;
  if (!s) return undefined;
  if ('unavailable' in s) return `### Sites\n\n_${escapeText(s.unavailable, 400)}_`;
  const rows: string[][] = [
    ...s.added.map((x) => ['➕ added', escapeText(x.name, 120), code(x.url, 160), location(m, x.file, x.line)]),
    ...s.changed.map((x) => [
      '✏️ changed',
      escapeText(x.name, 120),
      code(x.url, 160),
      x.changes.map(changeText).join('<br>'),
    ]),
    ...s.removed.map((x) => ['➖ removed', escapeText(x.name, 120), code(x.url, 160), `was in ${code(x.file, 160)}`]),
  ];
  const counts = `**${s.added.length} added, ${s.removed.length} removed, ${s.changed.length} changed**, ${s.unchanged} unchanged`;
  if (!rows.length) return `### Sites\n\n${counts}`;
  const shown = rows.slice(0, MAX_SITE_ROWS);
  const more = rows.length > shown.length ? `\n\n… and ${rows.length - shown.length} more` : '';
  return `### Sites\n\n${counts}\n\n${table(['Change', 'Site', 'URL', 'Details'], shown)}${more}`;
}

function findingsSection(m: ReportModel): string {
  if (!m.findings.length) return '### Findings\n\nNo findings.';
  const sorted = bySeverityThenPlace(m.findings);
  const shown = sorted.slice(0, MAX_FINDING_ROWS);
  const rows = shown.map((f) => [
    `${ICON[f.severity]} ${f.severity}`,
    location(m, f.file, f.line, f.column),
    code(f.code, 80),
    escapeText(f.message, 400),
  ]);
  const more =
    sorted.length > shown.length
      ? `\n\n… and ${sorted.length - shown.length} more: see the annotations of the workflow run.`
      : '';
  const rule = m.failOn === 'warning' ? 'errors and warnings fail the run (`fail-on: warning`)' : 'errors fail the run';
  return `### Findings\n\n${table(['', 'Where', 'Code', 'Message'], rows)}${more}\n\n<sub>${rule}</sub>`;
}

const IMAGE_ACTION: Record<ImagePlan['action'], string> = {
  build: '🔨 build',
  reuse: '♻️ reuse',
  unknown: '❔ keep (ECR not asked)',
};
const SERVICE_ACTION: Record<ServicePlan['action'], string> = {
  'register-and-update': '🚀 register + update',
  update: '🔁 update (forced)',
  none: '✔️ no change',
  unknown: '❔ unknown',
};

function planSection(plan: Plan, done: boolean): string {
  const out: string[] = [];
  if (plan.problems.length)
    out.push(`### Would stop the deploy\n\n${plan.problems.map((p) => `- ❌ ${escapeText(p, 600)}`).join('\n')}`);
  const imageRows = plan.images.map((i) => [
    code(i.key, 80),
    IMAGE_ACTION[i.action],
    escapeText(i.method ? `${i.reason} (${i.method})` : i.reason, 400),
    i.changedInputs.length
      ? i.changedInputs
          .slice(0, 8)
          .map((f) => code(f, 120))
          .join('<br>') + (i.changedInputs.length > 8 ? `<br>… ${i.changedInputs.length - 8} more` : '')
      : '',
  ]);
  const building = plan.images.filter((i) => i.action === 'build').length;
  const rebuilt = done
    ? building
      ? `**${plural(building, 'image')} rebuilt**`
      : 'No image was rebuilt.'
    : building
      ? `**${plural(building, 'image')} will be rebuilt**`
      : 'No image will be rebuilt.';
  out.push(`### Images${plan.offline ? ' (offline: ECR not asked)' : ''}\n\n${rebuilt}`);
  if (imageRows.length) out.push(table(['Image', 'Action', 'Why', 'Changed inputs'], imageRows));
  const serviceRows = plan.services.map((s) => [code(s.key, 80), SERVICE_ACTION[s.action], escapeText(s.reason, 300)]);
  out.push('### Services');
  if (serviceRows.length) out.push(table(['Service', 'Action', 'Why'], serviceRows));
  for (const s of plan.services) {
    if (s.taskDefinitionDiff)
      out.push(
        details(`Task definition changes: ${s.key}`, codeBlock(s.taskDefinitionDiff, { lang: 'diff', maxLines: 150 })),
      );
  }
  return out.join('\n\n');
}

const STATE_ICON: Record<string, string> = {
  completed: '✅',
  unchanged: '✔️',
  planned: '📝',
  failed: '❌',
  'timed-out': '⏱️',
  'not-started': '⏸️',
};

function deploySection(d: DeployResult): string {
  const out: string[] = [`### Deploy${d.dryRun ? ' (dry run: nothing changed)' : ''}`];
  if (d.problems.length) out.push(d.problems.map((p) => `- ❌ ${escapeText(p, 600)}`).join('\n'));
  if (d.images.length) {
    out.push(
      table(
        ['Image', 'Digest', 'Built', 'Pushed'],
        d.images.map((i) => [
          code(i.key, 80),
          code(i.digest, 80),
          i.built ? escapeText(i.method ?? 'yes', 300) : 'no',
          i.pushed ? 'yes' : 'no',
        ]),
      ),
    );
    const skipped = d.images.filter((i) => i.fluentdDryRun?.startsWith('skipped'));
    if (skipped.length)
      out.push(
        skipped
          .map((i) => `- ⚠️ ${code(i.key, 80)}: fluentd --dry-run ${escapeText(i.fluentdDryRun ?? '', 200)}`)
          .join('\n'),
      );
  }
  if (d.phases) out.push(`Phases: ${escapeText(formatPhases(d.phases, d.bytesPushed), 300)}`);
  if (d.services.length) {
    out.push(
      table(
        ['Service', 'Result', 'Task definition', 'Details'],
        d.services.map((s) => [
          code(s.key, 80),
          `${STATE_ICON[s.state] ?? ''} ${escapeText(s.state, 40)}`.trim(),
          s.taskDefinitionArn ? code(shortTaskDefinition(s.taskDefinitionArn), 120) : '',
          [
            s.failure ? escapeText(s.failure, 600) : '',
            s.rolledBack
              ? `rolled back by ${escapeText(s.rolledBack.by, 80)}: ${escapeText(s.rolledBack.state, 40)}`
              : '',
          ]
            .filter(Boolean)
            .join('<br>'),
        ]),
      ),
    );
  }
  return out.join('\n\n');
}

/** The whole report; secrets in `redact` (values the run masked) are replaced by `***`. */
export function renderReport(m: ReportModel, redact: readonly string[] = []): string {
  const parts: string[] = [headline(m), context(m)];
  if (m.notes.length) parts.push(m.notes.map((n) => `> ${escapeText(n, 600)}`).join('\n>\n'));
  if (m.error) parts.push(`**${escapeText(m.error, 1500)}**`);
  const sites = sitesSection(m);
  if (sites) parts.push(sites);
  parts.push(findingsSection(m));
  if (m.deploy) parts.push(deploySection(m.deploy));
  const plan = m.deploy?.plan ?? m.plan;
  if (plan) parts.push(planSection(plan, Boolean(m.deploy && !m.deploy.dryRun)));
  let md = `${parts.join('\n\n')}\n`;
  // The value may appear as given (code spans) or escaped (text): redact both forms.
  for (const s of redact) {
    if (s.length < 4) continue;
    for (const form of new Set([s, escapeText(s, s.length + 1)])) md = md.split(form).join('***');
  }
  return md;
}
