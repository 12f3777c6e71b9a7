/**
 * The one module that talks to the GitHub REST API (through `@actions/github`'s Octokit, which
 * honours `GITHUB_API_URL` for GitHub Enterprise and tests, and the runner's proxy settings).
 * It exposes the few calls the action makes as a small interface, so the rest of the code and its
 * tests hold plain data. Octokit is loaded on first use: runs without a token never pay for it.
 */
import type { RepoRef } from './event.js';

export interface IssueComment {
  id: number;
  body: string;
  url: string;
  /** `Bot` for github-actions[bot] and apps, `User` for people and PATs. */
  userType: string;
}

export interface CompareResult {
  /** Repository-relative paths (both sides of a rename). */
  files: string[];
  /** false when GitHub cut the list (it returns at most 300 files). */
  complete: boolean;
  /** The merge base GitHub compared from. */
  mergeBase?: string;
}

export interface GitHubApi {
  listIssueComments(issue: number): Promise<IssueComment[]>;
  createIssueComment(issue: number, body: string): Promise<IssueComment>;
  updateIssueComment(id: number, body: string): Promise<IssueComment>;
  /** Files changed in `base...head` (merge-base semantics, as the compare API has). */
  compare(base: string, head: string): Promise<CompareResult>;
  /** A file's text at a commit; undefined when it does not exist there. */
  fileAt(path: string, ref: string): Promise<string | undefined>;
}

/** GitHub's documented ceiling for the compare API's file list. */
export const COMPARE_FILE_LIMIT = 300;

/** An API failure with its HTTP status, so callers can tell "not allowed" (a fork's token) from the rest. */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'GitHubApiError';
  }
}

function wrap(what: string, err: unknown): GitHubApiError {
  const e = err as { status?: number; message?: string };
  const status = typeof e.status === 'number' ? e.status : undefined;
  const hint =
    status === 403 || status === 401
      ? ' (the token may not have that permission: a pull request from a fork gets a read-only token; the job needs "pull-requests: write" to comment)'
      : '';
  return new GitHubApiError(
    `GitHub API: ${what} failed${status ? ` with HTTP ${status}` : ''}: ${e.message ?? String(err)}${hint}`,
    status,
  );
}

interface RawComment {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { type?: string } | null;
}

const comment = (c: RawComment): IssueComment => ({
  id: c.id,
  body: c.body ?? '',
  url: c.html_url,
  userType: c.user?.type ?? '',
});

export async function githubApi(opts: { token: string; repo: RepoRef }): Promise<GitHubApi> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(opts.token);
  const { owner, repo } = opts.repo;
  return {
    async listIssueComments(issue) {
      try {
        const all = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: issue,
          per_page: 100,
        });
        return all.map((c) => comment(c as RawComment));
      } catch (err) {
        throw wrap(`listing the comments of #${issue}`, err);
      }
    },
    async createIssueComment(issue, body) {
      try {
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
        return comment(data as RawComment);
      } catch (err) {
        throw wrap(`commenting on #${issue}`, err);
      }
    },
    async updateIssueComment(id, body) {
      try {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
        return comment(data as RawComment);
      } catch (err) {
        throw wrap(`updating comment ${id}`, err);
      }
    },
    async compare(base, head) {
      try {
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
          owner,
          repo,
          basehead: `${base}...${head}`,
        });
        const list = data.files ?? [];
        const files = new Set<string>();
        for (const f of list) {
          files.add(f.filename);
          if (f.previous_filename) files.add(f.previous_filename);
        }
        const mergeBase = data.merge_base_commit?.sha;
        return {
          files: [...files].sort(),
          complete: list.length < COMPARE_FILE_LIMIT,
          ...(mergeBase ? { mergeBase } : {}),
        };
      } catch (err) {
        throw wrap(`comparing ${base}...${head}`, err);
      }
    },
    async fileAt(path, ref) {
      try {
        const res = await octokit.rest.repos.getContent({ owner, repo, path, ref, mediaType: { format: 'raw' } });
        // With the raw media type the body is the file's text.
        return typeof res.data === 'string' ? res.data : undefined;
      } catch (err) {
        if ((err as { status?: number }).status === 404) return undefined;
        throw wrap(`reading ${path} at ${ref}`, err);
      }
    },
  };
}
