/**
 * One comment per pull request (and per project file), created once and then edited in place,
 * found again by a hidden HTML marker on its first line. The marker must start the body: a
 * reviewer quoting the comment puts it after `> `, and that reply must not be taken over.
 * When two comments carry the marker (two runs raced), the oldest is kept up to date.
 */
import type { GitHubApi, IssueComment } from './api.js';

export interface StickyResult {
  id: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

/** `<!-- dd-ecs-monitor:report config=<path> -->`; the path keeps two projects in one repository apart. */
export function commentMarker(configPath: string): string {
  // `--` would end the HTML comment early.
  const safe = configPath.replace(/-{2,}/g, '-').replace(/[<>\n\r]/g, '_');
  return `<!-- dd-ecs-monitor:report config=${safe} -->`;
}

export function findSticky(comments: readonly IssueComment[], marker: string): IssueComment | undefined {
  return comments.filter((c) => c.body.trimStart().startsWith(marker)).sort((a, b) => a.id - b.id)[0];
}

export async function upsertStickyComment(
  api: GitHubApi,
  opts: { issue: number; marker: string; body: string },
): Promise<StickyResult> {
  const body = opts.body.startsWith(opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
  const existing = findSticky(await api.listIssueComments(opts.issue), opts.marker);
  if (!existing) {
    const c = await api.createIssueComment(opts.issue, body);
    return { id: c.id, url: c.url, action: 'created' };
  }
  if (existing.body === body) return { id: existing.id, url: existing.url, action: 'unchanged' };
  const c = await api.updateIssueComment(existing.id, body);
  return { id: c.id, url: c.url, action: 'updated' };
}
