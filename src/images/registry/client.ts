/**
 * The few OCI distribution API calls a layer append needs, for one repository
 * (https://github.com/opencontainers/distribution-spec/blob/main/spec.md): GET a manifest, GET
 * one small blob (the base's config), HEAD a blob to skip an upload, upload a blob, PUT a
 * manifest. No library does this well enough here (npm's registry clients are pull-only or
 * unmaintained), and the surface is small.
 *
 * - Auth: HTTP basic with ECR's `AWS:<password>` from GetAuthorizationToken, which ECR accepts on
 *   every request, as does a registry with htpasswd auth.
 * - HTTPS, except plain HTTP for a loopback registry (127.0.0.0/8, localhost, ::1), as docker
 *   treats loopback as an insecure registry.
 * - Uploads are "POST then PUT" monolithic: ECR answers 201 to a first PATCH chunk, which breaks
 *   chunked clients (kitops-ml/kitops#822 switched to a monolithic PUT for ECR; containerd pushes
 *   POST + PUT too, containerd/containerd#7459).
 * The transport is a seam (`fetch`), so tests can count and fault requests.
 */

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RegistryClientOptions {
  /** `host[:port]`, as image references name it. */
  host: string;
  /** Repository name inside the registry (`monitoring/datadog-agent`). */
  repository: string;
  auth?: RegistryCredentials;
  fetch?: typeof fetch;
}

/** What the client moved, for the summary and the tests (0 base layers downloaded). */
export interface TransferStats {
  bytesUploaded: number;
  bytesDownloaded: number;
  blobsUploaded: number;
  blobsSkipped: number;
  /** Blobs read (GET); only configs, never a layer. */
  blobsDownloaded: number;
}

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface FetchedManifest {
  mediaType: string;
  bytes: Buffer;
  /** `Docker-Content-Digest`, or computed by the caller. */
  digest: string | undefined;
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return /^127\.\d+\.\d+\.\d+$/.test(h) || h === 'localhost' || h === '::1';
}

/** The registry's own error words (`{"errors":[{"code","message"}]}`), never a header or credential. */
async function errorDetail(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const e = (JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }> }).errors?.[0];
    if (e) return `${e.code ?? ''}${e.message ? `: ${e.message}` : ''}`;
  } catch {
    // not JSON
  }
  return text.slice(0, 200).trim();
}

export class RegistryClient {
  readonly stats: TransferStats = {
    bytesUploaded: 0,
    bytesDownloaded: 0,
    blobsUploaded: 0,
    blobsSkipped: 0,
    blobsDownloaded: 0,
  };
  private readonly base: string;
  private readonly authHeader: string | undefined;
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: RegistryClientOptions) {
    this.base = `${isLoopback(opts.host) ? 'http' : 'https'}://${opts.host}/v2/${opts.repository}`;
    this.authHeader = opts.auth
      ? `Basic ${Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString('base64')}`
      : undefined;
    this.fetch = opts.fetch ?? fetch;
  }

  private async call(step: string, url: string, init: RequestInit, ok: readonly number[]): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.authHeader) headers.set('Authorization', this.authHeader);
    let res: Response;
    try {
      res = await this.fetch(url, { ...init, headers, redirect: 'follow' });
    } catch (err) {
      throw new RegistryError(`registry ${this.opts.host}: ${step} failed: ${(err as Error).message}`, 0);
    }
    if (!ok.includes(res.status)) {
      const detail = await errorDetail(res);
      if (res.status === 401) {
        throw new RegistryError(
          `registry ${this.opts.host} refused the ECR password: ${step} answered HTTP 401 Unauthorized${detail ? ` (${detail})` : ''}`,
          401,
        );
      }
      throw new RegistryError(
        `registry ${this.opts.host}: ${step} answered HTTP ${res.status}${detail ? ` (${detail})` : ''}`,
        res.status,
      );
    }
    return res;
  }

  /** A manifest (or index) by tag or digest, with the media types the caller accepts. */
  async manifest(reference: string, accept: readonly string[]): Promise<FetchedManifest> {
    const res = await this.call(
      `GET manifest ${this.opts.repository}:${reference}`,
      `${this.base}/manifests/${reference}`,
      { headers: { Accept: accept.join(', ') } },
      [200],
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    this.stats.bytesDownloaded += bytes.length;
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    return { mediaType, bytes, digest: res.headers.get('docker-content-digest') ?? undefined };
  }

  /** A small blob (an image config); layers are never read. */
  async blob(digest: string): Promise<Buffer> {
    const res = await this.call(`GET blob ${digest}`, `${this.base}/blobs/${digest}`, {}, [200]);
    const bytes = Buffer.from(await res.arrayBuffer());
    this.stats.bytesDownloaded += bytes.length;
    this.stats.blobsDownloaded++;
    return bytes;
  }

  async hasBlob(digest: string): Promise<boolean> {
    const res = await this.call(`HEAD blob ${digest}`, `${this.base}/blobs/${digest}`, { method: 'HEAD' }, [200, 404]);
    return res.status === 200;
  }

  /** Uploads a blob unless the repository already has it; true when it was uploaded. */
  async putBlob(digest: string, bytes: Buffer): Promise<boolean> {
    if (await this.hasBlob(digest)) {
      this.stats.blobsSkipped++;
      return false;
    }
    const start = await this.call(
      `POST blob upload for ${digest}`,
      `${this.base}/blobs/uploads/`,
      { method: 'POST', headers: { 'Content-Length': '0' } },
      [202],
    );
    const location = start.headers.get('location');
    if (!location)
      throw new RegistryError(`registry ${this.opts.host}: POST blob upload answered no Location`, start.status);
    const url = new URL(location, `${this.base}/`);
    url.searchParams.set('digest', digest);
    await this.call(
      `PUT blob ${digest}`,
      url.toString(),
      {
        method: 'PUT',
        body: new Uint8Array(bytes),
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) },
      },
      [201],
    );
    this.stats.bytesUploaded += bytes.length;
    this.stats.blobsUploaded++;
    return true;
  }

  /** PUTs a manifest under a tag; returns the digest the registry answers (or undefined). */
  async putManifest(reference: string, mediaType: string, bytes: Buffer): Promise<string | undefined> {
    const res = await this.call(
      `PUT manifest ${this.opts.repository}:${reference}`,
      `${this.base}/manifests/${reference}`,
      { method: 'PUT', body: new Uint8Array(bytes), headers: { 'Content-Type': mediaType } },
      [201],
    );
    this.stats.bytesUploaded += bytes.length;
    return res.headers.get('docker-content-digest') ?? undefined;
  }
}
