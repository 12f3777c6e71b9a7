/**
 * `verify`: ask Datadog whether what the last commit changed (everything with --all) reports,
 * and `deploy`'s verification after a rollout. Exit 1 when the fail-on policy fails (or Datadog
 * cannot be asked), 2 without keys or with an unusable project file. Never rolls anything back.
 */
import path from 'node:path';
import { streamLog, type Log } from '../log.js';
import type { ChangedFiles, DeployResult } from '../plan/types.js';
import { validateProject } from '../validate.js';
import {
  formatVerificationText,
  lastCommitChange,
  sitesDiffFromGit,
  verifyInDatadog,
  type VerificationReport,
} from '../verify/index.js';
import { settingsFromEnv } from '../verify/endpoint.js';
import { servicesTouched } from '../verify/targets.js';
import type { Command } from './args.js';
import type { CliIo } from './main.js';

const DEFAULT_SINCE_MS = 15 * 60_000;

export async function runVerify(cmd: Extract<Command, { command: 'verify' }>, io: CliIo): Promise<number> {
  const configPath = path.resolve(io.cwd, cmd.config);
  const root = path.dirname(configPath);
  const validation = validateProject(configPath);
  if (validation.fatal || !validation.project) {
    io.err(
      `dd-ecs-monitor: cannot use the project file ${cmd.config}: ${validation.findings[0]?.message ?? 'unreadable'}`,
    );
    return 2;
  }
  const log = streamLog((l) => io.err(l));
  const changed = cmd.all ? undefined : await lastCommitChange(root);
  const notes: string[] = [];
  if (!cmd.all && !changed)
    notes.push('what the last commit changed is unknown (no git history): everything was verified');
  const report = await verifyInDatadog({
    validation,
    scope: {
      all: cmd.all || !changed,
      // No deploy to go by: the services whose images carry a file the commit changed.
      deployedServices: servicesTouched(validation, changed?.kind === 'files' ? changed.files : undefined),
      ...(changed ? { changedFiles: changed.kind === 'files' ? changed.files : undefined } : {}),
      ...(changed ? { sites: await sitesDiffFromGit(root, validation, changed) } : {}),
    },
    settings: settingsFromEnv(io.env),
    since: cmd.since ?? new Date(Date.now() - DEFAULT_SINCE_MS),
    log,
    required: true,
    ...(cmd.timeoutSeconds !== undefined ? { timeoutSeconds: cmd.timeoutSeconds } : {}),
    ...(cmd.pollIntervalSeconds !== undefined ? { pollIntervalSeconds: cmd.pollIntervalSeconds } : {}),
    ...(cmd.failOn ? { failOn: cmd.failOn } : {}),
  });
  report.notes.push(...notes);
  if (cmd.format === 'json') io.out(JSON.stringify({ verification: report }, null, 2));
  else io.out(formatVerificationText(report));
  if (report.status === 'error' && report.reason?.startsWith('no DD_')) return 2;
  return report.ok ? 0 : 1;
}

export interface AfterDeploy {
  result: DeployResult;
  configPath: string;
  changed: ChangedFiles;
  /** When the rollout finished: data older than this may come from the old tasks. */
  since: Date;
  verify: boolean;
  timeoutSeconds?: number;
  failOn?: Extract<Command, { command: 'deploy' }>['verifyFailOn'];
  io: CliIo;
  log: Log;
}

/** `deploy`'s verification: the deployed services, the change's sites; skipped (with why) without keys. */
export async function verifyAfterDeploy(a: AfterDeploy): Promise<VerificationReport | undefined> {
  const { result, io } = a;
  if (result.dryRun || !result.ok) return undefined;
  if (!a.verify) {
    io.out('Verification in Datadog skipped: --no-verify.');
    return undefined;
  }
  const validation = validateProject(a.configPath);
  if (!validation.project) return undefined;
  const root = path.dirname(a.configPath);
  const deployedServices = result.services.filter((s) => s.ok && (s.registered || s.updated)).map((s) => s.key);
  const report = await verifyInDatadog({
    validation,
    scope: {
      all: false,
      deployedServices,
      ...(a.changed.kind === 'files'
        ? { changedFiles: a.changed.files, sites: await sitesDiffFromGit(root, validation, a.changed) }
        : {}),
    },
    settings: settingsFromEnv(io.env),
    since: a.since,
    log: a.log,
    ...(a.timeoutSeconds !== undefined ? { timeoutSeconds: a.timeoutSeconds } : {}),
    ...(a.failOn ? { failOn: a.failOn } : {}),
  });
  io.out(formatVerificationText(report));
  return report;
}
