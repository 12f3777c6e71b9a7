/**
 * An image's identity is a hash of what its build reads: the Dockerfile bytes, the build args,
 * the base image references of every stage, the build's target platform and stage, and each
 * context file the Dockerfile uses (relative path, mode, bytes). Same inputs, same hash; so a
 * hash already present as a tag in ECR means the image need not be built again.
 *
 * Deliberately left out: mtimes, owners, file order on disk, context files the build never
 * reads and files `.dockerignore` excludes (the caller's file list already omits them), so a
 * fresh clone on another machine gets the same hash.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';

/** Bump when what goes into the hash changes, so old tags are not mistaken for new builds. */
export const CONTENT_HASH_FORMAT = 'dd-ecs-monitor/image-inputs/v1';

export interface ContentHashInput {
  /** Absolute path of the build context. */
  contextDir: string;
  /** Absolute path of the Dockerfile (it may live outside the context). */
  dockerfile: string;
  buildArgs?: Readonly<Record<string, string>>;
  /** Base image references of all stages, in stage order (`FROM` lines after ARG substitution). */
  baseImages: readonly string[];
  /** Context-relative paths (forward slashes) of the files the build reads. */
  files: readonly string[];
  /** `--platform`, when the build sets one: another platform is another image. */
  platform?: string;
  /** `--target` stage, when set. */
  target?: string;
  /**
   * Digests the floating base references resolved to (`resolveBaseDigests`): a tag moved upstream
   * is then another hash, so the image rebuilds. A reference absent here is hashed by name only.
   */
  baseDigests?: ReadonlyMap<string, string>;
}

/**
 * Fields are length-prefixed so that no two different inputs can produce the same byte
 * stream (`a=bc` + `d` vs `a=b` + `cd`).
 */
function field(h: Hash, name: string, value: string | Buffer): void {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  h.update(`${name} ${bytes.length}\n`);
  h.update(bytes);
  h.update('\n');
}

/**
 * Git records only "executable or not", and checkouts apply the local umask, so 0644 on one
 * runner is 0664 on another. Hashing the raw mode would rebuild for nothing; hashing the
 * executable bit keeps what matters to the image (COPY keeps the x bit).
 */
function normalMode(mode: number): string {
  return mode & 0o111 ? '755' : '644';
}

async function hashFileBytes(h: Hash, file: string, size: number): Promise<void> {
  h.update(`bytes ${size}\n`);
  // Streamed: a context may hold a large binary, and memory should not grow with it.
  await new Promise<void>((resolve, reject) => {
    createReadStream(file)
      .on('data', (chunk) => h.update(chunk))
      .on('error', reject)
      .on('end', resolve);
  });
  h.update('\n');
}

/** Code-unit order, not locale order: the same on every machine. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Hex sha256 of the image's inputs. */
export async function contentHash(input: ContentHashInput): Promise<string> {
  const h = createHash('sha256');
  field(h, 'format', CONTENT_HASH_FORMAT);
  field(h, 'dockerfile', await readFile(input.dockerfile));
  const args = Object.entries(input.buildArgs ?? {}).sort(([a], [b]) => byCodeUnit(a, b));
  field(h, 'build-args', String(args.length));
  for (const [k, v] of args) {
    field(h, 'arg-name', k);
    field(h, 'arg-value', v);
  }
  field(h, 'base-images', String(input.baseImages.length));
  for (const ref of input.baseImages) {
    field(h, 'base-image', ref);
    // Only when known, so a hash computed without the registry stays what it was.
    const digest = input.baseDigests?.get(ref);
    if (digest) field(h, 'base-digest', digest);
  }
  field(h, 'platform', input.platform ?? '');
  field(h, 'target', input.target ?? '');
  const files = [...new Set(input.files.map((f) => f.split(path.sep).join('/')))].sort(byCodeUnit);
  field(h, 'files', String(files.length));
  for (const rel of files) {
    field(h, 'path', rel);
    const abs = path.join(input.contextDir, rel);
    const st = await lstat(abs).catch(() => undefined);
    if (!st) {
      // The build would fail on it; the checks report it. The hash stays defined.
      field(h, 'missing', '');
    } else if (st.isSymbolicLink()) {
      // COPY copies a link inside the context as a link: its target text is what lands in the image.
      field(h, 'symlink', await readlink(abs));
    } else if (st.isFile()) {
      field(h, 'mode', normalMode(st.mode));
      await hashFileBytes(h, abs, st.size);
    } else {
      field(h, 'other', st.isDirectory() ? 'directory' : 'special');
    }
  }
  return h.digest('hex');
}

/** The ECR tag that carries a content hash: short enough to read, 128 bits so it never collides. */
export function contentTag(hash: string): string {
  return `content-${hash.slice(0, 32)}`;
}

/** A registry login, as the project gets one from ECR (`GetAuthorizationToken`) or `docker login`. */
export interface RegistryLogin {
  /** `host[:port]` as image references name it. */
  host: string;
  username: string;
  password: string;
}

