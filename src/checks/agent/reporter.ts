/** Collects one file's findings under the check's code prefix (`http_check/...`, `mysql/...`). */
import { type Finding, type Severity, finding } from '../findings.js';
import type { SourceText } from '../source.js';
import type { YNode } from '../yaml/ast.js';

export class Reporter {
  readonly findings: Finding[] = [];

  constructor(
    readonly source: SourceText,
    /** Code prefix: the check name. */
    readonly prefix: string,
  ) {}

  /** A finding at a node's start (or at an offset). `rule` is the part after the prefix. */
  report(at: YNode | number, severity: Severity, rule: string, message: string): void {
    const offset = typeof at === 'number' ? at : at.range[0];
    this.findings.push(
      finding(this.source.file, this.source.lines.position(offset), severity, `${this.prefix}/${rule}`, message),
    );
  }

  line(at: YNode): number {
    return this.source.lines.position(at.range[0]).line;
  }
}
