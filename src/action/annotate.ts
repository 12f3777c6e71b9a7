/**
 * Findings as workflow annotations on the exact file, line and column, which GitHub shows inline
 * in the pull request's diff (paths already workspace-relative: report/annotations.ts). All findings
 * are annotated first; the run then fails once, with the count (failureMessage).
 */
import * as core from '@actions/core';
import { type Finding, type Severity, countBySeverity, sortFindings } from '../checks/findings.js';

export type AnnotationSink = Pick<typeof core, 'error' | 'warning' | 'notice'>;

export function annotate(findings: readonly Finding[], sink: AnnotationSink = core): Record<Severity, number> {
  for (const f of sortFindings(findings)) {
    sink[f.severity](f.message, { file: f.file, startLine: f.line, startColumn: f.column, title: f.code });
  }
  return countBySeverity(findings);
}
