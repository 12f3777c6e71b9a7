/**
 * The Datadog API seam: four read calls, over `fetch`, with the headers the API reference names
 * (`DD-API-KEY`, `DD-APPLICATION-KEY`). Not Datadog's `@datadog/datadog-api-client`: measured here
 * (v1.64.0) it is 133 MB installed and takes about 2 s to load on a 2-core runner (one of its API
 * classes alone 0.3-0.5 s), against a few milliseconds for this file, for four GET/POST calls whose
 * shapes are small and stable. Errors name the call and what to do; 429 waits as
 * `X-RateLimit-Reset` says (seconds until the limit resets, API reference "Rate Limits"), never
 * past the caller's deadline. Keys never reach a message.
 */
import type { Clock } from '../ecs/clock.js';
import type { DatadogCredentials } from './endpoint.js';

export interface MetricSeries {
  metric: string;
  /** Comma-separated tags of the group (`instance:shop,url:https://...`), as the v1 query returns it. */
  scope: string;
  /** [milliseconds since the epoch, value or null]. */
  points: Array<[number, number | null]>;
}

export interface LogEvent {
  id: string;
  timestamp: string;
  service?: string;
  tags: string[];
}

export interface Monitor {
  id: number;
  name: string;
  type: string;
  query: string;
}

export interface DatadogApi {
  /** GET /api/v1/validate: is the API key accepted? */
  validate(): Promise<void>;
  /** GET /api/v1/query (scope `timeseries_query`). Seconds since the epoch. */
  queryMetrics(query: string, from: number, to: number): Promise<MetricSeries[]>;
  /** POST /api/v2/logs/events/search (scope `logs_read_data`), newest first. */
  searchLogs(query: string, from: Date, to: Date, limit: number): Promise<LogEvent[]>;
  /** GET /api/v1/monitor, every page (scope `monitors_read`). */
  listMonitors(): Promise<Monitor[]>;
}

/** The application-key scope each call needs (API reference, "This endpoint requires the ... permission"). */
export const SCOPES = { query: 'timeseries_query', logs: 'logs_read_data', monitors: 'monitors_read' } as const;
type Call = 'validate' | keyof typeof SCOPES;

export class DatadogApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly call: Call,
  ) {
    super(message);
    this.name = 'DatadogApiError';
  }
  /** Wrong keys or a missing scope: polling again will not help. */
  get fatal(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 400 || this.status === 404;
  }
}

export interface ClientOptions {
  credentials: DatadogCredentials;
  clock: Clock;
  /** No 429 wait goes past this (clock.now() milliseconds); default: 60 s from each call. */
  deadline?: () => number;
  fetch?: typeof fetch;
  userAgent?: string;
}

const PATHS: Record<Call, string> = {
  validate: '/api/v1/validate',
  query: '/api/v1/query',
  logs: '/api/v2/logs/events/search',
  monitors: '/api/v1/monitor',
};

function refusal(call: Call, status: number, credentials: DatadogCredentials, detail: string): string {
  const where = `${PATHS[call]} on ${credentials.baseUrl}`;
  if (call === 'validate') {
    return (
      `Datadog rejected the API key (${status} from ${where}${detail}): check DD_API_KEY (input ` +
      `datadog-api-key), and that DD_SITE (${credentials.site}) is your organization's site`
    );
  }
  return (
    `Datadog refused the application key (${status} from ${where}${detail}): it needs the ` +
    `"${SCOPES[call]}" scope (a scoped application key), and DD_APP_KEY must belong to the same ` +
    `organization and site as DD_API_KEY`
  );
}

async function errorDetail(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { errors?: unknown };
    return Array.isArray(body.errors) && body.errors.length
      ? `: ${body.errors.map(String).join('; ').slice(0, 200)}`
      : '';
  } catch {
    return '';
  }
}

type Request = (call: Call, pathAndQuery: string, body?: unknown) => Promise<unknown>;

