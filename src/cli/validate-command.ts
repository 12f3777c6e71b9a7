/** `validate`: the project and everything it references; findings printed, status from their severities. */
import path from 'node:path';
import { exitCodeFor } from '../report/findings.js';
import { validateProject } from '../validate.js';
import type { Command } from './args.js';
import { type CliIo, printFindings } from './main.js';
import { noProjectFileMessage } from './no-project-file.js';

export async function runValidate(cmd: Extract<Command, { command: 'validate' }>, io: CliIo): Promise<number> {
  const configPath = path.resolve(io.cwd, cmd.config);
  const result = validateProject(configPath);
  const root = path.dirname(configPath);
  const rel = (p: string): string => path.relative(io.cwd, path.resolve(root, p)).split(path.sep).join('/') || '.';
  printFindings(
    io,
    cmd.format,
    result.findings,
    result.files.map((f) => ({ path: rel(f.path), kind: f.kind })),
    root,
  );
  if (result.fatal) {
    if (cmd.format !== 'json') io.err(`dd-ecs-monitor: cannot use the project file ${rel(path.basename(configPath))}`);
    const missing = noProjectFileMessage(configPath, io.cwd);
    if (missing) io.err(missing);
    return 2;
  }
  return exitCodeFor(result.findings, cmd.failOn);
}
