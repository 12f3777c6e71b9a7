/**
 * `init [DIR] [--dry-run] [--workflows] [--force]`: write the project file for a repository that has
 * none (and with --workflows the starter workflow), list what it had to guess, then validate. Never
 * overwrites without --force; --dry-run prints instead of writing and validates the printed text.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, type Command } from '../cli/args.js';
import { type CliIo, printFindings, VERSION } from '../cli/main.js';
import { exitCodeFor } from '../report/findings.js';
import { validateProject } from '../validate.js';
import { draftProject, type Draft } from './infer.js';
import { GUESS, renderProjectFile } from './render.js';
import { scanRepository } from './scan.js';

type InitCommand = Extract<Command, { command: 'init' }>;

export const WORKFLOW_PATH = '.github/workflows/dd-ecs-monitor.yml';
export const SCHEMA_IN_PACKAGE = 'schema/dd-ecs-monitor.schema.json';

export async function runInit(cmd: InitCommand, io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, cmd.dir);
  const shown = (p: string): string => {
    const rel = path.relative(io.cwd, path.join(root, p));
    return rel.startsWith('..') ? path.join(root, p) : rel || p;
  };
  if (!isDirectory(root)) {
    io.err(`dd-ecs-monitor: init: ${cmd.dir} is not a directory`);
    return 2;
  }
  const targets = [DEFAULT_CONFIG, ...(cmd.workflows ? [WORKFLOW_PATH] : [])];
  const existing = targets.filter((t) => existsSync(path.join(root, t)));
  if (!cmd.dryRun && !cmd.force && existing.length > 0) {
    io.err(
      `dd-ecs-monitor: init: ${existing.map(shown).join(' and ')} already exists; nothing written (--force overwrites)`,
    );
    return 2;
  }
  const scan = scanRepository(root);
  if (scan.dockerfiles.length === 0 && scan.taskDefs.length === 0) {
    io.err(
      `dd-ecs-monitor: init: no Dockerfile and no task definition (JSON or YAML with containerDefinitions) in ${shown('.')}`,
    );
    return 2;
  }
  const draft = draftProject(root, scan);
  const text = renderProjectFile(draft, schemaRef(root));
  const workflow = cmd.workflows ? workflowText(root, draft) : undefined;
  if (cmd.dryRun) {
    io.out(text.trimEnd());
    if (workflow !== undefined) io.out(`\n# --- ${WORKFLOW_PATH} ---\n${workflow.trimEnd()}`);
  } else {
    writeFileSync(path.join(root, DEFAULT_CONFIG), text);
    if (workflow !== undefined) {
      mkdirSync(path.join(root, path.dirname(WORKFLOW_PATH)), { recursive: true });
      writeFileSync(path.join(root, WORKFLOW_PATH), workflow);
    }
    io.err(
      `Wrote ${targets.map(shown).join(' and ')}: ${draft.images.length} image(s), ${draft.services.length} service(s).`,
    );
  }
  reportGuesses(text, draft, workflow !== undefined, shown, io);
  return validateDraft(root, cmd.dryRun ? text : undefined, io);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The `$schema` the first line points at: the installed package's copy when the repository has one
 * (offline, the exact version), else the same file of this version on the npm CDN (no install needed).
 */
export function schemaRef(root: string): string {
  const local = `node_modules/dd-ecs-monitor/${SCHEMA_IN_PACKAGE}`;
  if (existsSync(path.join(root, local))) return `./${local}`;
  return `https://cdn.jsdelivr.net/npm/dd-ecs-monitor@${VERSION}/${SCHEMA_IN_PACKAGE}`;
}

function reportGuesses(text: string, draft: Draft, workflow: boolean, shown: (p: string) => string, io: CliIo): void {
  const guesses = text
    .split('\n')
    .flatMap((l, i) =>
      l.includes(GUESS) && !l.startsWith('#')
        ? [`  ${shown(DEFAULT_CONFIG)}:${i + 1}: ${l.split(' #')[0]?.trim()}`]
        : [],
    );
  const notes = [...draft.notes];
  if (workflow)
    notes.push(
      `${WORKFLOW_PATH}: replace org/dd-ecs-monitor with the repository the action lives in, and set the role variables`,
    );
  if (guesses.length) io.err(`Check these guesses (no file here says them):\n${guesses.join('\n')}`);
  if (notes.length) io.err(`Also check:\n${notes.map((n) => `  ${n}`).join('\n')}`);
}

function validateDraft(root: string, text: string | undefined, io: CliIo): number {
  io.err('Validating it:');
  const result = validateProject(path.join(root, DEFAULT_CONFIG), text);
  const rel = (p: string): string => path.relative(io.cwd, path.resolve(root, p)).split(path.sep).join('/') || '.';
  printFindings(
    io,
    'text',
    result.findings,
    result.files.map((f) => ({ path: rel(f.path), kind: f.kind })),
    root,
  );
  return result.fatal ? 2 : exitCodeFor(result.findings);
}

/** The starter workflow with what the repository says filled in: its default branch and Region. */
function workflowText(root: string, draft: Draft): string {
  const template = readFileSync(new URL('../../workflow-templates/dd-ecs-monitor.yml', import.meta.url), 'utf8');
  const branch = defaultBranch(root);
  let text = template.replaceAll('$default-branch', branch);
  if (draft.region) text = text.replaceAll(/aws-region: \S+/g, `aws-region: ${draft.region.value}`);
  return text;
}

function defaultBranch(root: string): string {
  try {
    const head = readFileSync(path.join(root, '.git', 'HEAD'), 'utf8');
    return /^ref: refs\/heads\/(\S+)/.exec(head)?.[1] ?? 'main';
  } catch {
    return 'main';
  }
}