/** One call: GET (or POST with a JSON body), 429 waited out until the deadline, errors that say what to do. */
function requester(opts: ClientOptions): Request {
  const { credentials, clock } = opts;
  const doFetch = opts.fetch ?? fetch;
  const headers = {
    'DD-API-KEY': credentials.apiKey,
    'DD-APPLICATION-KEY': credentials.appKey,
    Accept: 'application/json',
    'User-Agent': opts.userAgent ?? 'dd-ecs-monitor',
  };
  const send = async (call: Call, pathAndQuery: string, body?: unknown): Promise<Response> => {
    try {
      return await doFetch(`${credentials.baseUrl}${pathAndQuery}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (err as Error).message;
      throw new DatadogApiError(`cannot reach ${credentials.baseUrl} for ${PATHS[call]}: ${why}`, 0, call);
    }
  };
  return async (call, pathAndQuery, body) => {
    const deadline = opts.deadline?.() ?? clock.now() + 60_000;
    for (;;) {
      const res = await send(call, pathAndQuery, body);
      if (res.status === 429) {
        const wait = rateLimitWait(res.headers);
        await res.body?.cancel();
        if (clock.now() + wait > deadline) {
          throw new DatadogApiError(
            `rate limited by Datadog on ${PATHS[call]} (${rateLimitName(res.headers)}): the limit ` +
              `resets in ${wait / 1000} s, past the verification timeout`,
            429,
            call,
          );
        }
        await clock.sleep(wait);
        continue;
      }
      const detail = res.ok ? '' : await errorDetail(res);
      if (res.status === 401 || res.status === 403) {
        throw new DatadogApiError(refusal(call, res.status, credentials, detail), res.status, call);
      }
      if (!res.ok)
        throw new DatadogApiError(`Datadog answered ${res.status} to ${PATHS[call]}${detail}`, res.status, call);
      return res.json();
    }
  };
}

export function datadogClient(opts: ClientOptions): DatadogApi {
  const { credentials } = opts;
  const request = requester(opts);
  return {
    async validate() {
      const r = (await request('validate', PATHS.validate)) as { valid?: boolean };
      if (r.valid !== true)
        throw new DatadogApiError(refusal('validate', 200, credentials, ': "valid" is not true'), 403, 'validate');
    },
    async queryMetrics(query, from, to) {
      const qs = new URLSearchParams({ from: String(Math.floor(from)), to: String(Math.ceil(to)), query });
      const r = (await request('query', `${PATHS.query}?${qs}`)) as {
        status?: string;
        error?: string;
        series?: unknown;
      };
      if (r.status === 'error')
        throw new DatadogApiError(
          `Datadog could not run the query "${query}": ${r.error ?? 'no reason given'}`,
          400,
          'query',
        );
      return seriesOf(r.series);
    },
    async searchLogs(query, from, to, limit) {
      const body = {
        filter: { query, from: from.toISOString(), to: to.toISOString() },
        sort: '-timestamp',
        page: { limit },
      };
      const r = (await request('logs', PATHS.logs, body)) as { data?: unknown };
      return logsOf(r.data);
    },
    async listMonitors() {
      const out: Monitor[] = [];
      const pageSize = 1000;
      for (let page = 0; page < 100; page++) {
        const r = await request(
          'monitors',
          `${PATHS.monitors}?${new URLSearchParams({ page: String(page), page_size: String(pageSize) })}`,
        );
        const batch = monitorsOf(r);
        out.push(...batch);
        if (batch.length < pageSize) break;
      }
      return out;
    },
  };
}

/** Milliseconds to wait on a 429: X-RateLimit-Reset (seconds), else X-RateLimit-Period, else 10 s. */
export function rateLimitWait(h: Headers): number {
  for (const name of ['x-ratelimit-reset', 'x-ratelimit-period']) {
    const v = Number(h.get(name));
    if (h.get(name) !== null && Number.isFinite(v) && v >= 0) return Math.max(1, Math.min(v, 3600)) * 1000;
  }
  return 10_000;
}

function rateLimitName(h: Headers): string {
  const name = h.get('x-ratelimit-name');
  const limit = h.get('x-ratelimit-limit');
  const period = h.get('x-ratelimit-period');
  return [name ? `limit "${name}"` : 'rate limit', limit && period ? `${limit} requests per ${period} s` : '']
    .filter(Boolean)
    .join(', ');
}

const records = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

function seriesOf(v: unknown): MetricSeries[] {
  return records(v).map((s) => ({
    metric: String(s.metric ?? ''),
    scope: String(s.scope ?? ''),
    points: (Array.isArray(s.pointlist) ? s.pointlist : [])
      .filter((p): p is [number, number | null] => Array.isArray(p) && typeof p[0] === 'number')
      .map(([t, val]) => [t, typeof val === 'number' ? val : null]),
  }));
}

function logsOf(v: unknown): LogEvent[] {
  return records(v).map((e) => {
    const a = (typeof e.attributes === 'object' && e.attributes !== null ? e.attributes : {}) as Record<
      string,
      unknown
    >;
    return {
      id: String(e.id ?? ''),
      timestamp: String(a.timestamp ?? ''),
      ...(typeof a.service === 'string' ? { service: a.service } : {}),
      tags: Array.isArray(a.tags) ? a.tags.map(String) : [],
    };
  });
}

function monitorsOf(v: unknown): Monitor[] {
  return records(v).map((m) => ({
    id: Number(m.id ?? 0),
    name: String(m.name ?? ''),
    type: String(m.type ?? ''),
    query: String(m.query ?? ''),
  }));
}
