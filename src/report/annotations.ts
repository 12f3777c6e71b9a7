/**
 * Findings as workflow annotations on the exact file, line and column, which GitHub shows inline
 * in the pull request's diff. Paths are made relative to the repository root (`GITHUB_WORKSPACE`),
 * as annotations require, even when the project file lives in a subfolder. All findings are
 * annotated first; the run then fails once, with the count (failureMessage).
 */
import * as core from '@actions/core';
import { type Finding, type Severity, countBySeverity, sortFindings } from '../checks/findings.js';
import { plural, rebase } from './findings.js';

export type AnnotationSink = Pick<typeof core, 'error' | 'warning' | 'notice'>;

/** Project-relative finding paths -> workspace-relative. */
export function toWorkspacePaths(findings: readonly Finding[], projectRoot: string, workspace: string): Finding[] {
  return rebase(findings, projectRoot, workspace);
}

export function annotate(findings: readonly Finding[], sink: AnnotationSink = core): Record<Severity, number> {
  for (const f of sortFindings(findings)) {
    sink[f.severity](f.message, { file: f.file, startLine: f.line, startColumn: f.column, title: f.code });
  }
  return countBySeverity(findings);
}

/** The one failure message for findings at or above `failOn`, or undefined when none fails the run. */
export function failureMessage(findings: readonly Finding[], failOn: 'error' | 'warning', what = 'validation'): string | undefined {
  const c = countBySeverity(findings);
  const failingCount = c.error + (failOn === 'warning' ? c.warning : 0);
  if (!failingCount) return undefined;
  const parts = [plural(c.error, 'error')];
  if (failOn === 'warning' || c.warning) parts.push(plural(c.warning, 'warning'));
  const rule = failOn === 'warning' ? ' (fail-on: warning)' : '';
  return `${what} found ${parts.join(' and ')}${rule}: see the annotations and the job summary`;
}
