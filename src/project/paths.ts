/**
 * Repository paths from the project file. A path must stay inside the repository: absolute paths,
 * `..` that climbs out, and symlinks whose target is outside are refused before anything is read.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInside, realpathOrSelf } from '../checks/fs.js';

export type RepoPath =
  { ok: true; rel: string; abs: string; exists: boolean; dir: boolean } | { ok: false; problem: string };

/** Resolve `p` (as written in the project file) against the repository root. */
export function resolveRepoPath(root: string, p: string): RepoPath {
  if (p === '') return { ok: false, problem: 'the path is empty' };
  if (p.includes('\0')) return { ok: false, problem: 'the path holds a NUL character' };
  if (p.includes('\\')) return { ok: false, problem: 'write paths with "/", not "\\"' };
  if (path.posix.isAbsolute(p) || /^[A-Za-z]:/.test(p)) {
    return { ok: false, problem: 'absolute paths are not allowed: write it relative to the repository root' };
  }
  const rel = path.posix.normalize(p).replace(/\/+$/, '') || '.';
  if (rel === '..' || rel.startsWith('../')) return { ok: false, problem: 'the path leaves the repository' };
  const abs = path.join(root, rel);
  const realRoot = realpathOrSelf(root);
  let real: string | undefined;
  try {
    real = realpathSync(abs);
  } catch {
    real = undefined;
  }
  if (real !== undefined && !isInside(realRoot, real)) {
    return { ok: false, problem: 'the path is a symlink (or goes through one) that points outside the repository' };
  }
  if (real === undefined) return { ok: true, rel, abs, exists: false, dir: false };
  let dir = false;
  try {
    dir = statSync(real).isDirectory();
  } catch {
    return { ok: true, rel, abs, exists: false, dir: false };
  }
  return { ok: true, rel, abs, exists: true, dir };
}
