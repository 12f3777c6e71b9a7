/**
 * The order a reader wants in the PR comment and the job summary: what fails the run first. By
 * severity (errors, warnings, notices), then file, line, column and code; a table cut at its row
 * limit therefore never hides an error behind notices.
 */
import { type Finding, SEVERITY_RANK } from '../checks/findings.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function bySeverityThenPlace(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  );
}
