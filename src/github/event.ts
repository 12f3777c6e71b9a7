/**
 * The run's GitHub context, read once from the runner's environment and the event payload file
 * (`GITHUB_EVENT_PATH`), as plain data. Only what the action uses is kept: who the repository is,
 * which commit runs, and for pull requests / pushes / manual runs the commits to compare.
 */
import { readFileSync } from 'node:fs';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestInfo {
  number: number;
  baseSha: string;
  headSha: string;
  baseRef: string;
  /** The head branch lives in another repository: no secrets, no AWS role, a read-only token. */
  fromFork: boolean;
}

export interface PushInfo {
  before: string;
  after: string;
  /** The push created the branch (`before` is all zeros). */
  created: boolean;
  /** A force push: `before` may not be an ancestor of `after`, nor in the history at all. */
  forced: boolean;
  /** The push deleted the branch (`after` is all zeros): nothing to validate or deploy. */
  deleted: boolean;
}

export interface EventInfo {
  /** `GITHUB_EVENT_NAME`: pull_request, push, workflow_dispatch, ... */
  name: string;
  repo?: RepoRef;
  /** `GITHUB_SHA`: the commit checked out (for pull requests, the test merge commit). */
  sha: string;
  ref: string;
  /** Link to this run, for the report. */
  runUrl?: string;
  serverUrl: string;
  pullRequest?: PullRequestInfo;
  push?: PushInfo;
  /** `workflow_dispatch` inputs as the payload carries them. */
  dispatchInputs?: Record<string, unknown>;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class EventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventError';
  }
}

/** Parse the payload; a missing path is an empty payload (a local run), an unreadable file is an error. */
function readPayload(eventPath: string | undefined): Json {
  if (!eventPath) return {};
  let text: string;
  try {
    text = readFileSync(eventPath, 'utf8');
  } catch (err) {
    throw new EventError(`cannot read the event payload GITHUB_EVENT_PATH=${eventPath}: ${(err as Error).message}`);
  }
  try {
    return obj(JSON.parse(text));
  } catch (err) {
    throw new EventError(`the event payload ${eventPath} is not JSON: ${(err as Error).message}`);
  }
}

function repoFrom(env: NodeJS.ProcessEnv, payload: Json): RepoRef | undefined {
  const full = env.GITHUB_REPOSITORY || str(obj(payload.repository).full_name);
  const [owner, repo] = full.split('/');
  return owner && repo ? { owner, repo } : undefined;
}

function eventFromPayload(env: NodeJS.ProcessEnv, payload: Json): EventInfo {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repo = repoFrom(env, payload);
  const info: EventInfo = { name, repo, sha: env.GITHUB_SHA ?? '', ref: env.GITHUB_REF ?? '', serverUrl };
  if (repo && env.GITHUB_RUN_ID)
    info.runUrl = `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${env.GITHUB_RUN_ID}`;

  const pr = obj(payload.pull_request);
  if (Object.keys(pr).length) {
    const base = obj(pr.base);
    const head = obj(pr.head);
    const baseRepo = str(obj(base.repo).full_name);
    const headRepo = obj(head.repo);
    info.pullRequest = {
      number: Number(pr.number ?? payload.number) || 0,
      baseSha: str(base.sha),
      headSha: str(head.sha),
      baseRef: str(base.ref),
      // Compared by name, not `head.repo.fork` (a PR inside a repository that is itself a fork is
      // not from a fork). A deleted fork has `head.repo: null`: certainly not this repository.
      fromFork: !Object.keys(headRepo).length || (baseRepo !== '' && str(headRepo.full_name) !== baseRepo),
    };
  } else if (name === 'push' || (typeof payload.before === 'string' && typeof payload.after === 'string')) {
    const before = str(payload.before);
    const after = str(payload.after) || info.sha;
    info.push = {
      before,
      after,
      created: payload.created === true || /^0+$/.test(before),
      forced: payload.forced === true,
      deleted: payload.deleted === true || /^0+$/.test(after),
    };
  }
  if (name === 'workflow_dispatch') info.dispatchInputs = obj(payload.inputs);
  return info;
}

/** The event of this run, from the standard `GITHUB_*` variables. */
export function readEvent(env: NodeJS.ProcessEnv = process.env): EventInfo {
  return eventFromPayload(env, readPayload(env.GITHUB_EVENT_PATH));
}
