// Rebuilds dist/ from the sources: the action (dist/index.js) and the CLI (dist/cli/index.js).
// One command, deterministic output, so CI can check that the committed dist/ is fresh.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const ncc = (entry, out) =>
  execFileSync(
    'npx',
    ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'],
    {
      stdio: 'inherit',
    },
  );

// The project file's schema, compiled ahead of time into src/ (the CLI does not compile it on start).
execFileSync(process.execPath, ['scripts/gen-schema-validator.mjs'], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
ncc('src/index.ts', 'dist');
ncc('src/cli.ts', 'dist/cli');

const cli = 'dist/cli/index.js';
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
// ncc writes a package.json marking the folder as ESM only when needed; make it explicit for both.
for (const dir of ['dist', 'dist/cli']) {
  if (!existsSync(`${dir}/package.json`)) writeFileSync(`${dir}/package.json`, '{ "type": "module" }\n');
}
