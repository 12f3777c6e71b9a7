// Release helpers for .github/workflows/release.yml; each subcommand is a plain file transform or
// check, so test/release/release.test.ts runs the same code the workflow does.
//
//   node scripts/release/release.mjs version [TAG_OR_VERSION]
//       Checks that the version (from the pushed tag `vX.Y.Z` or the dispatch input `X.Y.Z`) is semver and
//       equals package.json's "version"; prints `version=X.Y.Z`, `tag=vX.Y.Z`, `major=vX` (for $GITHUB_OUTPUT).
//   node scripts/release/release.mjs notes VERSION
//       Prints the CHANGELOG.md section of VERSION (the release notes); exits 1 when there is none.
//   node scripts/release/release.mjs pin OWNER/REPO TAG
//       Rewrites the reusable workflows so that they run the action from OWNER/REPO at TAG, and the
//       starter workflow so that it calls the reusable workflows at TAG's major tag.
//
// Why pin at release time: a reusable workflow cannot say "the action from my own repository at my own
// ref" in `uses:` (`./` is the caller's checkout, and `uses:` takes no expressions). The release commit
// is therefore made with the exact `OWNER/REPO@vX.Y.Z` written in, and tagged: a caller pinned to
// `@vX.Y.Z` (or to that commit's SHA, or to `@vX` while it points there) runs the action of the same
// release. It works for private and internal repositories through the Actions access policy alone (no
// checkout token) and on GitHub Enterprise Server, where the newer `job.workflow_*` context is missing.
/* global process, console */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The placeholder the unreleased files carry: `org/dd-ecs-monitor`. */
const PLACEHOLDER = 'org/dd-ecs-monitor';
const REUSABLE = ['.github/workflows/validate.yml', '.github/workflows/deploy.yml'];
const STARTER = 'workflow-templates/dd-ecs-monitor.yml';
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;
const REPO = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function read(root, file) {
  return readFileSync(path.join(root, file), 'utf8');
}

function version(root, given) {
  const v = (given ?? '').replace(/^refs\/tags\//, '').replace(/^v/, '');
  if (!SEMVER.test(v)) fail(`"${given ?? ''}" is not a version: push a tag vX.Y.Z or give X.Y.Z`);
  const pkg = JSON.parse(read(root, 'package.json')).version;
  if (pkg !== v)
    fail(`package.json says version ${pkg}, the release is ${v}: bump package.json (and CHANGELOG.md) first`);
  const major = v.split('.')[0];
  console.log(`version=${v}\ntag=v${v}\nmajor=v${major}`);
}

function notes(root, v) {
  if (!v || !SEMVER.test(v)) fail('notes needs a version X.Y.Z');
  const lines = read(root, 'CHANGELOG.md').split('\n');
  const head = new RegExp(`^## \\[?v?${v.replace(/\./g, '\\.')}\\]?(\\s|$)`);
  const start = lines.findIndex((l) => head.test(l));
  if (start < 0) fail(`CHANGELOG.md has no "## ${v}" section: write the release notes there first`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^## /.test(l));
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').replace(/^\s*\n|\s*$/g, '');
  if (!body) fail(`the CHANGELOG.md section of ${v} is empty`);
  console.log(body);
}

function pin(root, repo, tag) {
  if (!REPO.test(repo ?? '')) fail(`"${repo ?? ''}" is not OWNER/REPO`);
  if (!/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(tag ?? '')) fail(`"${tag ?? ''}" is not a release tag vX.Y.Z`);
  const major = tag.split('.')[0];
  const action = new RegExp(`${PLACEHOLDER.replace('/', '\\/')}@v\\d+\\b`, 'g');
  const workflow = new RegExp(
    `${PLACEHOLDER.replace('/', '\\/')}(/\\.github/workflows/[\\w.-]+\\.ya?ml)@v\\d+\\b`,
    'g',
  );
  for (const file of REUSABLE) {
    const before = read(root, file);
    const after = before.replace(workflow, `${repo}$1@${tag}`).replace(action, `${repo}@${tag}`);
    if (!after.includes(`uses: ${repo}@${tag}`)) fail(`${file} has no "uses: ${PLACEHOLDER}@vN" step to pin`);
    writeFileSync(path.join(root, file), after);
    console.error(`${file}: the action runs from ${repo}@${tag}`);
  }
  const starter = read(root, STARTER).replace(workflow, `${repo}$1@${major}`);
  writeFileSync(path.join(root, STARTER), starter);
  console.error(`${STARTER}: calls ${repo}'s reusable workflows at ${major}`);
}

const [cmd, ...args] = process.argv.slice(2);
const root = process.env.RELEASE_ROOT ?? process.cwd();
if (cmd === 'version') version(root, args[0]);
else if (cmd === 'notes') notes(root, args[0]);
else if (cmd === 'pin') pin(root, args[0], args[1]);
else fail('usage: release.mjs version TAG | notes VERSION | pin OWNER/REPO TAG');
