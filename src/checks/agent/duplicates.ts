/**
 * Duplicate keys. The agent's strict YAML read fails on them and it falls back to a lenient read
 * that keeps the last value, logging only a warning (CONFIG-FACTS A1); the check's PyYAML read
 * keeps the last one too. So a repeated key silently throws the earlier value away: a repeated
 * `instances:` drops every site above it, a repeated `url:` or `password:` inside an instance drops
 * a setting the author believes is in force. Both are errors: monitoring is lost without a trace.
 */
import type { Duplicate } from '../yaml/load.js';
import type { Reporter } from './reporter.js';

/** `instances[2].proxy` -> `instance 3 > proxy`. */
export function describePath(path: string): string {
  return path
    .replace(/^instances\[(\d+)\]/, (_m, i: string) => `instance ${Number(i) + 1}`)
    .replace(/\[(\d+)\]/g, (_m, i: string) => `[${Number(i) + 1}]`)
    .replace(/\./g, ' > ');
}

export function reportDuplicates(duplicates: readonly Duplicate[], r: Reporter): void {
  for (const d of duplicates) {
    const firstLine = r.line(d.first.key);
    if (d.path === '') {
      const n = d.first.value.kind === 'seq' ? d.first.value.items.length : undefined;
      const lost = n === undefined ? '' : ` (${n} ${n === 1 ? 'entry' : 'entries'})`;
      r.report(
        d.dup.key,
        'error',
        'duplicate-key',
        `top-level key "${d.key}" appears again (first at line ${firstLine}): the agent keeps only this one and drops everything under line ${firstLine}${lost}; merge them`,
      );
    } else {
      r.report(
        d.dup.key,
        'error',
        'duplicate-key',
        `key "${d.key}" appears twice in ${describePath(d.path)} (first at line ${firstLine}): only this value is used and the one at line ${firstLine} is silently lost`,
      );
    }
  }
}
