/**
 * The first thing a new user meets is often "no project file": say how to get one (`init`) and
 * where it is documented, instead of only "file not found".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The message for a project file that does not exist, or undefined when it does. */
export function noProjectFileMessage(configPath: string, cwd: string): string | undefined {
  if (existsSync(configPath)) return undefined;
  const shown = path.relative(cwd, configPath) || configPath;
  const dir = path.relative(cwd, path.dirname(configPath)) || '.';
  const initCmd = dir === '.' ? 'dd-ecs-monitor init' : `dd-ecs-monitor init ${dir}`;
  return [
    `dd-ecs-monitor: no project file ${shown}.`,
    `  Run "${initCmd}" to write one from this repository's Dockerfiles and task definitions,`,
    "  or pass --config FILE. The format is in dd-ecs-monitor's docs/project-file.md",
    '  (node_modules/dd-ecs-monitor/docs/project-file.md once installed).',
  ].join('\n');
}
