/**
 * One action run, from typed inputs to a report: the event says what to compare, git (or the API)
 * says what changed, the command runs (validate, plan or deploy, on the same core as the CLI), and
 * the outcome is published once: annotations on the exact lines, the job summary, the sticky PR
 * comment and the outputs. Then, if anything fails the run, one error with the count is thrown
 * for `run()` to report: this module never calls `setFailed` itself.
 */
import * as core from '@actions/core';
import path from 'node:path';
import { dedupeFindings } from '../checks/findings.js';
import { type GitHubApi, githubApi } from '../github/api.js';
import { resolveChanges } from '../github/changes.js';
import { type EventInfo, readEvent } from '../github/event.js';
import { rangeFromEvent } from '../github/range.js';
import { InputError, type Inputs } from '../inputs.js';
import type { DeployResult, Plan } from '../plan/types.js';
import { failureMessage, toWorkspacePaths } from '../report/annotations.js';
import type { ReportModel } from '../report/summary.js';
import { validateProject } from '../validate.js';
import { actionLog } from './log.js';
import { computeOutputs, setOutputs } from './outputs.js';
import { publish } from './publish.js';
import { sitesForRun } from './sites.js';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

interface RunContext {
  env: NodeJS.ProcessEnv;
  event: EventInfo;
  workspace: string;
  configPath: string;
  root: string;
  /** The project file, workspace-relative: how the report and the comment marker name it. */
  configFile: string;
}

function runContext(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): RunContext {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const configPath = path.resolve(workspace, inputs.config);
  return {
    env,
    event: readEvent(env),
    workspace,
    configPath,
    root: path.dirname(configPath),
    configFile: path.relative(workspace, configPath).split(path.sep).join('/') || path.basename(configPath),
  };
}


