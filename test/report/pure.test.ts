/**
 * src/report renders data; writing to the runner (annotations, the job summary, setSecret, outputs)
 * stays in src/action. Nothing under src/report may import @actions/core, directly or through
 * another module of ours that does.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
/** Value imports only: `import type` is erased from the bundle. */
const imports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*?from '([^']+)'/gms)].map((m) => m[1] as string);

/** Every module `file` reaches through relative imports, itself included. */
function reach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of imports(file)) {
    if (spec.startsWith('.')) reach(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('src/report', () => {
  const files = readdirSync(path.join(SRC, 'report')).filter((f) => f.endsWith('.ts'));
  test.each(files)('%s never reaches @actions/core', (f) => {
    const users = [...reach(path.join(SRC, 'report', f))].filter((m) => imports(m).includes('@actions/core'));
    expect(users.map((m) => path.relative(SRC, m))).toEqual([]);
  });
});
