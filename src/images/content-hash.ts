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
  for (const ref of input.baseImages) field(h, 'base-image', ref);
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
