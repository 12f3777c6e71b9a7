/**
 * One action run, from typed inputs to a report: the event says what to compare, git (or the API)
 * says what changed, the command runs (validate, plan or deploy, on the same core as the CLI), and
 * the outcome is published once: annotations on the exact lines, the job summary, the sticky PR
 * comment and the outputs. Then, if anything fails the run, one error with the count is thrown
 * for `run()` to report: this module never calls `setFailed` itself.
 */
import * as core from '@actions/core';
import path from 'node:path';
import { dedupeFindings, type Finding } from '../checks/findings.js';
import { type GitHubApi, githubApi } from '../github/api.js';
import { resolveChanges } from '../github/changes.js';
import { type EventInfo, readEvent } from '../github/event.js';
import { type CompareRange, rangeFromEvent } from '../github/range.js';
import { InputError, type Inputs } from '../inputs.js';
import type { PlanOptions } from '../plan/index.js';
import type { ChangedFiles, DeployResult, Plan } from '../plan/types.js';
import { failureMessage, toWorkspacePaths } from '../report/annotations.js';
import type { SitesDiff } from '../report/sites-diff.js';
import type { ReportModel } from '../report/summary.js';
import { type ValidationResult, validateProject } from '../validate.js';
import { type ActionLog, actionLog } from './log.js';
import { computeOutputs, setOutputs } from './outputs.js';
import { publish } from './publish.js';
import { publishSarif } from './sarif.js';
import { sitesForRun } from './sites.js';
import { publishVerification, type VerifyStepResult, verifyStep } from './verify-step.js';

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

/** What the chosen command produced: a plan, a deploy, or an error that stopped it; plus our notes. */
interface CommandOutcome {
  plan?: Plan;
  deployed?: DeployResult;
  error?: string;
  notes: string[];
  /** The verification in Datadog after a deploy (or `command: verify`). */
  verified?: VerifyStepResult;
}

/** What the compared commits changed, and the one line the log and the report say about it. */
interface Changes {
  range: Exclude<CompareRange, { kind: 'none' }>;
  changed: ChangedFiles;
  line: string;
}

type Sites = SitesDiff | { unavailable: string };

export async function runAction(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = actionLog();
  const ctx = runContext(inputs, env);
  announceRun(ctx);
  refuseDeployOnPullRequest(inputs, ctx.event);
  const range = rangeFromEvent(ctx.event, { base: inputs.base });
  if (range.kind === 'none') return finishWithNothingToDo(range.reason);

  const api = await connectGitHub(inputs, ctx.event);
  const changes = await findChanges({ inputs, ctx, range, api, log });
  const validation = validateProject(ctx.configPath);
  const outcome = await runCommand({ inputs, ctx, changed: changes.changed, validation, log });
  outcome.verified = await verifyOutcome({ inputs, ctx, changed: changes.changed, validation, log }, env, outcome);
  const findings = workspaceFindings(ctx, validation, outcome);
  const sites = validation.fatal ? undefined : await sitesInWorkspace({ ctx, validation, changes, api });
  const model = reportModel({ inputs, ctx, findings, sites, changes, outcome });
  const failures = runFailures(inputs, findings, outcome);

  const fromFork = ctx.event.pullRequest?.fromFork === true;
  await publishSarif({ findings, sarifFile: inputs.sarifFile, workspace: ctx.workspace, env });
  const published = await publish({ inputs, event: ctx.event, model, findings, api, log, fromFork });
  await publishVerification(outcome.verified, inputs, log);
  setRunOutputs({ findings, changes, sites, outcome, commentUrl: published.commentUrl, ok: failures.length === 0 });
  if (failures.length) throw new Error(failures.join('; '));
}

function announceRun(ctx: RunContext): void {
  const { event } = ctx;
  const at = event.sha ? ` at ${event.sha.slice(0, 7)}` : '';
  core.info(`Event: ${event.name || 'none (local run)'}${at}; project ${ctx.configFile}`);
}

function refuseDeployOnPullRequest(inputs: Inputs, event: EventInfo): void {
  if (inputs.command === 'deploy' && event.pullRequest) {
    throw new InputError(
      'input "command" is deploy, but this is a pull request event: ' +
        'deploy from push or workflow_dispatch (pull requests run validate or plan)',
    );
  }
}

