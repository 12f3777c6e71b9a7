/**
 * The pull request comment: the report (summary.ts) behind a hidden marker, so the next run finds
 * and edits it instead of adding another, and cut to GitHub's 65,536-character limit with a note
 * that says where the rest is.
 */
import { commentMarker } from '../github/sticky-comment.js';
import { truncateMarkdown } from './markdown.js';
import { type ReportModel, renderReport } from './summary.js';

/** GitHub rejects issue comments longer than this (in characters). */
export const MAX_COMMENT_LENGTH = 65_536;

export function commentBody(m: ReportModel, opts: { redact?: readonly string[]; max?: number } = {}): string {
  const marker = commentMarker(m.configFile);
  const max = (opts.max ?? MAX_COMMENT_LENGTH) - marker.length - 1;
  const where = m.runUrl ? `the [job summary](${m.runUrl})` : 'the job summary of the workflow run';
  const note = `_This report was cut to fit GitHub's comment limit; the full report is in ${where}._`;
  return `${marker}\n${truncateMarkdown(renderReport(m, opts.redact), max, note)}`;
}
