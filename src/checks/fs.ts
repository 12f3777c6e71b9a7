/**
 * The file view a checker resolves includes against. On disk for `check FILE`; the image's own
 * layout (from the Dockerfile's COPY lines) for `validate`, because Fluentd resolves `@include`
 * against the including file's directory *inside the container*.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { type Decoded, readSource } from './source.js';

export interface ConfigFs {
  /** Read a file by a path this view understands (what `glob` returns, or the entry path). */
  read(file: string): Decoded;
  /**
   * Expand an include pattern relative to the directory of `from`, sorted (Fluentd: `Dir.glob(p).sort`).
   * A pattern without glob characters returns itself when the file exists, else nothing.
   */
  glob(pattern: string, from: string): string[];
  /** The path findings show for a file of this view (repository-relative where possible). */
  display(file: string): string;
}

const GLOB_CHARS = /[*?[\]{}]/;
/** Walking a pattern like `/**\/*.conf` from a large directory must stay bounded. */
const MAX_WALK_ENTRIES = 20_000;

/** `abs` is `root` or below it (both absolute). */
export function isInside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** `realpath`, or the path itself when it does not resolve (missing, or a dangling link). */
export function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export function hasGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** Expand `pattern` (absolute, POSIX) against a lister of directory entries. Shared by disk and image views. */
export function expandGlob(
  pattern: string,
  list: (dir: string) => Array<{ name: string; dir: boolean }>,
  isFile: (p: string) => boolean,
): string[] {
  if (!hasGlob(pattern)) return isFile(pattern) ? [pattern] : [];
  const parts = pattern.split('/');
  const baseParts: string[] = [];
  for (const p of parts) {
    if (hasGlob(p)) break;
    baseParts.push(p);
  }
  const base = baseParts.join('/') || '/';
  const deep = parts.slice(baseParts.length).some((p) => p.includes('**'));
  const maxDepth = deep ? 32 : parts.length - baseParts.length;
  const isMatch = picomatch(pattern, { dot: false });
  const out: string[] = [];
  let seen = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > maxDepth || seen > MAX_WALK_ENTRIES) return;
    for (const e of list(dir)) {
      if (++seen > MAX_WALK_ENTRIES) return;
      const full = dir === '/' ? `/${e.name}` : `${dir}/${e.name}`;
      if (e.dir) walk(full, depth + 1);
      else if (isMatch(full)) out.push(full);
    }
  };
  walk(base, 1);
  return out.sort();
}

/**
 * Files on disk, confined to `root`: nothing outside it is read or listed, through a symlink
 * either. Findings show paths relative to `shownFrom` (default `root`), or absolute outside it.
 */
export class DiskFs implements ConfigFs {
  readonly root: string;
  private readonly realRoot: string;
  private readonly shownFrom: string;

  constructor(root: string, shownFrom: string = root) {
    this.root = path.resolve(root);
    this.realRoot = realpathOrSelf(this.root);
    this.shownFrom = path.resolve(shownFrom);
  }

  private inside(abs: string): boolean {
    return isInside(this.realRoot, realpathOrSelf(abs));
  }

  read(file: string): Decoded {
    const abs = path.resolve(this.root, file);
    return readSource(this.display(abs), abs);
  }

  glob(pattern: string, from: string): string[] {
    const abs = path.posix.resolve(path.dirname(path.resolve(this.root, from)).split(path.sep).join('/'), pattern);
    return expandGlob(
      abs,
      (dir) => {
        if (!this.inside(dir)) return [];
        try {
          return readdirSync(dir, { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
        } catch {
          return [];
        }
      },
      (p) => {
        if (!this.inside(p)) return false;
        try {
          return statSync(p).isFile();
        } catch {
          return false;
        }
      },
    ).filter((p) => this.inside(p));
  }

  display(file: string): string {
    const abs = path.resolve(this.root, file);
    return (isInside(this.shownFrom, abs) ? path.relative(this.shownFrom, abs) : abs).split(path.sep).join('/');
  }
}
