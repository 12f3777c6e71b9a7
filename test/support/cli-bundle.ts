/**
 * The CLI bundle built from this source tree, the way scripts/build.mjs builds dist/cli (ncc), into
 * a cache directory keyed by the sources' content: tests that must drive a real child process
 * (signals, two concurrent runs) run today's code even when the committed dist/ is older.
 */
import { execFileSync } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './repo-root.js';

function hashTree(dir: string, h: Hash): void {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) hashTree(p, h);
    else h.update(p).update(readFileSync(p));
  }
}

/** Path to `index.js` of a CLI bundle of the current sources (built once per source state). */
export function cliBundle(): string {
  const h = createHash('sha256');
  hashTree(path.join(REPO_ROOT, 'src'), h);
  const hash = h.update(readFileSync(path.join(REPO_ROOT, 'package-lock.json'))).digest('hex');
  const out = path.join(tmpdir(), `dd-ecs-monitor-cli-bundle-${hash.slice(0, 16)}`);
  const entry = path.join(out, 'index.js');
  if (!existsSync(entry)) {
    // Built aside and renamed into place: two test files may build at once.
    const partial = `${out}.${process.pid}`;
    const ncc = path.join(REPO_ROOT, 'node_modules/.bin/ncc');
    const args = ['build', 'src/cli.ts', '-o', partial, '--quiet', '--target', 'es2022'];
    execFileSync(ncc, args, { cwd: REPO_ROOT, stdio: 'ignore' });
    try {
      renameSync(partial, out);
    } catch {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return entry;
}
