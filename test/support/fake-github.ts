/**
 * A fake GitHub REST API on 127.0.0.1 for the calls the action makes through Octokit: issue
 * comments (list with Link-header pagination, create, update), compare two commits, and file
 * contents (raw). It keeps state, records every request, and can refuse writes the way a fork's
 * read-only token is refused (403 "Resource not accessible by integration"). Test code only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  issue: number;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** Answer writes with 403, as GitHub does for a read-only token. */
  readOnly?: boolean;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: FakeComment[] = [];
  /** `base...head` -> the compare answer's files and merge base. */
  readonly compares = new Map<
    string,
    { files: Array<{ filename: string; status?: string; previous_filename?: string }>; mergeBase?: string }
  >();
  /** `ref:path` -> text. */
  readonly contents = new Map<string, string>();
  readOnly: boolean;
  url = '';
  private nextId = 1000;
  private server: Server | undefined;
  readonly owner: string;
  readonly repo: string;

  constructor(opts: FakeGitHubOptions = {}) {
    this.owner = opts.owner ?? 'acme';
    this.repo = opts.repo ?? 'monitoring';
    this.readOnly = opts.readOnly ?? false;
  }

  /** A comment someone else wrote, e.g. to test that the marker is searched across pages. */
  addComment(issue: number, body: string, user = { login: 'someone', type: 'User' }): FakeComment {
    const c = { id: this.nextId++, body, user, issue };
    this.comments.push(c);
    return c;
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private commentJson(c: FakeComment): unknown {
    return {
      id: c.id,
      body: c.body,
      user: c.user,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const method = req.method ?? 'GET';
    this.requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: String(req.headers.authorization ?? ''),
    });
    const base = `/repos/${this.owner}/${this.repo}`;
    const p = url.pathname;
    if (!p.startsWith(`${base}/`)) return this.json(res, 404, { message: 'Not Found' });
    const rest = p.slice(base.length);
    if (method !== 'GET' && this.readOnly)
      return this.json(res, 403, { message: 'Resource not accessible by integration' });

    let m = /^\/issues\/(\d+)\/comments$/.exec(rest);
    if (m && method === 'GET') {
      const issue = Number(m[1]);
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = this.commentsOn(issue);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      if (page < last)
        headers.link = `<${this.url}${p}?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.url}${p}?per_page=${perPage}&page=${last}>; rel="last"`;
      return this.json(
        res,
        200,
        slice.map((c) => this.commentJson(c)),
        headers,
      );
    }
    if (m && method === 'POST') {
      const c = this.addComment(Number(m[1]), String((body as { body?: string }).body ?? ''), {
        login: 'github-actions[bot]',
        type: 'Bot',
      });
      return this.json(res, 201, this.commentJson(c));
    }
    m = /^\/issues\/comments\/(\d+)$/.exec(rest);
    if (m && method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(m?.[1]));
      if (!c) return this.json(res, 404, { message: 'Not Found' });
      c.body = String((body as { body?: string }).body ?? '');
      return this.json(res, 200, this.commentJson(c));
    }
    m = /^\/compare\/(.+)$/.exec(rest);
    if (m && method === 'GET') {
      const key = decodeURIComponent(m[1] as string);
      const answer = this.compares.get(key);
      if (!answer) return this.json(res, 404, { message: 'Not Found' });
      return this.json(res, 200, {
        status: 'ahead',
        files: answer.files,
        merge_base_commit: answer.mergeBase ? { sha: answer.mergeBase } : undefined,
        commits: [],
      });
    }
    m = /^\/contents\/(.+)$/.exec(rest);
    if (m && method === 'GET') {
      const key = `${url.searchParams.get('ref') ?? ''}:${decodeURIComponent(m[1] as string)}`;
      const text = this.contents.get(key);
      if (text === undefined) return this.json(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
      return;
    }
    return this.json(res, 404, { message: `fake GitHub has no ${method} ${rest}` });
  }
}