export async function runAction(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = actionLog();
  const ctx = runContext(inputs, env);
  const { event } = ctx;
  core.info(`Event: ${event.name || 'none (local run)'}${event.sha ? ` at ${event.sha.slice(0, 7)}` : ''}; project ${ctx.configFile}`);

  if (inputs.command === 'deploy' && event.pullRequest) {
    throw new InputError('input "command" is deploy, but this is a pull request event: deploy from push or workflow_dispatch (pull requests run validate or plan)');
  }
  const range = rangeFromEvent(event, { base: inputs.base });
  if (range.kind === 'none') {
    core.info(range.reason);
    setOutputs(computeOutputs({ findings: [], ok: true }));
    return;
  }

  const fromFork = event.pullRequest?.fromFork === true;
  const api: GitHubApi | undefined = inputs.githubToken && event.repo ? withCompareCache(await githubApi({ token: inputs.githubToken, repo: event.repo })) : undefined;
  const { changed } = await resolveChanges({
    range,
    root: ctx.root,
    workspace: ctx.workspace,
    log,
    fetchHistory: inputs.fetchHistory,
    ...(api ? { compare: (b: string, h: string) => api.compare(b, h) } : {}),
  });
  const changedLine =
    changed.kind === 'files'
      ? `${changed.files.length} file${changed.files.length === 1 ? '' : 's'} in the project changed (${range.kind === 'range' ? range.why : ''})`
      : changed.reason;
  core.info(`What changed: ${changedLine}`);

  const notes: string[] = [];
  const validation = validateProject(ctx.configPath);
  // The project file's `region` wins (resolveRegion); the input fills in when it has none.
  const commandEnv = inputs.awsRegion ? { ...env, AWS_REGION: inputs.awsRegion, AWS_DEFAULT_REGION: inputs.awsRegion } : env;
  const planOptions = {
    configPath: ctx.configPath,
    offline: inputs.offline,
    changed,
    only: inputs.only,
    forceNewDeployment: inputs.forceNewDeployment,
    rebuild: inputs.rebuild,
    log,
    env: commandEnv,
    validation,
  };

  let plan: Plan | undefined;
  let deployed: DeployResult | undefined;
  let error: string | undefined;
  if (validation.fatal) {
    error = `cannot use the project file ${ctx.configFile}: ${validation.findings[0]?.message ?? 'unreadable'}`;
  } else if (inputs.command === 'plan' && fromFork) {
    const why = 'Plan skipped: pull requests from forks get no AWS role and a read-only token. The files were validated; a maintainer can run the plan by re-running this workflow from a branch of this repository.';
    core.notice(why, { title: 'dd-ecs-monitor' });
    notes.push(why);
  } else if (inputs.command === 'plan') {
    try {
      const { makePlan } = await import('../plan/index.js');
      plan = await makePlan(planOptions);
    } catch (err) {
      error = `plan failed: ${message(err)}`;
    }
  } else if (inputs.command === 'deploy') {
    try {
      const { deploy } = await import('../deploy.js');
      deployed = await deploy({
        ...planOptions,
        dryRun: inputs.dryRun,
        rollback: inputs.rollback,
        ...(inputs.waitTimeoutSeconds !== undefined ? { waitTimeoutSeconds: inputs.waitTimeoutSeconds } : {}),
        ...(inputs.pollIntervalSeconds !== undefined ? { pollIntervalSeconds: inputs.pollIntervalSeconds } : {}),
        waitForOtherDeployments: inputs.waitForOtherDeployments,
        gitSha: event.push?.after || event.sha,
      });
    } catch (err) {
      error = `deploy failed: ${message(err)}`;
    }
  }

  const projectFindings = [...validation.findings, ...(plan?.findings ?? []), ...(deployed?.plan.findings ?? [])];
  const findings = dedupeFindings(toWorkspacePaths(projectFindings, ctx.root, ctx.workspace));
  const sitesRaw = validation.fatal ? undefined : await sitesForRun({ validation, changed, range, root: ctx.root, workspace: ctx.workspace, ...(api ? { api } : {}) });
  // The report shows workspace-relative paths, as the annotations do.
  const prefix = path.relative(ctx.workspace, ctx.root).split(path.sep).join('/');
  const toWs = (f: string): string => (prefix ? `${prefix}/${f}` : f);
  const sites =
    sitesRaw && !('unavailable' in sitesRaw)
      ? {
          ...sitesRaw,
          added: sitesRaw.added.map((s) => ({ ...s, file: toWs(s.file) })),
          removed: sitesRaw.removed.map((s) => ({ ...s, file: toWs(s.file) })),
          changed: sitesRaw.changed.map((s) => ({ ...s, file: toWs(s.file) })),
        }
      : sitesRaw;

  const model: ReportModel = {
    command: inputs.command,
    configFile: ctx.configFile,
    findings,
    failOn: inputs.failOn,
    ...(sites ? { sites } : {}),
    changed: changedLine,
    ...(plan ? { plan } : {}),
    ...(deployed ? { deploy: deployed } : {}),
    notes,
    ...(error ? { error } : {}),
    ...(event.sha ? { sha: event.pullRequest?.headSha || event.sha } : {}),
    ...(event.runUrl ? { runUrl: event.runUrl } : {}),
    ...(event.repo ? { blobUrl: `${event.serverUrl}/${event.repo.owner}/${event.repo.repo}/blob/${event.pullRequest?.headSha || event.sha}` } : {}),
  };

  const failures = [
    error,
    failureMessage(findings, inputs.failOn),
    plan?.problems.length ? `plan found ${plan.problems.length} problem(s) that would stop the deploy: ${plan.problems.join('; ')}` : undefined,
    deployed && !deployed.ok && !error ? deployFailure(deployed) : undefined,
  ].filter((x): x is string => Boolean(x));

  const published = await publish({ inputs, event, model, findings, api, log, fromFork });
  setOutputs(computeOutputs({ findings, changed, ...(sites && !('unavailable' in sites) ? { sites } : {}), ...(plan ? { plan } : {}), ...(deployed ? { deploy: deployed } : {}), ...(published.commentUrl ? { commentUrl: published.commentUrl } : {}), ok: failures.length === 0 }));

  if (failures.length) throw new Error(failures.join('; '));
}

function deployFailure(d: DeployResult): string {
  const services = d.services.filter((s) => !s.ok).map((s) => `${s.key}: ${s.failure ?? s.state}`);
  return `deploy failed: ${[...d.problems, ...services].join('; ') || 'see the job summary'}`;
}

/** What changed and the sites' merge base both ask the compare API the same question: ask it once. */
function withCompareCache(api: GitHubApi): GitHubApi {
  const cache = new Map<string, ReturnType<GitHubApi['compare']>>();
  return {
    ...api,
    compare: (base, head) => {
      const key = `${base}...${head}`;
      let answer = cache.get(key);
      if (!answer) {
        answer = api.compare(base, head);
        cache.set(key, answer);
      }
      return answer;
    },
  };
}
