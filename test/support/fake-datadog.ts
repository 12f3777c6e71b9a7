/**
 * A fake Datadog API on 127.0.0.1 with the real paths, headers and response shapes (API reference:
 * "Validate API key" GET /api/v1/validate, "Query timeseries points" GET /api/v1/query, "Search
 * logs" POST /api/v2/logs/events/search, "Get all monitor details" GET /api/v1/monitor), the
 * `DD-API-KEY` / `DD-APPLICATION-KEY` headers, 403 `{"errors":["Forbidden"]}` for a wrong key or a
 * missing scope, and 429 with the X-RateLimit-* headers. State a test seeds: metric points per
 * metric + tags (fixed, or "live": a fresh point at each query, like an agent that reports), log
 * events (fixed or live) and monitors. Test code only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_DD_API_KEY = 'fakeddapikey0000000000000000test';
export const FAKE_DD_APP_KEY = 'fakeddappkey000000000000000000000000test';

type Scope = 'timeseries_query' | 'logs_read_data' | 'monitors_read';

interface SeededSeries {
  metric: string;
  tags: string[];
  /** Fixed points [ms, value]; `live` adds one at the time of each query. */
  points: Array<[number, number]>;
  live?: number;
}

interface SeededLog {
  service?: string;
  source?: string;
  message: string;
  /** Fixed time (ms); absent: live (stamped with the query's time). */
  at?: number;
}

export interface FakeMonitor {
  name: string;
  type: string;
  query: string;
}

export interface RecordedCall {
  method: string;
  path: string;
  /** Header names the request carried (lower case); never their values. */
  headerNames: string[];
  apiKeyOk: boolean;
  appKeyOk: boolean;
  /** Date.now() when it arrived (the bench times a process's start-up by it). */
  at: number;
}

export class FakeDatadog {
  private server: Server | undefined;
  private series: SeededSeries[] = [];
  private logs: SeededLog[] = [];
  private monitors: Array<FakeMonitor & { id: number }> = [];
  private limited = new Map<string, { times: number; reset: number }>();
  scopes = new Set<Scope>(['timeseries_query', 'logs_read_data', 'monitors_read']);
  readonly calls: RecordedCall[] = [];
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** An agent that reports: a point stamped with each query's time. */
  report(metric: string, tags: string[], value: number): this {
    this.series.push({ metric, tags, points: [], live: value });
    return this;
  }

  addPoint(metric: string, tags: string[], at: number, value: number): this {
    this.series.push({ metric, tags, points: [[at, value]] });
    return this;
  }

  addLog(log: SeededLog): this {
    this.logs.push(log);
    return this;
  }

  addMonitor(m: FakeMonitor): this {
    this.monitors.push({ ...m, id: 1000 + this.monitors.length });
    return this;
  }

  /** The next `times` requests to `path` get 429 with X-RateLimit-Reset `reset` seconds. */
  rateLimit(path: string, times: number, reset: number): this {
    this.limited.set(path, { times, reset });
    return this;
  }

