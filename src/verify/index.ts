/**
 * Verification in Datadog, one call for the CLI and the action: work out the credentials, what to
 * verify, then poll. Missing keys are "skipped" (a deploy goes on without) unless verification was
 * asked for explicitly; a DD_SITE that is not a site is an error either way. Keys are masked in
 * the log before anything else happens.
 */
import { type Clock, realClock } from '../ecs/clock.js';
import type { Log } from '../log.js';
import { runProcess } from '../exec.js';
import { changedFilesFromGit } from '../git.js';
import type { ChangedFiles } from '../plan/types.js';
import { gitBaseReader, type SitesDiff, sitesDiffForChange } from '../report/sites-diff.js';
import type { ValidationResult } from '../validate.js';
import { type DatadogApi, datadogClient } from './client.js';
import { DEFAULT_FAIL_ON, type FailOn } from './decide.js';
import { type DatadogSettings, resolveCredentials } from './endpoint.js';
import { emptyReport, type VerificationReport } from './report.js';
import { runVerification } from './run.js';
import { type VerifyScope, verifyTargets } from './targets.js';

export { DEFAULT_FAIL_ON, FAIL_ON_CHOICES, type FailOn } from './decide.js';
export { formatVerificationText, headline, verificationMarkdown, type VerificationReport } from './report.js';

export const DEFAULT_VERIFY_TIMEOUT_SECONDS = 300;
export const DEFAULT_VERIFY_POLL_SECONDS = 15;

export interface VerifyOptions {
  validation: ValidationResult;
  scope: VerifyScope;
  settings: DatadogSettings;
  since: Date;
  log: Log;
  timeoutSeconds?: number;
  pollIntervalSeconds?: number;
  failOn?: readonly FailOn[];
  /** Asked for explicitly (`verify`): missing keys fail instead of skipping. */
  required?: boolean;
  clock?: Clock;
  /** The HTTP seam; default: the fetch client for the resolved site. */
  api?: (credentials: Parameters<typeof datadogClient>[0]) => DatadogApi;
}

export async function verifyInDatadog(o: VerifyOptions): Promise<VerificationReport> {
  const failOn = o.failOn ?? DEFAULT_FAIL_ON;
  for (const k of [o.settings.apiKey, o.settings.appKey]) if (k) o.log.mask(k);
  let resolved: ReturnType<typeof resolveCredentials>;
  try {
    resolved = resolveCredentials(o.settings);
  } catch (err) {
    return emptyReport('error', (err as Error).message, failOn, false);
  }
  if ('missing' in resolved)
    return emptyReport(o.required ? 'error' : 'skipped', resolved.missing, failOn, !o.required);
  const { credentials } = resolved;
  const clock = o.clock ?? realClock;
  const timeoutMs = (o.timeoutSeconds ?? DEFAULT_VERIFY_TIMEOUT_SECONDS) * 1000;
  const deadline = clock.now() + timeoutMs;
  const clientOptions = { credentials, clock, deadline: () => deadline };
  const api = (o.api ?? datadogClient)(clientOptions);
  const targets = verifyTargets(o.validation, o.scope);
  o.log.info(
    `verify: asking ${credentials.baseUrl} about ${targets.sites.length} site(s), ` +
      `${targets.mysql.length} mysql instance(s), ${targets.logs.length} log output(s) since ` +
      `${o.since.toISOString()}`,
  );
  return runVerification({
    api,
    targets,
    since: o.since,
    timeoutMs,
    pollIntervalMs: (o.pollIntervalSeconds ?? DEFAULT_VERIFY_POLL_SECONDS) * 1000,
    clock,
    log: o.log,
    failOn,
    site: credentials.site,
  });
}

/** The sites diff for a change read from local git; undefined when it cannot be read. */
export async function sitesDiffFromGit(
  root: string,
  validation: ValidationResult,
  changed: ChangedFiles,
): Promise<SitesDiff | undefined> {
  if (changed.kind !== 'files') return undefined;
  try {
    return await sitesDiffForChange({
      head: validation.sites,
      headFiles: validation.files.filter((f) => f.kind === 'http_check').map((f) => f.path),
      changed: changed.files,
      readers: [gitBaseReader({ root, rev: changed.base, exec: runProcess })],
    });
  } catch {
    return undefined;
  }
}

/** What the last commit changed (HEAD^..HEAD), for `verify` without `--all`; undefined when git cannot say. */
export async function lastCommitChange(root: string): Promise<ChangedFiles | undefined> {
  try {
    const changed = await changedFilesFromGit({ root, base: 'HEAD^', head: 'HEAD', mode: 'direct' });
    return changed.kind === 'files' ? changed : undefined;
  } catch {
    return undefined;
  }
}
