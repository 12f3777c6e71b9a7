/**
 * A finding is the one currency every checker pays in: where (file, 1-based line and column),
 * how bad, a stable code, and a one-line message that says what is wrong and what to write instead.
 */
export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  /** Repository-relative path with forward slashes (or the path as the user gave it). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units of the decoded line. */
  column: number;
  severity: Severity;
  /** Stable, `<kind>/<rule>`, e.g. `http_check/unknown-key`. Users filter and suppress by it. */
  code: string;
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function finding(file: string, pos: Position, severity: Severity, code: string, message: string): Finding {
  return { file, line: pos.line, column: pos.column, severity, code, message: oneLine(message) };
}

/** A line break of any kind: LF, CR, VT, FF, NEL and the Unicode line and paragraph separators. */
const BREAK_RUN = /\s*[\n\r\v\f\u0085\u2028\u2029]\s*/g;

/**
 * A finding is one line (`path:line:col: severity CODE message`; annotations and SARIF results
 * split on line breaks). A YAML library error or a quoted user value may carry one, so every
 * whitespace run that holds a break becomes one space: the words stay, only the layout goes.
 */
export function oneLine(message: string): string {
  return message.replace(BREAK_RUN, ' ');
}

/**
 * A user's value shown in a message: in double quotes with JSON escapes, so a newline, a tab or a
 * quote inside it reads as `\n`, `\t`, `\"` rather than breaking the line; cut after `max` chars.
 */
export function quoteValue(value: string, max = Infinity): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  return `${JSON.stringify(cut)}${cut.length < value.length ? '…' : ''}`;
}

/** Stable order for output: by file, line, column, then severity and code. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** The same finding reached twice (two containers run one image, two commands report one file) is kept once. */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return sortFindings(findings).filter((f) => {
    const k = `${f.file}\0${f.line}\0${f.column}\0${f.code}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) out[f.severity] += 1;
  return out;
}

/**
 * Maps string offsets to 1-based line/column. Built once per file; lookups are a binary search,
 * so a 5,000-instance file does not pay a linear scan per finding.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (this.starts[lo] as number) + 1 };
  }
}

/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument on the
 * stack, and 50,000 findings overflow it ("Maximum call stack size exceeded").
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
