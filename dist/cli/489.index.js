export const id = 489;
export const ids = [489];
export const modules = {

/***/ 6088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ realClock)
/* harmony export */ });
const realClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};


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
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1260);
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


/***/ })

};