/** A push that deleted the branch: nothing to validate, a successful run with empty outputs. */
function finishWithNothingToDo(reason: string): void {
  core.info(reason);
  setOutputs(computeOutputs({ findings: [], ok: true }));
}

async function connectGitHub(inputs: Inputs, event: EventInfo): Promise<GitHubApi | undefined> {
  if (!inputs.githubToken || !event.repo) return undefined;
  return withCompareCache(await githubApi({ token: inputs.githubToken, repo: event.repo }));
}

interface ChangesContext {
  inputs: Inputs;
  ctx: RunContext;
  range: Changes['range'];
  api: GitHubApi | undefined;
  log: ActionLog;
}

async function findChanges(o: ChangesContext): Promise<Changes> {
  const { api, range } = o;
  const { changed } = await resolveChanges({
    range,
    root: o.ctx.root,
    workspace: o.ctx.workspace,
    log: o.log,
    fetchHistory: o.inputs.fetchHistory,
    ...(api ? { compare: (b: string, h: string) => api.compare(b, h) } : {}),
  });
  const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
  const why = range.kind === 'range' ? range.why : '';
  const line =
    changed.kind === 'files' ? `${files(changed.files.length)} in the project changed (${why})` : changed.reason;
  core.info(`What changed: ${line}`);
  return { range, changed, line };
}

interface CommandContext {
  inputs: Inputs;
  ctx: RunContext;
  changed: ChangedFiles;
  validation: ValidationResult;
  log: ActionLog;
}

/** After a deploy (or `command: verify`): ask Datadog; its headline joins the report's notes. */
async function verifyOutcome(
  c: CommandContext,
  env: NodeJS.ProcessEnv,
  outcome: CommandOutcome,
): Promise<VerifyStepResult> {
  const { inputs, ctx, validation, changed, log } = c;
  if (validation.fatal) return {};
  const step = {
    inputs,
    env,
    deployed: outcome.deployed,
    validation,
    changed,
    root: ctx.root,
    log,
    notes: outcome.notes,
  };
  return verifyStep(step);
}

/** Validation has already run; plan and deploy run on top of it, unless the project file is unusable. */
async function runCommand(c: CommandContext): Promise<CommandOutcome> {
  const { inputs, ctx, validation } = c;
  if (validation.fatal) {
    const why = validation.findings[0]?.message ?? 'unreadable';
    return { notes: [], error: `cannot use the project file ${ctx.configFile}: ${why}` };
  }
  if (inputs.command === 'plan' && ctx.event.pullRequest?.fromFork === true) return skipPlanOnFork();
  if (inputs.command === 'plan') return runPlan(c);
  if (inputs.command === 'deploy') return runDeploy(c);
  return { notes: [] };
}

function skipPlanOnFork(): CommandOutcome {
  const why =
    'Plan skipped: pull requests from forks get no AWS role and a read-only token. The files were validated; ' +
    'a maintainer can run the plan by re-running this workflow from a branch of this repository.';
  core.notice(why, { title: 'dd-ecs-monitor' });
  return { notes: [why] };
}

function planOptions(c: CommandContext): PlanOptions {
  const { inputs } = c;
  const { env } = c.ctx;
  // The project file's `region` wins (resolveRegion); the input fills in when it has none.
  const region = inputs.awsRegion;
  const commandEnv = region ? { ...env, AWS_REGION: region, AWS_DEFAULT_REGION: region } : env;
  return {
    configPath: c.ctx.configPath,
    offline: inputs.offline,
    changed: c.changed,
    only: inputs.only,
    forceNewDeployment: inputs.forceNewDeployment,
    rebuild: inputs.rebuild,
    log: c.log,
    env: commandEnv,
    validation: c.validation,
  };
}

async function runPlan(c: CommandContext): Promise<CommandOutcome> {
  try {
    const { planProject } = await import('../plan-project.js');
    return { notes: [], plan: await planProject(planOptions(c)) };
  } catch (err) {
    return { notes: [], error: `plan failed: ${message(err)}` };
  }
}

