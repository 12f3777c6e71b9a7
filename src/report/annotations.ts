/**
 * What annotations need, as plain data: finding paths relative to the repository root
 * (`GITHUB_WORKSPACE`), as annotations require, even when the project file lives in a subfolder;
 * and the one failure message with the count. Writing the annotations is the action's job
 * (src/action/annotate.ts): nothing in src/report talks to the runner.
 */
import { type Finding, countBySeverity } from '../checks/findings.js';
import { plural, rebase } from './findings.js';

/** Project-relative finding paths -> workspace-relative. */
export function toWorkspacePaths(findings: readonly Finding[], projectRoot: string, workspace: string): Finding[] {
  return rebase(findings, projectRoot, workspace);
}

/** The one failure message for findings at or above `failOn`, or undefined when none fails the run. */
export function failureMessage(
  findings: readonly Finding[],
  failOn: 'error' | 'warning',
  what = 'validation',
): string | undefined {
  const c = countBySeverity(findings);
  const failingCount = c.error + (failOn === 'warning' ? c.warning : 0);
  if (!failingCount) return undefined;
  const parts = [plural(c.error, 'error')];
  if (failOn === 'warning' || c.warning) parts.push(plural(c.warning, 'warning'));
  const rule = failOn === 'warning' ? ' (fail-on: warning)' : '';
  return `${what} found ${parts.join(' and ')}${rule}: see the annotations and the job summary`;
}
