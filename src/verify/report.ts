/** The verification's outcome as plain data: the CLI prints it, the action puts it in the summary and outputs. */
import type { FailOn, LogsState, MysqlState, SiteState, Verdict } from './decide.js';

export interface SiteResult {
  name: string;
  url: string;
  file: string;
  line: number;
  state: SiteState;
  verdict: Verdict;
  lastSeen?: string;
  responseTimeMs?: number;
  httpStatus?: string;
  /** Names of the monitors that page when it goes down; undefined when monitors could not be read. */
  monitors?: string[];
  causes?: string[];
}

export interface MysqlResult {
  host: string;
  port?: number;
  file: string;
  line: number;
  state: MysqlState;
  verdict: Verdict;
  lastSeen?: string;
  causes?: string[];
}

export interface LogsResult {
  service?: string;
  source?: string;
  /** The logs query asked, when there was one. */
  query?: string;
  file: string;
  line: number;
  state: LogsState;
  verdict: Verdict;
  lastSeen?: string;
  causes?: string[];
}

export interface VerificationReport {
  /** passed: nothing to fix; warnings: nothing fails the run; failed: a result the fail-on policy fails on;
   *  skipped: no keys (or nothing to verify); error: Datadog could not be asked (keys, scopes, network). */
  status: 'passed' | 'warnings' | 'failed' | 'skipped' | 'error';
  ok: boolean;
  /** The Datadog site or base URL asked (never a key). */
  site?: string;
  since?: string;
  finishedAt?: string;
  failOn: FailOn[];
  sites: SiteResult[];
  mysql: MysqlResult[];
  logs: LogsResult[];
  /** Sites no monitor covers. */
  uncovered: string[];
  notes: string[];
  /** Why it was skipped, or what went wrong asking Datadog. */
  reason?: string;
}

export function emptyReport(
  status: 'skipped' | 'error',
  reason: string,
  failOn: readonly FailOn[],
  ok: boolean,
): VerificationReport {
  return { status, ok, failOn: [...failOn], sites: [], mysql: [], logs: [], uncovered: [], notes: [], reason };
}

const ago = (iso: string | undefined): string => (iso ? `, last data ${iso}` : '');

/** One line per result, for the log and the CLI. */
export function formatVerificationText(r: VerificationReport): string {
  const lines: string[] = [];
  const mark = (v: Verdict): string => (v === 'error' ? 'FAIL' : v === 'warning' ? 'WARN' : 'ok  ');
  for (const s of r.sites) {
    const detail =
      s.state === 'UP'
        ? s.responseTimeMs !== undefined
          ? ` (response time ${s.responseTimeMs} ms)`
          : ''
        : s.state === 'DOWN' && s.httpStatus
          ? ` (HTTP ${s.httpStatus})`
          : '';
    lines.push(
      `${mark(s.verdict)} site  ${s.name} <${s.url}>: ${s.state}${detail}${ago(s.lastSeen)}  [${s.file}:${s.line}]`,
    );
    for (const c of s.causes ?? []) lines.push(`       - ${c}`);
  }
  for (const m of r.mysql) {
    lines.push(
      `${mark(m.verdict)} mysql ${m.host}${m.port ? `:${m.port}` : ''}: ${m.state}${ago(m.lastSeen)}  [${m.file}:${m.line}]`,
    );
    for (const c of m.causes ?? []) lines.push(`       - ${c}`);
  }
  for (const l of r.logs) {
    const what =
      [l.service ? `service:${l.service}` : '', l.source ? `source:${l.source}` : ''].filter(Boolean).join(' ') ||
      'out_datadog';
    lines.push(`${mark(l.verdict)} logs  ${what}: ${l.state}${ago(l.lastSeen)}  [${l.file}:${l.line}]`);
    for (const c of l.causes ?? []) lines.push(`       - ${c}`);
  }
  if (r.uncovered.length) {
    const v = r.failOn.includes('uncovered') ? 'FAIL' : 'WARN';
    lines.push(
      `${v} alerts: no monitor pages anyone when ` +
        `${r.uncovered.length === 1 ? 'this site goes' : 'these sites go'} down: ` +
        `${r.uncovered.join(', ')}`,
    );
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  lines.push(headline(r));
  return lines.join('\n');
}

export function headline(r: VerificationReport): string {
  switch (r.status) {
    case 'skipped':
      return `Verification in Datadog skipped: ${r.reason ?? ''}`;
    case 'error':
      return `Verification in Datadog FAILED: ${r.reason ?? ''}`;
    case 'failed':
      return (
        `Verification in Datadog FAILED (${r.site ?? ''}): the configuration is deployed, but ` +
        `the items marked FAIL do not report; nothing was rolled back.`
      );
    case 'warnings':
      return `Verified in Datadog (${r.site ?? ''}) with warnings.`;
    default:
      return `Verified in Datadog (${r.site ?? ''}).`;
  }
}

/** A markdown section for the job summary. */
export function verificationMarkdown(r: VerificationReport): string {
  const out = ['### Verification in Datadog', '', headline(r), ''];
  const rows: string[] = [];
  const icon = (v: Verdict): string => (v === 'error' ? '❌' : v === 'warning' ? '⚠️' : '✅');
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  for (const s of r.sites) {
    const d =
      s.state === 'UP' && s.responseTimeMs !== undefined
        ? `${s.responseTimeMs} ms`
        : s.httpStatus
          ? `HTTP ${s.httpStatus}`
          : (s.causes ?? []).join('; ');
    rows.push(`| ${icon(s.verdict)} | site | ${esc(s.name)} (${esc(s.url)}) | ${s.state} | ${esc(d)} |`);
  }
  for (const m of r.mysql)
    rows.push(
      `| ${icon(m.verdict)} | mysql | ${esc(m.host)}${m.port ? `:${m.port}` : ''} | ${m.state} | ${esc((m.causes ?? []).join('; '))} |`,
    );
  for (const l of r.logs)
    rows.push(
      `| ${icon(l.verdict)} | logs | ${esc(l.query ?? 'out_datadog')} | ${l.state} | ` +
        `${esc((l.causes ?? []).join('; '))} |`,
    );
  if (rows.length) out.push('| | What | Which | State | Details |', '|---|---|---|---|---|', ...rows, '');
  if (r.uncovered.length)
    out.push(`⚠️ No monitor pages anyone when these sites go down: ${r.uncovered.map(esc).join(', ')}`, '');
  for (const n of r.notes) out.push(`- ${n}`);
  return out.join('\n');
}
