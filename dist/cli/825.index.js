export const id = 825;
export const ids = [825];
export const modules = {

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
