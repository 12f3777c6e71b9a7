export const id = 221;
export const ids = [221];
export const modules = {

/***/ 8221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(3360);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/checks/findings.ts
var checks_findings = __webpack_require__(671);
;// CONCATENATED MODULE: ./src/github/api.ts
/** GitHub's documented ceiling for the compare API's file list. */
const COMPARE_FILE_LIMIT = 300;
/** An API failure with its HTTP status, so callers can tell "not allowed" (a fork's token) from the rest. */
class GitHubApiError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'GitHubApiError';
    }
}
function wrap(what, err) {
    const e = err;
    const status = typeof e.status === 'number' ? e.status : undefined;
    const hint = status === 403 || status === 401
        ? ' (the token may not have that permission: a pull request from a fork gets a read-only token; the job needs "pull-requests: write" to comment)'
        : '';
    return new GitHubApiError(`GitHub API: ${what} failed${status ? ` with HTTP ${status}` : ''}: ${e.message ?? String(err)}${hint}`, status);
}
const comment = (c) => ({
    id: c.id,
    body: c.body ?? '',
    url: c.html_url,
    userType: c.user?.type ?? '',
});
async function githubApi(opts) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
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
                return all.map((c) => comment(c));
            }
            catch (err) {
                throw wrap(`listing the comments of #${issue}`, err);
            }
        },
        async createIssueComment(issue, body) {
            try {
                const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
                return comment(data);
            }
            catch (err) {
                throw wrap(`commenting on #${issue}`, err);
            }
        },
        async updateIssueComment(id, body) {
            try {
                const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
                return comment(data);
            }
            catch (err) {
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
                const files = new Set();
                for (const f of list) {
                    files.add(f.filename);
                    if (f.previous_filename)
                        files.add(f.previous_filename);
                }
                const mergeBase = data.merge_base_commit?.sha;
                return {
                    files: [...files].sort(),
                    complete: list.length < COMPARE_FILE_LIMIT,
                    ...(mergeBase ? { mergeBase } : {}),
                };
            }
            catch (err) {
                throw wrap(`comparing ${base}...${head}`, err);
            }
        },
        async fileAt(path, ref) {
            try {
                const res = await octokit.rest.repos.getContent({ owner, repo, path, ref, mediaType: { format: 'raw' } });
                // With the raw media type the body is the file's text.
                return typeof res.data === 'string' ? res.data : undefined;
            }
            catch (err) {
                if (err.status === 404)
                    return undefined;
                throw wrap(`reading ${path} at ${ref}`, err);
            }
        },
    };
}

// EXTERNAL MODULE: ./src/exec.ts
var src_exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/git.ts
var git = __webpack_require__(1243);
;// CONCATENATED MODULE: ./src/github/range.ts
const ZERO = /^0+$/;
function rangeFromEvent(event, opts = {}) {
    const head = event.pullRequest?.headSha || event.push?.after || event.sha;
    if (opts.base) {
        if (!head)
            return { kind: 'all', reason: `no head commit to compare with base ${opts.base} (GITHUB_SHA is not set)` };
        return {
            kind: 'range',
            base: opts.base,
            head,
            mode: 'direct',
            why: `the "base" input (${opts.base}) against ${range_short(head)}`,
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
            why: `pull request #${pr.number} (${range_short(pr.baseSha)}...${range_short(pr.headSha)})`,
        };
    }
    const push = event.push;
    if (push) {
        if (push.deleted)
            return { kind: 'none', reason: `the push deleted ${event.ref || 'the branch'}: nothing to do` };
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
            why: `${forced}${range_short(push.before)}..${range_short(push.after)}`,
        };
    }
    if (event.name === 'workflow_dispatch')
        return { kind: 'all', reason: 'manual run (workflow_dispatch) without a "base": every file counts as changed' };
    return { kind: 'all', reason: `${event.name || 'local'} run: no commits to compare, every file counts as changed` };
}
function range_short(sha) {
    return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

;// CONCATENATED MODULE: ./src/github/changes.ts
/**
 * What changed, for a range taken from the event, in a checkout that may be shallow
 * (actions/checkout fetches one commit by default). In order:
 *   1. the local history (src/git.ts);
 *   2. if a commit is missing: fetch exactly the commits needed (`git fetch --depth=1 origin <sha>`
 *      for a push's two trees; a deeper fetch for a pull request, which needs the merge base);
 *   3. the compare API (merge-base semantics; for a push, both directions, a superset that is
 *      safe for a force push whose `before` is not an ancestor);
 *   4. otherwise every file counts as changed, with a warning that says why and how to avoid it.
 * Paths come back relative to the project root, like the local diff's.
 */




/** Depth fetched for a pull request so the merge base is usually in reach without the whole history. */
const PR_FETCH_DEPTH = 100;
const message = (err) => (err instanceof Error ? err.message : String(err));
async function resolveChanges(opts) {
    const { range, log } = opts;
    if (range.kind !== 'range')
        return { changed: { kind: 'all', reason: range.reason }, source: 'event' };
    const exec = opts.exec ?? src_exec/* runProcess */.R3;
    const gitDiff = opts.gitDiff ?? git/* changedFilesFromGit */.mD;
    const diff = () => gitDiff({ root: opts.root, base: range.base, head: range.head, mode: range.mode, exec, log });
    const problems = [];
    try {
        return { changed: await diff(), source: 'git' };
    }
    catch (err) {
        problems.push(message(err));
        log.info(`What changed (${range.why}): ${message(err)}`);
    }
    if (opts.fetchHistory) {
        const depth = range.mode === 'direct' ? 1 : PR_FETCH_DEPTH;
        log.info(`Fetching ${range_short(range.base)} and ${range_short(range.head)} from origin (depth ${depth}) to compare them`);
        const args = [
            'fetch',
            '--no-tags',
            '--no-recurse-submodules',
            `--depth=${depth}`,
            'origin',
            range.base,
            range.head,
        ];
        const fetched = await exec('git', args, { cwd: opts.root });
        if (fetched.exitCode === 0) {
            try {
                return { changed: await diff(), source: 'git-after-fetch' };
            }
            catch (err) {
                problems.push(message(err));
            }
        }
        else {
            problems.push(`git fetch failed: ${(0,src_exec/* tailLines */.os)(fetched.stderr, 1) || `exit code ${fetched.exitCode}`}`);
        }
    }
    if (opts.compare) {
        try {
            const changed = await fromApi(opts, range);
            log.info(`What changed (${range.why}): from the GitHub compare API, as the local history lacks the commits`);
            return { changed, source: 'api' };
        }
        catch (err) {
            problems.push(message(err));
        }
    }
    else {
        problems.push('no github-token to ask the compare API');
    }
    const reason = `commits ${range_short(range.base)} and ${range_short(range.head)} could not be compared (${problems.join('; ')}): ` +
        'every file counts as changed. Check out with "fetch-depth: 0" (actions/checkout) to compare locally';
    log.warning(reason);
    return { changed: { kind: 'all', reason }, source: 'fallback' };
}
async function fromApi(opts, range) {
    const compare = opts.compare;
    const results = [await compare(range.base, range.head)];
    // A push compares trees directly; the API only has merge-base semantics. Both directions together
    // cover every file that differs between the two trees (a force push that dropped commits included).
    if (range.mode === 'direct')
        results.push(await compare(range.head, range.base));
    if (results.some((r) => !r.complete)) {
        throw new Error(`the compare API listed only its first 300 changed files between ${range_short(range.base)} and ${range_short(range.head)}`);
    }
    const prefix = external_node_path_default().relative(opts.workspace, opts.root).split((external_node_path_default()).sep).join('/');
    const files = new Set();
    for (const f of results.flatMap((r) => r.files)) {
        if (!prefix)
            files.add(f);
        else if (f.startsWith(`${prefix}/`))
            files.add(f.slice(prefix.length + 1));
    }
    return { kind: 'files', files: [...files].sort(), base: range.base, head: range.head };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/github/event.ts
/**
 * The run's GitHub context, read once from the runner's environment and the event payload file
 * (`GITHUB_EVENT_PATH`), as plain data. Only what the action uses is kept: who the repository is,
 * which commit runs, and for pull requests / pushes / manual runs the commits to compare.
 */

const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const str = (v) => (typeof v === 'string' ? v : '');
class EventError extends Error {
    constructor(message) {
        super(message);
        this.name = 'EventError';
    }
}
/** Parse the payload; a missing path is an empty payload (a local run), an unreadable file is an error. */
function readPayload(eventPath) {
    if (!eventPath)
        return {};
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(eventPath, 'utf8');
    }
    catch (err) {
        throw new EventError(`cannot read the event payload GITHUB_EVENT_PATH=${eventPath}: ${err.message}`);
    }
    try {
        return obj(JSON.parse(text));
    }
    catch (err) {
        throw new EventError(`the event payload ${eventPath} is not JSON: ${err.message}`);
    }
}
function repoFrom(env, payload) {
    const full = env.GITHUB_REPOSITORY || str(obj(payload.repository).full_name);
    const [owner, repo] = full.split('/');
    return owner && repo ? { owner, repo } : undefined;
}
function eventFromPayload(env, payload) {
    const name = env.GITHUB_EVENT_NAME ?? '';
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repo = repoFrom(env, payload);
    const info = { name, repo, sha: env.GITHUB_SHA ?? '', ref: env.GITHUB_REF ?? '', serverUrl };
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
    }
    else if (name === 'push' || (typeof payload.before === 'string' && typeof payload.after === 'string')) {
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
    if (name === 'workflow_dispatch')
        info.dispatchInputs = obj(payload.inputs);
    return info;
}
/** The event of this run, from the standard `GITHUB_*` variables. */
function readEvent(env = process.env) {
    return eventFromPayload(env, readPayload(env.GITHUB_EVENT_PATH));
}

// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/report/findings.ts
var report_findings = __webpack_require__(9334);
;// CONCATENATED MODULE: ./src/report/annotations.ts
/**
 * What annotations need, as plain data: finding paths relative to the repository root
 * (`GITHUB_WORKSPACE`), as annotations require, even when the project file lives in a subfolder;
 * and the one failure message with the count. Writing the annotations is the action's job
 * (src/action/annotate.ts): nothing in src/report talks to the runner.
 */


/** Project-relative finding paths -> workspace-relative. */
function toWorkspacePaths(findings, projectRoot, workspace) {
    return (0,report_findings/* rebase */.RU)(findings, projectRoot, workspace);
}
/** The one failure message for findings at or above `failOn`, or undefined when none fails the run. */
function failureMessage(findings, failOn, what = 'validation') {
    const c = (0,checks_findings/* countBySeverity */.Ot)(findings);
    const failingCount = c.error + (failOn === 'warning' ? c.warning : 0);
    if (!failingCount)
        return undefined;
    const parts = [(0,report_findings/* plural */.LS)(c.error, 'error')];
    if (failOn === 'warning' || c.warning)
        parts.push((0,report_findings/* plural */.LS)(c.warning, 'warning'));
    const rule = failOn === 'warning' ? ' (fail-on: warning)' : '';
    return `${what} found ${parts.join(' and ')}${rule}: see the annotations and the job summary`;
}

// EXTERNAL MODULE: ./src/validate.ts + 16 modules
var validate = __webpack_require__(8825);
;// CONCATENATED MODULE: ./src/action/log.ts
/**
 * The action's Log: lines go to the runner's log through @actions/core, and a masked value is
 * registered with the runner (`::add-mask::`) and remembered, because the runner masks logs only:
 * the PR comment and the job summary are redacted with the same list before they are written.
 */

function actionLog() {
    const masked = [];
    return {
        masked,
        info: (m) => core.info(m),
        warning: (m) => core.warning(m),
        debug: (m) => core.debug(m),
        mask: (s) => {
            if (!s || masked.includes(s))
                return;
            masked.push(s);
            core.setSecret(s);
        },
    };
}

;// CONCATENATED MODULE: ./src/action/outputs.ts
/**
 * The action's outputs, computed as plain data (so tests compare a record) and set in one place.
 * Structured values are JSON; action.yml documents each one.
 */


function computeOutputs(o) {
    const c = (0,checks_findings/* countBySeverity */.Ot)(o.findings);
    const out = {
        result: o.ok ? 'success' : 'failure',
        errors: String(c.error),
        warnings: String(c.warning),
        notices: String(c.notice),
    };
    if (o.changed)
        out['changed-files'] = JSON.stringify(o.changed.kind === 'files' ? o.changed.files : null);
    if (o.sites) {
        out.sites = JSON.stringify({
            added: o.sites.added.map((s) => ({ name: s.name, url: s.url, file: s.file })),
            removed: o.sites.removed.map((s) => ({ name: s.name, url: s.url, file: s.file })),
            changed: o.sites.changed.map((s) => ({
                name: s.name,
                url: s.url,
                file: s.file,
                fields: s.changes.map((x) => x.field),
            })),
        });
    }
    const plan = o.deploy?.plan ?? o.plan;
    if (plan)
        out.plan = JSON.stringify(plan);
    const digests = {};
    const refs = {};
    if (o.deploy?.images.length) {
        for (const i of o.deploy.images) {
            digests[i.key] = i.digest;
            refs[i.key] = i.imageRef;
        }
    }
    else if (plan) {
        // A plan knows the digest of images it reuses from ECR.
        for (const i of plan.images) {
            if (!i.digest)
                continue;
            digests[i.key] = i.digest;
            if (i.repositoryUri)
                refs[i.key] = `${i.repositoryUri}@${i.digest}`;
        }
    }
    if (plan || o.deploy) {
        out['image-digests'] = JSON.stringify(digests);
        out.images = JSON.stringify(refs);
    }
    if (o.deploy) {
        const arns = {};
        for (const s of o.deploy.services)
            if (s.taskDefinitionArn)
                arns[s.key] = s.taskDefinitionArn;
        out['task-definition-arns'] = JSON.stringify(arns);
        out['deployed-services'] = JSON.stringify(o.deploy.services.filter((s) => s.updated).map((s) => s.key));
    }
    if (o.commentUrl)
        out['comment-url'] = o.commentUrl;
    return out;
}
function setOutputs(outputs) {
    for (const [k, v] of Object.entries(outputs))
        core.setOutput(k, v);
}

;// CONCATENATED MODULE: ./src/github/sticky-comment.ts
/** `<!-- dd-ecs-monitor:report config=<path> -->`; the path keeps two projects in one repository apart. */
function commentMarker(configPath) {
    // `--` would end the HTML comment early.
    const safe = configPath.replace(/-{2,}/g, '-').replace(/[<>\n\r]/g, '_');
    return `<!-- dd-ecs-monitor:report config=${safe} -->`;
}
function findSticky(comments, marker) {
    return comments.filter((c) => c.body.trimStart().startsWith(marker)).sort((a, b) => a.id - b.id)[0];
}
async function upsertStickyComment(api, opts) {
    const body = opts.body.startsWith(opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
    const existing = findSticky(await api.listIssueComments(opts.issue), opts.marker);
    if (!existing) {
        const c = await api.createIssueComment(opts.issue, body);
        return { id: c.id, url: c.url, action: 'created' };
    }
    if (existing.body === body)
        return { id: existing.id, url: existing.url, action: 'unchanged' };
    const c = await api.updateIssueComment(existing.id, body);
    return { id: c.id, url: c.url, action: 'updated' };
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/**
 * Putting text from the user's files (site names, URLs, tags, messages that quote them) into GitHub
 * Markdown so it renders as the text it is: no HTML (`<img src=x>`), no pings (`@everyone`,
 * `@org/team`), no links or emphasis it did not ask for, no table cell broken by a `|`, no control
 * characters, and a bounded length. Everything the PR comment and the job summary show from a
 * user's repository goes through here.
 */
/** U+200D ZERO WIDTH JOINER: invisible, and GitHub no longer sees `@name` as a mention nor `#12` as a link. */
const JOINER = '\u200d';
const DEFAULT_MAX = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Newlines and tabs become spaces; other control and bidi-override characters go. */
function oneLineText(s) {
    return s.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ').replace(CONTROL, '');
}
/** At most `max` characters (by code point), with an ellipsis when cut. */
function cap(s, max = DEFAULT_MAX) {
    const chars = [...s];
    return chars.length <= max ? s : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * Plain text for a paragraph or a table cell. Markdown's punctuation is backslash-escaped (so
 * `*x*`, `[a](b)`, `# h`, `~~s~~` stay literal), HTML's specials become entities, `@` and `#`
 * references are broken with a zero-width joiner (GitHub links `#12` and pings `@x` even after a
 * backslash), and URLs lose their `://` so they are not autolinked.
 */
function escapeText(s, max = DEFAULT_MAX) {
    return cap(oneLineText(s), max)
        .replace(/[\\`*_[\]()!|~{}+=-]/g, (c) => `\\${c}`)
        .replace(/[&<>"]/g, (c) => HTML[c])
        .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${JOINER}`)
        .replace(/#(?=\S)/g, `#${JOINER}`)
        .replace(/:\/\//g, `:${JOINER}//`)
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${JOINER}.`);
}
/**
 * Inline code: shown verbatim, never a link, a mention or HTML. The fence is longer than any
 * run of backticks inside; a `|` is escaped because GitHub splits table cells on it even inside
 * code (it renders `\|` as `|` there).
 */
function code(s, max = DEFAULT_MAX) {
    const text = cap(oneLineText(s), max).replace(/\|/g, '\\|');
    if (text === '')
        return '` `';
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ')) ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/**
 * A fenced block (a diff, a log tail): a fence longer than any inside, control characters gone,
 * at most `maxLines` lines of at most `maxLineLength` characters.
 */
function codeBlock(text, opts = {}) {
    const maxLines = opts.maxLines ?? 200;
    const lines = text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => cap(l.replace(/\t/g, '  ').replace(CONTROL, ''), opts.maxLineLength ?? 300));
    while (lines.length && lines[lines.length - 1] === '')
        lines.pop();
    const shown = lines.slice(0, maxLines);
    if (lines.length > maxLines)
        shown.push(`… ${lines.length - maxLines} more lines`);
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${opts.lang ?? ''}\n${shown.join('\n')}\n${fence}`;
}
/** A GitHub table; every cell must already be escaped (escapeText / code). */
function table(header, rows) {
    const line = (cells) => `| ${cells.map((c) => c.replace(/\n/g, ' ')).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
/** `<details>` with an escaped summary; the body is Markdown already made safe by the caller. */
function details(summary, body) {
    return `<details><summary>${escapeText(summary, 300)}</summary>\n\n${body}\n\n</details>`;
}
/**
 * Cut a Markdown document to `max` characters at a line boundary, closing an open code fence and
 * ending with `note`, so a truncated comment still renders and says it was cut.
 */
function truncateMarkdown(md, max, note) {
    if (md.length <= max)
        return md;
    const budget = Math.max(0, max - note.length - 16);
    let cut = md.slice(0, budget);
    const nl = cut.lastIndexOf('\n');
    if (nl > 0)
        cut = cut.slice(0, nl);
    // An odd number of fence lines means a code block is still open.
    const fences = cut.split('\n').filter((l) => /^\s*```/.test(l)).length;
    const openDetails = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    let out = cut;
    if (fences % 2 === 1)
        out += '\n```';
    if (openDetails > 0)
        out += '\n\n</details>'.repeat(openDetails);
    return `${out}\n\n${note}`.slice(0, max);
}

;// CONCATENATED MODULE: ./src/report/order.ts
/**
 * The order a reader wants in the PR comment and the job summary: what fails the run first. By
 * severity (errors, warnings, notices), then file, line, column and code; a table cut at its row
 * limit therefore never hides an error behind notices.
 */

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function bySeverityThenPlace(findings) {
    return [...findings].sort((a, b) => checks_findings/* SEVERITY_RANK */.f3[a.severity] - checks_findings/* SEVERITY_RANK */.f3[b.severity] ||
        cmp(a.file, b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        cmp(a.code, b.code) ||
        cmp(a.message, b.message));
}

// EXTERNAL MODULE: ./src/ecs/arn.ts
var arn = __webpack_require__(7362);
// EXTERNAL MODULE: ./src/deploy-phases.ts
var deploy_phases = __webpack_require__(2793);
;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The run's report as Markdown, readable at a glance: a status line, then sites added / removed /
 * changed, findings, the images that will be (or were) built, the services and their task-definition
 * diffs, and the deploy's outcome. The same text is the job summary (`GITHUB_STEP_SUMMARY`) and,
 * behind a hidden marker, the pull request comment (pr-comment.ts). Everything taken from the
 * user's files goes through markdown.ts; secrets never get here (sites carry '<secret>', diffs are
 * masked upstream, and values the run masked are redacted once more before anything is written).
 */






/** Rows per table: a report is read, not scrolled; the annotations hold the full list. */
const MAX_FINDING_ROWS = 60;
const MAX_SITE_ROWS = 100;
const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
function summary_location(m, file, line, column) {
    const label = code(`${file}:${line}${column ? `:${column}` : ''}`, 160);
    if (!m.blobUrl)
        return label;
    const href = `${m.blobUrl}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
    return `[${label}](${href})`;
}
function failing(m) {
    return m.findings.filter((f) => f.severity === 'error' || (m.failOn === 'warning' && f.severity === 'warning'));
}
function isOk(m) {
    if (m.error || failing(m).length)
        return false;
    if (m.deploy)
        return m.deploy.ok;
    return !m.plan?.problems.length;
}
function headline(m) {
    const c = (0,checks_findings/* countBySeverity */.Ot)(m.findings);
    const counts = [(0,report_findings/* plural */.LS)(c.error, 'error'), (0,report_findings/* plural */.LS)(c.warning, 'warning')];
    if (c.notice)
        counts.push((0,report_findings/* plural */.LS)(c.notice, 'notice'));
    const what = m.deploy ? (m.deploy.dryRun ? 'deploy (dry run)' : 'deploy') : m.command;
    let status;
    if (m.error)
        status = 'failed';
    else if (m.deploy)
        status = m.deploy.ok ? (m.deploy.dryRun ? 'dry run done' : 'deployed') : 'deploy failed';
    else
        status = isOk(m) ? 'passed' : 'failed';
    return `## ${isOk(m) ? '✅' : '❌'} dd-ecs-monitor ${what}: ${status} · ${counts.join(', ')}`;
}
function context(m) {
    const parts = [`Project ${code(m.configFile, 160)}`];
    if (m.sha)
        parts.push(`commit ${code(m.sha.slice(0, 7))}`);
    if (m.runUrl)
        parts.push(`[workflow run](${m.runUrl})`);
    const lines = [parts.join(' · ')];
    if (m.changed)
        lines.push(`What changed: ${escapeText(m.changed, 400)}`);
    return lines.join('<br>\n');
}
function changeText(c) {
    const field = code(c.field, 60);
    if (c.added || c.removed) {
        const parts = [
            ...(c.added ?? []).map((v) => `+${code(v, 80)}`),
            ...(c.removed ?? []).map((v) => `−${code(v, 80)}`),
        ];
        return `${field}: ${parts.join(' ')}`;
    }
    const side = (v) => (v === undefined ? '_(unset)_' : code(v, 80));
    return `${field}: ${side(c.before)} → ${side(c.after)}`;
}
function sitesSection(m) {
    const s = m.sites;
    if (!s)
        return undefined;
    if ('unavailable' in s)
        return `### Sites\n\n_${escapeText(s.unavailable, 400)}_`;
    const rows = [
        ...s.added.map((x) => ['➕ added', escapeText(x.name, 120), code(x.url, 160), summary_location(m, x.file, x.line)]),
        ...s.changed.map((x) => [
            '✏️ changed',
            escapeText(x.name, 120),
            code(x.url, 160),
            x.changes.map(changeText).join('<br>'),
        ]),
        ...s.removed.map((x) => ['➖ removed', escapeText(x.name, 120), code(x.url, 160), `was in ${code(x.file, 160)}`]),
    ];
    const counts = `**${s.added.length} added, ${s.removed.length} removed, ${s.changed.length} changed**, ${s.unchanged} unchanged`;
    if (!rows.length)
        return `### Sites\n\n${counts}`;
    const shown = rows.slice(0, MAX_SITE_ROWS);
    const more = rows.length > shown.length ? `\n\n… and ${rows.length - shown.length} more` : '';
    return `### Sites\n\n${counts}\n\n${table(['Change', 'Site', 'URL', 'Details'], shown)}${more}`;
}
function findingsSection(m) {
    if (!m.findings.length)
        return '### Findings\n\nNo findings.';
    const sorted = bySeverityThenPlace(m.findings);
    const shown = sorted.slice(0, MAX_FINDING_ROWS);
    const rows = shown.map((f) => [
        `${ICON[f.severity]} ${f.severity}`,
        summary_location(m, f.file, f.line, f.column),
        code(f.code, 80),
        escapeText(f.message, 400),
    ]);
    const more = sorted.length > shown.length
        ? `\n\n… and ${sorted.length - shown.length} more: see the annotations of the workflow run.`
        : '';
    const rule = m.failOn === 'warning' ? 'errors and warnings fail the run (`fail-on: warning`)' : 'errors fail the run';
    return `### Findings\n\n${table(['', 'Where', 'Code', 'Message'], rows)}${more}\n\n<sub>${rule}</sub>`;
}
const IMAGE_ACTION = {
    build: '🔨 build',
    reuse: '♻️ reuse',
    unknown: '❔ keep (ECR not asked)',
};
const SERVICE_ACTION = {
    'register-and-update': '🚀 register + update',
    update: '🔁 update (forced)',
    none: '✔️ no change',
    unknown: '❔ unknown',
};
function planSection(plan, done) {
    const out = [];
    if (plan.problems.length)
        out.push(`### Would stop the deploy\n\n${plan.problems.map((p) => `- ❌ ${escapeText(p, 600)}`).join('\n')}`);
    const imageRows = plan.images.map((i) => [
        code(i.key, 80),
        IMAGE_ACTION[i.action],
        escapeText(i.method ? `${i.reason} (${i.method})` : i.reason, 400),
        i.changedInputs.length
            ? i.changedInputs
                .slice(0, 8)
                .map((f) => code(f, 120))
                .join('<br>') + (i.changedInputs.length > 8 ? `<br>… ${i.changedInputs.length - 8} more` : '')
            : '',
    ]);
    const building = plan.images.filter((i) => i.action === 'build').length;
    const rebuilt = done
        ? building
            ? `**${(0,report_findings/* plural */.LS)(building, 'image')} rebuilt**`
            : 'No image was rebuilt.'
        : building
            ? `**${(0,report_findings/* plural */.LS)(building, 'image')} will be rebuilt**`
            : 'No image will be rebuilt.';
    out.push(`### Images${plan.offline ? ' (offline: ECR not asked)' : ''}\n\n${rebuilt}`);
    if (imageRows.length)
        out.push(table(['Image', 'Action', 'Why', 'Changed inputs'], imageRows));
    const serviceRows = plan.services.map((s) => [code(s.key, 80), SERVICE_ACTION[s.action], escapeText(s.reason, 300)]);
    out.push('### Services');
    if (serviceRows.length)
        out.push(table(['Service', 'Action', 'Why'], serviceRows));
    for (const s of plan.services) {
        if (s.taskDefinitionDiff)
            out.push(details(`Task definition changes: ${s.key}`, codeBlock(s.taskDefinitionDiff, { lang: 'diff', maxLines: 150 })));
    }
    return out.join('\n\n');
}
const STATE_ICON = {
    completed: '✅',
    unchanged: '✔️',
    planned: '📝',
    failed: '❌',
    'timed-out': '⏱️',
    'not-started': '⏸️',
};
function deploySection(d) {
    const out = [`### Deploy${d.dryRun ? ' (dry run: nothing changed)' : ''}`];
    if (d.problems.length)
        out.push(d.problems.map((p) => `- ❌ ${escapeText(p, 600)}`).join('\n'));
    if (d.images.length) {
        out.push(table(['Image', 'Digest', 'Built', 'Pushed'], d.images.map((i) => [
            code(i.key, 80),
            code(i.digest, 80),
            i.built ? escapeText(i.method ?? 'yes', 300) : 'no',
            i.pushed ? 'yes' : 'no',
        ])));
        const skipped = d.images.filter((i) => i.fluentdDryRun?.startsWith('skipped'));
        if (skipped.length)
            out.push(skipped
                .map((i) => `- ⚠️ ${code(i.key, 80)}: fluentd --dry-run ${escapeText(i.fluentdDryRun ?? '', 200)}`)
                .join('\n'));
    }
    if (d.phases)
        out.push(`Phases: ${escapeText((0,deploy_phases/* formatPhases */.qN)(d.phases, d.bytesPushed), 300)}`);
    if (d.services.length) {
        out.push(table(['Service', 'Result', 'Task definition', 'Details'], d.services.map((s) => [
            code(s.key, 80),
            `${STATE_ICON[s.state] ?? ''} ${escapeText(s.state, 40)}`.trim(),
            s.taskDefinitionArn ? code((0,arn/* shortTaskDefinition */.P5)(s.taskDefinitionArn), 120) : '',
            [
                s.failure ? escapeText(s.failure, 600) : '',
                s.rolledBack
                    ? `rolled back by ${escapeText(s.rolledBack.by, 80)}: ${escapeText(s.rolledBack.state, 40)}`
                    : '',
            ]
                .filter(Boolean)
                .join('<br>'),
        ])));
    }
    return out.join('\n\n');
}
/** The whole report; secrets in `redact` (values the run masked) are replaced by `***`. */
function renderReport(m, redact = []) {
    const parts = [headline(m), context(m)];
    if (m.notes.length)
        parts.push(m.notes.map((n) => `> ${escapeText(n, 600)}`).join('\n>\n'));
    if (m.error)
        parts.push(`**${escapeText(m.error, 1500)}**`);
    const sites = sitesSection(m);
    if (sites)
        parts.push(sites);
    parts.push(findingsSection(m));
    if (m.deploy)
        parts.push(deploySection(m.deploy));
    const plan = m.deploy?.plan ?? m.plan;
    if (plan)
        parts.push(planSection(plan, Boolean(m.deploy && !m.deploy.dryRun)));
    let md = `${parts.join('\n\n')}\n`;
    // The value may appear as given (code spans) or escaped (text): redact both forms.
    for (const s of redact) {
        if (s.length < 4)
            continue;
        for (const form of new Set([s, escapeText(s, s.length + 1)]))
            md = md.split(form).join('***');
    }
    return md;
}

;// CONCATENATED MODULE: ./src/report/pr-comment.ts
/**
 * The pull request comment: the report (summary.ts) behind a hidden marker, so the next run finds
 * and edits it instead of adding another, and cut to GitHub's 65,536-character limit with a note
 * that says where the rest is.
 */



/** GitHub rejects issue comments longer than this (in characters). */
const MAX_COMMENT_LENGTH = 65_536;
function commentBody(m, opts = {}) {
    const marker = commentMarker(m.configFile);
    const max = (opts.max ?? MAX_COMMENT_LENGTH) - marker.length - 1;
    const where = m.runUrl ? `the [job summary](${m.runUrl})` : 'the job summary of the workflow run';
    const note = `_This report was cut to fit GitHub's comment limit; the full report is in ${where}._`;
    return `${marker}\n${truncateMarkdown(renderReport(m, opts.redact), max, note)}`;
}

;// CONCATENATED MODULE: ./src/action/annotate.ts
/**
 * Findings as workflow annotations on the exact file, line and column, which GitHub shows inline
 * in the pull request's diff (paths already workspace-relative: report/annotations.ts). All findings
 * are annotated first; the run then fails once, with the count (failureMessage).
 */


function annotate(findings, sink = core) {
    for (const f of (0,checks_findings/* sortFindings */.Tc)(findings)) {
        sink[f.severity](f.message, { file: f.file, startLine: f.line, startColumn: f.column, title: f.code });
    }
    return (0,checks_findings/* countBySeverity */.Ot)(findings);
}

;// CONCATENATED MODULE: ./src/action/publish.ts
/**
 * Publishing a run's report, each part once: annotations for every finding, the job summary, and
 * on pull requests the sticky comment. A comment that cannot be posted (a fork's read-only token,
 * a missing `pull-requests: write`) is a warning, never the run's failure: the job summary still
 * has the whole report.
 */





async function publish(o) {
    annotate(o.findings);
    const redact = [...o.log.masked, ...(o.inputs.githubToken ? [o.inputs.githubToken] : [])];
    const pr = o.event.pullRequest;
    let commentUrl;
    if (pr && o.inputs.comment) {
        if (o.fromFork) {
            o.model.notes.push('No pull request comment: pull requests from forks get a read-only token. This report is in the job summary.');
        }
        else if (!o.api) {
            o.log.warning('No pull request comment: the "github-token" input is empty (or GITHUB_REPOSITORY is not set).');
        }
        else {
            try {
                const r = await upsertStickyComment(o.api, {
                    issue: pr.number,
                    marker: commentMarker(o.model.configFile),
                    body: commentBody(o.model, { redact }),
                });
                commentUrl = r.url;
                core.info(`Pull request comment ${r.action}: ${r.url}`);
            }
            catch (err) {
                const why = err instanceof Error ? err.message : String(err);
                o.log.warning(`No pull request comment: ${why}`);
                o.model.notes.push('The pull request comment could not be posted (see the warning in the log); this report is in the job summary.');
            }
        }
    }
    if (o.inputs.summary)
        await writeJobSummary(renderReport(o.model, redact));
    return { ...(commentUrl ? { commentUrl } : {}) };
}
/** Appends the report to the job summary file (`GITHUB_STEP_SUMMARY`); a no-op outside a runner. */
async function writeJobSummary(markdown, env = process.env) {
    if (!env.GITHUB_STEP_SUMMARY)
        return false;
    await core.summary.addRaw(markdown, true).write();
    return true;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/cli/main.ts + 1 modules
var main = __webpack_require__(9660);
// EXTERNAL MODULE: ./src/report/sarif.ts
var sarif = __webpack_require__(5881);
;// CONCATENATED MODULE: ./src/action/sarif.ts
/**
 * The findings as a SARIF 2.1.0 file for GitHub code scanning (github/codeql-action/upload-sarif
 * reads it), written on every run and exposed as the `sarif-file` output. The findings come with
 * workspace-relative paths, which is what code scanning resolves against the checkout.
 */






function sarifPath(i) {
    if (i.sarifFile)
        return external_node_path_default().resolve(i.workspace, i.sarifFile);
    return external_node_path_default().join(i.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'dd-ecs-monitor.sarif');
}
/** Writes the file and sets the `sarif-file` output; returns the path. */
async function publishSarif(i) {
    const file = sarifPath(i);
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, `${(0,sarif/* formatSarif */.zK)(i.findings, { version: main/* VERSION */.xv })}\n`);
    core.setOutput('sarif-file', file);
    return file;
}

// EXTERNAL MODULE: ./src/report/sites-diff.ts
var sites_diff = __webpack_require__(4244);
;// CONCATENATED MODULE: ./src/action/sites.ts
/**
 * The sites section of the report for this run: the http_check sites at head against the base
 * commit's (the merge base for a pull request), read with `git show`, or through the contents API
 * when a shallow checkout lacks the commit. Never throws: when the base cannot be read the report
 * says so instead.
 */



async function mergeBase(exec, root, base, head) {
    const r = await exec('git', ['merge-base', base, head], { cwd: root });
    return r.exitCode === 0 ? r.stdout.trim() || undefined : undefined;
}
async function sitesForRun(opts) {
    const { validation, changed, range } = opts;
    const monitored = validation.sites.length;
    if (changed.kind === 'all' || range.kind !== 'range') {
        const why = changed.kind === 'all' ? changed.reason : 'no base commit';
        return {
            unavailable: `${monitored} site${monitored === 1 ? '' : 's'} monitored; added / removed / changed sites need a base commit to compare with (${why}).`,
        };
    }
    const exec = opts.exec ?? src_exec/* runProcess */.R3;
    const headFiles = validation.files.filter((f) => f.kind === 'http_check').map((f) => f.path);
    const readers = [];
    const localBase = range.mode === 'merge-base' ? await mergeBase(exec, opts.root, range.base, range.head) : range.base;
    if (localBase)
        readers.push((0,sites_diff/* gitBaseReader */.nT)({ root: opts.root, rev: localBase, exec }));
    const api = opts.api;
    if (api) {
        const prefix = external_node_path_default().relative(opts.workspace, opts.root).split((external_node_path_default()).sep).join('/');
        let rev;
        readers.push(async (file) => {
            rev ??=
                range.mode === 'merge-base'
                    ? ((await api.compare(range.base, range.head)).mergeBase ?? range.base)
                    : range.base;
            return api.fileAt(prefix ? `${prefix}/${file}` : file, rev);
        });
    }
    if (!readers.length)
        return {
            unavailable: `the base commit ${range.base.slice(0, 7)} is not in this checkout and there is no github-token to read it through the API`,
        };
    try {
        return await (0,sites_diff/* sitesDiffForChange */.Xg)({ head: validation.sites, headFiles, changed: changed.files, readers });
    }
    catch (err) {
        return { unavailable: `the http_check files at the base commit could not be read: ${err.message}` };
    }
}

// EXTERNAL MODULE: ./src/log.ts
var src_log = __webpack_require__(5625);
;// CONCATENATED MODULE: ./src/action/verify-step.ts
/**
 * The action's verification in Datadog, after a deploy or as `command: verify` (what the event's
 * range changed, every file on a manual run; data of the last 15 minutes): keys from the inputs (else DD_API_KEY /
 * DD_APP_KEY / DD_SITE), masked before use; skipped with the reason when they are missing or
 * `verify: false`. Results go to the log, the `verification` output (JSON) and, after the main
 * report, the job summary. A failed verification fails the run but never rolls anything back.
 */



async function verifyStep(o) {
    const { inputs, deployed } = o;
    if (inputs.command === 'verify')
        return verifyCommand(o);
    if (inputs.command !== 'deploy' || !deployed || deployed.dryRun || !deployed.ok)
        return {};
    if (inputs.verify === false) {
        o.notes.push('Verification in Datadog skipped: input "verify" is false.');
        core.info('Verification in Datadog skipped: input "verify" is false');
        return {};
    }
    const deployedServices = deployed.services.filter((s) => s.ok && (s.registered || s.updated)).map((s) => s.key);
    // The rollout is COMPLETED now: older data may come from the old tasks.
    return verifyAndReport(o, deployedServices, new Date(), false);
}
/** `command: verify`: what the event's range changed (every file on a manual run), data of the last 15 minutes. */
async function verifyCommand(o) {
    const { servicesTouched } = await __webpack_require__.e(/* import() */ 723).then(__webpack_require__.bind(__webpack_require__, 1723));
    const services = servicesTouched(o.validation, o.changed.kind === 'files' ? o.changed.files : undefined);
    return verifyAndReport(o, services, new Date(Date.now() - 15 * 60_000), true);
}
async function verifyAndReport(o, deployedServices, since, required) {
    const { inputs, log } = o;
    const v = await Promise.all(/* import() */[__webpack_require__.e(313), __webpack_require__.e(707)]).then(__webpack_require__.bind(__webpack_require__, 8313));
    const settings = {
        apiKey: inputs.datadogApiKey ?? o.env.DD_API_KEY,
        appKey: inputs.datadogAppKey ?? o.env.DD_APP_KEY,
        site: inputs.datadogSite ?? o.env.DD_SITE,
    };
    const report = await v.verifyInDatadog({
        validation: o.validation,
        required,
        scope: {
            all: false,
            deployedServices,
            ...(o.changed.kind === 'files'
                ? { changedFiles: o.changed.files, sites: await v.sitesDiffFromGit(o.root, o.validation, o.changed) }
                : {}),
        },
        settings,
        since,
        log,
        ...(inputs.verifyTimeoutSeconds !== undefined ? { timeoutSeconds: inputs.verifyTimeoutSeconds } : {}),
        ...(inputs.verifyFailOn ? { failOn: inputs.verifyFailOn } : {}),
    });
    core.startGroup('Verification in Datadog');
    for (const line of v.formatVerificationText(report).split('\n'))
        core.info(line);
    core.endGroup();
    const headline = v.headline(report);
    if (report.status === 'failed' || report.status === 'error')
        core.error(headline, { title: 'dd-ecs-monitor verify' });
    else if (report.status === 'warnings')
        core.warning(headline, { title: 'dd-ecs-monitor verify' });
    else
        core.info(headline);
    o.notes.push(headline);
    core.setOutput('verification', JSON.stringify(report));
    return { report, ...(report.ok ? {} : { failure: headline }) };
}
/** The verification's section of the job summary, written after the main report. */
async function publishVerification(r, inputs, log) {
    if (!r.report || !inputs.summary)
        return;
    const { verificationMarkdown } = await Promise.all(/* import() */[__webpack_require__.e(313), __webpack_require__.e(707)]).then(__webpack_require__.bind(__webpack_require__, 8313));
    await writeJobSummary((0,src_log/* redact */.E$)(verificationMarkdown(r.report), log.masked));
}

;// CONCATENATED MODULE: ./src/action/run.ts
/**
 * One action run, from typed inputs to a report: the event says what to compare, git (or the API)
 * says what changed, the command runs (validate, plan or deploy, on the same core as the CLI), and
 * the outcome is published once: annotations on the exact lines, the job summary, the sticky PR
 * comment and the outputs. Then, if anything fails the run, one error with the count is thrown
 * for `run()` to report: this module never calls `setFailed` itself.
 */
















const run_message = (err) => (err instanceof Error ? err.message : String(err));
function runContext(inputs, env = process.env) {
    const workspace = external_node_path_default().resolve(env.GITHUB_WORKSPACE || process.cwd());
    const configPath = external_node_path_default().resolve(workspace, inputs.config);
    return {
        env,
        event: readEvent(env),
        workspace,
        configPath,
        root: external_node_path_default().dirname(configPath),
        configFile: external_node_path_default().relative(workspace, configPath).split((external_node_path_default()).sep).join('/') || external_node_path_default().basename(configPath),
    };
}
async function runAction(inputs, env = process.env) {
    const log = actionLog();
    const ctx = runContext(inputs, env);
    announceRun(ctx);
    refuseDeployOnPullRequest(inputs, ctx.event);
    const range = rangeFromEvent(ctx.event, { base: inputs.base });
    if (range.kind === 'none')
        return finishWithNothingToDo(range.reason);
    const api = await connectGitHub(inputs, ctx.event);
    const changes = await findChanges({ inputs, ctx, range, api, log });
    const validation = (0,validate/* validateProject */.U)(ctx.configPath);
    const outcome = await runCommand({ inputs, ctx, changed: changes.changed, validation, log });
    outcome.verified = await verifyOutcome({ inputs, ctx, changed: changes.changed, validation, log }, env, outcome);
    const findings = workspaceFindings(ctx, validation, outcome);
    const sites = validation.fatal ? undefined : await sitesInWorkspace({ ctx, validation, changes, api });
    const model = reportModel({ inputs, ctx, findings, sites, changes, outcome });
    const failures = runFailures(inputs, findings, outcome);
    const fromFork = ctx.event.pullRequest?.fromFork === true;
    await publishSarif({ findings, sarifFile: inputs.sarifFile, workspace: ctx.workspace, env });
    const published = await publish({ inputs, event: ctx.event, model, findings, api, log, fromFork });
    await publishVerification(outcome.verified, inputs, log);
    setRunOutputs({ findings, changes, sites, outcome, commentUrl: published.commentUrl, ok: failures.length === 0 });
    if (failures.length)
        throw new Error(failures.join('; '));
}
function announceRun(ctx) {
    const { event } = ctx;
    const at = event.sha ? ` at ${event.sha.slice(0, 7)}` : '';
    core.info(`Event: ${event.name || 'none (local run)'}${at}; project ${ctx.configFile}`);
}
function refuseDeployOnPullRequest(inputs, event) {
    if (inputs.command === 'deploy' && event.pullRequest) {
        throw new src_inputs/* InputError */.dz('input "command" is deploy, but this is a pull request event: ' +
            'deploy from push or workflow_dispatch (pull requests run validate or plan)');
    }
}
/** A push that deleted the branch: nothing to validate, a successful run with empty outputs. */
function finishWithNothingToDo(reason) {
    core.info(reason);
    setOutputs(computeOutputs({ findings: [], ok: true }));
}
async function connectGitHub(inputs, event) {
    if (!inputs.githubToken || !event.repo)
        return undefined;
    return withCompareCache(await githubApi({ token: inputs.githubToken, repo: event.repo }));
}
async function findChanges(o) {
    const { api, range } = o;
    const { changed } = await resolveChanges({
        range,
        root: o.ctx.root,
        workspace: o.ctx.workspace,
        log: o.log,
        fetchHistory: o.inputs.fetchHistory,
        ...(api ? { compare: (b, h) => api.compare(b, h) } : {}),
    });
    const files = (n) => `${n} file${n === 1 ? '' : 's'}`;
    const why = range.kind === 'range' ? range.why : '';
    const line = changed.kind === 'files' ? `${files(changed.files.length)} in the project changed (${why})` : changed.reason;
    core.info(`What changed: ${line}`);
    return { range, changed, line };
}
/** After a deploy (or `command: verify`): ask Datadog; its headline joins the report's notes. */
async function verifyOutcome(c, env, outcome) {
    const { inputs, ctx, validation, changed, log } = c;
    if (validation.fatal)
        return {};
    const step = {
        inputs,
        env,
        deployed: outcome.deployed,
        validation,
        changed,
        root: ctx.root,
        log,
        notes: outcome.notes,
    };
    return verifyStep(step);
}
/** Validation has already run; plan and deploy run on top of it, unless the project file is unusable. */
async function runCommand(c) {
    const { inputs, ctx, validation } = c;
    if (validation.fatal) {
        const why = validation.findings[0]?.message ?? 'unreadable';
        return { notes: [], error: `cannot use the project file ${ctx.configFile}: ${why}` };
    }
    if (inputs.command === 'plan' && ctx.event.pullRequest?.fromFork === true)
        return skipPlanOnFork();
    if (inputs.command === 'plan')
        return runPlan(c);
    if (inputs.command === 'deploy')
        return runDeploy(c);
    return { notes: [] };
}
function skipPlanOnFork() {
    const why = 'Plan skipped: pull requests from forks get no AWS role and a read-only token. The files were validated; ' +
        'a maintainer can run the plan by re-running this workflow from a branch of this repository.';
    core.notice(why, { title: 'dd-ecs-monitor' });
    return { notes: [why] };
}
function planOptions(c) {
    const { inputs } = c;
    const { env } = c.ctx;
    // The project file's `region` wins (resolveRegion); the input fills in when it has none.
    const region = inputs.awsRegion;
    const commandEnv = region ? { ...env, AWS_REGION: region, AWS_DEFAULT_REGION: region } : env;
    return {
        configPath: c.ctx.configPath,
        offline: inputs.offline,
        changed: c.changed,
        only: inputs.only,
        forceNewDeployment: inputs.forceNewDeployment,
        rebuild: inputs.rebuild,
        log: c.log,
        env: commandEnv,
        validation: c.validation,
    };
}
async function runPlan(c) {
    try {
        const { planProject } = await Promise.all(/* import() */[__webpack_require__.e(37), __webpack_require__.e(694)]).then(__webpack_require__.bind(__webpack_require__, 4694));
        return { notes: [], plan: await planProject(planOptions(c)) };
    }
    catch (err) {
        return { notes: [], error: `plan failed: ${run_message(err)}` };
    }
}
async function runDeploy(c) {
    const { inputs, ctx } = c;
    try {
        const { deploy } = await Promise.all(/* import() */[__webpack_require__.e(37), __webpack_require__.e(694), __webpack_require__.e(880)]).then(__webpack_require__.bind(__webpack_require__, 9880));
        const deployed = await deploy({
            ...planOptions(c),
            dryRun: inputs.dryRun,
            rollback: inputs.rollback,
            ...(inputs.waitTimeoutSeconds !== undefined ? { waitTimeoutSeconds: inputs.waitTimeoutSeconds } : {}),
            ...(inputs.pollIntervalSeconds !== undefined ? { pollIntervalSeconds: inputs.pollIntervalSeconds } : {}),
            waitForOtherDeployments: inputs.waitForOtherDeployments,
            gitSha: ctx.event.push?.after || ctx.event.sha,
        });
        return { notes: [], deployed };
    }
    catch (err) {
        return { notes: [], error: `deploy failed: ${run_message(err)}` };
    }
}
function workspaceFindings(ctx, validation, outcome) {
    const { plan, deployed } = outcome;
    const projectFindings = [...validation.findings, ...(plan?.findings ?? []), ...(deployed?.plan.findings ?? [])];
    return (0,checks_findings/* dedupeFindings */._4)(toWorkspacePaths(projectFindings, ctx.root, ctx.workspace));
}
async function sitesInWorkspace(o) {
    const { ctx, api, changes } = o;
    const raw = await sitesForRun({
        validation: o.validation,
        changed: changes.changed,
        range: changes.range,
        root: ctx.root,
        workspace: ctx.workspace,
        ...(api ? { api } : {}),
    });
    if ('unavailable' in raw)
        return raw;
    const prefix = external_node_path_default().relative(ctx.workspace, ctx.root).split((external_node_path_default()).sep).join('/');
    const toWs = (s) => ({ ...s, file: prefix ? `${prefix}/${s.file}` : s.file });
    return { ...raw, added: raw.added.map(toWs), removed: raw.removed.map(toWs), changed: raw.changed.map(toWs) };
}
function reportModel(p) {
    const { event } = p.ctx;
    const { plan, deployed, error } = p.outcome;
    const head = event.pullRequest?.headSha || event.sha;
    return {
        command: p.inputs.command,
        configFile: p.ctx.configFile,
        findings: p.findings,
        failOn: p.inputs.failOn,
        ...(p.sites ? { sites: p.sites } : {}),
        changed: p.changes.line,
        ...(plan ? { plan } : {}),
        ...(deployed ? { deploy: deployed } : {}),
        notes: p.outcome.notes,
        ...(error ? { error } : {}),
        ...(event.sha ? { sha: head } : {}),
        ...(event.runUrl ? { runUrl: event.runUrl } : {}),
        ...(event.repo ? { blobUrl: `${event.serverUrl}/${event.repo.owner}/${event.repo.repo}/blob/${head}` } : {}),
    };
}
/** Each reason the run fails, as one sentence; empty when it passes. */
function runFailures(inputs, findings, outcome) {
    const { plan, deployed, error } = outcome;
    return [
        error,
        failureMessage(findings, inputs.failOn),
        plan?.problems.length
            ? `plan found ${plan.problems.length} problem(s) that would stop the deploy: ${plan.problems.join('; ')}`
            : undefined,
        deployed && !deployed.ok && !error ? deployFailure(deployed) : undefined,
        outcome.verified?.failure,
    ].filter((x) => Boolean(x));
}
function setRunOutputs(o) {
    const { sites } = o;
    const { plan, deployed } = o.outcome;
    setOutputs(computeOutputs({
        findings: o.findings,
        changed: o.changes.changed,
        ...(sites && !('unavailable' in sites) ? { sites } : {}),
        ...(plan ? { plan } : {}),
        ...(deployed ? { deploy: deployed } : {}),
        ...(o.commentUrl ? { commentUrl: o.commentUrl } : {}),
        ok: o.ok,
    }));
}
function deployFailure(d) {
    const services = d.services.filter((s) => !s.ok).map((s) => `${s.key}: ${s.failure ?? s.state}`);
    return `deploy failed: ${[...d.problems, ...services].join('; ') || 'see the job summary'}`;
}
/** What changed and the sites' merge base both ask the compare API the same question: ask it once. */
function withCompareCache(api) {
    const cache = new Map();
    return {
        ...api,
        compare: (base, head) => {
            const key = `${base}...${head}`;
            let answer = cache.get(key);
            if (!answer) {
                answer = api.compare(base, head);
                cache.set(key, answer);
            }
            return answer;
        },
    };
}


/***/ }),

/***/ 2461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ checkHttpInstances),
  A: () => (/* binding */ normalizeInstanceName)
});

// EXTERNAL MODULE: ./src/checks/yaml/ast.ts
var ast = __webpack_require__(6353);
// EXTERNAL MODULE: ./src/checks/agent/options.ts
var options = __webpack_require__(7609);
;// CONCATENATED MODULE: ./src/checks/agent/python-regex.ts
/**
 * http_check compiles `content_match` and `http_response_status_code` with Python's `re`. We
 * compile them with JavaScript's engine after translating the Python-only spellings that are
 * common in configs (`(?P<name>...)`, `(?P=name)`, leading `(?i)`-style flags). Constructs that
 * only Python has and that we do not translate make the result unknown: we then report nothing,
 * rather than reject a pattern the check accepts.
 */
/** Python-only syntax we do not translate: verbose mode, comments, atomic groups, conditionals, scoped flags, \Z. */
const UNTRANSLATED = /\(\?#|\(\?>|\(\?\(|\(\?[aiLmsux-]+:|[*+?}]\+|\\Z|\\A/;
const cache = new Map();
function compilePython(pattern) {
    let r = cache.get(pattern);
    if (!r) {
        r = translate(pattern);
        if (cache.size > 10_000)
            cache.clear();
        cache.set(pattern, r);
    }
    return r;
}
function translate(pattern) {
    let source = pattern;
    let flags = '';
    const lead = /^\(\?([aiLmsux]+)\)/.exec(source);
    if (lead) {
        const f = lead[1];
        if (f.includes('x'))
            return { status: 'unknown' };
        if (f.includes('i'))
            flags += 'i';
        if (f.includes('m'))
            flags += 'm';
        if (f.includes('s'))
            flags += 's';
        source = source.slice(lead[0].length);
    }
    if (UNTRANSLATED.test(source) || /\(\?[aiLmsux]+\)/.test(source))
        return { status: 'unknown' };
    source = source
        .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
        .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>');
    try {
        new RegExp(source, flags);
    }
    catch (err) {
        // JavaScript's message starts with the whole pattern; keep the reason only.
        const msg = err.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
        return { status: 'invalid', error: msg };
    }
    return { status: 'ok', source, flags };
}
/**
 * Which status codes `re.match(pattern, str(code))` accepts (a prefix match: `20` matches 200-209),
 * and which the pattern matches as a whole.
 */
function statusCodeMatches(rx) {
    const prefix = new RegExp(`^(?:${rx.source})`, rx.flags);
    const full = new RegExp(`^(?:${rx.source})$`, rx.flags);
    const out = { prefix: [], full: [] };
    for (let code = 100; code <= 599; code++) {
        const s = String(code);
        if (prefix.test(s))
            out.prefix.push(code);
        if (full.test(s))
            out.full.push(code);
    }
    return out;
}

// EXTERNAL MODULE: ./src/checks/agent/schema/http-check.ts
var http_check = __webpack_require__(7542);
;// CONCATENATED MODULE: ./src/checks/agent/scalars.ts
const str = (n) => n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
const num = (n) => n?.kind === 'scalar' && typeof n.value === 'number' ? n.value : undefined;
/** Whole numbers only: a 1.5 threshold is already reported as a wrong type. */
const whole = (n) => {
    const v = num(n);
    return v !== undefined && Number.isInteger(v) ? v : undefined;
};
const boolOf = (n) => n?.kind === 'scalar' && typeof n.value === 'boolean' ? n.value : undefined;

;// CONCATENATED MODULE: ./src/checks/agent/http-certificate.ts
/** http_check certificate-expiration settings (CONFIG-FACTS A3 "tls_verify note", E2.3). */



function checkCertificate(map, scheme, where, r) {
    const thresholds = ['days_warning', 'days_critical', 'seconds_warning', 'seconds_critical']
        .map((k) => (0,ast/* getPair */.xf)(map, k))
        .filter((p) => p && !(0,options/* isNull */.kZ)(p.value));
    const expiry = (0,ast/* getPair */.xf)(map, 'check_certificate_expiration');
    if (scheme === 'http') {
        if (expiry && boolOf(expiry.value) === true) {
            r.report(expiry.key, 'warning', 'cert-check-on-http', `"check_certificate_expiration" in ${where} has no effect on an http:// URL`);
        }
        else if (thresholds.length && boolOf(expiry?.value) !== false) {
            r.report(thresholds[0].key, 'warning', 'cert-check-on-http', `certificate thresholds in ${where} are ignored: the URL is http://, which has no certificate`);
        }
        return;
    }
    if (boolOf(expiry?.value) === false)
        return;
    for (const k of ['days_warning', 'days_critical', 'seconds_warning', 'seconds_critical']) {
        const v = (0,ast/* get */.Jt)(map, k);
        const n = num(v);
        if (v && n !== undefined && n < 0)
            r.report(v, 'error', 'invalid-value', `"${k}" in ${where} is negative: write the number of ${k.split('_')[0]} before expiry`);
    }
    contradiction(map, where, r);
    const verify = (0,ast/* get */.Jt)(map, 'tls_verify');
    if (boolOf(verify) === false &&
        boolOf((0,ast/* get */.Jt)(map, 'tls_retrieve_non_validated_cert')) !== true &&
        boolOf((0,ast/* get */.Jt)(map, 'use_cert_from_response')) !== true) {
        r.report(verify, 'warning', 'cert-check-unknown', `"tls_verify: false" in ${where} makes the certificate check report UNKNOWN ("Empty or no certificate found."): add \`tls_retrieve_non_validated_cert: true\` or \`check_certificate_expiration: false\``);
    }
}
/** Warning must fire before critical: warning threshold above critical (seconds take precedence over days). */
function contradiction(map, where, r) {
    const dw = (0,ast/* get */.Jt)(map, 'days_warning');
    const dc = (0,ast/* get */.Jt)(map, 'days_critical');
    const sw = (0,ast/* get */.Jt)(map, 'seconds_warning');
    const sc = (0,ast/* get */.Jt)(map, 'seconds_critical');
    const daysW = whole(dw) ?? 14;
    const daysC = whole(dc) ?? 7;
    // `seconds_*` set to 0 or absent fall back to the days values (CONFIG-FACTS A3).
    const secW = whole(sw) || undefined;
    const secC = whole(sc) || undefined;
    if (secW !== undefined || secC !== undefined) {
        const w = secW ?? daysW * 86400;
        const c = secC ?? daysC * 86400;
        if (w <= c) {
            const at = (secC !== undefined ? sc : sw);
            r.report(at, 'error', 'contradictory-thresholds', `certificate thresholds in ${where}: critical (${c} s) is not below warning (${w} s), so WARNING never fires; make seconds_warning larger than seconds_critical`);
        }
        return;
    }
    if ((dw || dc) && daysW <= daysC) {
        const at = (dc && whole(dc) !== undefined ? dc : dw);
        const wText = whole(dw) !== undefined ? `${daysW}` : `${daysW}, the default`;
        const cText = whole(dc) !== undefined ? `${daysC}` : `${daysC}, the default`;
        r.report(at, 'error', 'contradictory-thresholds', `certificate thresholds in ${where}: days_critical (${cText}) is not below days_warning (${wText}), so WARNING never fires; make days_warning larger than days_critical`);
    }
}

// EXTERNAL MODULE: ./src/checks/agent/values.ts
var values = __webpack_require__(2893);
;// CONCATENATED MODULE: ./src/checks/agent/http-url.ts
/** http_check `url`: the check only tests `url.startswith("http")` (CONFIG-FACTS A3); we hold it to WHATWG URL rules (E2.3). */




/** The placeholder URL of the shipped conf.yaml.example. */
const EXAMPLE_HOST = 'some.url.example.com';
function checkUrl(map, where, r) {
    const pair = (0,ast/* getPair */.xf)(map, 'url');
    if (!pair || (0,options/* isNull */.kZ)(pair.value) || (str(pair.value) ?? 'x').trim() === '') {
        r.report(pair?.value ?? map, 'error', 'missing-required', `${where} has no "url": the check fails ("Bad configuration. You must specify a url"); add \`url: https://<host>/\``);
        return undefined;
    }
    const node = pair.value;
    const raw = str(node);
    if (raw === undefined)
        return undefined; // a number or a list: wrong-type already reported
    if ((0,values/* isIndirect */.Rh)(node))
        return { raw, scheme: undefined };
    if (/^\s/.test(raw)) {
        r.report(node, 'error', 'invalid-url', `the url of ${where} starts with a space: the check requires it to start with http (ConfigurationError); remove the space`);
        return { raw, scheme: undefined };
    }
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?/.exec(raw);
    const scheme = m?.[1]?.toLowerCase();
    if (!m || (scheme !== 'http' && scheme !== 'https' && !m[2])) {
        // No scheme at all (`example.com`, `example.com:8080/x`).
        r.report(node, 'error', 'url-scheme', `the url of ${where} has no scheme: the check requires http:// or https:// (ConfigurationError); write https://${withoutCredentials(raw)}`);
        return { raw, scheme: undefined };
    }
    if (scheme !== 'http' && scheme !== 'https') {
        r.report(node, 'error', 'url-scheme', `the url of ${where} uses the scheme "${m[1]}": http_check only fetches http:// and https:// URLs`);
        return { raw, scheme: undefined };
    }
    if (!m[2]) {
        r.report(node, 'error', 'invalid-url', `the url of ${where} lacks "//" after "${m[1]}:": write ${m[1]}://${withoutCredentials(raw.slice(m[0].length))}`);
        return { raw, scheme };
    }
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        r.report(node, 'error', 'invalid-url', `the url of ${where} is not a valid URL (check the host, port and characters): "${withoutCredentials(raw)}"`);
        return { raw, scheme };
    }
    if (!url.hostname)
        r.report(node, 'error', 'invalid-url', `the url of ${where} has no host: write ${scheme}://<host>/...`);
    if (url.username || url.password) {
        r.report(node, 'error', 'url-credentials', `the url of ${where} carries credentials: they end up in tags and logs; use \`username\` and \`password\` (as ENC[...] or %%env_NAME%%) instead`);
    }
    if (url.hostname === EXAMPLE_HOST)
        r.report(node, 'warning', 'example-value', `the url of ${where} is the placeholder from conf.yaml.example: put the real site here`);
    if (/\s$/.test(raw))
        r.report(node, 'warning', 'invalid-url', `the url of ${where} ends with whitespace: remove it`);
    return { raw, scheme };
}
/** A URL for a message: any `user:password@` part is dropped (it is reported on its own). */
function withoutCredentials(url) {
    return url.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/*)?)[^/@\s]*@/, '$1');
}

;// CONCATENATED MODULE: ./src/checks/agent/http-check.ts
/**
 * http_check rules beyond option types (CONFIG-FACTS A3, E2.3): required name/url, URL sanity,
 * duplicate instances, regexes, certificate thresholds, contradictory settings.
 */








/** Methods that send `data` (http_check.py). */
const BODY_METHODS = new Set(['post', 'put', 'delete', 'patch', 'options']);
/** `instance:` tag normalization the spec describes: `,+*-/()[]{}` become `_`. */
function normalizeInstanceName(name) {
    return name.replace(/[,+*\-/()[\]{}]/g, '_');
}
function checkHttpInstances(shape, r) {
    const names = new Map();
    const urls = new Map();
    const initTimeout = shape.initConfig ? num((0,ast/* get */.Jt)(shape.initConfig, 'timeout')) : undefined;
    for (const { map, index } of shape.instances) {
        const where = `instance ${index + 1}`;
        const name = checkName(map, where, r);
        if (name !== undefined) {
            const key = normalizeInstanceName(name);
            const prev = names.get(key);
            if (prev) {
                const how = prev.raw === name ? 'the same name' : `a name that tags the same way (instance:${key})`;
                r.report((0,ast/* get */.Jt)(map, 'name'), 'error', 'duplicate-name', `${where} has ${how} as instance ${prev.index + 1} (line ${prev.line}): their metrics and monitors cannot be told apart; give each site its own name`);
            }
            else
                names.set(key, { raw: name, line: r.line(map), index });
        }
        const url = checkUrl(map, where, r);
        const method = (str((0,ast/* get */.Jt)(map, 'method')) ?? 'get').toLowerCase();
        if (url !== undefined) {
            const key = `${method} ${url.raw}`;
            const prev = urls.get(key);
            if (prev)
                r.report((0,ast/* get */.Jt)(map, 'url'), 'warning', 'duplicate-url', `${where} checks the same URL with the same method as instance ${prev.index + 1} (line ${prev.line}): the site is checked twice`);
            else
                urls.set(key, { line: r.line(map), index });
        }
        checkData(map, method, where, r);
        checkStatusCode(map, where, r);
        checkContentMatch(map, where, r);
        checkCertificate(map, url?.scheme, where, r);
        checkTimeouts(map, initTimeout, where, r);
        checkTags(map, where, r);
        checkAuth(map, where, r);
    }
    if (shape.initConfig)
        positive(shape.initConfig, 'timeout', 'init_config', r);
}
function checkName(map, where, r) {
    const pair = (0,ast/* getPair */.xf)(map, 'name');
    if (!pair || (0,options/* isNull */.kZ)(pair.value)) {
        r.report(pair?.value ?? map, 'error', 'missing-required', `${where} has no "name": the check fails on it (KeyError); add \`name: <site name>\``);
        return undefined;
    }
    const v = pair.value;
    if (v.kind !== 'scalar')
        return undefined; // wrong-type is reported by the option checks
    const s = String(v.value);
    if (s.trim() === '') {
        r.report(v, 'error', 'missing-required', `${where} has an empty "name": every instance needs a name, which becomes its instance: tag`);
        return undefined;
    }
    return s;
}
function checkData(map, method, where, r) {
    const data = (0,ast/* getPair */.xf)(map, 'data');
    // An unknown method is reported on its own; what it would do with a body is moot.
    if (!data || (0,options/* isNull */.kZ)(data.value) || BODY_METHODS.has(method) || !http_check/* HTTP_METHODS */.y.includes(method))
        return;
    r.report(data.key, 'warning', 'data-ignored', `"data" in ${where} is never sent: the method is ${method.toUpperCase()}; only POST, PUT, DELETE, PATCH and OPTIONS send a body (set \`method: post\`)`);
}
const statusCache = new Map();
function checkStatusCode(map, where, r) {
    const node = (0,ast/* get */.Jt)(map, 'http_response_status_code');
    if (!node || node.kind !== 'scalar' || node.value === null || (0,values/* isIndirect */.Rh)(node))
        return;
    if (typeof node.value !== 'string' && typeof node.value !== 'number')
        return;
    const pattern = String(node.value);
    let res = statusCache.get(pattern);
    if (res === undefined) {
        const rx = compilePython(pattern);
        if (rx.status === 'unknown')
            return;
        res = rx.status === 'invalid' ? rx.error : statusCodeMatches(rx);
        statusCache.set(pattern, res);
    }
    if (typeof res === 'string') {
        r.report(node, 'error', 'invalid-regex', `"http_response_status_code" in ${where} is not a valid regular expression (${res}): the check fails on every run`);
        return;
    }
    if (res.prefix.length === 0) {
        r.report(node, 'error', 'invalid-value', `"http_response_status_code" in ${where} matches no HTTP status code (100-599): the check always reports DOWN`);
        return;
    }
    if (res.prefix.length !== res.full.length) {
        const full = new Set(res.full);
        const extra = res.prefix.filter((c) => !full.has(c));
        const sample = extra.slice(0, 3).join(', ') + (extra.length > 3 ? ', …' : '');
        r.report(node, 'warning', 'status-code-prefix', `"http_response_status_code" in ${where} is matched against the start of the status code only, so it also accepts ${sample} (${res.prefix.length} codes in all): write full three-digit codes or end the pattern with $`);
    }
}
function checkContentMatch(map, where, r) {
    const node = (0,ast/* get */.Jt)(map, 'content_match');
    const cm = str(node);
    if (node && cm !== undefined && !(0,values/* isIndirect */.Rh)(node)) {
        const rx = compilePython(cm);
        if (rx.status === 'invalid')
            r.report(node, 'error', 'invalid-regex', `"content_match" in ${where} is not a valid regular expression (${rx.error}): the check fails on every run`);
    }
    const reverse = (0,ast/* getPair */.xf)(map, 'reverse_content_match');
    if (reverse && boolOf(reverse.value) === true && (cm === undefined || cm === '')) {
        r.report(reverse.key, 'warning', 'reverse-without-content-match', `"reverse_content_match" in ${where} does nothing without "content_match"`);
    }
}
function positive(map, key, where, r) {
    const v = (0,ast/* get */.Jt)(map, key);
    const n = num(v);
    if (v && n !== undefined && n <= 0) {
        r.report(v, 'error', 'invalid-value', `"${key}" in ${where} is ${n}: it must be above 0 seconds`);
        return undefined;
    }
    return n;
}
function checkTimeouts(map, initTimeout, where, r) {
    const own = positive(map, 'timeout', where, r);
    positive(map, 'connect_timeout', where, r);
    positive(map, 'read_timeout', where, r);
    const intervalNode = (0,ast/* get */.Jt)(map, 'min_collection_interval');
    const interval = num(intervalNode);
    const timeout = own ?? initTimeout ?? 10;
    if ((own !== undefined || interval !== undefined) && timeout >= (interval ?? 15)) {
        const at = (own !== undefined ? (0,ast/* get */.Jt)(map, 'timeout') : intervalNode);
        r.report(at, 'warning', 'timeout-exceeds-interval', `the timeout of ${where} (${timeout} s) is not below its collection interval (${interval ?? 15} s): a slow site delays the next run; lower the timeout`);
    }
}
function checkTags(map, where, r) {
    const tags = (0,ast/* get */.Jt)(map, 'tags');
    if (tags?.kind !== 'seq')
        return;
    for (const t of tags.items) {
        const s = str(t);
        if (s !== undefined && /^url:/.test(s)) {
            r.report(t, 'warning', 'url-tag', `the tag "${s}" in ${where} clashes with the url: tag the check adds itself: rename it`);
        }
    }
}
function checkAuth(map, where, r) {
    const typeNode = (0,ast/* get */.Jt)(map, 'auth_type');
    const explicit = str(typeNode)?.toLowerCase();
    const has = (k) => {
        const v = (0,ast/* get */.Jt)(map, k);
        return v !== undefined && !(0,options/* isNull */.kZ)(v);
    };
    if (explicit === 'basic' || explicit === 'digest') {
        const missing = ['username', 'password'].filter((k) => !has(k));
        if (missing.length)
            r.report(typeNode, 'error', 'auth-incomplete', `"auth_type: ${explicit}" in ${where} needs ${missing.join(' and ')}: without them no credentials are sent`);
    }
    else if (explicit === 'ntlm') {
        const missing = ['ntlm_domain', 'password'].filter((k) => !has(k));
        if (missing.length)
            r.report(typeNode, 'error', 'auth-incomplete', `"auth_type: ntlm" in ${where} needs ${missing.join(' and ')}`);
    }
    else if (explicit === undefined && has('username') !== has('password')) {
        const present = has('username') ? 'username' : 'password';
        const missing = present === 'username' ? 'password' : 'username';
        r.report((0,ast/* getPair */.xf)(map, present).key, 'warning', 'auth-incomplete', `${where} sets "${present}" without "${missing}": basic auth is used only when both are set`);
    }
}


/***/ }),

/***/ 6503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T6: () => (/* reexport */ agentConfPath),
  G9: () => (/* binding */ checkAgentFile),
  Bc: () => (/* reexport */ checkConfDLayout)
});

// UNUSED EXPORTS: detectAgentKind

// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
// EXTERNAL MODULE: ./src/checks/source.ts
var checks_source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/checks/yaml/load.ts + 2 modules
var load = __webpack_require__(7112);
// EXTERNAL MODULE: ./src/checks/yaml/ast.ts
var ast = __webpack_require__(6353);
;// CONCATENATED MODULE: ./src/checks/agent/as-read.ts
/**
 * The config as the agent and the check really read it, where that differs from what it looks like:
 * - a boolean written as a string (`"false"`) for an option the check tests with Python
 *   truthiness: any non-empty string is true. Most options go through `is_affirmative`, which reads
 *   "false"/"no"/"0" as false (http_check config.py, datadog_checks_base utils/http.py: every
 *   RequestsWrapper option, `disable_ssl_validation` included, @0053340; mysql config.py and mysql.py
 *   for `dbm`, `options.*`, `obfuscator_options.*`), so only the options listed here are flagged:
 *   read in the check's own code with a bare `if`.
 * - a tag without `key:` among tags that all have one: legal (a "simple tag"), but in a file whose
 *   other tags are `key:value` it is almost always a slip (`env prd`, `env=prd`).
 */

const TRUTHY = {
    http_check: {
        include_default_headers: {
            whenTrue: "the agent's default headers are still sent",
            source: 'http_check.py HTTPCheck.__init__: `if not self.instance.get("include_default_headers", True)`',
        },
    },
    mysql: {},
};
const FALSY_WORDS = /^(?:false|no|off|n|0)$/i;
function checkTruthyStrings(shape, kind, r) {
    const options = TRUTHY[kind];
    for (const { map, index } of shape.instances) {
        for (const pair of map.pairs) {
            const opt = options[(0,ast/* keyName */.xT)(pair)];
            const v = pair.value;
            if (!opt || v.kind !== 'scalar' || typeof v.value !== 'string' || v.value === '')
                continue;
            const looksFalse = FALSY_WORDS.test(v.value.trim());
            r.report(v, 'warning', 'truthy-string', `"${(0,ast/* keyName */.xT)(pair)}" in instance ${index + 1} is the string "${v.value}", and the check tests it with Python truthiness (${opt.source}), where any non-empty string is true: ${opt.whenTrue}${looksFalse ? '; write false without quotes' : '; write true or false without quotes'}`);
        }
    }
}
function tagNodes(map) {
    const tags = (0,ast/* getPair */.xf)(map, 'tags')?.value;
    return tags?.kind === 'seq' ? tags.items.filter((t) => t.kind === 'scalar' && typeof t.value === 'string') : [];
}
function checkTagConsistency(shape, r) {
    const maps = [...(shape.initConfig ? [shape.initConfig] : []), ...shape.instances.map((i) => i.map)];
    const all = maps.flatMap(tagNodes);
    const keyed = all.filter((t) => t.kind === 'scalar' && String(t.value).includes(':'));
    const simple = all.filter((t) => t.kind === 'scalar' && !String(t.value).includes(':'));
    // Only an odd one out is a smell: a file of simple tags is a choice.
    if (keyed.length < 2 || simple.length === 0 || simple.length >= keyed.length)
        return;
    const example = keyed[0]?.kind === 'scalar' ? String(keyed[0].value) : 'key:value';
    for (const t of simple) {
        if (t.kind !== 'scalar')
            continue;
        const v = String(t.value);
        const guess = /^([^\s=]+)[\s=]+(.+)$/.exec(v);
        const fix = guess ? `"${guess[1]}:${guess[2]}"` : `"KEY:${v}"`;
        r.report(t, 'warning', 'tag-without-key', `tag "${v}" has no "key:", while the file's other tags do (e.g. "${example}"): it becomes a simple tag that no key:value facet finds; write ${fix}`);
    }
}

;// CONCATENATED MODULE: ./src/checks/agent/duplicates.ts
/** `instances[2].proxy` -> `instance 3 > proxy`. */
function describePath(path) {
    return path
        .replace(/^instances\[(\d+)\]/, (_m, i) => `instance ${Number(i) + 1}`)
        .replace(/\[(\d+)\]/g, (_m, i) => `[${Number(i) + 1}]`)
        .replace(/\./g, ' > ');
}
function reportDuplicates(duplicates, r) {
    for (const d of duplicates) {
        const firstLine = r.line(d.first.key);
        if (d.path === '') {
            const n = d.first.value.kind === 'seq' ? d.first.value.items.length : undefined;
            const lost = n === undefined ? '' : ` (${n} ${n === 1 ? 'entry' : 'entries'})`;
            r.report(d.dup.key, 'error', 'duplicate-key', `top-level key "${d.key}" appears again (first at line ${firstLine}): the agent keeps only this one and drops everything under line ${firstLine}${lost}; merge them`);
        }
        else {
            r.report(d.dup.key, 'error', 'duplicate-key', `key "${d.key}" appears twice in ${describePath(d.path)} (first at line ${firstLine}): only this value is used and the one at line ${firstLine} is silently lost`);
        }
    }
}

// EXTERNAL MODULE: ./src/checks/agent/http-check.ts + 4 modules
var http_check = __webpack_require__(2461);
// EXTERNAL MODULE: ./src/checks/agent/options.ts
var options = __webpack_require__(7609);
// EXTERNAL MODULE: ./src/checks/agent/schema/mysql.ts
var mysql = __webpack_require__(4801);
// EXTERNAL MODULE: ./src/checks/agent/values.ts
var values = __webpack_require__(2893);
;// CONCATENATED MODULE: ./src/checks/agent/mysql.ts
/** mysql rules beyond option types (CONFIG-FACTS A4, E2.4). */




/** Options that only act with `dbm: true`. */
const DBM_FEATURES = [
    'query_metrics',
    'query_samples',
    'statement_samples',
    'query_activity',
    'collect_settings',
    'collect_schemas',
    'schemas_collection',
    'index_metrics',
];
const CONNECTION_FIELDS = ['host', 'server', 'username', 'user', 'password', 'pass', 'port', 'sock'];
const COLUMN_TYPES = new Set(mysql/* CUSTOM_QUERY_COLUMN_TYPES */.k_);
const present = (map, key) => {
    const v = (0,ast/* get */.Jt)(map, key);
    return v === undefined || (0,options/* isNull */.kZ)(v) ? undefined : v;
};
function checkMysqlInstances(shape, r) {
    const intervals = [];
    for (const { map, index } of shape.instances) {
        const where = `instance ${index + 1}`;
        checkConnection(map, where, r);
        checkPort(map, where, r);
        checkCustomQueries((0,ast/* get */.Jt)(map, 'custom_queries'), `${where} > custom_queries`, r);
        checkDbm(map, where, r);
        const qm = (0,ast/* get */.Jt)(map, 'query_metrics');
        const interval = qm?.kind === 'map' ? (0,ast/* get */.Jt)(qm, 'collection_interval') : undefined;
        if (interval?.kind === 'scalar' && typeof interval.value === 'number')
            intervals.push({ value: interval.value, node: interval, index });
    }
    if (shape.initConfig)
        checkCustomQueries((0,ast/* get */.Jt)(shape.initConfig, 'global_custom_queries'), 'init_config > global_custom_queries', r);
    const first = intervals[0];
    for (const it of intervals.slice(1)) {
        if (first && it.value !== first.value) {
            r.report(it.node, 'warning', 'query-metrics-interval', `query_metrics.collection_interval of instance ${it.index + 1} (${it.value}) differs from instance ${first.index + 1} (${first.value}): every instance must use the same value`);
        }
    }
}
function checkConnection(map, where, r) {
    const host = present(map, 'host') ?? present(map, 'server');
    const user = present(map, 'username') ?? present(map, 'user');
    const sock = present(map, 'sock');
    const defaultsFile = present(map, 'defaults_file');
    if (!defaultsFile && !((host || sock) && user)) {
        const missing = [!(host || sock) ? 'host (or sock)' : '', !user ? 'username' : ''].filter(Boolean).join(' and ');
        r.report(map, 'error', 'missing-connection', `${where} has no ${missing}: the check fails ("Mysql host and user or a defaults_file are needed."); set host and username, or defaults_file`);
    }
    if (sock && host) {
        r.report((0,ast/* getPair */.xf)(map, 'sock').key, 'warning', 'sock-and-host', `${where} sets both "sock" and "host": the socket is used and host is ignored`);
    }
    if (defaultsFile) {
        const extra = CONNECTION_FIELDS.filter((k) => present(map, k));
        if (extra.length) {
            r.report((0,ast/* getPair */.xf)(map, 'defaults_file').key, 'warning', 'defaults-file-overrides', `${where} sets "defaults_file" and ${extra.join(', ')}: with a defaults file the connection details are ignored`);
        }
    }
}
function checkPort(map, where, r) {
    const node = present(map, 'port');
    if (!node || node.kind !== 'scalar' || (0,values/* isIndirect */.Rh)(node))
        return;
    const n = typeof node.value === 'number'
        ? node.value
        : typeof node.value === 'string' && /^\s*\d+\s*$/.test(node.value)
            ? Number(node.value)
            : undefined;
    if (n === undefined)
        return; // not a number: wrong-type is reported by the option checks
    if (!Number.isInteger(n) || n < 1 || n > 65535) {
        r.report(node, 'error', 'invalid-value', `"port" in ${where} is ${(0,values/* describe */.q0)(node)}: it must be a whole number from 1 to 65535 (MySQL listens on 3306 by default)`);
    }
}
function checkCustomQueries(node, where, r) {
    if (node?.kind !== 'seq')
        return;
    node.items.forEach((q, i) => {
        if (q.kind !== 'map')
            return; // wrong-type is reported by the option checks
        const at = `${where}[${i + 1}]`;
        const missing = ['query', 'columns'].filter((k) => !present(q, k));
        if (missing.length)
            r.report(q, 'error', 'custom-query', `${at} has no ${missing.join(' or ')}: every custom query needs the SQL and its list of columns; the check fails to start`);
        const columns = (0,ast/* get */.Jt)(q, 'columns');
        if (columns?.kind !== 'seq')
            return;
        columns.items.forEach((c, j) => {
            if (c.kind !== 'map' || c.pairs.length === 0)
                return; // `- {}` skips a column
            const type = (0,ast/* get */.Jt)(c, 'type');
            const name = present(c, 'name');
            if (!type || (0,options/* isNull */.kZ)(type)) {
                if (name)
                    r.report(c, 'error', 'custom-query', `column ${j + 1} of ${at} has a name but no type: write a type such as gauge, count, rate or tag`);
                return;
            }
            const t = type.kind === 'scalar' ? String(type.value) : '';
            if (!COLUMN_TYPES.has(t)) {
                r.report(type, 'error', 'custom-query', `column ${j + 1} of ${at} has the type "${t}", which is not one of ${mysql/* CUSTOM_QUERY_COLUMN_TYPES */.k_.join(', ')}: the check fails to start`);
            }
        });
    });
}
function checkDbm(map, where, r) {
    const dbmNode = present(map, 'dbm') ?? present(map, 'deep_database_monitoring');
    const dbm = dbmNode?.kind === 'scalar' &&
        (dbmNode.value === true || (typeof dbmNode.value === 'string' && /^(true|yes|on|1|y|t)$/i.test(dbmNode.value)));
    if (!dbm) {
        for (const k of DBM_FEATURES) {
            const pair = (0,ast/* getPair */.xf)(map, k);
            if (!pair || pair.value.kind !== 'map')
                continue;
            const enabled = (0,ast/* get */.Jt)(pair.value, 'enabled');
            if (enabled?.kind === 'scalar' && enabled.value === false)
                continue;
            r.report(pair.key, 'warning', 'dbm-disabled', `"${k}" in ${where} has no effect without \`dbm: true\``);
        }
    }
    const aws = (0,ast/* get */.Jt)(map, 'aws');
    const auth = aws?.kind === 'map' ? (0,ast/* get */.Jt)(aws, 'managed_authentication') : undefined;
    const enabled = auth?.kind === 'map' ? (0,ast/* get */.Jt)(auth, 'enabled') : undefined;
    if (aws?.kind === 'map' && enabled?.kind === 'scalar' && enabled.value === true && !present(aws, 'region')) {
        r.report(enabled, 'error', 'aws-region-missing', `aws.managed_authentication in ${where} is enabled without aws.region: IAM authentication needs the region; add \`region: <aws region>\` under aws`);
    }
}

;// CONCATENATED MODULE: ./src/checks/agent/reporter.ts
/** Collects one file's findings under the check's code prefix (`http_check/...`, `mysql/...`). */

class Reporter {
    source;
    prefix;
    findings = [];
    constructor(source, 
    /** Code prefix: the check name. */
    prefix) {
        this.source = source;
        this.prefix = prefix;
    }
    /** A finding at a node's start (or at an offset). `rule` is the part after the prefix. */
    report(at, severity, rule, message) {
        const offset = typeof at === 'number' ? at : at.range[0];
        this.findings.push((0,findings/* finding */.gk)(this.source.file, this.source.lines.position(offset), severity, `${this.prefix}/${rule}`, message));
    }
    line(at) {
        return this.source.lines.position(at.range[0]).line;
    }
}

// EXTERNAL MODULE: ./src/checks/agent/schema/index.ts
var agent_schema = __webpack_require__(6055);
;// CONCATENATED MODULE: ./src/checks/agent/secrets.ts


const MULTI_PROVIDER_SCRIPT = 'readsecret_multiple_providers.sh';
function checkSecrets(shape, instanceOptions, ctx, r) {
    const found = { handles: [], env: [] };
    for (const pair of shape.root.pairs) {
        // The agent substitutes %%env_%% only in these sections; ENC[] handles anywhere.
        const section = (0,ast/* keyName */.xT)(pair);
        collect(pair.value, section === 'init_config' || section === 'instances' || section === 'logs', found, r);
    }
    if (found.handles.length)
        checkHandles(found.handles, ctx, r);
    if (ctx.env) {
        const env = ctx.env;
        for (const { name, node } of found.env) {
            if (env.names.has(name))
                continue;
            if (env.open) {
                r.report(node, 'warning', 'env-missing', `%%env_${name}%% needs ${name} in ${env.where}; it is not in its environment or secrets (an environment file may provide it)`);
            }
            else {
                r.report(node, 'error', 'env-missing', `%%env_${name}%% needs ${name} in ${env.where} (environment or secrets): without it the agent leaves "%%env_${name}%%" in the config`);
            }
        }
    }
    const secrets = instanceOptions.filter((o) => o.secret);
    for (const { map, index } of shape.instances)
        literalSecrets(map, secrets, `instance ${index + 1}`, r);
}
/** Every string scalar below `node` (iteratively: depth is bounded by the loader, not by us). */
function collect(node, envSection, found, r) {
    const stack = [node];
    while (stack.length) {
        const n = stack.pop();
        if (n.kind === 'map')
            for (let i = n.pairs.length - 1; i >= 0; i--)
                stack.push(n.pairs[i].value);
        else if (n.kind === 'seq')
            for (let i = n.items.length - 1; i >= 0; i--)
                stack.push(n.items[i]);
        else if (typeof n.value === 'string') {
            const v = n.value;
            if (v.includes('ENC[')) {
                const handle = (0,values/* encHandle */.B6)(v);
                if (handle !== undefined)
                    found.handles.push({ handle, node: n });
                else if ((0,values/* isPartialEnc */.gw)(v)) {
                    r.report(n, 'error', 'secret-handle-partial', 'an ENC[...] handle must be the whole value: here it is part of a longer string, so the agent sends the text as written; make the value exactly "ENC[<handle>]"');
                }
            }
            if (envSection)
                for (const name of (0,values/* envRefs */.il)(v))
                    found.env.push({ name, node: n });
            else if ((0,values/* envRefs */.il)(v).length) {
                r.report(n, 'warning', 'env-not-resolved', 'the agent replaces %%env_NAME%% only in init_config, instances and logs: here it stays as written');
            }
        }
    }
}
function checkHandles(handles, ctx, r) {
    const backend = ctx.secretBackend;
    if (backend && !backend.configured) {
        const first = handles[0].node;
        r.report(first, 'error', 'secret-backend-missing', `${handles.length} ENC[...] secret handle(s) but the agent has no secret backend (${backend.where}): set DD_SECRET_BACKEND_COMMAND=/${MULTI_PROVIDER_SCRIPT} in the agent container, or secret_backend_command in datadog.yaml; otherwise the agent drops this config`);
    }
    for (const { handle, node } of handles) {
        if (handle.startsWith('k8s_secret@')) {
            r.report(node, 'warning', 'secret-handle-k8s', 'a k8s_secret@ handle reads a Kubernetes Secret, which does not exist on ECS: use ENC[file@/path] with a file in the image, or a native backend (aws.ssm, aws.secrets)');
            continue;
        }
        if (!handle.startsWith('file@'))
            continue;
        const path = handle.slice('file@'.length);
        if (!path.startsWith('/')) {
            r.report(node, 'warning', 'secret-file-relative', `ENC[file@${path}] is not an absolute path: write the file's full path in the agent image, e.g. ENC[file@/etc/datadog-agent/secrets/<name>]`);
            continue;
        }
        if (backend?.configured) {
            const command = backend.command;
            if (command !== undefined &&
                !command.endsWith(`/${MULTI_PROVIDER_SCRIPT}`) &&
                command !== MULTI_PROVIDER_SCRIPT) {
                r.report(node, 'warning', 'secret-backend-mismatch', `file@ handles are read by /${MULTI_PROVIDER_SCRIPT}, but the secret backend is ${command} (${backend.where}): check that it understands "file@"`);
            }
            else if (command === undefined && backend.type !== undefined) {
                r.report(node, 'warning', 'secret-backend-mismatch', `file@ handles are read by /${MULTI_PROVIDER_SCRIPT}, but the agent uses the native backend ${backend.type} (${backend.where}), which expects its own handle format`);
            }
        }
        const image = ctx.image;
        if (image && !image.files.has(path)) {
            if (image.complete) {
                r.report(node, 'error', 'secret-file-missing', `ENC[file@${path}] points at a file the image does not contain (no COPY in ${image.dockerfile} puts one at ${path}): the secret does not resolve and the agent drops this config`);
            }
            else {
                r.report(node, 'warning', 'secret-file-missing', `ENC[file@${path}] points at a file no COPY in ${image.dockerfile} provides; the Dockerfile has steps that cannot be followed, so it may still be there`);
            }
        }
    }
}
/** Credentials written in plain text: accepted by the agent, but they sit in the repository and the image. */
function literalSecrets(map, secrets, where, r) {
    for (const spec of secrets) {
        const pair = (0,ast/* getPair */.xf)(map, spec.name);
        if (!pair)
            continue;
        if (spec.name === 'auth_token') {
            const reader = pair.value.kind === 'map' ? (0,ast/* get */.Jt)(pair.value, 'reader') : undefined;
            const secret = reader?.kind === 'map' ? (0,ast/* getPair */.xf)(reader, 'client_secret') : undefined;
            if (secret && isLiteral(secret.value))
                r.report(secret.value, 'warning', 'literal-secret', `"auth_token.reader.client_secret" in ${where} is written in plain text: ${FIX}`);
            continue;
        }
        if (isLiteral(pair.value))
            r.report(pair.value, 'warning', 'literal-secret', `"${spec.name}" in ${where} is written in plain text: ${FIX}`);
    }
}
const FIX = 'use "ENC[file@/path/in/image]" with the agent\'s secret backend, or "%%env_NAME%%" fed from the task definition\'s secrets';
function isLiteral(node) {
    // Non-string values are reported as wrong types; only text can be a usable password.
    if (node.kind !== 'scalar' || typeof node.value !== 'string')
        return false;
    const v = node.value;
    // A broken `ENC[` value is reported as such (secret-handle-partial), not twice.
    return v !== '' && !v.includes('ENC[') && !v.includes('%%env_');
}

// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __webpack_require__(5111);
;// CONCATENATED MODULE: ./src/checks/agent/shape.ts
/**
 * The file-level shape the agent itself enforces when it loads a conf.d file
 * (`config_reader.go`, CONFIG-FACTS A1): top-level keys, `init_config`, `instances`, and the two
 * rejection rules (no instances, `docker_images` without `ad_identifiers`).
 */





/** The agent's `configFormat` fields, and what yaml.v2 needs each to be. */
const TOP_LEVEL = {
    init_config: 'mapping',
    instances: 'list',
    logs: 'list',
    jmx_metrics: 'any',
    ad_identifiers: 'list',
    advanced_ad_identifiers: 'list',
    cluster_check: 'bool',
    docker_images: 'list',
    ignore_autodiscovery_tags: 'bool',
    check_tag_cardinality: 'string',
};
function checkShape(root, r) {
    if (root === null) {
        r.report(0, 'error', 'no-instances', 'the file is empty: the agent skips it, so nothing is monitored; add `init_config:` and an `instances:` list');
        return undefined;
    }
    if (root.kind !== 'map') {
        r.report(root, 'error', 'not-a-mapping', `the file must be a mapping with \`init_config:\` and \`instances:\`, not ${(0,values/* describe */.q0)(root)}: the agent rejects it`);
        return undefined;
    }
    for (const pair of root.pairs) {
        if (pair.key.kind !== 'scalar')
            continue;
        const name = (0,ast/* keyName */.xT)(pair);
        const want = TOP_LEVEL[name];
        if (!want) {
            const meant = (0,suggest/* closest */.kp)(name, ['instances', 'init_config']);
            if (meant && !(0,ast/* getPair */.xf)(root, meant)) {
                const effect = meant === 'instances' ? 'so the file has no instances and the agent rejects it' : 'so init_config is unset';
                r.report(pair.key, 'error', 'misspelled-key', `"${name}" is not a key the agent reads (did you mean "${meant}"?), ${effect}: rename it to \`${meant}:\``);
                continue;
            }
            r.report(pair.key, 'warning', 'unknown-key', `unknown top-level key ${(0,findings/* quoteValue */.cl)(name)}: the agent ignores it${(0,suggest/* didYouMean */.au)(name, Object.keys(TOP_LEVEL))}`);
            continue;
        }
        const v = pair.value;
        if ((0,options/* isNull */.kZ)(v) || want === 'any')
            continue;
        const ok = (want === 'mapping' && v.kind === 'map') ||
            (want === 'list' && v.kind === 'seq') ||
            (want === 'bool' && v.kind === 'scalar' && typeof v.value === 'boolean') ||
            (want === 'string' && v.kind === 'scalar');
        if (!ok && name !== 'instances') {
            const what = want === 'mapping'
                ? 'a mapping (or empty)'
                : want === 'list'
                    ? 'a list'
                    : want === 'bool'
                        ? 'true or false'
                        : 'a string';
            r.report(v, 'error', 'wrong-type', `"${name}" must be ${what}, not ${(0,values/* describe */.q0)(v)}: the agent rejects the file`);
        }
    }
    const initPair = (0,ast/* getPair */.xf)(root, 'init_config');
    const initConfig = initPair?.value.kind === 'map' ? initPair.value : undefined;
    const instances = checkInstancesList(root, r);
    const adPair = (0,ast/* getPair */.xf)(root, 'ad_identifiers');
    if ((0,ast/* getPair */.xf)(root, 'docker_images') && (!adPair || (0,options/* isNull */.kZ)(adPair.value))) {
        const at = (0,ast/* getPair */.xf)(root, 'docker_images')?.key ?? root;
        r.report(at, 'error', 'docker-images', "`docker_images` without `ad_identifiers`: the agent rejects the file (\"the 'docker_images' section is deprecated, please use 'ad_identifiers' instead\")");
    }
    else if (adPair && !(0,options/* isNull */.kZ)(adPair.value)) {
        r.report(adPair.key, 'warning', 'ad-template', '`ad_identifiers` makes this file an Autodiscovery template: its instances run only against matching containers, not on their own; remove it for a plain check');
    }
    return { root, initConfig, instances };
}
function checkInstancesList(root, r) {
    const pair = (0,ast/* getPair */.xf)(root, 'instances');
    const hasOther = ['logs', 'jmx_metrics'].some((k) => {
        const v = (0,ast/* getPair */.xf)(root, k)?.value;
        return v !== undefined && !(0,options/* isNull */.kZ)(v);
    });
    if (!pair || (0,options/* isNull */.kZ)(pair.value) || (pair.value.kind === 'seq' && pair.value.items.length === 0)) {
        // A misspelled `instances:` is reported on its own line (checkShape): not twice.
        const misspelled = root.pairs.some((p) => p.key.kind === 'scalar' && (0,ast/* keyName */.xT)(p) !== 'instances' && (0,suggest/* closest */.kp)((0,ast/* keyName */.xT)(p), ['instances']) === 'instances');
        if (!hasOther && !(misspelled && !pair)) {
            const at = pair?.key ?? root;
            const hint = (0,ast/* getPair */.xf)(root, 'instance') ? ' (the key is `instances`, plural)' : '';
            r.report(at, 'error', 'no-instances', `no instances: the agent rejects the file ("Configuration file contains no valid instances")${hint}; add \`instances:\` with at least one \`- \` entry`);
        }
        return [];
    }
    if (pair.value.kind !== 'seq') {
        r.report(pair.value, 'error', 'instances-not-list', `"instances" must be a list of mappings (each entry starting with \`- \`), not ${(0,values/* describe */.q0)(pair.value)}: the agent rejects the file`);
        return [];
    }
    const out = [];
    pair.value.items.forEach((item, index) => {
        if (item.kind === 'map')
            out.push({ map: item, index });
        else if ((0,options/* isNull */.kZ)(item))
            r.report(item, 'error', 'instance-not-mapping', `instance ${index + 1} is empty: write its options under the \`- \``);
        else
            r.report(item, 'error', 'instance-not-mapping', `instance ${index + 1} must be a mapping of options, not ${(0,values/* describe */.q0)(item)}: the agent rejects the file`);
    });
    return out;
}

;// CONCATENATED MODULE: ./src/checks/agent/sites.ts
/**
 * The sites an http_check file monitors, as plain data for the PR report ("sites added / removed /
 * changed"). Credentials never leave: secret options become '<secret>' unless they are an ENC[]
 * handle or an %%env_%% reference (which are names, not secrets), and so do header values that
 * look like credentials and passwords inside URLs.
 */



const SECRET = '<secret>';
/** Unknown or misspelled options that look like credentials are hidden too (`pass`, `pasword`, `api_key`). */
const SECRET_OPTION = /pass|secret|token|api_?key|credential/i;
const SECRET_HEADER = /auth|token|key|secret|cookie|pass|session|signature/i;
function extractSites(shape, options, r) {
    const table = (0,agent_schema/* optionTable */.s)(options);
    return shape.instances.map(({ map }) => {
        const out = {};
        for (const pair of map.pairs) {
            const k = (0,ast/* keyName */.xT)(pair);
            if (k === 'name' || k === 'url')
                continue;
            const spec = table.byName.get(k);
            let v;
            if (spec?.secret || SECRET_OPTION.test(k))
                v = sites_hidden(pair.value);
            else if (k === 'headers' || k === 'extra_headers')
                v = headers(pair.value);
            else
                v = plain(pair.value);
            (0,ast/* setOwn */.P5)(out, k, v);
        }
        return {
            name: sites_text((0,ast/* getPair */.xf)(map, 'name')?.value),
            url: redactUrl(sites_text((0,ast/* getPair */.xf)(map, 'url')?.value)),
            line: r.line(map),
            options: out,
        };
    });
}
function sites_text(node) {
    return node?.kind === 'scalar' && node.value !== null ? String(node.value) : '';
}
/** A secret's value: handles and references stay visible (a changed handle is worth seeing), literals do not. */
function sites_hidden(node) {
    if (node.kind === 'scalar' &&
        typeof node.value === 'string' &&
        ((0,values/* encHandle */.B6)(node.value) !== undefined || node.value.includes('%%env_')))
        return node.value;
    if (node.kind === 'scalar' && node.value === null)
        return null;
    return SECRET;
}
function headers(node) {
    // Not a mapping (a wrong type, reported elsewhere): it may be a whole `Authorization: ...` line.
    if (node.kind !== 'map')
        return sites_hidden(node);
    const out = {};
    for (const pair of node.pairs) {
        const k = (0,ast/* keyName */.xT)(pair);
        (0,ast/* setOwn */.P5)(out, k, SECRET_HEADER.test(k) ? sites_hidden(pair.value) : plain(pair.value));
    }
    return out;
}
/** Plain JS value; URLs with embedded passwords are redacted wherever they appear. */
function plain(node, depth = 0) {
    if (depth > 100)
        return null;
    switch (node.kind) {
        case 'scalar':
            // Only URL-looking strings: a tag like `owner:team@example.com` is not a credential.
            return typeof node.value === 'string' && node.value.includes('://') ? redactUrl(node.value) : node.value;
        case 'seq':
            return node.items.map((n) => plain(n, depth + 1));
        case 'map': {
            const o = {};
            for (const p of node.pairs)
                (0,ast/* setOwn */.P5)(o, (0,ast/* keyName */.xT)(p), plain(p.value, depth + 1));
            return o;
        }
    }
}
/** `https://user:pass@host` -> `https://user:<secret>@host` (also without a scheme, `user:pass@host`). */
function redactUrl(s) {
    return s.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?[^/@:\s]*):[^/@\s]*@/, `$1:${SECRET}@`);
}

;// CONCATENATED MODULE: ./src/checks/agent/conf-path.ts
/**
 * Where the agent loads a file from its path in the image, and what it makes of a whole conf.d
 * (`config_reader.go`: CONFIG-FACTS A1):
 * - `conf.d/<check>.d/<file>` (one level only) and `conf.d/<check>.yaml` are read;
 * - only `.yaml`/`.yml`, optionally followed by `.default`; `conf.yaml.example` and the like are
 *   skipped silently;
 * - every active file of a check is its own config (all run); `*.default` files load only when
 *   the check has no other file — and take over when that file is invalid;
 * - `metrics.yaml` is a JMX metrics file, not a check config.
 */

/** The conf.d directories of the agent image: `/etc/datadog-agent/conf.d`, the container's `/conf.d`, or any `.../datadog-agent/conf.d`. */
const CONF_D = /^(?:\/|(?:\/[^/]+)*\/datadog-agent\/)conf\.d\/(.+)$/;
const CONFIG_EXT = /\.(?:ya?ml)(\.default)?$/;
function agentConfPath(imagePath) {
    const m = CONF_D.exec(imagePath.replace(/\/{2,}/g, '/'));
    if (!m)
        return undefined;
    const parts = m[1].split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0)
        return undefined;
    const file = parts[parts.length - 1];
    if (parts.length === 1) {
        const ext = CONFIG_EXT.exec(file);
        const check = ext ? file.slice(0, ext.index) : file.replace(/\..*$/, '');
        if (!ext)
            return { check, loaded: false, isDefault: false, why: skippedExtension(file) };
        return { check, loaded: true, isDefault: Boolean(ext[1]) };
    }
    const dir = parts[0];
    const check = dir.replace(/\.d$/, '');
    if (!dir.endsWith('.d'))
        return {
            check,
            loaded: false,
            isDefault: false,
            why: `the agent reads only directories whose name ends in ".d" (${dir}.d), so ${dir}/ is skipped`,
        };
    if (parts.length > 2)
        return {
            check,
            loaded: false,
            isDefault: false,
            why: `the agent reads only files directly in ${dir}/, not in subdirectories`,
        };
    const ext = CONFIG_EXT.exec(file);
    if (!ext)
        return { check, loaded: false, isDefault: false, why: skippedExtension(file) };
    if (/^metrics\.ya?ml$/.test(file))
        return {
            check,
            loaded: false,
            isDefault: false,
            why: 'metrics.yaml is a JMX metrics file, not a check configuration',
        };
    return { check, loaded: true, isDefault: Boolean(ext[1]) };
}
function skippedExtension(file) {
    const example = /\.example$/.test(file) ? ' (an example: the agent never loads it)' : '';
    return `the agent reads only .yaml or .yml files (optionally followed by .default), so "${file}" is skipped${example}`;
}
const START = { line: 1, column: 1 };
function checkConfDLayout(files) {
    const out = [];
    const byCheck = new Map();
    for (const [image, repo] of files) {
        const info = agentConfPath(image);
        if (!info)
            continue;
        const base = image.slice(image.lastIndexOf('/') + 1);
        // JMX metric files and Autodiscovery templates are loaded for other purposes: neither ignored nor a second config.
        if (/^(?:metrics|auto_conf)\.ya?ml$/.test(base))
            continue;
        if (!info.loaded) {
            out.push((0,findings/* finding */.gk)(repo, START, 'warning', 'agent/ignored-file', `${image} is not loaded by the agent: ${info.why ?? 'skipped'}`));
            continue;
        }
        const list = byCheck.get(info.check) ?? [];
        list.push({ image, repo, info });
        byCheck.set(info.check, list);
    }
    for (const [check, list] of byCheck) {
        const active = list.filter((f) => !f.info.isDefault);
        const defaults = list.filter((f) => f.info.isDefault);
        if (active.length > 1) {
            const all = active.map((f) => f.image).join(', ');
            for (const f of active) {
                out.push((0,findings/* finding */.gk)(f.repo, START, 'warning', 'agent/multiple-configs', `${check} has ${active.length} active config files (${all}): the agent runs every one of them; keep one file per check unless that is intended`));
            }
        }
        if (active.length && defaults.length) {
            for (const f of defaults) {
                out.push((0,findings/* finding */.gk)(f.repo, START, 'warning', 'agent/default-config-beside', `${f.image} is ignored while ${active[0].image} is valid, and takes over silently when it is not: remove it`));
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/agent/detect.ts


const AGENT_FILE = /^(?:instances|init_config)[ \t]*:/m;
const MYSQL_KEYS = (/* unused pure expression or super */ null && ([
    'host',
    'server',
    'sock',
    'username',
    'user',
    'defaults_file',
    'dbm',
    'deep_database_monitoring',
    'custom_queries',
    'query_metrics',
]));
function detectAgentKind(source) {
    if (!AGENT_FILE.test(source.text))
        return undefined;
    const root = loadYaml(source, 'agent').root;
    if (root?.kind !== 'map')
        return undefined;
    const instances = get(root, 'instances');
    if (instances?.kind !== 'seq')
        return undefined;
    const maps = instances.items.filter((i) => i.kind === 'map');
    if (maps.some((m) => getPair(m, 'url')))
        return 'http_check';
    if (maps.some((m) => MYSQL_KEYS.some((k) => getPair(m, k))))
        return 'mysql';
    return undefined;
}

;// CONCATENATED MODULE: ./src/checks/agent/index.ts
















function checkAgentFile(source, kind, ctx) {
    const notice = (0,checks_source/* templateNotice */.ru)(source);
    if (notice)
        return { findings: [notice], sites: [] };
    const r = new Reporter(source, kind);
    let sites = [];
    try {
        sites = checkParsed(source, kind, ctx, r);
    }
    catch (err) {
        // A bug here must not take the whole validation down with it: report it on the file instead.
        r.report(0, 'error', 'internal-error', `the ${kind} checker failed on this file (${err.message}); please report this`);
    }
    return { findings: (0,findings/* sortFindings */.Tc)(r.findings), sites };
}
function checkParsed(source, kind, ctx, r) {
    const yaml = (0,load/* loadYaml */.yv)(source, 'agent');
    (0,findings/* appendAll */.u2)(r.findings, yaml.findings);
    if (yaml.findings.some((f) => f.severity === 'error'))
        return [];
    reportDuplicates(yaml.duplicates, r);
    const shape = checkShape(yaml.root, r);
    if (!shape)
        return [];
    const schema = agent_schema/* SCHEMAS */.H[kind];
    if (shape.initConfig)
        (0,options/* checkOptions */.Jr)(shape.initConfig, schema.initConfig, { r, where: 'init_config' });
    for (const { map, index } of shape.instances)
        (0,options/* checkOptions */.Jr)(map, schema.instance, { r, where: `instance ${index + 1}` });
    if (kind === 'http_check')
        (0,http_check/* checkHttpInstances */.H)(shape, r);
    else
        checkMysqlInstances(shape, r);
    checkSecrets(shape, schema.instance, ctx, r);
    checkTruthyStrings(shape, kind, r);
    checkTagConsistency(shape, r);
    return kind === 'http_check' ? extractSites(shape, schema.instance, r) : [];
}


/***/ }),

/***/ 7609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jr: () => (/* binding */ checkOptions),
/* harmony export */   kZ: () => (/* binding */ isNull)
/* harmony export */ });
/* unused harmony exports typesOf, modelAccepts */
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(671);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5111);
/* harmony import */ var _yaml_ast_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6353);
/* harmony import */ var _schema_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6055);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2893);
/**
 * Option-by-option checks against the tables in schema/: unknown and deprecated names, value types
 * and allowed values, recursively through known nested mappings.
 *
 * Types are judged the way the running agent judges them:
 * - `goType` fields are decoded by the agent's Go code (yaml.v2, strict types) before the check is
 *   scheduled: a string `min_collection_interval`, a scalar `tags` — the instance never runs
 *   (CONFIG-FACTS A0).
 * - everything else by the check's pydantic config model, which `AgentCheck` validates before the
 *   first run (datadog_checks_base `load_configuration_models`: a ValidationError becomes a
 *   ConfigurationError on every run). Pydantic's lax mode coerces "5" to 5.0 and "yes" to True, but
 *   never a number to a string, so `password: 1234` fails while `timeout: "5"` passes.
 */





/** Strings pydantic accepts for a bool (compared lower-cased). */
const BOOL_STRINGS = new Set(['0', 'off', 'f', 'false', 'n', 'no', '1', 'on', 't', 'true', 'y', 'yes']);
const INT_STRING = /^\s*[-+]?\d[\d_]*\s*$/;
const FLOAT_STRING = /^\s*[-+]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?\s*$|^\s*[-+]?(?:inf|infinity|nan)\s*$/i;
const WANT = {
    string: 'a string',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
    array: 'a list',
    object: 'a mapping',
};
function typesOf(spec) {
    return typeof spec.type === 'string' ? [spec.type] : spec.type;
}
function isNull(node) {
    return node === undefined || (node.kind === 'scalar' && node.value === null);
}
/** Does pydantic (lax mode) accept this YAML value for this type? */
function modelAccepts(node, type) {
    if (type === 'array')
        return node.kind === 'seq';
    if (type === 'object')
        return node.kind === 'map';
    if (node.kind !== 'scalar')
        return false;
    const v = node.value;
    switch (type) {
        case 'string':
            return typeof v === 'string';
        case 'boolean':
            return (typeof v === 'boolean' || v === 0 || v === 1 || (typeof v === 'string' && BOOL_STRINGS.has(v.toLowerCase())));
        case 'integer':
            return (typeof v === 'boolean' ||
                (typeof v === 'number' && Number.isInteger(v)) ||
                (typeof v === 'string' && INT_STRING.test(v)));
        case 'number':
            return typeof v === 'boolean' || typeof v === 'number' || (typeof v === 'string' && FLOAT_STRING.test(v));
    }
}
/** What the agent's Go decoding rejects (yaml.v2 into int / bool / []string). */
function goProblem(node, goType) {
    switch (goType) {
        case 'int':
            return node.kind === 'scalar' && typeof node.value === 'number' ? undefined : 'a number';
        case 'bool':
            return node.kind === 'scalar' && typeof node.value === 'boolean' ? undefined : 'true or false';
        case 'string-list':
            return node.kind === 'seq' && node.items.every((i) => i.kind === 'scalar') ? undefined : 'a list of strings';
    }
}
/** Check every key of `map` against `options`. */
function checkOptions(map, options, walk) {
    const table = (0,_schema_index_js__WEBPACK_IMPORTED_MODULE_1__/* .optionTable */ .s)(options);
    for (const pair of map.pairs) {
        if (pair.key.kind !== 'scalar')
            continue;
        const name = (0,_yaml_ast_js__WEBPACK_IMPORTED_MODULE_3__/* .keyName */ .xT)(pair);
        const spec = table.byName.get(name);
        if (!spec) {
            walk.r.report(pair.key, 'warning', 'unknown-key', `unknown option ${(0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(name)} in ${walk.where}: the check ignores it${(0,_suggest_js__WEBPACK_IMPORTED_MODULE_4__/* .didYouMean */ .au)(name, table.current)}`);
            continue;
        }
        if (spec.deprecated)
            walk.r.report(pair.key, 'warning', 'deprecated-key', deprecatedMessage(spec, walk.where));
        checkValue(pair.value, spec, walk);
    }
}
function deprecatedMessage(spec, where) {
    const { replacement, note } = spec.deprecated ?? {};
    if (replacement)
        return `"${spec.name}" in ${where} is a deprecated name: use "${replacement}"${note ? ` (${note})` : ''}`;
    return `"${spec.name}" in ${where} is deprecated: ${note ?? 'remove it'}`;
}
function checkValue(node, spec, walk) {
    if (isNull(node))
        return;
    const { r, where } = walk;
    const label = `"${spec.name}" in ${where}`;
    const types = typesOf(spec);
    if (spec.goType) {
        const want = goProblem(node, spec.goType);
        if (want) {
            r.report(node, 'error', 'wrong-type', `${label} must be ${want}, not ${(0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .describe */ .q0)(node, spec.secret || spec.sensitive)}: the agent does not schedule this instance${goHint(node, spec.goType)}`);
            return;
        }
    }
    if ((0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndirect */ .Rh)(node)) {
        // Resolved to a string at run time: fine for scalars (pydantic coerces "5"), never a list or mapping.
        if (types.every((t) => t === 'array' || t === 'object')) {
            r.report(node, 'error', 'wrong-type', `${label} must be ${types.map((t) => WANT[t]).join(' or ')}: a secret or %%env_%% value is always a string`);
        }
        return;
    }
    if (!spec.untyped && !types.some((t) => modelAccepts(node, t))) {
        const want = types.map((t) => WANT[t]).join(' or ');
        let hint = types.includes('string') && node.kind === 'scalar' ? '; quote it if it is meant as text' : '';
        // yes/no/on/off/y/n are booleans to the agent's YAML reader (CONFIG-FACTS A0): say so, it surprises people.
        if (node.kind === 'scalar' && typeof node.value === 'boolean' && !/^(?:true|false)$/i.test(node.text))
            hint += ' (YAML reads yes/no/on/off/y/n as booleans)';
        r.report(node, 'error', 'wrong-type', `${label} must be ${want}, not ${(0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .describe */ .q0)(node, spec.secret || spec.sensitive)}: the check rejects the instance and never runs${hint}`);
        return;
    }
    if (spec.enum && node.kind === 'scalar' && typeof node.value === 'string')
        checkEnum(node, spec, label, r);
    if (node.kind === 'seq')
        checkItems(node.items, spec, walk);
    if (node.kind === 'map' && spec.options)
        checkOptions(node, spec.options, { r, where: `${where} > ${spec.name}` });
}
function goHint(node, goType) {
    if (goType === 'int' &&
        node.kind === 'scalar' &&
        typeof node.value === 'string' &&
        /^\s*\d+(\.\d+)?\s*$/.test(node.value))
        return ` (write ${node.value.trim()} without quotes)`;
    if (goType === 'string-list' && node.kind === 'scalar')
        return ' (write it as a list: `- ...`)';
    return '';
}
function checkEnum(node, spec, label, r) {
    const allowed = spec.enum ?? [];
    const v = spec.enumIgnoreCase ? node.value.toLowerCase() : node.value;
    if (allowed.includes(v))
        return;
    r.report(node, 'error', 'invalid-value', `${label} is "${node.value}", which is not one of ${allowed.join(', ')}${(0,_suggest_js__WEBPACK_IMPORTED_MODULE_4__/* .didYouMean */ .au)(node.value, allowed)}`);
}
function checkItems(items, spec, walk) {
    const itemType = spec.items;
    if (!itemType)
        return;
    items.forEach((item, i) => {
        if ((0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndirect */ .Rh)(item) && itemType !== 'object')
            return;
        if (!spec.untyped && !modelAccepts(item, itemType)) {
            walk.r.report(item, 'error', 'wrong-type', `"${spec.name}" item ${i + 1} in ${walk.where} must be ${WANT[itemType]}, not ${(0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .describe */ .q0)(item, spec.secret || spec.sensitive)}: the check rejects the instance and never runs`);
            return;
        }
        if (spec.itemOptions && item.kind === 'map')
            checkOptions(item, spec.itemOptions, { r: walk.r, where: `${walk.where} > ${spec.name}[${i + 1}]` });
    });
}


/***/ }),

/***/ 7542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ HTTP_CHECK_SCHEMA),
/* harmony export */   y: () => (/* binding */ HTTP_METHODS)
/* harmony export */ });
/* harmony import */ var _templates_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(100);
/**
 * http_check options, from integrations-core `http_check/assets/configuration/spec.yaml` (copied
 * in shared/reference) with the templates it pulls in, the config model
 * (`config_models/instance.py`, which also declares `use_truststore`) and the legacy names the
 * check still remaps (`HTTP_CONFIG_REMAPPER`, CONFIG-FACTS A3).
 */

/** Methods the check can call on its requests wrapper (`getattr(self.http, method.lower())`). */
const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
const HTTP_CHECK_OWN = [
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('name', { required: true }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('url', { required: true }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('method', { default: 'get', enum: HTTP_METHODS, enumIgnoreCase: true }),
    { name: 'data', type: ['object', 'string'] },
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('content_match'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('reverse_content_match', { default: false }),
    { name: 'http_response_status_code', type: ['string', 'integer'], default: '(1|2|3)\\d\\d' },
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('include_content', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('collect_response_time', { default: true }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('check_certificate_expiration', { default: true }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('use_cert_from_response', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('tls_retrieve_non_validated_cert', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('days_warning', { default: 14 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('days_critical', { default: 7 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('seconds_warning'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('seconds_critical'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('ssl_server_name'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('stream', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('include_default_headers', { default: true }),
];
/** Declared by the config model next to the spec (version skew, SOURCES.md) or added upstream since. */
const HTTP_CHECK_NEWER = [
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('use_truststore', { hidden: true, default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('disable_status_code_tag', { hidden: true, default: false }),
];
/** Legacy names: `HTTP_CONFIG_REMAPPER` in http_check.py, and the base check's `no_proxy`. */
const HTTP_CHECK_LEGACY = [
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('client_cert', { untyped: true, deprecated: { replacement: 'tls_cert' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('client_key', { untyped: true, deprecated: { replacement: 'tls_private_key' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('ca_certs', { untyped: true, deprecated: { replacement: 'tls_ca_cert' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('disable_ssl_validation', {
        untyped: true,
        deprecated: { replacement: 'tls_verify', note: 'with the opposite value' },
    }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('ignore_ssl_warning', { untyped: true, deprecated: { replacement: 'tls_ignore_warning' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('check_hostname', { untyped: true, deprecated: { replacement: 'tls_validate_hostname' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('no_proxy', { untyped: true, deprecated: { replacement: 'skip_proxy' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('skip_event', { untyped: true, deprecated: { note: 'removed in http_check 2.0.0; it has no effect' } }),
];
const HTTP_CHECK_SCHEMA = {
    initConfig: (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .mergeOptions */ .lL)(_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .INIT_HTTP */ .qQ, _templates_js__WEBPACK_IMPORTED_MODULE_0__/* .INIT_DEFAULT */ .zl, 
    // Read by the check's __init__ for the certificate-expiration connection (CONFIG-FACTS A3).
    [(0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('ca_certs', { untyped: true })]),
    instance: (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .mergeOptions */ .lL)(HTTP_CHECK_OWN, _templates_js__WEBPACK_IMPORTED_MODULE_0__/* .INSTANCE_DEFAULT */ .El, 
    // The spec's override of `instances/http` only changes the example value of tls_verify.
    _templates_js__WEBPACK_IMPORTED_MODULE_0__/* .INSTANCE_HTTP */ .jQ, (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .override */ .$Z)(_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .INSTANCE_TLS */ .SG, {
        tls_verify: { hidden: true },
        tls_cert: { hidden: true },
        tls_ca_cert: { hidden: true },
        tls_private_key: { hidden: true },
        tls_ciphers: { hidden: true },
    }), HTTP_CHECK_NEWER, _templates_js__WEBPACK_IMPORTED_MODULE_0__/* .AGENT_RESERVED */ .Tg, HTTP_CHECK_LEGACY),
};


/***/ }),

/***/ 6055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ SCHEMAS),
/* harmony export */   s: () => (/* binding */ optionTable)
/* harmony export */ });
/* harmony import */ var _http_check_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7542);
/* harmony import */ var _mysql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4801);


const SCHEMAS = {
    http_check: _http_check_js__WEBPACK_IMPORTED_MODULE_0__/* .HTTP_CHECK_SCHEMA */ ._,
    mysql: _mysql_js__WEBPACK_IMPORTED_MODULE_1__/* .MYSQL_SCHEMA */ .ty,
};
const tables = new WeakMap();
function optionTable(options) {
    let t = tables.get(options);
    if (!t) {
        t = {
            byName: new Map(options.map((o) => [o.name, o])),
            current: options.filter((o) => !o.deprecated).map((o) => o.name),
        };
        tables.set(options, t);
    }
    return t;
}


/***/ }),

/***/ 4801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k_: () => (/* binding */ CUSTOM_QUERY_COLUMN_TYPES),
/* harmony export */   ty: () => (/* binding */ MYSQL_SCHEMA)
/* harmony export */ });
/* unused harmony exports OBFUSCATION_MODES, AZURE_DEPLOYMENT_TYPES */
/* harmony import */ var _templates_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(100);
/**
 * mysql options, from integrations-core `mysql/assets/configuration/spec.yaml` (the newest copy in
 * shared/reference, the authoritative list: CONFIG-FACTS A4) with its templates, plus the legacy
 * names the check and its config model still accept.
 */

/** Column types the query manager knows (datadog_checks_base `utils/db`: submission methods and transformers). */
const CUSTOM_QUERY_COLUMN_TYPES = [
    'gauge',
    'count',
    'monotonic_count',
    'rate',
    'histogram',
    'historate',
    'tag',
    'tag_list',
    'tag_not_null',
    'source',
    'match',
    'service_check',
    'time_elapsed',
    'temporal_percent',
    'monotonic_gauge',
];
const OPTIONS_BLOCK = [
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('replication'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('replication_channel'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('galera_cluster', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('extra_status_metrics'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('extra_innodb_metrics', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('disable_innodb_metrics', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('schema_size_metrics', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('table_size_metrics', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('system_table_size_metrics', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('table_rows_stats_metrics', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('extra_performance_metrics', { default: false }),
    // In the older example and the config model; gone from the spec.
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('replication_non_blocking_status', { hidden: true }),
];
const SCHEMA_COLLECTION = [
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('enabled', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('collection_interval', { default: 600 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('max_execution_time', { default: 60 }),
];
const QUERY_SAMPLES = [
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('enabled', { default: true }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('collection_interval', { default: 1 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('explained_queries_per_hour_per_query', { default: 60 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('samples_per_hour_per_query', { default: 15 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('explained_queries_cache_maxsize', { default: 5000 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('seen_samples_cache_maxsize', { default: 10000 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('events_statements_row_limit', { default: 5000 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('explain_procedure', { default: 'explain_statement' }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('fully_qualified_explain_procedure', { default: 'datadog.explain_statement' }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('events_statements_enable_procedure', { default: 'datadog.enable_events_statements_consumers' }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('events_statements_temp_table_name', { default: 'datadog.temp_events' }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('collection_strategy_cache_maxsize', { default: 1000 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('collection_strategy_cache_ttl', { default: 300 }),
];
const OBFUSCATION_MODES = ['obfuscate_only', 'obfuscate_and_normalize'];
const AZURE_DEPLOYMENT_TYPES = ['flexible_server', 'single_server', 'virtual_machine'];
const MYSQL_OWN = [
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('host'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('username'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('password', { secret: true }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('port', { default: 3306 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('propagate_agent_tags', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('reported_hostname'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('exclude_hostname', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('database_identifier', [(0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('template', { default: '$resolved_hostname' })]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('sock'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('charset'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('defaults_file'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('connect_timeout', { default: 10 }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('read_timeout'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('ssl', [(0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('key'), (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('cert'), (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('ca'), (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('check_hostname')]),
    ..._templates_js__WEBPACK_IMPORTED_MODULE_0__/* .INSTANCE_DB */ .xQ,
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)('additional_status', 'object'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)('additional_variable', 'object'),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('max_custom_queries', {
        default: 20,
        deprecated: { replacement: 'custom_queries', note: 'it only limits the deprecated `queries`' },
    }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)('queries', 'object', { deprecated: { replacement: 'custom_queries' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('options', OPTIONS_BLOCK),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('dbm', { default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('collect_settings', [(0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('enabled'), (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('collection_interval', { default: 600 })]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('collect_schemas', [...SCHEMA_COLLECTION, (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('max_tables', { default: 300 })]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('schemas_collection', SCHEMA_COLLECTION, {
        deprecated: { replacement: 'collect_schemas', note: 'since Agent 7.69.0' },
    }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('query_metrics', [
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('enabled', { default: true }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('collection_interval', { default: 10 }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('only_query_recent_statements', { default: false }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('collect_prepared_statements', { hidden: true, default: true }),
    ]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('query_samples', QUERY_SAMPLES),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('query_activity', [
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('enabled', { default: true }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('collection_interval', { hidden: true, default: 10 }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('collect_blocking_queries', { default: false }),
    ]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('index_metrics', [
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('enabled', { default: true }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('collection_interval', { hidden: true, default: 300 }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)('limit', { default: 1000 }),
    ]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('aws', [
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('instance_endpoint'),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('region'),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('managed_authentication', [(0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('enabled', { default: false }), (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('role_arn')]),
    ]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('gcp', [(0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('project_id'), (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('instance_id')]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('azure', [(0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('deployment_type', { enum: AZURE_DEPLOYMENT_TYPES }), (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('fully_qualified_domain_name')]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('obfuscator_options', [
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('obfuscation_mode', { default: 'obfuscate_and_normalize', enum: OBFUSCATION_MODES }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('replace_digits', { default: false }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('quantize_sql_tables', { untyped: true, deprecated: { replacement: 'replace_digits' } }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('collect_metadata', { default: true }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('collect_tables', { default: true }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('collect_commands', { default: true }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('collect_comments', { default: true }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('keep_sql_alias', { default: true }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('remove_space_between_parentheses', { default: false }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('keep_null', { default: false }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('keep_boolean', { default: false }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('keep_positional_parameter', { default: false }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('keep_trailing_semicolon', { default: false }),
        (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('keep_identifier_quotation', { default: false }),
    ]),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('log_unobfuscated_queries', { hidden: true, default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('log_unobfuscated_plans', { hidden: true, default: false }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)('database_instance_collection_interval', { hidden: true, default: 1800 }),
];
/**
 * Legacy names (DataDog/integrations-core#9340; CONFIG-FACTS A4, E2.4). `user` and `pass` are copied
 * to `username`/`password` before the config model validates them, so their types still count.
 */
const MYSQL_LEGACY = [
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('user', { deprecated: { replacement: 'username' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('pass', { secret: true, deprecated: { replacement: 'password' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('server', { untyped: true, deprecated: { replacement: 'host' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('deep_database_monitoring', { untyped: true, deprecated: { replacement: 'dbm' } }),
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)('statement_samples', QUERY_SAMPLES, { untyped: true, deprecated: { replacement: 'query_samples' } }),
];
const MYSQL_SCHEMA = {
    initConfig: (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .mergeOptions */ .lL)([(0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)('propagate_agent_tags', { default: false })], _templates_js__WEBPACK_IMPORTED_MODULE_0__/* .INIT_DB */ .UU, _templates_js__WEBPACK_IMPORTED_MODULE_0__/* .INIT_DEFAULT */ .zl),
    instance: (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .mergeOptions */ .lL)(MYSQL_OWN, 
    // The spec's override of `instances/default` shows `disable_generic_tags` (hidden elsewhere).
    (0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .override */ .$Z)(_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .INSTANCE_DEFAULT */ .El, { disable_generic_tags: { hidden: false } }), _templates_js__WEBPACK_IMPORTED_MODULE_0__/* .AGENT_RESERVED */ .Tg, 
    // `name` is read by the agent itself (CommonInstanceConfig.Name) for any check; http_check also requires it.
    [(0,_templates_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)('name', { hidden: true, untyped: true })], MYSQL_LEGACY),
};


/***/ }),

/***/ 100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Z: () => (/* binding */ override),
/* harmony export */   El: () => (/* binding */ INSTANCE_DEFAULT),
/* harmony export */   SG: () => (/* binding */ INSTANCE_TLS),
/* harmony export */   Tg: () => (/* binding */ AGENT_RESERVED),
/* harmony export */   UU: () => (/* binding */ INIT_DB),
/* harmony export */   WL: () => (/* binding */ obj),
/* harmony export */   Wh: () => (/* binding */ int),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   jQ: () => (/* binding */ INSTANCE_HTTP),
/* harmony export */   lL: () => (/* binding */ mergeOptions),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   qQ: () => (/* binding */ INIT_HTTP),
/* harmony export */   xQ: () => (/* binding */ INSTANCE_DB),
/* harmony export */   zl: () => (/* binding */ INIT_DEFAULT)
/* harmony export */ });
/* unused harmony export customQueryOptions */
const str = (name, extra = {}) => ({ name, type: 'string', ...extra });
const bool = (name, extra = {}) => ({ name, type: 'boolean', ...extra });
const int = (name, extra = {}) => ({ name, type: 'integer', ...extra });
const num = (name, extra = {}) => ({ name, type: 'number', ...extra });
const obj = (name, options, extra = {}) => options ? { name, type: 'object', options, ...extra } : { name, type: 'object', ...extra };
const list = (name, items, extra = {}) => ({
    name,
    type: 'array',
    items,
    ...extra,
});
/** `init_config/service`. */
const INIT_SERVICE = str('service');
/** `init_config/default` = service + hidden `loader`. */
const INIT_DEFAULT = [INIT_SERVICE, str('loader', { hidden: true })];
const PROXY_OPTIONS = [str('http', { sensitive: true }), str('https', { sensitive: true }), list('no_proxy', 'string')];
/** `init_config/http`. */
const INIT_HTTP = [
    obj('proxy', PROXY_OPTIONS, { sensitive: true }),
    bool('skip_proxy', { default: false }),
    num('timeout', { default: 10 }),
];
/** `init_config/db`. */
const INIT_DB = [
    list('global_custom_queries', 'object', { itemOptions: customQueryOptions() }),
];
/** `instances/tags`, `instances/service`, `instances/global` (= `instances/default`), plus the newer generic options. */
const INSTANCE_DEFAULT = [
    list('tags', 'string', { goType: 'string-list' }),
    str('service'),
    num('min_collection_interval', { default: 15, goType: 'int' }),
    bool('empty_default_hostname', { default: false, goType: 'bool' }),
    // Rendered in both shipped examples although the copied `instances/global` template predates them (SOURCES.md).
    obj('metric_patterns', [list('include', 'string'), list('exclude', 'string')]),
    bool('disable_generic_tags', { hidden: true, default: false }),
];
/**
 * Instance fields the agent itself reads (`CommonInstanceConfig`, `commonInstanceConfig.loader`):
 * valid in any check's instance even where the check's spec does not list them.
 */
const AGENT_RESERVED = [
    str('namespace', { hidden: true, untyped: true }),
    bool('no_index', { hidden: true, untyped: true }),
    str('loader', { hidden: true, untyped: true }),
];
/** `instances/http`. */
const INSTANCE_HTTP = [
    obj('proxy', PROXY_OPTIONS, { sensitive: true }),
    bool('skip_proxy', { default: false }),
    str('auth_type', { default: 'basic', enum: ['basic', 'digest', 'ntlm', 'kerberos', 'aws'] }),
    bool('use_legacy_auth_encoding', { default: true }),
    str('username'),
    str('password', { secret: true }),
    str('ntlm_domain'),
    str('kerberos_auth', { default: 'disabled', enum: ['required', 'optional', 'disabled'] }),
    str('kerberos_cache'),
    bool('kerberos_delegate', { default: false }),
    bool('kerberos_force_initiate', { default: false }),
    str('kerberos_hostname'),
    str('kerberos_principal'),
    str('kerberos_keytab'),
    obj('auth_token', [obj('reader'), obj('writer')], { secret: true }),
    str('aws_region'),
    str('aws_host'),
    str('aws_service'),
    bool('tls_verify', { default: true }),
    bool('tls_use_host_header', { default: false }),
    bool('tls_ignore_warning', { default: false }),
    str('tls_cert'),
    str('tls_private_key'),
    str('tls_ca_cert'),
    list('tls_protocols_allowed', 'string', { default: ['SSLv3', 'TLSv1.2', 'TLSv1.3'] }),
    list('tls_ciphers', 'string'),
    obj('headers', undefined, { sensitive: true }),
    obj('extra_headers', undefined, { sensitive: true }),
    num('timeout', { default: 10 }),
    num('connect_timeout'),
    num('read_timeout'),
    num('request_size', { default: 16 }),
    bool('log_requests', { default: false }),
    bool('persist_connections', { default: false }),
    bool('allow_redirects', { default: true }),
];
/** `instances/tls`. */
const INSTANCE_TLS = [
    bool('tls_verify', { default: true }),
    str('tls_ca_cert'),
    str('tls_cert'),
    str('tls_private_key'),
    str('tls_private_key_password', { secret: true }),
    bool('tls_validate_hostname', { default: true }),
    list('tls_ciphers', 'string'),
];
/** Fields of one `custom_queries` entry (the `CustomQuery` config model). */
function customQueryOptions() {
    return [
        str('query'),
        list('columns', 'object'),
        list('tags', 'string'),
        int('collection_interval'),
        str('metric_prefix'),
    ];
}
/** `instances/db`. */
const INSTANCE_DB = [
    bool('only_custom_queries', { default: false }),
    str('use_global_custom_queries', { default: 'true', enum: ['true', 'false', 'extend'] }),
    list('custom_queries', 'object', { itemOptions: customQueryOptions() }),
];
/**
 * Spread templates the way the spec tooling does: a later option with the same name replaces the
 * earlier one (templates overlap, e.g. `tls_verify` in both `instances/http` and `instances/tls`).
 */
function mergeOptions(...groups) {
    const byName = new Map();
    for (const g of groups)
        for (const o of g)
            byName.set(o.name, { ...byName.get(o.name), ...o });
    return [...byName.values()];
}
/** `overrides:` — patch fields of named options. */
function override(options, patches) {
    return options.map((o) => (patches[o.name] ? { ...o, ...patches[o.name] } : o));
}


/***/ }),

/***/ 2893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ encHandle),
/* harmony export */   Rh: () => (/* binding */ isIndirect),
/* harmony export */   gw: () => (/* binding */ isPartialEnc),
/* harmony export */   il: () => (/* binding */ envRefs),
/* harmony export */   q0: () => (/* binding */ describe)
/* harmony export */ });
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(671);
/**
 * Values the agent rewrites before a check sees them: `ENC[handle]` secrets (resolved by the
 * secret backend; only when the handle is the whole scalar: CONFIG-FACTS A2) and `%%env_NAME%%`
 * (replaced from the agent container's environment: CONFIG-FACTS A1).
 */

const ENC_WHOLE = /^ENC\[([\s\S]*)\]$/;
const ENV_REF = /%%env_([^%]*)%%/g;
/** The handle when the whole string is `ENC[handle]`. */
function encHandle(value) {
    const m = ENC_WHOLE.exec(value);
    return m ? m[1] : undefined;
}
/** `ENC[` somewhere in the string without being the whole of it: the agent sends it literally. */
function isPartialEnc(value) {
    return value.includes('ENC[') && !ENC_WHOLE.test(value);
}
function envRefs(value) {
    if (!value.includes('%%env_'))
        return [];
    return [...value.matchAll(ENV_REF)].map((m) => m[1]);
}
/** A string the agent replaces at run time, so its final value (and type) is unknown here. */
function isIndirect(node) {
    if (node.kind !== 'scalar' || typeof node.value !== 'string')
        return false;
    return encHandle(node.value) !== undefined || node.value.includes('%%env_');
}
/** How a value reads in a message; a secret option's value is never shown. */
function describe(node, secret = false) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    const v = node.value;
    if (v === null)
        return 'empty';
    if (typeof v === 'boolean')
        return secret ? 'a boolean' : `the boolean ${node.text}`;
    if (typeof v === 'number')
        return secret ? 'a number' : `the number ${node.text}`;
    if (secret)
        return 'a string';
    return `the string ${(0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(v, 60)}`;
}


/***/ }),

/***/ 7163:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ny: () => (/* binding */ isPlainSetting),
/* harmony export */   hL: () => (/* binding */ environmentCredential),
/* harmony export */   jv: () => (/* binding */ isLogMaskable),
/* harmony export */   m_: () => (/* binding */ argumentCredentials)
/* harmony export */ });
/* unused harmony exports MIN_LOG_MASK_LENGTH, isCredentialName, urlPasswords */
/**
 * Credentials by value, not only by name: a plain `environment` value whose name says it is a
 * credential (`DB_PASSWORD`, `SENTRY_DSN`, `apiKey`), a URL that carries `user:password@`, and a
 * `--password=...` / `--password ...` argument in `command` or `entryPoint` (also inside a
 * `sh -c "..."` string). Pure: the taskdef checker warns about each (secret-values.ts), the diff
 * and the log mask them (src/ecs/sensitive.ts).
 *
 * The rule that keeps ordinary settings visible: a value is never a credential when it is a
 * *plain setting*: empty, a boolean word (`true`, `off`), a number, duration or size (`30`, `30s`,
 * `512m`; not a bare number of six digits or more, which may be a PIN), a reference (`$VAR`,
 * `${VAR}`, `%%env_VAR%%`, `ENC[...]`, `<placeholder>`, an ARN) or
 * an absolute path (`/readsecret_multiple_providers.sh`, the Agent's secret backend command). And
 * the runner's log mask (`core.setSecret`), which blanks a string everywhere in the job's log, only
 * takes values of at least MIN_LOG_MASK_LENGTH characters: masking `admin` would blank every
 * "admin" in the log. Shorter ones are still masked where they stand (diffs, reports).
 */
/** Shorter strings are too common to mask across a whole log. */
const MIN_LOG_MASK_LENGTH = 6;
const BOOLEAN_WORD = /^(?:true|false|yes|no|on|off|y|n|null|none|enabled?|disabled?)$/i;
const NUMBER_LIKE = /^[+-]?\d+(?:\.\d+)?(?:ms|s|m|h|d|k|kb|kib|m|mb|mib|g|gb|gib|%)?$/i;
/** `$VAR`, `${VAR}`, `%%env_VAR%%`, `ENC[...]`, `<placeholder>`, `{{ template }}`, an ARN. */
const REFERENCE = new RegExp([/\$[A-Za-z_][A-Za-z0-9_]*/, /\$\{[^}]+\}/, /%%env_[A-Za-z0-9_]+%%/, /ENC\[.*\]/, /<[^>]*>/, /\{\{.*\}\}/]
    .concat(/arn:aws[a-z-]*:.*/)
    .map((r) => `^${r.source}$`)
    .join('|'));
const ABSOLUTE_PATH = /^\/[^\s:@]*$/;
/** Words of a name: `DB_PASSWORD`, `db-password`, `dbPassword` all give DB, PASSWORD. */
function words(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.toUpperCase());
}
const CREDENTIAL_WORDS = new Set([
    'PASS',
    'PASSWORD',
    'PASSWORDS',
    'PASSWD',
    'PWD',
    'PASSPHRASE',
    'SECRET',
    'SECRETS',
    'TOKEN',
    'TOKENS',
    'DSN',
    'APIKEY',
    'APPKEY',
    'ACCESSKEY',
    'SECRETKEY',
    'PRIVATEKEY',
    'AUTHTOKEN',
    'CREDENTIAL',
    'CREDENTIALS',
]);
/** Glued to a prefix, these still say credential (`PGPASSWORD`); PASS and PWD do not (`BYPASS`). */
const CREDENTIAL_ENDINGS = ['PASSWORD', 'PASSWD', 'PASSPHRASE', 'TOKEN', 'SECRET', 'APIKEY'];
/** `API_KEY`, `APP_KEY`, ...: a KEY is a credential only after one of these. */
const KEY_QUALIFIERS = new Set(['API', 'APP', 'ACCESS', 'PRIVATE', 'SIGNING', 'ENCRYPTION', 'LICENSE', 'MASTER']);
/**
 * A last word that makes the name a setting about a credential, not the credential: `..._PASSWORD_FILE`
 * holds a path, `DD_SECRET_BACKEND_TIMEOUT` a number, `AWS_ACCESS_KEY_ID` an identifier.
 */
const SETTING_SUFFIXES = new Set([
    'FILE',
    'PATH',
    'DIR',
    'COMMAND',
    'CMD',
    'ARGUMENTS',
    'ARGS',
    'TYPE',
    'CONFIG',
    'TIMEOUT',
    'INTERVAL',
    'ENABLED',
    'ENABLE',
    'DISABLED',
    'DISABLE',
    'PERM',
    'SIZE',
    'TTL',
    'LENGTH',
    'ID',
    'ARN',
    'NAME',
    'PARAM',
    'PARAMETER',
    'HEADER',
    'STDIN',
    'PROMPT',
]);
/** A first word that makes a flag a switch (`--no-password`, `--skip-auth-token`): it takes no value. */
const SWITCH_PREFIXES = new Set(['NO', 'SKIP', 'WITHOUT', 'DISABLE', 'ENABLE', 'ASK', 'PROMPT', 'USE', 'REQUIRE']);
/**
 * A name that says its value is a credential. `DD_SECRET_BACKEND_*` are not: they configure how
 * the Agent fetches secrets (CONFIG-FACTS A2), and their values are commands, types and timeouts.
 */
function isCredentialName(name) {
    const w = words(name);
    const last = w[w.length - 1];
    if (last === undefined || SETTING_SUFFIXES.has(last))
        return false;
    return w.some((word, i) => {
        if (word === 'SECRET' && w[i + 1] === 'BACKEND')
            return false;
        if (CREDENTIAL_WORDS.has(word) || CREDENTIAL_ENDINGS.some((e) => word.endsWith(e)))
            return true;
        return word === 'KEY' && i > 0 && KEY_QUALIFIERS.has(w[i - 1]);
    });
}
/** Never a credential, whatever its name: see the header. */
function isPlainSetting(value) {
    const v = value.trim();
    return v === '' || BOOLEAN_WORD.test(v) || isNumberSetting(v) || REFERENCE.test(v) || ABSOLUTE_PATH.test(v);
}
/** `30`, `1.5`, `30s`, `512m`; but six digits or more (`20240917`) may be a PIN, so a bare long number is not. */
function isNumberSetting(v) {
    return NUMBER_LIKE.test(v) && !/^\d{6,}$/.test(v);
}
/** Long and unusual enough to mask across the whole log (core.setSecret, the CLI's redaction). */
function isLogMaskable(value) {
    return value.length >= MIN_LOG_MASK_LENGTH && !isPlainSetting(value);
}
/**
 * `scheme://user:password@host`: the userinfo's password (RFC 3986 section 3.2.1). Matched from
 * each `://` with a sticky expression rather than one global pattern, whose scheme part would scan
 * a long run of letters again from every start: values can be megabytes.
 */
const USERINFO = /([^/?#@\s:]*):([^/?#@\s]*)@/y;
/** Every password in a URL's userinfo inside `value` (a DSN, a connection string, a shell line). */
function urlPasswords(value) {
    const out = [];
    for (let i = value.indexOf('://'); i !== -1; i = value.indexOf('://', i + 3)) {
        if (i === 0)
            continue; // no scheme
        USERINFO.lastIndex = i + 3;
        const m = USERINFO.exec(value);
        const secret = m?.[2];
        if (!m || secret === undefined || isPlainSetting(secret))
            continue;
        // Every occurrence: the same text elsewhere in the value (a repeated DSN) is the same secret.
        const masked = (mask) => value.split(secret).join(mask);
        out.push({ kind: 'url-password', secret, what: 'a URL with a password', masked });
    }
    return out;
}
/** A plain `environment` value: a URL's password, else the whole value when the name says credential. */
function environmentCredential(name, value) {
    const inUrl = urlPasswords(value);
    if (inUrl.length)
        return combine(value, inUrl);
    if (!isCredentialName(name) || isPlainSetting(value))
        return undefined;
    const what = `a credential (by its name, ${name})`;
    return { kind: 'credential-name', secret: value, what, masked: (mask) => mask };
}
/** Several secrets in one value, reported once and masked together (longest first). */
function combine(value, found) {
    const first = found[0];
    if (found.length === 1)
        return first;
    const secrets = [...new Set(found.map((f) => f.secret))].sort((a, b) => b.length - a.length);
    return {
        kind: first.kind,
        secret: secrets[0],
        what: first.what,
        masked: (mask) => secrets.reduce((v, s) => v.split(s).join(mask), value),
    };
}
/** `--password=x`, `-token=x`, `DB_PASSWORD=x` (a shell assignment): the name and the value. */
const ASSIGNMENT = /^(--?[A-Za-z][\w.-]*|[A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
const FLAG = /^--?[A-Za-z][\w.-]*$/;
const unquote = (s) => s.replace(/^(['"])(.*)\1$/s, '$2');
function flagCredential(arg, flag, raw) {
    const secret = unquote(raw);
    const name = flag.replace(/^-+/, '');
    if (SWITCH_PREFIXES.has(words(name)[0] ?? ''))
        return undefined;
    if (!isCredentialName(name) || isPlainSetting(secret) || secret.startsWith('$'))
        return undefined;
    return {
        kind: 'password-argument',
        secret,
        what: flag.startsWith('-') ? flag : `${flag}=`,
        masked: (mask) => arg.split(secret).join(mask),
    };
}
/**
 * Credentials in `command` / `entryPoint`: each argument is also split on spaces, so a
 * `sh -c "mysql --password=..."` line counts. `--password VALUE` takes the next word, in the same
 * argument or the next one. `$VAR` values are references a shell expands, not secrets.
 */
function argumentCredentials(args) {
    const tokens = args.flatMap((a, arg) => a
        .split(/\s+/)
        .filter(Boolean)
        .map((text) => ({ arg, text })));
    const found = new Map();
    const add = (arg, c) => {
        if (c)
            found.set(arg, [...(found.get(arg) ?? []), c]);
    };
    args.forEach((a, arg) => urlPasswords(a).forEach((c) => add(arg, c)));
    const argAt = (i) => args[i];
    tokens.forEach((t, i) => {
        const assignment = ASSIGNMENT.exec(t.text);
        if (assignment)
            return add(t.arg, flagCredential(argAt(t.arg), assignment[1], assignment[2]));
        const next = tokens[i + 1];
        if (FLAG.test(t.text) && next && !next.text.startsWith('-')) {
            add(next.arg, flagCredential(argAt(next.arg), t.text, next.text));
        }
    });
    return [...found].map(([index, list]) => ({
        ...combine(args[index], list),
        index,
        secrets: [...new Set(list.map((c) => c.secret))],
    }));
}


/***/ }),

/***/ 671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ot: () => (/* binding */ countBySeverity),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   Tc: () => (/* binding */ sortFindings),
/* harmony export */   _4: () => (/* binding */ dedupeFindings),
/* harmony export */   cl: () => (/* binding */ quoteValue),
/* harmony export */   f3: () => (/* binding */ SEVERITY_RANK),
/* harmony export */   gk: () => (/* binding */ finding),
/* harmony export */   rr: () => (/* binding */ LineIndex),
/* harmony export */   u2: () => (/* binding */ appendAll)
/* harmony export */ });
const SEVERITY_RANK = { error: 0, warning: 1, notice: 2 };
function finding(file, pos, severity, code, message) {
    return { file, line: pos.line, column: pos.column, severity, code, message: oneLine(message) };
}
/** A line break of any kind: LF, CR, VT, FF, NEL and the Unicode line and paragraph separators. */
const BREAK_RUN = /\s*[\n\r\v\f\u0085\u2028\u2029]\s*/g;
/**
 * A finding is one line (`path:line:col: severity CODE message`; annotations and SARIF results
 * split on line breaks). A YAML library error or a quoted user value may carry one, so every
 * whitespace run that holds a break becomes one space: the words stay, only the layout goes.
 */
function oneLine(message) {
    return message.replace(BREAK_RUN, ' ');
}
/**
 * A user's value shown in a message: in double quotes with JSON escapes, so a newline, a tab or a
 * quote inside it reads as `\n`, `\t`, `\"` rather than breaking the line; cut after `max` chars.
 */
function quoteValue(value, max = Infinity) {
    const cut = value.length > max ? value.slice(0, max) : value;
    return `${JSON.stringify(cut)}${cut.length < value.length ? '…' : ''}`;
}
/** Stable order for output: by file, line, column, then severity and code. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        a.column - b.column ||
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
/** The same finding reached twice (two containers run one image, two commands report one file) is kept once. */
function dedupeFindings(findings) {
    const seen = new Set();
    return sortFindings(findings).filter((f) => {
        const k = `${f.file}\0${f.line}\0${f.column}\0${f.code}\0${f.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
function countBySeverity(findings) {
    const out = { error: 0, warning: 0, notice: 0 };
    for (const f of findings)
        out[f.severity] += 1;
    return out;
}
/**
 * Maps string offsets to 1-based line/column. Built once per file; lookups are a binary search,
 * so a 5,000-instance file does not pay a linear scan per finding.
 */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    position(offset) {
        const o = Math.max(0, Math.min(offset, this.text.length));
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: o - this.starts[lo] + 1 };
    }
}
/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument on the
 * stack, and 50,000 findings overflow it ("Maximum call stack size exceeded").
 */
function appendAll(target, items) {
    for (const item of items)
        target.push(item);
    return target;
}


/***/ }),

/***/ 5280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ pluginType),
/* harmony export */   U: () => (/* binding */ lastParam)
/* harmony export */ });
/** The value fluentd keeps for a key: the last one written. */
function lastParam(el, key) {
    for (let i = el.params.length - 1; i >= 0; i--) {
        const p = el.params[i];
        if (p.key === key)
            return p;
    }
    return undefined;
}
/** `@type`, or the legacy `type` fluentd still honours with a warning. */
function pluginType(el) {
    return lastParam(el, '@type') ?? lastParam(el, 'type');
}


/***/ }),

/***/ 1589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FB: () => (/* binding */ checkFluentd),
  ki: () => (/* binding */ looksLikeFluentd),
  se: () => (/* binding */ parseFluentd),
  LH: () => (/* binding */ senderForwardedTags)
});

// UNUSED EXPORTS: checkFluentdSource

// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
;// CONCATENATED MODULE: ./src/checks/fluentd/duplicates.ts
function checkDuplicateKeys(root, report) {
    const stack = [root];
    while (stack.length > 0) {
        const el = stack.pop();
        const seen = new Map();
        for (const p of el.params) {
            const prev = seen.get(p.key);
            if (prev) {
                report.warning(p, 'fluentd/duplicate-key', `${p.key} is set twice in this section (first at ${prev.file}:${prev.pos.line}); fluentd silently keeps this last value: remove one`);
            }
            seen.set(p.key, p);
        }
        for (const c of el.elements)
            stack.push(c);
    }
}
function checkDuplicateIds(uses, report) {
    const ids = new Map();
    for (const use of uses) {
        if (use.kind !== 'input' && use.kind !== 'output' && use.kind !== 'filter')
            continue;
        const id = [...use.el.params].reverse().find((p) => p.key === '@id' || p.key === 'id');
        if (!id || id.dynamic)
            continue;
        const prev = ids.get(id.value);
        if (prev) {
            report.error({ file: id.file, pos: id.valuePos }, 'fluentd/duplicate-id', `Duplicated plugin id \`${id.value}\` (also at ${prev.file}:${prev.pos.line}). Check whole configuration and fix it.`);
        }
        else
            ids.set(id.value, id);
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/tag-pattern.ts
/**
 * `<match>`/`<filter>` patterns compiled exactly as `lib/fluent/match.rb` `GlobMatchPattern` does
 * (CONFIG-FACTS B6), but into a small automaton instead of a Ruby regex, so that "does every tag
 * this pattern matches also match those earlier ones" can be decided exactly (automaton.ts).
 *
 * The Ruby compiler emits, per character: `\c` -> literal c; `.` -> a deferred `\.`; `*` ->
 * `[^.]*`; `**` -> `.*`, preceded by `(?![^.])` when it follows a `.` and turned into
 * `(?:.*\.|\A)` when a `.` follows it; `{a,b}` -> alternation; `[a-zA-Z0-9_]` literal, anything
 * else escaped. A trailing `.` is dropped (the deferred dot is never written).
 */
/** Split on whitespace as `EventRouter::Rule` does (`pattern.split(/\s+/)`); an empty argument is `**`. */
function splitPattern(arg) {
    if (arg === '')
        return ['**'];
    const parts = arg.split(/\s+/);
    // Ruby's split drops trailing empty strings but keeps a leading one.
    while (parts.length > 1 && parts[parts.length - 1] === '')
        parts.pop();
    return parts;
}
/** Beyond these, a pattern is treated like a /regex/: used for nothing that would claim shadowing. */
const MAX_BRACE_DEPTH = 32;
const MAX_PATTERN_LENGTH = 4096;
function compileAlternative(text) {
    if (text.startsWith('/')) {
        if (text.length < 2 || !text.endsWith('/'))
            return { kind: 'invalid', text };
        return { kind: 'regex', text, re: rubyRegex(text.slice(1, -1)) };
    }
    // Braces nest; building an automaton for thousands of levels is pointless and would recurse deeply.
    let depth = 0;
    let max = 0;
    for (const c of text) {
        if (c === '{')
            max = Math.max(max, ++depth);
        else if (c === '}' && depth > 0)
            depth--;
    }
    if (max > MAX_BRACE_DEPTH || text.length > MAX_PATTERN_LENGTH)
        return { kind: 'regex', text, re: undefined };
    const seq = compileGlob(text);
    return { kind: 'glob', text, seq, literal: literalOf(seq), parts: partsOf(text), prefix: fixedPrefix(seq) };
}
function partsOf(text) {
    // Braces, escapes and a trailing dot (dropped by the compiler) make the text unreliable.
    if (/[{}\\,]/.test(text) || text.endsWith('.') || text === '')
        return undefined;
    const all = text.split('.');
    const part = (p) => (p.includes('*') ? null : p);
    const first = all.findIndex((p) => p.includes('**'));
    if (first === -1) {
        const fixed = all.map(part);
        return { head: fixed, tail: [...fixed].reverse(), count: all.length };
    }
    let last = all.length - 1;
    while (!all[last].includes('**'))
        last--;
    return {
        head: all.slice(0, first).map(part),
        tail: all
            .slice(last + 1)
            .map(part)
            .reverse(),
        count: undefined,
    };
}
/** Parts of a concrete tag. */
function tagParts(tag) {
    const all = tag.split('.');
    return { head: all, tail: [...all].reverse(), count: all.length };
}
/** True when the fixed parts prove that no tag matches both. */
function disjointParts(a, b) {
    if (!a || !b)
        return false;
    if (a.count !== undefined && b.count !== undefined && a.count !== b.count)
        return true;
    const differ = (x, y) => {
        for (let i = 0; i < Math.min(x.length, y.length); i++) {
            const p = x[i];
            const q = y[i];
            if (p !== null && q !== null && p !== undefined && q !== undefined && p !== q)
                return true;
        }
        return false;
    };
    return differ(a.head, b.head) || differ(a.tail, b.tail);
}
function compileGlob(pat) {
    const stack = [];
    const regex = [[]];
    const last = () => regex[regex.length - 1];
    let escape = false;
    let dot = false;
    let i = 0;
    while (i < pat.length) {
        const c = pat[i];
        if (escape) {
            last().push({ k: 'char', c });
            escape = false;
            i++;
            continue;
        }
        if (pat.startsWith('**', i)) {
            if (dot) {
                last().push({ k: 'peek' });
                dot = false;
            }
            if (pat[i + 2] === '.') {
                last().push({ k: 'dotpart' });
                i += 3;
            }
            else {
                last().push({ k: 'any' });
                i += 2;
            }
            continue;
        }
        if (dot) {
            last().push({ k: 'char', c: '.' });
            dot = false;
        }
        if (c === '\\')
            escape = true;
        else if (c === '.')
            dot = true;
        else if (c === '*')
            last().push({ k: 'nondot' });
        else if (c === '{') {
            stack.push([]);
            regex.push([]);
        }
        else if (c === '}' && stack.length > 0) {
            const group = stack.pop();
            group.push(regex.pop());
            last().push({ k: 'alt', alts: group });
        }
        else if (c === ',' && stack.length > 0) {
            stack[stack.length - 1].push(regex.pop());
            regex.push([]);
        }
        else
            last().push({ k: 'char', c });
        i++;
    }
    while (stack.length > 0) {
        const group = stack.pop();
        group.push(regex.pop());
        last().push({ k: 'alt', alts: group });
    }
    return regex[0];
}
/** The exact tag when the pattern has no wildcard at all. */
function literalOf(seq) {
    let s = '';
    for (const a of seq) {
        if (a.k !== 'char')
            return undefined;
        s += a.c;
    }
    return s;
}
/** The fixed characters a glob starts with: two patterns can only overlap if one prefix extends the other. */
function fixedPrefix(seq) {
    let s = '';
    for (const a of seq) {
        if (a.k !== 'char')
            break;
        s += a.c;
    }
    return s;
}
/** Ruby `\A...\Z` around a `/regex/` alternative, approximated in JS; undefined when JS cannot read it. */
function rubyRegex(body) {
    try {
        const js = body
            .replace(/\\A/g, '^')
            .replace(/\\[zZ]/g, '$')
            .replace(/\(\?<([a-zA-Z_]\w*)>/g, '(?<$1>');
        return new RegExp(`^(?:${js})$`, 'u');
    }
    catch {
        return undefined;
    }
}
/* ------------------------------------------------------------------------------------------ */
/* Thompson NFA with the two zero-width conditions the Ruby regexes use.                      */
const ANY = -1; // any character
const NONDOT = -2; // any character except '.'
const EPS = 0;
const PEEK = 1;
const AT_START = 2;
class NfaBuilder {
    edges = [];
    eps = [];
    chars = new Set();
    state() {
        this.edges.push([]);
        this.eps.push([]);
        return this.edges.length - 1;
    }
    edge(from, sym, to) {
        this.edges[from].push([sym, to]);
        if (sym >= 0)
            this.chars.add(sym);
    }
    epsilon(from, to, cond = EPS) {
        this.eps[from].push([cond, to]);
    }
    /** Append `seq` after state `from`; returns the state reached at its end. Iterative over a work list. */
    seq(seq, from) {
        let cur = from;
        for (const a of seq)
            cur = this.atom(a, cur);
        return cur;
    }
    atom(a, from) {
        switch (a.k) {
            case 'char': {
                const to = this.state();
                this.edge(from, a.c.charCodeAt(0), to);
                // Characters outside the BMP are two code units in JS; keep the second one too.
                if (a.c.length > 1) {
                    const to2 = this.state();
                    this.edge(to, a.c.charCodeAt(1), to2);
                    return to2;
                }
                return to;
            }
            case 'nondot':
            case 'any': {
                const loop = this.state();
                this.epsilon(from, loop);
                this.edge(loop, a.k === 'any' ? ANY : NONDOT, loop);
                return loop;
            }
            case 'peek': {
                const to = this.state();
                this.epsilon(from, to, PEEK);
                return to;
            }
            case 'dotpart': {
                const to = this.state();
                const loop = this.state();
                this.epsilon(from, loop);
                this.edge(loop, ANY, loop);
                this.edge(loop, 0x2e, to);
                this.epsilon(from, to, AT_START);
                return to;
            }
            case 'alt': {
                const to = this.state();
                for (const alt of a.alts) {
                    const s = this.state();
                    this.epsilon(from, s);
                    this.epsilon(this.seq(alt, s), to);
                }
                return to;
            }
        }
    }
    build(start, accept) {
        return { edges: this.edges, eps: this.eps, start, accept, chars: this.chars };
    }
}
function globNfa(seq) {
    const b = new NfaBuilder();
    const start = b.state();
    return b.build(start, b.seq(seq, start));
}
function piecesNfa(pieces) {
    const seq = [];
    for (const p of pieces) {
        if ('lit' in p)
            for (const c of p.lit)
                seq.push({ k: 'char', c });
        else
            seq.push('any' in p ? { k: 'any' } : { k: 'nondot' });
    }
    return globNfa(seq);
}

;// CONCATENATED MODULE: ./src/checks/fluentd/automaton.ts
/**
 * Deciding questions about tag patterns exactly: does a tag match, is every tag of A also matched
 * by B (a match fully shadowed by earlier ones), do A and B share any tag (a source some match
 * catches). Subset construction runs lazily over the characters that actually occur in the
 * patterns plus '.' and one stand-in for "any other character", which is exact because every
 * wildcard treats all unlisted characters alike. A state budget keeps it bounded; when it runs out
 * the answer is "unknown" and callers claim nothing.
 */

const END = -3;
const OTHER = -4;
const DOT = 0x2e;
class Runner {
    nfa;
    marks;
    gen = 0;
    constructor(nfa) {
        this.nfa = nfa;
        this.marks = new Int32Array(nfa.edges.length);
    }
    /** States reachable by epsilon moves, given whether we are at the tag start and what comes next. */
    closure(states, atStart, next) {
        this.gen++;
        const out = [];
        const stack = [...states];
        while (stack.length > 0) {
            const s = stack.pop();
            if (this.marks[s] === this.gen)
                continue;
            this.marks[s] = this.gen;
            out.push(s);
            for (const [cond, t] of this.nfa.eps[s]) {
                if (cond === EPS || (cond === PEEK && (next === END || next === DOT)) || (cond === AT_START && atStart))
                    stack.push(t);
            }
        }
        return out;
    }
    step(states, sym) {
        this.gen++;
        const out = [];
        for (const s of states) {
            for (const [e, t] of this.nfa.edges[s]) {
                const hit = e === sym || e === ANY || (e === NONDOT && sym !== DOT);
                if (hit && this.marks[t] !== this.gen) {
                    this.marks[t] = this.gen;
                    out.push(t);
                }
            }
        }
        return out.sort((a, b) => a - b);
    }
    accepts(states, atStart) {
        return this.closure(states, atStart, END).includes(this.nfa.accept);
    }
}
/** Does `nfa` match the whole `tag`? */
function matches(nfa, tag) {
    const r = new Runner(nfa);
    let cur = [nfa.start];
    for (let i = 0; i < tag.length; i++) {
        const c = tag.charCodeAt(i);
        cur = r.step(r.closure(cur, i === 0, c), c);
        if (cur.length === 0)
            return false;
    }
    return r.accepts(cur, tag.length === 0);
}
/** One NFA accepting the union of several. */
function union(nfas) {
    const edges = [[]];
    const eps = [[]];
    const chars = new Set();
    const accept = 1;
    edges.push([]);
    eps.push([]);
    for (const n of nfas) {
        const base = edges.length;
        for (let s = 0; s < n.edges.length; s++) {
            edges.push(n.edges[s].map(([e, t]) => [e, t + base]));
            eps.push(n.eps[s].map(([c, t]) => [c, t + base]));
        }
        eps[0].push([EPS, n.start + base]);
        eps[n.accept + base].push([EPS, accept]);
        for (const c of n.chars)
            chars.add(c);
    }
    return { edges, eps, start: 0, accept, chars };
}
/**
 * How many product states one question, and one whole analysis, may explore. Realistic patterns
 * need a few dozen per question; past the budget answers are "unknown" and nothing is claimed.
 */
class Budget {
    left;
    constructor(left = 1_000_000) {
        this.left = left;
    }
}
const PER_QUESTION = 20_000;
function explore(a, b, stopWhen, budget, needB) {
    const limit = Math.min(PER_QUESTION, budget.left);
    const ra = new Runner(a);
    const rb = new Runner(b);
    const alphabet = [...new Set([...a.chars, ...b.chars, DOT])].concat(OTHER);
    const seen = new Set();
    const queue = [[[a.start], [b.start], true]];
    seen.add(`${a.start}|${b.start}|s`);
    for (let head = 0; head < queue.length; head++) {
        const [sa, sb, atStart] = queue[head];
        if (stopWhen(ra.accepts(sa, atStart), sb.length > 0 && rb.accepts(sb, atStart))) {
            budget.left -= seen.size;
            return true;
        }
        for (const sym of alphabet) {
            const na = ra.step(ra.closure(sa, atStart, sym), sym);
            if (na.length === 0)
                continue;
            const nb = sb.length === 0 ? [] : rb.step(rb.closure(sb, atStart, sym), sym);
            if (needB && nb.length === 0)
                continue;
            const key = `${na.join(',')}|${nb.join(',')}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            if (seen.size > limit) {
                budget.left -= seen.size;
                return undefined;
            }
            queue.push([na, nb, false]);
        }
    }
    budget.left -= seen.size;
    return false;
}
/** Is every tag `a` matches also matched by `b`? undefined when the budget ran out. */
function isSubset(a, b, budget = new Budget()) {
    const counter = explore(a, b, (aAcc, bAcc) => aAcc && !bAcc, budget, false);
    return counter === undefined ? undefined : !counter;
}
/** Is there a tag both match? undefined when the budget ran out. */
function intersects(a, b, budget = new Budget()) {
    return explore(a, b, (aAcc, bAcc) => aAcc && bAcc, budget, true);
}

// EXTERNAL MODULE: ./src/checks/fluentd/ast.ts
var ast = __webpack_require__(5280);
// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __webpack_require__(5111);
;// CONCATENATED MODULE: ./src/checks/fluentd/report.ts
/** Where the checks collect findings; one place so every finding has the same shape. */

class Report {
    findings;
    constructor(initial = []) {
        this.findings = [...initial];
    }
    add(at, severity, code, message) {
        this.findings.push((0,findings/* finding */.gk)(at.file, at.pos, severity, code, message));
    }
    error(at, code, message) {
        this.add(at, 'error', code, message);
    }
    warning(at, code, message) {
        this.add(at, 'warning', code, message);
    }
    notice(at, code, message) {
        this.add(at, 'notice', code, message);
    }
}
/** `a`, `a and b`, `a, b and c`. */
function joinWords(words) {
    if (words.length <= 1)
        return words.join('');
    return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/model.ts
/**
 * The configuration as fluentd's root agent sees it (`root_agent.rb`, `agent.rb`; CONFIG-FACTS
 * B5): top-level directives, labels, workers and `<system>`, checked for the structural errors
 * fluentd raises at start-up, and flattened into a list of routing rules for the later checks.
 */



const TOP = ['source', 'match', 'filter', 'label', 'system', 'worker'];
const BUILTIN_LABELS = new Set(['@ERROR', '@FLUENT_LOG']);
function buildModel(root, report, options) {
    const model = { root, directives: [], labels: new Map(), system: undefined, labelRefs: [] };
    for (const p of root.params) {
        report.warning(p, 'fluentd/unknown-parameter', `parameter '${p.key}' is outside any section, where fluentd ignores it; move it into the section it belongs to`);
    }
    const addDirective = (el, context, scope) => {
        const kind = el.name;
        const t = (0,ast/* pluginType */.A)(el);
        if (!t)
            report.error(el, 'fluentd/missing-type', `Missing '@type' parameter on <${kind}> directive: add @type <plugin>`);
        const sourceLabel = kind === 'source' ? (0,ast/* lastParam */.U)(el, '@label') : undefined;
        model.directives.push({
            el,
            kind,
            context: sourceLabel && !sourceLabel.dynamic && sourceLabel.value !== '@ROOT' ? sourceLabel.value : context,
            scope,
            type: t && !t.dynamic ? t.value : undefined,
        });
    };
    const workers = new Map();
    for (const el of root.elements) {
        switch (el.name) {
            case 'source':
            case 'match':
            case 'filter':
                addDirective(el, '', '');
                break;
            case 'system':
                model.system ??= el;
                break;
            case 'label':
                readLabel(el, model, report, addDirective);
                break;
            case 'worker':
                readWorker(el, model, report, addDirective, workers);
                break;
            default: {
                const hint = (0,suggest/* closest */.kp)(el.name, TOP);
                report.error(el, 'fluentd/unknown-directive', `<${el.name}> is not a top-level directive, so fluentd never uses it${hint ? ` (did you mean <${hint}>?)` : ''}: the top level holds only ${joinWords(TOP.map((t) => `<${t}>`))}`);
            }
        }
    }
    checkWorkerRange(model, report, workers);
    collectLabelRefs(root, model);
    checkLabelRefs(model, report, options);
    return model;
}
function readLabel(el, model, report, addDirective) {
    const name = el.arg;
    if (name === '') {
        report.error(el, 'fluentd/label-argument', 'Missing symbol argument on <label> directive: write <label @NAME>');
        return;
    }
    if (name === '@ROOT') {
        report.error(el, 'fluentd/label-argument', '@ROOT for <label> is not permitted, reserved for getting root router: choose another name');
        return;
    }
    if (model.labels.has(name)) {
        const first = model.labels.get(name);
        report.error(el, 'fluentd/duplicate-label', `Section <label ${name}> appears twice (first at ${first.file}:${first.pos.line}): merge them`);
    }
    else
        model.labels.set(name, el);
    let matches = 0;
    for (const child of el.elements) {
        if (child.name === 'match' || child.name === 'filter') {
            if (child.name === 'match')
                matches++;
            addDirective(child, name, '');
        }
        else {
            report.error(child, 'fluentd/unknown-directive', `<${child.name}> inside <label ${name}> is never used: a label holds only <filter> and <match>${child.name === 'source' ? '; put the <source> at the top level with @label ' + name : ''}`);
        }
    }
    if (matches === 0) {
        report.error(el, 'fluentd/label-without-match', `Missing <match> sections in <label ${name}> section: add a <match> so its events go somewhere`);
    }
}
function readWorker(el, model, report, addDirective, workers) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(el.arg);
    if (!m) {
        report.error(el, 'fluentd/worker-argument', el.arg === ''
            ? 'Missing worker id on <worker> directive: write <worker 0> or <worker 0-1>'
            : `<worker ${el.arg}>: the argument must be a worker id N or a range N-M`);
    }
    else {
        const first = Number(m[1]);
        const last = m[2] === undefined ? first : Number(m[2]);
        if (first > last)
            report.error(el, 'fluentd/worker-argument', `greater first_worker_id<${first}> than last_worker_id<${last}> specified by <worker> directive is not allowed`);
        for (let id = first; id <= last && id - first < 1024; id++) {
            if (workers.has(id))
                report.error(el, 'fluentd/worker-argument', `specified worker_id<${id}> collisions is detected on <worker> directive: each worker id may appear in one <worker> section only`);
            else
                workers.set(id, el);
        }
    }
    for (const child of el.elements) {
        if (child.name === 'source' || child.name === 'match' || child.name === 'filter')
            addDirective(child, '', `worker:${el.arg}`);
        else if (child.name === 'label')
            readLabel(child, model, report, (c, ctx) => addDirective(c, ctx, `worker:${el.arg}`));
        else
            report.error(child, 'fluentd/unknown-directive', `<worker> section cannot have <${child.name}> directive: it holds only <source>, <match>, <filter> and <label>`);
    }
}
function checkWorkerRange(model, report, used) {
    if (used.size === 0)
        return;
    const w = model.system ? (0,ast/* lastParam */.U)(model.system, 'workers') : undefined;
    if (w?.dynamic)
        return;
    const count = w ? Number(w.value) : 1;
    if (!Number.isInteger(count) || count < 1)
        return;
    for (const [id, el] of used) {
        if (id > count - 1) {
            report.error(el, 'fluentd/worker-argument', `worker${id} specified by <worker> directive is not allowed. Available worker id is between 0 and ${count - 1}: raise <system> workers or fix the id`);
        }
    }
}
/** Every `@label` anywhere (sources, outputs like relabel, nested stores), walked without recursion. */
function collectLabelRefs(root, model) {
    const stack = [...root.elements];
    while (stack.length > 0) {
        const el = stack.pop();
        for (const p of el.params)
            if (p.key === '@label')
                model.labelRefs.push(p);
        for (const c of el.elements)
            stack.push(c);
    }
    model.labelRefs.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.pos.line - b.pos.line || a.pos.column - b.pos.column);
}
function checkLabelRefs(model, report, options) {
    const used = new Set();
    for (const ref of model.labelRefs) {
        if (ref.dynamic)
            continue;
        used.add(ref.value);
        if (ref.value === '@ROOT' || model.labels.has(ref.value) || !options.complete)
            continue;
        const hint = (0,suggest/* closest */.kp)(ref.value, [...model.labels.keys()]);
        report.error({ file: ref.file, pos: ref.valuePos }, 'fluentd/undefined-label', `@label ${ref.value} names no <label> section, so fluentd fails at start-up ("${ref.value} label not found")${hint ? ` (did you mean ${hint}?)` : ''}; define <label ${ref.value}> or fix the name`);
    }
    if (!options.complete)
        return;
    for (const [name, el] of model.labels) {
        if (!used.has(name) && !BUILTIN_LABELS.has(name)) {
            report.warning(el, 'fluentd/unused-label', `<label ${name}> is never referenced by any @label ${name}, so no event reaches it; route a <source> or output to it, or remove it`);
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/source-tags.ts
/**
 * Which tags a `<source>` emits, when the configuration alone says so (CONFIG-FACTS E1.7):
 * in_tail `tag` (a `*` is replaced by the file path with `/` turned into `.`, dots squeezed and
 * the leading dot dropped: `in_tail.rb` `configure_tag` + TailWatcher#tag, B6), in_forward with
 * `tag`/`add_tag_prefix`, in_sample/in_dummy, in_syslog (`tag.<facility>.<priority>`), and the
 * other inputs with a fixed `tag`. in_forward without an override keeps its senders' tags (C2):
 * they are judged only when the project file declares them (`fluentd.forwardedTags`). Anything
 * else (in_http) is not judged.
 */

const FIXED_TAG_INPUTS = new Set(['sample', 'dummy', 'tcp', 'udp', 'exec', 'object_space', 'gc_stat', 'monitor_agent']);
function sourceTags(el, type, forwarded = []) {
    const tag = (0,ast/* lastParam */.U)(el, 'tag');
    if (tag?.dynamic)
        return undefined;
    switch (type) {
        case 'tail':
            return tag ? tailTags(el, tag) : undefined;
        case 'forward': {
            const prefix = (0,ast/* lastParam */.U)(el, 'add_tag_prefix');
            if (prefix?.dynamic)
                return undefined;
            if (tag && tag.value !== '') {
                const t = prefix && prefix.value !== '' ? `${prefix.value}.${tag.value}` : tag.value;
                return { alternatives: [[{ lit: t }]], at: tag, shown: [t] };
            }
            const declared = forwarded.filter((t) => t !== '');
            if (declared.length > 0) {
                // The senders' tags, as declared; add_tag_prefix prepends `<prefix>.` to each (in_forward.rb).
                const full = declared.map((t) => (prefix && prefix.value !== '' ? `${prefix.value}.${t}` : t));
                // Without a prefix the finding points at the source's @type line.
                const at = prefix && prefix.value !== '' ? prefix : ((0,ast/* pluginType */.A)(el) ?? el.params[0]);
                return at ? { alternatives: full.map((t) => [{ lit: t }]), at, shown: full } : undefined;
            }
            if (prefix && prefix.value !== '')
                return {
                    alternatives: [[{ lit: `${prefix.value}.` }, { any: true }]],
                    at: prefix,
                    shown: [`${prefix.value}.<sender's tag>`],
                };
            return undefined;
        }
        case 'syslog':
            return tag
                ? {
                    alternatives: [[{ lit: `${tag.value}.` }, { part: true }, { lit: '.' }, { part: true }]],
                    at: tag,
                    shown: [`${tag.value}.<facility>.<priority>`],
                }
                : undefined;
        default:
            if (type !== undefined && FIXED_TAG_INPUTS.has(type) && tag && tag.value !== '')
                return { alternatives: [[{ lit: tag.value }]], at: tag, shown: [tag.value] };
            return undefined;
    }
}
function tailTags(el, tag) {
    const star = tag.value.indexOf('*');
    if (star === -1)
        return { alternatives: [[{ lit: tag.value }]], at: tag, shown: [tag.value] };
    const path = (0,ast/* lastParam */.U)(el, 'path');
    if (!path || path.dynamic)
        return undefined;
    const delimiter = (0,ast/* lastParam */.U)(el, 'path_delimiter');
    const delim = delimiter && !delimiter.dynamic && delimiter.value !== '' ? delimiter.value : ',';
    // Ruby `tag.split('*')`: prefix is before the first *, suffix between the first and second.
    const parts = tag.value.split('*');
    while (parts.length > 0 && parts[parts.length - 1] === '')
        parts.pop();
    const prefix = parts[0] ?? '';
    const suffix = parts[1] ?? '';
    const alternatives = [];
    const shown = [];
    for (const raw of path.value.split(delim)) {
        const p = raw.trim();
        if (p === '')
            continue;
        const middle = pathPieces(p);
        alternatives.push(normalize([{ lit: prefix }, ...middle, { lit: suffix }]));
        shown.push(prefix + middle.map((m) => ('lit' in m ? m.lit : '*')).join('') + suffix);
    }
    return alternatives.length > 0 ? { alternatives, at: tag, shown } : undefined;
}
/** `path.tr('/', '.').gsub(/\.+/, '.').gsub(/^\./, '')`, with glob and strftime parts as wildcards. */
function pathPieces(path) {
    const pieces = [];
    let lit = '';
    const flush = () => {
        if (lit !== '')
            pieces.push({ lit });
        lit = '';
    };
    for (let i = 0; i < path.length; i++) {
        const c = path[i];
        if (c === '*' || c === '?') {
            flush();
            pieces.push({ any: true });
            while (path[i + 1] === '*')
                i++;
        }
        else if (c === '[' || c === '{') {
            const close = path.indexOf(c === '[' ? ']' : '}', i + 1);
            if (close === -1)
                lit += c;
            else {
                flush();
                pieces.push({ any: true });
                i = close;
            }
        }
        else if (c === '%' && i + 1 < path.length) {
            // strftime directives (in_tail expands them with the current date).
            flush();
            pieces.push({ any: true });
            i++;
        }
        else
            lit += c === '/' ? '.' : c;
    }
    flush();
    for (const p of pieces)
        if ('lit' in p)
            p.lit = p.lit.replace(/\.+/g, '.');
    const first = pieces[0];
    if (first && 'lit' in first && first.lit.startsWith('.'))
        first.lit = first.lit.slice(1);
    return pieces;
}
/** Squeeze dots inside literal runs, drop the leading one, merge neighbours. */
function normalize(pieces) {
    const out = [];
    for (const p of pieces) {
        const prev = out[out.length - 1];
        if ('lit' in p) {
            if (p.lit === '')
                continue;
            if (prev && 'lit' in prev)
                prev.lit += p.lit;
            else
                out.push({ lit: p.lit });
        }
        else if (!(prev && 'any' in prev && 'any' in p))
            out.push(p);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/forwarded-tags.ts
/**
 * The tags a sender configuration forwards: for each `<source>` whose tag is known (source-tags.ts),
 * the first `<match>` of its routing context that matches it (CONFIG-FACTS B5: first match wins);
 * when that match is `@type forward` (or a `copy` with a forward `<store>`), the tag leaves with the
 * event unchanged (out_forward sends the tag as is, C2), so it is a tag the aggregator's in_forward
 * receives. Only literal tags count: a computed tag or a /regex/ match says nothing certain.
 */






function patternMatches(arg, tag) {
    for (const text of splitPattern(arg)) {
        const alt = compileAlternative(text);
        if (alt.kind === 'glob' && matches(globNfa(alt.seq), tag))
            return true;
        if (alt.kind === 'regex') {
            if (!alt.re)
                return undefined;
            if (alt.re.test(tag))
                return true;
        }
    }
    return false;
}
function forwards(el) {
    const t = (0,ast/* pluginType */.A)(el);
    if (!t || t.dynamic)
        return false;
    if (t.value === 'forward')
        return true;
    return (t.value === 'copy' && el.elements.some((s) => s.name === 'store' && (0,ast/* lastParam */.U)(s, '@type')?.value === 'forward'));
}
/** The literal tags this configuration sends on with out_forward, sorted. */
function forwardedTagsOf(parsed) {
    if (parsed.fatal)
        return [];
    const model = buildModel(parsed.root, new Report(), { complete: !parsed.incomplete });
    const out = new Set();
    const matchesIn = (context) => model.directives.filter((d) => d.kind === 'match' && d.context === context);
    for (const d of model.directives) {
        if (d.kind !== 'source')
            continue;
        const tags = sourceTags(d.el, d.type);
        if (!tags)
            continue;
        for (const alt of tags.alternatives) {
            const only = alt[0];
            if (alt.length !== 1 || !only || !('lit' in only))
                continue;
            let first;
            for (const m of matchesIn(d.context)) {
                if (m.el.argEmbedded.some((e) => e.evaluated))
                    break;
                const hit = patternMatches(m.el.arg, only.lit);
                if (hit === undefined)
                    break;
                if (hit) {
                    first = m;
                    break;
                }
            }
            if (first && forwards(first.el))
                out.add(only.lit);
        }
    }
    return [...out].sort();
}

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/spec.ts
const str = { type: 'string' };
const spec_int = { type: 'integer' };
const flt = { type: 'float' };
const bool = { type: 'bool' };
const size = { type: 'size' };
const time = { type: 'time' };
const arr = { type: 'array' };
const hash = { type: 'hash' };
const regexp = { type: 'regexp' };
const required = (p) => ({ ...p, required: true });
const secret = (p) => ({ ...p, secret: true });
const oneOf = (...list) => ({ type: 'enum', list });
const deprecated = (p, instead) => ({ ...p, deprecated: instead });
const obsoleted = (p, instead) => ({ ...p, obsoleted: instead });
function isPluggable(ref) {
    return 'plug' in ref;
}
/** `format1` .. `format20` and friends. */
function numbered(prefix, max, p) {
    const out = {};
    for (let i = 1; i <= max; i++)
        out[`${prefix}${i}`] = p;
    return out;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/buffers.ts
/** Built-in buffers, from fluentd v1.19 `buf_memory.rb`, `buf_file.rb`, `buf_file_single.rb`. */

const BUFFERS = [
    { kind: 'buffer', name: 'memory', source: 'buf_memory.rb', spec: { params: {} } },
    {
        kind: 'buffer',
        name: 'file',
        source: 'buf_file.rb',
        spec: { params: { path: str, path_suffix: str, file_permission: str, dir_permission: str } },
    },
    {
        kind: 'buffer',
        name: 'file_single',
        source: 'buf_file_single.rb',
        spec: {
            params: {
                path: str,
                calc_num_records: bool,
                chunk_format: oneOf('msgpack', 'text', 'auto'),
                file_permission: str,
                dir_permission: str,
            },
        },
    },
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/common.ts
/**
 * Parameters every plugin has (`plugin/base.rb`, `plugin_id.rb`, `log.rb` mixins: CONFIG-FACTS B5),
 * the output `<buffer>`/`<secondary>` sections (`plugin/output.rb`, `plugin/buffer.rb`: C4) and the
 * helper section `<inject>` (`plugin_helper/inject.rb`), plus the legacy
 * flat names `plugin_helper/compat_parameters.rb` converts.
 */

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
const PLUGIN_COMMON = {
    '@type': str,
    '@id': str,
    '@label': str,
    '@log_level': oneOf(...LOG_LEVELS),
    type: deprecated(str, "'type' is deprecated parameter name: use '@type' instead"),
    id: deprecated(str, "'id' is deprecated parameter name: use '@id' instead"),
    log_level: deprecated(oneOf(...LOG_LEVELS), "'log_level' is deprecated parameter name: use '@log_level' instead"),
};
/** `Output` base parameters (output.rb). */
const OUTPUT_COMMON = {
    time_as_integer: bool,
    slow_flush_log_threshold: flt,
};
/** `<buffer>` parameters from output.rb's buffer section and buffer.rb (C4). */
const BUFFER_PARAMS = {
    '@type': str,
    timekey: time,
    timekey_wait: time,
    timekey_use_utc: bool,
    timekey_zone: str,
    flush_at_shutdown: bool,
    flush_mode: oneOf('default', 'lazy', 'interval', 'immediate'),
    flush_interval: time,
    flush_thread_count: spec_int,
    flush_thread_interval: flt,
    flush_thread_burst_interval: flt,
    delayed_commit_timeout: time,
    overflow_action: oneOf('throw_exception', 'block', 'drop_oldest_chunk'),
    retry_forever: bool,
    retry_timeout: time,
    retry_max_times: spec_int,
    retry_secondary_threshold: flt,
    retry_type: oneOf('exponential_backoff', 'periodic'),
    retry_wait: time,
    retry_exponential_backoff_base: flt,
    retry_max_interval: time,
    retry_randomize: bool,
    disable_chunk_backup: bool,
    // buffer.rb
    chunk_limit_size: size,
    total_limit_size: size,
    queue_limit_length: spec_int,
    chunk_limit_records: spec_int,
    chunk_full_threshold: flt,
    queued_chunks_limit_size: spec_int,
    compress: oneOf('text', 'gzip', 'zstd'),
};
/** Flat buffer names `compat_parameters_convert(conf, :buffer)` moves into `<buffer>`. */
const COMPAT_BUFFER = [
    'buffer_type',
    'buffer_path',
    'num_threads',
    'flush_interval',
    'try_flush_interval',
    'queued_chunk_flush_interval',
    'disable_retry_limit',
    'retry_limit',
    'max_retry_wait',
    'buffer_chunk_limit',
    'buffer_queue_limit',
    'buffer_queue_full_action',
    'flush_at_shutdown',
    'time_slice_format',
    'time_slice_wait',
    'timezone',
    'retry_wait',
    'localtime',
    'utc',
];
const COMPAT_PARSER = [
    'format',
    'types',
    'types_delimiter',
    'types_label_delimiter',
    'keys',
    'time_key',
    'time_format',
    'localtime',
    'utc',
    'delimiter',
    'keep_time_key',
    'null_empty_string',
    'null_value_pattern',
    'json_parser',
    'label_delimiter',
    'format_firstline',
    'message_key',
    'with_priority',
    'message_format',
    'rfc5424_time_format',
];
const COMPAT_INJECT = [
    'include_time_key',
    'time_key',
    'time_format',
    'timezone',
    'include_tag_key',
    'tag_key',
    'localtime',
    'utc',
    'time_as_epoch',
];
const COMPAT_FORMATTER = [
    'format',
    'delimiter',
    'force_quotes',
    'keys',
    'fields',
    'json_parser',
    'label_delimiter',
    'output_time',
    'output_tag',
    'localtime',
    'utc',
    'timezone',
    'message_key',
    'add_newline',
    'output_type',
    'time_as_epoch',
];
/** `TimeMixin` (time_mixin.rb) as formatters and `<inject>` read it; parsers narrow `time_type`. */
const TIME_MIXIN = {
    time_type: oneOf('float', 'unixtime', 'unixtime_millis', 'unixtime_micros', 'unixtime_nanos', 'string', 'mixed'),
    time_format: str,
    localtime: bool,
    utc: bool,
    timezone: str,
    time_format_fallbacks: arr,
};
const INJECT_SECTION = {
    params: {
        hostname_key: str,
        hostname: str,
        worker_id_key: str,
        tag_key: str,
        time_key: str,
        time_subsecond_digits: spec_int,
        ...TIME_MIXIN,
    },
};
const SECONDARY_REF = { plug: 'secondary' };
const BUFFER_REF = { plug: 'buffer' };
/** The sections and parameters every (v1 API) output accepts. */
function outputSpec(spec) {
    return {
        ...spec,
        params: { ...OUTPUT_COMMON, ...spec.params },
        sections: { buffer: BUFFER_REF, secondary: SECONDARY_REF, ...spec.sections },
    };
}

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/filters.ts
/**
 * Filters, from fluentd v1.19 `filter_grep.rb` (read for this schema) and
 * `filter_record_transformer.rb`; `parser` and `stdout` are `open`.
 */


const CONDITION = { params: { key: required(str), pattern: required(regexp) } };
const GREP_CONDITIONS = { regexp: { spec: CONDITION, multi: true }, exclude: { spec: CONDITION, multi: true } };
const GREP = {
    params: {
        ...numbered('regexp', 20, deprecated(str, 'use a <regexp> section')),
        ...numbered('exclude', 20, deprecated(str, 'use an <exclude> section')),
    },
    sections: {
        ...GREP_CONDITIONS,
        and: { spec: { params: {}, sections: GREP_CONDITIONS }, multi: true },
        or: { spec: { params: {}, sections: GREP_CONDITIONS }, multi: true },
    },
};
const RECORD_TRANSFORMER = {
    params: {
        remove_keys: arr,
        keep_keys: arr,
        renew_record: bool,
        renew_time_key: str,
        enable_ruby: bool,
        auto_typecast: bool,
    },
    // <record> holds the user's own field names.
    sections: { record: { spec: { params: {}, open: true }, multi: true } },
};
function filter(name, spec) {
    return { kind: 'filter', name, source: `filter_${name}.rb`, spec };
}
const FILTERS = [
    filter('grep', GREP),
    filter('record_transformer', RECORD_TRANSFORMER),
    filter('parser', {
        params: {
            key_name: required(str),
            reserve_data: bool,
            remove_key_name_field: bool,
            inject_key_prefix: str,
            hash_value_field: str,
            emit_invalid_record_to_error: bool,
            replace_invalid_sequence: bool,
            reserve_time: bool,
        },
        compat: COMPAT_PARSER,
        open: true,
        sections: { parse: { plug: 'parser', multi: true, requireType: true } },
    }),
    filter('stdout', { params: {}, open: true }),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/formatters.ts
/** Built-in formatters (`<format>`), from fluentd v1.19 `lib/fluent/plugin/formatter_*.rb`. */


function formatter(name, params, open = false) {
    return {
        kind: 'formatter',
        name,
        source: `formatter_${name}.rb`,
        spec: { params: { '@type': str, ...params }, open },
    };
}
const FORMATTERS = [
    formatter('json', { json_parser: oneOf('oj', 'yajl', 'json'), add_newline: bool }),
    formatter('ltsv', { delimiter: str, label_delimiter: str, replacement: str, add_newline: bool }),
    formatter('csv', { delimiter: str, force_quotes: bool, fields: required(arr), add_newline: bool }),
    formatter('tsv', { keys: required(arr), delimiter: str, add_newline: bool }),
    formatter('out_file', { output_time: bool, output_tag: bool, delimiter: str, ...TIME_MIXIN }),
    formatter('single_value', { message_key: str, add_newline: bool }),
    formatter('hash', { add_newline: bool }),
    formatter('msgpack', {}),
    // `output_type` names another formatter whose parameters are passed through.
    formatter('stdout', { output_type: str, ...TIME_MIXIN }, true),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/inputs.ts
/**
 * Built-in inputs. Full schemas for the ones this product's setups use (CONFIG-FACTS C2, C3, from
 * fluentd v1.19 `in_forward.rb`, `in_tail.rb`, `in_sample.rb`); the other built-ins are `open`
 * (only the parameters listed are type-checked, none is called unknown).
 */


/** `plugin_helper/server.rb` `<transport tcp|tls>`: TLS options come from `cert_option.rb`. */
const TRANSPORT = {
    params: { linger_timeout: spec_int, receive_buffer_size: size },
    open: true,
};
const FORWARD = {
    params: {
        port: spec_int,
        bind: str,
        backlog: spec_int,
        linger_timeout: deprecated(spec_int, 'use the <transport> section'),
        chunk_size_warn_limit: size,
        chunk_size_limit: size,
        decompression_size_limit: size,
        skip_invalid_event: bool,
        source_address_key: str,
        source_hostname_key: str,
        resolve_hostname: bool,
        deny_keepalive: bool,
        send_keepalive_packet: bool,
        blocking_timeout: time,
        tag: str,
        add_tag_prefix: str,
    },
    sections: {
        transport: { spec: TRANSPORT },
        security: {
            spec: {
                params: {
                    self_hostname: required(str),
                    shared_key: required(secret(str)),
                    user_auth: bool,
                    allow_anonymous_source: bool,
                },
                sections: {
                    user: { spec: { params: { username: required(str), password: required(secret(str)) } }, multi: true },
                    client: { spec: { params: { host: str, network: str, shared_key: secret(str), users: arr } }, multi: true },
                },
            },
        },
    },
};
const TAIL = {
    params: {
        path: required(str),
        tag: required(str),
        exclude_path: arr,
        rotate_wait: time,
        pos_file: str,
        pos_file_compaction_interval: time,
        read_from_head: bool,
        refresh_interval: time,
        read_lines_limit: spec_int,
        read_bytes_limit_per_second: size,
        multiline_flush_interval: time,
        emit_unmatched_lines: bool,
        enable_watch_timer: bool,
        enable_stat_watcher: bool,
        encoding: str,
        from_encoding: str,
        path_key: str,
        open_on_every_update: bool,
        limit_recently_modified: time,
        skip_refresh_on_startup: bool,
        ignore_repeated_permission_error: bool,
        follow_inodes: bool,
        path_delimiter: str,
        glob_policy: oneOf('backward_compatible', 'extended', 'always'),
        path_timezone: str,
        max_line_size: size,
        ...numbered('format', 20, str),
    },
    compat: COMPAT_PARSER,
    sections: {
        parse: { plug: 'parser', multi: true, requireType: true },
        group: {
            spec: {
                params: { pattern: regexp, rate_period: time },
                sections: { rule: { spec: { params: { match: hash, limit: spec_int } }, multi: true } },
            },
        },
    },
};
const SAMPLE = {
    params: {
        tag: required(str),
        size: spec_int,
        rate: spec_int,
        auto_increment_key: str,
        suspend: bool,
        sample: str,
        dummy: deprecated(str, 'use sample'),
        reuse_record: bool,
    },
};
function input(name, spec, source = `in_${name}.rb`) {
    return { kind: 'input', name, source, spec };
}
const inputs_open = (params) => ({ params, open: true });
const INPUTS = [
    input('forward', FORWARD),
    input('tail', TAIL),
    input('sample', SAMPLE),
    input('dummy', SAMPLE, 'in_sample.rb (alias)'),
    input('http', inputs_open({
        port: spec_int,
        bind: str,
        body_size_limit: size,
        keepalive_timeout: time,
        add_http_headers: bool,
        add_remote_addr: bool,
    })),
    input('syslog', inputs_open({ port: spec_int, bind: str, tag: required(str), protocol_type: oneOf('udp', 'tcp') })),
    input('tcp', inputs_open({ port: spec_int, bind: str, tag: required(str) })),
    input('udp', inputs_open({ port: spec_int, bind: str, tag: required(str) })),
    input('unix', inputs_open({ path: str })),
    input('exec', inputs_open({ command: required(str), tag: str, run_interval: time })),
    input('monitor_agent', inputs_open({ port: spec_int, bind: str, tag: str, emit_interval: time })),
    input('debug_agent', inputs_open({ port: spec_int, bind: str })),
    input('object_space', inputs_open({ tag: required(str) })),
    input('gc_stat', inputs_open({ tag: required(str) })),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/outputs.ts
/**
 * Outputs. out_forward from fluentd v1.19 `out_forward.rb` and docs.fluentd.org/output/forward;
 * out_copy (C5) `out_copy.rb`/`multi_output.rb`; out_stdout `out_stdout.rb`; out_null
 * `out_null.rb`; out_datadog from DataDog/fluent-plugin-datadog `out_datadog.rb`@69911a1 (C1).
 * Other built-ins are `open`.
 */


const outputs_FORWARD = outputSpec({
    params: {
        transport: oneOf('tcp', 'tls'),
        send_timeout: time,
        connect_timeout: time,
        heartbeat_type: oneOf('transport', 'tcp', 'udp', 'none'),
        heartbeat_interval: time,
        recover_wait: time,
        hard_timeout: time,
        phi_threshold: spec_int,
        phi_failure_detector: bool,
        require_ack_response: bool,
        ack_response_timeout: time,
        read_interval_msec: spec_int,
        read_length: size,
        expire_dns_cache: time,
        dns_round_robin: bool,
        ignore_network_errors_at_startup: bool,
        verify_connection_at_startup: bool,
        compress: oneOf('text', 'gzip', 'zstd'),
        keepalive: bool,
        keepalive_timeout: time,
        tls_version: str,
        tls_min_version: str,
        tls_max_version: str,
        tls_ciphers: str,
        tls_insecure_mode: bool,
        tls_allow_self_signed_cert: bool,
        tls_verify_hostname: bool,
        tls_ca_cert_path: arr,
        tls_cert_path: arr,
        tls_client_cert_path: str,
        tls_client_private_key_path: str,
        tls_client_private_key_passphrase: secret(str),
        tls_cert_thumbprint: str,
        tls_cert_logical_store_name: str,
        tls_cert_use_enterprise_store: bool,
        port: obsoleted(spec_int, 'use a <server> section'),
        host: obsoleted(str, 'use a <server> section'),
    },
    compat: COMPAT_BUFFER,
    sections: {
        security: { spec: { params: { self_hostname: required(str), shared_key: required(secret(str)) } } },
        server: {
            multi: true,
            spec: {
                params: {
                    host: required(str),
                    name: str,
                    port: spec_int,
                    shared_key: secret(str),
                    username: str,
                    password: secret(str),
                    standby: bool,
                    weight: spec_int,
                },
            },
        },
        service_discovery: { spec: { params: {}, open: true } },
    },
});
const COPY = {
    params: {
        copy_mode: oneOf('no_copy', 'shallow', 'deep', 'marshal'),
        deep_copy: deprecated(bool, 'use copy_mode deep'),
    },
    sections: { store: { plug: 'output', multi: true, required: true } },
};
const STDOUT = outputSpec({
    params: { use_logger: bool },
    compat: [...COMPAT_INJECT, ...COMPAT_FORMATTER],
    sections: { format: { plug: 'formatter', multi: true, defaultType: 'stdout' }, inject: { spec: INJECT_SECTION } },
});
const NULL = outputSpec({ params: { never_flush: bool } });
const DATADOG = outputSpec({
    params: {
        api_key: required(secret(str)),
        include_tag_key: bool,
        tag_key: str,
        timestamp_key: str,
        service: str,
        dd_source: str,
        dd_sourcecategory: str,
        dd_tags: str,
        dd_hostname: str,
        delete_extracted_tag_attributes: bool,
        site: str,
        host: str,
        use_ssl: bool,
        port: spec_int,
        ssl_port: spec_int,
        max_retries: spec_int,
        max_backoff: spec_int,
        use_http: bool,
        custom_headers: hash,
        use_compression: bool,
        compression_level: spec_int,
        no_ssl_validation: bool,
        http_proxy: str,
        force_v1_routes: bool,
        use_json: bool,
    },
    compat: COMPAT_BUFFER,
});
function output(name, spec, source = `out_${name}.rb`) {
    return { kind: 'output', name, source, spec };
}
const outputs_open = (params) => ({ ...outputSpec({ params }), open: true });
const OUTPUTS = [
    output('forward', outputs_FORWARD),
    output('copy', COPY),
    output('stdout', STDOUT),
    output('null', NULL),
    output('datadog', DATADOG, 'DataDog/fluent-plugin-datadog lib/fluent/plugin/out_datadog.rb'),
    output('file', outputs_open({ path: required(str), append: bool, compress: oneOf('text', 'gzip'), symlink_path: str })),
    output('exec', outputs_open({ command: required(str) })),
    output('exec_filter', outputs_open({ command: required(str) })),
    output('relabel', { params: {}, open: true }),
    output('roundrobin', { params: {}, open: true }),
    output('secondary_file', {
        params: { directory: required(str), basename: str, append: bool, compress: oneOf('text', 'gzip') },
        open: true,
    }),
    output('http', outputs_open({ endpoint: required(str) })),
    output('buffer', outputs_open({})),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/parsers.ts
/**
 * Built-in parsers (`<parse>`), from fluentd v1.19 `lib/fluent/plugin/parser.rb` (base parameters
 * and `TimeMixin::Parser`) and `parser_*.rb`; legacy aliases (`parser_engine`) are kept.
 */


const BASE = {
    '@type': str,
    types: hash,
    time_key: str,
    null_value_pattern: regexp,
    null_empty_string: bool,
    estimate_current_event: bool,
    keep_time_key: bool,
    timeout: time,
    ...TIME_MIXIN,
    // The parser side of TimeMixin reads fewer time types than the formatter side.
    time_type: oneOf('string', 'unixtime', 'float', 'mixed'),
};
const REGEXP = { expression: regexp, ignorecase: bool, multiline: bool };
function parser(name, params, source = `parser_${name}.rb`) {
    return { kind: 'parser', name, source, spec: { params: { ...BASE, ...params } } };
}
const PARSERS = [
    parser('regexp', { ...REGEXP, expression: required(regexp) }),
    parser('apache', REGEXP),
    parser('apache2', {}),
    parser('apache_error', REGEXP),
    parser('nginx', REGEXP),
    parser('syslog', {
        rfc5424_time_format: str,
        message_format: oneOf('rfc3164', 'rfc5424', 'auto'),
        with_priority: bool,
        parser_type: oneOf('regexp', 'string'),
        parser_engine: oneOf('regexp', 'string'),
        support_colonless_ident: bool,
    }),
    parser('csv', {
        keys: required(arr),
        delimiter: str,
        parser_type: oneOf('normal', 'fast'),
        parser_engine: oneOf('normal', 'fast'),
    }),
    parser('tsv', { keys: required(arr), delimiter: str }),
    parser('ltsv', { delimiter: str, delimiter_pattern: regexp, label_delimiter: str }),
    parser('json', { json_parser: oneOf('oj', 'yajl', 'json'), stream_buffer_size: spec_int }),
    parser('msgpack', {}),
    parser('multiline', { format_firstline: str, unmatched_lines: bool, ...numbered('format', 20, str) }),
    parser('none', { message_key: str }),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/registry.ts
/**
 * Looking plugins up by kind and `@type`, and knowing which types fluentd ships (so anything else
 * must come from a gem or a plugin file in the image).
 */






const BY_KIND = new Map();
for (const list of [INPUTS, OUTPUTS, FILTERS, PARSERS, FORMATTERS, BUFFERS]) {
    for (const p of list) {
        let m = BY_KIND.get(p.kind);
        if (!m)
            BY_KIND.set(p.kind, (m = new Map()));
        m.set(p.name, p);
    }
}
function lookupPlugin(kind, type) {
    return BY_KIND.get(kind)?.get(type);
}
/** Types that ship inside the fluentd gem itself (v1.19 `lib/fluent/plugin/*`); `datadog` is not one. */
const CORE = {
    input: [
        'forward',
        'tail',
        'sample',
        'dummy',
        'http',
        'syslog',
        'tcp',
        'udp',
        'unix',
        'exec',
        'monitor_agent',
        'debug_agent',
        'object_space',
        'gc_stat',
    ],
    output: [
        'forward',
        'copy',
        'stdout',
        'null',
        'file',
        'exec',
        'exec_filter',
        'relabel',
        'roundrobin',
        'secondary_file',
        'http',
        'buffer',
    ],
    filter: ['grep', 'record_transformer', 'parser', 'stdout'],
    parser: [
        'regexp',
        'apache',
        'apache2',
        'apache_error',
        'nginx',
        'syslog',
        'csv',
        'tsv',
        'ltsv',
        'json',
        'msgpack',
        'multiline',
        'none',
    ],
    formatter: ['json', 'ltsv', 'csv', 'tsv', 'out_file', 'single_value', 'hash', 'msgpack', 'stdout'],
    buffer: ['memory', 'file', 'file_single'],
};
function isCorePlugin(kind, type) {
    return CORE[kind].includes(type);
}
function corePluginNames(kind) {
    return CORE[kind];
}
/**
 * Gems whose plugin names do not follow `fluent-plugin-<type>`. A type listed here is known for
 * sure to need this gem; other third-party types are matched by name only (and more cautiously).
 */
const KNOWN_GEMS = {
    datadog: 'fluent-plugin-datadog',
    elasticsearch: 'fluent-plugin-elasticsearch',
    s3: 'fluent-plugin-s3',
    cloudwatch_logs: 'fluent-plugin-cloudwatch-logs',
    kinesis_streams: 'fluent-plugin-kinesis',
    kinesis_firehose: 'fluent-plugin-kinesis',
    kinesis_streams_aggregated: 'fluent-plugin-kinesis',
    rewrite_tag_filter: 'fluent-plugin-rewrite-tag-filter',
    concat: 'fluent-plugin-concat',
    kubernetes_metadata: 'fluent-plugin-kubernetes_metadata_filter',
    detect_exceptions: 'fluent-plugin-detect-exceptions',
    prometheus: 'fluent-plugin-prometheus',
    record_modifier: 'fluent-plugin-record-modifier',
    multi_format: 'fluent-plugin-multi-format-parser',
};

;// CONCATENATED MODULE: ./src/checks/fluentd/gems.ts

const FILE_PREFIX = {
    input: 'in',
    output: 'out',
    filter: 'filter',
    parser: 'parser',
    formatter: 'formatter',
    buffer: 'buf',
};
/** The official image (`fluent/fluentd:*`, or Docker's `fluentd:*`) contains only the core plugins. */
function isCoreFluentdImage(ref) {
    if (!ref)
        return false;
    return /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(?:fluent\/fluentd|(?:library\/)?fluentd)(?:[:@]|$)/.test(ref.trim());
}
const norm = (s) => s.toLowerCase().replace(/[-_]/g, '');
function gemName(g) {
    return g
        .trim()
        .toLowerCase()
        .replace(/[:@\s].*$/, '')
        .replace(/-\d[\w.]*$/, '');
}
function checkGems(uses, image, report) {
    if (!image || !isCoreFluentdImage(image.baseImage))
        return;
    const gems = [...image.gems].map(gemName);
    const files = [...image.files.keys()];
    const seen = new Set();
    for (const use of uses) {
        const type = use.type;
        const at = use.typeParam;
        if (type === undefined || !at || at.dynamic || isCorePlugin(use.kind, type))
            continue;
        const key = `${use.kind}:${type}:${at.file}:${at.pos.line}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const known = KNOWN_GEMS[type];
        const plausible = (g) => {
            if (!g.startsWith('fluent-plugin-'))
                return false;
            const suffix = norm(g.slice('fluent-plugin-'.length));
            const t = norm(type);
            return suffix === t || t.startsWith(suffix) || suffix.startsWith(t);
        };
        if ((known && gems.includes(known)) || gems.some(plausible))
            continue;
        const fileRe = new RegExp(`/${FILE_PREFIX[use.kind]}_${type.replace(/[^\w]/g, '')}\\.rb$`);
        if (files.some((f) => fileRe.test(f)))
            continue;
        const gem = known ?? `fluent-plugin-${type.replace(/_/g, '-')}`;
        const message = `Unknown ${use.kind} plugin '${type}'. Run 'gem search -rd fluent-plugin' to find plugins: ${image.dockerfile} builds on ${image.baseImage} and installs no gem providing it; add RUN fluent-gem install ${gem}`;
        if (known && image.complete)
            report.error({ file: at.file, pos: at.valuePos }, 'fluentd/plugin-not-installed', message);
        else
            report.warning({ file: at.file, pos: at.valuePos }, 'fluentd/plugin-not-installed', `${message}${image.complete ? '' : ' (the Dockerfile does things that cannot be followed statically, so it may still be there)'}`);
    }
}

// EXTERNAL MODULE: ./src/checks/fluentd/load.ts + 3 modules
var load = __webpack_require__(341);
;// CONCATENATED MODULE: ./src/checks/fluentd/plugin-rules.ts
/**
 * Rules that need more than one parameter at a time: the `configure`-time errors fluentd and
 * fluent-plugin-datadog raise (CONFIG-FACTS B7, C1-C5), and the traps E1.9-E1.12 list.
 */



const DATADOG_SITES = [
    'datadoghq.com',
    'datadoghq.eu',
    'us3.datadoghq.com',
    'us5.datadoghq.com',
    'ap1.datadoghq.com',
    'ddog-gov.com',
];
function getter(el) {
    return (key) => {
        const p = (0,ast/* lastParam */.U)(el, key);
        return p && !p.dynamic ? p : undefined;
    };
}
const isTrue = (p) => p !== undefined && (p.value === 'true' || p.value === 'yes' || p.value === '');
const isFalse = (p) => p !== undefined && (p.value === 'false' || p.value === 'no');
const valueAt = (p) => ({ file: p.file, pos: p.valuePos });
function checkPluginRules(model, uses, report) {
    const rootDir = model.system ? getter(model.system)('root_dir') : undefined;
    const posFiles = new Map();
    const listeners = [];
    const scopeOf = new Map(model.directives.map((d) => [d.el, d.scope]));
    for (const use of uses) {
        const get = getter(use.el);
        if (use.kind === 'output' && use.type === 'datadog')
            datadog(get, report);
        if (use.kind === 'output' && use.type === 'forward')
            forwardOutput(use.el, get, report);
        if (use.kind === 'output' && use.type === 'copy')
            copy(use.el, report);
        if (use.kind === 'buffer')
            buffer(use, get, report, rootDir !== undefined);
        if (use.kind === 'input' && use.type === 'tail')
            tail(use.el, get, report, posFiles);
        if (use.kind === 'input' && use.type === 'forward')
            forwardInput(use.el, get, report);
        if (use.kind === 'input' && use.type !== undefined) {
            for (const l of listensOn(use, get))
                listeners.push({ ...l, use, scope: scopeOf.get(use.el) ?? '' });
        }
    }
    portConflicts(listeners, report);
    portRanges(model.root, report);
}
function datadog(get, report) {
    const host = get('host');
    if (host && (host.value.includes('://') || host.value.includes('/') || /:\d+$/.test(host.value))) {
        report.error(valueAt(host), 'fluentd/datadog-host', `host must be a bare hostname: the plugin builds "<protocol>://<host>:<port>" itself, so ${JSON.stringify(host.value)} produces a broken URL; write e.g. http-intake.logs.datadoghq.com and set the port with port/ssl_port`);
    }
    const site = get('site');
    if (site && !DATADOG_SITES.includes(site.value)) {
        const hint = (0,suggest/* closest */.kp)(site.value, DATADOG_SITES);
        report.error(valueAt(site), 'fluentd/datadog-site', `site ${JSON.stringify(site.value)} is not a Datadog site${hint ? ` (did you mean "${hint}"?)` : ''}: use one of ${DATADOG_SITES.join(', ')}`);
    }
    const useHttp = get('use_http');
    const useSsl = get('use_ssl');
    const sslOn = !isFalse(useSsl);
    if (isFalse(useHttp)) {
        if (site && site.value !== 'datadoghq.com' && !host) {
            report.error(valueAt(site), 'fluentd/datadog-tcp-site', '`host` is required when `use_http false` is combined with a non-default `site`: set host to the TCP intake of that site');
        }
        // The US TCP intake listens on 10516 with SSL (DataDog/fluent-plugin-datadog#24); other sites differ.
        if (sslOn && !get('ssl_port') && (!site || site.value === 'datadoghq.com')) {
            report.warning(valueAt(useHttp), 'fluentd/datadog-ssl-port', 'use_http false sends over TCP with SSL to ssl_port, whose default 443 is not the US TCP intake port; set ssl_port 10516');
        }
    }
    const port = get('port');
    if (port && sslOn) {
        report.warning(port, 'fluentd/datadog-port-ignored', 'port is only used with use_ssl false; with SSL on (the default) the plugin connects to ssl_port, so set ssl_port instead');
    }
    const level = get('compression_level');
    if (level && /^-?\d+$/.test(level.value) && (Number(level.value) < 1 || Number(level.value) > 9)) {
        report.error(valueAt(level), 'fluentd/datadog-compression-level', `compression_level ${level.value} is outside 1-9 (gzip levels); the plugin does not check it and gzip fails at send time`);
    }
    const tags = get('dd_tags');
    if (tags && tags.value !== '' && !/^[^,\s:]+:[^,]*(,[^,\s:]+:[^,]*)*$/.test(tags.value)) {
        report.warning(valueAt(tags), 'fluentd/datadog-tags', `dd_tags ${JSON.stringify(tags.value)} is not a comma-separated list of key:value pairs (no spaces around commas), e.g. env:prod,team:sre`);
    }
    const noSsl = get('no_ssl_validation');
    if (isTrue(noSsl))
        report.warning(noSsl, 'fluentd/datadog-insecure', 'no_ssl_validation true turns off certificate checks for the connection that carries the API key; remove it');
    const v1 = get('force_v1_routes');
    if (isTrue(v1))
        report.warning(v1, 'fluentd/datadog-insecure', 'force_v1_routes true puts the API key in the URL path (/v1/input/<key>), where proxies log it; remove it to use the v2 API with a header');
}
function forwardOutput(el, get, report) {
    if (!el.elements.some((e) => e.name === 'server' || e.name === 'service_discovery')) {
        report.error(el, 'fluentd/missing-section', 'forward output plugin requires at least one <server>: add <server> host ... port ... </server>');
    }
    const hb = get('heartbeat_type');
    if (isTrue(get('dns_round_robin')) && hb?.value === 'udp') {
        report.error(valueAt(hb), 'fluentd/invalid-value', "forward output heartbeat type must be 'transport' or 'none' to use dns_round_robin option");
    }
    const ack = get('ack_response_timeout');
    if (ack && /^-?\d+(\.\d+)?$/.test(ack.value) && Number(ack.value) < 1) {
        report.error(valueAt(ack), 'fluentd/invalid-value', 'ack_response_timeout must be a positive integer');
    }
    for (const b of el.elements) {
        if (b.name !== 'buffer' || b.argEmbedded.some((e) => e.evaluated))
            continue;
        const keys = chunkKeys(b);
        if (b.arg.trim() !== '' && !keys.includes('tag')) {
            report.error({ file: b.file, pos: b.argPos }, 'fluentd/invalid-value', "buffer chunk key must include 'tag' for forward output: write <buffer tag> (or add tag to the list)");
        }
    }
}
function copy(el, report) {
    const stores = el.elements.filter((e) => e.name === 'store');
    const first = stores[0];
    if (first && /\bignore_if_prev_success\b/.test(first.arg)) {
        report.error({ file: first.file, pos: first.argPos }, 'fluentd/invalid-value', 'ignore_if_prev_success must specify 2nd or later <store> directives: the first store has no previous one');
    }
}
function chunkKeys(b) {
    return b.arg
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== '');
}
/**
 * Outputs whose `<buffer>` section sets a default `timekey` (`config_set_default :timekey, 86400`
 * in `config_section :buffer`): fluentd's own `out_file.rb`, and fluent-plugin-s3's `out_s3.rb`.
 * There a `<buffer time>` without a timekey rolls daily, which is no error.
 */
const TIMEKEY_DEFAULT = { file: '1d', s3: '1d' };
function buffer(use, get, report, hasRootDir) {
    const b = use.el;
    const keys = chunkKeys(b);
    const ownerDefault = use.owner?.type !== undefined ? TIMEKEY_DEFAULT[use.owner.type] : undefined;
    const hasTimekey = get('timekey') !== undefined || ownerDefault !== undefined;
    if (keys.includes('time') && !(0,ast/* lastParam */.U)(b, 'timekey') && ownerDefault === undefined) {
        report.error({ file: b.file, pos: b.argPos }, 'fluentd/buffer-timekey', `<buffer ${b.arg}> argument includes 'time', but timekey is not configured: add timekey (e.g. 1h)`);
    }
    const mode = get('flush_mode');
    const interval = (0,ast/* lastParam */.U)(b, 'flush_interval');
    if (interval) {
        const timed = keys.includes('time') && hasTimekey;
        const effective = !mode || mode.value === 'default' ? (timed ? 'lazy' : 'interval') : mode.value;
        if (effective !== 'interval') {
            if (mode)
                report.error(interval, 'fluentd/buffer-flush-mode', `'flush_interval' can't be specified when 'flush_mode' is not 'interval' explicitly: '${effective}'; remove one of them`);
            else
                report.warning(interval, 'fluentd/buffer-flush-mode', `'flush_interval' is ignored because default 'flush_mode' is not 'interval': '${effective}' (time-keyed buffers flush by timekey); set flush_mode interval or drop flush_interval`);
        }
    }
    if ((use.type === 'file' || use.type === 'file_single') && !(0,ast/* lastParam */.U)(b, 'path')) {
        const ownerId = use.owner ? (0,ast/* lastParam */.U)(use.owner.el, '@id') : undefined;
        if (!(hasRootDir && ownerId)) {
            report.error(b, 'fluentd/missing-parameter', "buffer path is not configured. specify 'path' in <buffer> (or set <system> root_dir and an @id on the output)");
        }
    }
}
function tail(el, get, report, posFiles) {
    const hasParse = el.elements.some((e) => e.name === 'parse');
    const format = (0,ast/* lastParam */.U)(el, 'format');
    if (!hasParse && !format) {
        report.error(el, 'fluentd/missing-section', '<parse> section is required.: add <parse> @type ... </parse> to this in_tail <source>');
    }
    if (!hasParse && format && !format.dynamic) {
        const t = format.value;
        const regex = t.startsWith('/') && t.endsWith('/') && t.length > 1;
        if (!regex && !isCorePlugin('parser', t)) {
            const hint = (0,suggest/* closest */.kp)(t, corePluginNames('parser'));
            if (hint)
                report.warning(valueAt(format), 'fluentd/unknown-plugin', `format ${t} is not a built-in parser (did you mean "${hint}"?); unless a gem provides it, fluentd fails with "Unknown parser plugin '${t}'"`);
        }
    }
    const posFile = get('pos_file');
    const followInodes = get('follow_inodes');
    if (posFile) {
        const prev = posFiles.get(posFile.value);
        if (prev) {
            report.error(valueAt(posFile), 'fluentd/tail-pos-file', `Other 'in_tail' plugin already use same pos_file path (${prev.file}:${prev.pos.line}): give each in_tail source its own pos_file`);
        }
        else
            posFiles.set(posFile.value, posFile);
    }
    else if (!(0,ast/* lastParam */.U)(el, 'pos_file')) {
        if (isTrue(followInodes))
            report.error(followInodes, 'fluentd/tail-pos-file', "Can't follow inodes without pos_file configuration parameter: add pos_file");
        else
            report.warning(el, 'fluentd/tail-pos-file', "'pos_file PATH' parameter is not set to a 'tail' source: without it a restart re-reads or skips lines; add pos_file (on a volume that survives the task)");
    }
    const watch = get('enable_watch_timer');
    const stat = get('enable_stat_watcher');
    if (isFalse(watch) && isFalse(stat))
        report.error(watch, 'fluentd/invalid-value', 'either of enable_watch_timer or enable_stat_watcher must be true');
    const from = get('from_encoding');
    if (from && !(0,ast/* lastParam */.U)(el, 'encoding'))
        report.error(from, 'fluentd/invalid-value', "tail: 'from_encoding' parameter must be specified with 'encoding' parameter");
    const path = get('path');
    const delimiter = get('path_delimiter');
    const delim = delimiter ? delimiter.value : ',';
    if (delimiter && ['/', '*', '%'].includes(delimiter.value))
        report.error(valueAt(delimiter), 'fluentd/invalid-value', `path_delimiter must not be ${delimiter.value}: it is part of paths and globs`);
    if (path && delim !== '' && path.value.split(delim).every((p) => p.trim() === '')) {
        report.error(valueAt(path), 'fluentd/missing-parameter', "tail: 'path' parameter is required on tail input: it lists no path");
    }
    const policy = get('glob_policy');
    if (policy?.value === 'always' && delim === ',')
        report.error(valueAt(policy), 'fluentd/invalid-value', 'glob_policy always cannot be used with the default path_delimiter ",": {a,b} globs would be split; set another path_delimiter');
    if (policy?.value === 'extended' && path && /\{[^}]*,[^}]*\}/.test(path.value))
        report.error(valueAt(path), 'fluentd/invalid-value', 'glob_policy extended does not allow {a,b} in path: use glob_policy always with another path_delimiter');
}
function forwardInput(el, get, report) {
    const deny = get('deny_keepalive');
    if (isTrue(deny) && isTrue(get('send_keepalive_packet'))) {
        report.error(deny, 'fluentd/invalid-value', 'deny_keepalive true cannot be combined with send_keepalive_packet true: drop one');
    }
    for (const key of ['tag', 'add_tag_prefix']) {
        const p = get(key);
        if (p && p.value === '')
            report.error(p, 'fluentd/invalid-value', `${key} must not be empty: give it a value or remove it`);
    }
    const resolve = get('resolve_hostname');
    if (get('source_hostname_key') && isFalse(resolve)) {
        report.error(valueAt(resolve), 'fluentd/invalid-value', 'resolve_hostname must be true with source_hostname_key');
    }
    for (const sec of el.elements.filter((e) => e.name === 'security')) {
        const sget = getter(sec);
        if (isTrue(sget('user_auth')) && !sec.elements.some((e) => e.name === 'user')) {
            report.error(sec, 'fluentd/missing-section', '<user> sections required if user_auth enabled: add <user> username ... password ... </user>');
        }
        if (isFalse(sget('allow_anonymous_source')) && !sec.elements.some((e) => e.name === 'client')) {
            report.error(sec, 'fluentd/missing-section', '<client> sections required if allow_anonymous_source disabled: add <client> host ... </client>');
        }
        for (const client of sec.elements.filter((e) => e.name === 'client')) {
            const h = (0,ast/* lastParam */.U)(client, 'host');
            const n = (0,ast/* lastParam */.U)(client, 'network');
            if (!h && !n)
                report.error(client, 'fluentd/missing-parameter', "Either of 'host' and 'network' must be specified for client");
            if (h && n)
                report.error(client, 'fluentd/invalid-value', "both of 'host' and 'network' are specified for client: keep one");
        }
    }
}
const DEFAULT_PORTS = {
    // in_forward listens on TCP and on UDP (heartbeats) at the same port.
    forward: [
        ['tcp', 24224],
        ['udp', 24224],
    ],
    http: [['tcp', 9880]],
    tcp: [['tcp', 5170]],
    udp: [['udp', 5160]],
    syslog: [['udp', 5140]],
    monitor_agent: [['tcp', 24220]],
    debug_agent: [['tcp', 24230]],
};
function listensOn(use, get) {
    const defaults = DEFAULT_PORTS[use.type];
    if (!defaults)
        return [];
    const portParam = (0,ast/* lastParam */.U)(use.el, 'port');
    if (portParam?.dynamic)
        return [];
    const port = portParam ? Number(portParam.value) : undefined;
    const bindParam = (0,ast/* lastParam */.U)(use.el, 'bind');
    if (bindParam?.dynamic)
        return [];
    const bind = bindParam ? bindParam.value : '0.0.0.0';
    let protos = defaults;
    if (use.type === 'syslog') {
        const proto = get('protocol_type');
        const transport = use.el.elements.find((e) => e.name === 'transport');
        if (proto?.value === 'tcp' || (transport && transport.arg !== 'udp'))
            protos = [['tcp', 5140]];
    }
    return protos.map(([proto, def]) => ({
        proto,
        bind,
        port: port !== undefined && Number.isInteger(port) ? port : def,
        at: portParam ?? use.el,
    }));
}
const wildcard = (b) => b === '0.0.0.0' || b === '::' || b === '*' || b === '';
/**
 * Listeners grouped by (worker scope, protocol, port) in a map, so 5,000 sources cost 5,000 lookups
 * rather than 12.5 million comparisons. Each listener is reported against the earliest one it
 * collides with: the same address, or either side bound to every address.
 */
function portConflicts(listeners, report) {
    const groups = new Map();
    const order = new Map();
    const reported = new Set();
    listeners.forEach((a, i) => {
        order.set(a, i);
        const key = `${a.scope}\0${a.proto}\0${a.port}`;
        const g = groups.get(key);
        if (!g) {
            groups.set(key, { first: a, ...(wildcard(a.bind) ? { firstWildcard: a } : {}), byBind: new Map([[a.bind, a]]) });
            return;
        }
        const candidates = wildcard(a.bind) ? [g.first] : [g.byBind.get(a.bind), g.firstWildcard];
        const b = candidates
            .filter((c) => c !== undefined && c.use !== a.use)
            .sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0))[0];
        if (!g.byBind.has(a.bind))
            g.byBind.set(a.bind, a);
        if (wildcard(a.bind))
            g.firstWildcard ??= a;
        if (!b || reported.has(a.use.el))
            return;
        reported.add(a.use.el);
        const at = 'valuePos' in a.at ? { file: a.at.file, pos: a.at.valuePos } : a.at;
        report.error(at, 'fluentd/port-conflict', `this <source> (@type ${a.use.type}) and the one at ${b.use.el.file}:${b.use.el.pos.line} (@type ${b.use.type}) both listen on ${a.proto.toUpperCase()} ${a.bind}:${a.port}; the second fails to bind at start-up (--dry-run does not bind, so it misses this); use another port`);
    });
}
const PORT_KEYS = new Set(['port', 'ssl_port']);
/**
 * A TCP/UDP port is 0..65535. Fluentd's integer type accepts any integer, so `port 70000` passes
 * `--dry-run`, and the plugin fails when it binds or connects (Ruby's socket layer refuses a port
 * out of range): an error either way, wherever a `port` or `ssl_port` is written.
 */
function portRanges(root, report) {
    const stack = [root];
    for (let el = stack.pop(); el; el = stack.pop()) {
        for (const p of el.params) {
            if (!PORT_KEYS.has(p.key) || p.dynamic || !/^[+-]?\d+$/.test(p.value.trim()))
                continue;
            const n = Number(p.value.trim());
            if (n >= 0 && n <= 65535)
                continue;
            report.error(valueAt(p), 'fluentd/port-range', `${p.key} ${p.value.trim()} is not a port: ports are 0 to 65535`);
        }
        for (const child of el.elements)
            stack.push(child);
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/system.ts
/** `<system>` (CONFIG-FACTS B5; fluentd v1.19 `lib/fluent/system_config.rb`). */


const SYSTEM = {
    params: {
        workers: spec_int,
        restart_worker_interval: time,
        root_dir: str,
        log_level: oneOf(...LOG_LEVELS),
        suppress_repeated_stacktrace: bool,
        emit_error_log_interval: time,
        suppress_config_dump: bool,
        log_event_verbose: bool,
        ignore_repeated_log_interval: time,
        ignore_same_log_interval: time,
        without_source: bool,
        with_source_only: bool,
        rpc_endpoint: str,
        enable_get_dump: bool,
        process_name: str,
        file_permission: str,
        dir_permission: str,
        counter_server: str,
        counter_client: str,
        strict_config_value: bool,
        enable_msgpack_time_support: bool,
        disable_shared_socket: bool,
        enable_input_metrics: bool,
        enable_size_metrics: bool,
        enable_jit: bool,
        config_include_dir: str,
        umask: str,
    },
    sections: {
        log: {
            spec: {
                params: {
                    path: str,
                    format: oneOf('text', 'json'),
                    time_format: str,
                    rotate_age: str,
                    rotate_size: size,
                    forced_stacktrace_level: oneOf(...LOG_LEVELS),
                },
            },
        },
        counter_server: { spec: { params: {}, open: true } },
        counter_client: { spec: { params: {}, open: true } },
        metrics: { spec: { params: {}, open: true } },
        source_only_buffer: { spec: { params: {}, open: true } },
    },
};

;// CONCATENATED MODULE: ./src/checks/fluentd/values.ts
const INT = /^[-+]?\d+(?:_\d+)*$/;
const FLOAT = /^[-+]?(?:\d+(?:_\d+)*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** Ruby `String#to_i`: leading blanks, a sign, digits (with `_`), then anything is ignored. */
function rubyToI(s) {
    const m = /^\s*([-+]?)(\d+(?:_\d+)*)/.exec(s);
    if (!m)
        return 0;
    const n = Number(m[2].replace(/_/g, ''));
    return m[1] === '-' ? -n : n;
}
/** Ruby `String#to_f`, as far as config values go. */
function rubyToF(s) {
    const m = /^\s*([-+]?(?:\d+(?:_\d+)*)?(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(s);
    const t = m ? m[1].replace(/_/g, '') : '';
    const n = Number(t);
    return t === '' || Number.isNaN(n) ? 0 : n;
}
/** `Config.size_value`: the first `<digits>k|m|g|t` anywhere (case-insensitive), else an integer. */
function rubySize(s) {
    const units = [
        [/(\d+)k/i, 1024],
        [/(\d+)m/i, 1024 ** 2],
        [/(\d+)g/i, 1024 ** 3],
        [/(\d+)t/i, 1024 ** 4],
    ];
    for (const [re, mul] of units) {
        const m = re.exec(s);
        if (m)
            return Number(m[1]) * mul;
    }
    return rubyToI(s);
}
/** `Config.time_value`: the first `<digits>s|m|h|d` anywhere (case-sensitive), else a float. */
function rubyTime(s) {
    const units = [
        [/(\d+)s/, 1],
        [/(\d+)m/, 60],
        [/(\d+)h/, 3600],
        [/(\d+)d/, 86400],
    ];
    for (const [re, mul] of units) {
        const m = re.exec(s);
        if (m)
            return Number(m[1]) * mul;
    }
    return rubyToF(s);
}
const SIZE_NAMES = ['', ' KiB', ' MiB', ' GiB', ' TiB'];
function showSize(n) {
    let i = 0;
    let v = n;
    while (i < 4 && v >= 1024 && v % 1024 === 0) {
        v /= 1024;
        i++;
    }
    return i === 0 ? `${n} bytes` : `${v}${SIZE_NAMES[i]}`;
}
const TIME_WORDS = {
    sec: 1,
    secs: 1,
    second: 1,
    seconds: 1,
    min: 60,
    mins: 60,
    minute: 60,
    minutes: 60,
    hr: 3600,
    hrs: 3600,
    hour: 3600,
    hours: 3600,
    day: 86400,
    days: 86400,
};
const TIME_UNITS = { s: 1, m: 60, h: 3600, d: 86400 };
function err(message) {
    return { severity: 'error', code: 'fluentd/invalid-value', message };
}
function loose(message) {
    return { severity: 'warning', code: 'fluentd/loose-value', message };
}
/** Check one value against its type; undefined when fluentd reads it as written. */
function checkValue(type, input) {
    const { name, value: v, quote } = input;
    const shown = quote === 'empty' ? 'an empty value' : JSON.stringify(v);
    switch (type) {
        case 'string':
        case 'regexp':
            return undefined;
        case 'bool': {
            if (v === 'true' || v === 'yes' || v === 'false' || v === 'no' || v === '')
                return undefined;
            if (v.startsWith('#'))
                return loose(`${name}: ${shown} starts with #, which fluentd reads as true; write true or false`);
            return err(`${name}: ${shown} is not a bool: fluentd accepts only true, false, yes or no (True and 1 are invalid) and reads anything else as nil, which fails at start-up or silently means false`);
        }
        case 'integer': {
            if (INT.test(v))
                return undefined;
            return err(`${name}: ${shown} is not an integer: fluentd reads it as ${rubyToI(v)}; write digits only`);
        }
        case 'float': {
            if (FLOAT.test(v))
                return undefined;
            return err(`${name}: ${shown} is not a number: fluentd reads it as ${rubyToF(v)}`);
        }
        case 'size': {
            if (/^\d+[kmgt]?$/i.test(v) || INT.test(v))
                return undefined;
            const read = rubySize(v);
            const m = /^(\d+)\s*([kmgt])i?b$/i.exec(v);
            if (m) {
                const unit = m[2].toLowerCase();
                const meant = Number(m[1]) * 1024 ** ('kmgt'.indexOf(unit) + 1);
                const fix = `write ${m[1]}${unit} (sizes are <number>k|m|g|t, powers of 1024)`;
                // `8MB` happens to read as 8 MiB (types.rb finds `8m`); `10 MB` reads as 10 bytes.
                if (read === meant)
                    return loose(`${name}: ${shown} is read as ${showSize(read)}; ${fix}`);
                return err(`${name}: ${shown} is read as ${showSize(read)}, not ${showSize(meant)}; ${fix}`);
            }
            return err(`${name}: ${shown} is not a size: fluentd reads it as ${showSize(read)}; write <number> or <number>k|m|g|t`);
        }
        case 'time': {
            if (/^-?\d+(\.\d+)?$/.test(v) || /^\d+[smhd]$/.test(v))
                return undefined;
            const read = rubyTime(v);
            const word = /^(\d+)\s*([a-z]+)$/i.exec(v);
            if (word) {
                const mul = TIME_WORDS[word[2].toLowerCase()];
                if (mul !== undefined && Number(word[1]) * mul === read) {
                    return loose(`${name}: ${shown} happens to read as ${read} seconds; write it as <number>s|m|h|d, e.g. ${word[1]}${word[2][0]?.toLowerCase()}`);
                }
            }
            const frac = /^(\d+\.\d+)([smhd])$/.exec(v);
            if (frac) {
                const intended = Number(frac[1]) * TIME_UNITS[frac[2]];
                return err(`${name}: ${shown} is read as ${read} seconds (fluentd takes the digits right before the unit), not ${intended}; write ${intended}`);
            }
            return err(`${name}: ${shown} is not a duration: fluentd reads it as ${read} seconds; write <number>s|m|h|d or seconds`);
        }
        case 'enum': {
            const list = input.list ?? [];
            if (list.includes(v))
                return undefined;
            return err(`${name}: valid options are ${list.join(',')} but got ${quote === 'empty' ? '""' : v}`);
        }
        case 'array': {
            if (quote === 'json' && !v.startsWith('['))
                return err(`${name}: array required but got a JSON hash; write [..] or a,b,c`);
            return undefined;
        }
        case 'hash': {
            if (quote === 'json')
                return v.startsWith('{')
                    ? undefined
                    : err(`${name}: hash required but got a JSON array; write {"k":"v"} or k1:v1,k2:v2`);
            if (v.trim() === '')
                return undefined;
            const bad = v
                .trim()
                .split(/\s*,\s*/)
                .find((pair) => !pair.includes(':'));
            if (bad !== undefined)
                return err(`${name}: hash required but ${JSON.stringify(bad)} has no ':'; write k1:v1,k2:v2 or a JSON object`);
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/plugins.ts
/**
 * Known plugins' parameters and sections against their schemas (CONFIG-FACTS E1.3-E1.6): unknown
 * names are warnings with a did-you-mean (fluentd only logs "not used"), values fluentd rejects or
 * silently changes are errors, as are missing required parameters and sections. Third-party
 * plugins without a schema are left alone (the gem check covers whether they exist at all).
 */







const LEGACY = new Set(['type', 'id', 'log_level']);
const DIRECTIVE_KIND = { source: 'input', match: 'output', filter: 'filter' };
/** Parameter names that are near misses of a real one but too far apart for edit distance. */
const HINTS = {
    dd_service: 'service',
    ddsource: 'dd_source',
    ddtags: 'dd_tags',
    apikey: 'api_key',
    hostname: 'dd_hostname',
};
function checkPlugins(model, report) {
    const uses = [];
    for (const d of model.directives) {
        const kind = DIRECTIVE_KIND[d.kind];
        const use = pluginUse(d.el, kind, undefined);
        uses.push(use);
        checkPlugin(use, report, uses);
    }
    if (model.system)
        checkSection(model.system, SYSTEM, { report, uses, where: '<system>', plugin: undefined, isPlugin: false });
    return uses;
}
function pluginUse(el, kind, owner, fallbackType) {
    const t = (0,ast/* pluginType */.A)(el);
    const type = t ? (t.dynamic ? undefined : t.value) : fallbackType;
    const spec = type !== undefined ? lookupPlugin(kind, type)?.spec : undefined;
    return owner ? { el, kind, type, typeParam: t, spec, owner } : { el, kind, type, typeParam: t, spec };
}
function describe(use) {
    const el = use.el;
    const tag = el.arg ? `<${el.name} ${el.arg}>` : `<${el.name}>`;
    return use.type ? `${tag} (@type ${use.type})` : tag;
}
function checkPlugin(use, report, uses) {
    if (use.type === undefined || !use.spec) {
        if (use.type !== undefined && !isCorePlugin(use.kind, use.type))
            typoOfCore(use, report);
        return;
    }
    checkSection(use.el, use.spec, { report, uses, where: describe(use), plugin: use, isPlugin: true });
}
/** `@type stdot`: a near miss of a built-in type is almost surely a typo (fluentd: Unknown plugin). */
function typoOfCore(use, report) {
    if (!use.typeParam || use.type === undefined)
        return;
    const hint = (0,suggest/* closest */.kp)(use.type, corePluginNames(use.kind));
    if (hint) {
        report.warning({ file: use.typeParam.file, pos: use.typeParam.valuePos }, 'fluentd/unknown-plugin', `@type ${use.type} is not a built-in ${use.kind} plugin (did you mean "${hint}"?); unless a gem provides it, fluentd fails with "Unknown ${use.kind} plugin '${use.type}'"`);
    }
}
/**
 * Schemas nest a few levels, but `<store>` of `@type copy` may hold another copy: past this depth
 * the rest is not checked, so adversarial nesting costs neither stack nor time.
 */
const MAX_PLUGIN_DEPTH = 32;
const BUFFER_SPECS = new Map();
/** `<buffer>`: output.rb/buffer.rb parameters plus the chosen buffer type's own (open when unknown). */
function bufferSpec(type, specific) {
    let spec = BUFFER_SPECS.get(type);
    if (!spec)
        BUFFER_SPECS.set(type, (spec = { params: { ...BUFFER_PARAMS, ...(specific?.params ?? {}) }, open: !specific }));
    return spec;
}
const REQUIRED = new WeakMap();
function requiredOf(spec) {
    let r = REQUIRED.get(spec);
    if (!r)
        REQUIRED.set(spec, (r = Object.entries(spec.params)
            .filter(([n, p]) => p.required && n !== '@type')
            .map(([n]) => n)));
    return r;
}
function checkSection(el, spec, ctx) {
    const { report } = ctx;
    if (el.depth > MAX_PLUGIN_DEPTH) {
        report.warning(el, 'fluentd/too-deep', `sections are nested more than ${MAX_PLUGIN_DEPTH} levels deep here; this one and those inside it were not checked`);
        return;
    }
    // `Element#[]` falls back from @type/@id/@log_level to the legacy name in every section (element.rb).
    const known = (key) => spec.params[key] ?? (ctx.isPlugin || LEGACY.has(key) ? PLUGIN_COMMON[key] : undefined);
    const seen = new Set();
    for (const p of el.params) {
        seen.add(p.key);
        const ps = known(p.key);
        if (!ps) {
            if (spec.open || spec.compat?.includes(p.key) || p.key.startsWith('@'))
                continue;
            const candidates = [
                ...Object.keys(spec.params),
                ...(ctx.isPlugin ? Object.keys(PLUGIN_COMMON).filter((k) => k.startsWith('@')) : []),
            ];
            const alias = HINTS[p.key];
            const hint = (0,suggest/* closest */.kp)(p.key, candidates) ?? (alias !== undefined && candidates.includes(alias) ? alias : undefined);
            report.warning(p, 'fluentd/unknown-parameter', `parameter '${p.key}' in ${ctx.where} is not used by fluentd${hint ? ` (did you mean "${hint}"?)` : ''}; remove it or fix the name`);
            continue;
        }
        if (ps.obsoleted) {
            report.error(p, 'fluentd/removed-parameter', `'${p.key}' parameter is already removed: ${ps.obsoleted}`);
            continue;
        }
        if (ps.deprecated)
            report.warning(p, 'fluentd/deprecated-parameter', ps.deprecated.startsWith("'") ? ps.deprecated : `'${p.key}' is deprecated: ${ps.deprecated}`);
        if (p.dynamic)
            continue;
        const problem = checkValue(ps.type, { name: p.key, value: p.value, quote: p.quote, list: ps.list });
        if (problem)
            report.add({ file: p.file, pos: p.valuePos }, problem.severity, problem.code, ps.secret ? redact(problem.message, p.value) : problem.message);
    }
    for (const name of requiredOf(spec)) {
        if (!seen.has(name)) {
            const inSection = ctx.isPlugin ? '' : `, in section ${el.name}`;
            report.error(el, 'fluentd/missing-parameter', `'${name}' parameter is required${inSection}: add ${name} to ${ctx.isPlugin ? ctx.where : `<${el.name}>`}`);
        }
    }
    const byName = new Map();
    for (const child of el.elements) {
        const list = byName.get(child.name);
        if (list)
            list.push(child);
        else
            byName.set(child.name, [child]);
    }
    for (const [name, children] of byName) {
        const ref = spec.sections?.[name];
        if (!ref) {
            if (spec.open)
                continue;
            const hint = (0,suggest/* closest */.kp)(name, Object.keys(spec.sections ?? {}));
            for (const child of children) {
                report.warning(child, 'fluentd/unknown-section', `section <${name}> is not used in ${ctx.where}${hint ? ` (did you mean <${hint}>?)` : ''}; fluentd ignores it`);
            }
            continue;
        }
        if (!ref.multi && children.length > 1) {
            report.error(children[1], 'fluentd/duplicate-section', `'<${name}>' section cannot be written twice or more in ${ctx.where}: merge them`);
        }
        for (const child of children) {
            if (isPluggable(ref))
                checkPluggable(child, ref, ctx);
            else
                checkSection(child, ref.spec, { ...ctx, where: `<${name}> of ${ctx.where}`, isPlugin: false });
        }
    }
    for (const [name, ref] of Object.entries(spec.sections ?? {})) {
        if (ref.required && !byName.has(name)) {
            report.error(el, 'fluentd/missing-section', `'<${name}>' sections are required in ${ctx.where}: add at least one <${name}>`);
        }
    }
}
function checkPluggable(child, ref, ctx) {
    const { report } = ctx;
    const owner = ctx.plugin;
    const typeParam = (0,ast/* pluginType */.A)(child);
    const where = `<${child.name}> of ${ctx.where}`;
    switch (ref.plug) {
        case 'output': {
            if (!typeParam) {
                report.error(child, 'fluentd/missing-type', `Missing '@type' parameter in <${child.name}> section of ${ctx.where}: add @type <plugin>`);
                return;
            }
            const use = pluginUse(child, 'output', owner);
            ctx.uses.push(use);
            checkPlugin(use, report, ctx.uses);
            return;
        }
        case 'secondary': {
            const use = pluginUse(child, 'output', owner, owner?.type);
            ctx.uses.push(use);
            for (const inner of child.elements) {
                if (inner.name === 'buffer' || inner.name === 'secondary') {
                    report.error(inner, 'fluentd/unknown-section', `<secondary> section cannot have <${inner.name}> section: the secondary uses the primary's buffer`);
                }
            }
            if (use.type === undefined || !use.spec)
                return;
            const spec = {
                ...use.spec,
                sections: Object.fromEntries(Object.entries(use.spec.sections ?? {}).filter(([k]) => k !== 'buffer' && k !== 'secondary')),
            };
            const clean = {
                ...child,
                elements: child.elements.filter((e) => e.name !== 'buffer' && e.name !== 'secondary'),
            };
            checkSection(clean, spec, {
                ...ctx,
                where: `<secondary> (@type ${use.type}) of ${ctx.where}`,
                plugin: use,
                isPlugin: true,
            });
            return;
        }
        case 'buffer': {
            const type = typeParam && !typeParam.dynamic ? typeParam.value : 'memory';
            const specific = lookupPlugin('buffer', type)?.spec;
            const use = { el: child, kind: 'buffer', type, typeParam, spec: specific };
            if (owner)
                use.owner = owner;
            ctx.uses.push(use);
            if (typeParam && !typeParam.dynamic && !specific && !isCorePlugin('buffer', type))
                typoOfCore(use, report);
            checkSection(child, bufferSpec(type, specific), { ...ctx, where, isPlugin: false });
            return;
        }
        case 'parser':
        case 'formatter': {
            const kind = ref.plug;
            if (!typeParam && ref.requireType) {
                report.error(child, 'fluentd/missing-type', `@type is required in <${child.name}> of ${ctx.where}: add e.g. @type json`);
                return;
            }
            const type = typeParam ? (typeParam.dynamic ? undefined : typeParam.value) : ref.defaultType;
            if (type === undefined)
                return;
            const spec = lookupPlugin(kind, type)?.spec;
            const use = { el: child, kind, type, typeParam, spec };
            if (owner)
                use.owner = owner;
            ctx.uses.push(use);
            if (!spec) {
                if (typeParam && !isCorePlugin(kind, type))
                    typoOfCore(use, report);
                return;
            }
            checkSection(child, spec, { ...ctx, where: `<${child.name}> (@type ${type}) of ${ctx.where}`, isPlugin: false });
            return;
        }
    }
}
function redact(message, value) {
    return value.length > 0
        ? message.split(JSON.stringify(value)).join('(the value)').split(value).join('(the value)')
        : message;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/routing.ts
/**
 * Routing analysis (CONFIG-FACTS B5, E1.7). Per routing context (the root, or one label), rules
 * run in file order and the first matching `<match>` takes the event, so:
 * - a `<match>` whose every pattern is covered by earlier `<match>`es never receives anything;
 * - a `<filter>` whose every pattern is covered by earlier `<match>`es is never applied;
 * - a `<source>` whose tags no `<match>` of its context catches loses its events.
 * Only exact answers are reported: coverage is decided on automata (automaton.ts); `/regex/`
 * patterns and computed ones are never used to claim shadowing, and make "nothing catches this"
 * claims stand down. Rules in different `<worker>` sections are not compared with each other.
 */




/** fluentd's own log events, at the default log level and above (`fluent_log_event_router.rb`). */
const FLUENT_LOG_TAGS = ['fluent.info', 'fluent.warn', 'fluent.error', 'fluent.fatal'];
function checkRouting(model, report, options) {
    const budget = new Budget();
    const nfaCache = new Map();
    const nfaOf = (g) => {
        let n = nfaCache.get(g.text);
        if (!n)
            nfaCache.set(g.text, (n = globNfa(g.seq)));
        return n;
    };
    const rules = [];
    for (const d of model.directives) {
        if (d.kind === 'source')
            continue;
        const dynamic = d.el.argEmbedded.some((e) => e.evaluated);
        const alts = dynamic ? [] : splitPattern(d.el.arg).map(compileAlternative);
        for (const a of alts) {
            if (a.kind === 'invalid') {
                report.error({ file: d.el.file, pos: d.el.argPos }, 'fluentd/invalid-pattern', `invalid match - regex: the pattern ${a.text} starts with / but does not end with / (patterns are split on spaces, so a /regex/ cannot contain one)`);
            }
        }
        rules.push({ d, dynamic, alts });
    }
    const byContext = new Map();
    for (const r of rules) {
        const list = byContext.get(r.d.context);
        if (list)
            list.push(r);
        else
            byContext.set(r.d.context, [r]);
    }
    for (const list of byContext.values())
        checkShadowing(list, report, nfaOf, budget);
    if (!options.complete)
        return;
    if (!model.directives.some((d) => d.kind === 'match')) {
        // A file without any <match> is most often a fragment that another file @includes (sources or
        // filters kept apart): whether its events go anywhere is decided by the including file.
        const sources = model.directives.filter((d) => d.kind === 'source').length;
        if (sources === 0 && !model.directives.some((d) => d.kind === 'filter'))
            return;
        report.notice({ file: model.root.file, pos: { line: 1, column: 1 } }, 'fluentd/no-match', `this configuration has no <match>${sources > 0 ? `, so the events of its ${sources} <source>${sources > 1 ? 's' : ''} go nowhere on its own` : ''}: taken as a fragment that another file @includes, it is not judged on routing; check the file that includes it`);
        return;
    }
    for (const d of model.directives) {
        if (d.kind !== 'source')
            continue;
        if (d.context !== '' && !model.labels.has(d.context))
            continue;
        checkSource(d, byContext.get(d.context) ?? [], report, nfaOf, budget, options.forwardedTags ?? []);
    }
    if (!model.labels.has('@FLUENT_LOG'))
        checkFluentLogs(byContext.get('') ?? [], report, nfaOf);
}
function where(el) {
    const tag = el.arg ? `<${el.name} ${el.arg}>` : `<${el.name}>`;
    return `${tag} (${el.file}:${el.pos.line})`;
}
function checkShadowing(rules, report, nfaOf, budget) {
    const earlier = [];
    for (const rule of rules) {
        if (rule.dynamic || rule.alts.length === 0) {
            continue;
        }
        const same = earlier.filter((e) => e.rule.d.scope === rule.d.scope);
        const covered = [];
        for (const alt of rule.alts) {
            const by = coveredBy(alt, same, nfaOf, budget);
            if (by)
                covered.push({ alt, by });
        }
        const el = rule.d.el;
        if (covered.length > 0 && covered.length === rule.alts.length) {
            const by = [...new Set(covered.flatMap((c) => c.by))];
            const culprits = by
                .slice(0, 3)
                .map((r) => where(r.d.el))
                .join(', ');
            if (rule.d.kind === 'match') {
                report.error(el, 'fluentd/shadowed-match', `${where(el)} never receives any event: ${culprits} ${by.length > 1 ? 'catch' : 'catches'} every tag it matches first, and fluentd sends an event to the first matching <match> only; move it above or remove it`);
            }
            else {
                report.error(el, 'fluentd/dead-filter', `${where(el)} is never applied: ${culprits} ${by.length > 1 ? 'catch' : 'catches'} every tag it matches before it; a <filter> must come before the <match> it feeds`);
            }
        }
        else if (rule.d.kind === 'match') {
            for (const c of covered) {
                const culprits = c.by
                    .slice(0, 3)
                    .map((r) => where(r.d.el))
                    .join(', ');
                report.warning(el, 'fluentd/shadowed-match', `pattern ${c.alt.text} of ${where(el)} never matches anything: ${culprits} ${c.by.length > 1 ? 'catch' : 'catches'} all of its tags first; remove it from the pattern list`);
            }
        }
        if (rule.d.kind === 'match')
            for (const alt of rule.alts)
                earlier.push({ rule, alt });
    }
}
/** The earlier rules that together cover every tag `alt` matches, or undefined when not (or unknown). */
function coveredBy(alt, earlier, nfaOf, budget) {
    if (alt.kind === 'invalid')
        return undefined;
    const globs = earlier.filter((e) => e.alt.kind === 'glob');
    if (alt.kind === 'regex') {
        const all = globs.find((e) => e.alt.text === '**');
        return all ? [all.rule] : undefined;
    }
    const prefix = alt.prefix;
    const cands = globs.filter((e) => {
        const p = e.alt.prefix;
        return (p.startsWith(prefix) || prefix.startsWith(p)) && !disjointParts(alt.parts, e.alt.parts);
    });
    if (cands.length === 0)
        return undefined;
    const byPrefix = cands.find((e) => {
        const p = prefixAll(e.alt);
        return (p !== undefined && (p === '' || prefix.startsWith(`${p}.`) || (alt.literal !== undefined && alt.literal === p)));
    });
    if (byPrefix)
        return [byPrefix.rule];
    if (alt.literal !== undefined) {
        const lit = alt.literal;
        const hit = cands.find((e) => matches(nfaOf(e.alt), lit));
        return hit ? [hit.rule] : undefined;
    }
    const mine = nfaOf(alt);
    const overlapping = cands.filter((e) => intersects(mine, nfaOf(e.alt), budget) !== false);
    if (overlapping.length === 0)
        return undefined;
    // Name a single earlier rule when one suffices; the whole overlapping set otherwise.
    const alone = overlapping.find((e) => isSubset(mine, nfaOf(e.alt), budget) === true);
    if (alone)
        return [alone.rule];
    if (overlapping.length === 1)
        return undefined;
    const verdict = isSubset(mine, union(overlapping.map((e) => nfaOf(e.alt))), budget);
    return verdict === true ? [...new Set(overlapping.map((e) => e.rule))] : undefined;
}
/**
 * `P.**` (or `**`, P = ''): covers exactly the tag P and every tag starting with `P.`. The cheap
 * exact rule of E1.7, which settles most real configurations without building an automaton.
 */
function prefixAll(g) {
    const seq = g.seq;
    if (seq.length === 1 && seq[0]?.k === 'any')
        return '';
    if (seq.length < 3 || seq[seq.length - 1]?.k !== 'any' || seq[seq.length - 2]?.k !== 'peek')
        return undefined;
    let p = '';
    for (const a of seq.slice(0, -2)) {
        if (a.k !== 'char')
            return undefined;
        p += a.c;
    }
    return p;
}
function coveredByPrefix(pieces, prefixes) {
    const first = pieces[0];
    const lead = first && 'lit' in first ? first.lit : '';
    const literal = pieces.length === 1 && lead !== '';
    return prefixes.some((p) => p === '' || lead.startsWith(`${p}.`) || (literal && lead === p));
}
/** What the pieces of a source's tags fix: whole parts before the first and after the last wildcard. */
function sourceParts(pieces) {
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    if (pieces.length === 1 && first && 'lit' in first)
        return tagParts(first.lit);
    const head = first && 'lit' in first ? first.lit.split('.').slice(0, -1) : [];
    const tail = last && 'lit' in last ? last.lit.split('.').slice(1).reverse() : [];
    return { head, tail, count: undefined };
}
function checkSource(d, rules, report, nfaOf, budget, forwarded) {
    const tags = sourceTags(d.el, d.type, forwarded);
    if (!tags)
        return;
    const relevant = rules.filter((r) => r.d.kind === 'match' && (d.scope === '' || r.d.scope === '' || r.d.scope === d.scope));
    if (relevant.some((r) => r.dynamic))
        return;
    const alts = relevant.flatMap((r) => r.alts);
    const literal = tags.alternatives.every((a) => a.length === 1 && 'lit' in a[0]);
    const regexes = alts.filter((a) => a.kind === 'regex');
    if (regexes.length > 0 && (!literal || regexes.some((r) => r.re === undefined)))
        return;
    // Only patterns that can share a tag with this source matter (cheap tests first).
    const srcParts = tags.alternatives.map(sourceParts);
    const srcPrefixes = tags.alternatives.map((a) => (a[0] && 'lit' in a[0] ? a[0].lit : ''));
    const globs = alts.filter((a) => {
        if (a.kind !== 'glob')
            return false;
        const p = a.prefix;
        return tags.alternatives.some((_, i) => {
            const sp = srcPrefixes[i];
            return (sp.startsWith(p) || p.startsWith(sp)) && !disjointParts(srcParts[i], a.parts);
        });
    });
    const srcNfa = tags.alternatives.length === 1
        ? piecesNfa(tags.alternatives[0])
        : union(tags.alternatives.map((a) => piecesNfa(a)));
    const prefixes = globs.map(prefixAll).filter((p) => p !== undefined);
    if (tags.alternatives.every((a) => coveredByPrefix(a, prefixes)))
        return;
    const target = globs.length > 0 ? union(globs.map(nfaOf)) : undefined;
    const regexHit = (tag) => regexes.some((r) => r.re?.test(tag) ?? false);
    const ctx = d.context === '' ? '' : ` in <label ${d.context}>`;
    const at = { file: tags.at.file, pos: tags.at.valuePos };
    const shown = tags.shown.slice(0, 3).join(', ');
    let any;
    let all;
    if (literal) {
        const lits = tags.alternatives.map((a) => a[0].lit);
        const hits = lits.map((t) => regexHit(t) || (target ? matches(target, t) : false));
        any = hits.some(Boolean);
        all = hits.every(Boolean);
    }
    else {
        any = target ? intersects(srcNfa, target, budget) : false;
        all = any === true && target ? isSubset(srcNfa, target, budget) : any === false ? false : undefined;
    }
    if (any === false) {
        report.error(at, 'fluentd/unrouted-source', `events of this <source> (tag ${shown}) match no <match>${ctx}, so fluentd drops them with "no patterns matched"${starHint(alts, srcNfa, budget)}; add a <match> that catches them`);
    }
    else if (any === true && all === false) {
        report.warning(at, 'fluentd/partially-routed-source', `some events of this <source> (tag ${shown}) match no <match>${ctx} and are dropped with "no patterns matched"${starHint(alts, srcNfa, budget)}; widen a <match> pattern`);
    }
}
/** `*` is one tag part (B6): point it out when `**` in its place would have caught the tags. */
function starHint(alts, src, budget) {
    for (const g of alts) {
        if (g.kind !== 'glob')
            continue;
        if (!/(^|[^*])\*($|[^*])/.test(g.text))
            continue;
        const widened = g.text.replace(/(^|[^*])\*(?!\*)/g, '$1**');
        const alt = compileAlternative(widened);
        if (alt.kind === 'glob' && intersects(src, globNfa(alt.seq), budget) === true) {
            return `; note that * in ${g.text} matches exactly one tag part, ${widened} would match these`;
        }
    }
    return '';
}
function checkFluentLogs(rules, report, nfaOf) {
    const receivers = new Map();
    for (const tag of FLUENT_LOG_TAGS) {
        for (const r of rules) {
            if (r.d.kind !== 'match')
                continue;
            if (r.dynamic || r.alts.some((a) => a.kind === 'regex'))
                return;
            if (r.alts.some((a) => a.kind === 'glob' && matches(nfaOf(a), tag))) {
                const list = receivers.get(r);
                if (list)
                    list.push(tag);
                else
                    receivers.set(r, [tag]);
                break;
            }
        }
    }
    for (const [r, tags] of receivers) {
        const t = (0,ast/* pluginType */.A)(r.d.el);
        if (t?.value === 'null')
            continue;
        report.warning(r.d.el, 'fluentd/captures-fluent-logs', `${where(r.d.el)} also receives fluentd's own log events (${tags.join(', ')}) and sends them on${t ? ` to @type ${t.value}` : ''}; add <label @FLUENT_LOG> with its own <match>, or an earlier <match fluent.**> with @type null`);
    }
}

// EXTERNAL MODULE: ./src/checks/fluentd/secrets.ts + 1 modules
var secrets = __webpack_require__(2592);
;// CONCATENATED MODULE: ./src/checks/fluentd/index.ts











/** Check a fluent.conf (entry path as understood by `fs`) and everything it @includes. */
function checkFluentd(entry, fs, ctx) {
    return analyse((0,load/* loadConfig */.Z9)(entry, fs), ctx);
}
/**
 * Parse one text as fluentd would (includes are listed in the tree's findings but not followed):
 * the element tree with positions, plus parse findings.
 */
function parseFluentd(source) {
    return (0,load/* parseSource */.PJ)(source);
}
/** Check one text without following includes (tests, stdin). */
function checkFluentdSource(source, ctx = {}) {
    return analyse(parseSource(source), ctx);
}
function analyse(parsed, ctx) {
    if (parsed.fatal)
        return { findings: (0,findings/* dedupeFindings */._4)(parsed.findings), files: parsed.files, envNames: [] };
    const report = new Report(parsed.findings);
    const complete = !parsed.incomplete;
    const model = buildModel(parsed.root, report, { complete });
    const uses = checkPlugins(model, report);
    checkDuplicateIds(uses, report);
    checkPluginRules(model, uses, report);
    checkRouting(model, report, { complete, forwardedTags: ctx.fluentd?.forwardedTags ?? [] });
    const envNames = (0,secrets/* checkSecrets */.K)(parsed.root, parsed.includeCode, uses, ctx, report);
    checkGems(uses, ctx.image, report);
    checkDuplicateKeys(parsed.root, report);
    // A file included twice is checked twice, at the same lines: its findings are the same, kept once.
    return { findings: (0,findings/* dedupeFindings */._4)(report.findings), files: parsed.files, envNames };
}
/**
 * The tags a sender's configuration (a fluent.conf in no image, e.g. on the web servers) forwards
 * with out_forward: the tags the aggregator's in_forward receives (forwarded-tags.ts).
 */
function senderForwardedTags(entry, fs) {
    return forwardedTagsOf((0,load/* loadConfig */.Z9)(entry, fs));
}
/** Cheap content sniff for `check FILE` without --kind: true when the text looks like a Fluentd config. */
function looksLikeFluentd(text) {
    const head = text.length > 65_536 ? text.slice(0, 65_536) : text;
    return (/^[ \t]*<(source|match|filter|label|system|worker)(?:[ \t][^>\n]*)?>[ \t]*(?:#.*)?\r?$/m.test(head) ||
        /^[ \t]*@include[ \t]+\S/m.test(head));
}


/***/ }),

/***/ 341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z9: () => (/* binding */ loadConfig),
  PJ: () => (/* binding */ parseSource)
});

// UNUSED EXPORTS: MAX_EXPANDED_CHARS, MAX_EXPANSIONS

// EXTERNAL MODULE: ./src/checks/findings.ts
var checks_findings = __webpack_require__(671);
// EXTERNAL MODULE: ./src/checks/fs.ts
var checks_fs = __webpack_require__(8566);
// EXTERNAL MODULE: ./src/checks/source.ts
var source = __webpack_require__(5784);
;// CONCATENATED MODULE: ./src/checks/fluentd/scan.ts
/**
 * Lexical primitives of fluentd's config scanner (`basic_parser.rb`, CONFIG-FACTS B1), written as
 * plain loops over the text instead of regexes so every step is linear and cannot backtrack.
 * Each matcher returns the end offset of its match, or -1 when it does not match (StringScanner
 * `skip` semantics: a match may be empty).
 */
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
function isBlank(c) {
    return c === SPACE || c === TAB;
}
function isNewline(c) {
    return c === CR || c === LF;
}
/** End of a `#` comment: the offset of the next `\n` (Ruby's `.` stops only there), or the end. */
function commentEnd(s, p) {
    const nl = s.indexOf('\n', p);
    return nl === -1 ? s.length : nl;
}
/**
 * LINE_END = /(?:[ \t]*(?:\#.*)?(?:\z|[\r\n]))+/ : blanks, an optional comment, then the end of
 * the line; repeated, so blank and comment-only lines that follow are swallowed too.
 */
function matchLineEnd(s, p) {
    let q = p;
    let matched = false;
    for (;;) {
        let r = q;
        while (r < s.length && isBlank(s.charCodeAt(r)))
            r++;
        if (r < s.length && s.charCodeAt(r) === HASH)
            r = commentEnd(s, r);
        if (r >= s.length)
            return r;
        if (isNewline(s.charCodeAt(r))) {
            q = r + 1;
            matched = true;
            continue;
        }
        return matched ? q : -1;
    }
}
/**
 * SPACING = /(?:[ \t\r\n]|\z|\#.*?(?:\z|[\r\n]))+/ (one or more) and ZERO_OR_MORE_SPACING (`*`).
 * At the end of the text it matches the empty string, as `\z` does.
 */
function matchSpacing(s, p, zeroOk = false) {
    let q = p;
    for (;;) {
        if (q >= s.length)
            return q;
        const c = s.charCodeAt(q);
        if (isBlank(c) || isNewline(c))
            q++;
        else if (c === HASH) {
            // `\#.*?(?:\z|[\r\n])`: lazily up to the first \r or \n, which it consumes.
            let r = q + 1;
            while (r < s.length && !isNewline(s.charCodeAt(r)))
                r++;
            q = r < s.length ? r + 1 : r;
        }
        else
            break;
    }
    return q > p || zeroOk ? q : -1;
}
/** SPACING_WITHOUT_COMMENT = /(?:[ \t\r\n]|\z)+/ */
function matchSpacingWithoutComment(s, p) {
    let q = p;
    while (q < s.length && (isBlank(s.charCodeAt(q)) || isNewline(s.charCodeAt(q))))
        q++;
    if (q === p && p < s.length)
        return -1;
    return q;
}
/** ELEMENT_NAME = /[a-zA-Z0-9_]+/ ; returns the end offset (== p when nothing matched). */
function scanName(s, p) {
    let q = p;
    while (q < s.length) {
        const c = s.charCodeAt(q);
        const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
        if (!ok)
            break;
        q++;
    }
    return q;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/literal.ts

const ok = (literal) => ({ ok: true, literal });
const fail = (offset, code, message) => ({
    ok: false,
    error: { offset, code, message },
});
/** `scan_string`: a quoted string, or an unquoted run up to `boundary`; null when nothing was read. */
function scanString(s, p, boundary) {
    const c = s[p];
    if (c === '"')
        return scanDoubleQuoted(s, p);
    if (c === "'")
        return scanSingleQuoted(s, p);
    const end = scanUnquoted(s, p, boundary);
    if (end === p)
        return null;
    const value = s.slice(p, end);
    return ok({ value, quote: 'none', start: p, end, embedded: findEmbedded(value, p, false) });
}
/** `parse_literal`: JSON when the value starts with `[` or `{`, otherwise `scan_string(LINE_END)`. */
function parseLiteral(s, p) {
    let q = p;
    while (q < s.length && (isBlank(s.charCodeAt(q)) || isNewline(s.charCodeAt(q))))
        q++;
    if (s[q] === '[' || s[q] === '{')
        return scanJson(s, q);
    return scanString(s, q, 'line-end') ?? ok({ value: '', quote: 'empty', start: q, end: q, embedded: [] });
}
/**
 * `scan_nonquoted_string(boundary)`: `#` is always taken; any other character is taken unless the
 * boundary matches there. Blank runs are decided once per run (every position of a run sees the
 * same text after it), which keeps a line of 10,000 spaces linear.
 */
function scanUnquoted(s, p, boundary) {
    let q = p;
    while (q < s.length) {
        const c = s.charCodeAt(q);
        if (c === 0x23) {
            q++;
            continue;
        }
        if (c === 0x0a)
            break; // Ruby's `.` never matches \n
        if (boundary === 'spacing') {
            if (isBlank(c) || c === 0x0d)
                break;
            q++;
            continue;
        }
        if (boundary === 'line-end') {
            if (c === 0x0d)
                break;
            if (isBlank(c)) {
                let j = q;
                while (j < s.length && isBlank(s.charCodeAt(j)))
                    j++;
                if (j >= s.length || isNewline(s.charCodeAt(j)) || s.charCodeAt(j) === 0x23)
                    break;
                q = j;
                continue;
            }
            q++;
            continue;
        }
        // tag-arg: stop where ZERO_OR_MORE_SPACING '>' matches.
        if (c === 0x3e)
            break;
        if (isBlank(c) || c === 0x0d) {
            const j = matchSpacing(s, q, true);
            if (s.charCodeAt(j) === 0x3e)
                break;
            let r = q;
            while (r < s.length && (isBlank(s.charCodeAt(r)) || s.charCodeAt(r) === 0x0d))
                r++;
            q = r;
            continue;
        }
        q++;
    }
    return q;
}
function scanSingleQuoted(s, open) {
    let q = open + 1;
    let out = '';
    for (;;) {
        if (q >= s.length || s[q] === '\n') {
            return fail(open, 'fluentd/unterminated-string', q >= s.length
                ? "unexpected end of file in a single quoted string: the string opened here is never closed; add the closing '"
                : 'unexpected end of file in a single quoted string: a single-quoted value cannot span lines; close it on this line or use double quotes');
        }
        const c = s[q];
        if (c === "'")
            return ok({
                value: out,
                quote: 'single',
                start: open,
                end: q + 1,
                embedded: findEmbedded(s.slice(open + 1, q), open + 1, false),
            });
        if (c === '\\' && (s[q + 1] === "'" || s[q + 1] === '\\')) {
            out += s[q + 1];
            q += 2;
            continue;
        }
        out += c;
        q++;
    }
}
const ESCAPES = { '"': '"', "'": "'", r: '\r', n: '\n', t: '\t', f: '\f', b: '\b', '0': '\0' };
/**
 * `scan_double_quoted_string`. The rule that surprises people: a character followed by a line
 * break is consumed *with* the break, so the scanner steps over lines two characters at a time and
 * dies on an empty line or on the `\n` of a CRLF pair (B3, verified).
 */
function scanDoubleQuoted(s, open) {
    let q = open + 1;
    let out = '';
    const embedded = [];
    for (;;) {
        if (q >= s.length)
            return unterminatedDouble(s, open, q);
        const c = s[q];
        if (c === '"')
            return ok({ value: out, quote: 'double', start: open, end: q + 1, embedded });
        const next = s[q + 1];
        if (q + 1 >= s.length || next === '\r' || next === '\n') {
            // check(/[^"]#{LINE_END_WITHOUT_SPACING_AND_COMMENT}/): keep both unless it is a backslash.
            if (c !== '\\')
                out += c + (next ?? '');
            q += q + 1 >= s.length ? 1 : 2;
            continue;
        }
        if (c === '\\') {
            const e = next;
            const mapped = ESCAPES[e];
            if (mapped !== undefined)
                out += mapped;
            else if (/[a-zA-Z0-9]/.test(e)) {
                return fail(q, 'fluentd/invalid-escape', `unexpected back-slash escape character '${e}': inside double quotes only \\" \\' \\\\ \\r \\n \\t \\f \\b \\0 and \\<symbol> are escapes; write regexes and Windows paths in single quotes or unquoted`);
            }
            else
                out += e;
            q += 2;
            continue;
        }
        if (c === '#' && next === '{') {
            const end = scanEmbeddedCode(s, q + 2);
            if (end < 0)
                return fail(q, 'fluentd/unterminated-embedded-code', 'unexpected end of file in embedded code: the #{ opened here is never closed; add the closing }');
            embedded.push({ code: s.slice(q + 2, end), offset: q, evaluated: true });
            out += s.slice(q, end + 1);
            q = end + 1;
            continue;
        }
        if (c === '\n')
            return unterminatedDouble(s, open, q);
        out += c;
        q++;
    }
}
function unterminatedDouble(s, open, stop) {
    let why;
    if (stop >= s.length)
        why = 'the string opened here is never closed; add the closing "';
    else if (s[stop - 1] === '\r')
        why =
            'a double-quoted string cannot span lines in a file with CRLF line endings; convert the file to LF or keep the string on one line';
    else
        why =
            'a double-quoted string cannot contain an empty line (fluentd reads it two characters at a time); remove the empty line or write \\n';
    return fail(open, 'fluentd/unterminated-string', `unexpected end of file in a double quoted string: ${why}`);
}
/**
 * The end of embedded Ruby started after `#{`: the offset of the closing `}`, or -1. Fluentd asks
 * Ripper for the first `}` that makes valid Ruby; this follows braces and Ruby string literals
 * (with their own `#{}`), iteratively so deeply nested input cannot exhaust the stack.
 */
function scanEmbeddedCode(s, p) {
    const stack = [{ kind: 'code', depth: 0 }];
    let q = p;
    while (q < s.length) {
        const top = stack[stack.length - 1];
        const c = s[q];
        if (top.kind === 'code') {
            if (c === '{')
                top.depth++;
            else if (c === '}') {
                if (top.depth === 0) {
                    stack.pop();
                    if (stack.length === 0)
                        return q;
                }
                else
                    top.depth--;
            }
            else if (c === '"' || c === "'" || c === '`')
                stack.push({ kind: 'str', quote: c });
            q++;
            continue;
        }
        if (c === '\\') {
            q += 2;
            continue;
        }
        if (c === top.quote) {
            stack.pop();
            q++;
            continue;
        }
        if (top.quote !== "'" && c === '#' && s[q + 1] === '{') {
            stack.push({ kind: 'code', depth: 0 });
            q += 2;
            continue;
        }
        q++;
    }
    return -1;
}
/** `#{...}` written where fluentd does not evaluate it (unquoted, single-quoted): kept literally. */
function findEmbedded(text, base, evaluated) {
    const out = [];
    let i = text.indexOf('#{');
    while (i !== -1) {
        const end = scanEmbeddedCode(text, i + 2);
        out.push({ code: text.slice(i + 2, end < 0 ? text.length : end), offset: base + i, evaluated });
        if (end < 0)
            break;
        i = text.indexOf('#{', end + 1);
    }
    return out;
}
const NUMBER_COMPLETE = new Set(['zero', 'int', 'frac', 'exp']);
/**
 * `scan_json`: fluentd feeds characters one by one and stops at the first prefix `JSON.parse`
 * accepts; a `#` outside a string starts a comment only when the text so far would parse if closed
 * right there (which in practice means at the top level). Incremental validation gives the same
 * answer in one pass instead of one `JSON.parse` per character.
 */
function scanJson(s, open) {
    const isArray = s[open] === '[';
    const stack = [{ kind: isArray ? 'array' : 'object', state: 'start' }];
    let tok = { kind: 'none' };
    let commaOnLine = false;
    const embedded = [];
    const incomplete = () => fail(open, 'fluentd/incomplete-json', `got incomplete JSON ${isArray ? 'array' : 'hash'} configuration: a value starting with ${isArray ? '[' : '{'} is read as JSON and this one never becomes valid JSON; quote the value if it is not JSON`);
    // Accept the end of a scalar token: the enclosing container now holds a complete value.
    const valueDone = () => {
        const top = stack[stack.length - 1];
        if (top.kind === 'array') {
            if (top.state !== 'start' && top.state !== 'comma')
                return false;
            top.state = 'value';
            return true;
        }
        if (top.state === 'start' || top.state === 'comma') {
            top.state = 'key';
            return true;
        }
        if (top.state !== 'colon')
            return false;
        top.state = 'value';
        return true;
    };
    const expectsValue = () => {
        const top = stack[stack.length - 1];
        return top.kind === 'array' ? top.state === 'start' || top.state === 'comma' : top.state === 'colon';
    };
    let q = open + 1;
    while (q < s.length) {
        const c = s[q];
        // Finish a pending number or literal when a character cannot continue it.
        if (tok.kind === 'number') {
            const st = tok.state;
            const digit = c >= '0' && c <= '9';
            let next;
            if (digit)
                next =
                    st === 'minus'
                        ? c === '0'
                            ? 'zero'
                            : 'int'
                        : st === 'zero'
                            ? undefined
                            : st === 'dot'
                                ? 'frac'
                                : st === 'e' || st === 'esign'
                                    ? 'exp'
                                    : st;
            else if (c === '.' && (st === 'zero' || st === 'int'))
                next = 'dot';
            else if ((c === 'e' || c === 'E') && (st === 'zero' || st === 'int' || st === 'frac'))
                next = 'e';
            else if ((c === '+' || c === '-') && st === 'e')
                next = 'esign';
            if (next !== undefined) {
                tok.state = next;
                q++;
                continue;
            }
            if (digit && st === 'zero')
                return incomplete();
            if (!NUMBER_COMPLETE.has(st))
                return incomplete();
            tok = { kind: 'none' };
            if (!valueDone())
                return incomplete();
        }
        if (tok.kind === 'literal') {
            if (tok.read < tok.word.length) {
                if (c !== tok.word[tok.read])
                    return incomplete();
                tok.read++;
                q++;
                continue;
            }
            tok = { kind: 'none' };
            if (!valueDone())
                return incomplete();
        }
        if (tok.kind === 'string') {
            if (c === '\n' || c === '\r' || c < ' ')
                return incomplete(); // control characters are not JSON
            if (tok.escape === 1) {
                if (c === 'u')
                    tok.escape = 2;
                else
                    tok.escape = 0;
            }
            else if (tok.escape >= 2) {
                if (!/[0-9a-fA-F]/.test(c))
                    return incomplete();
                tok.escape = tok.escape === 5 ? 0 : tok.escape + 1;
            }
            else if (c === '\\')
                tok.escape = 1;
            else if (c === '"') {
                tok = { kind: 'none' };
                if (!valueDone())
                    return incomplete();
            }
            else if (c === '#' && s[q + 1] === '{') {
                // Embedded Ruby inside JSON strings is evaluated since fluentd v1.18.0 (fluent/fluentd#4580).
                const end = scanEmbeddedCode(s, q + 2);
                if (end < 0)
                    return incomplete();
                embedded.push({ code: s.slice(q + 2, end), offset: q, evaluated: true });
                q = end + 1;
                continue;
            }
            q++;
            continue;
        }
        // Between tokens.
        if (c === '\n') {
            commaOnLine = false;
            q++;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r') {
            q++;
            continue;
        }
        if (c === '#') {
            const top = stack[stack.length - 1];
            const closable = stack.length === 1 &&
                (top.state === 'start' || top.state === 'value' || (top.state === 'comma' && commaOnLine));
            if (!closable)
                return incomplete();
            // The rest of the line is a comment; fluentd loops forever when no newline follows.
            const nl = s.indexOf('\n', q);
            if (nl === -1)
                return incomplete();
            q = nl + 1;
            commaOnLine = false;
            continue;
        }
        if (c === '/' && (s[q + 1] === '*' || s[q + 1] === '/')) {
            // Ruby's JSON parser skips /* */ and // comments between tokens.
            const end = s[q + 1] === '*' ? s.indexOf('*/', q + 2) : s.indexOf('\n', q + 2);
            if (end === -1)
                return incomplete();
            q = s[q + 1] === '*' ? end + 2 : end;
            continue;
        }
        commaOnLine = false;
        const top = stack[stack.length - 1];
        if (c === ',') {
            if (top.state !== 'value')
                return incomplete();
            top.state = 'comma';
            commaOnLine = true;
            q++;
            continue;
        }
        if (c === ':') {
            if (top.kind !== 'object' || top.state !== 'key')
                return incomplete();
            top.state = 'colon';
            q++;
            continue;
        }
        if (c === ']' || c === '}') {
            const want = c === ']' ? 'array' : 'object';
            if (top.kind !== want)
                return incomplete();
            if (!(top.state === 'start' || top.state === 'value'))
                return incomplete();
            stack.pop();
            q++;
            if (stack.length === 0) {
                const raw = s.slice(open, q);
                let value = raw;
                try {
                    value = JSON.stringify(JSON.parse(raw));
                }
                catch {
                    /* comments or embedded code: keep the text as written */
                }
                return ok({ value, quote: 'json', start: open, end: q, embedded });
            }
            if (!valueDone())
                return incomplete();
            continue;
        }
        if (c === '"') {
            const isKey = top.kind === 'object' && (top.state === 'start' || top.state === 'comma');
            if (!isKey && !expectsValue())
                return incomplete();
            tok = { kind: 'string', escape: 0 };
            q++;
            continue;
        }
        if (!expectsValue())
            return incomplete();
        if (c === '[' || c === '{') {
            stack.push({ kind: c === '[' ? 'array' : 'object', state: 'start' });
            q++;
            continue;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
            tok = { kind: 'number', state: c === '-' ? 'minus' : c === '0' ? 'zero' : 'int' };
            q++;
            continue;
        }
        const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
        if (word === undefined)
            return incomplete();
        tok = { kind: 'literal', word, read: 1 };
        q++;
    }
    return incomplete();
}

;// CONCATENATED MODULE: ./src/checks/fluentd/parser.ts
/**
 * One file, parsed the way `v1_parser.rb` `parse_element` parses it (CONFIG-FACTS B2), except that
 * nesting is an explicit stack (10,000-deep sections cannot exhaust ours) and `@include` becomes
 * an IncludeNode that the loader expands in place. Errors carry fluentd's own wording (B7) and
 * stop the parse, as they stop fluentd; positions are chosen to point at the cause.
 */



/** Directives in which an unknown `@xxx` key is a parse error rather than a warning (`ELEM_SYMBOLS`). */
const ELEM_SYMBOLS = new Set(['match', 'source', 'filter', 'system']);
const RESERVED_PARAMS = new Set(['@type', '@id', '@label', '@log_level']);
function parseFile(s, options) {
    const items = [];
    const warnings = [];
    const stack = [{ name: null, items, element: undefined }];
    let p = 0;
    const result = (error) => (error ? { items, warnings, error } : { items, warnings });
    const err = (offset, code, message) => result({ offset, code, message });
    const skipSpacing = () => {
        const q = matchSpacing(s, p);
        if (q >= 0)
            p = q;
    };
    // Only error messages need a line number, and a parse stops at its first error.
    const lineOf = (offset) => new checks_findings/* LineIndex */.rr(s).position(offset).line;
    for (;;) {
        const frame = stack[stack.length - 1];
        const root = stack.length === 1;
        skipSpacing();
        if (p >= s.length) {
            if (root)
                break;
            const el = frame.element;
            return err(el.offset, 'fluentd/unclosed-section', `expected end tag '</${el.name}>' but got end of file: <${el.name}${el.arg ? ` ${el.arg}` : ''}> opened at line ${lineOf(el.offset)} is never closed; add </${el.name}>`);
        }
        if (s.startsWith('</', p)) {
            const at = p;
            const nameEnd = scanName(s, p + 2);
            const name = nameEnd > p + 2 ? s.slice(p + 2, nameEnd) : null;
            p = nameEnd;
            skipSpacing();
            if (s[p] !== '>')
                return err(p, 'fluentd/syntax', `expected character in tag name: write the end tag as </name> with a name of letters, digits and _`);
            p++;
            const le = matchLineEnd(s, p);
            if (le < 0)
                return err(p, 'fluentd/syntax', 'expected end of line after end tag: put nothing but a comment after </...> on its line');
            p = le;
            if (name !== frame.name) {
                const why = frame.element
                    ? `</${name ?? ''}> found while <${frame.element.name}> (opened at line ${lineOf(frame.element.offset)}) is still open; close <${frame.element.name}> first`
                    : `</${name ?? ''}> closes no open section; remove it`;
                return err(at, 'fluentd/unmatched-end-tag', `unmatched end tag: ${why}`);
            }
            if (root) {
                // `</>` closes fluentd's nil-named root: the entry file must end here, an included one just stops.
                skipSpacing();
                if (p < s.length) {
                    if (options.entry)
                        return err(p, 'fluentd/syntax', 'expected EOF: a stray </> at the top level ends the configuration; remove it');
                    warnings.push({
                        offset: at,
                        code: 'fluentd/syntax',
                        message: 'fluentd stops reading this included file at this </>: everything after it is ignored; remove it',
                    });
                }
                break;
            }
            stack.pop();
            continue;
        }
        if (s[p] === '<') {
            const at = p;
            const nameEnd = scanName(s, p + 1);
            const name = nameEnd > p + 1 ? s.slice(p + 1, nameEnd) : null;
            p = nameEnd;
            skipSpacing();
            const argAt = p;
            const arg = scanString(s, p, 'tag-arg');
            if (arg && !arg.ok)
                return result(arg.error);
            if (arg)
                p = arg.literal.end;
            skipSpacing();
            if (s[p] !== '>') {
                const hint = arg && arg.literal.quote !== 'none'
                    ? ': quote the whole argument, e.g. <match "app.#{ENV[\'X\']}.**">'
                    : ': close the tag with >';
                return err(p, 'fluentd/syntax', `expected '>'${hint}`);
            }
            p++;
            const le = matchLineEnd(s, p);
            if (le < 0)
                return err(p, 'fluentd/syntax', 'expected end of line after tag: a section tag must be alone on its line (put </...> on its own line)');
            p = le;
            const element = {
                kind: 'element',
                name: name ?? '',
                arg: arg ? arg.literal.value : '',
                argQuote: arg ? arg.literal.quote : 'empty',
                argEmbedded: arg ? arg.literal.embedded : [],
                offset: at,
                argOffset: arg ? arg.literal.start : argAt,
                items: [],
            };
            frame.items.push(element);
            stack.push({ name, items: element.items, element });
            continue;
        }
        if (root) {
            const m = /^(@include|include)/.exec(s.slice(p, p + 8));
            if (m) {
                const after = matchSpacing(s, p + m[0].length);
                if (after >= 0) {
                    const res = parseInclude(s, p, after, m[0] === 'include');
                    if ('error' in res)
                        return result(res.error);
                    frame.items.push(res.node);
                    p = res.end;
                    continue;
                }
            }
        }
        // key [value]
        const keyAt = p;
        const key = scanString(s, p, 'spacing');
        if (!key)
            return err(p, 'fluentd/syntax', 'expected a parameter name');
        if (!key.ok)
            return result(key.error);
        p = key.literal.end;
        const k = key.literal.value;
        const sp = matchSpacingWithoutComment(s, p);
        if (sp < 0) {
            // Ruby raises NoMethodError here (prev_match is nil): fluentd dies with "unexpected error".
            return err(p, 'fluentd/syntax', 'expected a space after the quoted parameter name');
        }
        const gap = s.slice(p, sp);
        p = sp;
        if (gap.includes('\n') || p >= s.length) {
            // A key alone on its line has the value "" (a bool reads it as true).
            frame.items.push(param(k, keyAt, { value: '', quote: 'empty', start: p, embedded: [] }, ''));
            continue;
        }
        if (k === '@include') {
            const res = parseInclude(s, keyAt, p, false);
            if ('error' in res)
                return result(res.error);
            frame.items.push(res.node);
            p = res.end;
            continue;
        }
        if (k.startsWith('@') && !RESERVED_PARAMS.has(k)) {
            if (root || ELEM_SYMBOLS.has(frame.name ?? '')) {
                return err(keyAt, 'fluentd/reserved-prefix', `'@' is the system reserved prefix. Don't use '@' prefix parameter in the configuration: ${k}`);
            }
            warnings.push({
                offset: keyAt,
                code: 'fluentd/reserved-prefix',
                message: `'@' is the system reserved prefix: ${k} works in a nested section for now but fluentd says it will be rejected; drop the @`,
            });
        }
        const v = parseLiteral(s, p);
        if (!v.ok)
            return result(v.error);
        p = v.literal.end;
        const le = matchLineEnd(s, p);
        if (le < 0) {
            const hint = v.literal.quote === 'none' ? '' : ': only a comment may follow a quoted value';
            return err(p, 'fluentd/syntax', `expected end of line${hint}`);
        }
        frame.items.push(param(k, keyAt, v.literal, s.slice(v.literal.start, v.literal.end)));
        p = le;
    }
    // The entry file must be consumed completely; an included file may not reach here otherwise.
    skipSpacing();
    if (p < s.length && options.entry)
        return err(p, 'fluentd/syntax', 'expected EOF');
    return result();
}
function param(key, keyOffset, lit, raw) {
    return {
        kind: 'param',
        key,
        value: lit.value,
        quote: lit.quote,
        raw,
        keyOffset,
        valueOffset: lit.start,
        embedded: lit.embedded,
    };
}
/** `parse_include`: the URI is `scan_string(LINE_END)`; a missing line end is not an error there. */
function parseInclude(s, at, p, legacy) {
    const uri = scanString(s, p, 'line-end');
    if (!uri)
        return {
            error: {
                offset: at,
                code: 'fluentd/syntax',
                message: '@include needs a path or glob, e.g. @include conf.d/*.conf',
            },
        };
    if (!uri.ok)
        return { error: uri.error };
    const le = matchLineEnd(s, uri.literal.end);
    return {
        node: {
            kind: 'include',
            uri: uri.literal.value,
            quote: uri.literal.quote,
            embedded: uri.literal.embedded,
            offset: at,
            uriOffset: uri.literal.start,
            legacy,
        },
        end: le >= 0 ? le : uri.literal.end,
    };
}

;// CONCATENATED MODULE: ./src/checks/fluentd/load.ts
/**
 * Reading a configuration the way fluentd does: the entry file, then every `@include` expanded in
 * place (relative to the including file's directory, globs sorted: `v1_parser.rb` `eval_include`,
 * CONFIG-FACTS B2), parse errors stopping everything at the first one. Expansion is a loop over an
 * explicit stack, so neither deep nesting nor long include chains can exhaust the call stack.
 */





/** Past this many nested includes something is wrong (fluentd itself would eventually crash). */
const MAX_INCLUDE_DEPTH = 32;
/** A glob like `/**\/*.conf` must not turn one check into thousands of file reads. */
const MAX_FILES = 500;
/**
 * Expansions in all (a file read into the tree once per `@include` that reaches it). Fluentd expands
 * an include every time it appears, so a chain of files each including the next twice doubles per
 * level, and files that each include `*.conf` multiply: both are bounded here by count and size.
 */
const MAX_EXPANSIONS = 1_000;
/** Characters of text expanded in all, counting a file again each time it is included. */
const MAX_EXPANDED_CHARS = 16 * 1024 * 1024;
/** Names editors and admins leave behind; fluentd warns when a glob include picks them up (B2). */
const BACKUP_NAME = /(\.bak|\.orig|\.old|_old|\.backup|\.swp|\.tmp|~)(\.conf)?$/i;
/** Parse a single text as an entry file (no includes followed): tests, the bench, `check -`. */
function parseSource(source) {
    const fs = {
        read: () => ({ ok: true, source }),
        glob: () => [],
        display: (f) => f,
    };
    return loadConfig(source.file, fs, { followIncludes: false });
}
function loadConfig(entry, fs, options = {}) {
    const follow = options.followIncludes ?? true;
    const findings = [];
    const files = [];
    const display = fs.display(entry);
    const root = {
        file: display,
        pos: { line: 1, column: 1 },
        name: '',
        arg: '',
        argQuote: 'empty',
        argPos: { line: 1, column: 1 },
        argEmbedded: [],
        params: [],
        elements: [],
        depth: 0,
    };
    const includeCode = [];
    const outcome = (fatal, incomplete) => ({
        root,
        findings,
        fatal,
        files,
        incomplete,
        includeCode,
    });
    const decoded = fs.read(entry);
    files.push(display);
    if (!decoded.ok) {
        (0,checks_findings/* appendAll */.u2)(findings, decoded.findings);
        return outcome(true, true);
    }
    const notice = (0,source/* templateNotice */.ru)(decoded.source);
    if (notice) {
        findings.push(notice);
        return outcome(true, true);
    }
    const entryBom = bomFinding(decoded.source);
    if (entryBom) {
        findings.push(entryBom);
        return outcome(true, true);
    }
    let incomplete = false;
    const cache = new Map();
    const parse = (ctx, text, entryFile) => {
        let frag = cache.get(ctx.display);
        if (!frag) {
            frag = parseFile(text, { entry: entryFile });
            cache.set(ctx.display, frag);
            for (const w of frag.warnings)
                findings.push((0,checks_findings/* finding */.gk)(ctx.display, ctx.lines.position(w.offset), 'warning', w.code, w.message));
        }
        return frag;
    };
    let expansions = 0;
    let expandedChars = decoded.source.text.length;
    /** Include lines already reported as closing a cycle: once each, however many paths reach them. */
    const cycleReported = new Set();
    const globCache = new Map();
    const entryCtx = { path: entry, display, lines: decoded.source.lines };
    const entryFrag = parse(entryCtx, decoded.source.text, true);
    const stack = [
        { items: entryFrag.items, i: 0, target: root, file: entryCtx, chain: [display], fragment: entryFrag },
    ];
    while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.i >= top.items.length) {
            stack.pop();
            const err = top.fragment?.error;
            if (err) {
                findings.push((0,checks_findings/* finding */.gk)(top.file.display, top.file.lines.position(err.offset), 'error', err.code, err.message));
                return outcome(true, true);
            }
            continue;
        }
        const item = top.items[top.i++];
        const { lines } = top.file;
        if (item.kind === 'param') {
            const p = {
                file: top.file.display,
                pos: lines.position(item.keyOffset),
                key: item.key,
                value: item.value,
                quote: item.quote,
                raw: item.raw,
                valuePos: lines.position(item.valueOffset),
                embedded: item.embedded,
                dynamic: item.embedded.some((e) => e.evaluated),
            };
            top.target.params.push(p);
            continue;
        }
        if (item.kind === 'element') {
            const el = {
                file: top.file.display,
                pos: lines.position(item.offset),
                name: item.name,
                arg: item.arg,
                argQuote: item.argQuote,
                argPos: lines.position(item.argOffset),
                argEmbedded: item.argEmbedded,
                params: [],
                elements: [],
                depth: top.target.depth + 1,
            };
            top.target.elements.push(el);
            stack.push({ items: item.items, i: 0, target: el, file: top.file, chain: top.chain });
            continue;
        }
        // @include
        const at = lines.position(item.offset);
        const where = top.file.display;
        if (item.embedded.length > 0)
            includeCode.push({ file: where, pos: lines.position(item.uriOffset), embedded: item.embedded });
        if (item.legacy)
            findings.push((0,checks_findings/* finding */.gk)(where, at, 'warning', 'fluentd/deprecated-include', "'include' is deprecated: write '@include' instead"));
        if (!follow) {
            incomplete = true;
            continue;
        }
        // The same @include line is met again in each copy of its file: list the directory once.
        const globKey = `${top.file.path}\0${item.uri}`;
        const resolved = globCache.get(globKey) ?? resolveInclude(item, top.file, fs);
        globCache.set(globKey, resolved);
        if ('finding' in resolved) {
            incomplete = true;
            findings.push((0,checks_findings/* finding */.gk)(where, lines.position(item.uriOffset), 'warning', resolved.finding.code, resolved.finding.message));
            continue;
        }
        if (resolved.paths.length === 0) {
            incomplete = true;
            findings.push((0,checks_findings/* finding */.gk)(where, lines.position(item.uriOffset), 'warning', 'fluentd/include-not-found', `@include ${item.uri} matches no file here, and fluentd silently ignores it; fix the path if the image does not provide it (checks that need the whole configuration were skipped)`));
            continue;
        }
        const frames = [];
        for (const path of resolved.paths) {
            const shown = fs.display(path);
            if ((0,checks_fs/* hasGlob */.bz)(item.uri) && BACKUP_NAME.test(shown.slice(shown.lastIndexOf('/') + 1))) {
                findings.push((0,checks_findings/* finding */.gk)(where, lines.position(item.uriOffset), 'warning', 'fluentd/include-backup-file', `@include ${item.uri} also reads ${shown}, which looks like a backup copy; rename or delete it, or narrow the glob`));
            }
            if (top.chain.includes(shown)) {
                const key = `${where}\0${item.offset}`;
                if (cycleReported.has(key))
                    continue;
                cycleReported.add(key);
                findings.push((0,checks_findings/* finding */.gk)(where, at, 'error', 'fluentd/include-cycle', `@include ${item.uri} includes ${shown}, which is already being included (${[...top.chain, shown].join(' -> ')}): fluentd recurses until it crashes; remove the cycle`));
                continue;
            }
            if (top.chain.length >= MAX_INCLUDE_DEPTH) {
                incomplete = true;
                findings.push((0,checks_findings/* finding */.gk)(where, at, 'warning', 'fluentd/include-limit', `includes are nested more than ${MAX_INCLUDE_DEPTH} deep; ${shown} was not read`));
                continue;
            }
            if (files.length >= MAX_FILES) {
                incomplete = true;
                findings.push((0,checks_findings/* finding */.gk)(where, at, 'warning', 'fluentd/include-limit', `more than ${MAX_FILES} files are included; ${shown} and the rest were not read`));
                break;
            }
            const d = fs.read(path);
            if (!files.includes(shown))
                files.push(shown);
            if (!d.ok) {
                incomplete = true;
                (0,checks_findings/* appendAll */.u2)(findings, d.findings);
                continue;
            }
            const tpl = (0,source/* templateNotice */.ru)(d.source);
            if (tpl) {
                incomplete = true;
                findings.push(tpl);
                continue;
            }
            const bom = bomFinding(d.source);
            if (bom) {
                findings.push(bom);
                return outcome(true, true);
            }
            expansions++;
            expandedChars += d.source.text.length;
            if (expansions > MAX_EXPANSIONS || expandedChars > MAX_EXPANDED_CHARS) {
                findings.push((0,checks_findings/* finding */.gk)(where, at, 'error', 'fluentd/include-explosion', explosionMessage(item.uri, shown, expansions)));
                return outcome(true, true);
            }
            const ctx = { path, display: shown, lines: d.source.lines };
            const frag = parse(ctx, d.source.text, false);
            frames.push({
                items: frag.items,
                i: 0,
                target: top.target,
                file: ctx,
                chain: [...top.chain, shown],
                fragment: frag,
            });
        }
        // Sorted order: the first match must be expanded first, so it goes on top of the stack.
        for (let i = frames.length - 1; i >= 0; i--)
            stack.push(frames[i]);
    }
    return outcome(false, incomplete);
}
/**
 * Fluentd reads a config as UTF-8 text and does not strip a byte order mark: U+FEFF becomes part
 * of the first token, so `\uFEFF<source>` is read as a parameter name and the `</source>` that
 * follows is an "unmatched end tag" (a BOM before a comment or `@include` silently turns that line
 * into a parameter). Editors on Windows add one on save.
 */
function bomFinding(source) {
    if (!source.bom)
        return undefined;
    const what = source.bom === 'utf8'
        ? 'a UTF-8 byte order mark (BOM)'
        : `a ${source.bom === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} byte order mark: the file is UTF-16`;
    return (0,checks_findings/* finding */.gk)(source.file, { line: 1, column: 1 }, 'error', 'fluentd/bom', `the file starts with ${what}; fluentd reads the file as UTF-8 with the mark as text, so its first line is misread (typically "unmatched end tag"); save it as UTF-8 without BOM`);
}
function explosionMessage(uri, shown, expansions) {
    const what = expansions > MAX_EXPANSIONS
        ? `${MAX_EXPANSIONS.toLocaleString('en-US')} file expansions`
        : `${MAX_EXPANDED_CHARS / 1024 / 1024} MiB of text`;
    return (`@include ${uri} (here reading ${shown}) takes the configuration past ${what}: fluentd expands every @include ` +
        'in place each time it appears, so files that include each other more than once multiply; include each file once');
}
function resolveInclude(node, from, fs) {
    if (node.embedded.some((e) => e.evaluated)) {
        return {
            finding: {
                code: 'fluentd/include-dynamic',
                message: `@include ${node.uri} is computed by embedded Ruby at start-up, so it cannot be checked here (checks that need the whole configuration were skipped)`,
            },
        };
    }
    let path = node.uri;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(path);
    if (scheme && scheme[1].length > 1) {
        if (scheme[1].toLowerCase() !== 'file') {
            return {
                finding: {
                    code: 'fluentd/include-remote',
                    message: `@include ${node.uri} is fetched over the network every time fluentd starts: the configuration is not reproducible and was not checked; copy the file into the image instead`,
                },
            };
        }
        path = path.replace(/^file:(\/\/)?/i, '');
    }
    return { paths: fs.glob(path, from.path) };
}


/***/ }),

/***/ 2592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ checkSecrets),
  i: () => (/* binding */ envRefs)
});

// EXTERNAL MODULE: ./src/checks/fluentd/ast.ts
var ast = __webpack_require__(5280);
;// CONCATENATED MODULE: ./src/checks/fluentd/ruby.ts
/**
 * Embedded Ruby (`"#{...}"`) that fails in every environment. Fluentd evaluates it while parsing,
 * with `instance_eval` on a context object that knows `hostname`, `worker_id`, `use_nil` and
 * `use_default` (CONFIG-FACTS B3); a SyntaxError, a NameError or a NoMethodError there stops
 * fluentd before it starts. Only what is certain is claimed: code this reader does not understand
 * (blocks, assignments, several statements, unknown constants) is left alone.
 */
/** Names the evaluation context answers to: its own methods, keywords and common Kernel methods. */
const KNOWN_NAMES = new Set([
    'hostname',
    'worker_id',
    'use_nil',
    'use_default',
    'nil',
    'true',
    'false',
    'self',
    'not',
    'and',
    'or',
    'if',
    'unless',
    'then',
    'else',
    'elsif',
    'end',
    'defined',
    'require',
    'require_relative',
    'load',
    'rand',
    'srand',
    'sleep',
    'system',
    'exec',
    'spawn',
    'format',
    'sprintf',
    'Integer',
    'Float',
    'String',
    'Array',
    'Hash',
    'Rational',
    'Complex',
    'puts',
    'print',
    'p',
    'pp',
    'raise',
    'fail',
    'loop',
    'lambda',
    'proc',
    'exit',
    'abort',
    'open',
    'gets',
    'caller',
    'binding',
    'catch',
    'throw',
    'freeze',
    'frozen',
    'object_id',
    'send',
    'public_send',
    'instance_variable_get',
    'method',
    'methods',
    'respond_to',
    'class',
    'inspect',
    'to_s',
    'dup',
    'clone',
    'tap',
    'then',
    'block_given',
    'warn',
    'at_exit',
    'trap',
    'readlines',
    'readline',
    'select',
    '__method__',
    '__dir__',
    '__FILE__',
    '__LINE__',
    'nil?',
    'is_a',
    'kind_of',
    'instance_of',
    'hash',
    'itself',
    'begin',
    'rescue',
    'ensure',
    'while',
    'until',
    'case',
    'when',
    'in',
    'return',
    'yield',
    'super',
    'next',
    'break',
    'redo',
    'retry',
    'alias',
    'undef',
    'module',
    '__ENCODING__',
    // Locals of the method whose binding may evaluate the code (config.rb / v1_parser.rb).
    'str',
    'fname',
    'basepath',
    'data',
    'path',
    'config_path',
    'encoding',
    'additional_config',
    'use_v1_config',
    'type',
]);
/** Methods nil answers to (NilClass, Object, Kernel): anything else on nil is a NoMethodError. */
const NIL_METHODS = new Set([
    'to_s',
    'to_i',
    'to_f',
    'to_a',
    'to_h',
    'to_r',
    'to_c',
    'inspect',
    'nil?',
    'class',
    'frozen?',
    'freeze',
    'dup',
    'clone',
    'hash',
    'object_id',
    'then',
    'tap',
    'itself',
    'is_a?',
    'kind_of?',
    'instance_of?',
    'respond_to?',
    'send',
    'public_send',
    'method',
    'methods',
    'display',
    'instance_variables',
    'rationalize',
    'equal?',
    'eql?',
    '&',
    '|',
    '^',
]);
const BINARY = new Set([
    '+',
    '-',
    '*',
    '/',
    '%',
    '**',
    '||',
    '&&',
    '|',
    '&',
    '^',
    '==',
    '!=',
    '<',
    '>',
    '<=',
    '>=',
    '<=>',
    '=~',
    '<<',
    '>>',
    ',',
    '.',
    '::',
    '?',
    ':',
    '&.',
]);
const BEFORE_CLOSE = new Set(['+', '-', '/', '%', '||', '&&', '==', '!=', '<', '>', '<=', '>=', '.', '::', '&.', '=']);
const OPS = [
    '**',
    '||',
    '&&',
    '==',
    '!=',
    '<=>',
    '<=',
    '>=',
    '=~',
    '<<',
    '>>',
    '::',
    '&.',
    '+',
    '-',
    '*',
    '/',
    '%',
    '|',
    '&',
    '^',
    '<',
    '>',
    '!',
    '.',
    ',',
    '?',
    ':',
    '=',
    ';',
    '~',
];
/** Tokens; a message when the code cannot even be split (an unterminated string); undefined for text outside this reader. */
function tokenize(code) {
    const out = [];
    let i = 0;
    while (i < code.length) {
        const c = code[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === "'" || c === '"' || c === '`') {
            let j = i + 1;
            while (j < code.length && code[j] !== c)
                j += code[j] === '\\' ? 2 : 1;
            if (j >= code.length)
                return `an unterminated ${c} string`;
            out.push({ kind: 'str', text: code.slice(i, j + 1) });
            i = j + 1;
            continue;
        }
        const word = /^[A-Za-z_][A-Za-z0-9_]*[?!]?/.exec(code.slice(i));
        if (word) {
            out.push({ kind: /^[A-Z]/.test(word[0]) ? 'const' : 'id', text: word[0] });
            i += word[0].length;
            continue;
        }
        const num = /^(?:0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(code.slice(i));
        if (num) {
            out.push({ kind: 'num', text: num[0] });
            i += num[0].length;
            continue;
        }
        const sym = /^:[A-Za-z_][A-Za-z0-9_]*[?!]?/.exec(code.slice(i));
        if (sym && (out.length === 0 || out[out.length - 1]?.kind === 'op' || out[out.length - 1]?.kind === 'open')) {
            out.push({ kind: 'sym', text: sym[0] });
            i += sym[0].length;
            continue;
        }
        const last = out[out.length - 1];
        // `/re/`, `%w[...]`, `?a`: literals this reader does not follow, where a value starts.
        if ((c === '/' || c === '%' || c === '?') && (!last || last.kind === 'op' || last.kind === 'open'))
            return undefined;
        if (c === '<' && code.startsWith('<<', i) && /^<<[~-]?[A-Z'"]/.test(code.slice(i)))
            return undefined; // a heredoc
        if ('([{'.includes(c))
            out.push({ kind: 'open', text: c });
        else if (')]}'.includes(c))
            out.push({ kind: 'close', text: c });
        else {
            const op = OPS.find((o) => code.startsWith(o, i));
            if (!op)
                return undefined;
            out.push({ kind: 'op', text: op });
            i += op.length;
            continue;
        }
        i++;
    }
    return out;
}
/** A SyntaxError Ruby raises whatever the environment: unbalanced brackets, a dangling operator. */
function syntaxProblem(tokens) {
    const stack = [];
    const pairs = { ')': '(', ']': '[', '}': '{' };
    for (const t of tokens) {
        if (t.kind === 'open')
            stack.push(t.text);
        else if (t.kind === 'close' && stack.pop() !== pairs[t.text])
            return `an unmatched ${t.text}`;
    }
    if (stack.length > 0)
        return `an unclosed ${stack[stack.length - 1]}`;
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'op' && (BINARY.has(last.text) || last.text === '!' || last.text === '='))
        return `nothing after the operator ${last.text}`;
    for (let i = 1; i < tokens.length; i++) {
        const a = tokens[i - 1];
        const b = tokens[i];
        // Not `,` (a trailing comma is allowed), `|` (`{ |x| }`), `*`/`**`/`&` (anonymous arguments).
        if (a.kind === 'op' && BEFORE_CLOSE.has(a.text) && b.kind === 'close')
            return `nothing after the operator ${a.text}`;
    }
    return undefined;
}
/** A NameError or NoMethodError that no environment avoids, in code simple enough to be sure. */
function runtimeProblem(tokens) {
    // Locals, blocks and several statements could define names this reader cannot follow.
    if (tokens.some((t) => (t.kind === 'op' && (t.text === '=' || t.text === ';')) ||
        (t.kind === 'id' && (t.text === 'do' || t.text === 'def'))))
        return undefined;
    if (tokens.some((t) => t.kind === 'open' && t.text === '{'))
        return undefined;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        const prev = tokens[i - 1];
        const next = tokens[i + 1];
        const isMethodName = prev?.kind === 'op' && (prev.text === '.' || prev.text === '&.' || prev.text === '::');
        const isHashKey = next?.kind === 'op' && next.text === ':' && tokens[i + 2]?.kind !== 'op';
        if (t.kind === 'id' && !isMethodName && !isHashKey && !KNOWN_NAMES.has(t.text.replace(/[?!]$/, ''))) {
            return next?.kind === 'open' && next.text === '('
                ? `undefined method '${t.text}' (NoMethodError)`
                : `undefined local variable or method '${t.text}' (NameError)`;
        }
        if (t.kind === 'id' && t.text === 'nil' && !isMethodName && next?.kind === 'op' && next.text === '.') {
            const m = tokens[i + 2];
            if (m?.kind === 'id' && !NIL_METHODS.has(m.text))
                return `undefined method '${m.text}' for nil (NoMethodError)`;
        }
    }
    return undefined;
}
/** Why this embedded code stops fluentd in every environment, or undefined when it may run. */
function embeddedRubyProblem(code) {
    if (code.trim() === '')
        return undefined; // `#{}` is nil, interpolated as ""
    const tokens = tokenize(code);
    if (typeof tokens === 'string')
        return `a syntax error (${tokens})`;
    if (tokens === undefined)
        return undefined;
    const syntax = syntaxProblem(tokens);
    if (syntax)
        return `a syntax error (${syntax})`;
    return runtimeProblem(tokens);
}

;// CONCATENATED MODULE: ./src/checks/fluentd/secrets.ts


/** Set by Docker, Fargate or fluentd itself: present in every task without a task-definition entry. */
const RUNTIME_ENV = new Set([
    'HOSTNAME',
    'HOME',
    'PATH',
    'PWD',
    'USER',
    'LANG',
    'SERVERENGINE_WORKER_ID',
    'FLUENTD_CONF',
    'FLUENTD_OPT',
    'LD_PRELOAD',
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_EXECUTION_ENV',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'ECS_CONTAINER_METADATA_URI',
    'ECS_CONTAINER_METADATA_URI_V4',
    'ECS_AGENT_URI',
]);
const SECRET_KEYS = new Set([
    'api_key',
    'shared_key',
    'password',
    'tls_client_private_key_passphrase',
    'private_key_passphrase',
    'aws_sec_key',
    'aws_secret_access_key',
    'secret_key',
]);
const PLACEHOLDER = /^<.*>$|your|api[_-]?key|x{4,}|changeme|replace|dummy|example|^\*+$/i;
const ENV_REF = /\bENV\s*\[\s*(['"])([^'"]*)\1\s*\]|\bENV\.fetch\s*\(?\s*(['"])([^'"]*)\3\s*(,|\)|\{)?/g;
/** Which embedded Ruby is plain configuration and which runs arbitrary code at start-up (E1.8). */
function isPlainRuby(code) {
    const rest = code
        .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, ' ')
        .replace(/\bENV\s*\[\s*\]/g, ' ')
        .replace(/\bENV\.fetch\s*\(\s*(?:,\s*)?\)/g, ' ')
        .replace(/\bENV\.fetch\b/g, ' ')
        .replace(/\bSocket\.gethostname\b/g, ' ')
        .replace(/\b(hostname|worker_id|use_nil|use_default|nil|true|false)\b/g, ' ')
        .replace(/\|\||\.to_s\b|\.to_i\b|\.strip\b|\.downcase\b|\.upcase\b|[\s()]/g, '');
    return rest === '' || /^\d+$/.test(rest);
}
function envRefs(code) {
    const out = [];
    const alt = /\|\|\s*(\S+)/.exec(code);
    const orFallback = alt
        ? alt[1]?.startsWith('use_nil')
            ? 'nil'
            : alt[1]?.startsWith('use_default')
                ? 'default'
                : 'literal'
        : undefined;
    for (const m of code.matchAll(ENV_REF)) {
        if (m[2] !== undefined)
            out.push({ name: m[2], fallback: orFallback ?? 'empty' });
        else if (m[4] !== undefined)
            out.push({ name: m[4], fallback: m[5] === ',' || m[5] === '{' ? 'literal' : (orFallback ?? 'raise') });
    }
    return out;
}
/** Walk every element without recursion; `visit` sees each with its nearest plugin `@type`. */
function walk(root, visit) {
    const stack = root.elements.map((e) => [e, undefined]);
    while (stack.length > 0) {
        const [el, inherited] = stack.pop();
        const t = (0,ast/* pluginType */.A)(el);
        const type = t && !t.dynamic ? t.value : inherited;
        visit(el, type);
        for (const c of el.elements)
            stack.push([c, type]);
    }
}
function checkSecrets(root, includeCode, uses, ctx, report) {
    const refs = [];
    const datadogOutputs = new Set(uses.filter((u) => u.kind === 'output' && u.type === 'datadog').map((u) => u.el));
    const embedded = (codes, param, at) => {
        for (const e of codes) {
            const names = envRefs(e.code);
            if (!e.evaluated) {
                if (names.length > 0) {
                    report.error(at, 'fluentd/unquoted-env', `#{${e.code}} is not evaluated outside double quotes, so fluentd uses that literal text${param ? ` as ${param.key}` : ''}; write ${param ? `${param.key} ` : ''}"#{${e.code}}" with double quotes`);
                }
                else {
                    report.warning(at, 'fluentd/literal-embedded-ruby', `#{${e.code}} is only evaluated inside double quotes; here it is literal text. Use double quotes if it is meant to run`);
                }
                continue;
            }
            const problem = embeddedRubyProblem(e.code);
            if (problem) {
                report.error(at, 'fluentd/embedded-ruby-error', `embedded Ruby #{${e.code.length > 40 ? `${e.code.slice(0, 40)}...` : e.code}} fails with ${problem} in every environment, and fluentd refuses to start; fix the expression`);
                continue;
            }
            for (const n of names)
                refs.push({ ...n, param, at });
            if (!isPlainRuby(e.code)) {
                report.warning(at, 'fluentd/embedded-ruby', `embedded Ruby #{${e.code.length > 40 ? `${e.code.slice(0, 40)}...` : e.code}} runs at start-up with fluentd's privileges; keep to ENV['X'], ENV.fetch, hostname, worker_id, use_nil and use_default`);
            }
        }
    };
    for (const inc of includeCode)
        embedded(inc.embedded, undefined, { file: inc.file, pos: inc.pos });
    walk(root, (el, type) => {
        if (el.argEmbedded.length > 0)
            embedded(el.argEmbedded, undefined, { file: el.file, pos: el.argPos });
        for (const p of el.params) {
            if (p.embedded.length > 0)
                embedded(p.embedded, p, { file: p.file, pos: p.valuePos });
            if (SECRET_KEYS.has(p.key))
                literalSecret(p, type, datadogOutputs.has(el), report);
        }
    });
    checkEnv(refs, ctx, report);
    return [...new Set(refs.map((r) => r.name))].sort();
}
function literalSecret(p, type, datadog, report) {
    if (p.dynamic)
        return;
    const at = { file: p.file, pos: p.valuePos };
    const v = p.value.trim();
    if (p.key === 'api_key' && datadog) {
        if (v === '') {
            report.error(at, 'fluentd/empty-api-key', "api_key is empty: the plugin starts but Datadog rejects every log; set api_key \"#{ENV['DD_API_KEY']}\" with the key in the task definition's secrets");
            return;
        }
        if (/#\{/.test(v))
            return; // unquoted embedded Ruby: reported as such
        if (/^[0-9a-f]{32}$/i.test(v)) {
            report.error(at, 'fluentd/hardcoded-api-key', "api_key is a literal Datadog API key: it would be baked into the image and the repository; revoke it, and write api_key \"#{ENV['DD_API_KEY']}\" with the key in the task definition's secrets");
            return;
        }
        if (PLACEHOLDER.test(v)) {
            report.error(at, 'fluentd/placeholder-api-key', "api_key is a placeholder, not a key: Datadog rejects every log; write api_key \"#{ENV['DD_API_KEY']}\" with the key in the task definition's secrets");
            return;
        }
    }
    if (v === '' || /#\{/.test(v))
        return;
    if (/^[0-9a-f]{32}$/i.test(v) && p.key === 'api_key') {
        report.error(at, 'fluentd/hardcoded-api-key', `api_key of @type ${type ?? '?'} is a literal 32-hex key: it would be baked into the image; read it from the environment with "#{ENV['X']}"`);
        return;
    }
    report.warning(at, 'fluentd/literal-secret', `${p.key} is written literally, so it ends up in the image and the repository; read it from the environment with "#{ENV['X']}" and a task definition secret`);
}
function checkEnv(refs, ctx, report) {
    const env = ctx.env;
    for (const r of refs) {
        if (env) {
            if (env.names.has(r.name) || RUNTIME_ENV.has(r.name) || ctx.image?.env?.has(r.name))
                continue;
            if (r.fallback === 'literal' || (r.fallback === 'default' && !r.param))
                continue;
            const what = r.fallback === 'raise'
                ? 'ENV.fetch raises KeyError and fluentd does not start'
                : r.fallback === 'nil' || r.fallback === 'default'
                    ? `${r.param ? r.param.key : 'the value'} becomes ${r.fallback === 'nil' ? 'nil' : 'its default'}${r.param?.key === 'api_key' ? ' and fluentd refuses to start' : ''}`
                    : `fluentd reads it as ""${r.param ? ` and ${r.param.key} is empty` : ''}`;
            const sev = env.open ? 'warning' : 'error';
            const maybe = env.open ? ' (unless its environmentFiles set it)' : '';
            report.add(r.at, sev, 'fluentd/env-not-provided', `ENV['${r.name}'] is not provided to ${env.where}${maybe}: ${what}; add ${r.name} to its environment or secrets`);
        }
        else if (r.param?.key === 'api_key' && r.fallback === 'empty') {
            report.notice(r.at, 'fluentd/env-without-use-nil', `if ${r.name} is unset, api_key silently becomes ""; write "#{ENV['${r.name}'] || use_nil}" so fluentd --dry-run fails instead`);
        }
    }
}


/***/ }),

/***/ 8566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   Pg: () => (/* binding */ DiskFs),
/* harmony export */   Rk: () => (/* binding */ realpathOrSelf),
/* harmony export */   bz: () => (/* binding */ hasGlob),
/* harmony export */   hT: () => (/* binding */ expandGlob)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5784);
/**
 * The file view a checker resolves includes against. On disk for `check FILE`; the image's own
 * layout (from the Dockerfile's COPY lines) for `validate`, because Fluentd resolves `@include`
 * against the including file's directory *inside the container*.
 */




const GLOB_CHARS = /[*?[\]{}]/;
/** Walking a pattern like `/**\/*.conf` from a large directory must stay bounded. */
const MAX_WALK_ENTRIES = 20_000;
/** `abs` is `root` or below it (both absolute). */
function isInside(root, abs) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, abs);
    return rel === '' || (!rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel));
}
/** `realpath`, or the path itself when it does not resolve (missing, or a dangling link). */
function realpathOrSelf(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(p);
    }
    catch {
        return p;
    }
}
function hasGlob(pattern) {
    return GLOB_CHARS.test(pattern);
}
/** Expand `pattern` (absolute, POSIX) against a lister of directory entries. Shared by disk and image views. */
function expandGlob(pattern, list, isFile) {
    if (!hasGlob(pattern))
        return isFile(pattern) ? [pattern] : [];
    const parts = pattern.split('/');
    const baseParts = [];
    for (const p of parts) {
        if (hasGlob(p))
            break;
        baseParts.push(p);
    }
    const base = baseParts.join('/') || '/';
    const deep = parts.slice(baseParts.length).some((p) => p.includes('**'));
    const maxDepth = deep ? 32 : parts.length - baseParts.length;
    const isMatch = picomatch__WEBPACK_IMPORTED_MODULE_3___default()(pattern, { dot: false });
    const out = [];
    let seen = 0;
    const walk = (dir, depth) => {
        if (depth > maxDepth || seen > MAX_WALK_ENTRIES)
            return;
        for (const e of list(dir)) {
            if (++seen > MAX_WALK_ENTRIES)
                return;
            const full = dir === '/' ? `/${e.name}` : `${dir}/${e.name}`;
            if (e.dir)
                walk(full, depth + 1);
            else if (isMatch(full))
                out.push(full);
        }
    };
    walk(base, 1);
    return out.sort();
}
/**
 * Files on disk, confined to `root`: nothing outside it is read or listed, through a symlink
 * either. Findings show paths relative to `shownFrom` (default `root`), or absolute outside it.
 */
class DiskFs {
    root;
    realRoot;
    shownFrom;
    constructor(root, shownFrom = root) {
        this.root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root);
        this.realRoot = realpathOrSelf(this.root);
        this.shownFrom = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(shownFrom);
    }
    inside(abs) {
        return isInside(this.realRoot, realpathOrSelf(abs));
    }
    read(file) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(this.root, file);
        return (0,_source_js__WEBPACK_IMPORTED_MODULE_2__/* .readSource */ .o$)(this.display(abs), abs);
    }
    glob(pattern, from) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(this.root, from)).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/'), pattern);
        return expandGlob(abs, (dir) => {
            if (!this.inside(dir))
                return [];
            try {
                return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
            }
            catch {
                return [];
            }
        }, (p) => {
            if (!this.inside(p))
                return false;
            try {
                return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile();
            }
            catch {
                return false;
            }
        }).filter((p) => this.inside(p));
    }
    display(file) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(this.root, file);
        return (isInside(this.shownFrom, abs) ? node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(this.shownFrom, abs) : abs).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
    }
}


/***/ }),

/***/ 5784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ decode),
/* harmony export */   JF: () => (/* binding */ sourceFromText),
/* harmony export */   o$: () => (/* binding */ readSource),
/* harmony export */   ru: () => (/* binding */ templateNotice)
/* harmony export */ });
/* unused harmony export MAX_CONFIG_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(671);
/**
 * Turning bytes into text a checker can trust: encoding (UTF-8 with or without BOM, UTF-16 with
 * BOM), binary junk, oversized files and templates are settled here, once, as findings.
 */


/**
 * Config files this tool reads are kilobytes; the largest realistic one (a 5,000-site http_check)
 * is about 1 MiB. Anything past this limit is reported, not parsed, so a stray 10 MB file costs
 * one stat and one finding instead of seconds of parsing.
 */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
const START = { line: 1, column: 1 };
function tooLarge(file, size) {
    return {
        ok: false,
        findings: [
            (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, START, 'error', 'file/too-large', `file is ${(size / 1024 / 1024).toFixed(1)} MiB; configuration files are read up to ${MAX_CONFIG_BYTES / 1024 / 1024} MiB, so it was not checked`),
        ],
    };
}
function decode(file, bytes) {
    if (bytes.length > MAX_CONFIG_BYTES)
        return tooLarge(file, bytes.length);
    let text;
    let bom;
    try {
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
            bom = 'utf8';
            text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
        }
        else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
            bom = 'utf16le';
            text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
        }
        else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
            bom = 'utf16be';
            text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
        }
        else {
            text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        }
    }
    catch {
        return { ok: false, findings: [notText(file, bytes)] };
    }
    const nul = text.indexOf('\0');
    if (nul !== -1) {
        const lines = new _findings_js__WEBPACK_IMPORTED_MODULE_1__/* .LineIndex */ .rr(text);
        return {
            ok: false,
            findings: [
                (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, lines.position(nul), 'error', 'file/binary', 'file contains NUL bytes: this is binary data, not a text configuration file'),
            ],
        };
    }
    return { ok: true, source: { file, text, lines: new _findings_js__WEBPACK_IMPORTED_MODULE_1__/* .LineIndex */ .rr(text), bom } };
}
/** Locate the first byte that is not valid UTF-8, so the finding points at it. */
function notText(file, bytes) {
    let line = 1;
    let col = 1;
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
        let valid = len > 0 && i + len <= bytes.length;
        for (let k = 1; valid && k < len; k++)
            valid = (bytes[i + k] & 0xc0) === 0x80;
        if (!valid)
            break;
        if (b === 0x0a) {
            line += 1;
            col = 1;
        }
        else
            col += 1;
        i += len;
    }
    return (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, { line, column: col }, 'error', 'file/not-utf8', 'file is not valid UTF-8 (nor UTF-16 with a byte order mark): save it as UTF-8');
}
/** Read and decode a file from disk; an unreadable or oversized file is a finding, never a throw. */
function readSource(file, absPath) {
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(absPath);
        if (st.isDirectory()) {
            return { ok: false, findings: [(0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, START, 'error', 'file/unreadable', 'is a directory, not a file')] };
        }
        if (st.size > MAX_CONFIG_BYTES)
            return tooLarge(file, st.size); // neither read nor buffered
        return decode(file, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(absPath));
    }
    catch (err) {
        const code = err.code;
        const what = code === 'ENOENT'
            ? 'file not found'
            : code === 'EACCES'
                ? 'permission denied'
                : `cannot read (${code ?? String(err)})`;
        return {
            ok: false,
            findings: [(0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, START, 'error', code === 'ENOENT' ? 'file/missing' : 'file/unreadable', what)],
        };
    }
}
/** Build a SourceText from a string (tests, stdin, in-memory renders). */
function sourceFromText(file, text) {
    return { file, text, lines: new _findings_js__WEBPACK_IMPORTED_MODULE_1__/* .LineIndex */ .rr(text), bom: undefined };
}
const TEMPLATE_MARKERS = [
    [/\{\{[^\n]*?\}\}/, 'Jinja/Go template'],
    [/\{%-?\s*[a-z]+[^\n]*?%\}/, 'Jinja template'],
    [/<%[=\-#]?[^\n]*?%>/, 'ERB template'],
];
/**
 * Templated files (Ansible/Jinja, ERB) are not what the engine reads: they get one notice instead
 * of a cascade of syntax errors. `{{ }}` inside a Fluentd double-quoted string or a Datadog
 * `%%env_X%%` is not a template marker, and `"#{...}"` is Fluentd's own embedded Ruby.
 */
function templateNotice(source) {
    for (const [re, kind] of TEMPLATE_MARKERS) {
        const m = re.exec(source.text);
        if (m) {
            return (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(source.file, source.lines.position(m.index), 'notice', 'file/template', `template: rendered before it can be checked (${kind} syntax found); check the rendered file instead`);
        }
    }
    return undefined;
}


/***/ }),

/***/ 5111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   kp: () => (/* binding */ closest)
/* harmony export */ });
/* unused harmony export editDistance */
/** Did-you-mean: the nearest known name within a small edit distance. */
function editDistance(a, b, limit = Infinity) {
    if (a === b)
        return 0;
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let prev = new Array(b.length + 1);
    let cur = new Array(b.length + 1);
    for (let j = 0; j <= b.length; j++)
        prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
        cur[0] = i;
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
            const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            cur[j] = v;
            if (v < rowMin)
                rowMin = v;
        }
        if (rowMin > limit)
            return limit + 1;
        [prev, cur] = [cur, prev];
    }
    return prev[b.length];
}
/**
 * The closest candidate to `name`, or undefined when nothing is close enough.
 * Close enough: distance <= 2 for names of 5+ characters, <= 1 for shorter ones, or the same
 * name with `-`/`_` swapped or a different case (`init-config` -> `init_config`).
 */
function closest(name, candidates) {
    const norm = (s) => s.toLowerCase().replace(/-/g, '_');
    const n = norm(name);
    const limit = name.length >= 5 ? 2 : 1;
    let best;
    let bestD = Infinity;
    for (const c of candidates) {
        if (c === name)
            continue;
        const d = norm(c) === n ? 0 : editDistance(n, norm(c), limit);
        if (d <= limit && d < bestD) {
            best = c;
            bestD = d;
        }
    }
    return best;
}
/** ` (did you mean "x"?)` or the empty string. */
function didYouMean(name, candidates) {
    const c = closest(name, candidates);
    return c === undefined ? '' : ` (did you mean "${c}"?)`;
}


/***/ }),

/***/ 3869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ isRoleArn),
/* harmony export */   JG: () => (/* binding */ isAccountId),
/* harmony export */   Lw: () => (/* binding */ parseArn)
/* harmony export */ });
/* harmony import */ var _aws_sdk_util_arn_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6369);
/**
 * ARNs in a task definition, read with the SDK's own parser (`@aws-sdk/util-arn-parser`), so every
 * partition reads the same way: `aws`, `aws-cn`, `aws-us-gov`, the isolated `aws-iso`, `aws-iso-b`,
 * `aws-iso-e`, `aws-iso-f`, and `aws-eusc` (AWS General Reference, "Amazon Resource Names": the
 * partition is `aws` or `aws-` and a suffix, never a fixed list we would have to keep current).
 */

const PARTITION = /^aws(?:-[a-z]+)*$/;
const ACCOUNT = /^\d{12}$/;
/** The ARN's parts, or undefined when it is not an ARN of a known partition shape. */
function parseArn(value) {
    if (!(0,_aws_sdk_util_arn_parser__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .tf)(value))
        return undefined;
    const arn = (0,_aws_sdk_util_arn_parser__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(value);
    return PARTITION.test(arn.partition) ? arn : undefined;
}
const ROLE_PATH = /^role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
/** `arn:<partition>:iam::<12 digits>:role/<path/>name`. */
function isRoleArn(value) {
    const arn = parseArn(value);
    return (arn !== undefined &&
        arn.service === 'iam' &&
        arn.region === '' &&
        ACCOUNT.test(arn.accountId) &&
        ROLE_PATH.test(arn.resource));
}
const isAccountId = (s) => ACCOUNT.test(s);


/***/ }),

/***/ 0:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y8: () => (/* reexport */ checkSecretRef),
  T8: () => (/* binding */ checkTaskDefinition),
  jY: () => (/* binding */ containerEnv),
  V1: () => (/* reexport */ isImagePlaceholder),
  Id: () => (/* binding */ parseTaskDefinition),
  ML: () => (/* reexport */ parseTaskDefinitionTree),
  nR: () => (/* reexport */ plainSecretKind),
  V0: () => (/* binding */ records),
  Oq: () => (/* reexport */ taskDefObject)
});

// UNUSED EXPORTS: cpuUnits, fargateSizeProblem, memoryMiB

// EXTERNAL MODULE: ./src/checks/findings.ts
var checks_findings = __webpack_require__(671);
// EXTERNAL MODULE: ./src/checks/yaml/ast.ts
var ast = __webpack_require__(6353);
// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __webpack_require__(5111);
;// CONCATENATED MODULE: ./src/checks/taskdef/check-shape.ts
/**
 * The task definition tree against the RegisterTaskDefinition shape: unknown members (with a
 * did-you-mean), wrong types, values outside an enum, missing required members. Severity follows
 * the project rule: what the API rejects is an error; an unknown member is dropped by the SDK's
 * serializer, which is accepted but smells, so a warning.
 */



const asField = (f) => (typeof f === 'object' && 'shape' in f ? f : { shape: f });
function at(ctx, node, severity, code, message) {
    ctx.out.push((0,checks_findings/* finding */.gk)(ctx.source.file, ctx.source.lines.position(node.range[0]), severity, code, message));
}
function describeShape(shape) {
    if (shape === 'string')
        return 'a string';
    if (shape === 'int')
        return 'an integer';
    if (shape === 'bool')
        return 'true or false';
    if (shape === 'stringMap')
        return 'a mapping of strings';
    if (shape === 'size')
        return 'a size such as "512"';
    if ('enum' in shape)
        return `one of ${shape.enum.join(', ')}`;
    if ('obj' in shape)
        return 'an object';
    return 'a list';
}
function checkNode(ctx, node, shape, path, depth) {
    if (depth > 64)
        return;
    if (node.kind === 'scalar' && node.value === null)
        return; // YAML `key:` — absent, as the deploy treats it
    if (shape === 'string') {
        if (node.kind !== 'scalar')
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a string, not ${(0,ast/* typeName */.go)(node)}`);
        if (typeof node.value !== 'string') {
            // RegisterTaskDefinition types these members as strings; the AWS CLI refuses a number or a
            // boolean there ("Invalid type for parameter"), and the SDK would send it as JSON of the wrong type.
            at(ctx, node, 'error', 'taskdef/expected-string', `${path} is ${(0,ast/* typeName */.go)(node)}, but RegisterTaskDefinition takes a string: quote it ("${node.text}")`);
        }
        return;
    }
    if (shape === 'size') {
        if (node.kind !== 'scalar' || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
            at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a string such as "512" or "1 GB", not ${(0,ast/* typeName */.go)(node)}`);
        }
        return;
    }
    if (shape === 'int') {
        if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be an integer, not ${(0,ast/* typeName */.go)(node)}`);
        }
        return;
    }
    if (shape === 'bool') {
        if (node.kind !== 'scalar' || typeof node.value !== 'boolean') {
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be true or false, not ${(0,ast/* typeName */.go)(node)}`);
        }
        return;
    }
    if (shape === 'stringMap') {
        if (node.kind !== 'map')
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a mapping of strings, not ${(0,ast/* typeName */.go)(node)}`);
        for (const p of node.pairs)
            checkNode(ctx, p.value, 'string', `${path}.${(0,ast/* keyName */.xT)(p)}`, depth + 1);
        return;
    }
    if ('enum' in shape) {
        if (node.kind !== 'scalar' || typeof node.value !== 'string') {
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be one of ${shape.enum.join(', ')}, not ${(0,ast/* typeName */.go)(node)}`);
        }
        if (!shape.enum.includes(node.value)) {
            const v = node.value;
            const ci = shape.enum.find((e) => e.toLowerCase() === v.toLowerCase());
            const hint = ci ?? (0,suggest/* closest */.kp)(v, shape.enum);
            at(ctx, node, 'error', 'taskdef/invalid-value', `${path} "${v}" is not one of ${shape.enum.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
        }
        return;
    }
    if ('list' in shape) {
        if (node.kind !== 'seq')
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a list, not ${(0,ast/* typeName */.go)(node)}`);
        node.items.forEach((item, i) => checkNode(ctx, item, shape.list, `${path}[${i}]`, depth + 1));
        return;
    }
    checkObject(ctx, node, shape.obj, path, depth);
}
function checkObject(ctx, node, fields, path, depth = 0) {
    if (node.kind !== 'map') {
        at(ctx, node, 'error', 'taskdef/wrong-type', `${path || 'the task definition'} must be an object, not ${(0,ast/* typeName */.go)(node)}`);
        return;
    }
    const names = Object.keys(fields);
    for (const p of node.pairs) {
        const k = (0,ast/* keyName */.xT)(p);
        if (depth === 0 && ctx.skipTop.has(k))
            continue;
        const f = fields[k];
        const childPath = path ? `${path}.${k}` : k;
        if (!f) {
            at(ctx, p.key, 'warning', 'taskdef/unknown-key', `"${k}" is not a member of ${path || 'a task definition'} and is dropped when registering${(0,suggest/* didYouMean */.au)(k, names)}`);
            continue;
        }
        checkNode(ctx, p.value, asField(f).shape, childPath, depth + 1);
    }
    for (const [k, f] of Object.entries(fields)) {
        const field = asField(f);
        // The last of duplicated keys is the one registered.
        const value = (0,ast/* getPair */.xf)(node, k)?.value;
        const missing = value === undefined || (value.kind === 'scalar' && value.value === null);
        if (field.required && missing) {
            at(ctx, node, 'error', 'taskdef/missing-field', `${path || 'the task definition'} needs "${k}" (${describeShape(field.shape)})`);
        }
    }
}
function checkShape(source, root, fields, skipTop) {
    const ctx = { source, out: [], skipTop };
    checkObject(ctx, root, fields, '');
    return ctx.out;
}

// EXTERNAL MODULE: ./src/checks/source.ts
var checks_source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/checks/yaml/load.ts + 2 modules
var load = __webpack_require__(7112);
;// CONCATENATED MODULE: ./src/checks/taskdef/json-reader.ts
/**
 * A position-keeping JSON reader (RFC 8259, as `JSON.parse` and the AWS CLI accept it) that builds
 * the same tree as our YAML loader, so task definitions in JSON and YAML are checked by one walker
 * and every finding has a line and column. A syntax error stops at the exact offending character.
 * Iterative-safe: nesting deeper than MAX_DEPTH is a finding, never a stack overflow.
 */

const MAX_DEPTH = 500;
class JsonSyntax extends Error {
    offset;
    code;
    constructor(offset, message, code = 'json/syntax') {
        super(message);
        this.offset = offset;
        this.code = code;
    }
}
const describe = (c) => c === undefined ? 'end of file' : c === '\n' ? 'end of line' : /\s/.test(c) ? 'whitespace' : `"${c}"`;
/** The character after a backslash where JSON allows none, quoted with escapes (it may be a line break). */
const badEscape = (e) => `bad escape in a string: \\ followed by ${e === undefined ? 'the end of the file' : (0,checks_findings/* quoteValue */.cl)(e)}` +
    ' (JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)';
function readJson(source) {
    const out = { source, root: null, findings: [], duplicates: [] };
    const t = source.text;
    let i = 0;
    const ws = () => {
        for (;;) {
            const c = t.charCodeAt(i);
            if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)
                i++;
            else
                break;
        }
    };
    const fail = (msg, at = i) => {
        throw new JsonSyntax(at, msg);
    };
    const str = () => {
        const start = i;
        i++; // opening quote
        let v = '';
        for (;;) {
            if (i >= t.length)
                fail('unterminated string: close it with "', start);
            const c = t[i];
            const code = c.charCodeAt(0);
            if (c === '"') {
                i++;
                break;
            }
            if (code < 0x20)
                fail(`control character inside a string (${code === 0x0a ? 'a line break' : `U+${code.toString(16).padStart(4, '0')}`}): escape it`);
            if (c === '\\') {
                const e = t[i + 1];
                const map = {
                    '"': '"',
                    '\\': '\\',
                    '/': '/',
                    b: '\b',
                    f: '\f',
                    n: '\n',
                    r: '\r',
                    t: '\t',
                };
                if (e !== undefined && e in map) {
                    v += map[e];
                    i += 2;
                }
                else if (e === 'u') {
                    const hex = t.slice(i + 2, i + 6);
                    if (!/^[0-9a-fA-F]{4}$/.test(hex))
                        fail('bad \\u escape: four hex digits must follow \\u', i);
                    v += String.fromCharCode(parseInt(hex, 16));
                    i += 6;
                }
                else
                    fail(badEscape(e), i);
            }
            else {
                v += c;
                i++;
            }
        }
        return { kind: 'scalar', value: v, style: 'double', text: v, range: [start, i] };
    };
    const num = () => {
        const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(t.slice(i, i + 400));
        if (!m)
            fail(`unexpected ${describe(t[i])}: expected a value`);
        const text = m[0];
        const start = i;
        i += text.length;
        if (/[0-9.eE+-]/.test(t[i] ?? ''))
            fail(`bad number: ${describe(t[i])} after ${text}`);
        return { kind: 'scalar', value: Number(text), style: 'plain', text, range: [start, i] };
    };
    const word = () => {
        const start = i;
        for (const [w, v] of [
            ['true', true],
            ['false', false],
            ['null', null],
        ]) {
            if (t.startsWith(w, i)) {
                i += w.length;
                return { kind: 'scalar', value: v, style: 'plain', text: w, range: [start, i] };
            }
        }
        const c = t[i];
        if (c === "'")
            return fail('strings take double quotes in JSON, not single quotes');
        if (c === '/' && (t[i + 1] === '/' || t[i + 1] === '*'))
            return fail('comments are not allowed in JSON');
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(t.slice(i, i + 100));
        if (m)
            return fail(`unexpected word "${m[0]}": strings need double quotes`);
        return fail(`unexpected ${describe(c)}: expected a value`);
    };
    const stack = [];
    let root = null;
    const attach = (node) => {
        const top = stack[stack.length - 1];
        if (!top) {
            root = node;
            return;
        }
        if (top.node.kind === 'seq')
            top.node.items.push(node);
        else {
            const f = top;
            const key = f.key;
            const pair = { key, value: node };
            const k = String(key.value);
            const prev = f.seen.get(k);
            if (prev)
                out.duplicates.push({ key: k, map: f.node, path: f.path, first: prev, dup: pair });
            f.seen.set(k, pair);
            f.node.pairs.push(pair);
            delete f.key;
        }
    };
    const open = () => {
        // Reads a value at i; returns true when it opened a container (pushed a frame).
        const c = t[i];
        if (c === '{' || c === '[') {
            if (stack.length >= MAX_DEPTH)
                throw new JsonSyntax(i, `JSON nested more than ${MAX_DEPTH} levels deep: not a task definition`, 'json/too-deep');
            const top = stack[stack.length - 1];
            const parentPath = top
                ? top.node.kind === 'seq'
                    ? `${top.path}[${top.node.items.length}]`
                    : `${top.path ? `${top.path}.` : ''}${String(top.key.value)}`
                : '';
            const node = c === '{'
                ? { kind: 'map', pairs: [], flow: true, range: [i, i] }
                : { kind: 'seq', items: [], flow: true, range: [i, i] };
            i++;
            stack.push(node.kind === 'map' ? { node, path: parentPath, seen: new Map() } : { node, path: parentPath });
            return true;
        }
        let v;
        if (c === '"')
            v = str();
        else if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            v = num();
        else
            v = word();
        attach(v);
        return false;
    };
    try {
        ws();
        if (i >= t.length)
            fail('the file is empty: expected a JSON object');
        open();
        while (stack.length) {
            const top = stack[stack.length - 1];
            ws();
            const c = t[i];
            if (top.node.kind === 'map') {
                const f = top;
                const empty = f.node.pairs.length === 0;
                if (c === '}') {
                    i++;
                    f.node.range[1] = i;
                    stack.pop();
                    attach(f.node);
                    continue;
                }
                if (!empty) {
                    if (c !== ',')
                        fail(`unexpected ${describe(c)}: expected "," or "}" after an object member`);
                    const comma = i++;
                    ws();
                    if (t[i] === '}')
                        fail('trailing comma: JSON allows no "," before "}"', comma);
                }
                if (t[i] !== '"') {
                    if (t[i] === undefined)
                        fail('unexpected end of file: the object is never closed with "}"');
                    if (t[i] === "'")
                        fail('property names take double quotes in JSON, not single quotes');
                    if (t[i] === '/' && (t[i + 1] === '/' || t[i + 1] === '*'))
                        fail('comments are not allowed in JSON');
                    fail(`unexpected ${describe(t[i])}: expected a property name in double quotes`);
                }
                f.key = str();
                ws();
                if (t[i] !== ':')
                    fail(`unexpected ${describe(t[i])}: expected ":" after the property name`);
                i++;
                ws();
                open();
            }
            else {
                const s = top.node;
                if (c === ']') {
                    i++;
                    s.range[1] = i;
                    stack.pop();
                    attach(s);
                    continue;
                }
                if (s.items.length > 0) {
                    if (c !== ',')
                        fail(`unexpected ${describe(c)}: expected "," or "]" after a list item`);
                    const comma = i++;
                    ws();
                    if (t[i] === ']')
                        fail('trailing comma: JSON allows no "," before "]"', comma);
                }
                if (t[i] === undefined)
                    fail('unexpected end of file: the list is never closed with "]"');
                open();
            }
        }
        ws();
        if (i < t.length)
            fail(`unexpected ${describe(t[i])} after the end of the JSON value`);
        out.root = root;
    }
    catch (err) {
        if (!(err instanceof JsonSyntax))
            throw err;
        out.findings.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(err.offset), 'error', err.code, err.message));
    }
    return out;
}

// EXTERNAL MODULE: ./src/checks/taskdef/schema.ts
var schema = __webpack_require__(9279);
;// CONCATENATED MODULE: ./src/checks/taskdef/parse.ts
/**
 * Task definition text (JSON or YAML; UTF-8 with or without BOM and UTF-16 with BOM are decoded
 * by source.ts) -> a tree with positions, unwrapped from `aws ecs describe-task-definition`
 * output (`{"taskDefinition": {...}, "tags": [...]}`) when pasted as-is.
 */







/** JSON by extension, else by the first character; YAML otherwise (a superset, but JSON errors are sharper). */
function taskDefFormat(source) {
    const f = source.file.toLowerCase();
    if (f.endsWith('.json'))
        return 'json';
    if (f.endsWith('.yaml') || f.endsWith('.yml'))
        return 'yaml';
    return /^\s*[{[]/.test(source.text) ? 'json' : 'yaml';
}
function parseTaskDefinitionTree(source) {
    const format = taskDefFormat(source);
    const out = {
        source,
        format,
        wrapped: false,
        duplicates: [],
        findings: [],
        readOnlyFields: [],
    };
    const loaded = format === 'json' ? readJson(source) : (0,load/* loadYaml */.yv)(source, 'core');
    if (loaded.findings.some((f) => f.severity === 'error')) {
        const tpl = (0,checks_source/* templateNotice */.ru)(source);
        (0,checks_findings/* appendAll */.u2)(out.findings, tpl ? [tpl] : loaded.findings);
        return out;
    }
    (0,checks_findings/* appendAll */.u2)(out.findings, loaded.findings);
    out.duplicates = loaded.duplicates;
    const root = loaded.root;
    if (!(0,ast/* isMap */.jh)(root)) {
        const pos = root ? source.lines.position(root.range[0]) : { line: 1, column: 1 };
        out.findings.push((0,checks_findings/* finding */.gk)(source.file, pos, 'error', 'taskdef/not-an-object', 'a task definition is an object: {"family": ..., "containerDefinitions": [...]}'));
        return out;
    }
    const inner = (0,ast/* get */.Jt)(root, 'taskDefinition');
    if ((0,ast/* isMap */.jh)(inner) && !(0,ast/* getPair */.xf)(root, 'containerDefinitions')) {
        out.wrapped = true;
        out.root = inner;
        const tags = (0,ast/* get */.Jt)(root, 'tags');
        if (tags)
            out.outerTags = tags;
        for (const p of root.pairs) {
            const k = p.key.kind === 'scalar' ? String(p.key.value) : '';
            if (k !== 'taskDefinition' && k !== 'tags') {
                out.findings.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(p.key.range[0]), 'warning', 'taskdef/unknown-key', `"${k}" beside "taskDefinition" in describe-task-definition output is ignored`));
            }
        }
    }
    else
        out.root = root;
    for (const p of out.root.pairs) {
        const k = p.key.kind === 'scalar' ? String(p.key.value) : '';
        if (schema/* READ_ONLY_FIELDS */.O6.includes(k))
            out.readOnlyFields.push(k);
    }
    return out;
}
/** The plain task definition object (describe output unwrapped, its outer `tags` moved in). */
function taskDefObject(parsed) {
    if (!parsed.root)
        return undefined;
    const o = (0,ast/* toJS */.HO)(parsed.root);
    if (parsed.outerTags && !('tags' in o)) {
        const tags = (0,ast/* toJS */.HO)(parsed.outerTags);
        if (Array.isArray(tags) && tags.length > 0)
            o.tags = tags;
    }
    return o;
}

;// CONCATENATED MODULE: ./src/checks/taskdef/fargate.ts
/**
 * Fargate task sizes. Source: ECS API reference, RegisterTaskDefinition `memory` member, and the
 * ECS Developer Guide "Troubleshoot Amazon ECS task definition invalid CPU or memory errors"
 * (RegisterTaskDefinition answers "Invalid 'cpu' setting for task" / "No Fargate configuration
 * exists for given values"). 8 and 16 vCPU need Linux platform version 1.4.0 or later.
 */
const FARGATE_SIZES = [
    { cpu: 256, from: 512, to: 2048, step: 512, only: [512, 1024, 2048] },
    { cpu: 512, from: 1024, to: 4096, step: 1024 },
    { cpu: 1024, from: 2048, to: 8192, step: 1024 },
    { cpu: 2048, from: 4096, to: 16384, step: 1024 },
    { cpu: 4096, from: 8192, to: 30720, step: 1024 },
    { cpu: 8192, from: 16384, to: 61440, step: 4096 },
    { cpu: 16384, from: 32768, to: 122880, step: 8192 },
];
/** A whole number, or a string of one, or of a number with the large unit (1024 of the small one). */
function wholeUnits(v, withLargeUnit) {
    if (typeof v === 'number')
        return Number.isInteger(v) ? v : undefined;
    if (typeof v !== 'string')
        return undefined;
    const m = withLargeUnit.exec(v);
    if (!m)
        return undefined;
    const n = m[2] ? Number(m[1]) * 1024 : Number(m[1]);
    return Number.isInteger(n) ? n : undefined;
}
/** "256", 256, "0.25 vCPU", "1 vcpu" -> CPU units; undefined when unreadable. */
function cpuUnits(v) {
    return wholeUnits(v, /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i);
}
/** "512", 512, "1GB", "1 GB" -> MiB; undefined when unreadable. */
function memoryMiB(v) {
    return wholeUnits(v, /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i);
}
function memoryChoices(row) {
    if (row.only)
        return [...row.only];
    const out = [];
    for (let m = row.from; m <= row.to; m += row.step)
        out.push(m);
    return out;
}
function gb(mib) {
    return `${mib / 1024} GB`;
}
/** Undefined when the pair is valid on Fargate, else a one-line reason with what to write instead. */
function fargateSizeProblem(cpu, memory) {
    const row = FARGATE_SIZES.find((r) => r.cpu === cpu);
    if (!row) {
        return `cpu ${cpu} is not a Fargate task size: use one of ${FARGATE_SIZES.map((r) => r.cpu).join(', ')}`;
    }
    const choices = memoryChoices(row);
    if (choices.includes(memory))
        return undefined;
    const range = row.only
        ? choices.join(', ')
        : `${row.from} to ${row.to} in steps of ${row.step} (${gb(row.from)} to ${gb(row.to)})`;
    const cpus = FARGATE_SIZES.filter((r) => memoryChoices(r).includes(memory)).map((r) => r.cpu);
    const alt = cpus.length ? `; memory ${memory} goes with cpu ${cpus.join(' or ')}` : '';
    return `memory ${memory} does not go with cpu ${cpu} on Fargate: use ${range}${alt}`;
}

;// CONCATENATED MODULE: ./src/checks/taskdef/rule-context.ts
/**
 * What every task-definition rule sees: the tree, the project's service (when validating a
 * project), facts worked out once (Fargate? awsvpc? task size?) and one way to report. A rule is a
 * small function over this; rules.ts lists them.
 */



const strOf = (n) => (0,ast/* isScalar */.jn)(n) && typeof n.value === 'string' ? n.value : undefined;
const scalarOf = (n) => ((0,ast/* isScalar */.jn)(n) ? n.value : undefined);
const mapsOf = (n) => ((0,ast/* isSeq */.oP)(n) ? n.items.filter(ast/* isMap */.jh) : []);
/** The key node of a member (for "this member is wrong" findings), else the map. */
const keyOf = (map, key) => (0,ast/* getPair */.xf)(map, key)?.key ?? map;
function taskContext(input, out) {
    const { source, root, service } = input;
    const add = (node, severity, code, message) => {
        out.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(node.range[0]), severity, code, message));
    };
    const comps = (0,ast/* get */.Jt)(root, 'requiresCompatibilities');
    const compat = (0,ast/* isSeq */.oP)(comps) ? comps.items.map((n) => scalarOf(n)) : [];
    const cpuNode = (0,ast/* get */.Jt)(root, 'cpu');
    const memNode = (0,ast/* get */.Jt)(root, 'memory');
    const containers = mapsOf((0,ast/* get */.Jt)(root, 'containerDefinitions'));
    return {
        ...input,
        add,
        compat,
        fargate: compat.includes('FARGATE'),
        awsvpc: scalarOf((0,ast/* get */.Jt)(root, 'networkMode')) === 'awsvpc',
        cpu: cpuNode ? cpuUnits(scalarOf(cpuNode)) : undefined,
        mem: memNode ? memoryMiB(scalarOf(memNode)) : undefined,
        containers,
        names: containers.map((c) => strOf((0,ast/* get */.Jt)(c, 'name'))).filter((n) => n !== undefined),
        mapped: new Set(Object.keys(service?.containers ?? {})),
    };
}
function containerContext(t, c) {
    const nameNode = (0,ast/* get */.Jt)(c, 'name');
    const name = strOf(nameNode);
    return {
        ...t,
        c,
        name,
        nameNode,
        label: name ? `container "${name}"` : 'a container',
        isMapped: name !== undefined && t.mapped.has(name),
        at: name !== undefined && nameNode ? nameNode : c,
    };
}

// EXTERNAL MODULE: ./src/checks/taskdef/arn.ts
var taskdef_arn = __webpack_require__(3869);
;// CONCATENATED MODULE: ./src/checks/taskdef/task-rules.ts
/**
 * Rules about the task as a whole: its name, launch type, network mode, size, roles and the
 * features Fargate lacks (ECS API RegisterTaskDefinition; ECS Developer Guide, "Amazon ECS task
 * definition differences for Fargate").
 */




/** `family` and container names: up to 255 letters, digits, hyphens and underscores (ECS API). */
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
function familyName({ root, add }) {
    const family = (0,ast/* get */.Jt)(root, 'family');
    const fam = strOf(family);
    if (family && fam !== undefined && !NAME.test(fam)) {
        add(family, 'error', 'taskdef/invalid-name', `family "${fam}" may hold only letters, digits, "-" and "_" (up to 255)`);
    }
}
function compatibilities({ root, add }) {
    if ((0,ast/* getPair */.xf)(root, 'requiresCompatibilities'))
        return;
    add(root, 'error', 'taskdef/no-requires-compatibilities', 'requiresCompatibilities is not set, so a Fargate service refuses this task definition: add "requiresCompatibilities": ["FARGATE"]');
}
function fargateNetworkMode({ root, add, fargate, awsvpc }) {
    if (!fargate || awsvpc)
        return;
    const networkMode = (0,ast/* get */.Jt)(root, 'networkMode');
    if (networkMode && scalarOf(networkMode) !== null) {
        add(networkMode, 'error', 'taskdef/fargate-network-mode', `Fargate supports only networkMode "awsvpc", not "${String(scalarOf(networkMode))}"`);
    }
    else {
        add(keyOf(root, 'requiresCompatibilities'), 'error', 'taskdef/fargate-network-mode', 'Fargate needs "networkMode": "awsvpc"');
    }
}
function taskSize({ root, add, fargate, cpu, mem }) {
    const cpuNode = (0,ast/* get */.Jt)(root, 'cpu');
    const memNode = (0,ast/* get */.Jt)(root, 'memory');
    if (cpuNode && scalarOf(cpuNode) !== null && cpu === undefined) {
        add(cpuNode, 'error', 'taskdef/invalid-size', 'cpu must be CPU units ("256") or vCPUs ("0.25 vCPU")');
    }
    if (memNode && scalarOf(memNode) !== null && mem === undefined) {
        add(memNode, 'error', 'taskdef/invalid-size', 'memory must be MiB ("512") or GB ("0.5 GB")');
    }
    if (!fargate)
        return;
    if (!cpuNode || !memNode) {
        const which = !cpuNode && !memNode ? '"cpu" and "memory"' : !cpuNode ? '"cpu"' : '"memory"';
        add(keyOf(root, 'requiresCompatibilities'), 'error', 'taskdef/fargate-size', `Fargate needs task-level ${which}, e.g. "cpu": "256", "memory": "512"`);
    }
    else if (cpu !== undefined && mem !== undefined) {
        const problem = fargateSizeProblem(cpu, mem);
        if (problem)
            add(memNode, 'error', 'taskdef/fargate-size', problem);
    }
}
function roles({ root, add }) {
    const execNode = (0,ast/* get */.Jt)(root, 'executionRoleArn');
    const exec = strOf(execNode);
    if (execNode && exec !== undefined && !(0,taskdef_arn/* isRoleArn */.GW)(exec)) {
        add(execNode, 'error', 'taskdef/invalid-role-arn', 'executionRoleArn must be an IAM role ARN: arn:aws:iam::ACCOUNT:role/NAME');
    }
    const taskRoleNode = (0,ast/* get */.Jt)(root, 'taskRoleArn');
    const taskRole = strOf(taskRoleNode);
    if (taskRoleNode && taskRole !== undefined && !(0,taskdef_arn/* isRoleArn */.GW)(taskRole) && !ROLE_NAME.test(taskRole)) {
        add(taskRoleNode, 'error', 'taskdef/invalid-role-arn', 'taskRoleArn must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME) or a role name');
    }
}
function fargateTaskFeatures({ root, add, fargate }) {
    if (!fargate)
        return;
    const pid = (0,ast/* get */.Jt)(root, 'pidMode');
    if (pid && scalarOf(pid) === 'host')
        add(pid, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support pidMode "host": use "task" or leave it out');
    const ipc = (0,ast/* get */.Jt)(root, 'ipcMode');
    if (ipc && scalarOf(ipc) !== null)
        add(ipc, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support ipcMode: leave it out');
    for (const v of mapsOf((0,ast/* get */.Jt)(root, 'volumes'))) {
        const dv = (0,ast/* getPair */.xf)(v, 'dockerVolumeConfiguration');
        if (dv)
            add(dv.key, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support dockerVolumeConfiguration: use a bind mount (no "host") or EFS');
        const host = (0,ast/* get */.Jt)(v, 'host');
        if ((0,ast/* isMap */.jh)(host) && strOf((0,ast/* get */.Jt)(host, 'sourcePath')))
            add(host, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support host.sourcePath: leave "host" out for an ephemeral bind mount');
    }
}
function someContainer({ root, add }) {
    const defs = (0,ast/* get */.Jt)(root, 'containerDefinitions');
    if ((0,ast/* isSeq */.oP)(defs) && defs.items.length === 0) {
        add(defs, 'error', 'taskdef/missing-field', 'containerDefinitions is empty: a task definition needs at least one container');
    }
}
function someEssential({ root, add, containers }) {
    if (!containers.length || containers.some((c) => scalarOf((0,ast/* get */.Jt)(c, 'essential')) !== false))
        return;
    add((0,ast/* get */.Jt)(root, 'containerDefinitions'), 'error', 'taskdef/no-essential-container', 'every container has "essential": false; a task needs at least one essential container');
}
function containerCpuSum({ root, add, fargate, cpu, containers }) {
    const sum = containers.reduce((n, c) => {
        const v = scalarOf((0,ast/* get */.Jt)(c, 'cpu'));
        return typeof v === 'number' ? n + v : n;
    }, 0);
    if (fargate && cpu !== undefined && sum > cpu) {
        add((0,ast/* get */.Jt)(root, 'cpu'), 'error', 'taskdef/container-size', `the containers' cpu adds up to ${sum}, more than the task's cpu ${cpu}`);
    }
}
/** Does any container take secrets ECS fetches with the execution role? */
function needsSecrets({ service, mapped, containers }) {
    if (Object.keys(service?.secrets ?? {}).length > 0 && mapped.size > 0)
        return true;
    return containers.some((c) => {
        const log = (0,ast/* get */.Jt)(c, 'logConfiguration');
        const logSecrets = (0,ast/* isMap */.jh)(log) && mapsOf((0,ast/* get */.Jt)(log, 'secretOptions')).length > 0;
        return logSecrets || mapsOf((0,ast/* get */.Jt)(c, 'secrets')).length > 0 || (0,ast/* getPair */.xf)(c, 'repositoryCredentials') !== undefined;
    });
}
const usesAwslogs = (c) => {
    const log = (0,ast/* get */.Jt)(c, 'logConfiguration');
    return (0,ast/* isMap */.jh)(log) && strOf((0,ast/* get */.Jt)(log, 'logDriver')) === 'awslogs';
};
function executionRole(t) {
    const execNode = (0,ast/* get */.Jt)(t.root, 'executionRoleArn');
    if (strOf(execNode))
        return;
    const why = needsSecrets(t)
        ? 'containers take "secrets" (or private registry credentials), which ECS fetches with the execution role'
        : t.fargate && t.mapped.size > 0
            ? 'Fargate pulls the built images from private ECR with the execution role'
            : t.fargate && t.containers.some(usesAwslogs)
                ? 'Fargate sends awslogs logs with the execution role'
                : undefined;
    if (why)
        t.add(execNode ?? t.root, 'error', 'taskdef/execution-role-missing', `no executionRoleArn, but ${why}: add "executionRoleArn": "arn:aws:iam::ACCOUNT:role/ecsTaskExecutionRole"`);
}

;// CONCATENATED MODULE: ./src/checks/taskdef/container-rules.ts
/**
 * Rules about one container definition. Each finding points at the member it is about, or at the
 * container itself (its name): never at the list of containers.
 */




/** Fargate log drivers (ECS Developer Guide, "Fargate task definitions": awslogs, splunk, awsfirelens). */
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];
function isImagePlaceholder(image) {
    if (image === undefined || image === null)
        return true;
    if (typeof image !== 'string')
        return false;
    const s = image.trim();
    return (s === '' ||
        /^<[^>]*>$/.test(s) ||
        /^\$\{[^}]*\}$/.test(s) ||
        /^\{\{[^}]*\}\}$/.test(s) ||
        /^__[A-Za-z0-9_]+__$/.test(s) ||
        /placeholder/i.test(s));
}
function containerName(k) {
    const { name, nameNode, c, containers, add } = k;
    if (!name) {
        add(nameNode ?? c, 'error', 'taskdef/missing-field', 'every container definition needs a "name"');
        return;
    }
    if (!NAME.test(name))
        add(nameNode, 'error', 'taskdef/invalid-name', `container name "${name}" may hold only letters, digits, "-" and "_" (up to 255)`);
    const first = containers.find((other) => strOf((0,ast/* get */.Jt)(other, 'name')) === name);
    if (first && first !== c) {
        const line = k.source.lines.position((0,ast/* get */.Jt)(first, 'name').range[0]).line;
        add(nameNode, 'error', 'taskdef/duplicate-container', `container name "${name}" is used twice (line ${line}): names must be unique`);
    }
}
/**
 * RegisterTaskDefinition requires `image` on every container (ECS API ContainerDefinition:
 * "image ... Required: Yes"). The deploy fills it in only for the containers the project maps.
 */
function containerImage(k) {
    const { c, service, name, label, isMapped, add } = k;
    const imageNode = (0,ast/* get */.Jt)(c, 'image');
    const image = scalarOf(imageNode);
    if (!service) {
        if (!imageNode || image === null || image === '') {
            add(imageNode ?? k.at, 'error', 'taskdef/image-missing', `${label} has no image, which RegisterTaskDefinition requires: add "image" (or map a built image to it in the project file's services.<name>.containers)`);
        }
        return;
    }
    const imageKey = name !== undefined ? service.containers[name] : undefined;
    if (isMapped && imageNode && !isImagePlaceholder(image)) {
        add(imageNode, 'notice', 'taskdef/image-replaced', `${label}'s image is replaced at deploy by the image built for "${imageKey}"; write a placeholder like "<${imageKey}>" to make that plain`);
    }
    else if (!isMapped && isImagePlaceholder(image)) {
        const hint = name
            ? (0,suggest/* didYouMean */.au)(name, [...k.mapped].filter((m) => !k.names.includes(m)))
            : '';
        const msg = imageNode && image !== null
            ? `${label} has the placeholder image "${String(image)}", but services.${service.key}.containers maps no image to it: map it (${name ?? 'NAME'}: IMAGE_KEY) or write a real image${hint}`
            : `${label} has no image and services.${service.key}.containers maps none to it: add "image" or map it${hint}`;
        add(imageNode ?? k.at, 'error', 'taskdef/image-missing', msg);
    }
}
function dependencies({ c, names, name, label, add }) {
    for (const d of mapsOf((0,ast/* get */.Jt)(c, 'dependsOn'))) {
        const dn = (0,ast/* get */.Jt)(d, 'containerName');
        const target = strOf(dn);
        if (!dn || target === undefined)
            continue;
        if (!names.includes(target)) {
            add(dn, 'error', 'taskdef/unknown-container', `dependsOn names container "${target}", which this task definition does not define${(0,suggest/* didYouMean */.au)(target, names)}`);
        }
        else if (target === name) {
            add(dn, 'error', 'taskdef/unknown-container', `${label} cannot depend on itself`);
        }
    }
    for (const v of mapsOf((0,ast/* get */.Jt)(c, 'volumesFrom'))) {
        const sc = (0,ast/* get */.Jt)(v, 'sourceContainer');
        const target = strOf(sc);
        if (sc && target !== undefined && !names.includes(target)) {
            add(sc, 'error', 'taskdef/unknown-container', `volumesFrom names container "${target}", which this task definition does not define${(0,suggest/* didYouMean */.au)(target, names)}`);
        }
    }
}
function mountedVolumes({ c, root, add }) {
    const volumeNames = mapsOf((0,ast/* get */.Jt)(root, 'volumes'))
        .map((v) => strOf((0,ast/* get */.Jt)(v, 'name')))
        .filter((n) => n !== undefined);
    for (const m of mapsOf((0,ast/* get */.Jt)(c, 'mountPoints'))) {
        const sv = (0,ast/* get */.Jt)(m, 'sourceVolume');
        const vol = strOf(sv);
        if (sv && vol !== undefined && !volumeNames.includes(vol)) {
            add(sv, 'error', 'taskdef/unknown-volume', `mountPoints names volume "${vol}", which "volumes" does not define${(0,suggest/* didYouMean */.au)(vol, volumeNames)}`);
        }
    }
}
/** Ports and links under awsvpc (ECS: "host ports and container ports in port mappings must match"). */
function awsvpcNetworking({ c, awsvpc, add }) {
    if (!awsvpc)
        return;
    for (const pm of mapsOf((0,ast/* get */.Jt)(c, 'portMappings'))) {
        const hp = (0,ast/* get */.Jt)(pm, 'hostPort');
        const cp = scalarOf((0,ast/* get */.Jt)(pm, 'containerPort'));
        const h = scalarOf(hp);
        if (hp && typeof h === 'number' && typeof cp === 'number' && h !== cp) {
            add(hp, 'error', 'taskdef/awsvpc-host-port', `with networkMode "awsvpc" hostPort must equal containerPort (${cp}) or be left out`);
        }
    }
    const links = (0,ast/* getPair */.xf)(c, 'links');
    if (links && (0,ast/* isSeq */.oP)(links.value) && links.value.items.length)
        add(links.key, 'error', 'taskdef/awsvpc-links', 'links are not supported with networkMode "awsvpc": containers of a task reach each other on localhost');
}
function containerSize({ c, mem, fargate, compat, label, add, at }) {
    for (const k of ['memory', 'memoryReservation']) {
        const n = (0,ast/* get */.Jt)(c, k);
        const v = scalarOf(n);
        if (n && typeof v === 'number' && mem !== undefined && v > mem) {
            add(n, 'error', 'taskdef/container-size', `${label}'s ${k} ${v} MiB is more than the task's memory ${mem} MiB`);
        }
    }
    if (!fargate &&
        mem === undefined &&
        !(0,ast/* getPair */.xf)(c, 'memory') &&
        !(0,ast/* getPair */.xf)(c, 'memoryReservation') &&
        compat.includes('EC2')) {
        add(at, 'error', 'taskdef/container-size', `${label} needs "memory" or "memoryReservation" when the task sets no memory`);
    }
}
function fargateContainerFeatures({ c, fargate, label, add }) {
    const privileged = (0,ast/* getPair */.xf)(c, 'privileged');
    if (fargate && privileged && scalarOf(privileged.value) === true) {
        add(privileged.key, 'error', 'taskdef/fargate-unsupported', `${label}: Fargate does not run privileged containers`);
    }
}
/**
 * Fargate waits at most 120 s between SIGTERM and SIGKILL (ECS API ContainerDefinition.stopTimeout:
 * "For tasks that use the Fargate launch type, the max stop timeout value is 120 seconds").
 */
function fargateStopTimeout({ c, fargate, label, add }) {
    const node = (0,ast/* get */.Jt)(c, 'stopTimeout');
    const v = scalarOf(node);
    if (fargate && node && typeof v === 'number' && v > 120) {
        add(node, 'warning', 'taskdef/stop-timeout', `${label}: Fargate waits at most 120 s before it kills the container, not ${v}: write 120 or less`);
    }
}
function logDriver({ c, fargate, add }) {
    const log = (0,ast/* get */.Jt)(c, 'logConfiguration');
    if (!fargate || !(0,ast/* isMap */.jh)(log))
        return;
    const driverNode = (0,ast/* get */.Jt)(log, 'logDriver');
    const driver = strOf(driverNode);
    if (driver !== undefined && driverNode && !FARGATE_LOG_DRIVERS.includes(driver)) {
        add(driverNode, 'error', 'taskdef/fargate-log-driver', `Fargate supports the log drivers ${FARGATE_LOG_DRIVERS.join(', ')}, not "${driver}"`);
    }
}
/** The container's log options and FireLens options (where an API key sometimes ends up). */
function optionMaps(c) {
    const log = (0,ast/* get */.Jt)(c, 'logConfiguration');
    const fl = (0,ast/* get */.Jt)(c, 'firelensConfiguration');
    return [
        { node: (0,ast/* isMap */.jh)(log) ? (0,ast/* get */.Jt)(log, 'options') : undefined, where: 'logConfiguration.options' },
        { node: (0,ast/* isMap */.jh)(fl) ? (0,ast/* get */.Jt)(fl, 'options') : undefined, where: 'firelensConfiguration.options' },
    ];
}

;// CONCATENATED MODULE: ./src/checks/taskdef/secret-ref.ts
/**
 * `secrets[].valueFrom` forms ECS accepts (ECS API `Secret` object; CONFIG-FACTS A2):
 * - an SSM parameter name (`apikey`) or path (`/datadog/apikey`), same Region as the task only;
 * - an SSM parameter ARN `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME` (`parameter/` then the name
 *   without its leading slash);
 * - a Secrets Manager ARN `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-6RANDOM`, optionally
 *   followed by `:json-key:version-stage:version-id` (all three fields, any may be empty:
 *   `...:secret:db-AbCdEf:password::`), which needs Fargate platform 1.4.0 or later.
 * SSM names: letters, digits, `_.-` and `/` between hierarchy levels, at most 15 levels.
 */

const SSM_NAME = /^\/?[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
function ssmNameProblem(name) {
    if (!SSM_NAME.test(name))
        return 'an SSM parameter name has only letters, digits, "_", ".", "-" and "/" between levels';
    if (name.includes('/') && !name.startsWith('/'))
        return `an SSM parameter path begins with "/": write "/${name}"`;
    if (name.split('/').filter(Boolean).length > 15)
        return 'an SSM parameter path has at most 15 levels';
    if (name.length > 1011)
        return 'an SSM parameter name is at most 1011 characters';
    return undefined;
}
const WELL_FORMED = 'it is not a well-formed ARN: write arn:aws:ssm:REGION:ACCOUNT:parameter/NAME or arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf';
/** An ARN `valueFrom`, of any partition (parsed by the SDK's ARN parser: ./arn.ts). */
function checkArnRef(value) {
    const arn = (0,taskdef_arn/* parseArn */.Lw)(value);
    if (!arn)
        return { ok: false, problem: WELL_FORMED };
    const where = { region: arn.region, account: arn.accountId };
    const located = arn.region !== '' && (0,taskdef_arn/* isAccountId */.JG)(arn.accountId);
    if (arn.service === 'ssm') {
        if (!located || !arn.resource.startsWith('parameter/'))
            return { ok: false, problem: WELL_FORMED };
        const name = arn.resource.slice('parameter/'.length);
        if (name.startsWith('/'))
            return {
                ok: false,
                problem: `the ARN has "parameter//": write "parameter/${name.replace(/^\/+/, '')}" (no slash of its own after "parameter/")`,
            };
        const p = ssmNameProblem(`/${name}`);
        if (p || name === '')
            return { ok: false, problem: p ?? 'the parameter name is missing after "parameter/"' };
        return { ok: true, kind: 'ssm-arn', ...where };
    }
    if (arn.service === 'secretsmanager') {
        if (!located || !arn.resource.startsWith('secret:'))
            return { ok: false, problem: WELL_FORMED };
        const [name = '', ...extra] = arn.resource.slice('secret:'.length).split(':');
        if (!/^[A-Za-z0-9/_+=.@-]+$/.test(name))
            return {
                ok: false,
                problem: 'the secret name after "secret:" is missing or has characters Secrets Manager does not allow',
            };
        if (extra.length !== 0 && extra.length !== 3) {
            const [key = '', stage = '', id = ''] = extra;
            return {
                ok: false,
                problem: `after the secret name ECS expects exactly ":json-key:version-stage:version-id" (empty fields allowed): write "...:secret:${name}:${key}:${stage}:${id}"`,
            };
        }
        return { ok: true, kind: 'secretsmanager-arn', ...where };
    }
    return {
        ok: false,
        problem: `ECS secrets come from SSM Parameter Store or Secrets Manager, not from "${arn.service}"`,
    };
}
function checkSecretRef(value) {
    if (value === '')
        return { ok: false, problem: 'it is empty' };
    if (value.trim() !== value)
        return { ok: false, problem: 'it has surrounding spaces' };
    if (value.startsWith('arn:'))
        return checkArnRef(value);
    const p = ssmNameProblem(value);
    if (p)
        return { ok: false, problem: `${p}; a Secrets Manager secret needs its full ARN` };
    return { ok: true, kind: 'ssm-name' };
}

;// CONCATENATED MODULE: ./src/checks/taskdef/secret-rules.ts
/**
 * Secrets of a container: `secrets` and log `secretOptions` must point at SSM or Secrets Manager,
 * and nothing secret may sit in plain `environment` values or option maps.
 */




/** A Datadog API key is 32 hex characters (CONFIG-FACTS part E: a secret in plain sight). */
const DD_KEY_VALUE = /^[0-9a-f]{32}$/i;
const SECRET_NAME = /(?:API_?KEY|APP_?KEY|PASSWORD|PASSWD|TOKEN|SECRET|SECRET_?KEY|ACCESS_?KEY|PRIVATE_?KEY)$/i;
/** Values that refer to a secret rather than hold one. */
const REFERENCE = /^(?:ENC\[.*\]|.*%%env_[A-Za-z0-9_]+%%.*|\$\{[^}]+\}|<[^>]*>)$/;
/**
 * A plain environment value that should have been a secret: the Datadog API key (by name, or a
 * 32-hex value: error) or a credential-like name with a literal value (warning). References such
 * as `ENC[...]` and `%%env_X%%` are not secrets.
 */
function plainSecretKind(name, value) {
    if (value === '' || REFERENCE.test(value))
        return undefined;
    if (name === 'DD_API_KEY' || DD_KEY_VALUE.test(value))
        return 'api-key';
    if (SECRET_NAME.test(name))
        return 'credential';
    return undefined;
}
function checkValueFrom(s, add) {
    const vNode = (0,ast/* get */.Jt)(s, 'valueFrom');
    const v = strOf(vNode);
    if (!vNode || v === undefined)
        return;
    const r = checkSecretRef(v);
    if (!r.ok)
        add(vNode, 'error', 'taskdef/secret-value-from', `secret ${strOf((0,ast/* get */.Jt)(s, 'name')) ?? ''} valueFrom is not usable: ${r.problem}`);
}
function secretRefs({ c, label, add }) {
    const log = (0,ast/* get */.Jt)(c, 'logConfiguration');
    for (const s of (0,ast/* isMap */.jh)(log) ? mapsOf((0,ast/* get */.Jt)(log, 'secretOptions')) : [])
        checkValueFrom(s, add);
    const seen = new Set();
    for (const s of mapsOf((0,ast/* get */.Jt)(c, 'secrets'))) {
        checkValueFrom(s, add);
        const nameNode = (0,ast/* get */.Jt)(s, 'name');
        const sn = strOf(nameNode);
        if (sn === undefined || !nameNode)
            continue;
        if (seen.has(sn))
            add(nameNode, 'warning', 'taskdef/duplicate-env', `${label} lists secret ${sn} twice: the container gets only one`);
        seen.add(sn);
    }
}
function plainEnvironment({ c, label, isMapped, service, add }) {
    const secretNames = new Set(mapsOf((0,ast/* get */.Jt)(c, 'secrets')).map((s) => strOf((0,ast/* get */.Jt)(s, 'name'))));
    const serviceSecrets = new Set(Object.keys(service?.secrets ?? {}));
    const envNames = new Set();
    for (const e of mapsOf((0,ast/* get */.Jt)(c, 'environment'))) {
        const nNode = (0,ast/* get */.Jt)(e, 'name');
        const en = strOf(nNode);
        if (en === undefined || !nNode)
            continue;
        if (envNames.has(en))
            add(nNode, 'warning', 'taskdef/duplicate-env', `${label} sets ${en} twice in "environment": the container gets only one value`);
        envNames.add(en);
        const fromService = isMapped && serviceSecrets.has(en);
        if (secretNames.has(en) || fromService) {
            add(nNode, 'error', 'taskdef/secret-and-environment', `${label} sets ${en} both as a plain "environment" value and as a secret${fromService ? ` (services.${service?.key}.secrets)` : ''}: remove the plain value`);
            continue;
        }
        const vNode = (0,ast/* get */.Jt)(e, 'value');
        const value = scalarOf(vNode);
        const kind = plainSecretKind(en, typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));
        if (kind === 'api-key') {
            add(vNode ?? nNode, 'error', 'taskdef/secret-in-environment', `${label}: ${en} holds ${en === 'DD_API_KEY' ? 'the Datadog API key' : 'what looks like a Datadog API key'} as a plain environment value; move it to "secrets" with valueFrom an SSM parameter (e.g. /datadog/apikey)`);
        }
        else if (kind === 'credential') {
            add(vNode ?? nNode, 'warning', 'taskdef/secret-like-environment', `${label}: ${en} looks like a credential set as a plain environment value; move it to "secrets"`);
        }
    }
}
/** Option maps (log drivers, FireLens) sometimes carry an API key: flag a literal one. */
function plainOptionSecrets({ c, label, add }) {
    for (const { node, where } of optionMaps(c)) {
        if (!(0,ast/* isMap */.jh)(node))
            continue;
        for (const p of node.pairs) {
            const k = (0,ast/* isScalar */.jn)(p.key) ? String(p.key.value) : '';
            const v = scalarOf(p.value);
            if (typeof v !== 'string' || v === '' || REFERENCE.test(v))
                continue;
            if (DD_KEY_VALUE.test(v) || /^(?:api_?key|apikey|dd_api_key)$/i.test(k)) {
                add(p.value, 'error', 'taskdef/secret-in-environment', `${label}'s ${where} hold ${k} as plain text: pass it through logConfiguration.secretOptions from SSM or Secrets Manager`);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/taskdef/rules.ts






const TASK_RULES = [
    familyName,
    compatibilities,
    fargateNetworkMode,
    taskSize,
    roles,
    fargateTaskFeatures,
    someContainer,
];
const CONTAINER_RULES = [
    containerName,
    containerImage,
    dependencies,
    mountedVolumes,
    awsvpcNetworking,
    containerSize,
    fargateContainerFeatures,
    fargateStopTimeout,
    logDriver,
    secretRefs,
    plainOptionSecrets,
    plainEnvironment,
];
/** Rules over all containers together, after each container's own. */
const SUMMARY_RULES = [someEssential, containerCpuSum, executionRole];
function checkRules(input) {
    const out = [];
    const t = taskContext(input, out);
    for (const rule of TASK_RULES)
        rule(t);
    for (const c of t.containers) {
        const k = containerContext(t, c);
        for (const rule of CONTAINER_RULES)
            rule(k);
    }
    for (const rule of SUMMARY_RULES)
        rule(t);
    return out;
}

// EXTERNAL MODULE: ./src/checks/credentials.ts
var credentials = __webpack_require__(7163);
;// CONCATENATED MODULE: ./src/checks/taskdef/secret-values.ts
/**
 * `taskdef/plain-credential`: credentials found by their value in a container's `environment`,
 * `command`, `entryPoint` and `healthCheck.command` (a URL with `user:password@`, a `--password=...` argument, a
 * credential-named variable that the name-only rules in rules.ts leave alone). Each becomes a
 * warning on the value's line and column that names the container, the variable or argument and
 * the fix, and never quotes the value: findings reach the log, annotations and the PR comment.
 *
 * The fix is `secrets`: ECS injects a secret as an environment variable from SSM or Secrets
 * Manager (ECS API `Secret`). An exec-form `command` gets no variable expansion (Docker reference,
 * "CMD": "the exec form does not invoke a command shell ... CMD [ "echo", "$HOME" ] will not do
 * variable substitution"), so an argument has to read it through a shell (`sh -c '... "$DB_PASSWORD"'`)
 * or the program's own environment variable.
 */




const CODE = 'taskdef/plain-credential';
const secret_values_mapsOf = (n) => ((0,ast/* isSeq */.oP)(n) ? n.items.filter(ast/* isMap */.jh) : []);
const secret_values_strOf = (n) => (0,ast/* isScalar */.jn)(n) && typeof n.value === 'string' ? n.value : undefined;
function checkSecretValues(input) {
    const out = [];
    const at = (node, message) => {
        out.push((0,checks_findings/* finding */.gk)(input.source.file, input.source.lines.position(node.range[0]), 'warning', CODE, message));
    };
    for (const c of secret_values_mapsOf((0,ast/* get */.Jt)(input.root, 'containerDefinitions'))) {
        const name = secret_values_strOf((0,ast/* get */.Jt)(c, 'name'));
        const label = name ? `container "${name}"` : 'a container';
        environmentWarnings(c, label, input.service, at);
        for (const field of ['command', 'entryPoint'])
            argumentWarnings((0,ast/* get */.Jt)(c, field), `${label} ${field}`, at);
        // `mysqladmin ping --password=...` is a common health check (ECS HealthCheck.command is an argv too).
        const health = (0,ast/* get */.Jt)(c, 'healthCheck');
        if ((0,ast/* isMap */.jh)(health))
            argumentWarnings((0,ast/* get */.Jt)(health, 'command'), `${label} healthCheck.command`, at);
    }
    return out;
}
/** Names that rules.ts already reports (the API key, credential-named values, a name both plain and secret). */
function reportedByName(c, service) {
    const secretNames = new Set(secret_values_mapsOf((0,ast/* get */.Jt)(c, 'secrets')).map((s) => secret_values_strOf((0,ast/* get */.Jt)(s, 'name'))));
    const serviceSecrets = new Set(Object.keys(service?.secrets ?? {}));
    return (name, value) => secretNames.has(name) || serviceSecrets.has(name) || plainSecretKind(name, value) !== undefined;
}
function environmentWarnings(c, label, service, at) {
    const reported = reportedByName(c, service);
    for (const e of secret_values_mapsOf((0,ast/* get */.Jt)(c, 'environment'))) {
        const name = secret_values_strOf((0,ast/* get */.Jt)(e, 'name'));
        const valueNode = (0,ast/* get */.Jt)(e, 'value');
        const value = secret_values_strOf(valueNode);
        if (name === undefined || value === undefined || !valueNode || reported(name, value))
            continue;
        const found = (0,credentials/* environmentCredential */.hL)(name, value);
        if (!found)
            continue;
        at(valueNode, `${label}: environment ${name} holds ${found.what} in plain text; move it to "secrets" ` +
            `({"name": "${name}", "valueFrom": an SSM parameter or Secrets Manager ARN}) and delete the plain value`);
    }
}
function argumentWarnings(node, where, at) {
    if (!(0,ast/* isSeq */.oP)(node))
        return;
    const args = node.items.map((n) => secret_values_strOf(n) ?? '');
    for (const found of (0,credentials/* argumentCredentials */.m_)(args)) {
        const arg = node.items[found.index];
        const what = found.kind === 'url-password' ? found.what : `a credential (${found.what})`;
        at(arg, `${where}[${found.index}] passes ${what} ` +
            'in plain text; move it to "secrets" as an environment variable and read that instead ' +
            '(through a shell, e.g. "sh", "-c", "exec app --password \\"$DB_PASSWORD\\"", or the program\'s own variable)');
    }
}

;// CONCATENATED MODULE: ./src/checks/taskdef/index.ts
/**
 * Task definition checker: public API. A template is JSON or YAML, a RegisterTaskDefinition
 * request or pasted `describe-task-definition` output (its read-only members noted). Findings use
 * codes `taskdef/*` (and `json/*`, `yaml/*` for syntax).
 */












/** Parse only: the plain task definition (describe output unwrapped), syntax findings, read-only members present. */
function parseTaskDefinition(source) {
    const parsed = parseTaskDefinitionTree(source);
    const taskDef = taskDefObject(parsed);
    return { ...(taskDef ? { taskDef } : {}), findings: parsed.findings, readOnlyFields: parsed.readOnlyFields };
}
/**
 * Everything about one task definition file. With `service`, the containers it maps get their
 * images (and its secrets/environment) at deploy, which changes what is missing and what clashes.
 */
function checkTaskDefinition(source, opts) {
    const parsed = parseTaskDefinitionTree(source);
    const findings = [...parsed.findings];
    const root = parsed.root;
    if (!root)
        return { findings };
    for (const p of root.pairs) {
        const k = (0,ast/* keyName */.xT)(p);
        if (schema/* READ_ONLY_FIELDS */.O6.includes(k)) {
            findings.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(p.key.range[0]), 'notice', 'taskdef/read-only-field', `"${k}" is describe-task-definition output that RegisterTaskDefinition rejects; the deploy drops it (you can delete it)`));
        }
    }
    for (const d of parsed.duplicates) {
        findings.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(d.dup.key.range[0]), 'warning', 'taskdef/duplicate-key', `"${d.key}" appears twice${d.path ? ` in ${d.path}` : ''} (first on line ${source.lines.position(d.first.key.range[0]).line}): the last one wins`));
    }
    (0,checks_findings/* appendAll */.u2)(findings, checkShape(source, root, schema/* TASK_DEFINITION */.ML, new Set(schema/* READ_ONLY_FIELDS */.O6)));
    (0,checks_findings/* appendAll */.u2)(findings, checkRules({ source, root, ...(opts.service ? { service: opts.service } : {}) }));
    (0,checks_findings/* appendAll */.u2)(findings, checkSecretValues({ source, root, ...(opts.service ? { service: opts.service } : {}) }));
    const taskDef = taskDefObject(parsed);
    return { findings, ...(taskDef ? { taskDef } : {}) };
}
/** The objects of a JSON array (anything else: none). */
const records = (v) => Array.isArray(v)
    ? v.filter((x) => typeof x === 'object' && x !== null && !Array.isArray(x))
    : [];
/**
 * The environment a container gets: its `environment` and `secrets` names, plus the project's
 * `secrets`/`environment` when the service maps an image to this container (the deploy renders
 * them there). `environmentFiles` make the set open: a missing name is then not certain.
 */
function containerEnv(taskDef, containerName, service) {
    const names = new Set();
    const secretNames = new Set();
    let open = false;
    const c = records(taskDef.containerDefinitions).find((d) => d.name === containerName);
    if (c) {
        for (const e of records(c.environment))
            if (typeof e.name === 'string')
                names.add(e.name);
        for (const s of records(c.secrets)) {
            if (typeof s.name === 'string') {
                names.add(s.name);
                secretNames.add(s.name);
            }
        }
        open = records(c.environmentFiles).length > 0;
    }
    if (service && containerName in service.containers) {
        for (const n of Object.keys(service.environment))
            names.add(n);
        for (const n of Object.keys(service.secrets)) {
            names.add(n);
            secretNames.add(n);
        }
    }
    const file = service?.taskDefinition ?? '';
    return {
        names,
        secretNames,
        open,
        where: `container "${containerName}"${file ? ` in ${file}` : ''}`,
        taskDefinitionFile: file,
    };
}


/***/ }),

/***/ 9279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ML: () => (/* binding */ TASK_DEFINITION),
/* harmony export */   O6: () => (/* binding */ READ_ONLY_FIELDS)
/* harmony export */ });
/* unused harmony exports NETWORK_MODES, COMPATIBILITIES, LOG_DRIVERS */
/**
 * The RegisterTaskDefinition request shape, from the SDK's own model (@aws-sdk/client-ecs 3.1164,
 * dist-types/models: RegisterTaskDefinitionRequest, ContainerDefinition and what they reference)
 * and the ECS API reference "RegisterTaskDefinition - Request Syntax". Enum values are the SDK's.
 * test/taskdef/sdk-drift.test.ts compares this table with the installed SDK's schemas, so an SDK
 * bump that adds a member or an enum value fails CI.
 */
const S = 'string';
const I = 'int';
const B = 'bool';
const list = (shape) => ({ list: shape });
const obj = (fields) => ({ obj: fields });
const oneOf = (...values) => ({ enum: values });
const req = (shape) => ({ shape, required: true });
const NETWORK_MODES = ['awsvpc', 'bridge', 'host', 'none'];
const COMPATIBILITIES = ['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES'];
const LOG_DRIVERS = ['awsfirelens', 'awslogs', 'fluentd', 'gelf', 'journald', 'json-file', 'splunk', 'syslog'];
const keyValue = obj({ name: S, value: S });
const secret = obj({ name: req(S), valueFrom: req(S) });
const containerDefinition = {
    name: S,
    image: S,
    repositoryCredentials: obj({ credentialsParameter: req(S) }),
    cpu: I,
    memory: I,
    memoryReservation: I,
    links: list(S),
    portMappings: list(obj({
        containerPort: I,
        hostPort: I,
        protocol: oneOf('tcp', 'udp'),
        name: S,
        appProtocol: oneOf('grpc', 'http', 'http2'),
        containerPortRange: S,
    })),
    essential: B,
    restartPolicy: obj({ enabled: req(B), ignoredExitCodes: list(I), restartAttemptPeriod: I }),
    entryPoint: list(S),
    command: list(S),
    environment: list(keyValue),
    environmentFiles: list(obj({ value: req(S), type: req(oneOf('s3')) })),
    mountPoints: list(obj({ sourceVolume: S, containerPath: S, readOnly: B })),
    volumesFrom: list(obj({ sourceContainer: S, readOnly: B })),
    linuxParameters: obj({
        capabilities: obj({ add: list(S), drop: list(S) }),
        devices: list(obj({ hostPath: req(S), containerPath: S, permissions: list(oneOf('mknod', 'read', 'write')) })),
        initProcessEnabled: B,
        sharedMemorySize: I,
        tmpfs: list(obj({ containerPath: req(S), size: req(I), mountOptions: list(S) })),
        maxSwap: I,
        swappiness: I,
    }),
    secrets: list(secret),
    dependsOn: list(obj({ containerName: req(S), condition: req(oneOf('COMPLETE', 'HEALTHY', 'START', 'SUCCESS')) })),
    startTimeout: I,
    stopTimeout: I,
    versionConsistency: oneOf('disabled', 'enabled'),
    hostname: S,
    user: S,
    workingDirectory: S,
    disableNetworking: B,
    privileged: B,
    readonlyRootFilesystem: B,
    dnsServers: list(S),
    dnsSearchDomains: list(S),
    extraHosts: list(obj({ hostname: req(S), ipAddress: req(S) })),
    dockerSecurityOptions: list(S),
    interactive: B,
    pseudoTerminal: B,
    dockerLabels: 'stringMap',
    ulimits: list(obj({
        name: req(oneOf('core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack')),
        softLimit: req(I),
        hardLimit: req(I),
    })),
    logConfiguration: obj({ logDriver: req(oneOf(...LOG_DRIVERS)), options: 'stringMap', secretOptions: list(secret) }),
    healthCheck: obj({ command: req(list(S)), interval: I, timeout: I, retries: I, startPeriod: I }),
    systemControls: list(obj({ namespace: S, value: S })),
    resourceRequirements: list(obj({
        value: S,
        type: req(oneOf('GPU', 'InferenceAccelerator', 'NeuronDevice')),
        // A union in the SDK: at most one member set.
        sharingStrategy: obj({ nvidiaMps: obj({ memory: req(I), maxComputePercent: I }) }),
    })),
    firelensConfiguration: obj({ type: req(oneOf('fluentbit', 'fluentd')), options: 'stringMap' }),
    credentialSpecs: list(S),
};
const volume = {
    name: S,
    host: obj({ sourcePath: S }),
    dockerVolumeConfiguration: obj({
        scope: oneOf('task', 'shared'),
        autoprovision: B,
        driver: S,
        driverOpts: 'stringMap',
        labels: 'stringMap',
    }),
    efsVolumeConfiguration: obj({
        fileSystemId: req(S),
        rootDirectory: S,
        transitEncryption: oneOf('ENABLED', 'DISABLED'),
        transitEncryptionPort: I,
        authorizationConfig: obj({ accessPointId: S, iam: oneOf('ENABLED', 'DISABLED') }),
    }),
    s3filesVolumeConfiguration: obj({
        fileSystemArn: req(S),
        rootDirectory: S,
        transitEncryptionPort: I,
        accessPointArn: S,
    }),
    fsxWindowsFileServerVolumeConfiguration: obj({
        fileSystemId: req(S),
        rootDirectory: req(S),
        authorizationConfig: req(obj({ credentialsParameter: req(S), domain: req(S) })),
    }),
    configuredAtLaunch: B,
};
/** RegisterTaskDefinitionRequest. */
const TASK_DEFINITION = {
    family: req(S),
    taskRoleArn: S,
    executionRoleArn: S,
    networkMode: oneOf(...NETWORK_MODES),
    containerDefinitions: req(list(obj(containerDefinition))),
    volumes: list(obj(volume)),
    placementConstraints: list(obj({ type: oneOf('memberOf'), expression: S })),
    requiresCompatibilities: list(oneOf(...COMPATIBILITIES)),
    // Task-level cpu and memory are strings in the API ("256", "1 vCPU", "2 GB").
    cpu: 'size',
    memory: 'size',
    tags: list(obj({ key: S, value: S })),
    pidMode: oneOf('host', 'task'),
    ipcMode: oneOf('host', 'none', 'task'),
    proxyConfiguration: obj({ type: oneOf('APPMESH'), containerName: req(S), properties: list(keyValue) }),
    inferenceAccelerators: list(obj({ deviceName: req(S), deviceType: req(S) })),
    ephemeralStorage: obj({ sizeInGiB: req(I) }),
    runtimePlatform: obj({
        cpuArchitecture: oneOf('ARM64', 'X86_64'),
        operatingSystemFamily: oneOf('LINUX', 'WINDOWS_SERVER_2004_CORE', 'WINDOWS_SERVER_2016_FULL', 'WINDOWS_SERVER_2019_CORE', 'WINDOWS_SERVER_2019_FULL', 'WINDOWS_SERVER_2022_CORE', 'WINDOWS_SERVER_2022_FULL', 'WINDOWS_SERVER_2025_CORE', 'WINDOWS_SERVER_2025_FULL', 'WINDOWS_SERVER_20H2_CORE'),
    }),
    enableFaultInjection: B,
};
/**
 * Members only DescribeTaskDefinition returns (the SDK's TaskDefinition minus the request):
 * RegisterTaskDefinition rejects them ("Unexpected key"); the deploy strips them.
 */
const READ_ONLY_FIELDS = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt',
];


/***/ }),

/***/ 6353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HO: () => (/* binding */ toJS),
/* harmony export */   Jt: () => (/* binding */ get),
/* harmony export */   P5: () => (/* binding */ setOwn),
/* harmony export */   go: () => (/* binding */ typeName),
/* harmony export */   jh: () => (/* binding */ isMap),
/* harmony export */   jn: () => (/* binding */ isScalar),
/* harmony export */   oP: () => (/* binding */ isSeq),
/* harmony export */   xT: () => (/* binding */ keyName),
/* harmony export */   xf: () => (/* binding */ getPair)
/* harmony export */ });
/**
 * The one YAML tree every checker walks: maps, sequences and already-resolved scalars, each with
 * its source range, so a finding can point at the exact key or value.
 */
function isMap(n) {
    return n?.kind === 'map';
}
function isSeq(n) {
    return n?.kind === 'seq';
}
function isScalar(n) {
    return n?.kind === 'scalar';
}
/** The key of a pair as a string, the way Go and Python map keys compare (`1` and `"1"` differ in type, not here). */
function keyName(pair) {
    return pair.key.kind === 'scalar' ? String(pair.key.value) : '<complex key>';
}
/** The last pair with this key (YAML loaders keep the last duplicate). */
function getPair(map, key) {
    for (let i = map.pairs.length - 1; i >= 0; i--) {
        const p = map.pairs[i];
        if (p.key.kind !== 'scalar')
            continue;
        const v = p.key.value;
        // Most keys are strings: compare them without building a new string per lookup.
        if (typeof v === 'string' ? v === key : String(v) === key)
            return p;
    }
    return undefined;
}
function get(map, key) {
    return getPair(map, key)?.value;
}
/** Set an own data property, even for a `__proto__` key (plain assignment would set the prototype). */
function setOwn(o, k, v) {
    if (k === '__proto__')
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    else
        o[k] = v;
}
/** Plain JavaScript value of a node (maps become objects; last duplicate wins). Bounded: aliases are shared, not copied. */
function toJS(node, depth = 0) {
    if (!node)
        return undefined;
    if (depth > 200)
        return undefined;
    switch (node.kind) {
        case 'scalar':
            return node.value;
        case 'seq':
            return node.items.map((n) => toJS(n, depth + 1));
        case 'map': {
            const o = {};
            for (const p of node.pairs)
                setOwn(o, keyName(p), toJS(p.value, depth + 1));
            return o;
        }
    }
}
function typeName(node) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    const v = node.value;
    if (v === null)
        return 'empty (null)';
    if (typeof v === 'boolean')
        return `the boolean ${v}`;
    if (typeof v === 'number')
        return `the number ${node.text}`;
    return `the string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
}


/***/ }),

/***/ 7112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yv: () => (/* binding */ loadYaml)
});

// UNUSED EXPORTS: MAX_DEPTH, loadYamlWithLibrary

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
;// CONCATENATED MODULE: ./src/checks/yaml/resolve.ts
const V2_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const V2_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const V2_INT = /^[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/;
const V2_FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;
function v2Int(s) {
    if (!V2_INT.test(s))
        return undefined;
    let t = s.replace(/_/g, '');
    let sign = 1;
    if (t[0] === '-' || t[0] === '+') {
        if (t[0] === '-')
            sign = -1;
        t = t.slice(1);
    }
    if (t === '')
        return undefined;
    let n;
    if (t.startsWith('0b'))
        n = parseInt(t.slice(2), 2);
    else if (t.startsWith('0x'))
        n = parseInt(t.slice(2), 16);
    else if (t.startsWith('0o'))
        n = parseInt(t.slice(2), 8);
    else if (t.length > 1 && t.startsWith('0'))
        n = parseInt(t.slice(1), 8);
    else
        n = parseInt(t, 10);
    return Number.isNaN(n) ? undefined : sign * n;
}
/**
 * First characters of every string resolveAgent turns into something other than itself: digits,
 * signs, `.` (.5, .inf, .nan), `_` (`_1` is 1), `~`, and the first letters of the null and
 * boolean words. Anything else is a string, decided without running the regular expressions
 * (test/yaml/resolve.test.ts checks the shortcut against the full path).
 */
const MAY_BE_TYPED = new Set([...'0123456789+-._~yYnNtTfFoO'].map((c) => c.charCodeAt(0)));
function resolveAgent(s) {
    if (s.length > 0 && !MAY_BE_TYPED.has(s.charCodeAt(0)))
        return s;
    return resolveAgentFull(s);
}
/** Exported for the test of the shortcut above. */
function resolveAgentFull(s) {
    if (NULLS.has(s))
        return null;
    if (V2_TRUE.has(s))
        return true;
    if (V2_FALSE.has(s))
        return false;
    const i = v2Int(s);
    if (i !== undefined)
        return i;
    if (/[0-9]/.test(s) && V2_FLOAT.test(s)) {
        const f = Number(s.replace(/_/g, ''));
        if (!Number.isNaN(f))
            return f; // 1.0 -> 1 in JS already, matching the agent's round trip
    }
    if (INF.test(s))
        return s.startsWith('-') ? -Infinity : Infinity;
    if (NAN.test(s))
        return NaN;
    return s;
}
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
function resolveCore(s) {
    if (NULLS.has(s))
        return null;
    if (s === 'true' || s === 'True' || s === 'TRUE')
        return true;
    if (s === 'false' || s === 'False' || s === 'FALSE')
        return false;
    if (CORE_INT.test(s))
        return parseInt(s, 10);
    if (CORE_OCT.test(s))
        return parseInt(s.slice(2), 8);
    if (CORE_HEX.test(s))
        return parseInt(s.slice(2), 16);
    if (CORE_FLOAT.test(s))
        return Number(s);
    if (INF.test(s))
        return s.startsWith('-') ? -Infinity : Infinity;
    if (NAN.test(s))
        return NaN;
    return s;
}
function resolvePlain(s, flavor) {
    return flavor === 'agent' ? resolveAgent(s) : resolveCore(s);
}

;// CONCATENATED MODULE: ./src/checks/yaml/fast-block.ts

/** Thrown inside the parser to fall back; never escapes fastLoadBlock. */
class Unsupported extends Error {
}
/** Characters the subset does not handle (tabs, CR, C0/C1 controls, line/paragraph separators, BOM). */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Directives and document markers: multi-document handling stays with the library. */
const DOC_MARKERS = /^(?:---|\.\.\.|%)/m;
/** The library rejects implicit keys longer than 1024 characters; stay well clear. */
const MAX_KEY = 1000;
/** Deeper configs are rare; the library path (with its own depth guard) handles them. */
const MAX_DEPTH = 64;
const SP = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const SQ = 0x27;
const DQ = 0x22;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
/** First characters a plain scalar may not start with here (indicators, or too subtle to replay). */
const BAD_PLAIN_START = new Set([...'[]{}#&*!|>\'"%@`,?:'].map((c) => c.charCodeAt(0)));
/** Characters that end or complicate a plain scalar inside a flow sequence. */
const BAD_FLOW_PLAIN = new Set([...'[]{}#:"\''].map((c) => c.charCodeAt(0)));
const ESCAPES = {
    '0': '\0',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    N: '\u0085',
    _: '\u00a0',
    L: '\u2028',
    P: '\u2029',
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
};
function fastLoadBlock(text, flavor) {
    if (UNSUPPORTED_CHARS.test(text) || DOC_MARKERS.test(text))
        return undefined;
    try {
        return new BlockParser(text, flavor).parse();
    }
    catch (err) {
        if (err instanceof Unsupported)
            return undefined;
        throw err;
    }
}
class BlockParser {
    text;
    flavor;
    starts = [];
    ends = [];
    /** Index of the first non-space character of each line (== end for blank lines). */
    firsts = [];
    count;
    /** The line the parser is looking at (always a content line, or `count`). */
    line = 0;
    duplicates = [];
    constructor(text, flavor) {
        this.text = text;
        this.flavor = flavor;
        let start = 0;
        const n = text.length;
        while (start <= n) {
            let nl = text.indexOf('\n', start);
            if (nl === -1)
                nl = n;
            let first = start;
            while (first < nl && text.charCodeAt(first) === SP)
                first++;
            this.starts.push(start);
            this.ends.push(nl);
            this.firsts.push(first);
            start = nl + 1;
        }
        this.count = this.starts.length;
    }
    parse() {
        this.line = this.nextContent(0);
        if (this.line >= this.count)
            return { root: null, duplicates: [] };
        const root = this.blockNode('', 0);
        if (this.line < this.count)
            throw new Unsupported();
        return { root, duplicates: this.duplicates };
    }
    /** First line at or after `from` with something other than spaces or a comment. */
    nextContent(from) {
        let i = from;
        while (i < this.count) {
            const f = this.firsts[i];
            if (f < this.ends[i] && this.text.charCodeAt(f) !== HASH)
                return i;
            i++;
        }
        return i;
    }
    indentOf(line) {
        return this.firsts[line] - this.starts[line];
    }
    /** `-` followed by a space or the end of the line, at position p. */
    isDashAt(p, end) {
        return this.text.charCodeAt(p) === DASH && (p + 1 === end || this.text.charCodeAt(p + 1) === SP);
    }
    isDashLine(line) {
        return this.isDashAt(this.firsts[line], this.ends[line]);
    }
    skipSpaces(p, end) {
        while (p < end && this.text.charCodeAt(p) === SP)
            p++;
        return p;
    }
    /** A block collection starting at the current line's first character. */
    blockNode(path, depth) {
        if (depth > MAX_DEPTH)
            throw new Unsupported();
        const line = this.line;
        const indent = this.indentOf(line);
        const first = this.firsts[line];
        if (this.isDashLine(line))
            return this.blockSeq(indent, path, depth);
        return this.blockMap(indent, first, path, depth);
    }
    blockSeq(indent, path, depth) {
        const items = [];
        const start = this.firsts[this.line];
        for (;;) {
            const line = this.line;
            const end = this.ends[line];
            const dash = this.firsts[line];
            const q = this.skipSpaces(dash + 1, end);
            const itemPath = `${path}[${items.length}]`;
            let item;
            if (q === end || this.text.charCodeAt(q) === HASH) {
                const next = this.nextContent(line + 1);
                if (next < this.count && this.indentOf(next) > indent) {
                    this.line = next;
                    item = this.blockNode(itemPath, depth + 1);
                }
                else {
                    item = this.nullScalar(q);
                    this.line = next;
                }
            }
            else if (this.isDashAt(q, end)) {
                throw new Unsupported(); // `- - x`: compact nested sequence
            }
            else if (this.keyEnd(q, end) !== undefined) {
                item = this.blockMap(q - this.starts[line], q, itemPath, depth + 1);
            }
            else {
                item = this.inlineValue(q, end);
                this.afterInline(line, indent);
            }
            items.push(item);
            if (this.line >= this.count)
                break;
            const ind = this.indentOf(this.line);
            if (ind > indent)
                throw new Unsupported();
            if (ind < indent || !this.isDashLine(this.line))
                break;
        }
        const last = items[items.length - 1];
        return { kind: 'seq', items, flow: false, range: [start, last.range[1]] };
    }
    blockMap(indent, firstKey, path, depth) {
        const map = { kind: 'map', pairs: [], flow: false, range: [firstKey, firstKey] };
        const seen = new Map();
        let keyPos = firstKey;
        for (;;) {
            const line = this.line;
            const end = this.ends[line];
            const colon = this.keyEnd(keyPos, end);
            if (colon === undefined)
                throw new Unsupported();
            const key = this.keyScalar(keyPos, colon);
            const keyStr = String(key.value);
            const childPath = path ? `${path}.${keyStr}` : keyStr;
            const q = this.skipSpaces(colon + 1, end);
            let value;
            if (q === end || this.text.charCodeAt(q) === HASH) {
                const next = this.nextContent(line + 1);
                if (next < this.count && this.indentOf(next) > indent) {
                    this.line = next;
                    value = this.blockNode(childPath, depth + 1);
                }
                else if (next < this.count && this.indentOf(next) === indent && this.isDashLine(next)) {
                    this.line = next;
                    value = this.blockSeq(indent, childPath, depth + 1);
                }
                else {
                    value = this.nullScalar(q);
                    this.line = next;
                }
            }
            else {
                value = this.inlineValue(q, end);
                this.afterInline(line, indent);
            }
            const pair = { key, value };
            const prev = seen.get(keyStr);
            if (prev)
                this.duplicates.push({ key: keyStr, map, path, first: prev, dup: pair });
            seen.set(keyStr, pair);
            map.pairs.push(pair);
            if (this.line >= this.count)
                break;
            const ind = this.indentOf(this.line);
            if (ind > indent)
                throw new Unsupported();
            if (ind < indent || this.isDashLine(this.line))
                break;
            keyPos = this.firsts[this.line];
        }
        map.range = [firstKey, map.pairs[map.pairs.length - 1].value.range[1]];
        return map;
    }
    /** After a value that fits on its line: the next content line may not be a continuation. */
    afterInline(line, indent) {
        const next = this.nextContent(line + 1);
        if (next < this.count && this.indentOf(next) > indent)
            throw new Unsupported();
        this.line = next;
    }
    /**
     * If an implicit key starts at p on this line, the position of its `:` (followed by a space or
     * the end of the line); undefined when the line holds no key. Throws on anything ambiguous.
     */
    keyEnd(p, end) {
        const t = this.text;
        const c = t.charCodeAt(p);
        if (c === DQ || c === SQ) {
            const close = c === DQ ? this.doubleEnd(p, end) : this.singleEnd(p, end);
            if (close === undefined || close - p > MAX_KEY)
                throw new Unsupported();
            if (close < end && t.charCodeAt(close) === COLON) {
                if (close + 1 === end || t.charCodeAt(close + 1) === SP)
                    return close;
                throw new Unsupported();
            }
            return undefined;
        }
        for (let i = p; i < end; i++) {
            const ch = t.charCodeAt(i);
            if (ch === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SP)) {
                if (i === p || i - p > MAX_KEY || t.charCodeAt(i - 1) === SP)
                    throw new Unsupported();
                this.checkPlainStart(p, end);
                return i;
            }
            if (ch === HASH && i > p && t.charCodeAt(i - 1) === SP)
                return undefined;
        }
        return undefined;
    }
    keyScalar(p, colon) {
        const c = this.text.charCodeAt(p);
        if (c === DQ)
            return this.doubleScalar(p, colon);
        if (c === SQ)
            return this.singleScalar(p, colon);
        return this.plainScalar(p, colon);
    }
    /** A value that starts at p and ends on this line (plain, quoted, or a flow sequence of scalars). */
    inlineValue(p, end) {
        const t = this.text;
        const c = t.charCodeAt(p);
        let node;
        let after;
        if (c === LBRACKET) {
            node = this.flowSeq(p, end);
            after = node.range[1];
        }
        else if (c === DQ || c === SQ) {
            const close = c === DQ ? this.doubleEnd(p, end) : this.singleEnd(p, end);
            if (close === undefined)
                throw new Unsupported();
            node = c === DQ ? this.doubleScalar(p, close) : this.singleScalar(p, close);
            after = close;
        }
        else {
            this.checkPlainStart(p, end);
            let stop = end;
            for (let i = p; i < end; i++) {
                const ch = t.charCodeAt(i);
                if (ch === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SP))
                    throw new Unsupported();
                if (ch === HASH && t.charCodeAt(i - 1) === SP) {
                    stop = i;
                    break;
                }
            }
            let e = stop;
            while (e > p && t.charCodeAt(e - 1) === SP)
                e--;
            return this.plainScalar(p, e);
        }
        // After a quoted scalar or a flow sequence: spaces, then a comment or the end of the line.
        const rest = this.skipSpaces(after, end);
        if (rest < end && !(t.charCodeAt(rest) === HASH && rest > after))
            throw new Unsupported();
        return node;
    }
    checkPlainStart(p, end) {
        const c = this.text.charCodeAt(p);
        if (BAD_PLAIN_START.has(c))
            throw new Unsupported();
        if (c === DASH) {
            // `-x` is a plain scalar; `- ` would be a sequence entry. Keep to the obvious cases.
            const n = p + 1 < end ? this.text.charCodeAt(p + 1) : SP;
            const ok = (n >= 0x30 && n <= 0x39) || (n >= 0x41 && n <= 0x5a) || (n >= 0x61 && n <= 0x7a) || n === 0x2e;
            if (!ok)
                throw new Unsupported();
        }
    }
    /** `[a, "b", 'c']` on one line; nested collections, pairs and comments inside fall back. */
    flowSeq(p, end) {
        const t = this.text;
        const items = [];
        let i = this.skipSpaces(p + 1, end);
        if (i < end && t.charCodeAt(i) === RBRACKET)
            return { kind: 'seq', items, flow: true, range: [p, i + 1] };
        for (;;) {
            if (i >= end)
                throw new Unsupported();
            const c = t.charCodeAt(i);
            let itemEnd;
            if (c === DQ || c === SQ) {
                const close = c === DQ ? this.doubleEnd(i, end) : this.singleEnd(i, end);
                if (close === undefined)
                    throw new Unsupported();
                items.push(c === DQ ? this.doubleScalar(i, close) : this.singleScalar(i, close));
                itemEnd = close;
            }
            else {
                if (BAD_FLOW_PLAIN.has(c) || BAD_PLAIN_START.has(c) || c === COMMA || c === DASH)
                    throw new Unsupported();
                let j = i;
                for (; j < end; j++) {
                    const ch = t.charCodeAt(j);
                    if (ch === COMMA || ch === RBRACKET)
                        break;
                    if (BAD_FLOW_PLAIN.has(ch))
                        throw new Unsupported();
                }
                let e = j;
                while (e > i && t.charCodeAt(e - 1) === SP)
                    e--;
                items.push(this.plainScalar(i, e));
                itemEnd = e;
            }
            i = this.skipSpaces(itemEnd, end);
            if (i >= end)
                throw new Unsupported();
            const sep = t.charCodeAt(i);
            if (sep === RBRACKET)
                return { kind: 'seq', items, flow: true, range: [p, i + 1] };
            if (sep !== COMMA)
                throw new Unsupported();
            i = this.skipSpaces(i + 1, end);
            if (i < end && (t.charCodeAt(i) === RBRACKET || t.charCodeAt(i) === COMMA))
                throw new Unsupported();
        }
    }
    /** Position just past the closing `'` of a one-line single-quoted scalar, or undefined. */
    singleEnd(p, end) {
        const t = this.text;
        for (let i = p + 1; i < end; i++) {
            if (t.charCodeAt(i) === SQ) {
                if (i + 1 < end && t.charCodeAt(i + 1) === SQ) {
                    i++;
                    continue;
                }
                return i + 1;
            }
        }
        return undefined;
    }
    /** Position just past the closing `"` of a one-line double-quoted scalar, or undefined. */
    doubleEnd(p, end) {
        const t = this.text;
        for (let i = p + 1; i < end; i++) {
            const c = t.charCodeAt(i);
            if (c === BACKSLASH) {
                if (i + 1 >= end)
                    return undefined; // escaped line break: multi-line
                i++;
                continue;
            }
            if (c === DQ)
                return i + 1;
        }
        return undefined;
    }
    plainScalar(start, end) {
        const text = this.text.slice(start, end);
        return this.scalar(text, resolvePlain(text, this.flavor), 'plain', start, end);
    }
    singleScalar(start, end) {
        const text = this.text.slice(start + 1, end - 1).replace(/''/g, "'");
        return this.scalar(text, text, 'single', start, end);
    }
    doubleScalar(start, end) {
        const raw = this.text.slice(start + 1, end - 1);
        let text = raw;
        if (raw.includes('\\')) {
            text = '';
            for (let i = 0; i < raw.length; i++) {
                const ch = raw[i];
                if (ch !== '\\') {
                    text += ch;
                    continue;
                }
                const next = raw[++i];
                const simple = ESCAPES[next];
                if (simple !== undefined)
                    text += simple;
                else if (next === 'x' || next === 'u' || next === 'U') {
                    const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                    const hex = raw.substr(i + 1, len);
                    if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex))
                        throw new Unsupported();
                    const code = parseInt(hex, 16);
                    if (code > 0x10ffff)
                        throw new Unsupported();
                    text += String.fromCodePoint(code);
                    i += len;
                }
                else
                    throw new Unsupported(); // the library reports an invalid escape
            }
        }
        return this.scalar(text, text, 'double', start, end);
    }
    scalar(text, value, style, start, end) {
        return { kind: 'scalar', value, style, text, range: [start, end] };
    }
    nullScalar(p) {
        return { kind: 'scalar', value: resolvePlain('', this.flavor), style: 'plain', text: '', range: [p, p] };
    }
}

;// CONCATENATED MODULE: ./src/checks/yaml/load.ts
/**
 * YAML text -> our tree (ast.ts) plus findings for what a YAML loader rejects or silently drops.
 * Parsing is the `yaml` library's (it keeps source ranges), with a fast path for plain block YAML
 * that builds the same tree (fast-block.ts); typing is ours (resolve.ts), because the agent does
 * not read YAML the way YAML 1.2 says.
 */




/** Deeper than this the tree is not built: such a file is junk or an attack, and recursion must stay bounded. */
const load_MAX_DEPTH = 500;
const STYLE = {
    PLAIN: 'plain',
    QUOTE_SINGLE: 'single',
    QUOTE_DOUBLE: 'double',
    BLOCK_LITERAL: 'literal',
    BLOCK_FOLDED: 'folded',
};
class TooDeep extends Error {
}
/** Nesting depth by brackets and indentation, without parsing: refuses 10,000-deep input before any recursion. */
function nestingTooDeep(text) {
    // Character codes rather than one-character strings: this runs over every byte of every file.
    let depth = 0;
    let quote = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (quote) {
            if (c === quote || c === 0x0a)
                quote = 0;
            continue;
        }
        if (c === 0x5b || c === 0x7b) {
            if (++depth > load_MAX_DEPTH)
                return i;
        }
        else if (c === 0x5d || c === 0x7d)
            depth = Math.max(0, depth - 1);
        else if (c === 0x22 || c === 0x27)
            quote = c;
        else if (c === 0x23) {
            const nl = text.indexOf('\n', i);
            if (nl === -1)
                break;
            i = nl;
        }
    }
    // Indentation: a block structure deeper than MAX_DEPTH levels needs at least that many columns.
    const m = new RegExp(`^ {${load_MAX_DEPTH * 2},}\\S`, 'm').exec(text);
    return m ? m.index : undefined;
}
function loadYaml(source, flavor) {
    const tooDeep = tooDeepFile(source);
    if (tooDeep)
        return tooDeep;
    // Most check configs are plain block YAML: read those directly (fast-block.ts), and everything
    // else, including every file with a syntax error, with the library.
    const fast = fastLoadBlock(source.text, flavor);
    if (fast)
        return { source, root: fast.root, findings: [], duplicates: fast.duplicates };
    return parseWithLibrary(source, flavor);
}
/**
 * The library path alone, without the fast path: what `loadYaml` must agree with
 * (test/yaml/fast-path.test.ts compares the two).
 */
function loadYamlWithLibrary(source, flavor) {
    return tooDeepFile(source) ?? parseWithLibrary(source, flavor);
}
function tooDeepFile(source) {
    const deepAt = nestingTooDeep(source.text);
    if (deepAt === undefined)
        return undefined;
    const f = (0,findings/* finding */.gk)(source.file, source.lines.position(deepAt), 'error', 'yaml/too-deep', `YAML nested more than ${load_MAX_DEPTH} levels deep: not a configuration file`);
    return { source, root: null, findings: [f], duplicates: [] };
}
function parseWithLibrary(source, flavor) {
    const out = { source, root: null, findings: [], duplicates: [] };
    let docs;
    try {
        const all = (0,dist/* parseAllDocuments */.hR)(source.text, {
            schema: 'failsafe',
            uniqueKeys: false,
            version: '1.1',
            prettyErrors: false,
            strict: false,
        });
        docs = Array.isArray(all) ? all : [];
    }
    catch (err) {
        // The library recurses per nesting level; `- - - - …` thousands deep on one line exhausts the stack.
        const deep = err instanceof RangeError;
        out.findings.push((0,findings/* finding */.gk)(source.file, { line: 1, column: 1 }, 'error', deep ? 'yaml/too-deep' : 'yaml/syntax', deep
            ? `YAML nested too deep to read: not a configuration file`
            : `YAML could not be parsed: ${err.message.split('\n')[0]}`));
        return out;
    }
    const doc = docs[0];
    if (!doc)
        return out;
    for (const e of doc.errors) {
        const msg = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'YAML syntax error';
        const deep = /call stack/i.test(msg);
        const code = e.code === 'TAB_AS_INDENT' ? 'yaml/tab-indent' : deep ? 'yaml/too-deep' : 'yaml/syntax';
        const text = e.code === 'TAB_AS_INDENT'
            ? 'tab used for indentation: YAML allows only spaces there'
            : deep
                ? 'YAML nested too deep to read: not a configuration file'
                : msg;
        out.findings.push((0,findings/* finding */.gk)(source.file, source.lines.position(e.pos[0]), 'error', code, text));
    }
    if (out.findings.length)
        return out;
    if (docs.length > 1) {
        const second = docs[1];
        out.findings.push((0,findings/* finding */.gk)(source.file, source.lines.position(second.range[0]), 'warning', 'yaml/multiple-documents', 'a second YAML document (after `---`) is ignored by the reader: only the first document counts'));
    }
    const st = { byName: new Map(), size: new Map(), literal: 0 };
    try {
        out.root = doc.contents ? convert(doc.contents, flavor, out, '', 0, st) : null;
    }
    catch (err) {
        if (!(err instanceof TooDeep))
            throw err;
        out.findings.push((0,findings/* finding */.gk)(source.file, { line: 1, column: 1 }, 'error', 'yaml/too-deep', `YAML nested more than ${load_MAX_DEPTH} levels deep: not a configuration file`));
        out.root = null;
        return out;
    }
    const bomb = aliasBomb(out.root, st);
    if (bomb) {
        const where = st.firstAlias ?? 0;
        out.findings.push((0,findings/* finding */.gk)(source.file, source.lines.position(where), 'error', 'yaml/alias-bomb', bomb));
        out.root = null;
        out.duplicates = [];
    }
    return out;
}
/**
 * Aliases are shared in our tree, never copied, so building it is linear; but a reader walking it
 * would visit each shared node once per path to it. go-yaml (which the agent decodes conf.d files
 * with, CONFIG-FACTS.md A0) refuses such a file since yaml.v2 2.2.8 (CVE-2019-11254, "document
 * contains excessive aliasing"): past 1,000 decoded nodes and 100 alias visits, no more than 99% of
 * the decoded nodes may come from aliases, down to 10% between 400,000 and 4,000,000 decoded nodes.
 * The same rule here, on sizes counted once per node, so the verdict costs no expansion.
 */
function aliasBomb(root, st) {
    if (!root || st.firstAlias === undefined)
        return undefined;
    if (st.cyclic)
        return 'an alias refers to the collection that contains it: the file expands without end';
    const total = st.size.get(root) ?? 0;
    const viaAliases = total - st.literal;
    if (!(viaAliases > 100 && total > 1000 && viaAliases / total > allowedAliasRatio(total)))
        return undefined;
    const shown = Number.isFinite(total) && total < 1e15 ? Math.round(total).toLocaleString('en-US') : 'more than 10^15';
    return (`YAML aliases expand this file to ${shown} nodes (from ${st.literal.toLocaleString('en-US')} written): ` +
        'a "billion laughs" file, which the agent\'s YAML reader refuses as excessive aliasing');
}
function allowedAliasRatio(decoded) {
    const low = 400_000;
    const high = 4_000_000;
    if (decoded <= low)
        return 0.99;
    if (decoded >= high)
        return 0.1;
    return 0.99 - 0.89 * ((decoded - low) / (high - low));
}
function rangeOf(n) {
    const r = n.range;
    return r ? [r[0], r[1]] : [0, 0];
}
function convert(node, flavor, out, path, depth, st) {
    if (depth > load_MAX_DEPTH)
        throw new TooDeep();
    if ((0,dist/* isAlias */.Vj)(node)) {
        st.firstAlias ??= rangeOf(node)[0];
        // By name, in document order: the library's own resolve() walks the whole document per alias.
        const known = st.byName.get(node.source);
        if (known) {
            const size = st.size.get(known);
            if (size === undefined)
                st.cyclic = true;
            return known;
        }
        return { kind: 'scalar', value: null, style: 'plain', text: '', range: rangeOf(node) };
    }
    st.literal++;
    let result;
    let size = 1;
    const anchor = (n) => {
        if (node.anchor)
            st.byName.set(node.anchor, n);
    };
    const child = (n, childPath) => {
        const c = convert(n, flavor, out, childPath, depth + 1, st);
        size += st.size.get(c) ?? 0;
        return c;
    };
    if ((0,dist/* isScalar */.jn)(node)) {
        const s = node;
        const text = typeof s.value === 'string' ? s.value : String(s.value ?? '');
        const style = STYLE[s.type ?? 'PLAIN'] ?? 'plain';
        const tag = s.tag;
        let value;
        if (style !== 'plain')
            value = text;
        else if (tag === 'tag:yaml.org,2002:str')
            value = text;
        else
            value = resolvePlain(text, flavor);
        result = { kind: 'scalar', value, style, text, range: rangeOf(s) };
    }
    else if ((0,dist/* isMap */.jh)(node)) {
        const map = { kind: 'map', pairs: [], flow: Boolean(node.flow), range: rangeOf(node) };
        anchor(map);
        const seen = new Map();
        for (const item of node.items) {
            if (!(0,dist/* isPair */.tO)(item))
                continue;
            const keyNode = item.key;
            const key = keyNode
                ? child(keyNode, path)
                : { kind: 'scalar', value: null, style: 'plain', text: '', range: [map.range[0], map.range[0]] };
            const keyStr = key.kind === 'scalar' ? String(key.value) : '';
            const childPath = path ? `${path}.${keyStr}` : keyStr;
            const valNode = item.value;
            const value = valNode
                ? child(valNode, childPath)
                : { kind: 'scalar', value: null, style: 'plain', text: '', range: [key.range[1], key.range[1]] };
            const pair = { key, value };
            if (key.kind === 'scalar') {
                const prev = seen.get(keyStr);
                if (prev)
                    out.duplicates.push({ key: keyStr, map, path, first: prev, dup: pair });
                seen.set(keyStr, pair);
            }
            map.pairs.push(pair);
        }
        if (!map.flow)
            endAtLastChild(map, map.pairs[map.pairs.length - 1]?.value);
        result = map;
    }
    else if ((0,dist/* isSeq */.oP)(node)) {
        const seq = { kind: 'seq', items: [], flow: Boolean(node.flow), range: rangeOf(node) };
        anchor(seq);
        node.items.forEach((item, i) => {
            if (item === null || item === undefined) {
                seq.items.push({ kind: 'scalar', value: null, style: 'plain', text: '', range: seq.range });
            }
            else {
                seq.items.push(child(item, `${path}[${i}]`));
            }
        });
        if (!seq.flow)
            endAtLastChild(seq, seq.items[seq.items.length - 1]);
        result = seq;
    }
    else {
        result = {
            kind: 'scalar',
            value: null,
            style: 'plain',
            text: '',
            range: rangeOf(node),
        };
    }
    anchor(result);
    st.size.set(result, size);
    return result;
}
/**
 * A block collection ends where its last value ends. The library's own end also swallows the
 * trailing comment and blank lines that follow (up to the next token), which says nothing about
 * the collection and would make the fast path (fast-block.ts) replay the library's comment
 * attribution rules to agree with it.
 */
function endAtLastChild(coll, last) {
    if (last)
        coll.range = [coll.range[0], last.range[1]];
}


/***/ }),

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PV: () => (/* binding */ DEFAULT_CONFIG)
/* harmony export */ });
/* unused harmony exports UsageError, CHECK_KINDS, USAGE, parseCommand, commandNames, commandUsage */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Command-line parsing with node:util parseArgs (no dependency): one typed structure per command,
 * usage errors as exceptions the entry turns into exit status 2.
 */


class UsageError extends (/* unused pure expression or super */ null && (Error)) {
}
const CHECK_KINDS = (/* unused pure expression or super */ null && (['http_check', 'mysql', 'fluentd', 'taskdef']));
/** What can fail a verification (src/verify/decide.ts FAIL_ON_CHOICES; kept here so parsing loads no verify code). */
const VERIFY_FAIL_ON = (/* unused pure expression or super */ null && (['not-reporting', 'not-arriving', 'down', 'uncovered']));
const DEFAULT_CONFIG = 'dd-ecs-monitor.yml';
const USAGE = (/* unused pure expression or super */ null && (`Usage: dd-ecs-monitor <command> [options]

Commands:
  init [DIR] [--dry-run] [--workflows] [--force]
      Write dd-ecs-monitor.yml for an existing repository (its Dockerfiles, task definitions,
      conf.d and Fluentd files), then validate it; --workflows also writes the starter workflow.
  validate [--config FILE] [--format text|json|sarif] [--fail-on error|warning]
      Check everything the project file references: the project file, Dockerfiles,
      http_check and mysql configs, Fluentd configs, task definitions.
  check FILE... [--kind http_check|mysql|fluentd|taskdef] [--format text|json|sarif] [--fail-on error|warning]
      Check standalone files; the kind is inferred from the path and content when not given.
  plan [--config FILE] [--offline] [--only SERVICE,...] [--base REV [--head REV]] [--format text|json] [--out DIR]
      Show what a deploy would do; --offline needs no AWS. With --base, images whose inputs
      changed since REV (up to --head, or the working tree) are marked as changed.
      --out DIR writes DIR/<service>.json: each task definition as RegisterTaskDefinition gets it.
  deploy [--config FILE] [--dry-run] [--force-new-deployment] [--rebuild] [--only SERVICE,...]
         [--base REV [--head REV]] [--no-rollback] [--wait-timeout SECONDS] [--poll-interval SECONDS]
         [--wait-for-other-deployments]
      Build and push changed images, register changed task definitions, update services,
      follow the rollout to COMPLETED (roll back on failure). Green only when every service's
      PRIMARY deployment runs the intended task definition, COMPLETED, at its desired count.
      Refuses while another deploy or deployment is under way, unless --wait-for-other-deployments.
      Then verify in Datadog when DD_API_KEY and DD_APP_KEY are set
      ([--no-verify] [--verify-timeout S] [--verify-fail-on LIST]).
  verify [--config FILE] [--all] [--since TIME] [--timeout S] [--poll-interval S] [--format text|json]
         [--fail-on not-reporting,not-arriving,down,uncovered|none]
      Ask Datadog (DD_API_KEY, DD_APP_KEY, DD_SITE) whether the sites, mysql checks and Fluentd
      logs the last commit changed (everything with --all) report, and which sites no monitor covers.

Options:
  --config FILE   the project file (default: ${DEFAULT_CONFIG})
  -h, --help      this help (COMMAND --help: that command's);  --version  the version

Exit status: 0 fine; 1 error findings or a failed deploy; 2 bad usage or an unreadable project file.`));
function format(v) {
    if (v === undefined || v === 'text' || v === 'json')
        return v ?? 'text';
    throw new UsageError(`--format must be text or json, not "${v}"`);
}
function findingsFormat(v) {
    if (v === 'sarif')
        return v;
    if (v === undefined || v === 'text' || v === 'json')
        return v ?? 'text';
    throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
}
function failOn(v) {
    if (v === undefined || v === 'error' || v === 'warning')
        return v ?? 'error';
    throw new UsageError(`--fail-on must be error or warning, not "${v}"`);
}
function list(v) {
    return v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
}
function seconds(name, v) {
    if (v === undefined)
        return undefined;
    if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0)
        throw new UsageError(`--${name} must be a positive number of seconds, not "${v}"`);
    return Number(v);
}
function revs(values) {
    const base = values.base;
    const head = values.head;
    if (head !== undefined && base === undefined)
        throw new UsageError('--head needs --base');
    for (const [name, v] of [
        ['base', base],
        ['head', head],
    ]) {
        // Revisions go to git as argv, never through a shell; still refuse what git would read as an option.
        if (v !== undefined && (v === '' || v.startsWith('-')))
            throw new UsageError(`--${name} must be a commit or branch name, not "${v}"`);
    }
    return { ...(base !== undefined ? { base } : {}), ...(head !== undefined ? { head } : {}) };
}
function outDir(v) {
    if (v === undefined)
        return {};
    if (v === '')
        throw new UsageError('--out must name a directory');
    return { out: v };
}
function verifyFailOn(name, v) {
    if (v === undefined)
        return undefined;
    if (v.trim() === 'none')
        return [];
    const items = list(v);
    const bad = items.find((x) => !VERIFY_FAIL_ON.includes(x));
    if (bad !== undefined || !items.length) {
        throw new UsageError(`--${name} takes ${VERIFY_FAIL_ON.join(', ')} (comma-separated) or none, not "${v}"`);
    }
    return items;
}
/** An ISO time (2026-12-06T10:00:00Z) or a duration ago (30s, 15m, 2h). */
function since(v, now = Date.now()) {
    if (v === undefined)
        return undefined;
    const ago = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(v);
    if (ago)
        return new Date(now - Number(ago[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[ago[2]]);
    const t = /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : NaN;
    if (Number.isNaN(t)) {
        throw new UsageError(`--since must be an ISO time (2026-12-06T10:00:00Z) or a duration ago (15m), not "${v}"`);
    }
    return new Date(t);
}
function parseCommand(argv) {
    const [cmd, ...rest] = argv;
    // A bare `dd-ecs-monitor` is a usage error (exit 2); asking for help is not.
    if (cmd === undefined)
        return { command: 'usage' };
    if (cmd === '-h' || cmd === '--help' || cmd === 'help')
        return { command: 'help', topic: rest[0] };
    if (cmd === '--version' || cmd === '-v')
        return { command: 'version' };
    const common = {
        config: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    };
    const parse = (options, positionals = false) => {
        try {
            return parseArgs({ args: [...rest], options, allowPositionals: positionals, strict: true });
        }
        catch (err) {
            const message = err.message.replace(/\. To specify a positional argument.*$/, '');
            throw new UsageError(`${cmd}: ${message}${optionHint(message, options)}`);
        }
    };
    switch (cmd) {
        case 'validate': {
            const { values } = parse({ ...common, 'fail-on': { type: 'string' } });
            if (values.help)
                return { command: 'help', topic: cmd };
            return {
                command: 'validate',
                config: values.config ?? DEFAULT_CONFIG,
                format: findingsFormat(values.format),
                failOn: failOn(values['fail-on']),
            };
        }
        case 'check': {
            const { values, positionals } = parse({ ...common, kind: { type: 'string' }, 'fail-on': { type: 'string' } }, true);
            if (values.help)
                return { command: 'help', topic: cmd };
            if (values.config !== undefined)
                throw new UsageError('check: --config is for validate/plan/deploy; check takes files');
            const kind = values.kind;
            if (kind !== undefined && !CHECK_KINDS.includes(kind)) {
                throw new UsageError(`check: --kind must be one of ${CHECK_KINDS.join(', ')}, not "${kind}"`);
            }
            if (positionals.length === 0)
                throw new UsageError('check: name at least one file');
            return {
                command: 'check',
                files: positionals,
                kind: kind,
                format: findingsFormat(values.format),
                failOn: failOn(values['fail-on']),
            };
        }
        case 'plan': {
            const { values } = parse({
                ...common,
                offline: { type: 'boolean' },
                only: { type: 'string' },
                base: { type: 'string' },
                head: { type: 'string' },
                out: { type: 'string' },
            });
            if (values.help)
                return { command: 'help', topic: cmd };
            return {
                command: 'plan',
                config: values.config ?? DEFAULT_CONFIG,
                offline: Boolean(values.offline),
                format: format(values.format),
                only: list(values.only),
                ...revs(values),
                ...outDir(values.out),
            };
        }
        case 'deploy': {
            const { values } = parse({
                config: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                'dry-run': { type: 'boolean' },
                'force-new-deployment': { type: 'boolean' },
                rebuild: { type: 'boolean' },
                only: { type: 'string' },
                'no-rollback': { type: 'boolean' },
                'wait-timeout': { type: 'string' },
                'poll-interval': { type: 'string' },
                'wait-for-other-deployments': { type: 'boolean' },
                base: { type: 'string' },
                head: { type: 'string' },
                'no-verify': { type: 'boolean' },
                'verify-timeout': { type: 'string' },
                'verify-fail-on': { type: 'string' },
            });
            if (values.help)
                return { command: 'help', topic: cmd };
            const verifyTimeoutSeconds = seconds('verify-timeout', values['verify-timeout']);
            const verifyFailOnList = verifyFailOn('verify-fail-on', values['verify-fail-on']);
            return {
                command: 'deploy',
                ...(values['no-verify'] ? { verify: false } : {}),
                ...(verifyTimeoutSeconds !== undefined ? { verifyTimeoutSeconds } : {}),
                ...(verifyFailOnList ? { verifyFailOn: verifyFailOnList } : {}),
                config: values.config ?? DEFAULT_CONFIG,
                dryRun: Boolean(values['dry-run']),
                forceNewDeployment: Boolean(values['force-new-deployment']),
                rebuild: Boolean(values.rebuild),
                only: list(values.only),
                ...revs(values),
                rollback: !values['no-rollback'],
                waitTimeoutSeconds: seconds('wait-timeout', values['wait-timeout']),
                pollIntervalSeconds: seconds('poll-interval', values['poll-interval']),
                waitForOtherDeployments: Boolean(values['wait-for-other-deployments']),
            };
        }
        case 'init': {
            const { values, positionals } = parse({
                help: { type: 'boolean', short: 'h' },
                'dry-run': { type: 'boolean' },
                workflows: { type: 'boolean' },
                force: { type: 'boolean' },
            }, true);
            if (values.help)
                return { command: 'help', topic: cmd };
            if (positionals.length > 1)
                throw new UsageError(`init: one directory at most, not ${positionals.length}`);
            return {
                command: 'init',
                dir: positionals[0] ?? '.',
                dryRun: Boolean(values['dry-run']),
                workflows: Boolean(values.workflows),
                force: Boolean(values.force),
            };
        }
        case 'verify':
            return parseVerify(parse({ ...common, ...VERIFY_OPTIONS }).values);
        default:
            throw new UsageError(`unknown command "${cmd}"${didYouMean(cmd, commandNames())}`);
    }
}
/** The commands USAGE lists (read from it, so a command added there is known here too). */
function commandNames() {
    return [...USAGE.matchAll(/^ {2}([a-z][a-z-]*)(?= |$)/gm)].map((m) => m[1]);
}
/** One command's part of USAGE (its synopsis lines and description), or undefined for an unknown command. */
function commandUsage(topic) {
    const lines = USAGE.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`  ${topic} `) || l === `  ${topic}`);
    if (start < 0)
        return undefined;
    let end = start + 1;
    while (end < lines.length && /^ {3,}\S/.test(lines[end]))
        end++;
    return [`Usage: dd-ecs-monitor ${lines[start].trim()}`, ...lines.slice(start + 1, end)].join('\n');
}
/** ` (did you mean "--dry-run"?)` for parseArgs' "Unknown option '--dry-rn'", else the empty string. */
function optionHint(message, options) {
    const m = /Unknown option '(--?[^'=]+)/.exec(message);
    if (!m)
        return '';
    const names = Object.keys(options).map((n) => `--${n}`);
    return didYouMean(m[1], names);
}
const VERIFY_OPTIONS = {
    all: { type: 'boolean' },
    since: { type: 'string' },
    timeout: { type: 'string' },
    'poll-interval': { type: 'string' },
    'fail-on': { type: 'string' },
};
function parseVerify(values) {
    if (values.help)
        return { command: 'help', topic: 'verify' };
    const str = (k) => values[k];
    const timeoutSeconds = seconds('timeout', str('timeout'));
    const pollIntervalSeconds = seconds('poll-interval', str('poll-interval'));
    const from = since(str('since'));
    const failOnList = verifyFailOn('fail-on', str('fail-on'));
    return {
        command: 'verify',
        config: str('config') ?? DEFAULT_CONFIG,
        all: Boolean(values.all),
        format: format(str('format')),
        ...(from ? { since: from } : {}),
        ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
        ...(pollIntervalSeconds !== undefined ? { pollIntervalSeconds } : {}),
        ...(failOnList ? { failOn: failOnList } : {}),
    };
}


/***/ }),

/***/ 9660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xv: () => (/* binding */ VERSION),
  c2: () => (/* binding */ printFindings)
});

// UNUSED EXPORTS: main

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/checks/agent/index.ts + 9 modules
var agent = __webpack_require__(6503);
// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
// EXTERNAL MODULE: ./src/checks/fluentd/index.ts + 22 modules
var fluentd = __webpack_require__(1589);
// EXTERNAL MODULE: ./src/checks/fs.ts
var fs = __webpack_require__(8566);
// EXTERNAL MODULE: ./src/checks/source.ts
var source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/checks/taskdef/index.ts + 11 modules
var taskdef = __webpack_require__(0);
;// CONCATENATED MODULE: ./src/checks/check-file.ts
/**
 * `check FILE...`: one standalone file, its kind given or inferred from the path and then the
 * content, dispatched to its checker. No project, no image, no task definition: cross-checks that
 * need them are skipped by the checkers themselves.
 */







/** Kind from the path alone, the way the agent and Fluentd images lay files out. */
function kindFromPath(file) {
    const p = file.split(path.sep).join('/').toLowerCase();
    if (/(^|\/)http_check\.d\/[^/]+$/.test(p) || /(^|\/)http_check\.ya?ml/.test(p))
        return 'http_check';
    if (/(^|\/)mysql\.d\/[^/]+$/.test(p) || /(^|\/)mysql\.ya?ml/.test(p))
        return 'mysql';
    if (/\.conf$/.test(p) || /(^|\/)fluent[^/]*\.conf/.test(p) || /(^|\/)td-agent[^/]*\.conf/.test(p))
        return 'fluentd';
    if (/(taskdef|task-?definition)[^/]*\.(json|ya?ml)$/.test(p))
        return 'taskdef';
    return undefined;
}
/** Kind from the content, when the path says nothing. */
function kindFromContent(source) {
    const t = source.text;
    if (/"containerDefinitions"\s*:/.test(t) || /^\s*containerDefinitions\s*:/m.test(t))
        return 'taskdef';
    if (looksLikeFluentd(t))
        return 'fluentd';
    return detectAgentKind(source);
}
function check_file_checkStandaloneFile(file, opts = {}) {
    const cwd = path.resolve(opts.cwd ?? process.cwd());
    const abs = path.resolve(cwd, file);
    // Includes resolve on disk, confined to the working directory (or the file's own folder when it
    // lies outside); every path is shown relative to the working directory, or absolute outside it.
    const fs = new DiskFs(isInside(cwd, abs) ? cwd : path.dirname(abs), cwd);
    const display = fs.display(abs);
    const decoded = readSource(display, abs);
    if (!decoded.ok)
        return { path: display, kind: opts.kind ?? kindFromPath(display) ?? 'unknown', findings: decoded.findings };
    const source = decoded.source;
    const kind = opts.kind ?? kindFromPath(display) ?? kindFromContent(source);
    switch (kind) {
        case 'http_check':
        case 'mysql':
            return { path: display, kind, findings: checkAgentFile(source, kind, {}).findings };
        case 'fluentd': {
            // The entry is already read: the loader gets it from here rather than from the disk again.
            const entryRead = {
                read: (f) => (f === abs ? decoded : fs.read(f)),
                glob: (p, from) => fs.glob(p, from),
                display: (f) => fs.display(f),
            };
            return { path: display, kind, findings: checkFluentd(abs, entryRead, {}).findings };
        }
        case 'taskdef':
            return { path: display, kind, findings: checkTaskDefinition(source, {}).findings };
        default:
            return {
                path: display,
                kind: 'unknown',
                findings: [
                    finding(display, { line: 1, column: 1 }, 'error', 'file/unknown-kind', 'cannot tell what kind of file this is: pass --kind http_check, mysql, fluentd or taskdef'),
                ],
            };
    }
}

// EXTERNAL MODULE: ./src/report/findings.ts
var report_findings = __webpack_require__(9334);
// EXTERNAL MODULE: ./src/report/sarif.ts
var sarif = __webpack_require__(5881);
// EXTERNAL MODULE: ./src/cli/no-project-file.ts
var no_project_file = __webpack_require__(7522);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The CLI's core: parse, run the command against the same core the action uses, print, and
 * return the exit status (0 fine, 1 findings or a failed deploy, 2 bad usage or an unreadable
 * project file). Nothing here throws to the entry: unexpected errors become one line and status 2.
 */







const defaultIo = {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    cwd: process.cwd(),
    env: process.env,
};
const VERSION = '1.0.0';
async function main(argv, io = defaultIo) {
    let cmd;
    try {
        cmd = parseCommand(argv);
    }
    catch (err) {
        if (err instanceof UsageError) {
            io.err(`dd-ecs-monitor: ${err.message}\nRun "dd-ecs-monitor --help" for usage.`);
            return 2;
        }
        throw err;
    }
    try {
        switch (cmd.command) {
            case 'help':
                return printHelp(cmd.topic, io);
            case 'usage':
                io.err(USAGE);
                return 2;
            case 'init': {
                const { runInit } = await __webpack_require__.e(/* import() */ 274).then(__webpack_require__.bind(__webpack_require__, 8274));
                return await runInit(cmd, io);
            }
            case 'version':
                io.out(VERSION);
                return 0;
            case 'check':
                return runCheck(cmd, io);
            case 'validate': {
                const { runValidate } = await __webpack_require__.e(/* import() */ 158).then(__webpack_require__.bind(__webpack_require__, 5158));
                return await runValidate(cmd, io);
            }
            case 'plan': {
                if (missingProjectFile(cmd.config, io))
                    return 2;
                const { runPlan } = await Promise.all(/* import() */[__webpack_require__.e(37), __webpack_require__.e(694), __webpack_require__.e(167)]).then(__webpack_require__.bind(__webpack_require__, 167));
                return await runPlan(cmd, io);
            }
            case 'deploy': {
                if (missingProjectFile(cmd.config, io))
                    return 2;
                const { runDeploy } = await Promise.all(/* import() */[__webpack_require__.e(37), __webpack_require__.e(694), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 5827));
                return await runDeploy(cmd, io);
            }
            case 'verify': {
                const { runVerify } = await Promise.all(/* import() */[__webpack_require__.e(313), __webpack_require__.e(71)]).then(__webpack_require__.bind(__webpack_require__, 3989));
                return await runVerify(cmd, io);
            }
        }
    }
    catch (err) {
        // A bad --only, a --base git does not have, an unusable project file: the user's input, status 2.
        // Matched by name: importing those modules here would load the deploy code on every `check`.
        if (err instanceof UsageError ||
            (err instanceof Error && (err.name === 'PlanError' || err.name === 'GitHistoryError'))) {
            io.err(`dd-ecs-monitor: ${err.message}`);
            return 2;
        }
        io.err(`dd-ecs-monitor: ${cmd.command} failed: ${err instanceof Error ? err.message : String(err)}`);
        // AWS or docker failing under plan or deploy is a failed run (1); anything else escaping validate/check is not the user's files (2).
        return cmd.command === 'deploy' || cmd.command === 'plan' || cmd.command === 'verify' ? 1 : 2;
    }
}
/** True (and the message printed) when the project file does not exist. */
function missingProjectFile(config, io) {
    const message = noProjectFileMessage(path.resolve(io.cwd, config), io.cwd);
    if (message)
        io.err(message);
    return message !== undefined;
}
/** `--help`, `help`, `COMMAND --help`, `help COMMAND`: the whole usage or one command's. */
function printHelp(topic, io) {
    if (topic === undefined) {
        io.out(USAGE);
        return 0;
    }
    const one = commandUsage(topic);
    if (one === undefined) {
        io.err(`dd-ecs-monitor: no command "${topic}"\n${USAGE}`);
        return 2;
    }
    io.out(one);
    return 0;
}
function runCheck(cmd, io) {
    const findings = [];
    const files = [];
    for (const file of cmd.files) {
        const r = checkStandaloneFile(file, { kind: cmd.kind, cwd: io.cwd });
        appendAll(findings, r.findings);
        files.push({ path: r.path, kind: r.kind });
    }
    printFindings(io, cmd.format, findings, files);
    return exitCodeFor(findings, cmd.failOn);
}
function printFindings(io, format, findings, files, rebaseFrom) {
    const shown = rebaseFrom ? (0,report_findings/* rebase */.RU)(findings, rebaseFrom, io.cwd) : [...findings];
    if (format === 'json') {
        io.out((0,report_findings/* formatJson */.IB)(shown, files));
        return;
    }
    if (format === 'sarif') {
        // Paths relative to the working directory: run from the repository root for code scanning.
        io.out((0,sarif/* formatSarif */.zK)(shown, { version: VERSION }));
        return;
    }
    const text = (0,report_findings/* formatText */.vX)(shown);
    if (text)
        io.out(text);
    // plan and deploy pass no file list: they print findings only when there are some.
    if (files.length || shown.length)
        io.err((0,report_findings/* summaryLine */.dC)(shown, files.length));
}


/***/ }),

/***/ 7522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ noProjectFileMessage)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The first thing a new user meets is often "no project file": say how to get one (`init`) and
 * where it is documented, instead of only "file not found".
 */


/** The message for a project file that does not exist, or undefined when it does. */
function noProjectFileMessage(configPath, cwd) {
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(configPath))
        return undefined;
    const shown = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(cwd, configPath) || configPath;
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(cwd, node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(configPath)) || '.';
    const initCmd = dir === '.' ? 'dd-ecs-monitor init' : `dd-ecs-monitor init ${dir}`;
    return [
        `dd-ecs-monitor: no project file ${shown}.`,
        `  Run "${initCmd}" to write one from this repository's Dockerfiles and task definitions,`,
        "  or pass --config FILE. The format is in dd-ecs-monitor's docs/project-file.md",
        '  (node_modules/dd-ecs-monitor/docs/project-file.md once installed).',
    ].join('\n');
}


/***/ }),

/***/ 2793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ watchEcsChanges),
/* harmony export */   qN: () => (/* binding */ formatPhases),
/* harmony export */   wM: () => (/* binding */ PhaseClock)
/* harmony export */ });
const MIDDLEWARE = 'ddEcsMonitorDeployPhases';
const CHANGES = new Set(['RegisterTaskDefinitionCommand', 'UpdateServiceCommand']);
class PhaseClock {
    now;
    marks = new Map();
    at = Date.now();
    constructor(now = Date.now) {
        this.now = now;
        this.at = now();
    }
    /** Ends the current phase as `phase`: the time since the previous mark. */
    mark(phase) {
        const t = this.now();
        this.add(phase, t - this.at);
        this.at = t;
    }
    /** Counts `ms` to `phase` and starts the next phase now. */
    add(phase, ms) {
        this.marks.set(phase, (this.marks.get(phase) ?? 0) + Math.max(0, ms));
        this.at = this.now();
    }
    seconds() {
        const s = (k) => Math.round((this.marks.get(k) ?? 0) / 100) / 10;
        return { validate: s('validate'), images: s('images'), register: s('register'), rollout: s('rollout') };
    }
}
/** Records when the last change call to ECS answered; `stop` removes the middleware. */
function watchEcsChanges(ecs, now = Date.now) {
    let last;
    const stack = ecs.middlewareStack;
    if (!stack)
        return { last: () => undefined, stop: () => undefined };
    stack.add((next, context) => async (args) => {
        const out = await next(args);
        if (CHANGES.has(String(context.commandName)))
            last = now();
        return out;
    }, { step: 'initialize', name: MIDDLEWARE, override: true });
    return { last: () => last, stop: () => void stack.remove(MIDDLEWARE) };
}
function formatPhases(p, bytesPushed) {
    const kb = bytesPushed === undefined ? '' : `; ${(bytesPushed / 1024).toFixed(1)} KB pushed by layer append`;
    return `validate ${p.validate} s, images ${p.images} s, register ${p.register} s, rollout ${p.rollout} s${kb}`;
}


/***/ }),

/***/ 7362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P5: () => (/* binding */ shortTaskDefinition),
/* harmony export */   Yx: () => (/* binding */ ssmParameterArn),
/* harmony export */   yi: () => (/* binding */ classifySecretRef)
/* harmony export */ });
/* unused harmony export partitionOf */
/* harmony import */ var _checks_taskdef_arn_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3869);
/**
 * ARNs the deploy builds or reads. ECS `secrets[].valueFrom` takes an SSM parameter name only in
 * the task's own Region, otherwise the parameter's full ARN; Secrets Manager always needs the full
 * ARN, optionally with `:json-key:version-stage:version-id` (CONFIG-FACTS A2, ECS `Secret` object).
 * So names are turned into full ARNs here and ARNs pass through untouched.
 */

/**
 * The ARN partition of a Region, by the Region-name patterns of the SDK's partitions table
 * (`partitions.json` of the endpoint resolver): China, GovCloud, the isolated Regions and the
 * European Sovereign Cloud; everything else is `aws`.
 */
const PARTITIONS = [
    [/^cn-/, 'aws-cn'],
    [/^us-gov-/, 'aws-us-gov'],
    [/^us-iso-/, 'aws-iso'],
    [/^us-isob-/, 'aws-iso-b'],
    [/^[a-z]{2}-isoe-/, 'aws-iso-e'],
    [/^[a-z]{2}-isof-/, 'aws-iso-f'],
    [/^eusc-/, 'aws-eusc'],
];
function partitionOf(region) {
    return PARTITIONS.find(([re]) => re.test(region))?.[1] ?? 'aws';
}
/** `/datadog/apikey` -> `arn:aws:ssm:<region>:<account>:parameter/datadog/apikey` (one slash, never two). */
function ssmParameterArn(name, region, accountId) {
    return `arn:${partitionOf(region)}:ssm:${region}:${accountId}:parameter/${name.replace(/^\//, '')}`;
}
// SSM parameter names: letters, digits, `_.-`, and `/` separating hierarchy levels.
const SSM_NAME = /^\/?[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
function classifySecretRef(value) {
    const v = value.trim();
    if (v !== value || v === '')
        return { kind: 'invalid', why: 'it is empty or has surrounding spaces' };
    if (v.startsWith('arn:')) {
        const arn = (0,_checks_taskdef_arn_js__WEBPACK_IMPORTED_MODULE_0__/* .parseArn */ .Lw)(v);
        if (!arn || !/^[a-z0-9-]+$/.test(arn.service))
            return { kind: 'invalid', why: 'it is not a well-formed ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)' };
        const { service: svc, region, accountId: account, resource } = arn;
        const located = region !== '' && (0,_checks_taskdef_arn_js__WEBPACK_IMPORTED_MODULE_0__/* .isAccountId */ .JG)(account);
        if (svc === 'ssm' && located && /^parameter\/./.test(resource))
            return { kind: 'ssm-arn', arn: v };
        if (svc === 'secretsmanager' && located && /^secret:./.test(resource))
            return { kind: 'secretsmanager-arn', arn: v };
        return {
            kind: 'invalid',
            why: `ECS secrets come from SSM parameters (arn:...:ssm:<region>:<account>:parameter/<name>) or Secrets Manager secrets (arn:...:secretsmanager:<region>:<account>:secret:<name>), not from an "${svc}" ARN`,
        };
    }
    if (v.length > 1011)
        return { kind: 'invalid', why: 'an SSM parameter name is at most 1011 characters' };
    if (!SSM_NAME.test(v))
        return { kind: 'invalid', why: 'an SSM parameter name has only letters, digits, "_", ".", "-" and "/"' };
    // A hierarchical SSM name is fully qualified; "a/b" is neither an SSM name nor a Secrets Manager ARN.
    if (v.includes('/') && !v.startsWith('/')) {
        return {
            kind: 'invalid',
            why: `an SSM parameter path begins with "/" (write "/${v}"); a Secrets Manager secret needs its full ARN`,
        };
    }
    return { kind: 'ssm-name', name: v };
}
/** `arn:aws:ecs:r:a:task-definition/fluentd:7` -> `fluentd:7`; anything else unchanged. */
function shortTaskDefinition(arnOrName) {
    const i = arnOrName.indexOf(':task-definition/');
    return i === -1 ? arnOrName : arnOrName.slice(i + ':task-definition/'.length);
}


/***/ }),

/***/ 3190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R3: () => (/* binding */ runProcess),
/* harmony export */   X4: () => (/* binding */ runChecked),
/* harmony export */   cI: () => (/* binding */ ExecError),
/* harmony export */   os: () => (/* binding */ tailLines)
/* harmony export */ });
/* unused harmony export mergeEnv */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2876);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5625);
/**
 * The process seam: the one module that starts processes. It wraps `@actions/exec`'s
 * `getExecOutput` with argv arrays only (never a shell string, so no quoting bugs and no
 * injection from file names or inputs), stdin for passwords (never argv, which `ps` shows),
 * an environment per call, captured stdout/stderr and the exit code. Commands that must
 * succeed go through `runChecked`, whose error names the step and quotes the last lines of
 * stderr, with secrets redacted.
 */


/** A process that could not be started or exited non-zero where success was required. */
class ExecError extends Error {
    command;
    args;
    exitCode;
    stderrTail;
    constructor(message, command, args, exitCode, stderrTail) {
        super(message);
        this.command = command;
        this.args = args;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
        this.name = 'ExecError';
    }
}
/** Exit code reported when the executable itself could not be started, as a shell would. */
const EXIT_NOT_STARTED = 127;
function mergeEnv(base, extra) {
    const out = {};
    for (const [k, v] of Object.entries(base))
        if (v !== undefined)
            out[k] = v;
    for (const [k, v] of Object.entries(extra ?? {})) {
        if (v === undefined)
            delete out[k];
        else
            out[k] = v;
    }
    return out;
}
/** The last `n` non-blank lines, trimmed: what an error message quotes from a tool's stderr. */
function tailLines(text, n = 5) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '')
        .slice(-n)
        .join('\n');
}
/** Runs a process to completion; a non-zero exit is a result, not an exception. */
const runProcess = async (command, args, opts = {}) => {
    const lineBuffers = { stdout: '', stderr: '' };
    const feed = (stream, data) => {
        if (!opts.onLine)
            return;
        const text = lineBuffers[stream] + data.toString('utf8');
        const lines = text.split(/\r?\n/);
        lineBuffers[stream] = lines.pop() ?? '';
        for (const l of lines)
            opts.onLine((0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(l, opts.secrets), stream);
    };
    try {
        const out = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(command, [...args], {
            cwd: opts.cwd,
            env: mergeEnv(process.env, opts.env),
            input: opts.stdin === undefined ? undefined : Buffer.from(opts.stdin, 'utf8'),
            // Output goes to the caller's Log (masked), never straight to the runner's stdout.
            silent: true,
            ignoreReturnCode: true,
            listeners: { stdout: (d) => feed('stdout', d), stderr: (d) => feed('stderr', d) },
        });
        for (const stream of ['stdout', 'stderr']) {
            if (opts.onLine && lineBuffers[stream])
                opts.onLine((0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(lineBuffers[stream], opts.secrets), stream);
        }
        return {
            exitCode: out.exitCode,
            stdout: (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(out.stdout, opts.secrets),
            stderr: (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(out.stderr, opts.secrets),
        };
    }
    catch (err) {
        // @actions/exec throws when the executable cannot be found or spawned.
        const message = err instanceof Error ? err.message : String(err);
        return { exitCode: EXIT_NOT_STARTED, stdout: '', stderr: (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(message, opts.secrets), notStarted: true };
    }
};
/** Runs a process that must succeed; otherwise throws an ExecError naming the step and quoting stderr. */
async function runChecked(exec, command, args, opts) {
    const res = await exec(command, args, opts);
    if (res.exitCode === 0)
        return res;
    // Docker prints some failures (a failing RUN's output) on stdout only; quote that when stderr is empty.
    const keep = (text) => opts.ignoreLine
        ? text
            .split(/\r?\n/)
            .filter((l) => !opts.ignoreLine?.(l))
            .join('\n')
        : text;
    const tail = (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(tailLines(keep(res.stderr)) || tailLines(keep(res.stdout)), opts.secrets);
    const detail = tail ? `: ${tail.split('\n').join(' | ')}` : '';
    const how = res.notStarted ? `could not run ${command}` : `exit code ${res.exitCode}`;
    throw new ExecError(`${opts.step} failed (${how})${detail}`, command, args, res.exitCode, tail);
}


/***/ }),

/***/ 1243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mD: () => (/* binding */ changedFilesFromGit),
/* harmony export */   xF: () => (/* binding */ headSha)
/* harmony export */ });
/* unused harmony export GitHistoryError */
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3190);
/**
 * Which files changed between two commits, from the local git history (through the process
 * seam). Paths come back relative to the project root, restricted to it (`--relative`), renames
 * counted on both sides (`--no-renames`), NUL-separated so no file name can break the list.
 */

/** `before` of a branch's first push, and what GitHub sends when there is no previous commit. */
const ZERO_SHA = /^0+$/;
class GitHistoryError extends Error {
    missing;
    constructor(message, missing) {
        super(message);
        this.missing = missing;
        this.name = 'GitHistoryError';
    }
}
const split0 = (s) => s.split('\0').filter(Boolean);
async function hasCommit(exec, root, rev) {
    const r = await exec('git', ['cat-file', '-e', `${rev}^{commit}`], { cwd: root });
    return r.exitCode === 0;
}
async function isGitWorkTree(root, exec = _exec_js__WEBPACK_IMPORTED_MODULE_0__/* .runProcess */ .R3) {
    const r = await exec('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root });
    return r.exitCode === 0 && r.stdout.trim() === 'true';
}
async function headSha(root, exec = _exec_js__WEBPACK_IMPORTED_MODULE_0__/* .runProcess */ .R3) {
    const r = await exec('git', ['rev-parse', 'HEAD'], { cwd: root });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
}
async function changedFilesFromGit(opts) {
    const exec = opts.exec ?? _exec_js__WEBPACK_IMPORTED_MODULE_0__/* .runProcess */ .R3;
    const { root } = opts;
    if (!opts.base || ZERO_SHA.test(opts.base)) {
        return {
            kind: 'all',
            reason: opts.base ? 'first push of this branch (no previous commit)' : 'no base commit to compare with',
        };
    }
    if (!(await isGitWorkTree(root, exec))) {
        return { kind: 'all', reason: `${root} is not in a git work tree` };
    }
    for (const rev of [opts.base, opts.head].filter((r) => Boolean(r))) {
        if (!(await hasCommit(exec, root, rev))) {
            throw new GitHistoryError(`commit ${rev} is not in the local git history (a shallow checkout?): check out with fetch-depth: 0, or fetch it (git fetch --depth=1 origin ${rev})`, rev);
        }
    }
    const files = new Set();
    if (opts.head) {
        const range = opts.mode === 'direct' ? [opts.base, opts.head] : [`${opts.base}...${opts.head}`];
        const r = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .runChecked */ .X4)(exec, 'git', ['diff', '--name-only', '--no-renames', '--relative', '-z', ...range, '--'], { cwd: root, step: 'git diff' });
        for (const f of split0(r.stdout))
            files.add(f);
    }
    else {
        const r = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .runChecked */ .X4)(exec, 'git', ['diff', '--name-only', '--no-renames', '--relative', '-z', opts.base, '--'], { cwd: root, step: 'git diff' });
        for (const f of split0(r.stdout))
            files.add(f);
        const u = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .runChecked */ .X4)(exec, 'git', ['ls-files', '--others', '--exclude-standard', '-z', '--', '.'], {
            cwd: root,
            step: 'git ls-files',
        });
        for (const f of split0(u.stdout))
            files.add(f);
    }
    opts.log?.debug(`git: ${files.size} files changed between ${opts.base} and ${opts.head ?? 'the working tree'}`);
    return { kind: 'files', files: [...files].sort(), base: opts.base, head: opts.head ?? 'working tree' };
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   VM: () => (/* binding */ streamLog)
/* harmony export */ });
/* unused harmony export memoryLog */
/** Every occurrence of each secret replaced by `***`. */
function redact(text, secrets) {
    let out = text;
    for (const s of secrets ?? [])
        if (s)
            out = out.split(s).join('***');
    return out;
}
/** A Log that writes to a stream and redacts masked values itself. */
function streamLog(write, verbose = false) {
    const secrets = [];
    return {
        info: (m) => write(redact(m, secrets)),
        warning: (m) => write(redact(`warning: ${m}`, secrets)),
        debug: (m) => {
            if (verbose)
                write(redact(`debug: ${m}`, secrets));
        },
        mask: (s) => {
            if (s.length >= 4 && !secrets.includes(s))
                secrets.push(s);
        },
    };
}
/** Collects lines; for tests. */
function memoryLog() {
    const lines = [];
    const log = streamLog((l) => lines.push(l), true);
    return Object.assign(log, { lines });
}


/***/ }),

/***/ 1853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BQ: () => (/* binding */ imageFiles),
/* harmony export */   D1: () => (/* binding */ contextInputs),
/* harmony export */   V3: () => (/* binding */ copySourceFindings),
/* harmony export */   w8: () => (/* binding */ copyTargets)
/* harmony export */ });
/* unused harmony export neededStages */
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(671);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1270);
/**
 * COPY/ADD sources against the build context listing, the way Docker expands them: a file copies
 * to `dest` (or into it when `dest` is a directory), a directory copies its *contents*, a wildcard
 * matches files and directories with `*` never crossing `/`. From that: the context files a build
 * reads (for content hashes) and the image path of every repo file the final stage contains.
 */



function listing(files) {
    const dirs = new Set();
    for (const f of files) {
        for (let i = f.indexOf('/'); i !== -1; i = f.indexOf('/', i + 1))
            dirs.add(f.slice(0, i));
    }
    return { files, fileSet: new Set(files), dirs };
}
/** What one source names in a listing. */
function matchSource(source, l) {
    if (source === '.')
        return [{ path: '.', dir: true }];
    if (!(0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .hasWildcard */ .rl)(source)) {
        if (l.fileSet.has(source))
            return [{ path: source, dir: false }];
        if (l.dirs.has(source))
            return [{ path: source, dir: true }];
        return [];
    }
    const re = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .patternToRegExp */ .rn)(source);
    if (!re)
        return [];
    const out = [];
    for (const d of l.dirs)
        if (re.test(d))
            out.push({ path: d, dir: true });
    for (const f of l.files)
        if (re.test(f))
            out.push({ path: f, dir: false });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/** Files a match copies, each with its path relative to what lands under `dest`. */
function filesOf(m, l) {
    if (!m.dir)
        return [{ file: m.path, rel: m.path.slice(m.path.lastIndexOf('/') + 1) }];
    if (m.path === '.')
        return l.files.map((f) => ({ file: f, rel: f }));
    const prefix = `${m.path}/`;
    return l.files.filter((f) => f.startsWith(prefix)).map((f) => ({ file: f, rel: f.slice(prefix.length) }));
}
/** `--exclude` patterns apply below the source (BuildKit passes them to the copy of that source). */
function excluded(f, rules) {
    return rules.length > 0 && ((0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .isIgnored */ .pi)(f.rel, rules) || (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .isIgnored */ .pi)(f.file, rules));
}
const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
/** Context-relative files (POSIX) the build reads over all stages' COPY/ADD from the context, sorted. */
function contextInputs(df, contextFiles) {
    const l = listing(contextFiles);
    const out = new Set();
    for (const stage of df.stages) {
        for (const copy of stage.copies) {
            if (copy.from !== undefined)
                continue;
            const rules = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIgnoreFile */ .a0)(copy.excludes.join('\n'));
            for (const src of copy.sources) {
                for (const m of matchSource(src, l))
                    for (const f of filesOf(m, l))
                        if (!excluded(f, rules))
                            out.add(f.file);
            }
        }
    }
    return [...out].sort();
}
/** Directories an image certainly has, so `COPY file /that/dir` copies into it rather than onto it. */
const STANDARD_DIRS = new Set([
    '/',
    '/bin',
    '/etc',
    '/home',
    '/lib',
    '/opt',
    '/root',
    '/run',
    '/sbin',
    '/srv',
    '/tmp',
    '/usr',
    '/usr/bin',
    '/usr/lib',
    '/usr/local',
    '/usr/local/bin',
    '/usr/local/etc',
    '/usr/local/lib',
    '/usr/sbin',
    '/usr/share',
    '/var',
    '/var/lib',
    '/var/log',
    '/var/tmp',
    // fluent/fluentd images
    '/fluentd',
    '/fluentd/etc',
    '/fluentd/log',
    '/fluentd/plugins',
    // datadog/agent images (every bundled check also has its conf.d/<check>.d directory)
    '/etc/datadog-agent',
    '/etc/datadog-agent/conf.d',
    '/etc/datadog-agent/checks.d',
]);
const AGENT_CHECK_DIR = /^\/etc\/datadog-agent\/conf\.d\/[^/]+\.d$/;
function isKnownDir(dir, files, stage) {
    if (STANDARD_DIRS.has(dir) || AGENT_CHECK_DIR.test(dir))
        return true;
    if (stage.mkdirs.some((m) => m === dir || m.startsWith(`${dir}/`)))
        return true;
    const prefix = `${dir}/`;
    for (const k of files.keys())
        if (k.startsWith(prefix))
            return true;
    return false;
}
const join = (dir, rel) => (dir === '/' ? `/${rel}` : `${dir}/${rel}`);
function applyCopy(copy, l, out, stage, sourceOf) {
    const rules = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIgnoreFile */ .a0)(copy.excludes.join('\n'));
    const matches = [];
    for (const src of copy.sources)
        (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .appendAll */ .u2)(matches, matchSource(src, l));
    const intoDir = copy.destDir || matches.length > 1 || copy.sources.length > 1 || isKnownDir(copy.dest, out.files, stage);
    for (const m of matches) {
        if (copy.add && !m.dir && ARCHIVE.test(m.path)) {
            out.complete = false; // ADD unpacks local archives: their contents are not known here
            continue;
        }
        for (const f of filesOf(m, l)) {
            if (excluded(f, rules))
                continue;
            let target;
            if (copy.parents)
                target = join(copy.dest, f.file);
            else if (m.dir)
                target = join(copy.dest, f.rel);
            else
                target = intoDir ? join(copy.dest, f.rel) : copy.dest;
            out.files.set(target, sourceOf(f.file));
        }
    }
}
function stageFiles(df, index, contextFiles, memo, depth = 0) {
    const cached = memo.get(index);
    if (cached)
        return cached;
    const stage = df.stages[index];
    const out = { files: new Map(), complete: true };
    if (!stage || depth > df.stages.length)
        return { files: new Map(), complete: false };
    memo.set(index, out); // a cycle sees the partial result instead of recursing forever
    if (stage.baseStage !== undefined) {
        const base = stageFiles(df, stage.baseStage, contextFiles, memo, depth + 1);
        for (const [k, v] of base.files)
            out.files.set(k, v);
        out.complete = base.complete;
    }
    for (const copy of stage.copies) {
        if (copy.urls.length || copy.heredocs.length)
            out.complete = false;
        if (copy.from === undefined) {
            applyCopy(copy, contextFiles, out, stage, (f) => f);
        }
        else if (copy.fromStage !== undefined && copy.fromStage !== index) {
            const other = stageFiles(df, copy.fromStage, contextFiles, memo, depth + 1);
            if (!other.complete)
                out.complete = false;
            // The other stage's files, as a listing rooted at `/`.
            const l = listing([...other.files.keys()].map((k) => k.slice(1)));
            applyCopy(copy, l, out, stage, (f) => other.files.get(`/${f}`));
            // Whatever a RUN produced in that stage is invisible here: a copy matching nothing we know is uncertain.
            if (!copy.sources.some((s) => matchSource(s, l).length > 0))
                out.complete = false;
        }
        else
            out.complete = false; // COPY --from an external image
    }
    return out;
}
/**
 * Image path -> context-relative source path for every file the final stage (or `target`)
 * contains from the build context. `complete` is false when something cannot be followed
 * statically (ADD of a URL or archive, COPY --from an image, heredoc files).
 */
function imageFiles(df, contextFiles, target) {
    if (df.stages.length === 0)
        return { files: new Map(), complete: false };
    let index = df.stages.length - 1;
    if (target !== undefined) {
        const t = df.stages.find((s) => s.name === target.toLowerCase());
        if (t)
            index = t.index;
    }
    const r = stageFiles(df, index, listing(contextFiles), new Map());
    return { files: new Map([...r.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), complete: r.complete };
}
/** Stages the build of `target` (default: the last stage) really needs: its FROM chain and COPY --from sources. */
function neededStages(df, target) {
    const need = new Set();
    let start = df.stages.length - 1;
    if (target !== undefined) {
        const t = df.stages.find((s) => s.name === target.toLowerCase());
        if (t)
            start = t.index;
    }
    const todo = start >= 0 ? [start] : [];
    while (todo.length) {
        const i = todo.pop();
        if (need.has(i))
            continue;
        need.add(i);
        const s = df.stages[i];
        if (!s)
            continue;
        if (s.baseStage !== undefined)
            todo.push(s.baseStage);
        for (const c of s.copies)
            if (c.fromStage !== undefined)
                todo.push(c.fromStage);
    }
    return need;
}
/**
 * COPY/ADD sources that match nothing in the context (the build fails: "not found"), or only files
 * `.dockerignore` excludes, and wildcards that match several files for a non-directory destination.
 * Only the stages the build needs are checked, as BuildKit does.
 */
function copySourceFindings(df, contextFiles, opts = {}) {
    const out = [];
    const l = listing(contextFiles);
    const ign = listing(opts.ignored ?? []);
    const where = opts.contextDir && opts.contextDir !== '.' ? `the build context "${opts.contextDir}"` : 'the build context';
    for (const i of [...neededStages(df, opts.target)].sort((a, b) => a - b)) {
        const stage = df.stages[i];
        for (const copy of stage.copies) {
            if (copy.from !== undefined)
                continue;
            let total = 0;
            copy.sources.forEach((src, k) => {
                const pos = copy.sourcePositions[k] ?? { line: copy.line, column: copy.column };
                const m = matchSource(src, l);
                total += m.length;
                if (m.length > 0)
                    return;
                if (src === '.' && contextFiles.length === 0)
                    return; // an empty context copies nothing, and Docker accepts it
                if (matchSource(src, ign).length > 0) {
                    out.push((0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)(df.file, pos, 'error', 'dockerfile/copy-source-ignored', `"${src}" is excluded by .dockerignore, so the build fails with "not found": remove it from .dockerignore or from this ${copy.add ? 'ADD' : 'COPY'}`));
                }
                else if ((0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .hasWildcard */ .rl)(src)) {
                    // BuildKit copies nothing (AllowEmptyWildcard); the classic builder fails ("No source files were specified").
                    out.push((0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)(df.file, pos, 'warning', 'dockerfile/copy-source-missing', `"${src}" matches no file in ${where}: BuildKit copies nothing and the classic builder fails ("no source files were specified")`));
                }
                else {
                    out.push((0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)(df.file, pos, 'error', 'dockerfile/copy-source-missing', `"${src}" is not in ${where}: the build fails with "not found"; paths are relative to the context, not to the Dockerfile`));
                }
            });
            if (total > 1 && copy.sources.length === 1 && !copy.destDir && (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .hasWildcard */ .rl)(copy.sources[0])) {
                const pos = copy.sourcePositions[0] ?? { line: copy.line, column: copy.column };
                out.push((0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)(df.file, pos, 'error', 'dockerfile/copy-dest-not-dir', `"${copy.sources[0]}" matches ${total} paths, so the destination must be a directory ending in "/": write "${copy.dest === '/' ? '/' : `${copy.dest}/`}"`));
            }
        }
    }
    return out;
}
/**
 * What one COPY of local files puts where: image path -> context-relative source, in the order
 * docker copies them, with the same rules as `imageFiles` (a directory copies its contents, a
 * file into a known directory or onto `dest`). `earlier` holds image paths already copied by the
 * stage, which make their directories known. Used by the layer append.
 */
function copyTargets(copy, contextFiles, stage, earlier = new Map()) {
    const written = new Map();
    const files = new Map(earlier);
    const set = files.set.bind(files);
    // Record what this COPY writes; the earlier paths only serve to make directories known.
    files.set = (k, v) => (written.set(k, v), set(k, v));
    applyCopy(copy, listing(contextFiles), { files, complete: true }, stage, (f) => f);
    return written;
}


/***/ }),

/***/ 2580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ lexDockerfile)
/* harmony export */ });
const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const HEREDOC_INSTRUCTIONS = new Set(['run', 'copy', 'add']);
function lexDockerfile(source) {
    const text = source.text;
    const result = { escape: '\\', directives: {}, instructions: [], problems: [] };
    // Physical lines with their start offsets.
    const lines = [];
    for (let start = 0; start <= text.length;) {
        const nl = text.indexOf('\n', start);
        const end = nl === -1 ? text.length : nl;
        lines.push({ text: text.slice(start, end).replace(/\r$/, ''), start });
        if (nl === -1)
            break;
        start = nl + 1;
    }
    let i = 0;
    // Parser directives: only before the first comment, blank line or instruction.
    for (; i < lines.length; i++) {
        const m = DIRECTIVE.exec(lines[i].text);
        if (!m)
            break;
        const key = m[1].toLowerCase();
        if (key in result.directives)
            break; // a repeated directive is a comment
        result.directives[key] = m[2];
    }
    const esc = result.directives.escape;
    if (esc === '`' || esc === '\\')
        result.escape = esc;
    const escape = result.escape;
    const continuation = new RegExp(`${escape === '\\' ? '\\\\' : '`'}[ \\t]*$`);
    while (i < lines.length) {
        const first = lines[i];
        const trimmed = first.text.trimStart();
        if (trimmed === '' || trimmed.startsWith('#')) {
            i++;
            continue;
        }
        // Accumulate the logical line.
        const segs = [];
        let logical = '';
        let lead = first.text.length - trimmed.length;
        for (;;) {
            const line = lines[i];
            const body = line.text.slice(lead);
            segs.push({ logical: logical.length, file: line.start + lead });
            i++;
            const cont = continuation.exec(body);
            if (!cont) {
                logical += body;
                break;
            }
            logical += body.slice(0, cont.index);
            // Skip comment and blank lines inside a continuation, as Docker does.
            while (i < lines.length) {
                const t = lines[i].text.trimStart();
                if (t === '' || t.startsWith('#'))
                    i++;
                else
                    break;
            }
            if (i >= lines.length)
                break;
            lead = 0;
        }
        const at = (off) => {
            let k = segs.length - 1;
            while (k > 0 && segs[k].logical > off)
                k--;
            const s = segs[k];
            return source.lines.position(s.file + (off - s.logical));
        };
        const km = /^(\S+)(\s*)/.exec(logical);
        const keyword = km ? km[1] : logical;
        const argsOffset = km ? km[0].length : logical.length;
        const args = logical.slice(argsOffset).trimEnd();
        const instr = { keyword, args, argsOffset, pos: at(0), heredocs: [], at };
        if (HEREDOC_INSTRUCTIONS.has(keyword.toLowerCase())) {
            HEREDOC.lastIndex = 0;
            const endLine = source.lines.position(segs[segs.length - 1].file).line;
            for (let m = HEREDOC.exec(args); m; m = HEREDOC.exec(args)) {
                const strip = m[1] === '-';
                const name = m[3];
                const bodyLines = [];
                let closed = false;
                while (i < lines.length) {
                    const raw = lines[i].text;
                    i++;
                    const cmp = strip ? raw.replace(/^\t+/, '') : raw;
                    if (cmp === name) {
                        closed = true;
                        break;
                    }
                    bodyLines.push(cmp);
                }
                instr.heredocs.push({ name, body: bodyLines.join('\n'), line: endLine, closed });
                if (!closed) {
                    result.problems.push({
                        pos: at(argsOffset + m.index),
                        code: 'dockerfile/unterminated-heredoc',
                        message: `heredoc <<${name} is never closed: end it with a line holding only ${name}`,
                    });
                }
            }
        }
        result.instructions.push(instr);
    }
    return result;
}


/***/ }),

/***/ 2552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D1: () => (/* reexport */ copy_expand/* contextInputs */.D1),
  V3: () => (/* reexport */ copy_expand/* copySourceFindings */.V3),
  BD: () => (/* binding */ finalStage),
  BQ: () => (/* reexport */ copy_expand/* imageFiles */.BQ),
  Zi: () => (/* binding */ installedGems),
  Ai: () => (/* binding */ parseDockerfile),
  dt: () => (/* binding */ parseJsonArray)
});

// UNUSED EXPORTS: stageChain

// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __webpack_require__(5111);
// EXTERNAL MODULE: ./src/project/dockerfile-lexer.ts
var dockerfile_lexer = __webpack_require__(2580);
// EXTERNAL MODULE: ./src/project/patterns.ts
var patterns = __webpack_require__(1270);
// EXTERNAL MODULE: ./src/project/shell-words.ts
var shell_words = __webpack_require__(719);
;// CONCATENATED MODULE: ./src/project/run-commands.ts
/**
 * Just enough shell reading for RUN lines: split into simple commands (`&&`, `||`, `;`, `|`,
 * newlines), drop `sudo`/`env`/assignments in front, and read `gem install` and `mkdir` argv.
 * Anything cleverer (`sh -c "..."`, `$(...)`) is not followed: callers treat the result as a
 * lower bound.
 */
const OPERATORS = ['&&', '||', ';', '|', '&', '\n', '(', ')'];
/** Shell-ish tokens; operators are their own tokens. Bounded: one pass over the text. */
function shellTokens(command) {
    const out = [];
    let cur = '';
    let has = false;
    const flush = () => {
        if (has)
            out.push(cur);
        cur = '';
        has = false;
    };
    for (let i = 0; i < command.length; i++) {
        const c = command[i];
        if (c === "'") {
            const end = command.indexOf("'", i + 1);
            const stop = end === -1 ? command.length : end;
            cur += command.slice(i + 1, stop);
            has = true;
            i = stop;
        }
        else if (c === '"') {
            let j = i + 1;
            for (; j < command.length && command[j] !== '"'; j++) {
                if (command[j] === '\\' && j + 1 < command.length)
                    j++;
                cur += command[j];
            }
            has = true;
            i = j;
        }
        else if (c === '\\' && i + 1 < command.length) {
            // Backslash-newline is a continuation; otherwise it escapes the next character.
            if (command[i + 1] !== '\n') {
                cur += command[i + 1];
                has = true;
            }
            i++;
        }
        else if (c === '#' && !has && (i === 0 || /\s/.test(command[i - 1]))) {
            const nl = command.indexOf('\n', i);
            i = (nl === -1 ? command.length : nl) - 1;
        }
        else if (c === '\n' || /[;&|()]/.test(c)) {
            flush();
            const two = command.slice(i, i + 2);
            if (two === '&&' || two === '||') {
                out.push(two);
                i++;
            }
            else
                out.push(c);
        }
        else if (/\s/.test(c))
            flush();
        else {
            cur += c;
            has = true;
        }
    }
    flush();
    return out;
}
/** argv of each simple command, with leading `sudo`, `env`, `exec` and `NAME=value` dropped. */
function simpleCommands(command) {
    const cmds = [];
    let argv = [];
    for (const t of shellTokens(command)) {
        if (OPERATORS.includes(t)) {
            if (argv.length)
                cmds.push(argv);
            argv = [];
        }
        else
            argv.push(t);
    }
    if (argv.length)
        cmds.push(argv);
    return cmds.map(stripPrefixes).filter((a) => a.length > 0);
}
function stripPrefixes(argv) {
    let k = 0;
    for (;;) {
        const t = argv[k];
        if (t === undefined)
            break;
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t))
            k++;
        else if (t === 'sudo' || t === 'env' || t === 'exec' || t === 'command' || t === 'time' || t === 'nice') {
            k++;
            while (argv[k]?.startsWith('-'))
                k += argv[k] === '-u' || argv[k] === '-g' ? 2 : 1;
        }
        else
            break;
    }
    return argv.slice(k);
}
const base = (p) => p.slice(p.lastIndexOf('/') + 1);
/** `gem install` options that take a separate value. */
const GEM_VALUE_OPTS = new Set([
    '-v',
    '--version',
    '-s',
    '--source',
    '-i',
    '--install-dir',
    '-n',
    '--bindir',
    '--platform',
    '-p',
    '--http-proxy',
    '--build-root',
    '-g',
    '--file',
    '-P',
    '--trust-policy',
    '--target-rbconfig',
]);
/** Gem names installed by `gem install` / `fluent-gem install` in a RUN command (`name:version` -> `name`). */
function gemsFromCommand(command) {
    const out = [];
    for (const argv of simpleCommands(command)) {
        const prog = base(argv[0]);
        if (prog !== 'gem' && prog !== 'fluent-gem')
            continue;
        if (argv[1] !== 'install' && argv[1] !== 'i')
            continue;
        for (let k = 2; k < argv.length; k++) {
            const a = argv[k];
            if (a === '--')
                break;
            if (a.startsWith('-')) {
                if (GEM_VALUE_OPTS.has(a))
                    k++;
                continue;
            }
            const name = a.split(':')[0];
            if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name))
                out.push(name);
        }
    }
    return out;
}
/** Directories a RUN command creates with `mkdir` (as written; relative ones are resolved by the caller). */
function mkdirsFromCommand(command) {
    const out = [];
    for (const argv of simpleCommands(command)) {
        if (base(argv[0]) !== 'mkdir')
            continue;
        for (let k = 1; k < argv.length; k++) {
            const a = argv[k];
            if (a === '-m' || a === '--mode')
                k++;
            else if (!a.startsWith('-') && !a.includes('$'))
                out.push(a);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/project/copy-expand.ts
var copy_expand = __webpack_require__(1853);
;// CONCATENATED MODULE: ./src/project/dockerfile.ts
/**
 * The Dockerfile model: stages, their COPY/ADD lines (where each repo file lands in the image),
 * RUN commands (which gems get installed), ENV, USER and WORKDIR. It is how `validate` learns that
 * `datadog/etc/.../http_check.d/conf.yaml` is an http_check config and that the Fluentd image has
 * fluent-plugin-datadog. Parsing never throws: what Docker would reject is a finding.
 */






const KNOWN = [
    'add',
    'arg',
    'cmd',
    'copy',
    'entrypoint',
    'env',
    'expose',
    'from',
    'healthcheck',
    'label',
    'maintainer',
    'onbuild',
    'run',
    'shell',
    'stopsignal',
    'user',
    'volume',
    'workdir',
];
const FLAGS = {
    from: ['platform'],
    copy: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
    add: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'parents'],
    run: ['mount', 'network', 'security', 'device'],
};
const BOOL_FLAGS = new Set(['link', 'parents', 'keep-git-dir']);
/** BuildKit: `^[a-z][a-z0-9-_.]*$` (instructions/parse.go validateStageName). */
const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;
const URL_SOURCE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;
class Parser {
    source;
    buildArgs;
    df;
    escape;
    globals = new Map();
    stage;
    scope = new Map();
    stageNames = new Map();
    stageLines = [];
    constructor(source, buildArgs) {
        this.source = source;
        this.buildArgs = buildArgs;
        const lexed = (0,dockerfile_lexer/* lexDockerfile */.e)(source);
        this.escape = lexed.escape;
        this.df = { file: source.file, stages: [], args: {}, findings: [], directives: lexed.directives };
        for (const p of lexed.problems)
            this.add(p.pos, 'error', p.code, p.message);
        for (const ins of lexed.instructions)
            this.instruction(ins);
        if (this.df.stages.length === 0) {
            this.add({ line: 1, column: 1 }, 'error', 'dockerfile/no-from', 'no FROM instruction: a Dockerfile needs at least one build stage');
        }
        for (const [k, v] of this.globals)
            this.df.args[k] = v;
    }
    add(pos, severity, code, message) {
        this.df.findings.push((0,findings/* finding */.gk)(this.source.file, pos, severity, code, message));
    }
    instruction(ins) {
        const kw = ins.keyword.toLowerCase();
        if (!KNOWN.includes(kw)) {
            const hint = (0,suggest/* closest */.kp)(kw, KNOWN);
            this.add(ins.pos, 'error', 'dockerfile/unknown-instruction', `unknown instruction ${ins.keyword}${hint ? ` (did you mean ${hint.toUpperCase()}?)` : ''}`);
            return;
        }
        if (kw === 'from')
            return this.from(ins);
        if (kw === 'arg')
            return this.arg(ins);
        if (!this.stage) {
            this.add(ins.pos, 'error', 'dockerfile/no-stage', `${kw.toUpperCase()} before the first FROM: only ARG may come before FROM`);
            return;
        }
        switch (kw) {
            case 'copy':
            case 'add':
                return this.copy(ins, this.stage, kw === 'add');
            case 'run':
                return this.run(ins, this.stage);
            case 'env':
                return this.env(ins, this.stage);
            case 'workdir':
                return this.workdir(ins, this.stage);
            case 'user': {
                const v = this.expand(ins.args.trim());
                if (v)
                    this.stage.user = v;
                else
                    this.missingArgs(ins, 'USER needs a user name or id');
                return;
            }
            default:
                return;
        }
    }
    missingArgs(ins, message) {
        this.add(ins.pos, 'error', 'dockerfile/missing-arguments', message);
    }
    expand(word, scope = this.scope) {
        return (0,shell_words/* expandWord */.V)(word, scope, this.escape).value;
    }
    /** Leading `--name[=value]` words. */
    flags(ins, kw, words) {
        const flags = [];
        let k = 0;
        for (; k < words.length; k++) {
            const w = words[k];
            if (!w.raw.startsWith('--'))
                break;
            const eq = w.raw.indexOf('=');
            const name = (eq === -1 ? w.raw.slice(2) : w.raw.slice(2, eq)).toLowerCase();
            const value = eq === -1 ? undefined : this.expand(w.raw.slice(eq + 1));
            const allowed = FLAGS[kw] ?? [];
            const pos = ins.at(ins.argsOffset + w.offset);
            if (!allowed.includes(name)) {
                this.add(pos, 'error', 'dockerfile/unknown-flag', `unknown flag --${name} for ${kw.toUpperCase()}${(0,suggest/* didYouMean */.au)(name, allowed)}`);
                continue;
            }
            if (value === undefined && !BOOL_FLAGS.has(name)) {
                this.add(pos, 'error', 'dockerfile/flag-value', `--${name} needs a value: write --${name}=VALUE`);
                continue;
            }
            flags.push({ name, value, word: w });
        }
        return { flags, rest: words.slice(k) };
    }
    from(ins) {
        const words = (0,shell_words/* splitWords */.y)(ins.args, this.escape, false);
        const { flags, rest } = this.flags(ins, 'from', words);
        const valid = rest.length === 1 || (rest.length === 3 && rest[1].raw.toLowerCase() === 'as');
        const index = this.df.stages.length;
        const stage = {
            index,
            baseImage: '',
            line: ins.pos.line,
            copies: [],
            runs: [],
            env: {},
            workdir: '/',
            workdirKnown: false,
            mkdirs: [],
        };
        if (!valid) {
            this.add(ins.pos, 'error', 'dockerfile/bad-from', 'FROM takes an image and an optional `AS name`: FROM image[:tag] [AS name]');
        }
        const imageWord = rest[0];
        if (imageWord) {
            const res = (0,shell_words/* expandWord */.V)(imageWord.raw, this.globals, this.escape);
            const pos = ins.at(ins.argsOffset + imageWord.offset);
            for (const name of res.undefinedNames) {
                this.add(pos, 'warning', 'dockerfile/undefined-arg', `FROM uses \${${name}}, which no ARG before the first FROM declares: declare ARG ${name}=default above it`);
            }
            stage.baseImage = res.value;
            if (res.value === '') {
                this.add(pos, 'error', 'dockerfile/empty-from', 'FROM image expands to an empty string: give the ARG a default or pass it as a build arg');
            }
        }
        const platform = flags.find((f) => f.name === 'platform')?.value;
        if (platform)
            stage.platform = platform;
        const nameWord = valid && rest.length === 3 ? rest[2] : undefined;
        if (nameWord) {
            const name = nameWord.raw.toLowerCase();
            const pos = ins.at(ins.argsOffset + nameWord.offset);
            if (!STAGE_NAME.test(name)) {
                this.add(pos, 'error', 'dockerfile/invalid-stage-name', `stage name "${nameWord.raw}" is invalid: start with a letter, then letters, digits, "-", "_" or "."`);
            }
            else if (this.stageNames.has(name)) {
                const prev = this.stageLines[this.stageNames.get(name)];
                this.add(pos, 'error', 'dockerfile/duplicate-stage', `stage name "${name}" is already used on line ${prev}: give each stage its own name`);
            }
            else {
                this.stageNames.set(name, index);
                stage.name = name;
            }
        }
        const base = this.stageNames.get(stage.baseImage.toLowerCase());
        if (base !== undefined && base !== index) {
            const parent = this.df.stages[base];
            stage.baseStage = base;
            stage.env = { ...parent.env };
            stage.workdir = parent.workdir;
            stage.workdirKnown = parent.workdirKnown;
            stage.mkdirs = [...parent.mkdirs];
            if (parent.user !== undefined)
                stage.user = parent.user;
        }
        this.df.stages.push(stage);
        this.stageLines.push(ins.pos.line);
        this.stage = stage;
        this.scope = new Map(Object.entries(stage.env));
    }
    arg(ins) {
        const words = (0,shell_words/* splitWords */.y)(ins.args, this.escape, true);
        if (words.length === 0)
            return this.missingArgs(ins, 'ARG needs a name: ARG NAME[=default]');
        for (const w of words) {
            const eq = w.raw.indexOf('=');
            const name = eq === -1 ? w.raw : w.raw.slice(0, eq);
            const scope = this.stage ? this.scope : this.globals;
            let value;
            if (name in this.buildArgs)
                value = this.buildArgs[name];
            else if (eq !== -1)
                value = this.expand(w.raw.slice(eq + 1), scope);
            else if (this.stage && this.globals.has(name))
                value = this.globals.get(name);
            if (this.stage) {
                // ENV wins over ARG of the same name.
                if (!(name in this.stage.env))
                    this.scope.set(name, value);
            }
            else
                this.globals.set(name, value);
        }
    }
    env(ins, stage) {
        const words = (0,shell_words/* splitWords */.y)(ins.args, this.escape, true);
        if (words.length === 0)
            return this.missingArgs(ins, 'ENV needs a name and a value: ENV NAME=value');
        const set = (name, raw) => {
            const v = this.expand(raw);
            stage.env[name] = v;
            this.scope.set(name, v);
        };
        if (!words[0].raw.includes('=')) {
            // Legacy form `ENV NAME value with spaces`.
            const first = words[0];
            set(first.raw, ins.args.slice(first.offset + first.raw.length).trim());
            return;
        }
        for (const w of words) {
            const eq = w.raw.indexOf('=');
            if (eq <= 0) {
                this.add(ins.at(ins.argsOffset + w.offset), 'error', 'dockerfile/bad-env', `ENV expects NAME=value pairs, found "${w.raw}"`);
                continue;
            }
            set(w.raw.slice(0, eq), w.raw.slice(eq + 1));
        }
    }
    workdir(ins, stage) {
        const v = this.expand(ins.args.trim());
        if (!v)
            return this.missingArgs(ins, 'WORKDIR needs a path');
        stage.workdir = (0,patterns/* cleanPath */.ts)(v.startsWith('/') ? v : `${stage.workdir}/${v}`);
        stage.workdirKnown = stage.workdirKnown || v.startsWith('/');
    }
    run(ins, stage) {
        const words = (0,shell_words/* splitWords */.y)(ins.args, this.escape, true);
        const { rest } = this.flags(ins, 'run', words);
        const start = rest[0] ? rest[0].offset : ins.args.length;
        let command = ins.args.slice(start);
        const json = parseJsonArray(command);
        if (json)
            command = json.join(' ');
        for (const h of ins.heredocs)
            command += `\n${h.body}`;
        stage.runs.push({ line: ins.pos.line, command });
        for (const d of mkdirsFromCommand(command))
            stage.mkdirs.push(d.startsWith('/') ? (0,patterns/* cleanPath */.ts)(d) : (0,patterns/* cleanPath */.ts)(`${stage.workdir}/${d}`));
    }
    copy(ins, stage, add) {
        const kw = add ? 'add' : 'copy';
        const words = (0,shell_words/* splitWords */.y)(ins.args, this.escape, false);
        const { flags, rest } = this.flags(ins, kw, words);
        const restText = rest[0] ? ins.args.slice(rest[0].offset) : '';
        let items;
        const json = parseJsonArray(restText);
        if (json) {
            const pos = ins.at(ins.argsOffset + rest[0].offset);
            items = json.map((raw) => ({ raw, pos }));
        }
        else {
            items = rest.map((w) => ({ raw: w.raw, pos: ins.at(ins.argsOffset + w.offset) }));
        }
        const KW = kw.toUpperCase();
        if (items.length < 2) {
            return this.missingArgs(ins, `${KW} needs at least one source and a destination: ${KW} SRC... DEST`);
        }
        const destItem = items[items.length - 1];
        const destRaw = this.expand(destItem.raw);
        const destDir = destRaw.endsWith('/') || destRaw === '.' || destRaw.endsWith('/.') || destRaw === '';
        if (!destRaw.startsWith('/') && !stage.workdirKnown && stage.baseStage === undefined) {
            this.add(destItem.pos, 'notice', 'dockerfile/relative-dest', `relative destination "${destRaw}" lands under the base image's WORKDIR, which this Dockerfile does not set: write an absolute path`);
        }
        const dest = (0,patterns/* cleanPath */.ts)(destRaw.startsWith('/') ? destRaw : `${stage.workdir}/${destRaw}`);
        const copy = {
            line: ins.pos.line,
            column: ins.pos.column,
            add,
            sources: [],
            sourcePositions: [],
            dest,
            destDir,
            parents: false,
            excludes: [],
            urls: [],
            heredocs: [],
        };
        for (const f of flags) {
            if (f.name === 'from' && f.value !== undefined)
                this.copyFrom(ins, stage, copy, f);
            else if (f.name === 'chown' && f.value !== undefined)
                copy.chown = f.value;
            else if (f.name === 'chmod' && f.value !== undefined)
                copy.chmod = f.value;
            else if (f.name === 'parents')
                copy.parents = f.value === undefined || f.value === 'true';
            else if (f.name === 'exclude' && f.value !== undefined)
                copy.excludes.push(f.value);
        }
        const heredocNames = new Set(ins.heredocs.map((h) => h.name));
        const srcItems = items.slice(0, -1);
        for (const item of srcItems) {
            const hd = /^<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1$/.exec(item.raw);
            if (hd && heredocNames.has(hd[2])) {
                copy.heredocs.push(hd[2]);
                continue;
            }
            const raw = this.expand(item.raw);
            if (URL_SOURCE.test(raw) && copy.from === undefined) {
                if (add)
                    copy.urls.push(raw);
                else
                    this.add(item.pos, 'error', 'dockerfile/copy-url', `COPY cannot fetch "${raw}": use ADD for URLs, or download in a RUN step`);
                continue;
            }
            // Absolute sources are relative to the context root (or the other stage's root for --from).
            const rooted = raw.startsWith('/') || copy.from !== undefined;
            const cleaned = rooted ? (0,patterns/* cleanPath */.ts)(`/${raw}`).slice(1) || '.' : (0,patterns/* cleanPath */.ts)(raw || '.');
            if (cleaned === '..' || cleaned.startsWith('../')) {
                this.add(item.pos, 'error', 'dockerfile/source-outside-context', `source "${raw}" is outside the build context: move the file into the context or widen the image's context`);
                continue;
            }
            copy.sources.push(cleaned);
            copy.sourcePositions.push(item.pos);
        }
        if (srcItems.length > 1 && !destDir) {
            this.add(destItem.pos, 'error', 'dockerfile/copy-dest-not-dir', `${KW} with more than one source needs a directory destination ending in "/": write "${destRaw}/"`);
        }
        stage.copies.push(copy);
    }
    copyFrom(ins, stage, copy, f) {
        const from = f.value;
        copy.from = from;
        const pos = ins.at(ins.argsOffset + f.word.offset);
        const lower = from.toLowerCase();
        let target;
        if (/^\d+$/.test(from)) {
            target = Number(from);
            if (target >= this.df.stages.length) {
                this.add(pos, 'error', 'dockerfile/copy-from-unknown-stage', `--from=${from}: there is no stage ${from} before this one (stages are numbered from 0)`);
                return;
            }
        }
        else
            target = this.stageNames.get(lower);
        if (target === stage.index) {
            this.add(pos, 'error', 'dockerfile/copy-from-self', `--from=${from} names the stage this COPY is in: a stage cannot copy from itself`);
            return;
        }
        if (target !== undefined) {
            copy.fromStage = target;
            return;
        }
        // Not a stage: Docker pulls it as an image. A near-miss of a stage name is almost surely a typo.
        const hint = (0,suggest/* closest */.kp)(lower, this.stageNames.keys());
        if (hint) {
            this.add(pos, 'warning', 'dockerfile/copy-from-unknown-stage', `--from=${from} is not a stage of this Dockerfile, so Docker pulls it as an image (did you mean "${hint}"?)`);
        }
    }
}
/** The JSON (exec) form of an instruction's arguments, or undefined for the shell form. */
function parseJsonArray(text) {
    const t = text.trim();
    if (!t.startsWith('['))
        return undefined;
    try {
        const v = JSON.parse(t);
        return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
    }
    catch {
        return undefined;
    }
}
/** Parse a Dockerfile. `buildArgs` override ARG defaults as `--build-arg` does. Never throws. */
function parseDockerfile(source, buildArgs = {}) {
    try {
        return new Parser(source, buildArgs).df;
    }
    catch (err) {
        // Defensive: a parser bug must surface as a finding, not crash `validate`.
        return {
            file: source.file,
            stages: [],
            args: {},
            directives: {},
            findings: [
                (0,findings/* finding */.gk)(source.file, { line: 1, column: 1 }, 'error', 'dockerfile/internal', `Dockerfile could not be read: ${err.message}`),
            ],
        };
    }
}
/** The stage that gets built: `target` when given and known, else the last one. */
function finalStage(df, target) {
    if (target !== undefined) {
        const t = target.toLowerCase();
        const s = df.stages.find((st) => st.name === t);
        if (s)
            return s;
    }
    return df.stages[df.stages.length - 1];
}
/** The stage and the stages it is built FROM, nearest first. */
function stageChain(df, stage) {
    const chain = [];
    const seen = new Set();
    for (let s = stage; s && !seen.has(s.index); s = s.baseStage === undefined ? undefined : df.stages[s.baseStage]) {
        seen.add(s.index);
        chain.push(s);
    }
    return chain;
}
/** Gems installed by `gem install` / `fluent-gem install` lines in the final stage and the stages it builds on. */
function installedGems(df, target) {
    const out = new Set();
    const last = finalStage(df, target);
    if (!last)
        return out;
    for (const s of stageChain(df, last))
        for (const r of s.runs)
            for (const g of gemsFromCommand(r.command))
                out.add(g);
    return out;
}



/***/ }),

/***/ 9627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ listContextFiles)
/* harmony export */ });
/* unused harmony export MAX_CONTEXT_FILES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _checks_fs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8566);
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(671);
/* harmony import */ var _checks_source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5784);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1270);
/**
 * The build context as Docker sends it: every file under the context directory that
 * `.dockerignore` (or `<Dockerfile>.dockerignore`, which BuildKit prefers) does not exclude.
 * The walk is bounded and never leaves the repository: a symlink whose target is outside is a
 * finding and is left out, never read.
 */







/** A monitoring repo's context is dozens of files; past this the walk stops with a finding. */
const MAX_CONTEXT_FILES = 20_000;
const MAX_DEPTH = 64;
const toPosix = (p) => p.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
function listContextFiles(contextDir, opts = {}) {
    const ctx = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(contextDir);
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(opts.root ?? ctx);
    const realRoot = (0,_checks_fs_js__WEBPACK_IMPORTED_MODULE_2__/* .realpathOrSelf */ .Rk)(root);
    const display = (abs) => toPosix(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, abs)) || '.';
    const out = { files: [], ignored: [], findings: [] };
    // Checked before anything is read, the context's own .dockerignore included.
    if (!(0,_checks_fs_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(realRoot, (0,_checks_fs_js__WEBPACK_IMPORTED_MODULE_2__/* .realpathOrSelf */ .Rk)(ctx))) {
        out.findings.push((0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(display(ctx), { line: 1, column: 1 }, 'error', 'project/path-outside', 'build context resolves outside the repository: it is not read'));
        return out;
    }
    let rules = [];
    const candidates = [opts.dockerfile ? `${opts.dockerfile}.dockerignore` : undefined, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(ctx, '.dockerignore')];
    for (const c of candidates) {
        if (!c || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(c))
            continue;
        const file = display(c);
        const src = (0,_checks_source_js__WEBPACK_IMPORTED_MODULE_4__/* .readSource */ .o$)(file, c);
        if (!src.ok) {
            (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .appendAll */ .u2)(out.findings, src.findings);
            break;
        }
        out.ignoreFile = file;
        rules = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_5__/* .parseIgnoreFile */ .a0)(src.source.text);
        for (const r of rules) {
            if (!r.regex) {
                out.findings.push((0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(file, { line: r.line, column: 1 }, 'error', 'dockerignore/bad-pattern', `pattern "${r.pattern}" is not a valid pattern (an unclosed "["?): Docker refuses the whole build context`));
            }
        }
        break;
    }
    const canReinclude = rules.some((r) => r.exclusion);
    let count = 0;
    let stopped = false;
    const walk = (dirAbs, rel, depth) => {
        if (depth > MAX_DEPTH || stopped)
            return;
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dirAbs).sort();
        }
        catch {
            return;
        }
        for (const name of entries) {
            if (++count > MAX_CONTEXT_FILES) {
                if (!stopped) {
                    out.findings.push((0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(display(ctx), { line: 1, column: 1 }, 'warning', 'project/context-too-large', `build context has more than ${MAX_CONTEXT_FILES} entries: listing stopped; narrow the context or add a .dockerignore`));
                }
                stopped = true;
                return;
            }
            const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dirAbs, name);
            const relPath = rel ? `${rel}/${name}` : name;
            let st;
            try {
                st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(abs);
            }
            catch {
                continue;
            }
            const ignored = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_5__/* .isIgnored */ .pi)(relPath, rules);
            if (st.isDirectory()) {
                if (ignored && !canReinclude)
                    continue; // nothing under it can come back
                walk(abs, relPath, depth + 1);
                continue;
            }
            if (st.isSymbolicLink()) {
                let target;
                try {
                    target = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(abs);
                }
                catch {
                    continue; // dangling: Docker copies the link itself; there is nothing to read
                }
                if (!(0,_checks_fs_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(realRoot, target)) {
                    if (!ignored) {
                        out.findings.push((0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(display(abs), { line: 1, column: 1 }, 'error', 'project/symlink-outside', 'symlink points outside the repository: it is not read; replace it with the file itself'));
                    }
                    continue;
                }
                try {
                    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(target).isFile())
                        continue; // Docker does not descend into linked directories
                }
                catch {
                    continue;
                }
            }
            else if (!st.isFile())
                continue;
            (ignored ? out.ignored : out.files).push(relPath);
        }
    };
    walk(ctx, '', 0);
    out.files.sort();
    out.ignored.sort();
    return out;
}


/***/ }),

/***/ 6547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ ImageFs),
/* harmony export */   P4: () => (/* binding */ kindFromImagePath),
/* harmony export */   Sj: () => (/* binding */ classifyFiles),
/* harmony export */   l_: () => (/* binding */ imageLayouts)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(671);
/* harmony import */ var _checks_fs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8566);
/* harmony import */ var _checks_source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5784);
/* harmony import */ var _dockerfile_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2552);
/* harmony import */ var _dockerignore_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9627);
/**
 * What each image contains (from its Dockerfile's COPY/ADD lines over its build context) and, from
 * where each repo file lands in an image, what kind of file it is: a file copied to
 * `/etc/datadog-agent/conf.d/http_check.d/conf.yaml` is an http_check config, `/fluentd/etc/fluent.conf`
 * is the Fluentd entry config. The project file's `files:` overrides win.
 */







const repoJoin = (context, rel) => (context === '.' ? rel : `${context}/${rel}`);
function imageLayouts(project) {
    const layouts = new Map();
    const findings = [];
    for (const img of Object.values(project.images)) {
        const dfAbs = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(project.root, img.dockerfile);
        const decoded = (0,_checks_source_js__WEBPACK_IMPORTED_MODULE_3__/* .readSource */ .o$)(img.dockerfile, dfAbs);
        if (!decoded.ok) {
            (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .appendAll */ .u2)(findings, decoded.findings);
            continue;
        }
        const df = (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDockerfile */ .Ai)(decoded.source, img.buildArgs);
        (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .appendAll */ .u2)(findings, df.findings);
        const listing = (0,_dockerignore_js__WEBPACK_IMPORTED_MODULE_5__/* .listContextFiles */ .z)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(project.root, img.context), { root: project.root, dockerfile: dfAbs });
        (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .appendAll */ .u2)(findings, listing.findings);
        (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .appendAll */ .u2)(findings, (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_4__/* .copySourceFindings */ .V3)(df, listing.files, {
            ignored: listing.ignored,
            contextDir: img.context,
            ...(img.target ? { target: img.target } : {}),
        }));
        const view = (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_4__/* .imageFiles */ .BQ)(df, listing.files, img.target);
        const files = new Map();
        for (const [imagePath, rel] of view.files)
            files.set(imagePath, repoJoin(img.context, rel));
        const stage = (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_4__/* .finalStage */ .BD)(df, img.target);
        layouts.set(img.key, {
            imageKey: img.key,
            dockerfile: df,
            files,
            complete: view.complete,
            gems: (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_4__/* .installedGems */ .Zi)(df, img.target),
            ...(stage ? { baseImage: stage.baseImage } : {}),
            env: stage ? { ...stage.env } : {},
            inputs: (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_4__/* .contextInputs */ .D1)(df, listing.files).map((f) => repoJoin(img.context, f)),
        });
    }
    return { layouts, findings };
}
const AGENT_CONF_D = '/etc/datadog-agent/conf.d/';
/** Where Fluentd images read their entry config (fluent/fluentd: /fluentd/etc/${FLUENTD_CONF}; td-agent; fluent-package). */
const FLUENTD_ENTRIES = ['/etc/fluent/fluent.conf', '/etc/td-agent/td-agent.conf', '/etc/fluent/fluentd.conf'];
/** The kind a file has from where it lands in an image, or undefined. */
function kindFromImagePath(imagePath, env = {}) {
    if (imagePath.startsWith(AGENT_CONF_D)) {
        const rest = imagePath.slice(AGENT_CONF_D.length);
        // conf.d/<check>.d/<file> or conf.d/<check>.yaml; only YAML-named files (the agent skips the rest, its checker warns).
        const m = /^([^/]+?)(?:\.d\/[^/]+|\.ya?ml(?:\.default)?)$/.exec(rest);
        if (m && /\.ya?ml/.test(rest)) {
            if (m[1] === 'http_check')
                return 'http_check';
            if (m[1] === 'mysql')
                return 'mysql';
        }
        return undefined;
    }
    if (imagePath === '/etc/datadog-agent/datadog.yaml')
        return 'datadog_yaml';
    const fluentdConf = `/fluentd/etc/${env.FLUENTD_CONF ?? 'fluent.conf'}`;
    if (imagePath === fluentdConf || FLUENTD_ENTRIES.includes(imagePath))
        return 'fluentd';
    if (/\/secrets?\//.test(imagePath))
        return 'secret';
    return undefined;
}
function classifyFiles(project, layouts) {
    const out = [];
    const overridden = (repoPath) => project.files[repoPath];
    for (const [key, layout] of layouts) {
        const img = project.images[key];
        if (img && overridden(img.dockerfile) !== 'ignore')
            out.push({ repoPath: img.dockerfile, kind: 'dockerfile', imageKey: key });
        for (const [imagePath, repoPath] of layout.files) {
            const over = overridden(repoPath);
            if (over === 'ignore')
                continue;
            const kind = over ?? kindFromImagePath(imagePath, layout.env);
            if (kind)
                out.push({ repoPath, kind, imageKey: key, imagePath });
        }
    }
    for (const svc of Object.values(project.services)) {
        if (overridden(svc.taskDefinition) !== 'ignore' &&
            !out.some((f) => f.repoPath === svc.taskDefinition && f.kind === 'taskdef')) {
            out.push({ repoPath: svc.taskDefinition, kind: 'taskdef' });
        }
    }
    // Overrides for files no image carries (e.g. the web servers' sender fluent.conf).
    for (const [repoPath, kind] of Object.entries(project.files)) {
        if (kind === 'ignore' || out.some((f) => f.repoPath === repoPath))
            continue;
        out.push({ repoPath, kind });
    }
    return out.sort((a, b) => a.repoPath < b.repoPath ? -1 : a.repoPath > b.repoPath ? 1 : (a.imageKey ?? '') < (b.imageKey ?? '') ? -1 : 1);
}
/**
 * ConfigFs over an image's layout: paths are image paths, `display` maps them to repo paths, and
 * globs expand over the files the image gets from the repository.
 */
class ImageFs {
    project;
    layout;
    dirs = new Map();
    constructor(project, layout) {
        this.project = project;
        this.layout = layout;
        for (const p of layout.files.keys()) {
            const parts = p.split('/').filter(Boolean);
            let dir = '/';
            parts.forEach((name, i) => {
                const entries = this.dirs.get(dir) ?? new Map();
                const isDir = i < parts.length - 1;
                entries.set(name, (entries.get(name) ?? false) || isDir);
                this.dirs.set(dir, entries);
                dir = dir === '/' ? `/${name}` : `${dir}/${name}`;
            });
        }
    }
    read(file) {
        const imagePath = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.resolve('/', file);
        const repoPath = this.layout.files.get(imagePath);
        if (repoPath === undefined) {
            return {
                ok: false,
                findings: [
                    (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(imagePath, { line: 1, column: 1 }, 'error', 'file/missing', `${imagePath} is not copied into image "${this.layout.imageKey}" by ${this.layout.dockerfile.file}`),
                ],
            };
        }
        return (0,_checks_source_js__WEBPACK_IMPORTED_MODULE_3__/* .readSource */ .o$)(repoPath, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(this.project.root, repoPath));
    }
    glob(pattern, from) {
        const base = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.resolve('/', from));
        const abs = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.resolve(base, pattern);
        return (0,_checks_fs_js__WEBPACK_IMPORTED_MODULE_2__/* .expandGlob */ .hT)(abs, (dir) => [...(this.dirs.get(dir) ?? new Map())].map(([name, dir]) => ({ name, dir })), (p) => this.layout.files.has(p));
    }
    display(file) {
        const imagePath = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.resolve('/', file);
        return this.layout.files.get(imagePath) ?? imagePath;
    }
}


/***/ }),

/***/ 1270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a0: () => (/* binding */ parseIgnoreFile),
/* harmony export */   pi: () => (/* binding */ isIgnored),
/* harmony export */   rl: () => (/* binding */ hasWildcard),
/* harmony export */   rn: () => (/* binding */ patternToRegExp),
/* harmony export */   ts: () => (/* binding */ cleanPath)
/* harmony export */ });
/**
 * Docker's path patterns (moby/patternmatcher, used for `.dockerignore` and for COPY/ADD sources):
 * `*` and `?` never cross `/`, `**` spans any number of directories, `[...]` is a character class,
 * `\` escapes. Paths are context-relative POSIX without a leading `./`. These patterns decide which
 * files go into an image's content hash, so any mismatch with Docker is a missed (or needless) rebuild.
 */
/** Characters patternmatcher escapes for its regexp (`shouldEscape`: `.+()|{}$`); `^` and `/` it leaves as they are. */
const ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);
/**
 * Compile one cleaned pattern as moby/patternmatcher's `Pattern.compile` does, for Docker decides
 * content with it: the pattern is first checked with Go's `filepath.Match` syntax (a malformed one
 * makes Docker refuse the build), then it is either an exact path, a prefix (`dir/**` or `dir**`:
 * every path starting with `dir/` or `dir`), a suffix (a leading `**` followed by no other special
 * character: `**foo` is every path ending in `foo`, `**\/foo` is `foo` or any path ending in
 * `/foo`), or a regular expression: `*` is any run of non-slashes, `?` one non-slash, `**` any
 * run of whole directories (anything at the end), `\` escapes the next character, and `[...]` is passed to the regexp engine as written, so
 * `[^a]` excludes `a` (and matches `/`) while `[!a]` is the class of `!` and `a`, as in Go.
 */
function patternToRegExp(pattern) {
    if (!goMatchSyntaxOk(pattern))
        return undefined;
    let re = '^';
    let type = 'exact';
    for (let i = 0; i < pattern.length; i++) {
        const start = i;
        const ch = pattern[i];
        if (ch === '*' && pattern[i + 1] === '*') {
            i++;
            if (pattern[i + 1] === '/')
                i++; // `**/` is `**`
            if (i + 1 >= pattern.length) {
                if (type === 'exact')
                    type = 'prefix';
                else {
                    re += '.*';
                    type = 'regexp';
                }
            }
            else {
                re += '(.*/)?';
                type = 'regexp';
            }
            if (start === 0)
                type = 'suffix';
        }
        else if (ch === '*') {
            re += '[^/]*';
            type = 'regexp';
        }
        else if (ch === '?') {
            re += '[^/]';
            type = 'regexp';
        }
        else if (ESCAPED.has(ch))
            re += `\\${ch}`;
        else if (ch === '\\') {
            if (i + 1 < pattern.length) {
                re += `\\${pattern[++i]}`;
                type = 'regexp';
            }
            else
                re += '\\\\';
        }
        else if (ch === '[' || ch === ']') {
            re += ch;
            type = 'regexp';
        }
        else
            re += ch;
    }
    switch (type) {
        case 'exact':
            return { test: (p) => p === pattern };
        case 'prefix': {
            const prefix = pattern.slice(0, -2);
            return { test: (p) => p.startsWith(prefix) };
        }
        case 'suffix': {
            const suffix = pattern.slice(2);
            return { test: (p) => p.endsWith(suffix) || (suffix.startsWith('/') && p === suffix.slice(1)) };
        }
        default:
            try {
                // No flags: like Go's regexp, `.` stops at a newline and a negated class does not.
                const compiled = new RegExp(`${re}$`);
                return { test: (p) => compiled.test(p) };
            }
            catch {
                return undefined;
            }
    }
}
/**
 * Go's `filepath.Match(pattern, ".")` error state, which patternmatcher checks first: a `[` class
 * must close, hold at least one range, and a `-`, a `]` or the end where a character is expected
 * is malformed; a trailing `\` is too. (`^` negates a class in Go; `!` does not.)
 */
function goMatchSyntaxOk(pattern) {
    let i = 0;
    const esc = () => {
        const c = pattern[i];
        if (c === undefined || c === '-' || c === ']')
            return false;
        if (c === '\\') {
            i++;
            if (pattern[i] === undefined)
                return false;
        }
        i++;
        return true;
    };
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === '\\') {
            if (i + 1 >= pattern.length)
                return false;
            i += 2;
        }
        else if (c === '[') {
            i++;
            if (pattern[i] === '^')
                i++;
            let ranges = 0;
            for (;;) {
                if (pattern[i] === ']' && ranges > 0) {
                    i++;
                    break;
                }
                if (!esc())
                    return false;
                if (pattern[i] === '-') {
                    i++;
                    if (!esc())
                        return false;
                }
                ranges++;
            }
        }
        else
            i++;
    }
    return true;
}
/** `filepath.Clean` for POSIX paths: no `.` segments, `..` folded, no trailing slash; `''` -> `.`. */
function cleanPath(p) {
    const abs = p.startsWith('/');
    const out = [];
    for (const seg of p.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length && out[out.length - 1] !== '..')
                out.pop();
            else if (!abs)
                out.push('..');
        }
        else
            out.push(seg);
    }
    const joined = out.join('/');
    return abs ? `/${joined}` : joined || '.';
}
/** Parse `.dockerignore` text (moby/patternmatcher/ignorefile ReadAll). */
function parseIgnoreFile(text) {
    const rules = [];
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    lines.forEach((raw, i) => {
        let p = raw.replace(/\r$/, '');
        if (p.startsWith('#'))
            return;
        p = p.trim();
        if (p === '')
            return;
        let exclusion = false;
        if (p.startsWith('!')) {
            exclusion = true;
            p = p.slice(1).trim();
        }
        if (p.length > 0) {
            p = cleanPath(p);
            if (p.length > 1 && p.startsWith('/'))
                p = p.slice(1);
        }
        // `!` alone: "illegal exclusion pattern" (patternmatcher.New).
        rules.push({ pattern: p, exclusion, regex: exclusion && p === '' ? undefined : patternToRegExp(p), line: i + 1 });
    });
    return rules;
}
/**
 * True when `file` is excluded: the last rule that matches the file or one of its parent
 * directories decides (patternmatcher.MatchesOrParentMatches).
 */
function isIgnored(file, rules) {
    let ignored = false;
    const parts = file.split('/');
    for (const rule of rules) {
        if (!rule.regex)
            continue;
        let match = rule.regex.test(file);
        if (!match) {
            for (let i = 1; i < parts.length && !match; i++)
                match = rule.regex.test(parts.slice(0, i).join('/'));
        }
        if (match)
            ignored = !rule.exclusion;
    }
    return ignored;
}
/** True when a path segment list holds glob characters Docker expands in COPY/ADD sources. */
function hasWildcard(p) {
    return /[*?[]/.test(p);
}


/***/ }),

/***/ 719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ expandWord),
/* harmony export */   y: () => (/* binding */ splitWords)
/* harmony export */ });
/**
 * Dockerfile word processing (moby/buildkit frontend/dockerfile/shell/lex.go, simplified): quote
 * removal, escapes and `$VAR` / `${VAR}` / `${VAR:-default}` expansion over ARG and ENV values.
 * Offsets are kept so findings about a COPY source can point at the word as written.
 */
/** Split on unquoted whitespace, keeping offsets. Quotes group (ENV/ARG `a="b c"`), escapes protect. */
function splitWords(text, escape, quoteAware) {
    const out = [];
    let start = -1;
    let quote = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (start === -1) {
            if (/\s/.test(c))
                continue;
            start = i;
        }
        if (quote) {
            if (c === escape && quote === '"' && i + 1 < text.length)
                i++;
            else if (c === quote)
                quote = '';
            continue;
        }
        if (c === escape && i + 1 < text.length) {
            i++;
            continue;
        }
        if (quoteAware && (c === '"' || c === "'")) {
            quote = c;
            continue;
        }
        if (/\s/.test(c)) {
            out.push({ raw: text.slice(start, i), offset: start });
            start = -1;
        }
    }
    if (start !== -1)
        out.push({ raw: text.slice(start), offset: start });
    return out;
}
/** Quote removal, escapes and variable expansion of one word (lex.go ProcessWord). */
function expandWord(word, env, escape = '\\') {
    const undefinedNames = [];
    let out = '';
    let i = 0;
    const lookup = (name) => env.get(name);
    const dollar = () => {
        // at word[i] === '$'
        const next = word[i + 1];
        if (next === '{') {
            const close = findClose(word, i + 2);
            if (close === -1) {
                i += 1;
                return '$';
            }
            const inner = word.slice(i + 2, close);
            i = close + 1;
            return braced(inner);
        }
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.slice(i + 1));
        if (!m) {
            i += 1;
            return '$';
        }
        i += 1 + m[0].length;
        const v = lookup(m[0]);
        if (v === undefined)
            undefinedNames.push(m[0]);
        return v ?? '';
    };
    const braced = (inner) => {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-+?]|##?|%%?)?([\s\S]*)$/.exec(inner);
        if (!m)
            return '';
        const name = m[1];
        const op = m[2];
        const word2 = expandWord(m[3] ?? '', env, escape).value;
        const v = lookup(name);
        const set = v !== undefined;
        const nonEmpty = set && v !== '';
        switch (op) {
            case undefined:
                if (!set)
                    undefinedNames.push(name);
                return v ?? '';
            case ':-':
                return nonEmpty ? v : word2;
            case '-':
                return set ? v : word2;
            case ':+':
                return nonEmpty ? word2 : '';
            case '+':
                return set ? word2 : '';
            case ':?':
            case '?':
                if (!(op === '?' ? set : nonEmpty))
                    undefinedNames.push(name);
                return v ?? '';
            case '#':
            case '##':
                return trimPrefix(v ?? '', word2, op === '##');
            case '%':
            case '%%':
                return trimSuffix(v ?? '', word2, op === '%%');
            default:
                return v ?? '';
        }
    };
    while (i < word.length) {
        const c = word[i];
        if (c === escape) {
            if (i + 1 < word.length)
                out += word[i + 1];
            i += 2;
        }
        else if (c === "'") {
            const close = word.indexOf("'", i + 1);
            const end = close === -1 ? word.length : close;
            out += word.slice(i + 1, end);
            i = end + 1;
        }
        else if (c === '"') {
            i += 1;
            while (i < word.length && word[i] !== '"') {
                const d = word[i];
                if (d === escape && i + 1 < word.length && ['"', '$', escape].includes(word[i + 1])) {
                    out += word[i + 1];
                    i += 2;
                }
                else if (d === '$')
                    out += dollar();
                else {
                    out += d;
                    i += 1;
                }
            }
            i += 1;
        }
        else if (c === '$')
            out += dollar();
        else {
            out += c;
            i += 1;
        }
    }
    return { value: out, undefinedNames };
}
function findClose(s, from) {
    let depth = 1;
    for (let i = from; i < s.length; i++) {
        if (s[i] === '{')
            depth++;
        else if (s[i] === '}' && --depth === 0)
            return i;
    }
    return -1;
}
function globRe(pattern) {
    return pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
}
function trimPrefix(v, pattern, greedy) {
    const re = new RegExp(`^${globRe(pattern).replace(/\.\*/g, greedy ? '.*' : '.*?')}`, 's');
    const m = re.exec(v);
    return m ? v.slice(m[0].length) : v;
}
function trimSuffix(v, pattern, greedy) {
    // Shortest suffix: try the longest prefix first.
    const re = new RegExp(`^${globRe(pattern)}$`, 's');
    if (greedy) {
        for (let k = 0; k <= v.length; k++)
            if (re.test(v.slice(k)))
                return v.slice(0, k);
    }
    else {
        for (let k = v.length; k >= 0; k--)
            if (re.test(v.slice(k)))
                return v.slice(0, k);
    }
    return v;
}


/***/ }),

/***/ 1460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ DEPLOY_DEFAULTS)
/* harmony export */ });
/* unused harmony export FILE_KINDS */
/**
 * The loaded, validated project file (`dd-ecs-monitor.yml`). Every path in here is repository-relative
 * POSIX and already checked to stay inside the repository; `root` is the only absolute path.
 * Produced by `loadProject` (load.ts); read by plan, images and deploy code.
 */
const FILE_KINDS = (/* unused pure expression or super */ null && ([
    'http_check',
    'mysql',
    'fluentd',
    'taskdef',
    'datadog_yaml',
    'secret',
    'dockerfile',
]));
const DEPLOY_DEFAULTS = Object.freeze({
    waitTimeoutSeconds: 900,
    pollIntervalSeconds: 15,
    rollback: true,
    fluentdDryRun: true,
    createRepositories: false,
    resolveBaseImages: true,
});


/***/ }),

/***/ 9334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ formatJson),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   RU: () => (/* binding */ rebase),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   dC: () => (/* binding */ summaryLine),
/* harmony export */   vX: () => (/* binding */ formatText)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(671);
/**
 * Findings as the CLI prints them: `path:line:col: severity CODE message` (text) or one JSON
 * document (DESIGN.md, "The external contract"). Paths are re-based from the project root to the
 * directory the user runs from, so they open in editors and terminals as printed.
 */


/** Re-base repository-relative finding paths onto `toDir` (both absolute). */
function rebase(findings, fromRoot, toDir) {
    if (node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(fromRoot) === node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(toDir))
        return [...findings];
    return findings.map((f) => {
        if (node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(f.file))
            return f;
        const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(toDir, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(fromRoot, f.file)).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
        return { ...f, file: rel };
    });
}
/** One line per finding; control characters from user files are escaped so a finding is always one line. */
function formatText(findings) {
    return (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .sortFindings */ .Tc)(findings)
        .map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${oneLine(f.message)}`)
        .join('\n');
}
function oneLine(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f]/g, (c) => c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function summaryLine(findings, fileCount) {
    const c = (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .countBySeverity */ .Ot)(findings);
    const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
    if (c.notice)
        parts.push(plural(c.notice, 'notice'));
    return `${parts.join(', ')} in ${plural(fileCount, 'file')} checked`;
}
function formatJson(findings, files) {
    const report = {
        findings: (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .sortFindings */ .Tc)(findings).map((f) => ({
            file: f.file,
            line: f.line,
            column: f.column,
            severity: f.severity,
            code: f.code,
            message: f.message,
        })),
        summary: { ...(0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .countBySeverity */ .Ot)(findings), files: files.length },
        files: [...files],
    };
    return JSON.stringify(report, null, 2);
}
/** Exit status for findings: 1 when any finding is at or above the failing severity. */
function exitCodeFor(findings, failOn = 'error') {
    return findings.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning')) ? 1 : 0;
}


/***/ }),

/***/ 5881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   zK: () => (/* binding */ formatSarif)
/* harmony export */ });
/* unused harmony exports SARIF_SCHEMA, SRCROOT, toSarif */
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(671);
/**
 * Findings as SARIF 2.1.0, the format GitHub code scanning reads (github/codeql-action/upload-sarif):
 * one run, one rule per finding code (its default level the most severe one seen), one result per
 * finding with its file, line and column. Paths are relative to the repository root under the
 * `%SRCROOT%` base id, as code scanning expects; our columns are UTF-16 code units, which SARIF
 * states with `columnKind`. Pure: the caller writes the file.
 */

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/** A repository-relative POSIX path as a URI reference (segments percent-encoded); an absolute one as a file: URI. */
function artifact(file) {
    const encoded = file.split('/').map(encodeURIComponent).join('/');
    if (file.startsWith('/'))
        return { uri: `file://${encoded}` };
    return { uri: encoded.replace(/^(\.\/)+/, ''), uriBaseId: SRCROOT };
}
function rulesOf(findings, helpUri) {
    const worst = new Map();
    for (const f of findings) {
        const prev = worst.get(f.code);
        if (!prev || _checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_RANK */ .f3[f.severity] < _checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_RANK */ .f3[prev])
            worst.set(f.code, f.severity);
    }
    return [...worst.keys()].sort().map((id) => ({
        id,
        shortDescription: { text: `dd-ecs-monitor check ${id}` },
        defaultConfiguration: { level: LEVEL[worst.get(id)] },
        ...(helpUri ? { helpUri } : {}),
    }));
}
/** The SARIF log as a plain object (JSON.stringify it). `findings` carry repository-relative paths. */
function toSarif(findings, opts) {
    const sorted = (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .sortFindings */ .Tc)(findings);
    const rules = rulesOf(sorted, opts.informationUri);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'dd-ecs-monitor',
                        version: opts.version,
                        ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
                        rules,
                    },
                },
                columnKind: 'utf16CodeUnits',
                results: sorted.map((f) => ({
                    ruleId: f.code,
                    ruleIndex: index.get(f.code),
                    level: LEVEL[f.severity],
                    message: { text: f.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: artifact(f.file),
                                region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
                            },
                        },
                    ],
                })),
            },
        ],
    };
}
function formatSarif(findings, opts) {
    return JSON.stringify(toSarif(findings, opts), null, 2);
}


/***/ }),

/***/ 4244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xg: () => (/* binding */ sitesDiffForChange),
/* harmony export */   nT: () => (/* binding */ gitBaseReader)
/* harmony export */ });
/* unused harmony exports diffSites, sitesAt */
/* harmony import */ var _checks_agent_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6503);
/* harmony import */ var _checks_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5784);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3190);
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(671);
/**
 * Which monitored sites a change adds, removes or changes: the http_check sites at head (from
 * validation) against the same extraction run on the base commit's version of each http_check
 * file. A site is identified by its `name` (the tag the agent reports it under); a site whose
 * name changed but whose URL did not is a rename, shown as a change. Secret options arrive as
 * '<secret>' from the extraction and are compared and shown only as that.
 */




/** Stable JSON (sorted keys) so `{a,b}` and `{b,a}` compare equal. */
function stable(v) {
    if (Array.isArray(v))
        return `[${v.map(stable).join(',')}]`;
    if (v && typeof v === 'object') {
        return `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stable(v[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v) ?? 'null';
}
const display = (v) => (typeof v === 'string' ? v : stable(v));
const isScalar = (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
function fieldChange(field, before, after) {
    if (stable(before) === stable(after))
        return undefined;
    if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every(isScalar)) {
        const b = before.map(display);
        const a = after.map(display);
        const added = a.filter((x) => !b.includes(x));
        const removed = b.filter((x) => !a.includes(x));
        if (added.length || removed.length)
            return { field, added, removed };
        return { field, before: display(before), after: display(after) };
    }
    return {
        field,
        ...(before === undefined ? {} : { before: display(before) }),
        ...(after === undefined ? {} : { after: display(after) }),
    };
}
function siteChanges(before, after) {
    const out = [];
    const push = (c) => void (c && out.push(c));
    if (before.name !== after.name)
        push({ field: 'name', before: before.name, after: after.name });
    push(fieldChange('url', before.url, after.url));
    const keys = [...new Set([...Object.keys(before.options), ...Object.keys(after.options)])].sort();
    for (const k of keys)
        push(fieldChange(k, before.options[k], after.options[k]));
    return out;
}
/** Pair sites by name (in order, for duplicate names), then leftovers by URL (renames). */
function diffSites(base, head) {
    const unmatchedBase = [...base];
    const pairs = [];
    const unmatchedHead = [];
    for (const h of head) {
        const i = unmatchedBase.findIndex((b) => b.name === h.name);
        if (i === -1)
            unmatchedHead.push(h);
        else
            pairs.push([unmatchedBase.splice(i, 1)[0], h]);
    }
    const added = [];
    for (const h of unmatchedHead) {
        const i = h.url ? unmatchedBase.findIndex((b) => b.url === h.url) : -1;
        if (i === -1)
            added.push(h);
        else
            pairs.push([unmatchedBase.splice(i, 1)[0], h]);
    }
    const changed = [];
    let unchanged = 0;
    for (const [b, h] of pairs) {
        const changes = siteChanges(b, h);
        if (changes.length)
            changed.push({ name: h.name, url: h.url, file: h.file, line: h.line, changes });
        else
            unchanged += 1;
    }
    return { added, removed: unmatchedBase, changed, unchanged };
}
/**
 * Reads `<rev>:./<file>` with `git show` from the project root (paths stay project-relative).
 * A path that is not in that commit is `undefined`; any other failure (a commit missing from a
 * shallow checkout) throws, so the caller can try the API or say the base is unknown.
 */
function gitBaseReader(opts) {
    const exec = opts.exec ?? _exec_js__WEBPACK_IMPORTED_MODULE_2__/* .runProcess */ .R3;
    let present;
    return async (file) => {
        // For a commit it does not have, git says "exists on disk, but not in <rev>" as for a missing
        // path: ask for the commit first, once.
        present ??= exec('git', ['cat-file', '-e', `${opts.rev}^{commit}`], { cwd: opts.root }).then((r) => r.exitCode === 0);
        if (!(await present))
            throw new Error(`commit ${opts.rev} is not in the local git history`);
        const r = await exec('git', ['show', `${opts.rev}:./${file}`], { cwd: opts.root });
        if (r.exitCode === 0)
            return r.stdout;
        if (/does not exist in|exists on disk, but not in/.test(r.stderr))
            return undefined;
        throw new Error(`git show ${opts.rev}:${file} failed: ${(0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .tailLines */ .os)(r.stderr, 1) || `exit code ${r.exitCode}`}`);
    };
}
/** The sites of the given http_check files at base, extracted exactly as at head. */
async function sitesAt(files, read) {
    const out = [];
    for (const file of files) {
        const text = await read(file);
        if (text === undefined)
            continue;
        const { sites } = (0,_checks_agent_index_js__WEBPACK_IMPORTED_MODULE_0__/* .checkAgentFile */ .G9)((0,_checks_source_js__WEBPACK_IMPORTED_MODULE_1__/* .sourceFromText */ .JF)(file, text), 'http_check', {});
        (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .appendAll */ .u2)(out, sites.map((s) => ({ ...s, file })));
    }
    return out;
}
/**
 * The diff for a change. Only http_check files that changed are read at base (the others are the
 * same on both sides); an http_check file deleted by the change is recognised by its path.
 */
async function sitesDiffForChange(opts) {
    const changedSet = opts.changed ? new Set(opts.changed) : undefined;
    const isHttpCheckPath = (f) => /(^|\/)conf\.d\/(http_check\.d\/[^/]+\.ya?ml|http_check\.ya?ml)$/.test(f);
    const deleted = (opts.changed ?? []).filter((f) => isHttpCheckPath(f) && !opts.headFiles.includes(f));
    const files = [...new Set([...opts.headFiles.filter((f) => !changedSet || changedSet.has(f)), ...deleted])].sort();
    // Files the change did not touch are the same at base: their head sites stand in for the base ones,
    // so a site moved from a changed file into an untouched one is still matched.
    const untouched = opts.head.filter((s) => !files.includes(s.file));
    let lastError;
    for (const read of opts.readers) {
        try {
            const base = await sitesAt(files, read);
            return diffSites([...untouched, ...base], opts.head);
        }
        catch (err) {
            lastError = err;
        }
    }
    throw lastError instanceof Error ? lastError : new Error('no way to read the base version of the http_check files');
}


/***/ }),

/***/ 8825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ validateProject)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/checks/agent/index.ts + 9 modules
var agent = __webpack_require__(6503);
// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
// EXTERNAL MODULE: ./src/checks/fluentd/ast.ts
var ast = __webpack_require__(5280);
;// CONCATENATED MODULE: ./src/checks/cross/fluentd-facts.ts
/**
 * What the agreements need from a Fluentd configuration, read off the parsed tree (the Fluentd
 * checker's own model is not needed): the ports `in_forward` listens on, the servers `out_forward`
 * sends to, the Datadog outputs, and every `<buffer>` with the output that owns it.
 */

/** in_forward and out_forward's default port (fluentd in_forward.rb / out_forward.rb: 24224). */
const FORWARD_PORT = 24224;
function walk(root, visit) {
    const stack = root.elements.map((e) => [e, undefined]);
    while (stack.length > 0) {
        const [el, owner] = stack.pop();
        visit(el, owner);
        const own = (0,ast/* pluginType */.A)(el) ? el : owner;
        for (const c of el.elements)
            stack.push([c, own]);
    }
}
const typeOf = (el) => {
    const t = (0,ast/* pluginType */.A)(el);
    return t && !t.dynamic ? t.value : undefined;
};
/** A literal integer parameter (a dynamic `#{...}` value is unknown). */
function intParam(el, key) {
    const p = (0,ast/* lastParam */.U)(el, key);
    if (!p)
        return undefined;
    if (p.dynamic || !/^\d+$/.test(p.value.trim()))
        return null;
    return { value: Number(p.value.trim()), param: p };
}
/** Ports the `<source> @type forward` sections listen on (null: one is not a literal). */
function forwardInputPorts(root) {
    const out = [];
    let unknown = false;
    walk(root, (el) => {
        if (el.name !== 'source' || typeOf(el) !== 'forward')
            return;
        const port = intParam(el, 'port');
        if (port === null)
            unknown = true;
        else
            out.push(port
                ? { port: port.value, file: port.param.file, pos: port.param.valuePos }
                : { port: FORWARD_PORT, file: el.file, pos: el.pos });
    });
    return unknown ? null : out;
}
/** The `<server>` sections of `out_forward` outputs, with their ports. */
function forwardServers(root) {
    const out = [];
    walk(root, (el, owner) => {
        if (el.name !== 'server' || !owner || typeOf(owner) !== 'forward' || owner.name === 'source')
            return;
        const port = intParam(el, 'port');
        if (port === null)
            return;
        out.push(port
            ? { port: port.value, file: port.param.file, pos: port.param.valuePos }
            : { port: FORWARD_PORT, file: el.file, pos: el.pos });
    });
    return out;
}
/** Every `@type datadog` output (directly in `<match>` or a `<store>` of out_copy). */
function datadogOutputs(root) {
    const out = [];
    walk(root, (el) => {
        if ((el.name === 'match' || el.name === 'store') && typeOf(el) === 'datadog')
            out.push(el);
    });
    return out;
}
/**
 * Outputs whose default buffer is a file (out_file writes its chunks next to `path`); every other
 * buffered output in this setup (datadog, forward, copy's stores) buffers in memory by default.
 */
const FILE_BUFFERED = new Set(['file', 'secondary_file']);
const BUFFERED = new Set([
    'datadog',
    'forward',
    'file',
    's3',
    'cloudwatch_logs',
    'elasticsearch',
    'opensearch',
    'kinesis_firehose',
    'kinesis_streams',
    'http',
]);
function buffers(root) {
    const out = [];
    walk(root, (el) => {
        if (el.name !== 'match' && el.name !== 'store')
            return;
        const t = typeOf(el);
        if (!t || !BUFFERED.has(t))
            return;
        const section = el.elements.find((e) => e.name === 'buffer');
        const bufType = section
            ? (typeOf(section) ?? (FILE_BUFFERED.has(t) ? 'file' : 'memory'))
            : FILE_BUFFERED.has(t)
                ? 'file'
                : 'memory';
        // v0.12-style buffer parameters written on the output itself are moved into <buffer> by fluentd's compat layer.
        const flush = (section ? (0,ast/* lastParam */.U)(section, 'flush_at_shutdown') : undefined) ?? (0,ast/* lastParam */.U)(el, 'flush_at_shutdown');
        const p = section ? (0,ast/* lastParam */.U)(section, 'path') : undefined;
        out.push({
            at: section ?? el,
            output: el,
            type: bufType,
            // Fluentd reads a bool parameter written without a value as true.
            flushAtShutdown: flush && !flush.dynamic ? ['true', 'yes', ''].includes(flush.value.trim()) : undefined,
            path: p && !p.dynamic ? p.value : t === 'file' ? (0,ast/* lastParam */.U)(el, 'path')?.value : undefined,
        });
    });
    return out;
}
/** Literal ports of every `<source>` (in_forward's default included): what the container listens on. */
function sourcePorts(root) {
    const out = [];
    walk(root, (el) => {
        if (el.name !== 'source')
            return;
        const port = intParam(el, 'port');
        if (port)
            out.push(port.value);
        else if (port === undefined && typeOf(el) === 'forward')
            out.push(FORWARD_PORT);
    });
    return out;
}

// EXTERNAL MODULE: ./src/checks/fs.ts
var fs = __webpack_require__(8566);
// EXTERNAL MODULE: ./src/checks/fluentd/load.ts + 3 modules
var load = __webpack_require__(341);
// EXTERNAL MODULE: ./src/checks/source.ts
var checks_source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/checks/taskdef/index.ts + 11 modules
var taskdef = __webpack_require__(0);
// EXTERNAL MODULE: ./src/checks/yaml/ast.ts
var yaml_ast = __webpack_require__(6353);
// EXTERNAL MODULE: ./src/project/layout.ts
var project_layout = __webpack_require__(6547);
;// CONCATENATED MODULE: ./src/checks/cross/world.ts
/**
 * Everything the agreements between files are checked on, read once: each service's task
 * definition (tree and positions), each container with what it runs (the agent, Fluentd, or
 * something else), the Fluentd configurations of the images and of the senders (the web servers'
 * configs the project file lists), and the images' layouts. Nothing here reports: a file that does
 * not parse is left out, and its own checker has already said why.
 */







const posOf = (td, node) => td.source.lines.position(node.range[0]);
const strOf = (n) => (0,yaml_ast/* isScalar */.jn)(n) && typeof n.value === 'string' ? n.value : undefined;
const mapsOf = (n) => ((0,yaml_ast/* isSeq */.oP)(n) ? n.items.filter(yaml_ast/* isMap */.jh) : []);
const AGENT_IMAGE = /(?:^|\/)(?:datadog\/agent|datadog-agent|datadog\/dogstatsd)(?:[:@]|$)/;
const FLUENTD_IMAGE = /(?:^|\/)(?:fluent\/fluentd|fluentd)(?:[:@-]|$)/;
function roleOf(image, layout) {
    const ref = layout?.baseImage ?? image ?? '';
    if (AGENT_IMAGE.test(ref) || [...(layout?.files.keys() ?? [])].some((p) => p.startsWith('/etc/datadog-agent/')))
        return 'agent';
    if (FLUENTD_IMAGE.test(ref))
        return 'fluentd';
    return 'other';
}
function loadFluentd(outcome, file) {
    return outcome.fatal ? undefined : { file, root: outcome.root, incomplete: outcome.incomplete };
}
function readTaskDef(project, service) {
    const decoded = (0,checks_source/* readSource */.o$)(service.taskDefinition, external_node_path_default().join(project.root, service.taskDefinition));
    if (!decoded.ok)
        return undefined;
    const parsed = (0,taskdef/* parseTaskDefinitionTree */.ML)(decoded.source);
    const plain = (0,taskdef/* taskDefObject */.Oq)(parsed);
    if (!parsed.root || !plain || parsed.findings.some((f) => f.severity === 'error'))
        return undefined;
    return { service, file: service.taskDefinition, source: decoded.source, root: parsed.root, plain };
}
function valuesOf(td, node, mapped, layout) {
    const out = new Map(Object.entries(layout?.env ?? {}));
    if (mapped)
        for (const [k, v] of Object.entries(td.service.environment))
            out.set(k, v);
    for (const e of mapsOf((0,yaml_ast/* get */.Jt)(node, 'environment'))) {
        const n = strOf((0,yaml_ast/* get */.Jt)(e, 'name'));
        const v = (0,yaml_ast/* get */.Jt)(e, 'value');
        if (n !== undefined && (0,yaml_ast/* isScalar */.jn)(v) && v.value !== null)
            out.set(n, String(v.value));
    }
    return out;
}
function buildWorld(project, layouts) {
    const classified = (0,project_layout/* classifyFiles */.Sj)(project, layouts);
    const fluentdOfImage = new Map();
    const senders = [];
    for (const f of classified.filter((c) => c.kind === 'fluentd')) {
        const layout = f.imageKey ? layouts.get(f.imageKey) : undefined;
        if (layout && f.imagePath) {
            const view = loadFluentd((0,load/* loadConfig */.Z9)(f.imagePath, new project_layout/* ImageFs */.DB(project, layout)), f.repoPath);
            if (view && !fluentdOfImage.has(layout.imageKey))
                fluentdOfImage.set(layout.imageKey, view);
        }
        else if (!f.imageKey) {
            const view = loadFluentd((0,load/* loadConfig */.Z9)(external_node_path_default().join(project.root, f.repoPath), new fs/* DiskFs */.Pg(project.root)), f.repoPath);
            if (view)
                senders.push(view);
        }
    }
    const taskDefs = [];
    const containers = [];
    for (const service of Object.values(project.services)) {
        const td = readTaskDef(project, service);
        if (!td)
            continue;
        taskDefs.push(td);
        for (const node of mapsOf((0,yaml_ast/* get */.Jt)(td.root, 'containerDefinitions'))) {
            const nameNode = (0,yaml_ast/* get */.Jt)(node, 'name');
            const name = strOf(nameNode);
            if (name === undefined || !nameNode)
                continue;
            const imageKey = service.containers[name];
            const layout = imageKey ? layouts.get(imageKey) : undefined;
            const imageRef = imageKey ? undefined : strOf((0,yaml_ast/* get */.Jt)(node, 'image'));
            const fluentd = layout ? fluentdOfImage.get(layout.imageKey) : undefined;
            const role = fluentd ? 'fluentd' : roleOf(imageRef, layout);
            containers.push({
                td,
                node,
                name,
                nameNode,
                role,
                ...(layout ? { layout } : {}),
                ...(imageRef ? { imageRef } : {}),
                ...(fluentd ? { fluentd } : {}),
                env: (0,taskdef/* containerEnv */.jY)(td.plain, name, service),
                values: valuesOf(td, node, imageKey !== undefined, layout),
            });
        }
    }
    return { project, layouts, taskDefs, containers, senders };
}
/** The records of the plain task definition's container (for rules that read values, not positions). */
const plainContainer = (c) => records(c.td.plain.containerDefinitions).find((d) => d.name === c.name);

;// CONCATENATED MODULE: ./src/checks/cross/agent-env.ts
/**
 * What the agent container needs from its task definition, and what it must share with Fluentd:
 * - `DD_API_KEY`: without an API key the agent does not start ("no API key configured, exiting":
 *   Datadog Agent docs, "Agent configuration files"; on ECS Fargate the key comes in as the env var
 *   `DD_API_KEY`, Datadog docs "Amazon ECS on AWS Fargate");
 * - `DD_SITE` (default `datadoghq.com`) and fluent-plugin-datadog's intake (`site`, or `host`
 *   `http-intake.logs.<site>`, default the US1 intake): an API key belongs to one Datadog site, so
 *   metrics and logs of one project must go to the same one.
 */




const DEFAULT_SITE = 'datadoghq.com';
function agentApiKey(world) {
    const out = [];
    for (const c of world.containers) {
        if (c.role !== 'agent' || c.env.open)
            continue;
        // A datadog.yaml shipped in the image may hold `api_key` (an ENC[] handle): not followed here.
        if (c.layout?.files.has('/etc/datadog-agent/datadog.yaml'))
            continue;
        if (c.env.names.has('DD_API_KEY') || c.values.has('DD_API_KEY'))
            continue;
        out.push((0,findings/* finding */.gk)(c.td.file, posOf(c.td, c.nameNode), 'error', 'cross/agent-api-key', `the agent container "${c.name}" gets no DD_API_KEY, so the agent exits at start ("no API key configured"): add DD_API_KEY under services.${c.td.service.key}.secrets in ${world.project.configFile} (e.g. DD_API_KEY: /datadog/apikey) or to the container's "secrets"`));
    }
    return out;
}
/** The agent's site: `DD_SITE` when it is a plain value, the default when unset, unknown when a secret. */
function agentSite(c) {
    if (c.values.has('DD_DD_URL') || c.values.has('DD_URL'))
        return undefined;
    const v = c.values.get('DD_SITE');
    if (v !== undefined)
        return v.trim();
    return c.env.names.has('DD_SITE') || c.env.open ? undefined : DEFAULT_SITE;
}
function datadogSite(world) {
    const agents = world.containers.filter((c) => c.role === 'agent').map((c) => ({ c, site: agentSite(c) }));
    const agent = agents.find((a) => a.site !== undefined);
    if (!agent?.site)
        return [];
    const out = [];
    for (const c of world.containers) {
        if (!c.fluentd)
            continue;
        for (const el of datadogOutputs(c.fluentd.root)) {
            const site = (0,ast/* lastParam */.U)(el, 'site');
            const host = (0,ast/* lastParam */.U)(el, 'host');
            const param = site ?? host;
            if (param?.dynamic)
                continue;
            const logsSite = site ? site.value : host ? /^http-intake\.logs\.(.+)$/.exec(host.value)?.[1] : DEFAULT_SITE;
            if (logsSite === undefined || logsSite === agent.site)
                continue;
            const fix = `set site ${agent.site} here, or DD_SITE to ${logsSite} for the agent`;
            out.push((0,findings/* finding */.gk)(param?.file ?? el.file, param?.valuePos ?? el.pos, 'warning', 'cross/datadog-site', `Fluentd sends logs to the Datadog site ${logsSite}${param ? '' : ' (the plugin default)'}, but the agent container "${agent.c.name}" (${agent.c.td.file}) reports to ${agent.site}: one API key belongs to one site, so one of them is refused or lands in another organization; ${fix}`));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/cross/conf-placement.ts
/**
 * A check config must land where the agent reads it: `/etc/datadog-agent/conf.d/<check>.d/`
 * (config_reader.go: CONFIG-FACTS A1). A repository file laid out as a check config
 * (`.../conf.d/<check>.d/*.yaml`) that the Dockerfile copies anywhere else is never loaded, and
 * nothing else would say so: it is not even classified as a check config.
 */


const LOOKS_LIKE_CHECK = /(?:^|\/)conf\.d\/[^/]+\.d\/[^/]+\.ya?ml(?:\.default)?$/;
function copyOf(copies, imagePath) {
    return [...copies]
        .reverse()
        .find((c) => imagePath === c.dest || imagePath.startsWith(`${c.dest === '/' ? '' : c.dest}/`));
}
function confPlacement(world) {
    const out = [];
    for (const layout of world.layouts.values()) {
        const final = layout.dockerfile.stages[layout.dockerfile.stages.length - 1];
        if (!final)
            continue;
        for (const [imagePath, repoPath] of layout.files) {
            if (!LOOKS_LIKE_CHECK.test(repoPath) || (0,agent/* agentConfPath */.T6)(imagePath) !== undefined)
                continue;
            if (world.project.files[repoPath] === 'ignore')
                continue;
            const check = /([^/]+)\.d\/[^/]+$/.exec(repoPath)?.[1] ?? 'CHECK';
            const copy = copyOf(final.copies, imagePath);
            const pos = copy ? { line: copy.line, column: copy.column } : { line: 1, column: 1 };
            out.push((0,findings/* finding */.gk)(layout.dockerfile.file, pos, 'error', 'cross/conf-not-loaded', `${repoPath} is copied to ${imagePath}, where the agent never reads it (it loads /etc/datadog-agent/conf.d/<check>.d/*.yaml): copy it to /etc/datadog-agent/conf.d/${check}.d/${repoPath.split('/').pop() ?? 'conf.yaml'}`));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/cross/ports.ts
/**
 * Ports that must agree along the log path: the web servers' `out_forward` `<server> port`, the
 * aggregator's `in_forward` `port` (both default to 24224), and the Fluentd container's
 * `portMappings` in its task definition (an NLB target group registers the task by a mapped
 * container port: ECS CreateService `loadBalancers[].containerPort` must be one of them).
 */




const where = (p) => `${p.file}:${p.pos.line}`;
/** The aggregator's in_forward ports, from every Fluentd container that runs a parsed config. */
function aggregatorPorts(world) {
    const out = [];
    for (const c of world.containers) {
        if (!c.fluentd)
            continue;
        const ports = forwardInputPorts(c.fluentd.root);
        if (ports === null)
            return undefined;
        (0,findings/* appendAll */.u2)(out, ports);
    }
    return out.length ? out : undefined;
}
function senderPorts(world) {
    const listening = aggregatorPorts(world);
    if (!listening)
        return [];
    const out = [];
    for (const sender of world.senders) {
        for (const server of forwardServers(sender.root)) {
            if (listening.some((l) => l.port === server.port))
                continue;
            const l = listening[0];
            out.push((0,findings/* finding */.gk)(server.file, server.pos, 'warning', 'cross/forward-port', `the sender forwards to port ${server.port}, but the aggregator's in_forward listens on ${l.port} (${where(l)}): unless the load balancer's listener on ${server.port} targets ${l.port}, every event is refused; use the same port on both`));
        }
    }
    return out;
}
function containerPorts(c) {
    const out = [];
    for (const pm of mapsOf((0,yaml_ast/* get */.Jt)(c.node, 'portMappings'))) {
        const n = (0,yaml_ast/* get */.Jt)(pm, 'containerPort');
        if ((0,yaml_ast/* isScalar */.jn)(n) && typeof n.value === 'number')
            out.push({ port: n.value, node: n });
    }
    return out;
}
function aggregatorPortMappings(world) {
    const out = [];
    for (const c of world.containers) {
        if (!c.fluentd)
            continue;
        const listening = forwardInputPorts(c.fluentd.root);
        if (!listening?.length)
            continue;
        const mapped = containerPorts(c);
        const at = (0,yaml_ast/* getPair */.xf)(c.node, 'portMappings')?.key ?? c.nameNode;
        for (const l of listening) {
            if (mapped.some((m) => m.port === l.port))
                continue;
            out.push((0,findings/* finding */.gk)(c.td.file, posOf(c.td, at), 'warning', 'cross/forward-port-mapping', `container "${c.name}" maps no containerPort ${l.port}, where its in_forward listens (${where(l)}): the load balancer's target group cannot register the task on that port; add { "containerPort": ${l.port}, "protocol": "tcp" } to portMappings`));
        }
        if (c.fluentd.incomplete)
            continue;
        const anySource = sourcePorts(c.fluentd.root);
        for (const m of mapped) {
            if (anySource.includes(m.port))
                continue;
            out.push((0,findings/* finding */.gk)(c.td.file, posOf(c.td, m.node), 'warning', 'cross/forward-port-mapping', `containerPort ${m.port} of container "${c.name}" is not a port any of its Fluentd sources listens on; its in_forward listens (${listening.map((l) => `${l.port} at ${where(l)}`).join(', ')}): traffic sent there is refused; map the in_forward port or change its "port"`));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/cross/redeploy.ts
/**
 * What a redeploy does to the aggregator, and whether "COMPLETED" means anything.
 *
 * Every deployment stops the old tasks (a rolling update replaces them whatever its
 * minimumHealthyPercent): ECS sends SIGTERM, then SIGKILL after the container's `stopTimeout`
 * (Fargate: default 30 s, at most 120 s: ECS API ContainerDefinition.stopTimeout). On SIGTERM
 * Fluentd flushes what `flush_at_shutdown` says, whose default differs by buffer type: true for
 * memory, false for file (Fluentd docs, "Buffer Section": flush_at_shutdown; "Signals": SIGTERM
 * does not flush the file buffer, it is kept on disk). A Fargate task's own storage is deleted when
 * the task stops (ECS Developer Guide, "Fargate task ephemeral storage"), so a file buffer that is
 * not flushed is lost, unless it lives on an EFS volume.
 *
 * Without a container `healthCheck`, ECS counts a task healthy as soon as it runs, so a rollout is
 * COMPLETED while the agent or Fluentd may be crash-looping on a bad config (ECS Developer Guide,
 * "Determining task health using container health checks").
 */




/** Container paths backed by an EFS volume (they outlive the task). */
function efsPaths(c) {
    const efs = new Set(mapsOf((0,yaml_ast/* get */.Jt)(c.td.root, 'volumes'))
        .filter((v) => (0,yaml_ast/* isMap */.jh)((0,yaml_ast/* get */.Jt)(v, 'efsVolumeConfiguration')))
        .map((v) => strOf((0,yaml_ast/* get */.Jt)(v, 'name'))));
    return mapsOf((0,yaml_ast/* get */.Jt)(c.node, 'mountPoints'))
        .filter((m) => efs.has(strOf((0,yaml_ast/* get */.Jt)(m, 'sourceVolume'))))
        .map((m) => strOf((0,yaml_ast/* get */.Jt)(m, 'containerPath')))
        .filter((p) => p !== undefined);
}
function lossOf(b, c) {
    if (b.type === 'memory' && b.flushAtShutdown === false) {
        return 'a memory buffer with flush_at_shutdown false is dropped when ECS stops the task at every deploy';
    }
    if (b.type === 'file' && b.flushAtShutdown !== true) {
        const onEfs = b.path !== undefined &&
            efsPaths(c).some((p) => b.path === p || (b.path ?? '').startsWith(`${p.replace(/\/$/, '')}/`));
        if (onEfs)
            return undefined;
        const why = b.flushAtShutdown === false
            ? 'flush_at_shutdown false'
            : 'flush_at_shutdown, false by default for a file buffer,';
        return `a file buffer on the task's ephemeral storage with ${why} keeps its chunks on a disk that Fargate deletes with the task at every deploy`;
    }
    return undefined;
}
function bufferOnRedeploy(world) {
    const out = [];
    for (const c of world.containers) {
        if (!c.fluentd)
            continue;
        const stop = (0,yaml_ast/* get */.Jt)(c.node, 'stopTimeout');
        const timeout = strOf(stop) ??
            (stop && 'value' in stop && typeof stop.value === 'number' ? String(stop.value) : '30 (the default)');
        for (const b of buffers(c.fluentd.root)) {
            const loss = lossOf(b, c);
            if (!loss)
                continue;
            out.push((0,findings/* finding */.gk)(b.at.file, b.at.pos, 'error', 'cross/buffer-lost-on-deploy', `${loss} (container "${c.name}" in ${c.td.file}, stopTimeout ${timeout} s): set flush_at_shutdown true and a stopTimeout long enough to flush (at most 120 s on Fargate)`));
        }
    }
    return out;
}
const HEALTH_CHECKS = {
    // The agent's own health command (Datadog docs, "Amazon ECS on AWS Fargate": the task definition's healthCheck).
    agent: '"healthCheck": { "command": ["CMD-SHELL", "agent health"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 15 }',
    // The Fluentd image has Ruby: a TCP connect to in_forward proves the config loaded and the input listens.
    fluentd: `"healthCheck": { "command": ["CMD-SHELL", "ruby -rsocket -e 'TCPSocket.new(%q(127.0.0.1), 24224).close'"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 15 }`,
};
function healthChecks(world) {
    const out = [];
    for (const c of world.containers) {
        if (c.role === 'other' || (0,yaml_ast/* getPair */.xf)(c.node, 'healthCheck'))
            continue;
        out.push((0,findings/* finding */.gk)(c.td.file, posOf(c.td, c.nameNode), 'warning', 'cross/no-health-check', `the ${c.role === 'agent' ? 'agent' : 'Fluentd'} container "${c.name}" has no healthCheck, so ECS reports the rollout COMPLETED as soon as the process starts, even if it then fails on its config: add ${HEALTH_CHECKS[c.role]}`));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/cross/task-wiring.ts
/**
 * Agreements between a task definition and the rest of the project: the awslogs Region and the
 * project's Region, the image's platform and `runtimePlatform`.
 */



/**
 * awslogs writes to the Region its `awslogs-region` names (ECS Developer Guide, "Using the awslogs
 * log driver"): another Region than the project's works, but the logs are not where the cluster is.
 */
function logRegion(world) {
    const region = world.project.region;
    if (!region)
        return [];
    const out = [];
    for (const c of world.containers) {
        const log = (0,yaml_ast/* get */.Jt)(c.node, 'logConfiguration');
        if (!(0,yaml_ast/* isMap */.jh)(log) || strOf((0,yaml_ast/* get */.Jt)(log, 'logDriver')) !== 'awslogs')
            continue;
        const options = (0,yaml_ast/* get */.Jt)(log, 'options');
        const node = (0,yaml_ast/* isMap */.jh)(options) ? (0,yaml_ast/* get */.Jt)(options, 'awslogs-region') : undefined;
        const v = strOf(node);
        if (!node || v === undefined || v === region || /^\$\{|^<.*>$/.test(v))
            continue;
        out.push((0,findings/* finding */.gk)(c.td.file, posOf(c.td, node), 'warning', 'cross/log-region', `container "${c.name}" sends its logs to CloudWatch in ${v}, but ${world.project.configFile} deploys to ${region}: write "awslogs-region": "${region}" (the execution role may also lack rights there)`));
    }
    return out;
}
const ARCH = {
    'linux/amd64': 'X86_64',
    'linux/x86_64': 'X86_64',
    'linux/arm64': 'ARM64',
    'linux/arm64/v8': 'ARM64',
    'linux/aarch64': 'ARM64',
};
/**
 * The image is built for one platform (the project's `platform`, else the final stage's
 * `FROM --platform`); Fargate runs the task on `runtimePlatform.cpuArchitecture` (default X86_64,
 * ECS API RuntimePlatform). A mismatch fails at pull ("image Manifest does not contain descriptor
 * matching platform") or at exec ("exec format error").
 */
function platform(world) {
    const out = [];
    for (const c of world.containers) {
        if (!c.layout)
            continue;
        const img = world.project.images[c.layout.imageKey];
        const stages = c.layout.dockerfile.stages;
        const written = img?.platform ?? stages[stages.length - 1]?.platform;
        const arch = written ? ARCH[written.toLowerCase()] : undefined;
        if (!written || !arch)
            continue;
        const rp = (0,yaml_ast/* get */.Jt)(c.td.root, 'runtimePlatform');
        const archNode = (0,yaml_ast/* isMap */.jh)(rp) ? (0,yaml_ast/* get */.Jt)(rp, 'cpuArchitecture') : undefined;
        const runs = strOf(archNode) ?? 'X86_64';
        if (runs === arch)
            continue;
        const source = img?.platform
            ? `images.${c.layout.imageKey}.platform in ${world.project.configFile}`
            : `FROM --platform in ${c.layout.dockerfile.file}`;
        const at = archNode ?? (0,yaml_ast/* getPair */.xf)(c.td.root, 'runtimePlatform')?.key ?? c.nameNode;
        out.push((0,findings/* finding */.gk)(c.td.file, posOf(c.td, at), 'error', 'cross/platform', `container "${c.name}" runs on ${runs}${archNode ? '' : ' (the default)'}, but its image is built for ${written} (${source}): the task fails to start; set "runtimePlatform": { "cpuArchitecture": "${arch}", "operatingSystemFamily": "LINUX" } or build for the other platform`));
    }
    return out;
}

// EXTERNAL MODULE: ./src/checks/fluentd/secrets.ts + 1 modules
var secrets = __webpack_require__(2592);
// EXTERNAL MODULE: ./src/checks/yaml/load.ts + 2 modules
var yaml_load = __webpack_require__(7112);
;// CONCATENATED MODULE: ./src/checks/cross/unused-secret.ts
/**
 * The converse of "every ENV the config reads is set": a secret the project file hands to the
 * Fluentd container that no `#{ENV['X']}` of its config reads. It is usually the other half of a
 * renamed variable (`secrets: { ddapikey: ... }` while fluent.conf reads `ENV['DD_API_KEY']`): the
 * config then gets "" (fluentd/env-not-provided says so at the config), and this finding points at
 * the secret that was meant (CONFIG-FACTS E2.5: stale `secrets` entries).
 */






/** Every ENV name the config's embedded Ruby reads. */
function envNamesOf(root) {
    const out = new Set();
    const stack = [root];
    while (stack.length) {
        const el = stack.pop();
        for (const code of [...el.argEmbedded, ...el.params.flatMap((p) => p.embedded)]) {
            for (const ref of (0,secrets/* envRefs */.i)(code.code))
                out.add(ref.name);
        }
        (0,findings/* appendAll */.u2)(stack, el.elements);
    }
    return out;
}
/** The key node of `services.<svc>.secrets.<name>` in the project file. */
function secretKey(world, service, name) {
    const file = world.project.configFile;
    const decoded = (0,checks_source/* readSource */.o$)(file, external_node_path_default().join(world.project.root, file));
    if (!decoded.ok)
        return undefined;
    const y = (0,yaml_load/* loadYaml */.yv)(decoded.source, 'core');
    const services = (0,yaml_ast/* isMap */.jh)(y.root) ? (0,yaml_ast/* get */.Jt)(y.root, 'services') : undefined;
    const svc = (0,yaml_ast/* isMap */.jh)(services) ? (0,yaml_ast/* get */.Jt)(services, service) : undefined;
    const secrets = (0,yaml_ast/* isMap */.jh)(svc) ? (0,yaml_ast/* get */.Jt)(svc, 'secrets') : undefined;
    const pair = (0,yaml_ast/* isMap */.jh)(secrets) ? (0,yaml_ast/* getPair */.xf)(secrets, name) : undefined;
    return pair ? { file, node: pair.key, lines: decoded.source.lines } : undefined;
}
function unusedSecrets(world) {
    const out = [];
    for (const c of world.containers) {
        if (!c.fluentd || c.fluentd.incomplete)
            continue;
        const read = envNamesOf(c.fluentd.root);
        if (read.size === 0)
            continue;
        for (const name of Object.keys(c.td.service.secrets)) {
            if (read.has(name))
                continue;
            const at = secretKey(world, c.td.service.key, name);
            if (!at)
                continue;
            out.push((0,findings/* finding */.gk)(at.file, at.lines.position(at.node.range[0]), 'warning', 'cross/unused-secret', `secret ${name} goes to container "${c.name}", but its Fluentd config (${c.fluentd.file}) reads no ENV['${name}'] (it reads ${[...read].sort().join(', ')}): rename one of them so they match`));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/cross/index.ts







const RULES = [
    senderPorts,
    aggregatorPortMappings,
    agentApiKey,
    datadogSite,
    logRegion,
    platform,
    confPlacement,
    bufferOnRedeploy,
    healthChecks,
    unusedSecrets,
];
function checkAgreements(project, layouts) {
    const world = buildWorld(project, layouts);
    return RULES.flatMap((rule) => rule(world));
}

// EXTERNAL MODULE: ./src/checks/fluentd/index.ts + 22 modules
var fluentd = __webpack_require__(1589);
// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __webpack_require__(5111);
;// CONCATENATED MODULE: ./src/project/names.ts
/**
 * Naming rules the project file's names must follow, from the AWS APIs that will receive them.
 * A name that breaks them (or carries shell characters like `a;rm -rf /`) is a finding, and is
 * never passed on to docker or AWS.
 */
/** ECR CreateRepository `repositoryName`: 2-256 characters, this pattern (ECR API reference). */
const ECR_REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** ECS CreateService `serviceName` and CreateCluster `clusterName`: up to 255 letters, numbers, hyphens and underscores. */
const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ECS_CLUSTER_ARN = /^arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;
/** Image keys end up in docker tags, log lines and outputs: keep them to what a tag allows. */
const IMAGE_KEY = /^[a-z0-9][a-z0-9._-]{0,127}$/;
/** AWS Region names: `ap-northeast-1`, `us-gov-west-1`, `cn-north-1`. */
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
/** Container environment names as shells and Ruby's ENV read them. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function ecrRepositoryProblem(name) {
    if (name.length < 2 || name.length > 256)
        return 'an ECR repository name is 2 to 256 characters';
    if (!ECR_REPOSITORY.test(name))
        return 'an ECR repository name is lowercase letters and digits, separated by single ".", "_", "-" or "/" (e.g. monitoring/datadog-agent)';
    return undefined;
}
function ecsNameProblem(name, what) {
    if (what === 'cluster' && ECS_CLUSTER_ARN.test(name))
        return undefined;
    if (!ECS_NAME.test(name))
        return `an ECS ${what} name is up to 255 letters, digits, "-" and "_"`;
    return undefined;
}
function imageKeyProblem(key) {
    if (!IMAGE_KEY.test(key))
        return 'an image key is lowercase letters, digits, ".", "_" and "-", starting with a letter or digit';
    return undefined;
}
function regionProblem(region) {
    if (!REGION.test(region))
        return 'an AWS Region looks like ap-northeast-1 or us-east-1';
    return undefined;
}
function envNameProblem(name) {
    if (!ENV_NAME.test(name))
        return 'an environment variable name is letters, digits and "_", not starting with a digit';
    return undefined;
}
/** Docker platform strings Fargate runs: linux/amd64 and linux/arm64 (ECS runtimePlatform X86_64 / ARM64). */
const FARGATE_PLATFORMS = (/* unused pure expression or super */ null && (['linux/amd64', 'linux/arm64']));

// EXTERNAL MODULE: ./src/project/dockerfile.ts + 1 modules
var project_dockerfile = __webpack_require__(2552);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/project/paths.ts
/**
 * Repository paths from the project file. A path must stay inside the repository: absolute paths,
 * `..` that climbs out, and symlinks whose target is outside are refused before anything is read.
 */



/** Resolve `p` (as written in the project file) against the repository root. */
function resolveRepoPath(root, p) {
    if (p === '')
        return { ok: false, problem: 'the path is empty' };
    if (p.includes('\0'))
        return { ok: false, problem: 'the path holds a NUL character' };
    if (p.includes('\\'))
        return { ok: false, problem: 'write paths with "/", not "\\"' };
    if (external_node_path_default().posix.isAbsolute(p) || /^[A-Za-z]:/.test(p)) {
        return { ok: false, problem: 'absolute paths are not allowed: write it relative to the repository root' };
    }
    const rel = external_node_path_default().posix.normalize(p).replace(/\/+$/, '') || '.';
    if (rel === '..' || rel.startsWith('../'))
        return { ok: false, problem: 'the path leaves the repository' };
    const abs = external_node_path_default().join(root, rel);
    const realRoot = (0,fs/* realpathOrSelf */.Rk)(root);
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(abs);
    }
    catch {
        real = undefined;
    }
    if (real !== undefined && !(0,fs/* isInside */.FK)(realRoot, real)) {
        return { ok: false, problem: 'the path is a symlink (or goes through one) that points outside the repository' };
    }
    if (real === undefined)
        return { ok: true, rel, abs, exists: false, dir: false };
    let dir = false;
    try {
        dir = (0,external_node_fs_.statSync)(real).isDirectory();
    }
    catch {
        return { ok: true, rel, abs, exists: false, dir: false };
    }
    return { ok: true, rel, abs, exists: true, dir };
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(6214);
;// CONCATENATED MODULE: ./src/project/schema-validator.generated.js
// Generated by scripts/gen-schema-validator.mjs from schema/dd-ecs-monitor.schema.json: do not edit.
/* eslint-disable */

const validate = validate10;/* harmony default export */ const schema_validator_generated = ((/* unused pure expression or super */ null && (validate10)));const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://cdn.jsdelivr.net/npm/dd-ecs-monitor/schema/dd-ecs-monitor.schema.json","title":"dd-ecs-monitor project file (dd-ecs-monitor.yml)","description":"What to build, where it goes and how to deploy it. Reference: docs/project-file.md. The tool validates against this same schema (x-code: the finding code a violation reports).","type":"object","additionalProperties":false,"required":["cluster"],"properties":{"version":{"description":"The project file format; 1 is the only version.","const":1,"x-code":"project/invalid-value","errorMessage":"version must be 1 (the only project file version so far)"},"region":{"description":"AWS Region; when absent, the SDK's own resolution (AWS_REGION, profile) decides.","type":"string","pattern":"^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$","x-code":"project/invalid-region","errorMessage":"an AWS Region looks like ap-northeast-1 or us-east-1"},"cluster":{"description":"The ECS cluster of every service (unless a service sets its own).","$ref":"#/definitions/cluster"},"images":{"description":"What to build: image key -> build settings.","type":["object","null"],"propertyNames":{"pattern":"^[a-z0-9][a-z0-9._-]{0,127}$","x-code":"project/invalid-name","errorMessage":"an image key is lowercase letters, digits, \".\", \"_\" and \"-\", starting with a letter or digit"},"additionalProperties":{"$ref":"#/definitions/image"}},"services":{"description":"What to deploy: service key -> the ECS service and its task definition template.","type":["object","null"],"additionalProperties":{"$ref":"#/definitions/service"}},"files":{"description":"Repository path -> kind, for files no image carries (or `ignore` to skip one).","type":["object","null"],"additionalProperties":{"enum":["http_check","mysql","fluentd","taskdef","datadog_yaml","secret","dockerfile","ignore"],"x-code":"project/unknown-kind","errorMessage":"not a file kind"}},"fluentd":{"type":["object","null"],"additionalProperties":false,"properties":{"forwardedTags":{"description":"Tags the aggregator's in_forward is expected to receive (routing check).","type":["array","string"],"items":{"type":"string"}}}},"deploy":{"type":["object","null"],"additionalProperties":false,"properties":{"waitTimeoutSeconds":{"description":"Follow a rollout this long (default 900).","$ref":"#/definitions/seconds"},"pollIntervalSeconds":{"description":"Poll interval while following a rollout (default 15).","$ref":"#/definitions/seconds"},"rollback":{"description":"Roll back to the previous task definition on failure (default true).","type":"boolean"},"fluentdDryRun":{"description":"Run `fluentd --dry-run` in the built Fluentd image (default true).","type":"boolean"},"createRepositories":{"description":"Create missing ECR repositories (default false).","type":"boolean"},"resolveBaseImages":{"description":"Resolve base images given by a floating tag to their digest for the content hash, so a moved tag rebuilds (default true).","type":"boolean"}}}},"definitions":{"cluster":{"type":"string","pattern":"^(?:[A-Za-z0-9_-]{1,255}|arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255})$","x-code":"project/invalid-name","errorMessage":"an ECS cluster name is up to 255 letters, digits, \"-\" and \"_\""},"path":{"type":"string","description":"Relative to the repository root (the project file's directory); never leaves it."},"text":{"type":["string","number","boolean"],"description":"A value passed as text (numbers and booleans as written)."},"seconds":{"type":"integer","minimum":1,"x-code":"project/invalid-value","errorMessage":"a whole number of seconds above 0"},"image":{"type":["object","null"],"additionalProperties":false,"properties":{"context":{"description":"Build context directory (default \".\").","$ref":"#/definitions/path"},"dockerfile":{"description":"Default <context>/Dockerfile; relative to the repository root.","$ref":"#/definitions/path"},"repository":{"description":"ECR repository name (default: the image key), e.g. monitoring/datadog-agent.","type":"string","minLength":2,"maxLength":256,"pattern":"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$","x-code":"project/invalid-name","errorMessage":"an ECR repository name is 2 to 256 lowercase letters and digits, separated by single \".\", \"_\", \"-\" or \"/\" (e.g. monitoring/datadog-agent)"},"buildArgs":{"description":"--build-arg values.","type":["object","null"],"propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-code":"project/invalid-name","errorMessage":"a build arg name is letters, digits and \"_\""},"additionalProperties":{"$ref":"#/definitions/text"}},"target":{"description":"--target: a stage name of the Dockerfile.","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*$","x-code":"project/invalid-name","errorMessage":"a stage name starts with a letter: letters, digits, \"_\", \".\" and \"-\""},"platform":{"description":"--platform: a platform Fargate runs.","enum":["linux/amd64","linux/arm64"],"x-code":"project/invalid-value","errorMessage":"not a platform Fargate runs"}}},"service":{"type":"object","additionalProperties":false,"required":["taskDefinition"],"properties":{"service":{"description":"ECS service name (default: the key).","type":"string","pattern":"^[A-Za-z0-9_-]{1,255}$","x-code":"project/invalid-name","errorMessage":"an ECS service name is up to 255 letters, digits, \"-\" and \"_\""},"cluster":{"description":"Default: the top-level cluster.","$ref":"#/definitions/cluster"},"taskDefinition":{"description":"The task definition template (JSON or YAML).","$ref":"#/definitions/path"},"containers":{"description":"Container name -> image key: that container runs the built image, pinned by digest.","type":["object","null"],"additionalProperties":{"type":"string"}},"secrets":{"description":"Env name -> SSM parameter name/path, SSM ARN or Secrets Manager ARN.","type":["object","null"],"additionalProperties":{"$ref":"#/definitions/text"}},"environment":{"description":"Env name -> plain value.","type":["object","null"],"additionalProperties":{"$ref":"#/definitions/text"}}}}}};const schema12 = {"type":"string","pattern":"^(?:[A-Za-z0-9_-]{1,255}|arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255})$","x-code":"project/invalid-name","errorMessage":"an ECS cluster name is up to 255 letters, digits, \"-\" and \"_\""};const schema22 = {"type":"integer","minimum":1,"x-code":"project/invalid-value","errorMessage":"a whole number of seconds above 0"};const pattern0 = new RegExp("^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$", "u");const pattern1 = new RegExp("^(?:[A-Za-z0-9_-]{1,255}|arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255})$", "u");const pattern2 = new RegExp("^[a-z0-9][a-z0-9._-]{0,127}$", "u");const schema13 = {"type":["object","null"],"additionalProperties":false,"properties":{"context":{"description":"Build context directory (default \".\").","$ref":"#/definitions/path"},"dockerfile":{"description":"Default <context>/Dockerfile; relative to the repository root.","$ref":"#/definitions/path"},"repository":{"description":"ECR repository name (default: the image key), e.g. monitoring/datadog-agent.","type":"string","minLength":2,"maxLength":256,"pattern":"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$","x-code":"project/invalid-name","errorMessage":"an ECR repository name is 2 to 256 lowercase letters and digits, separated by single \".\", \"_\", \"-\" or \"/\" (e.g. monitoring/datadog-agent)"},"buildArgs":{"description":"--build-arg values.","type":["object","null"],"propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-code":"project/invalid-name","errorMessage":"a build arg name is letters, digits and \"_\""},"additionalProperties":{"$ref":"#/definitions/text"}},"target":{"description":"--target: a stage name of the Dockerfile.","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*$","x-code":"project/invalid-name","errorMessage":"a stage name starts with a letter: letters, digits, \"_\", \".\" and \"-\""},"platform":{"description":"--platform: a platform Fargate runs.","enum":["linux/amd64","linux/arm64"],"x-code":"project/invalid-value","errorMessage":"not a platform Fargate runs"}}};const schema14 = {"type":"string","description":"Relative to the repository root (the project file's directory); never leaves it."};const schema16 = {"type":["string","number","boolean"],"description":"A value passed as text (numbers and booleans as written)."};const func2 = ucs2length/* default */.A;const pattern3 = new RegExp("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$", "u");const pattern4 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");const pattern5 = new RegExp("^[A-Za-z][A-Za-z0-9_.-]*$", "u");function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema13.type},message:"must be object,null",schema:schema13.type,parentSchema:schema13,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((((key0 === "context") || (key0 === "dockerfile")) || (key0 === "repository")) || (key0 === "buildArgs")) || (key0 === "target")) || (key0 === "platform"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.context !== undefined){let data0 = data.context;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/context",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.dockerfile !== undefined){let data1 = data.dockerfile;if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/dockerfile",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.repository !== undefined){let data2 = data.repository;if(typeof data2 === "string"){if(func2(data2) > 256){const err4 = {instancePath:instancePath+"/repository",schemaPath:"#/properties/repository/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema13.properties.repository,data:data2};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(func2(data2) < 2){const err5 = {instancePath:instancePath+"/repository",schemaPath:"#/properties/repository/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema13.properties.repository,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(!pattern3.test(data2)){const err6 = {instancePath:instancePath+"/repository",schemaPath:"#/properties/repository/pattern",keyword:"pattern",params:{pattern: "^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$"},message:"must match pattern \""+"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$"+"\"",schema:"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$",parentSchema:schema13.properties.repository,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/repository",schemaPath:"#/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.repository.type,parentSchema:schema13.properties.repository,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.buildArgs !== undefined){let data3 = data.buildArgs;if((!(data3 && typeof data3 == "object" && !Array.isArray(data3))) && (data3 !== null)){const err8 = {instancePath:instancePath+"/buildArgs",schemaPath:"#/properties/buildArgs/type",keyword:"type",params:{type: schema13.properties.buildArgs.type},message:"must be object,null",schema:schema13.properties.buildArgs.type,parentSchema:schema13.properties.buildArgs,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data3 && typeof data3 == "object" && !Array.isArray(data3)){for(const key1 in data3){const _errs14 = errors;if(typeof key1 === "string"){if(!pattern4.test(key1)){const err9 = {instancePath:instancePath+"/buildArgs",schemaPath:"#/properties/buildArgs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema13.properties.buildArgs.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}var valid3 = _errs14 === errors;if(!valid3){const err10 = {instancePath:instancePath+"/buildArgs",schemaPath:"#/properties/buildArgs/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema13.properties.buildArgs.propertyNames,parentSchema:schema13.properties.buildArgs,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}for(const key2 in data3){let data4 = data3[key2];if(((typeof data4 !== "string") && (!((typeof data4 == "number") && (isFinite(data4))))) && (typeof data4 !== "boolean")){const err11 = {instancePath:instancePath+"/buildArgs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/text/type",keyword:"type",params:{type: schema16.type},message:"must be string,number,boolean",schema:schema16.type,parentSchema:schema16,data:data4};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}}if(data.target !== undefined){let data5 = data.target;if(typeof data5 === "string"){if(!pattern5.test(data5)){const err12 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]*$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]*$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]*$",parentSchema:schema13.properties.target,data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.target.type,parentSchema:schema13.properties.target,data:data5};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.platform !== undefined){let data6 = data.platform;if(!((data6 === "linux/amd64") || (data6 === "linux/arm64"))){const err14 = {instancePath:instancePath+"/platform",schemaPath:"#/properties/platform/enum",keyword:"enum",params:{allowedValues: schema13.properties.platform.enum},message:"must be equal to one of the allowed values",schema:schema13.properties.platform.enum,parentSchema:schema13.properties.platform,data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}validate11.errors = vErrors;return errors === 0;}const schema17 = {"type":"object","additionalProperties":false,"required":["taskDefinition"],"properties":{"service":{"description":"ECS service name (default: the key).","type":"string","pattern":"^[A-Za-z0-9_-]{1,255}$","x-code":"project/invalid-name","errorMessage":"an ECS service name is up to 255 letters, digits, \"-\" and \"_\""},"cluster":{"description":"Default: the top-level cluster.","$ref":"#/definitions/cluster"},"taskDefinition":{"description":"The task definition template (JSON or YAML).","$ref":"#/definitions/path"},"containers":{"description":"Container name -> image key: that container runs the built image, pinned by digest.","type":["object","null"],"additionalProperties":{"type":"string"}},"secrets":{"description":"Env name -> SSM parameter name/path, SSM ARN or Secrets Manager ARN.","type":["object","null"],"additionalProperties":{"$ref":"#/definitions/text"}},"environment":{"description":"Env name -> plain value.","type":["object","null"],"additionalProperties":{"$ref":"#/definitions/text"}}}};const pattern6 = new RegExp("^[A-Za-z0-9_-]{1,255}$", "u");function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.taskDefinition === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "taskDefinition"},message:"must have required property '"+"taskDefinition"+"'",schema:schema17.required,parentSchema:schema17,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((((((key0 === "service") || (key0 === "cluster")) || (key0 === "taskDefinition")) || (key0 === "containers")) || (key0 === "secrets")) || (key0 === "environment"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.service !== undefined){let data0 = data.service;if(typeof data0 === "string"){if(!pattern6.test(data0)){const err2 = {instancePath:instancePath+"/service",schemaPath:"#/properties/service/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_-]{1,255}$"},message:"must match pattern \""+"^[A-Za-z0-9_-]{1,255}$"+"\"",schema:"^[A-Za-z0-9_-]{1,255}$",parentSchema:schema17.properties.service,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/service",schemaPath:"#/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.service.type,parentSchema:schema17.properties.service,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.cluster !== undefined){let data1 = data.cluster;if(typeof data1 === "string"){if(!pattern1.test(data1)){const err4 = {instancePath:instancePath+"/cluster",schemaPath:"#/definitions/cluster/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9_-]{1,255}|arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255})$"},message:"must match pattern \""+"^(?:[A-Za-z0-9_-]{1,255}|arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255})$"+"\"",schema:"^(?:[A-Za-z0-9_-]{1,255}|arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255})$",parentSchema:schema12,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/cluster",schemaPath:"#/definitions/cluster/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.taskDefinition !== undefined){let data2 = data.taskDefinition;if(typeof data2 !== "string"){const err6 = {instancePath:instancePath+"/taskDefinition",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.containers !== undefined){let data3 = data.containers;if((!(data3 && typeof data3 == "object" && !Array.isArray(data3))) && (data3 !== null)){const err7 = {instancePath:instancePath+"/containers",schemaPath:"#/properties/containers/type",keyword:"type",params:{type: schema17.properties.containers.type},message:"must be object,null",schema:schema17.properties.containers.type,parentSchema:schema17.properties.containers,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data3 && typeof data3 == "object" && !Array.isArray(data3)){for(const key1 in data3){let data4 = data3[key1];if(typeof data4 !== "string"){const err8 = {instancePath:instancePath+"/containers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/containers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.containers.additionalProperties.type,parentSchema:schema17.properties.containers.additionalProperties,data:data4};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}}if(data.secrets !== undefined){let data5 = data.secrets;if((!(data5 && typeof data5 == "object" && !Array.isArray(data5))) && (data5 !== null)){const err9 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/type",keyword:"type",params:{type: schema17.properties.secrets.type},message:"must be object,null",schema:schema17.properties.secrets.type,parentSchema:schema17.properties.secrets,data:data5};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data5 && typeof data5 == "object" && !Array.isArray(data5)){for(const key2 in data5){let data6 = data5[key2];if(((typeof data6 !== "string") && (!((typeof data6 == "number") && (isFinite(data6))))) && (typeof data6 !== "boolean")){const err10 = {instancePath:instancePath+"/secrets/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/text/type",keyword:"type",params:{type: schema16.type},message:"must be string,number,boolean",schema:schema16.type,parentSchema:schema16,data:data6};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}}if(data.environment !== undefined){let data7 = data.environment;if((!(data7 && typeof data7 == "object" && !Array.isArray(data7))) && (data7 !== null)){const err11 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/type",keyword:"type",params:{type: schema17.properties.environment.type},message:"must be object,null",schema:schema17.properties.environment.type,parentSchema:schema17.properties.environment,data:data7};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if(data7 && typeof data7 == "object" && !Array.isArray(data7)){for(const key3 in data7){let data8 = data7[key3];if(((typeof data8 !== "string") && (!((typeof data8 == "number") && (isFinite(data8))))) && (typeof data8 !== "boolean")){const err12 = {instancePath:instancePath+"/environment/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/text/type",keyword:"type",params:{type: schema16.type},message:"must be string,number,boolean",schema:schema16.type,parentSchema:schema16,data:data8};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}}}else {const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}validate13.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://cdn.jsdelivr.net/npm/dd-ecs-monitor/schema/dd-ecs-monitor.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.cluster === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cluster"},message:"must have required property '"+"cluster"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((((((((key0 === "version") || (key0 === "region")) || (key0 === "cluster")) || (key0 === "images")) || (key0 === "services")) || (key0 === "files")) || (key0 === "fluentd")) || (key0 === "deploy"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.version !== undefined){let data0 = data.version;if(1 !== data0){const err2 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.region !== undefined){let data1 = data.region;if(typeof data1 === "string"){if(!pattern0.test(data1)){const err3 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$"},message:"must match pattern \""+"^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$"+"\"",schema:"^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$",parentSchema:schema11.properties.region,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.region.type,parentSchema:schema11.properties.region,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.cluster !== undefined){let data2 = data.cluster;if(typeof data2 === "string"){if(!pattern1.test(data2)){const err5 = {instancePath:instancePath+"/cluster",schemaPath:"#/definitions/cluster/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9_-]{1,255}|arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255})$"},message:"must match pattern \""+"^(?:[A-Za-z0-9_-]{1,255}|arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255})$"+"\"",schema:"^(?:[A-Za-z0-9_-]{1,255}|arn:aws(?:-cn|-us-gov)?:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255})$",parentSchema:schema12,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/cluster",schemaPath:"#/definitions/cluster/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.images !== undefined){let data3 = data.images;if((!(data3 && typeof data3 == "object" && !Array.isArray(data3))) && (data3 !== null)){const err7 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/type",keyword:"type",params:{type: schema11.properties.images.type},message:"must be object,null",schema:schema11.properties.images.type,parentSchema:schema11.properties.images,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data3 && typeof data3 == "object" && !Array.isArray(data3)){for(const key1 in data3){const _errs16 = errors;if(typeof key1 === "string"){if(!pattern2.test(key1)){const err8 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,127}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,127}$"+"\"",schema:"^[a-z0-9][a-z0-9._-]{0,127}$",parentSchema:schema11.properties.images.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}var valid2 = _errs16 === errors;if(!valid2){const err9 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema11.properties.images.propertyNames,parentSchema:schema11.properties.images,data:data3};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}for(const key2 in data3){if(!(validate11(data3[key2], {instancePath:instancePath+"/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data3,parentDataProperty:key2,rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}}}if(data.services !== undefined){let data5 = data.services;if((!(data5 && typeof data5 == "object" && !Array.isArray(data5))) && (data5 !== null)){const err10 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: schema11.properties.services.type},message:"must be object,null",schema:schema11.properties.services.type,parentSchema:schema11.properties.services,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(data5 && typeof data5 == "object" && !Array.isArray(data5)){for(const key3 in data5){if(!(validate13(data5[key3], {instancePath:instancePath+"/services/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data5,parentDataProperty:key3,rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}}}if(data.files !== undefined){let data7 = data.files;if((!(data7 && typeof data7 == "object" && !Array.isArray(data7))) && (data7 !== null)){const err11 = {instancePath:instancePath+"/files",schemaPath:"#/properties/files/type",keyword:"type",params:{type: schema11.properties.files.type},message:"must be object,null",schema:schema11.properties.files.type,parentSchema:schema11.properties.files,data:data7};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if(data7 && typeof data7 == "object" && !Array.isArray(data7)){for(const key4 in data7){let data8 = data7[key4];if(!((((((((data8 === "http_check") || (data8 === "mysql")) || (data8 === "fluentd")) || (data8 === "taskdef")) || (data8 === "datadog_yaml")) || (data8 === "secret")) || (data8 === "dockerfile")) || (data8 === "ignore"))){const err12 = {instancePath:instancePath+"/files/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/files/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema11.properties.files.additionalProperties.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.files.additionalProperties.enum,parentSchema:schema11.properties.files.additionalProperties,data:data8};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}}if(data.fluentd !== undefined){let data9 = data.fluentd;if((!(data9 && typeof data9 == "object" && !Array.isArray(data9))) && (data9 !== null)){const err13 = {instancePath:instancePath+"/fluentd",schemaPath:"#/properties/fluentd/type",keyword:"type",params:{type: schema11.properties.fluentd.type},message:"must be object,null",schema:schema11.properties.fluentd.type,parentSchema:schema11.properties.fluentd,data:data9};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if(data9 && typeof data9 == "object" && !Array.isArray(data9)){for(const key5 in data9){if(!(key5 === "forwardedTags")){const err14 = {instancePath:instancePath+"/fluentd",schemaPath:"#/properties/fluentd/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.fluentd,data:data9};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data9.forwardedTags !== undefined){let data10 = data9.forwardedTags;if((!(Array.isArray(data10))) && (typeof data10 !== "string")){const err15 = {instancePath:instancePath+"/fluentd/forwardedTags",schemaPath:"#/properties/fluentd/properties/forwardedTags/type",keyword:"type",params:{type: schema11.properties.fluentd.properties.forwardedTags.type},message:"must be array,string",schema:schema11.properties.fluentd.properties.forwardedTags.type,parentSchema:schema11.properties.fluentd.properties.forwardedTags,data:data10};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if(Array.isArray(data10)){const len0 = data10.length;for(let i0=0; i0<len0; i0++){let data11 = data10[i0];if(typeof data11 !== "string"){const err16 = {instancePath:instancePath+"/fluentd/forwardedTags/" + i0,schemaPath:"#/properties/fluentd/properties/forwardedTags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.fluentd.properties.forwardedTags.items.type,parentSchema:schema11.properties.fluentd.properties.forwardedTags.items,data:data11};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}}}}if(data.deploy !== undefined){let data12 = data.deploy;if((!(data12 && typeof data12 == "object" && !Array.isArray(data12))) && (data12 !== null)){const err17 = {instancePath:instancePath+"/deploy",schemaPath:"#/properties/deploy/type",keyword:"type",params:{type: schema11.properties.deploy.type},message:"must be object,null",schema:schema11.properties.deploy.type,parentSchema:schema11.properties.deploy,data:data12};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if(data12 && typeof data12 == "object" && !Array.isArray(data12)){for(const key6 in data12){if(!((((((key6 === "waitTimeoutSeconds") || (key6 === "pollIntervalSeconds")) || (key6 === "rollback")) || (key6 === "fluentdDryRun")) || (key6 === "createRepositories")) || (key6 === "resolveBaseImages"))){const err18 = {instancePath:instancePath+"/deploy",schemaPath:"#/properties/deploy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.deploy,data:data12};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data12.waitTimeoutSeconds !== undefined){let data13 = data12.waitTimeoutSeconds;if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){const err19 = {instancePath:instancePath+"/deploy/waitTimeoutSeconds",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.type,parentSchema:schema22,data:data13};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}if((typeof data13 == "number") && (isFinite(data13))){if(data13 < 1 || isNaN(data13)){const err20 = {instancePath:instancePath+"/deploy/waitTimeoutSeconds",schemaPath:"#/definitions/seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22,data:data13};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}if(data12.pollIntervalSeconds !== undefined){let data14 = data12.pollIntervalSeconds;if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){const err21 = {instancePath:instancePath+"/deploy/pollIntervalSeconds",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.type,parentSchema:schema22,data:data14};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if((typeof data14 == "number") && (isFinite(data14))){if(data14 < 1 || isNaN(data14)){const err22 = {instancePath:instancePath+"/deploy/pollIntervalSeconds",schemaPath:"#/definitions/seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22,data:data14};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}if(data12.rollback !== undefined){let data15 = data12.rollback;if(typeof data15 !== "boolean"){const err23 = {instancePath:instancePath+"/deploy/rollback",schemaPath:"#/properties/deploy/properties/rollback/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.deploy.properties.rollback.type,parentSchema:schema11.properties.deploy.properties.rollback,data:data15};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data12.fluentdDryRun !== undefined){let data16 = data12.fluentdDryRun;if(typeof data16 !== "boolean"){const err24 = {instancePath:instancePath+"/deploy/fluentdDryRun",schemaPath:"#/properties/deploy/properties/fluentdDryRun/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.deploy.properties.fluentdDryRun.type,parentSchema:schema11.properties.deploy.properties.fluentdDryRun,data:data16};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data12.createRepositories !== undefined){let data17 = data12.createRepositories;if(typeof data17 !== "boolean"){const err25 = {instancePath:instancePath+"/deploy/createRepositories",schemaPath:"#/properties/deploy/properties/createRepositories/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.deploy.properties.createRepositories.type,parentSchema:schema11.properties.deploy.properties.createRepositories,data:data17};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data12.resolveBaseImages !== undefined){let data18 = data12.resolveBaseImages;if(typeof data18 !== "boolean"){const err26 = {instancePath:instancePath+"/deploy/resolveBaseImages",schemaPath:"#/properties/deploy/properties/resolveBaseImages/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.deploy.properties.resolveBaseImages.type,parentSchema:schema11.properties.deploy.properties.resolveBaseImages,data:data18};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}}}else {const err27 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}validate10.errors = vErrors;return errors === 0;}

;// CONCATENATED MODULE: ./src/project/schema.ts




/**
 * The schema compiled ahead of time (scripts/gen-schema-validator.mjs, run by `npm run build`; a test
 * checks it is fresh): compiling it with ajv on every start cost the CLI 130-250 ms on a busy 2-core machine.
 */
function projectValidator() {
    return validate;
}
/** Our YAML tree as the plain value a JSON Schema validates (the last of duplicated keys wins, as loaders do). */
function toPlain(node) {
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map(toPlain);
    return Object.fromEntries(node.pairs.map((p) => [(0,yaml_ast/* keyName */.xT)(p), toPlain(p.value)]));
}
const pointerPart = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');
function locate(root, instancePath) {
    let here = { node: root };
    for (const raw of instancePath.split('/').slice(1)) {
        const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        const n = here.node;
        if (n.kind === 'map') {
            const pair = [...n.pairs].reverse().find((p) => (0,yaml_ast/* keyName */.xT)(p) === part);
            if (!pair)
                return here;
            here = { node: pair.value, pair };
        }
        else if (n.kind === 'seq') {
            const item = n.items[Number(part)];
            if (!item)
                return here;
            here = { node: item };
        }
        else
            return here;
    }
    return here;
}
/** `images.agent.repository` for messages. */
const dotted = (instancePath) => instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.') || 'the project file';
function keyPair(root, instancePath, key) {
    const { node } = locate(root, instancePath);
    return node.kind === 'map' ? [...node.pairs].reverse().find((p) => (0,yaml_ast/* keyName */.xT)(p) === key) : undefined;
}
function checkShape(root, source) {
    const validate = projectValidator();
    const out = { findings: [], bad: new Set() };
    if (validate(toPlain(root)))
        return out;
    for (const err of validate.errors ?? []) {
        const f = toFinding(root, source, err, out.bad);
        if (f && !out.findings.some((g) => g.line === f.line && g.column === f.column && g.code === f.code))
            out.findings.push(f);
    }
    return out;
}
/** Each ajv keyword as a finding: the code, the node it points at, the message. */
const BY_KEYWORD = {
    additionalProperties: (c) => {
        const key = String(c.params.additionalProperty);
        const p = keyPair(c.root, c.err.instancePath, key);
        const hint = (0,suggest/* didYouMean */.au)(key, Object.keys(c.parent.properties ?? {}));
        return (p &&
            c.at(p.key, 'warning', 'project/unknown-key', `unknown key ${(0,findings/* quoteValue */.cl)(key)} in ${c.where}; it is ignored${hint}`));
    },
    propertyNames: (c) => {
        const key = String(c.params.propertyName);
        c.bad.add(`${c.err.instancePath}/${pointerPart(key)}`);
        const p = keyPair(c.root, c.err.instancePath, key);
        const rule = c.parent.propertyNames ?? {};
        const message = `${c.where}: "${key}" is not allowed: ${rule.errorMessage ?? c.err.message}`;
        return p && c.at(p.key, 'error', rule['x-code'] ?? 'project/invalid-name', message);
    },
    required: (c) => {
        const key = String(c.params.missingProperty);
        const desc = c.parent.properties?.[key]?.description ?? '';
        const { node, pair } = c.here;
        const present = node.kind === 'map' ? node.pairs.map(yaml_ast/* keyName */.xT) : [];
        const message = `${c.where} needs "${key}"${desc ? `: ${desc}` : ''}${(0,suggest/* didYouMean */.au)(key, present)}`;
        return c.at(pair?.key ?? node, 'error', 'project/missing-key', message);
    },
    type: (c) => {
        c.bad.add(c.err.instancePath);
        const { node } = c.here;
        const want = String(c.params.type)
            .split(',')
            .map((t) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`))
            .join(' or ');
        const empty = node.kind === 'scalar' && node.value === null;
        const message = empty
            ? `${c.where} is empty: give it a value`
            : `${c.where} must be ${want}, not ${(0,yaml_ast/* typeName */.go)(node)}`;
        return c.at(node, 'error', 'project/wrong-type', message);
    },
};
/** pattern, enum, const, minimum, ...: the schema's own code and words for what is allowed. */
function ruleFinding(c) {
    // A rule inside propertyNames: reported once, by its propertyNames error (which names the key).
    if (c.err.propertyName !== undefined)
        return undefined;
    c.bad.add(c.err.instancePath);
    const { node } = c.here;
    const value = node.kind === 'scalar' ? String(node.value) : (0,yaml_ast/* typeName */.go)(node);
    const choices = Array.isArray(c.params.allowedValues) ? c.params.allowedValues.map(String) : [];
    const hint = choices.length ? `; use ${choices.join(' or ')}${(0,suggest/* didYouMean */.au)(value, choices)}` : '';
    const message = `${c.where} "${value}": ${c.parent.errorMessage ?? c.err.message}${hint}`;
    return c.at(node, 'error', c.parent['x-code'] ?? 'project/invalid-value', message);
}
function toFinding(root, source, err, bad) {
    const c = {
        err,
        params: err.params,
        parent: (err.parentSchema ?? {}),
        where: dotted(err.instancePath),
        here: locate(root, err.instancePath),
        root,
        bad,
        at: (node, severity, code, message) => (0,findings/* finding */.gk)(source.file, source.lines.position(node.range[0]), severity, code, message),
    };
    return (BY_KEYWORD[err.keyword] ?? ruleFinding)(c);
}

// EXTERNAL MODULE: ./src/ecs/arn.ts
var arn = __webpack_require__(7362);
;// CONCATENATED MODULE: ./src/project/service-checks.ts
/**
 * What the project file and a task definition template say about the same thing, compared before
 * a deploy would find out: a project secret that replaces a template secret read from somewhere
 * else, and an image pushed to a repository other than the one the template already runs. Pure:
 * the loader gives the parsed template and places the findings on the project file's lines.
 */

const isRec = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
const recs = (v) => (Array.isArray(v) ? v.filter(isRec) : []);
/** Where a secret comes from, comparable across an SSM name and an SSM ARN of the same parameter. */
function secretSource(ref) {
    const k = (0,arn/* classifySecretRef */.yi)(ref);
    if (k.kind === 'ssm-name')
        return `ssm:${k.name.replace(/^\//, '')}`;
    if (k.kind === 'ssm-arn')
        return `ssm:${k.arn.slice(k.arn.indexOf(':parameter/') + ':parameter/'.length)}`;
    return ref;
}
/**
 * The template secrets named `name` in the given containers that read a different source than
 * `value`: the deploy replaces them with the project file's (render merges by name).
 */
function overriddenSecrets(template, containers, name, value) {
    const out = [];
    for (const c of recs(template?.containerDefinitions)) {
        if (typeof c.name !== 'string' || !containers.includes(c.name))
            continue;
        for (const s of recs(c.secrets)) {
            if (s.name !== name || typeof s.valueFrom !== 'string')
                continue;
            if (secretSource(s.valueFrom) !== secretSource(value))
                out.push({ container: c.name, valueFrom: s.valueFrom });
        }
    }
    return out;
}
// <account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>[:tag][@sha256:...]
const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([^:@\s]+)(?::[^/@\s]+)?(?:@sha256:[0-9a-f]{64})?$/;
/** The ECR repository an image reference points into; undefined for anything not in ECR. */
function ecrRepositoryOf(image) {
    return typeof image === 'string' ? ECR_IMAGE.exec(image.trim())?.[1] : undefined;
}
/** The ECR repository a template's container already runs, when its image is an ECR reference. */
function templateRepository(template, container) {
    return ecrRepositoryOf(recs(template?.containerDefinitions).find((c) => c.name === container)?.image);
}

// EXTERNAL MODULE: ./src/project/types.ts
var types = __webpack_require__(1460);
;// CONCATENATED MODULE: ./src/project/yaml-reader.ts
/**
 * Typed reads from the project file's YAML tree, after the JSON Schema has judged its shape
 * (schema.ts): a read returns the value when it has the type the schema asks for and undefined
 * otherwise (the schema's finding already points at it), plus `at` for the loader's own findings.
 */


class YamlReader {
    source;
    bad;
    findings = [];
    constructor(source, 
    /** JSON pointers of values the schema refused. */
    bad = new Set()) {
        this.source = source;
        this.bad = bad;
    }
    at(node, severity, code, message) {
        this.findings.push((0,findings/* finding */.gk)(this.source.file, this.source.lines.position(node.range[0]), severity, code, message));
    }
    /** True when the schema refused the value at this pointer (e.g. `/images/agent/repository`). */
    refused(pointer) {
        return this.bad.has(pointer);
    }
    /** A mapping; a null value (`key:`) is an empty mapping. */
    map(node) {
        if (!node)
            return undefined;
        if (node.kind === 'scalar' && node.value === null)
            return { kind: 'map', pairs: [], flow: true, range: node.range };
        return node.kind === 'map' ? node : undefined;
    }
    /** The pairs of a mapping by key, the last of duplicated keys winning (as YAML loaders do). */
    fields(map) {
        return new Map(map.pairs.map((p) => [(0,yaml_ast/* keyName */.xT)(p), p]));
    }
    /** A string; with `loose`, numbers and booleans written plainly are taken as their text. */
    str(node, opts = {}) {
        if (node?.kind !== 'scalar' || node.value === null)
            return undefined;
        if (typeof node.value === 'string')
            return node.value;
        return opts.loose ? node.text : undefined;
    }
    bool(node) {
        return node?.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : undefined;
    }
    /** A positive whole number. */
    count(node) {
        const v = node?.kind === 'scalar' ? node.value : undefined;
        return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
    }
    /** A mapping of name -> text value (values written as numbers/booleans are taken as text). */
    stringMap(node) {
        return (this.map(node)?.pairs ?? []).flatMap((pair) => {
            const value = this.str(pair.value, { loose: true });
            return value === undefined ? [] : [{ name: (0,yaml_ast/* keyName */.xT)(pair), value, pair }];
        });
    }
    /** A list of strings (a single string is taken as a one-item list). */
    strings(node) {
        const one = this.str(node);
        if (one !== undefined)
            return [one];
        if (node?.kind !== 'seq')
            return [];
        return node.items.flatMap((item) => (this.str(item) === undefined ? [] : [this.str(item)]));
    }
}

;// CONCATENATED MODULE: ./src/project/load.ts
/**
 * `dd-ecs-monitor.yml` -> a validated `Project` plus findings on the project file's own lines.
 * Unreadable or not-YAML is fatal (the CLI exits 2); everything else is a finding and loading goes
 * on, so one run reports every problem. The shape (keys, types, names AWS or docker would refuse) is
 * the JSON Schema's (schema/dd-ecs-monitor.schema.json via schema.ts); this file adds what a schema
 * cannot say: paths never leave the repository and exist, images, containers and stages referenced
 * exist, secrets are usable, and nothing is deployed twice. Documented in docs/project-file.md.
 */















/** `text`: the file's content when it is not on disk (yet): `init --dry-run` validates what it prints. */
function loadProject(configPath, text) {
    const abs = external_node_path_default().resolve(configPath);
    const root = external_node_path_default().dirname(abs);
    const configFile = external_node_path_default().basename(abs);
    const decoded = text === undefined ? (0,checks_source/* readSource */.o$)(configFile, abs) : (0,checks_source/* decode */.D4)(configFile, Buffer.from(text, 'utf8'));
    if (!decoded.ok)
        return { findings: decoded.findings, fatal: true };
    const source = decoded.source;
    const yaml = (0,yaml_load/* loadYaml */.yv)(source, 'core');
    if (yaml.findings.some((f) => f.severity === 'error'))
        return { findings: yaml.findings, fatal: true };
    if (!yaml.root || yaml.root.kind !== 'map') {
        const pos = yaml.root ? source.lines.position(yaml.root.range[0]) : { line: 1, column: 1 };
        return {
            findings: [
                ...yaml.findings,
                (0,findings/* finding */.gk)(configFile, pos, 'error', 'project/not-a-mapping', 'the project file must be a YAML mapping with cluster, images and services (see docs/project-file.md)'),
            ],
            fatal: true,
        };
    }
    const shape = checkShape(yaml.root, source);
    const r = new YamlReader(source, shape.bad);
    (0,findings/* appendAll */.u2)(r.findings, yaml.findings);
    (0,findings/* appendAll */.u2)(r.findings, shape.findings);
    for (const d of yaml.duplicates) {
        r.at(d.dup.key, 'error', 'project/duplicate-key', `"${d.key}" is defined twice${d.path ? ` in ${d.path}` : ''} (first on line ${source.lines.position(d.first.key.range[0]).line}): the first one would be silently dropped; merge them`);
    }
    const project = new ProjectLoader(r, root).load(yaml.root, configFile);
    return { project, findings: (0,findings/* sortFindings */.Tc)(r.findings), fatal: false };
}
/** A JSON pointer segment (RFC 6901), to ask the schema's verdict on a value. */
const ptr = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');
class ProjectLoader {
    r;
    root;
    /** Parsed task definition templates by repo path, for the cross-checks with the project file. */
    templates = new Map();
    constructor(r, root) {
        this.r = r;
        this.root = root;
    }
    load(rootMap, configFile) {
        const r = this.r;
        const top = r.fields(rootMap);
        const project = {
            root: this.root,
            configFile,
            cluster: '',
            images: {},
            services: {},
            files: {},
            fluentd: { forwardedTags: [] },
            deploy: { ...types/* DEPLOY_DEFAULTS */.D },
        };
        const region = r.str(top.get('region')?.value);
        if (region !== undefined && !r.refused('/region'))
            project.region = region;
        const cluster = r.str(top.get('cluster')?.value);
        if (cluster !== undefined && !r.refused('/cluster'))
            project.cluster = cluster;
        const imagesMap = r.map(top.get('images')?.value);
        for (const p of lastPairs(imagesMap)) {
            const img = r.refused(`/images/${ptr((0,yaml_ast/* keyName */.xT)(p))}`) ? undefined : this.image(p);
            if (img)
                project.images[img.key] = img;
        }
        const servicesMap = r.map(top.get('services')?.value);
        if (!top.get('services'))
            r.at(rootMap, 'warning', 'project/missing-key', 'the project file has no "services": nothing will be deployed');
        for (const p of lastPairs(servicesMap)) {
            const svc = this.service(p, project, imagesMap);
            if (svc)
                project.services[svc.key] = svc;
        }
        this.crossChecks(project, imagesMap, servicesMap);
        for (const p of lastPairs(r.map(top.get('files')?.value)))
            this.fileOverride(p, project);
        const fluentdMap = r.map(top.get('fluentd')?.value);
        if (fluentdMap)
            project.fluentd.forwardedTags = r.strings(r.fields(fluentdMap).get('forwardedTags')?.value);
        const deployMap = r.map(top.get('deploy')?.value);
        if (deployMap)
            this.deploy(deployMap, project);
        return project;
    }
    /** A repository path of the project file: inside the repository, existing, a file or a directory as asked. */
    repoPath(node, raw, where, want, missing) {
        const res = resolveRepoPath(this.root, raw);
        if (!res.ok) {
            this.r.at(node, 'error', 'project/path-outside', `${where} "${raw}": ${res.problem}`);
            return undefined;
        }
        if (want === 'dir' && res.exists && !res.dir) {
            this.r.at(node, 'error', 'project/not-a-directory', `${where} "${raw}" is a file: the build context is a directory`);
            return undefined;
        }
        if (!res.exists || res.dir !== (want === 'dir')) {
            this.r.at(node, 'error', 'project/missing-file', missing ??
                `${where} "${raw}" ${want === 'dir' ? 'does not exist in the repository' : 'is not a file in the repository'}`);
            return undefined;
        }
        return res.rel;
    }
    image(p) {
        const r = this.r;
        const key = (0,yaml_ast/* keyName */.xT)(p);
        const where = `images.${key}`;
        const at = `/images/${ptr(key)}`;
        const m = r.map(p.value);
        if (!m)
            return undefined;
        const f = r.fields(m);
        // context: default the repository root.
        const ctxPair = f.get('context');
        const ctxRaw = ctxPair ? r.str(ctxPair.value) : '.';
        const context = ctxRaw === undefined ? undefined : this.repoPath(ctxPair?.value ?? p.key, ctxRaw, `${where}.context`, 'dir');
        // dockerfile: default <context>/Dockerfile (repository-relative, like every path here).
        const dfPair = f.get('dockerfile');
        const dfRaw = dfPair
            ? r.str(dfPair.value)
            : context === undefined
                ? undefined
                : context === '.'
                    ? 'Dockerfile'
                    : `${context}/Dockerfile`;
        const dockerfile = dfRaw === undefined
            ? undefined
            : this.repoPath(dfPair?.value ?? p.key, dfRaw, `${where}.dockerfile`, 'file', dfPair
                ? `${where}.dockerfile "${dfRaw}" is not a file in the repository (paths are relative to the repository root, not to the context)`
                : `${where} has no dockerfile and "${dfRaw}" does not exist: set "dockerfile:"`);
        // repository: default the image key.
        const repoPair = f.get('repository');
        const repository = repoPair ? r.str(repoPair.value) : key;
        const buildArgs = {};
        for (const { name, value } of r.stringMap(f.get('buildArgs')?.value)) {
            if (!r.refused(`${at}/buildArgs/${ptr(name)}`))
                buildArgs[name] = value;
        }
        if (context === undefined || dockerfile === undefined || repository === undefined || r.refused(`${at}/repository`))
            return undefined;
        const img = { key, context, dockerfile, repository, buildArgs };
        const target = r.str(f.get('target')?.value);
        if (target !== undefined &&
            !r.refused(`${at}/target`) &&
            this.isStage(target, dockerfile, f.get('target'), where))
            img.target = target;
        const platform = r.str(f.get('platform')?.value);
        if (platform !== undefined && !r.refused(`${at}/platform`))
            img.platform = platform;
        return img;
    }
    isStage(target, dockerfile, pair, where) {
        const stages = this.stageNames(dockerfile);
        if (!stages || stages.includes(target.toLowerCase()))
            return true;
        const theirs = stages.length ? ` (its stages: ${stages.join(', ')})` : ' (it names no stage: FROM image AS name)';
        this.r.at(pair.value, 'error', 'project/unknown-target', `${where}.target "${target}" is not a stage of ${dockerfile}${theirs}${(0,suggest/* didYouMean */.au)(target.toLowerCase(), stages)}`);
        return false;
    }
    service(p, project, imagesMap) {
        const r = this.r;
        const key = (0,yaml_ast/* keyName */.xT)(p);
        const where = `services.${key}`;
        const at = `/services/${ptr(key)}`;
        const m = r.map(p.value);
        if (!m || r.refused(at))
            return undefined;
        const f = r.fields(m);
        let ok = true;
        const svcPair = f.get('service');
        const service = svcPair ? r.str(svcPair.value) : key;
        if (service === undefined || r.refused(`${at}/service`))
            ok = false;
        else if (!svcPair && ecsNameProblem(key, 'service')) {
            // Only the key's own use as the name: a schema cannot say "unless service: is set".
            r.at(p.key, 'error', 'project/invalid-name', `service key "${key}" is used as the ECS service name and is not valid: ${ecsNameProblem(key, 'service')} (or set "service:")`);
            ok = false;
        }
        const clPair = f.get('cluster');
        const cluster = clPair ? r.str(clPair.value) : project.cluster;
        if (cluster === undefined || r.refused(`${at}/cluster`))
            ok = false;
        const tdPair = f.get('taskDefinition');
        const raw = r.str(tdPair?.value);
        const taskDefinition = tdPair && raw !== undefined ? this.repoPath(tdPair.value, raw, `${where}.taskDefinition`, 'file') : undefined;
        if (taskDefinition === undefined)
            ok = false;
        const containers = this.containers(f, where, taskDefinition, imagesMap);
        if (f.get('containers') === undefined) {
            r.at(p.key, 'warning', 'project/missing-key', `${where} has no "containers": no built image goes into this service, so a deploy only re-registers its task definition`);
        }
        const secrets = this.secrets(f, where, project, taskDefinition, containers);
        const environment = this.environment(f, where, secrets);
        const containerNames = taskDefinition === undefined ? undefined : this.taskDefContainers(taskDefinition);
        this.targetContainer(where, [f.get('secrets'), f.get('environment')], r.map(f.get('containers')?.value), containerNames);
        if (!ok)
            return undefined;
        return {
            key,
            service: service,
            cluster: cluster,
            taskDefinition: taskDefinition,
            containers,
            secrets,
            environment,
        };
    }
    containers(f, where, taskDefinition, imagesMap) {
        const r = this.r;
        const containerNames = taskDefinition === undefined ? undefined : this.taskDefContainers(taskDefinition);
        const imageKeys = imagesMap ? imagesMap.pairs.map(yaml_ast/* keyName */.xT) : [];
        const containers = {};
        for (const cp of r.map(f.get('containers')?.value)?.pairs ?? []) {
            const cname = (0,yaml_ast/* keyName */.xT)(cp);
            const imageKey = r.str(cp.value);
            if (imageKey === undefined)
                continue;
            if (!imageKeys.includes(imageKey)) {
                r.at(cp.value, 'error', 'project/unknown-image', `${where}.containers.${cname} uses image "${imageKey}", which "images" does not define${(0,suggest/* didYouMean */.au)(imageKey, imageKeys)}`);
            }
            else if (containerNames && !containerNames.includes(cname)) {
                const hint = (0,suggest/* closest */.kp)(cname, containerNames);
                const theirs = containerNames.map((n) => `"${n}"`).join(', ') || 'none';
                r.at(cp.key, 'error', 'project/unknown-container', `container "${cname}" is not in ${taskDefinition} (its containers: ${theirs})${hint ? ` (did you mean "${hint}"?)` : ''}`);
            }
            else
                containers[cname] = imageKey;
        }
        return containers;
    }
    secrets(f, where, project, taskDefinition, containers) {
        const r = this.r;
        const secrets = {};
        for (const { name, value, pair } of r.stringMap(f.get('secrets')?.value)) {
            const envProb = envNameProblem(name);
            if (envProb)
                r.at(pair.key, 'warning', 'project/invalid-env-name', `secret name "${name}": ${envProb}`);
            const ref = (0,taskdef/* checkSecretRef */.y8)(value);
            if (!ref.ok) {
                r.at(pair.value, 'error', 'project/secret-value-from', `${where}.secrets.${name} "${value}" is not usable as an ECS secret: ${ref.problem}`);
                continue;
            }
            if (ref.kind !== 'ssm-name' && project.region && ref.region && ref.region !== project.region) {
                r.at(pair.value, 'notice', 'project/secret-region', `${where}.secrets.${name} is in ${ref.region}, not the project's region ${project.region}: fine with a full ARN, but check the execution role can read it there`);
            }
            const template = taskDefinition === undefined ? undefined : this.templates.get(taskDefinition);
            for (const o of overriddenSecrets(template, Object.keys(containers), name, value)) {
                const message = `${where}.secrets.${name} ("${value}") replaces the secret ${name} that container "${o.container}" in ` +
                    `${taskDefinition} reads from "${o.valueFrom}": the deploy uses the project file's; remove one of them`;
                r.at(pair.value, 'warning', 'project/secret-overrides-template', message);
            }
            secrets[name] = value;
        }
        return secrets;
    }
    environment(f, where, secrets) {
        const r = this.r;
        const environment = {};
        for (const { name, value, pair } of r.stringMap(f.get('environment')?.value)) {
            const envProb = envNameProblem(name);
            if (envProb)
                r.at(pair.key, 'warning', 'project/invalid-env-name', `environment name "${name}": ${envProb}`);
            if (name in secrets) {
                r.at(pair.key, 'error', 'project/secret-and-environment', `${name} is both in ${where}.secrets and in ${where}.environment: keep only the secret`);
                continue;
            }
            const kind = (0,taskdef/* plainSecretKind */.nR)(name, value);
            if (kind === 'api-key') {
                const what = name === 'DD_API_KEY' ? 'the Datadog API key' : 'what looks like a Datadog API key';
                r.at(pair.value, 'error', 'project/secret-in-environment', `${where}.environment.${name} holds ${what} in plain text: move it to ${where}.secrets as an SSM parameter (e.g. ${name}: /datadog/apikey)`);
                continue;
            }
            if (kind === 'credential') {
                r.at(pair.value, 'warning', 'project/secret-like-environment', `${where}.environment.${name} looks like a credential in plain text: move it to ${where}.secrets`);
            }
            environment[name] = value;
        }
        return environment;
    }
    /** Stage names of a Dockerfile, or undefined when it cannot be read (the layout reports that). */
    stageNames(dockerfile) {
        const decoded = (0,checks_source/* readSource */.o$)(dockerfile, external_node_path_default().join(this.root, dockerfile));
        if (!decoded.ok)
            return undefined;
        return (0,project_dockerfile/* parseDockerfile */.Ai)(decoded.source)
            .stages.map((s) => s.name)
            .filter((n) => n !== undefined);
    }
    /** Container names of a task definition, or undefined when it does not parse (its own check reports that). */
    containerNames = new Map();
    /** The container names of a task definition template (read once, however many services ask). */
    taskDefContainers(rel) {
        if (!this.containerNames.has(rel))
            this.containerNames.set(rel, this.readTaskDefContainers(rel));
        return this.containerNames.get(rel);
    }
    readTaskDefContainers(rel) {
        const decoded = (0,checks_source/* readSource */.o$)(rel, external_node_path_default().join(this.root, rel));
        if (!decoded.ok)
            return undefined;
        const { taskDef } = (0,taskdef/* parseTaskDefinition */.Id)(decoded.source);
        if (taskDef)
            this.templates.set(rel, taskDef);
        if (!taskDef || !Array.isArray(taskDef.containerDefinitions))
            return undefined;
        return taskDef.containerDefinitions
            .map((c) => (typeof c === 'object' && c !== null ? c.name : undefined))
            .filter((n) => typeof n === 'string');
    }
    crossChecks(project, imagesMap, servicesMap) {
        const r = this.r;
        const used = new Set(Object.values(project.services).flatMap((s) => Object.values(s.containers)));
        const repos = new Map();
        for (const p of lastPairs(imagesMap)) {
            const img = project.images[(0,yaml_ast/* keyName */.xT)(p)];
            if (!img)
                continue;
            if (!used.has(img.key) && Object.keys(project.services).length > 0) {
                r.at(p.key, 'warning', 'project/unused-image', `image "${img.key}" is built but no service's "containers" uses it`);
            }
            const prev = repos.get(img.repository);
            if (prev)
                r.at(p.key, 'warning', 'project/duplicate-repository', `images "${prev}" and "${img.key}" push to the same repository "${img.repository}": give each its own`);
            else
                repos.set(img.repository, img.key);
        }
        for (const p of lastPairs(imagesMap))
            this.repositoryMatchesTemplates(project, p);
        const svcs = new Map();
        for (const p of lastPairs(servicesMap)) {
            const s = project.services[(0,yaml_ast/* keyName */.xT)(p)];
            if (!s)
                continue;
            const id = `${s.cluster}/${s.service}`;
            const prev = svcs.get(id);
            if (prev)
                r.at(p.key, 'error', 'project/duplicate-service', `services "${prev}" and "${s.key}" both deploy ECS service "${s.service}" in cluster "${s.cluster}"`);
            else
                svcs.set(id, s.key);
        }
    }
    /** Render puts secrets and environment only into mapped containers: without one they reach nothing and plan stops. */
    targetContainer(where, carriers, contMap, containerNames) {
        const carried = carriers.find((x) => x && (0,yaml_ast/* isMap */.jh)(x.value) && x.value.pairs.length > 0);
        if (!carried || contMap?.pairs.length)
            return;
        const names = containerNames?.length ? containerNames.map((n) => `"${n}"`).join(', ') : 'its containers';
        const message = `${where}.${(0,yaml_ast/* keyName */.xT)(carried)} go only to the containers ${where}.containers maps to a built image, and it ` +
            `maps none: add containers: {CONTAINER: IMAGE_KEY} (the template's containers: ${names})`;
        this.r.at(carried.key, 'error', 'project/no-target-container', message);
    }
    /** An image pushed to one repository while a template it goes into already runs another: a missing `repository:`. */
    repositoryMatchesTemplates(project, p) {
        const img = project.images[(0,yaml_ast/* keyName */.xT)(p)];
        if (!img)
            return;
        const repoPair = (0,yaml_ast/* isMap */.jh)(p.value) ? (0,yaml_ast/* getPair */.xf)(p.value, 'repository') : undefined;
        for (const s of Object.values(project.services)) {
            for (const [container, key] of Object.entries(s.containers)) {
                if (key !== img.key)
                    continue;
                const running = templateRepository(this.templates.get(s.taskDefinition), container);
                if (!running || running === img.repository)
                    continue;
                const how = repoPair
                    ? `images.${img.key}.repository is "${img.repository}"`
                    : `images.${img.key} has no "repository", so it is pushed to "${img.repository}" (the image key)`;
                const message = `${how}, but container "${container}" in ${s.taskDefinition} runs an image from ECR repository ` +
                    `"${running}": set repository: ${running} if that is where it belongs`;
                this.r.at(repoPair?.value ?? p.key, 'warning', 'project/repository-mismatch', message);
                return;
            }
        }
    }
    fileOverride(p, project) {
        const r = this.r;
        const file = (0,yaml_ast/* keyName */.xT)(p);
        const kind = r.str(p.value);
        if (kind === undefined || r.refused(`/files/${ptr(file)}`))
            return;
        const res = resolveRepoPath(this.root, file);
        if (!res.ok) {
            r.at(p.key, 'error', 'project/path-outside', `files: "${file}": ${res.problem}`);
            return;
        }
        if ((!res.exists || res.dir) && kind !== 'ignore') {
            r.at(p.key, 'error', 'project/missing-file', `files: "${file}" is not a file in the repository`);
            return;
        }
        project.files[res.rel] = kind;
    }
    deploy(m, project) {
        const r = this.r;
        const f = r.fields(m);
        const d = project.deploy;
        const wait = r.count(f.get('waitTimeoutSeconds')?.value);
        if (wait !== undefined)
            d.waitTimeoutSeconds = wait;
        const poll = r.count(f.get('pollIntervalSeconds')?.value);
        if (poll !== undefined)
            d.pollIntervalSeconds = poll;
        if (d.pollIntervalSeconds > d.waitTimeoutSeconds) {
            const node = (f.get('pollIntervalSeconds') ?? f.get('waitTimeoutSeconds'))?.value ?? m;
            r.at(node, 'error', 'project/invalid-value', `deploy.pollIntervalSeconds (${d.pollIntervalSeconds}) is longer than deploy.waitTimeoutSeconds (${d.waitTimeoutSeconds})`);
        }
        for (const k of ['rollback', 'fluentdDryRun', 'createRepositories', 'resolveBaseImages']) {
            const v = r.bool(f.get(k)?.value);
            if (v !== undefined)
                d[k] = v;
        }
    }
}
/** The pairs of a mapping, keeping only the last of duplicated keys (as the YAML reader does). */
function lastPairs(map) {
    if (!map)
        return [];
    const last = new Map();
    for (const p of map.pairs)
        last.set((0,yaml_ast/* keyName */.xT)(p), p);
    return map.pairs.filter((p) => last.get((0,yaml_ast/* keyName */.xT)(p)) === p);
}

;// CONCATENATED MODULE: ./src/validate.ts
/**
 * `validate`: everything the project file references, each file checked with what is known about
 * where it runs. Files -> findings, one way: the project file, then each image's Dockerfile and
 * layout, then each task definition, then every classified file with its context (the container's
 * environment from the task definition, the image's files and gems, the agent's secret backend).
 */












/** `text`: the project file's content when it is not (yet) on disk (`init --dry-run`). */
function validateProject(configPath, text) {
    const loaded = loadProject(configPath, text);
    const result = {
        fatal: loaded.fatal,
        findings: [...loaded.findings],
        files: [],
        layouts: new Map(),
        taskDefs: new Map(),
        sites: [],
    };
    const project = loaded.project;
    if (!project)
        return result;
    result.project = project;
    result.files.push({ path: project.configFile, kind: 'project' });
    const { layouts, findings: layoutFindings } = (0,project_layout/* imageLayouts */.l_)(project);
    result.layouts = layouts;
    (0,findings/* appendAll */.u2)(result.findings, layoutFindings);
    for (const svc of Object.values(project.services)) {
        const decoded = (0,checks_source/* readSource */.o$)(svc.taskDefinition, external_node_path_default().join(project.root, svc.taskDefinition));
        if (!decoded.ok) {
            (0,findings/* appendAll */.u2)(result.findings, decoded.findings);
            continue;
        }
        const r = (0,taskdef/* checkTaskDefinition */.T8)(decoded.source, { service: svc, project });
        (0,findings/* appendAll */.u2)(result.findings, r.findings);
        if (r.taskDef)
            result.taskDefs.set(svc.key, r.taskDef);
    }
    // An image's contexts are the same for each of its files: worked out (datadog.yaml read) once.
    const contextsByImage = new Map();
    const contextsOf = (layout) => {
        if (!layout)
            return contexts(project, undefined, result, forwarded);
        let out = contextsByImage.get(layout.imageKey);
        if (!out)
            contextsByImage.set(layout.imageKey, (out = contexts(project, layout, result, forwarded)));
        return out;
    };
    const classified = (0,project_layout/* classifyFiles */.Sj)(project, layouts);
    const forwarded = forwardedTags(project, classified);
    const seen = new Set();
    for (const file of classified) {
        if (!seen.has(file.repoPath)) {
            seen.add(file.repoPath);
            result.files.push({ path: file.repoPath, kind: file.kind });
        }
        const layout = file.imageKey ? layouts.get(file.imageKey) : undefined;
        (0,findings/* appendAll */.u2)(result.findings, checkClassified(project, file, layout, contextsOf, result));
    }
    for (const layout of layouts.values()) {
        const confD = new Map([...layout.files].filter(([imagePath]) => (0,agent/* agentConfPath */.T6)(imagePath) !== undefined));
        if (confD.size)
            (0,findings/* appendAll */.u2)(result.findings, (0,agent/* checkConfDLayout */.Bc)(confD));
    }
    (0,findings/* appendAll */.u2)(result.findings, checkAgreements(project, layouts));
    result.findings = (0,findings/* dedupeFindings */._4)(result.findings);
    return result;
}
function checkClassified(project, file, layout, contextsOf, result) {
    switch (file.kind) {
        case 'http_check':
        case 'mysql': {
            const decoded = (0,checks_source/* readSource */.o$)(file.repoPath, external_node_path_default().join(project.root, file.repoPath));
            if (!decoded.ok)
                return decoded.findings;
            const out = [];
            for (const ctx of contextsOf(layout)) {
                const r = (0,agent/* checkAgentFile */.G9)(decoded.source, file.kind, ctx);
                (0,findings/* appendAll */.u2)(out, r.findings);
                if (file.kind === 'http_check' && !result.sites.some((s) => s.file === file.repoPath)) {
                    (0,findings/* appendAll */.u2)(result.sites, r.sites.map((s) => ({ ...s, file: file.repoPath })));
                }
            }
            return out;
        }
        case 'fluentd': {
            const out = [];
            for (const ctx of contextsOf(layout)) {
                if (layout && file.imagePath)
                    (0,findings/* appendAll */.u2)(out, (0,fluentd/* checkFluentd */.FB)(file.imagePath, new project_layout/* ImageFs */.DB(project, layout), ctx).findings);
                else
                    (0,findings/* appendAll */.u2)(out, (0,fluentd/* checkFluentd */.FB)(file.repoPath, new fs/* DiskFs */.Pg(project.root), ctx).findings);
            }
            return out;
        }
        case 'datadog_yaml': {
            const decoded = (0,checks_source/* readSource */.o$)(file.repoPath, external_node_path_default().join(project.root, file.repoPath));
            if (!decoded.ok)
                return decoded.findings;
            return (0,yaml_load/* loadYaml */.yv)(decoded.source, 'agent').findings;
        }
        default:
            // Task definitions are checked per service above; Dockerfiles by the layout; secret files are only carried.
            return [];
    }
}
/**
 * The tags the aggregator's in_forward receives: those the project's sender configs (Fluentd files
 * in no image) forward, derived from their sources and routing, plus any the project file declares
 * (`fluentd.forwardedTags`) for senders outside the repository. A sender that renames its tag thus
 * changes what the aggregator's routing check sees.
 */
function forwardedTags(project, classified) {
    const out = new Set(project.fluentd.forwardedTags);
    for (const f of classified) {
        if (f.kind !== 'fluentd' || f.imageKey !== undefined)
            continue;
        for (const t of (0,fluentd/* senderForwardedTags */.LH)(f.repoPath, new fs/* DiskFs */.Pg(project.root)))
            out.add(t);
    }
    return [...out];
}
/**
 * One check context per container that runs the image (a variable must reach every one of them),
 * or a single image-only context when no service runs it (or the file is in no image).
 */
function contexts(project, layout, result, forwardedTags) {
    const base = { fluentd: { forwardedTags } };
    if (!layout)
        return [base];
    const image = imageView(project, layout);
    const runners = [];
    for (const svc of Object.values(project.services)) {
        for (const [container, imageKey] of Object.entries(svc.containers)) {
            if (imageKey === layout.imageKey)
                runners.push({ service: svc, container });
        }
    }
    const fromImage = imageSecretBackend(project, layout);
    const withImage = {
        ...base,
        image,
        secretBackend: fromImage ?? { configured: false, where: "the image's datadog.yaml" },
    };
    const out = [];
    for (const r of runners) {
        const td = result.taskDefs.get(r.service.key);
        if (!td)
            continue;
        const env = (0,taskdef/* containerEnv */.jY)(td, r.container, r.service);
        const backend = containerSecretBackend(td, r.container, env) ??
            fromImage ?? { configured: false, where: `neither ${env.where} nor the image's datadog.yaml` };
        out.push({ ...withImage, env, secretBackend: backend });
    }
    return out.length ? out : [withImage];
}
function imageView(project, layout) {
    return {
        dockerfile: project.images[layout.imageKey]?.dockerfile ?? layout.dockerfile.file,
        files: layout.files,
        gems: layout.gems,
        baseImage: layout.baseImage,
        complete: layout.complete,
        // Names the Dockerfile sets with ENV reach the process as much as the task definition's do.
        env: new Set(Object.keys(layout.env)),
    };
}
/**
 * The agent's secret backend (CONFIG-FACTS A2): `DD_SECRET_BACKEND_COMMAND` / `DD_SECRET_BACKEND_TYPE`
 * in the container's environment (task definition or Dockerfile ENV), or `secret_backend_command` /
 * `secret_backend_type` in the datadog.yaml the image carries. The task definition's comes first.
 */
function containerSecretBackend(taskDef, container, env) {
    const c = (0,taskdef/* records */.V0)(taskDef.containerDefinitions).find((d) => d.name === container);
    for (const e of (0,taskdef/* records */.V0)(c?.environment)) {
        if ((e.name === 'DD_SECRET_BACKEND_COMMAND' || e.name === 'DD_SECRET_BACKEND_TYPE') &&
            typeof e.value === 'string' &&
            e.value) {
            return {
                configured: true,
                where: `${e.name} in ${env.where}`,
                ...(e.name === 'DD_SECRET_BACKEND_COMMAND' ? { command: e.value } : { type: e.value }),
            };
        }
    }
    return undefined;
}
/** The image's own secret backend: Dockerfile ENV, else its datadog.yaml. */
function imageSecretBackend(project, layout) {
    for (const name of ['DD_SECRET_BACKEND_COMMAND', 'DD_SECRET_BACKEND_TYPE']) {
        const v = layout.env[name];
        if (v) {
            const where = `ENV ${name} in ${project.images[layout.imageKey]?.dockerfile ?? 'the Dockerfile'}`;
            return { configured: true, where, ...(name === 'DD_SECRET_BACKEND_COMMAND' ? { command: v } : { type: v }) };
        }
    }
    const dd = layout.files.get('/etc/datadog-agent/datadog.yaml');
    if (!dd)
        return undefined;
    const decoded = (0,checks_source/* readSource */.o$)(dd, external_node_path_default().join(project.root, dd));
    if (!decoded.ok)
        return undefined;
    const y = (0,yaml_load/* loadYaml */.yv)(decoded.source, 'agent');
    if (!(0,yaml_ast/* isMap */.jh)(y.root))
        return undefined;
    const cmd = (0,yaml_ast/* get */.Jt)(y.root, 'secret_backend_command');
    const type = (0,yaml_ast/* get */.Jt)(y.root, 'secret_backend_type');
    if ((0,yaml_ast/* isScalar */.jn)(cmd) && typeof cmd.value === 'string' && cmd.value)
        return { configured: true, where: `secret_backend_command in ${dd}`, command: cmd.value };
    if ((0,yaml_ast/* isScalar */.jn)(type) && typeof type.value === 'string' && type.value)
        return { configured: true, where: `secret_backend_type in ${dd}`, type: type.value };
    return undefined;
}


/***/ })

};
