/** Where the checks collect findings; one place so every finding has the same shape. */
import { type Finding, type Position, type Severity, finding } from '../findings.js';

export interface At {
  file: string;
  pos: Position;
}

export class Report {
  readonly findings: Finding[];

  constructor(initial: Finding[] = []) {
    this.findings = [...initial];
  }

  add(at: At, severity: Severity, code: string, message: string): void {
    this.findings.push(finding(at.file, at.pos, severity, code, message));
  }

  error(at: At, code: string, message: string): void {
    this.add(at, 'error', code, message);
  }

  warning(at: At, code: string, message: string): void {
    this.add(at, 'warning', code, message);
  }

  notice(at: At, code: string, message: string): void {
    this.add(at, 'notice', code, message);
  }
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
