/**
 * A check config must land where the agent reads it: `/etc/datadog-agent/conf.d/<check>.d/`
 * (config_reader.go: CONFIG-FACTS A1). A repository file laid out as a check config
 * (`.../conf.d/<check>.d/*.yaml`) that the Dockerfile copies anywhere else is never loaded, and
 * nothing else would say so: it is not even classified as a check config.
 */
import { type Finding, finding } from '../findings.js';
import { agentConfPath } from '../agent/index.js';
import type { CopyInstruction } from '../../project/dockerfile.js';
import type { World } from './world.js';

const LOOKS_LIKE_CHECK = /(?:^|\/)conf\.d\/[^/]+\.d\/[^/]+\.ya?ml(?:\.default)?$/;

function copyOf(copies: readonly CopyInstruction[], imagePath: string): CopyInstruction | undefined {
  return [...copies]
    .reverse()
    .find((c) => imagePath === c.dest || imagePath.startsWith(`${c.dest === '/' ? '' : c.dest}/`));
}

export function confPlacement(world: World): Finding[] {
  const out: Finding[] = [];
  for (const layout of world.layouts.values()) {
    const final = layout.dockerfile.stages[layout.dockerfile.stages.length - 1];
    if (!final) continue;
    for (const [imagePath, repoPath] of layout.files) {
      if (!LOOKS_LIKE_CHECK.test(repoPath) || agentConfPath(imagePath) !== undefined) continue;
      if (world.project.files[repoPath] === 'ignore') continue;
      const check = /([^/]+)\.d\/[^/]+$/.exec(repoPath)?.[1] ?? 'CHECK';
      const copy = copyOf(final.copies, imagePath);
      const pos = copy ? { line: copy.line, column: copy.column } : { line: 1, column: 1 };
      out.push(
        finding(
          layout.dockerfile.file,
          pos,
          'error',
          'cross/conf-not-loaded',
          `${repoPath} is copied to ${imagePath}, where the agent never reads it (it loads /etc/datadog-agent/conf.d/<check>.d/*.yaml): copy it to /etc/datadog-agent/conf.d/${check}.d/${repoPath.split('/').pop() ?? 'conf.yaml'}`,
        ),
      );
    }
  }
  return out;
}
