/**
 * Ask Datadog, poll until every target has data or the timeout passes (data arrives with a delay:
 * a check runs every 15 s, intake takes a while), then decide. Bounded: at most one round of
 * queries per poll interval, 429s waited out by the client but never past the deadline. Wrong keys
 * or a missing scope stop at once with a message that says which; a verification never rolls
 * anything back: the report says what to look at.
 */
import type { Clock } from '../ecs/clock.js';
import type { Log } from '../log.js';
import { type DatadogApi, DatadogApiError, type MetricSeries, type Monitor } from './client.js';
import {
  type FailOn,
  lastPointWithTag,
  monitorCovers,
  siteObservation,
  type SiteObservation,
  verdict,
} from './decide.js';
import type { LogsResult, MysqlResult, SiteResult, VerificationReport } from './report.js';
import { datadogTag, type LogTarget, type MysqlTarget, type VerifyTargets } from './targets.js';

export interface VerifyRunOptions {
  api: DatadogApi;
  targets: VerifyTargets;
  /** Data older than this (the new tasks' start) does not count. */
  since: Date;
  timeoutMs: number;
  pollIntervalMs: number;
  clock: Clock;
  log: Log;
  failOn: readonly FailOn[];
  /** The site or base URL, for the report. */
  site: string;
}

export const SITE_CAUSES = [
  'the agent does not run this instance: the new task may not carry this conf.d file, or the agent ' +
    'skipped it (run `agent status` or `agent configcheck` in the task; look for the file under ' +
    '"Config Errors")',
  'an ENC[] value in the instance could not be resolved by the agent\'s secret backend (agent log: "secret")',
  "the agent cannot send: egress from the Fargate subnets to the site's intake is blocked (security " +
    "group, NAT gateway, or VPC endpoint), or the agent's DD_API_KEY / DD_SITE point at another " +
    'organization or site',
];
export const MYSQL_CAUSES = [
  'the check cannot connect: look at the mysql.can_connect service check (host, port, the database ' +
    'security group, username)',
  "the password's ENC[] handle was not resolved by the agent's secret backend",
  'the agent itself does not report (see the site causes: egress, DD_API_KEY, DD_SITE)',
];
export const LOGS_CAUSES = [
  "out_datadog's api_key is wrong or empty (the aggregator's log shows 403 from the intake)",
  "out_datadog sends to another site: its `site` / `host` must match DD_SITE (the plugin's default is datadoghq.com)",
  'egress from the Fargate subnets to http-intake.logs.<site>:443 is blocked, or no events reach the ' +
    "aggregator (the NLB, the senders' forward output)",
];

interface Observed {
  sites: Map<string, SiteObservation>;
  mysql: Map<MysqlTarget, number>;
  logs: Map<LogTarget, number>;
}