export interface BaseDigestOptions {
  logins?: readonly RegistryLogin[];
  /** Per request; a registry that does not answer in time leaves its references unresolved. */
  timeoutMs?: number;
  /** Injected in unit tests; `fetch` otherwise. */
  fetch?: typeof fetch;
}

export interface BaseDigests {
  digests: Map<string, string>;
  /** One line per floating reference that could not be resolved. */
  notices: string[];
}

/** `[host/]name[:tag][@digest]` split the way Docker reads it (docker.io and `library/` implied). */
export function parseImageRef(ref: string): { host: string; name: string; tag: string; digest?: string } | undefined {
  const at = ref.indexOf('@');
  const digest = at === -1 ? undefined : ref.slice(at + 1);
  const rest = at === -1 ? ref : ref.slice(0, at);
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  const hasHost = slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = hasHost ? first : 'docker.io';
  let path = hasHost ? rest.slice(slash + 1) : rest;
  const colon = path.lastIndexOf(':');
  const tag = colon > path.lastIndexOf('/') ? path.slice(colon + 1) : 'latest';
  if (colon > path.lastIndexOf('/')) path = path.slice(0, colon);
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path))
    return undefined;
  if (host === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { host, name: path, tag, ...(digest ? { digest } : {}) };
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** Loopback registries speak plain HTTP (Docker treats 127.0.0.0/8 as insecure); all others HTTPS. */
function registryBase(host: string): string {
  if (host === 'docker.io') return 'https://registry-1.docker.io';
  const bare = host.replace(/:\d+$/, '');
  return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(bare) ? `http://${host}` : `https://${host}`;
}

/**
 * The digest a floating base reference points to now: a HEAD on its manifest through the registry
 * API (distribution spec: `Docker-Content-Digest`), with basic auth from `logins` (the ECR path) or
 * an anonymous bearer token where the registry asks for one (Docker Hub). References pinned by
 * digest, stages and `scratch` need nothing; the others that fail are notices, not errors.
 */
export async function resolveBaseDigests(refs: readonly string[], opts: BaseDigestOptions = {}): Promise<BaseDigests> {
  const out: BaseDigests = { digests: new Map(), notices: [] };
  const floating = [...new Set(refs)].filter(
    (ref) => ref !== 'scratch' && !ref.startsWith('stage:') && !parseImageRef(ref)?.digest,
  );
  // One request (two with a token) per distinct reference, all at once: each bounded by the timeout.
  const answers = await Promise.all(
    floating.map(async (ref) => {
      const parsed = parseImageRef(ref);
      return [ref, parsed ? await manifestDigest(parsed, opts).catch(() => undefined) : undefined] as const;
    }),
  );
  for (const [ref, digest] of answers) {
    if (digest) out.digests.set(ref, digest);
    else out.notices.push(`base image ${ref} not resolved to a digest: hashed by name until its registry answers`);
  }
  return out;
}

async function manifestDigest(
  ref: { host: string; name: string; tag: string },
  opts: BaseDigestOptions,
): Promise<string | undefined> {
  const doFetch = opts.fetch ?? fetch;
  const url = `${registryBase(ref.host)}/v2/${ref.name}/manifests/${encodeURIComponent(ref.tag)}`;
  const login = opts.logins?.find((l) => l.host === ref.host);
  const basic = login ? `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}` : undefined;
  const head = (authorization?: string): Promise<Response> =>
    doFetch(url, {
      method: 'HEAD',
      headers: { Accept: MANIFEST_TYPES, ...(authorization ? { Authorization: authorization } : {}) },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  let r = await head(basic);
  if (r.status === 401) {
    const token = await bearerToken(r.headers.get('www-authenticate') ?? '', basic, opts);
    if (token) r = await head(`Bearer ${token}`);
  }
  if (r.status !== 200) return undefined;
  const digest = r.headers.get('docker-content-digest');
  return digest && /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : undefined;
}

/** The token a `Bearer realm=...,service=...,scope=...` challenge asks for (docker token auth). */
async function bearerToken(
  challenge: string,
  basic: string | undefined,
  opts: BaseDigestOptions,
): Promise<string | undefined> {
  if (!/^Bearer\s/i.test(challenge)) return undefined;
  const params = new Map([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]));
  const realm = params.get('realm');
  if (!realm || !/^https?:\/\//.test(realm)) return undefined;
  const url = new URL(realm);
  for (const k of ['service', 'scope']) {
    const v = params.get(k);
    if (v) url.searchParams.set(k, v);
  }
  const r = await (opts.fetch ?? fetch)(url, {
    headers: basic ? { Authorization: basic } : {},
    signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
  });
  if (r.status !== 200) return undefined;
  const body = (await r.json()) as { token?: unknown; access_token?: unknown };
  const token = body.token ?? body.access_token;
  return typeof token === 'string' ? token : undefined;
}
