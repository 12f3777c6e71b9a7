/** `plan`: what a deploy would do; `--offline` needs no AWS; `--out DIR` writes the task definitions. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { changedFilesFromGit } from '../git.js';
import { streamLog } from '../log.js';
import { formatPlanText } from '../plan/index.js';
import type { ChangedFiles } from '../plan/types.js';
import { planProjectWithTaskDefinitions } from '../plan-project.js';
import { exitCodeFor } from '../report/findings.js';
import type { Command } from './args.js';
import { type CliIo, printFindings } from './main.js';

export async function changedFor(root: string, base?: string, head?: string): Promise<ChangedFiles> {
  if (!base) return { kind: 'all', reason: 'no --base given' };
  return changedFilesFromGit({ root, base, ...(head ? { head } : {}), mode: 'direct' });
}

/**
 * `DIR/<service key>.json`, byte for byte the RegisterTaskDefinition input (plain values unmasked:
 * a file for a tool to read, never printed). Offline, digests and unknown ids are placeholders.
 */
export async function writeTaskDefinitions(dir: string, taskDefinitions: Record<string, unknown>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [key, td] of Object.entries(taskDefinitions)) {
    const file = path.join(dir, `${key}.json`);
    await writeFile(file, `${JSON.stringify(td, null, 2)}\n`);
    written.push(file);
  }
  return written;
}

export async function runPlan(cmd: Extract<Command, { command: 'plan' }>, io: CliIo): Promise<number> {
  const configPath = path.resolve(io.cwd, cmd.config);
  const root = path.dirname(configPath);
  const log = streamLog((l) => io.err(l));
  const { plan, taskDefinitions } = await planProjectWithTaskDefinitions({
    configPath,
    offline: cmd.offline,
    changed: await changedFor(root, cmd.base, cmd.head),
    only: cmd.only,
    log,
    env: io.env,
  });
  if (cmd.format === 'json') {
    io.out(JSON.stringify(plan, null, 2));
  } else {
    printFindings(io, 'text', plan.findings, [], root);
    io.out(formatPlanText(plan));
  }
  if (cmd.out !== undefined) {
    const written = await writeTaskDefinitions(path.resolve(io.cwd, cmd.out), taskDefinitions);
    for (const f of written) io.err(`wrote ${path.relative(io.cwd, f) || f}`);
  }
  return plan.problems.length ? 1 : exitCodeFor(plan.findings);
}
