/**
 * A unified diff of the normalised live task definition against the rendered one, for `plan` and
 * the PR comment. Secret values never appear: sensitive plain values are masked on both sides
 * (a changed one reads `*** (changed)`), and `secrets` only ever hold references (ARNs).
 */
import { createTwoFilesPatch } from 'diff';
import { canonicalJson } from './json.js';
import { normalizeTaskDefinition } from './normalize.js';
import { maskPair } from './sensitive.js';

export interface TaskDefinitionDiffInput {
  /** Shown in the headers, e.g. the service key. */
  name: string;
  /** What runs now (DescribeTaskDefinition's taskDefinition, with its tags), or undefined for a new service. */
  live: unknown;
  /** The rendered RegisterTaskDefinition input. */
  rendered: unknown;
  /** Header labels, e.g. the live ARN and "rendered". */
  liveLabel?: string;
  renderedLabel?: string;
  context?: number;
}

/** The empty string when there is no difference. */
export function taskDefinitionDiff(opts: TaskDefinitionDiffInput): string {
  const before = opts.live === undefined ? undefined : normalizeTaskDefinition(opts.live);
  const after = normalizeTaskDefinition(opts.rendered);
  const masked = maskPair(before, after);
  const a = masked.before === undefined ? '' : `${canonicalJson(masked.before, 2)}\n`;
  const b = `${canonicalJson(masked.after, 2)}\n`;
  if (a === b) return '';
  const patch = createTwoFilesPatch(
    `${opts.name} (${opts.liveLabel ?? 'live'})`,
    `${opts.name} (${opts.renderedLabel ?? 'rendered'})`,
    a,
    b,
    undefined,
    undefined,
    { context: opts.context ?? 3 },
  );
  // Drop the "Index:"/"===" preamble createTwoFilesPatch prints; keep the ---/+++ headers and hunks.
  return patch.replace(/^(Index:[^\n]*\n)?=+\n/, '');
}
