/**
 * Which commits to compare, from the event: a pull request compares what its branch changed since
 * it forked (`base...head`); a push compares the trees before and after it (which also covers a
 * force push, whose `before` is not an ancestor); a branch's first push and a manual run have no
 * base, so everything counts as changed, unless the `base` input names one.
 */
import type { EventInfo } from './event.js';

export type CompareRange =
  | { kind: 'range'; base: string; head: string; mode: 'merge-base' | 'direct'; why: string }
  | { kind: 'all'; reason: string }
  /** Nothing to look at: a push that deleted the branch. */
  | { kind: 'none'; reason: string };

const ZERO = /^0+$/;

export function rangeFromEvent(event: EventInfo, opts: { base?: string } = {}): CompareRange {
  const head = event.pullRequest?.headSha || event.push?.after || event.sha;
  if (opts.base) {
    if (!head)
      return { kind: 'all', reason: `no head commit to compare with base ${opts.base} (GITHUB_SHA is not set)` };
    return {
      kind: 'range',
      base: opts.base,
      head,
      mode: 'direct',
      why: `the "base" input (${opts.base}) against ${short(head)}`,
    };
  }
  const pr = event.pullRequest;
  if (pr) {
    if (!pr.baseSha || !pr.headSha)
      return { kind: 'all', reason: `pull request #${pr.number}: the event has no base/head commits` };
    return {
      kind: 'range',
      base: pr.baseSha,
      head: pr.headSha,
      mode: 'merge-base',
      why: `pull request #${pr.number} (${short(pr.baseSha)}...${short(pr.headSha)})`,
    };
  }
  const push = event.push;
  if (push) {
    if (push.deleted) return { kind: 'none', reason: `the push deleted ${event.ref || 'the branch'}: nothing to do` };
    if (push.created || !push.before || ZERO.test(push.before)) {
      return {
        kind: 'all',
        reason: `first push of ${event.ref || 'this branch'} (no previous commit): every file counts as changed`,
      };
    }
    const forced = push.forced ? 'force push ' : 'push ';
    return {
      kind: 'range',
      base: push.before,
      head: push.after,
      mode: 'direct',
      why: `${forced}${short(push.before)}..${short(push.after)}`,
    };
  }
  if (event.name === 'workflow_dispatch')
    return { kind: 'all', reason: 'manual run (workflow_dispatch) without a "base": every file counts as changed' };
  return { kind: 'all', reason: `${event.name || 'local'} run: no commits to compare, every file counts as changed` };
}

export function short(sha: string): string {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}
