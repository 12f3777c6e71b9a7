/**
 * Findings as the CLI prints them: `path:line:col: severity CODE message` (text) or one JSON
 * document (DESIGN.md, "The external contract"). Paths are re-based from the project root to the
 * directory the user runs from, so they open in editors and terminals as printed.
 */
import path from 'node:path';
import { type Finding, type Severity, countBySeverity, sortFindings } from '../checks/findings.js';

export type OutputFormat = 'text' | 'json';

/** Re-base repository-relative finding paths onto `toDir` (both absolute). */
export function rebase(findings: readonly Finding[], fromRoot: string, toDir: string): Finding[] {
  if (path.resolve(fromRoot) === path.resolve(toDir)) return [...findings];
  return findings.map((f) => {
    if (path.isAbsolute(f.file)) return f;
    const rel = path.relative(toDir, path.resolve(fromRoot, f.file)).split(path.sep).join('/');
    return { ...f, file: rel };
  });
}

/** One line per finding; control characters from user files are escaped so a finding is always one line. */
export function formatText(findings: readonly Finding[]): string {
  return sortFindings(findings)
    .map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${oneLine(f.message)}`)
    .join('\n');
}

function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(findings: readonly Finding[], fileCount: number): string {
  const c = countBySeverity(findings);
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
  if (c.notice) parts.push(plural(c.notice, 'notice'));
  return `${parts.join(', ')} in ${plural(fileCount, 'file')} checked`;
}

export interface JsonReport {
  findings: Finding[];
  summary: Record<Severity, number> & { files: number };
  files: Array<{ path: string; kind: string }>;
}

export function formatJson(findings: readonly Finding[], files: ReadonlyArray<{ path: string; kind: string }>): string {
  const report: JsonReport = {
    findings: sortFindings(findings).map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      severity: f.severity,
      code: f.code,
      message: f.message,
    })),
    summary: { ...countBySeverity(findings), files: files.length },
    files: [...files],
  };
  return JSON.stringify(report, null, 2);
}

/** Exit status for findings: 1 when any finding is at or above the failing severity. */
export function exitCodeFor(findings: readonly Finding[], failOn: 'error' | 'warning' = 'error'): 0 | 1 {
  return findings.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning')) ? 1 : 0;
}