async function runDeploy(c: CommandContext): Promise<CommandOutcome> {
  const { inputs, ctx } = c;
  try {
    const { deploy } = await import('../deploy.js');
    const deployed = await deploy({
      ...planOptions(c),
      dryRun: inputs.dryRun,
      rollback: inputs.rollback,
      ...(inputs.waitTimeoutSeconds !== undefined ? { waitTimeoutSeconds: inputs.waitTimeoutSeconds } : {}),
      ...(inputs.pollIntervalSeconds !== undefined ? { pollIntervalSeconds: inputs.pollIntervalSeconds } : {}),
      waitForOtherDeployments: inputs.waitForOtherDeployments,
      gitSha: ctx.event.push?.after || ctx.event.sha,
    });
    return { notes: [], deployed };
  } catch (err) {
    return { notes: [], error: `deploy failed: ${message(err)}` };
  }
}

function workspaceFindings(ctx: RunContext, validation: ValidationResult, outcome: CommandOutcome): Finding[] {
  const { plan, deployed } = outcome;
  const projectFindings = [...validation.findings, ...(plan?.findings ?? []), ...(deployed?.plan.findings ?? [])];
  return dedupeFindings(toWorkspacePaths(projectFindings, ctx.root, ctx.workspace));
}

/** The sites diff with workspace-relative paths, as the annotations and the report show them. */
interface SitesContext {
  ctx: RunContext;
  validation: ValidationResult;
  changes: Changes;
  api: GitHubApi | undefined;
}

async function sitesInWorkspace(o: SitesContext): Promise<Sites> {
  const { ctx, api, changes } = o;
  const raw = await sitesForRun({
    validation: o.validation,
    changed: changes.changed,
    range: changes.range,
    root: ctx.root,
    workspace: ctx.workspace,
    ...(api ? { api } : {}),
  });
  if ('unavailable' in raw) return raw;
  const prefix = path.relative(ctx.workspace, ctx.root).split(path.sep).join('/');
  const toWs = <T extends { file: string }>(s: T): T => ({ ...s, file: prefix ? `${prefix}/${s.file}` : s.file });
  return { ...raw, added: raw.added.map(toWs), removed: raw.removed.map(toWs), changed: raw.changed.map(toWs) };
}

interface ModelParts {
  inputs: Inputs;
  ctx: RunContext;
  findings: Finding[];
  sites: Sites | undefined;
  changes: Changes;
  outcome: CommandOutcome;
}

function reportModel(p: ModelParts): ReportModel {
  const { event } = p.ctx;
  const { plan, deployed, error } = p.outcome;
  const head = event.pullRequest?.headSha || event.sha;
  return {
    command: p.inputs.command,
    configFile: p.ctx.configFile,
    findings: p.findings,
    failOn: p.inputs.failOn,
    ...(p.sites ? { sites: p.sites } : {}),
    changed: p.changes.line,
    ...(plan ? { plan } : {}),
    ...(deployed ? { deploy: deployed } : {}),
    notes: p.outcome.notes,
    ...(error ? { error } : {}),
    ...(event.sha ? { sha: head } : {}),
    ...(event.runUrl ? { runUrl: event.runUrl } : {}),
    ...(event.repo ? { blobUrl: `${event.serverUrl}/${event.repo.owner}/${event.repo.repo}/blob/${head}` } : {}),
  };
}

/** Each reason the run fails, as one sentence; empty when it passes. */
function runFailures(inputs: Inputs, findings: readonly Finding[], outcome: CommandOutcome): string[] {
  const { plan, deployed, error } = outcome;
  return [
    error,
    failureMessage(findings, inputs.failOn),
    plan?.problems.length
      ? `plan found ${plan.problems.length} problem(s) that would stop the deploy: ${plan.problems.join('; ')}`
      : undefined,
    deployed && !deployed.ok && !error ? deployFailure(deployed) : undefined,
    outcome.verified?.failure,
  ].filter((x): x is string => Boolean(x));
}

interface RunOutputs {
  findings: Finding[];
  changes: Changes;
  sites: Sites | undefined;
  outcome: CommandOutcome;
  commentUrl: string | undefined;
  ok: boolean;
}

function setRunOutputs(o: RunOutputs): void {
  const { sites } = o;
  const { plan, deployed } = o.outcome;
  setOutputs(
    computeOutputs({
      findings: o.findings,
      changed: o.changes.changed,
      ...(sites && !('unavailable' in sites) ? { sites } : {}),
      ...(plan ? { plan } : {}),
      ...(deployed ? { deploy: deployed } : {}),
      ...(o.commentUrl ? { commentUrl: o.commentUrl } : {}),
      ok: o.ok,
    }),
  );
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