  reset(): void {
    this.series = [];
    this.logs = [];
    this.monitors = [];
    this.limited.clear();
    this.calls.length = 0;
    this.scopes = new Set(['timeseries_query', 'logs_read_data', 'monitors_read']);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : '';
    const apiKeyOk = req.headers['dd-api-key'] === FAKE_DD_API_KEY;
    const appKeyOk = req.headers['dd-application-key'] === FAKE_DD_APP_KEY;
    this.calls.push({
      method: req.method ?? '',
      path: url.pathname,
      headerNames: Object.keys(req.headers),
      apiKeyOk,
      appKeyOk,
      at: Date.now(),
    });
    const limit = this.limited.get(url.pathname);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      return send(res, 429, { errors: ['Too many requests'] }, rateHeaders(0, limit.reset));
    }
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /api/v1/validate')
      return apiKeyOk ? send(res, 200, { valid: true }) : send(res, 403, { errors: ['Forbidden'] });
    const scope: Scope | undefined =
      route === 'GET /api/v1/query'
        ? 'timeseries_query'
        : route === 'POST /api/v2/logs/events/search'
          ? 'logs_read_data'
          : route === 'GET /api/v1/monitor'
            ? 'monitors_read'
            : undefined;
    if (!scope) return send(res, 404, { errors: ['Not found'] });
    if (!apiKeyOk || !appKeyOk || !this.scopes.has(scope)) return send(res, 403, { errors: ['Forbidden'] });
    if (scope === 'timeseries_query') return send(res, 200, this.query(url.searchParams));
    if (scope === 'logs_read_data') return send(res, 200, this.searchLogs(JSON.parse(body || '{}')));
    return send(res, 200, this.listMonitors(url.searchParams));
  }

  /** `agg:metric{tag,tag} by {key,key}` over the seeded series. */
  private query(q: URLSearchParams): unknown {
    const query = q.get('query') ?? '';
    const from = Number(q.get('from')) * 1000;
    const to = Number(q.get('to')) * 1000;
    const m = /^(?:(\w+):)?([\w.]+)\{([^}]*)\}(?:\s*by\s*\{([^}]*)\})?$/.exec(query);
    if (!m || !Number.isFinite(from) || !Number.isFinite(to)) {
      return { status: 'error', res_type: 'time_series', series: [], query, error: `Error parsing query: ${query}` };
    }
    const [, aggr = 'avg', metric, scope = '*', by = ''] = m;
    const filter = scope
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && s !== '*');
    const keys = by
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const groups = new Map<string, Array<[number, number]>>();
    const now = Date.now();
    for (const s of this.series) {
      if (s.metric !== metric || !filter.every((f) => s.tags.includes(f))) continue;
      const group = keys.length
        ? keys.map((k) => s.tags.find((t) => t.startsWith(`${k}:`)) ?? `${k}:N/A`).join(',')
        : scope;
      const points = [
        ...s.points,
        ...(s.live !== undefined ? ([[now, s.live]] as Array<[number, number]>) : []),
      ].filter(([t]) => t >= from && t <= to);
      if (points.length) groups.set(group, [...(groups.get(group) ?? []), ...points]);
    }
    const series = [...groups].map(([group, points]) => {
      const sorted = points.sort((a, b) => a[0] - b[0]);
      return {
        metric,
        display_name: metric,
        aggr,
        scope: group,
        tag_set: keys.length ? group.split(',') : [],
        expression: `${aggr}:${metric}{${group}}`,
        pointlist: sorted,
        start: sorted[0]?.[0] ?? from,
        end: sorted.at(-1)?.[0] ?? to,
        interval: 20,
        length: sorted.length,
        unit: null,
      };
    });
    return {
      status: 'ok',
      res_type: 'time_series',
      series,
      query,
      from_date: from,
      to_date: to,
      group_by: keys,
      message: '',
    };
  }

  private searchLogs(body: {
    filter?: { query?: string; from?: string; to?: string };
    page?: { limit?: number };
  }): unknown {
    const terms = [...(body.filter?.query ?? '').matchAll(/(\w+):("(?:[^"\\]|\\.)*"|\S+)/g)].map(([, k, v]) => [
      k,
      v?.startsWith('"') ? JSON.parse(v) : v,
    ]);
    const from = Date.parse(body.filter?.from ?? '') || 0;
    const to = Date.parse(body.filter?.to ?? '') || Date.now();
    const now = Date.now();
    const hits = this.logs
      .map((l) => ({ l, at: l.at ?? now }))
      .filter(
        ({ l, at }) =>
          at >= from &&
          at <= Math.max(to, now) &&
          terms.every(([k, v]) => (k === 'service' ? l.service === v : k === 'source' ? l.source === v : true)),
      )
      .sort((a, b) => b.at - a.at)
      .slice(0, body.page?.limit ?? 10);
    return {
      data: hits.map(({ l, at }, i) => ({
        id: `AQAAAY${i}`,
        type: 'log',
        attributes: {
          timestamp: new Date(at).toISOString(),
          service: l.service,
          host: 'fluentd-aggregator',
          message: l.message,
          status: 'info',
          tags: [...(l.source ? [`source:${l.source}`] : []), ...(l.service ? [`service:${l.service}`] : [])],
          attributes: {},
        },
      })),
      links: {},
      meta: { elapsed: 3, page: {}, request_id: 'fake-request', status: 'done' },
    };
  }

  private listMonitors(q: URLSearchParams): unknown {
    const page = Number(q.get('page') ?? 0);
    const size = Number(q.get('page_size') ?? 100);
    return this.monitors.slice(page * size, (page + 1) * size).map((m) => ({
      id: m.id,
      name: m.name,
      type: m.type,
      query: m.query,
      message: '@slack-oncall',
      tags: [],
      options: {},
      overall_state: 'OK',
      created: '2026-01-01T00:00:00.000000+00:00',
      modified: '2026-01-01T00:00:00.000000+00:00',
    }));
  }
}

function rateHeaders(remaining: number, reset: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': '100',
    'X-RateLimit-Period': '60',
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': String(reset),
    'X-RateLimit-Name': 'fake_query',
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = rateHeaders(99, 60),
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
