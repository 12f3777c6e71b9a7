/** `plan`: what a deploy would do; `--offline` needs no AWS. */
import path from 'node:path';
import { streamLog } from '../log.js';
import { formatPlanText, makePlan } from '../plan/index.js';
import { changedFilesFromGit } from '../plan/git.js';
import type { ChangedFiles } from '../plan/types.js';
import { exitCodeFor } from '../report/findings.js';
import type { Command } from './args.js';
import { type CliIo, printFindings } from './main.js';

export async function changedFor(root: string, base: string | undefined, head: string | undefined): Promise<ChangedFiles> {
  if (!base) return { kind: 'all', reason: 'no --base given' };
  return changedFilesFromGit({ root, base, ...(head ? { head } : {}), mode: 'direct' });
}

export async function runPlan(cmd: Extract<Command, { command: 'plan' }>, io: CliIo): Promise<number> {
  const configPath = path.resolve(io.cwd, cmd.config);
  const root = path.dirname(configPath);
  const log = streamLog((l) => io.err(l));
  const plan = await makePlan({
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
  return plan.problems.length ? 1 : exitCodeFor(plan.findings);
}
