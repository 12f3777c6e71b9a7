/**
 * Pure decisions over what Datadog answered: a site's state from its http_check metrics, whether
 * a monitor watches a site, and how each result counts under the fail-on policy. No I/O here.
 */
import type { MetricSeries, Monitor } from './client.js';
import { datadogTag, type SiteTarget } from './targets.js';

export type SiteState = 'UP' | 'DOWN' | 'NOT REPORTING';
export type MysqlState = 'REPORTING' | 'NOT REPORTING';
export type LogsState = 'ARRIVING' | 'NOT ARRIVING' | 'UNKNOWN';

/** What can fail a verification (`--fail-on`); default: the first two. */
export const FAIL_ON_CHOICES = ['not-reporting', 'not-arriving', 'down', 'uncovered'] as const;
export type FailOn = (typeof FAIL_ON_CHOICES)[number];
export const DEFAULT_FAIL_ON: readonly FailOn[] = ['not-reporting', 'not-arriving'];

export interface SiteObservation {
  state: SiteState;
  /** Milliseconds since the epoch of the newest point after `since`. */
  lastSeen?: number;
  responseTimeSeconds?: number;
  httpStatus?: string;
}

const tagsOf = (scope: string): string[] =>
  scope
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
const tagValue = (scope: string, key: string): string | undefined =>
  tagsOf(scope)
    .find((t) => t.startsWith(`${key}:`))
    ?.slice(key.length + 1);

/** The newest non-null point at or after `since` among the series of one instance. */
function latest(
  series: readonly MetricSeries[],
  instance: string,
  since: number,
): { t: number; v: number; scope: string } | undefined {
  let best: { t: number; v: number; scope: string } | undefined;
  for (const s of series) {
    if (tagValue(s.scope, 'instance') !== instance) continue;
    for (const [t, v] of s.points) {
      if (v === null || t < since) continue;
      if (!best || t > best.t || (t === best.t && v > best.v)) best = { t, v, scope: s.scope };
    }
  }
  return best;
}

/**
 * http_check sends `network.http.can_connect` 1 / `cant_connect` 0 when the site is up, the
 * reverse when it is down (CONFIG-FACTS A3); whichever says "1" last wins. The status code is the
 * `http_status_code` tag of the series when the check sets it.
 */
export function siteObservation(
  instance: string,
  m: { can: readonly MetricSeries[]; cant: readonly MetricSeries[]; responseTime: readonly MetricSeries[] },
  since: number,
): SiteObservation {
  const can = latest(m.can, instance, since);
  const cant = latest(m.cant, instance, since);
  if (!can && !cant) return { state: 'NOT REPORTING' };
  const upAt = can && can.v > 0 ? can.t : -1;
  const downAt = cant && cant.v > 0 ? cant.t : can && can.v <= 0 ? can.t : -1;
  const lastSeen = Math.max(can?.t ?? 0, cant?.t ?? 0);
  if (downAt > upAt) {
    const code = cant ? tagValue(cant.scope, 'http_status_code') : undefined;
    return { state: 'DOWN', lastSeen, ...(code && code !== 'n/a' ? { httpStatus: code } : {}) };
  }
  const rt = latest(m.responseTime, instance, since);
  return { state: 'UP', lastSeen, ...(rt ? { responseTimeSeconds: rt.v } : {}) };
}

/** The newest point at or after `since` of any series whose scope has `tag`. */
export function lastPointWithTag(series: readonly MetricSeries[], tag: string, since: number): number | undefined {
  let best: number | undefined;
  for (const s of series) {
    if (!tagsOf(s.scope).includes(tag)) continue;
    for (const [t, v] of s.points) if (v !== null && t >= since && (best === undefined || t > best)) best = t;
  }
  return best;
}

/** A scope tag (`instance:shop`, `url:https://...`, `env:prd`, `instance:shop*`) against a site's tags. */
function tagMatches(filter: string, siteTags: readonly string[]): boolean {
  // Normalized around the `*` wildcards, which Datadog's normalization would turn into `_`.
  const f = filter.trim().replace(/^"|"$/g, '').split('*').map(datadogTag).join('*');
  if (f === '*' || f === '') return true;
  if (!f.includes('*')) return siteTags.includes(f);
  const re = new RegExp(
    `^${f
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return siteTags.some((t) => re.test(t));
}

/** `a,b,!c` (metric scope) or `"a","b"` (service check over): every positive tag present, no negated one. */
function scopeCovers(parts: readonly string[], siteTags: readonly string[]): boolean {
  return parts.every((p) => (p.startsWith('!') ? !tagMatches(p.slice(1), siteTags) : tagMatches(p, siteTags)));
}

const HTTP_METRIC = /network\.http\.(?:can|cant)_connect\s*\{([^}]*)\}/g;
const HTTP_SERVICE_CHECK = /"http\.can_connect"\.over\(([^)]*)\)(?:\.exclude\(([^)]*)\))?/;

/**
 * Does this monitor page someone when the site goes down? A service-check monitor on
 * `http.can_connect` whose `.over(...)` tags (ANDed) the site carries and `.exclude(...)` does not
 * name, or a metric monitor on `network.http.can_connect` / `cant_connect` whose `{scope}` the
 * site's tags satisfy (`*` is every site).
 */
export function monitorCovers(monitor: Monitor, site: SiteTarget): boolean {
  const q = monitor.query;
  const sc = HTTP_SERVICE_CHECK.exec(q);
  if (sc) {
    const over = (sc[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const excluded = (sc[2] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return scopeCovers(over.length ? over : ['*'], site.tags) && !excluded.some((e) => tagMatches(e, site.tags));
  }
  for (const m of q.matchAll(HTTP_METRIC)) {
    const parts = (m[1] ?? '').split(/\s*,\s*|\s+AND\s+/i).filter(Boolean);
    if (scopeCovers(parts.length ? parts : ['*'], site.tags)) return true;
  }
  return false;
}

export type Verdict = 'ok' | 'warning' | 'error';

export function verdict(
  kind: 'site' | 'mysql' | 'logs' | 'coverage',
  state: string,
  failOn: readonly FailOn[],
): Verdict {
  const fails = (f: FailOn): Verdict => (failOn.includes(f) ? 'error' : 'warning');
  if (state === 'NOT REPORTING') return fails('not-reporting');
  if (state === 'NOT ARRIVING') return fails('not-arriving');
  if (state === 'DOWN') return fails('down');
  if (kind === 'coverage' && state === 'UNCOVERED') return fails('uncovered');
  if (state === 'UNKNOWN') return 'warning';
  return 'ok';
}