/** `service:x source:y` (quoted when needed); undefined when the output sets neither. */
export function logsQuery(t: LogTarget): string | undefined {
  const term = (k: string, v: string): string => `${k}:${/^[\w.\-/]+$/.test(v) ? v : JSON.stringify(v)}`;
  const parts = [t.service ? term('service', t.service) : '', t.source ? term('source', t.source) : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

const mysqlTags = (m: MysqlTarget): string[] => [datadogTag(`server:${m.host}`), ...(m.port ? [`port:${m.port}`] : [])];

async function pollOnce(o: VerifyRunOptions, seen: Observed): Promise<void> {
  const { api, targets } = o;
  const since = o.since.getTime();
  const to = o.clock.now() / 1000;
  const from = since / 1000;
  const pendingSites = targets.sites.filter((s) => !seen.sites.has(s.instance));
  if (pendingSites.length) {
    const can = await api.queryMetrics('max:network.http.can_connect{*} by {instance}', from, to);
    const cant = await api.queryMetrics('max:network.http.cant_connect{*} by {instance,http_status_code}', from, to);
    const responseTime = await api.queryMetrics('avg:network.http.response_time{*} by {instance}', from, to);
    for (const s of pendingSites) {
      const obs = siteObservation(s.instance, { can, cant, responseTime }, since);
      if (obs.state !== 'NOT REPORTING') seen.sites.set(s.instance, obs);
    }
  }
  const pendingMysql = targets.mysql.filter((m) => !seen.mysql.has(m));
  if (pendingMysql.length) {
    // mysql.net.connections comes from SHOW STATUS "Connections", sent on every run with server:/port: tags.
    const series: MetricSeries[] = await api.queryMetrics('max:mysql.net.connections{*} by {server,port}', from, to);
    for (const m of pendingMysql) {
      const within = series.filter((s) => mysqlTags(m).every((t) => s.scope.split(',').includes(t)));
      const t = lastPointWithTag(within, mysqlTags(m)[0] as string, since);
      if (t !== undefined) seen.mysql.set(m, t);
    }
  }
  for (const l of targets.logs.filter((x) => !seen.logs.has(x))) {
    const q = logsQuery(l);
    if (!q) continue;
    const events = await api.searchLogs(q, o.since, new Date(o.clock.now()), 1);
    const t = events.map((e) => Date.parse(e.timestamp)).find((x) => Number.isFinite(x) && x >= since);
    if (t !== undefined) seen.logs.set(l, t);
  }
}

function done(o: VerifyRunOptions, seen: Observed): boolean {
  return (
    o.targets.sites.every((s) => seen.sites.has(s.instance)) &&
    o.targets.mysql.every((m) => seen.mysql.has(m)) &&
    o.targets.logs.every((l) => !logsQuery(l) || seen.logs.has(l))
  );
}

/** A verification that could not be made: nothing observed, and why. */
function errorReport(
  base: Pick<VerificationReport, 'site' | 'since' | 'failOn'>,
  notes: string[],
  reason: string,
): VerificationReport {
  return { ...base, status: 'error', ok: false, sites: [], mysql: [], logs: [], uncovered: [], notes, reason };
}

export async function runVerification(o: VerifyRunOptions): Promise<VerificationReport> {
  const { api, clock, log } = o;
  const deadline = clock.now() + o.timeoutMs;
  const base = { site: o.site, since: o.since.toISOString(), failOn: [...o.failOn] };
  try {
    await api.validate();
  } catch (err) {
    return errorReport(base, [...o.targets.notes], message(err));
  }
  const notes = [...o.targets.notes];
  let monitors: Monitor[] | undefined;
  if (o.targets.sites.length) {
    try {
      monitors = await api.listMonitors();
    } catch (err) {
      if (!(err instanceof DatadogApiError)) throw err;
      notes.push(`alert coverage not checked: ${err.message}`);
    }
  }
  const seen: Observed = { sites: new Map(), mysql: new Map(), logs: new Map() };
  for (let round = 1; ; round++) {
    try {
      await pollOnce(o, seen);
    } catch (err) {
      if (!(err instanceof DatadogApiError)) throw err;
      if (err.fatal) return errorReport(base, notes, err.message);
      log.warning(`verify: ${err.message}; trying again`);
      if (err.status === 429) break;
    }
    if (done(o, seen)) break;
    const left = deadline - clock.now();
    if (left <= 0) break;
    log.info(`verify: waiting for data in Datadog (round ${round}, ${Math.ceil(left / 1000)} s left)`);
    await clock.sleep(Math.min(o.pollIntervalMs, left));
  }
  return decideAll(o, seen, monitors, { ...base, notes, finishedAt: new Date(clock.now()).toISOString() });
}

function decideAll(
  o: VerifyRunOptions,
  seen: Observed,
  monitors: Monitor[] | undefined,
  base: Pick<VerificationReport, 'site' | 'since' | 'failOn' | 'notes' | 'finishedAt'>,
): VerificationReport {
  const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());
  const sites: SiteResult[] = o.targets.sites.map((s) => {
    const obs = seen.sites.get(s.instance) ?? { state: 'NOT REPORTING' as const };
    return {
      name: s.name,
      url: s.url,
      file: s.file,
      line: s.line,
      state: obs.state,
      verdict: verdict('site', obs.state, o.failOn),
      ...(obs.lastSeen ? { lastSeen: iso(obs.lastSeen) } : {}),
      ...(obs.responseTimeSeconds !== undefined ? { responseTimeMs: Math.round(obs.responseTimeSeconds * 1000) } : {}),
      ...(obs.httpStatus ? { httpStatus: obs.httpStatus } : {}),
      ...(monitors ? { monitors: monitors.filter((m) => monitorCovers(m, s)).map((m) => m.name) } : {}),
      ...(obs.state === 'NOT REPORTING' ? { causes: SITE_CAUSES } : {}),
    };
  });
  const mysql: MysqlResult[] = o.targets.mysql.map((m) => {
    const t = seen.mysql.get(m);
    const state = t === undefined ? ('NOT REPORTING' as const) : ('REPORTING' as const);
    return {
      host: m.host,
      ...(m.port ? { port: m.port } : {}),
      file: m.file,
      line: m.line,
      state,
      verdict: verdict('mysql', state, o.failOn),
      ...(t ? { lastSeen: iso(t) } : {}),
      ...(t === undefined ? { causes: MYSQL_CAUSES } : {}),
    };
  });
  const logs: LogsResult[] = o.targets.logs.map((l) => logsResult(o, l, seen.logs.get(l)));
  const uncovered = sites.filter((s) => s.monitors && s.monitors.length === 0).map((s) => s.name);
  const verdicts = [...sites, ...mysql, ...logs].map((x) => x.verdict);
  if (uncovered.length) verdicts.push(verdict('coverage', 'UNCOVERED', o.failOn));
  if (!sites.length && !mysql.length && !logs.length)
    base.notes.push('nothing to verify: this deploy changed no site, mysql instance or Fluentd aggregator');
  const status = verdicts.includes('error') ? 'failed' : verdicts.includes('warning') ? 'warnings' : 'passed';
  return { ...base, status, ok: status !== 'failed', sites, mysql, logs, uncovered };
}

function logsResult(o: VerifyRunOptions, l: LogTarget, t: number | undefined): LogsResult {
  const query = logsQuery(l);
  const where = {
    ...(l.service ? { service: l.service } : {}),
    ...(l.source ? { source: l.source } : {}),
    file: l.file,
    line: l.line,
  };
  if (!query) {
    const causes = [
      'the out_datadog output sets neither `service` nor `dd_source` (or computes them at run time), ' +
        'so its logs cannot be told apart: set both to verify them',
    ];
    return { ...where, state: 'UNKNOWN', verdict: 'warning', causes };
  }
  const state = t === undefined ? ('NOT ARRIVING' as const) : ('ARRIVING' as const);
  return {
    ...where,
    query,
    state,
    verdict: verdict('logs', state, o.failOn),
    ...(t !== undefined ? { lastSeen: new Date(t).toISOString() } : { causes: LOGS_CAUSES }),
  };
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
