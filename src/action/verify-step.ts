/**
 * The action's verification in Datadog, after a deploy or as `command: verify` (what the event's
 * range changed, every file on a manual run; data of the last 15 minutes): keys from the inputs (else DD_API_KEY /
 * DD_APP_KEY / DD_SITE), masked before use; skipped with the reason when they are missing or
 * `verify: false`. Results go to the log, the `verification` output (JSON) and, after the main
 * report, the job summary. A failed verification fails the run but never rolls anything back.
 */
import * as core from '@actions/core';
import type { Inputs } from '../inputs.js';
import { redact } from '../log.js';
import type { ChangedFiles, DeployResult } from '../plan/types.js';
import { writeJobSummary } from './publish.js';
import type { ValidationResult } from '../validate.js';
import type { VerificationReport } from '../verify/index.js';
import type { ActionLog } from './log.js';

export interface VerifyStepOptions {
  inputs: Inputs;
  env: NodeJS.ProcessEnv;
  deployed: DeployResult | undefined;
  validation: ValidationResult;
  changed: ChangedFiles;
  root: string;
  log: ActionLog;
  /** The report's notes: the verification's headline lands there. */
  notes: string[];
}

export interface VerifyStepResult {
  report?: VerificationReport;
  /** Why the run fails, when it does. */
  failure?: string;
}

export async function verifyStep(o: VerifyStepOptions): Promise<VerifyStepResult> {
  const { inputs, deployed } = o;
  if (inputs.command === 'verify') return verifyCommand(o);
  if (inputs.command !== 'deploy' || !deployed || deployed.dryRun || !deployed.ok) return {};
  if (inputs.verify === false) {
    o.notes.push('Verification in Datadog skipped: input "verify" is false.');
    core.info('Verification in Datadog skipped: input "verify" is false');
    return {};
  }
  const deployedServices = deployed.services.filter((s) => s.ok && (s.registered || s.updated)).map((s) => s.key);
  // The rollout is COMPLETED now: older data may come from the old tasks.
  return verifyAndReport(o, deployedServices, new Date(), false);
}

/** `command: verify`: what the event's range changed (every file on a manual run), data of the last 15 minutes. */
async function verifyCommand(o: VerifyStepOptions): Promise<VerifyStepResult> {
  const { servicesTouched } = await import('../verify/targets.js');
  const services = servicesTouched(o.validation, o.changed.kind === 'files' ? o.changed.files : undefined);
  return verifyAndReport(o, services, new Date(Date.now() - 15 * 60_000), true);
}

async function verifyAndReport(
  o: VerifyStepOptions,
  deployedServices: string[],
  since: Date,
  required: boolean,
): Promise<VerifyStepResult> {
  const { inputs, log } = o;
  const v = await import('../verify/index.js');
  const settings = {
    apiKey: inputs.datadogApiKey ?? o.env.DD_API_KEY,
    appKey: inputs.datadogAppKey ?? o.env.DD_APP_KEY,
    site: inputs.datadogSite ?? o.env.DD_SITE,
  };
  const report = await v.verifyInDatadog({
    validation: o.validation,
    required,
    scope: {
      all: false,
      deployedServices,
      ...(o.changed.kind === 'files'
        ? { changedFiles: o.changed.files, sites: await v.sitesDiffFromGit(o.root, o.validation, o.changed) }
        : {}),
    },
    settings,
    since,
    log,
    ...(inputs.verifyTimeoutSeconds !== undefined ? { timeoutSeconds: inputs.verifyTimeoutSeconds } : {}),
    ...(inputs.verifyFailOn ? { failOn: inputs.verifyFailOn } : {}),
  });
  core.startGroup('Verification in Datadog');
  for (const line of v.formatVerificationText(report).split('\n')) core.info(line);
  core.endGroup();
  const headline = v.headline(report);
  if (report.status === 'failed' || report.status === 'error') core.error(headline, { title: 'dd-ecs-monitor verify' });
  else if (report.status === 'warnings') core.warning(headline, { title: 'dd-ecs-monitor verify' });
  else core.info(headline);
  o.notes.push(headline);
  core.setOutput('verification', JSON.stringify(report));
  return { report, ...(report.ok ? {} : { failure: headline }) };
}

/** The verification's section of the job summary, written after the main report. */
export async function publishVerification(r: VerifyStepResult, inputs: Inputs, log: ActionLog): Promise<void> {
  if (!r.report || !inputs.summary) return;
  const { verificationMarkdown } = await import('../verify/index.js');
  await writeJobSummary(redact(verificationMarkdown(r.report), log.masked));
}
