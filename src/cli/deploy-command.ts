/** `deploy`: build, push, register, update and follow; exit 1 when anything failed or was rolled back. */
import path from 'node:path';
import { deploy } from '../deploy.js';
import { formatPhases } from '../deploy-phases.js';
import { streamLog } from '../log.js';
import { formatPlanText } from '../plan/index.js';
import { headSha } from '../git.js';
import type { DeployResult } from '../plan/types.js';
import type { Command } from './args.js';
import { type CliIo, printFindings } from './main.js';
import { changedFor } from './plan-command.js';

function formatDeployText(r: DeployResult): string {
  if (r.dryRun) return `${formatPlanText(r.plan)}\n\nDry run: nothing was built, pushed, registered or updated.`;
  const lines: string[] = [];
  for (const i of r.images) {
    const how = i.built ? (i.method ?? 'built and pushed') : 'reused from ECR';
    lines.push(
      `image   ${i.key}: ${i.imageRef} (${how}${i.fluentdDryRun?.startsWith('skipped') ? `; fluentd --dry-run ${i.fluentdDryRun}` : ''})`,
    );
  }
  for (const s of r.services) {
    const what =
      s.state === 'unchanged'
        ? 'unchanged'
        : s.ok
          ? `deployed ${s.taskDefinitionArn ?? ''}`.trim()
          : `FAILED: ${s.failure ?? s.state}`;
    lines.push(
      `service ${s.key}: ${what}${s.rolledBack ? ` (rolled back by ${s.rolledBack.by}: ${s.rolledBack.state})` : ''}`,
    );
  }
  for (const p of r.problems) lines.push(`problem: ${p}`);
  if (r.phases) lines.push(`phases: ${formatPhases(r.phases, r.bytesPushed)}`);
  lines.push(r.ok ? 'Deploy succeeded.' : 'Deploy FAILED.');
  return lines.join('\n');
}

export async function runDeploy(cmd: Extract<Command, { command: 'deploy' }>, io: CliIo): Promise<number> {
  const configPath = path.resolve(io.cwd, cmd.config);
  const root = path.dirname(configPath);
  const log = streamLog((l) => io.err(l));
  const changed = await changedFor(root, cmd.base, cmd.head);
  const result = await deploy({
    configPath,
    offline: false,
    changed,
    only: cmd.only,
    forceNewDeployment: cmd.forceNewDeployment,
    rebuild: cmd.rebuild,
    dryRun: cmd.dryRun,
    rollback: cmd.rollback,
    ...(cmd.waitTimeoutSeconds !== undefined ? { waitTimeoutSeconds: cmd.waitTimeoutSeconds } : {}),
    ...(cmd.pollIntervalSeconds !== undefined ? { pollIntervalSeconds: cmd.pollIntervalSeconds } : {}),
    waitForOtherDeployments: cmd.waitForOtherDeployments,
    gitSha: io.env.GITHUB_SHA ?? (await headSha(root)) ?? '',
    log,
    env: io.env,
  });
  printFindings(io, 'text', result.plan.findings, [], root);
  io.out(formatDeployText(result));
  // After the rollout (COMPLETED): does Datadog see what was deployed? Never rolls back.
  const { verifyAfterDeploy } = await import('./verify-command.js');
  const verification = await verifyAfterDeploy({
    result,
    configPath,
    changed,
    since: new Date(),
    verify: cmd.verify !== false,
    ...(cmd.verifyTimeoutSeconds !== undefined ? { timeoutSeconds: cmd.verifyTimeoutSeconds } : {}),
    ...(cmd.verifyFailOn ? { failOn: cmd.verifyFailOn } : {}),
    io,
    log,
  });
  return result.ok && (verification?.ok ?? true) ? 0 : 1;
}
