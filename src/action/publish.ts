/**
 * Publishing a run's report, each part once: annotations for every finding, the job summary, and
 * on pull requests the sticky comment. A comment that cannot be posted (a fork's read-only token,
 * a missing `pull-requests: write`) is a warning, never the run's failure: the job summary still
 * has the whole report.
 */
import * as core from '@actions/core';
import type { Finding } from '../checks/findings.js';
import type { GitHubApi } from '../github/api.js';
import type { EventInfo } from '../github/event.js';
import { commentMarker, upsertStickyComment } from '../github/sticky-comment.js';
import type { Inputs } from '../inputs.js';
import { commentBody } from '../report/pr-comment.js';
import { type ReportModel, renderReport } from '../report/summary.js';
import { annotate } from './annotate.js';
import type { ActionLog } from './log.js';

export interface PublishOptions {
  inputs: Inputs;
  event: EventInfo;
  model: ReportModel;
  findings: readonly Finding[];
  api: GitHubApi | undefined;
  log: ActionLog;
  fromFork: boolean;
}

export async function publish(o: PublishOptions): Promise<{ commentUrl?: string }> {
  annotate(o.findings);
  const redact = [...o.log.masked, ...(o.inputs.githubToken ? [o.inputs.githubToken] : [])];
  const pr = o.event.pullRequest;
  let commentUrl: string | undefined;

  if (pr && o.inputs.comment) {
    if (o.fromFork) {
      o.model.notes.push(
        'No pull request comment: pull requests from forks get a read-only token. This report is in the job summary.',
      );
    } else if (!o.api) {
      o.log.warning('No pull request comment: the "github-token" input is empty (or GITHUB_REPOSITORY is not set).');
    } else {
      try {
        const r = await upsertStickyComment(o.api, {
          issue: pr.number,
          marker: commentMarker(o.model.configFile),
          body: commentBody(o.model, { redact }),
        });
        commentUrl = r.url;
        core.info(`Pull request comment ${r.action}: ${r.url}`);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        o.log.warning(`No pull request comment: ${why}`);
        o.model.notes.push(
          'The pull request comment could not be posted (see the warning in the log); this report is in the job summary.',
        );
      }
    }
  }
  if (o.inputs.summary) await writeJobSummary(renderReport(o.model, redact));
  return { ...(commentUrl ? { commentUrl } : {}) };
}

/** Appends the report to the job summary file (`GITHUB_STEP_SUMMARY`); a no-op outside a runner. */
export async function writeJobSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(markdown, true).write();
  return true;
}
