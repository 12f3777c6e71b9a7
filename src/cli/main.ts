/**
 * The CLI's core: parse, run the command against the same core the action uses, print, and
 * return the exit status (0 fine, 1 findings or a failed deploy, 2 bad usage or an unreadable
 * project file). Nothing here throws to the entry: unexpected errors become one line and status 2.
 */
import path from 'node:path';
import { checkStandaloneFile } from '../checks/check-file.js';
import type { Finding } from '../checks/findings.js';
import { exitCodeFor, formatJson, formatText, rebase, summaryLine } from '../report/findings.js';
import { appendAll } from '../checks/findings.js';
import { formatSarif } from '../report/sarif.js';
import { noProjectFileMessage } from './no-project-file.js';
import { type Command, commandUsage, type FindingsFormat, parseCommand, UsageError, USAGE } from './args.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const defaultIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  cwd: process.cwd(),
  env: process.env,
};

export const VERSION = '1.0.0';

export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCommand(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`dd-ecs-monitor: ${err.message}\nRun "dd-ecs-monitor --help" for usage.`);
      return 2;
    }
    throw err;
  }
  try {
    switch (cmd.command) {
      case 'help':
        return printHelp(cmd.topic, io);
      case 'usage':
        io.err(USAGE);
        return 2;
      case 'init': {
        const { runInit } = await import('../init/command.js');
        return await runInit(cmd, io);
      }
      case 'version':
        io.out(VERSION);
        return 0;
      case 'check':
        return runCheck(cmd, io);
      case 'validate': {
        const { runValidate } = await import('./validate-command.js');
        return await runValidate(cmd, io);
      }
      case 'plan': {
        if (missingProjectFile(cmd.config, io)) return 2;
        const { runPlan } = await import('./plan-command.js');
        return await runPlan(cmd, io);
      }
      case 'deploy': {
        if (missingProjectFile(cmd.config, io)) return 2;
        const { runDeploy } = await import('./deploy-command.js');
        return await runDeploy(cmd, io);
      }
      case 'verify': {
        const { runVerify } = await import('./verify-command.js');
        return await runVerify(cmd, io);
      }
    }
  } catch (err) {
    // A bad --only, a --base git does not have, an unusable project file: the user's input, status 2.
    // Matched by name: importing those modules here would load the deploy code on every `check`.
    if (
      err instanceof UsageError ||
      (err instanceof Error && (err.name === 'PlanError' || err.name === 'GitHistoryError'))
    ) {
      io.err(`dd-ecs-monitor: ${err.message}`);
      return 2;
    }
    io.err(`dd-ecs-monitor: ${cmd.command} failed: ${err instanceof Error ? err.message : String(err)}`);
    // AWS or docker failing under plan or deploy is a failed run (1); anything else escaping validate/check is not the user's files (2).
    return cmd.command === 'deploy' || cmd.command === 'plan' || cmd.command === 'verify' ? 1 : 2;
  }
}

/** True (and the message printed) when the project file does not exist. */
function missingProjectFile(config: string, io: CliIo): boolean {
  const message = noProjectFileMessage(path.resolve(io.cwd, config), io.cwd);
  if (message) io.err(message);
  return message !== undefined;
}

/** `--help`, `help`, `COMMAND --help`, `help COMMAND`: the whole usage or one command's. */
function printHelp(topic: string | undefined, io: CliIo): number {
  if (topic === undefined) {
    io.out(USAGE);
    return 0;
  }
  const one = commandUsage(topic);
  if (one === undefined) {
    io.err(`dd-ecs-monitor: no command "${topic}"\n${USAGE}`);
    return 2;
  }
  io.out(one);
  return 0;
}

function runCheck(cmd: Extract<Command, { command: 'check' }>, io: CliIo): number {
  const findings: Finding[] = [];
  const files: Array<{ path: string; kind: string }> = [];
  for (const file of cmd.files) {
    const r = checkStandaloneFile(file, { kind: cmd.kind, cwd: io.cwd });
    appendAll(findings, r.findings);
    files.push({ path: r.path, kind: r.kind });
  }
  printFindings(io, cmd.format, findings, files);
  return exitCodeFor(findings, cmd.failOn);
}

export function printFindings(
  io: CliIo,
  format: FindingsFormat,
  findings: readonly Finding[],
  files: ReadonlyArray<{ path: string; kind: string }>,
  rebaseFrom?: string,
): void {
  const shown = rebaseFrom ? rebase(findings, rebaseFrom, io.cwd) : [...findings];
  if (format === 'json') {
    io.out(formatJson(shown, files));
    return;
  }
  if (format === 'sarif') {
    // Paths relative to the working directory: run from the repository root for code scanning.
    io.out(formatSarif(shown, { version: VERSION }));
    return;
  }
  const text = formatText(shown);
  if (text) io.out(text);
  // plan and deploy pass no file list: they print findings only when there are some.
  if (files.length || shown.length) io.err(summaryLine(shown, files.length));
}
