export const id = 90;
export const ids = [90];
export const modules = {

/***/ 3744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D1: () => (/* reexport */ contextInputs),
  V3: () => (/* reexport */ copySourceFindings),
  BD: () => (/* binding */ finalStage),
  BQ: () => (/* reexport */ imageFiles),
  Zi: () => (/* binding */ installedGems),
  Ai: () => (/* binding */ parseDockerfile)
});

// UNUSED EXPORTS: stageChain

// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __webpack_require__(5111);
;// CONCATENATED MODULE: ./src/project/dockerfile-lexer.ts
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

// EXTERNAL MODULE: ./src/project/patterns.ts
var patterns = __webpack_require__(1270);
;// CONCATENATED MODULE: ./src/project/shell-words.ts
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
    return pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
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
    '-v', '--version', '-s', '--source', '-i', '--install-dir', '-n', '--bindir', '--platform', '-p',
    '--http-proxy', '--build-root', '-g', '--file', '-P', '--trust-policy', '--target-rbconfig',
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

;// CONCATENATED MODULE: ./src/project/copy-expand.ts
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
    if (!(0,patterns/* hasWildcard */.rl)(source)) {
        if (l.fileSet.has(source))
            return [{ path: source, dir: false }];
        if (l.dirs.has(source))
            return [{ path: source, dir: true }];
        return [];
    }
    const re = (0,patterns/* patternToRegExp */.rn)(source);
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
    return rules.length > 0 && ((0,patterns/* isIgnored */.pi)(f.rel, rules) || (0,patterns/* isIgnored */.pi)(f.file, rules));
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
            const rules = (0,patterns/* parseIgnoreFile */.a0)(copy.excludes.join('\n'));
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
    '/', '/bin', '/etc', '/home', '/lib', '/opt', '/root', '/run', '/sbin', '/srv', '/tmp', '/usr', '/usr/bin',
    '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/local/etc', '/usr/local/lib', '/usr/sbin', '/usr/share',
    '/var', '/var/lib', '/var/log', '/var/tmp',
    // fluent/fluentd images
    '/fluentd', '/fluentd/etc', '/fluentd/log', '/fluentd/plugins',
    // datadog/agent images (every bundled check also has its conf.d/<check>.d directory)
    '/etc/datadog-agent', '/etc/datadog-agent/conf.d', '/etc/datadog-agent/checks.d',
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
    const rules = (0,patterns/* parseIgnoreFile */.a0)(copy.excludes.join('\n'));
    const matches = [];
    for (const src of copy.sources)
        matches.push(...matchSource(src, l));
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
                    out.push((0,findings/* finding */.gk)(df.file, pos, 'error', 'dockerfile/copy-source-ignored', `"${src}" is excluded by .dockerignore, so the build fails with "not found": remove it from .dockerignore or from this ${copy.add ? 'ADD' : 'COPY'}`));
                }
                else if ((0,patterns/* hasWildcard */.rl)(src)) {
                    // BuildKit copies nothing (AllowEmptyWildcard); the classic builder fails ("No source files were specified").
                    out.push((0,findings/* finding */.gk)(df.file, pos, 'warning', 'dockerfile/copy-source-missing', `"${src}" matches no file in ${where}: BuildKit copies nothing and the classic builder fails ("no source files were specified")`));
                }
                else {
                    out.push((0,findings/* finding */.gk)(df.file, pos, 'error', 'dockerfile/copy-source-missing', `"${src}" is not in ${where}: the build fails with "not found"; paths are relative to the context, not to the Dockerfile`));
                }
            });
            if (total > 1 && copy.sources.length === 1 && !copy.destDir && (0,patterns/* hasWildcard */.rl)(copy.sources[0])) {
                const pos = copy.sourcePositions[0] ?? { line: copy.line, column: copy.column };
                out.push((0,findings/* finding */.gk)(df.file, pos, 'error', 'dockerfile/copy-dest-not-dir', `"${copy.sources[0]}" matches ${total} paths, so the destination must be a directory ending in "/": write "${copy.dest === '/' ? '/' : `${copy.dest}/`}"`));
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/project/dockerfile.ts
/**
 * The Dockerfile model: stages, their COPY/ADD lines (where each repo file lands in the image),
 * RUN commands (which gems get installed), ENV, USER and WORKDIR. It is how `validate` learns that
 * `datadog/etc/.../http_check.d/conf.yaml` is an http_check config and that the Fluentd image has
 * fluent-plugin-datadog. Parsing never throws: what Docker would reject is a finding.
 */






const KNOWN = [
    'add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label',
    'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir',
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
        const lexed = lexDockerfile(source);
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
        return expandWord(word, scope, this.escape).value;
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
        const words = splitWords(ins.args, this.escape, false);
        const { flags, rest } = this.flags(ins, 'from', words);
        const valid = rest.length === 1 || (rest.length === 3 && rest[1].raw.toLowerCase() === 'as');
        const index = this.df.stages.length;
        const stage = { index, baseImage: '', line: ins.pos.line, copies: [], runs: [], env: {}, workdir: '/', workdirKnown: false, mkdirs: [] };
        if (!valid) {
            this.add(ins.pos, 'error', 'dockerfile/bad-from', 'FROM takes an image and an optional `AS name`: FROM image[:tag] [AS name]');
        }
        const imageWord = rest[0];
        if (imageWord) {
            const res = expandWord(imageWord.raw, this.globals, this.escape);
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
        const words = splitWords(ins.args, this.escape, true);
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
        const words = splitWords(ins.args, this.escape, true);
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
        const words = splitWords(ins.args, this.escape, true);
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
        const words = splitWords(ins.args, this.escape, false);
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
            findings: [(0,findings/* finding */.gk)(source.file, { line: 1, column: 1 }, 'error', 'dockerfile/internal', `Dockerfile could not be read: ${err.message}`)],
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
            out.findings.push(...src.findings);
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
 * `\` escapes. Paths are context-relative POSIX without a leading `./`.
 */
const REGEX_SPECIAL = new Set(['.', '+', '(', ')', '|', '{', '}', '$', '^']);
/** Compile one pattern the way patternmatcher's `compile` does (anchored at both ends). */
function patternToRegExp(pattern) {
    let re = '^';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*') {
            if (pattern[i + 1] === '*') {
                i++;
                if (pattern[i + 1] === '/')
                    i++; // `**/` is `**`
                re += i + 1 >= pattern.length ? '.*' : '(?:.*/)?';
            }
            else
                re += '[^/]*';
        }
        else if (ch === '?')
            re += '[^/]';
        else if (ch === '\\') {
            const next = pattern[i + 1];
            if (next === undefined)
                re += '\\\\';
            else {
                re += escapeChar(next);
                i++;
            }
        }
        else if (ch === '[') {
            // Go's filepath.Match negates a class with `^`; JavaScript agrees. A class never matches `/`.
            const close = pattern.indexOf(']', i + 2);
            if (close === -1)
                return undefined; // Go: ErrBadPattern
            let body = pattern.slice(i + 1, close);
            const neg = body.startsWith('^') || body.startsWith('!');
            if (neg)
                body = body.slice(1);
            body = body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]');
            re += neg ? `[^/${body}]` : `[${body}]`;
            i = close;
        }
        else
            re += escapeChar(ch);
    }
    re += '$';
    try {
        return new RegExp(re, 's');
    }
    catch {
        return undefined;
    }
}
function escapeChar(ch) {
    return REGEX_SPECIAL.has(ch) || ch === '\\' || ch === '[' || ch === ']' || ch === '*' || ch === '?' || ch === '/' ? `\\${ch}` : ch;
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
        rules.push({ pattern: p, exclusion, regex: patternToRegExp(p), line: i + 1 });
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

/***/ 8090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ validateProject)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/checks/agent/index.ts + 19 modules
var agent = __webpack_require__(9503);
// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
// EXTERNAL MODULE: ./src/checks/fluentd/index.ts + 27 modules
var fluentd = __webpack_require__(9648);
// EXTERNAL MODULE: ./src/checks/fs.ts
var fs = __webpack_require__(8566);
// EXTERNAL MODULE: ./src/checks/source.ts
var checks_source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/checks/taskdef/index.ts + 6 modules
var taskdef = __webpack_require__(3528);
// EXTERNAL MODULE: ./src/checks/yaml/ast.ts
var ast = __webpack_require__(6353);
// EXTERNAL MODULE: ./src/checks/yaml/load.ts + 2 modules
var load = __webpack_require__(7112);
// EXTERNAL MODULE: ./src/project/dockerfile.ts + 4 modules
var project_dockerfile = __webpack_require__(3744);
// EXTERNAL MODULE: ./src/project/dockerignore.ts
var dockerignore = __webpack_require__(9627);
;// CONCATENATED MODULE: ./src/project/layout.ts
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
        const dfAbs = external_node_path_default().join(project.root, img.dockerfile);
        const decoded = (0,checks_source/* readSource */.o$)(img.dockerfile, dfAbs);
        if (!decoded.ok) {
            findings.push(...decoded.findings);
            continue;
        }
        const df = (0,project_dockerfile/* parseDockerfile */.Ai)(decoded.source, img.buildArgs);
        findings.push(...df.findings);
        const listing = (0,dockerignore/* listContextFiles */.z)(external_node_path_default().join(project.root, img.context), { root: project.root, dockerfile: dfAbs });
        findings.push(...listing.findings);
        findings.push(...(0,project_dockerfile/* copySourceFindings */.V3)(df, listing.files, { ignored: listing.ignored, contextDir: img.context, ...(img.target ? { target: img.target } : {}) }));
        const view = (0,project_dockerfile/* imageFiles */.BQ)(df, listing.files, img.target);
        const files = new Map();
        for (const [imagePath, rel] of view.files)
            files.set(imagePath, repoJoin(img.context, rel));
        const stage = (0,project_dockerfile/* finalStage */.BD)(df, img.target);
        layouts.set(img.key, {
            imageKey: img.key,
            dockerfile: df,
            files,
            complete: view.complete,
            gems: (0,project_dockerfile/* installedGems */.Zi)(df, img.target),
            ...(stage ? { baseImage: stage.baseImage } : {}),
            env: stage ? { ...stage.env } : {},
            inputs: (0,project_dockerfile/* contextInputs */.D1)(df, listing.files).map((f) => repoJoin(img.context, f)),
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
        if (overridden(svc.taskDefinition) !== 'ignore' && !out.some((f) => f.repoPath === svc.taskDefinition && f.kind === 'taskdef')) {
            out.push({ repoPath: svc.taskDefinition, kind: 'taskdef' });
        }
    }
    // Overrides for files no image carries (e.g. the web servers' sender fluent.conf).
    for (const [repoPath, kind] of Object.entries(project.files)) {
        if (kind === 'ignore' || out.some((f) => f.repoPath === repoPath))
            continue;
        out.push({ repoPath, kind });
    }
    return out.sort((a, b) => (a.repoPath < b.repoPath ? -1 : a.repoPath > b.repoPath ? 1 : (a.imageKey ?? '') < (b.imageKey ?? '') ? -1 : 1));
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
        const imagePath = external_node_path_default().posix.resolve('/', file);
        const repoPath = this.layout.files.get(imagePath);
        if (repoPath === undefined) {
            return {
                ok: false,
                findings: [(0,findings/* finding */.gk)(imagePath, { line: 1, column: 1 }, 'error', 'file/missing', `${imagePath} is not copied into image "${this.layout.imageKey}" by ${this.layout.dockerfile.file}`)],
            };
        }
        return (0,checks_source/* readSource */.o$)(repoPath, external_node_path_default().join(this.project.root, repoPath));
    }
    glob(pattern, from) {
        const base = external_node_path_default().posix.dirname(external_node_path_default().posix.resolve('/', from));
        const abs = external_node_path_default().posix.resolve(base, pattern);
        return (0,fs/* expandGlob */.hT)(abs, (dir) => [...(this.dirs.get(dir) ?? new Map())].map(([name, dir]) => ({ name, dir })), (p) => this.layout.files.has(p));
    }
    display(file) {
        const imagePath = external_node_path_default().posix.resolve('/', file);
        return this.layout.files.get(imagePath) ?? imagePath;
    }
}

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
const FARGATE_PLATFORMS = ['linux/amd64', 'linux/arm64'];

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

;// CONCATENATED MODULE: ./src/project/types.ts
/**
 * The loaded, validated project file (`dd-ecs-monitor.yml`). Every path in here is repository-relative
 * POSIX and already checked to stay inside the repository; `root` is the only absolute path.
 * Produced by `loadProject` (load.ts); read by plan, images and deploy code.
 */
const FILE_KINDS = ['http_check', 'mysql', 'fluentd', 'taskdef', 'datadog_yaml', 'secret', 'dockerfile'];
const DEPLOY_DEFAULTS = Object.freeze({
    waitTimeoutSeconds: 900,
    pollIntervalSeconds: 15,
    rollback: true,
    fluentdDryRun: true,
    createRepositories: false,
});

;// CONCATENATED MODULE: ./src/project/yaml-reader.ts
/**
 * Typed reads from the project file's YAML tree: each read either returns a value or leaves a
 * finding on the exact node (wrong type, unknown key with a did-you-mean), so the loader reads
 * like the schema it enforces.
 */



class YamlReader {
    source;
    findings = [];
    constructor(source) {
        this.source = source;
    }
    at(node, severity, code, message) {
        this.findings.push((0,findings/* finding */.gk)(this.source.file, this.source.lines.position(node.range[0]), severity, code, message));
    }
    /** A mapping, or a finding; a null value (`key:`) is an empty mapping. */
    map(node, where) {
        if (!node)
            return undefined;
        if (node.kind === 'scalar' && node.value === null)
            return { kind: 'map', pairs: [], flow: true, range: node.range };
        if (node.kind !== 'map') {
            this.at(node, 'error', 'project/wrong-type', `${where} must be a mapping, not ${(0,ast/* typeName */.go)(node)}`);
            return undefined;
        }
        return node;
    }
    /** Warn about keys outside `allowed`; returns the pairs whose key is allowed. */
    known(map, allowed, where) {
        const out = new Map();
        for (const p of map.pairs) {
            const k = (0,ast/* keyName */.xT)(p);
            if (allowed.includes(k))
                out.set(k, p);
            else
                this.at(p.key, 'warning', 'project/unknown-key', `unknown key "${k}" in ${where}; it is ignored${(0,suggest/* didYouMean */.au)(k, allowed)}`);
        }
        return out;
    }
    /** A string; numbers and booleans written plainly are taken as their text when `loose`. */
    str(node, where, opts = {}) {
        if (!node)
            return undefined;
        if (node.kind === 'scalar') {
            if (typeof node.value === 'string')
                return node.value;
            if (node.value === null) {
                this.at(node, 'error', 'project/wrong-type', `${where} is empty: give it a value`);
                return undefined;
            }
            if (opts.loose)
                return node.text;
        }
        this.at(node, 'error', 'project/wrong-type', `${where} must be a string, not ${(0,ast/* typeName */.go)(node)}`);
        return undefined;
    }
    bool(node, where) {
        if (!node)
            return undefined;
        if (node.kind === 'scalar' && typeof node.value === 'boolean')
            return node.value;
        this.at(node, 'error', 'project/wrong-type', `${where} must be true or false, not ${(0,ast/* typeName */.go)(node)}`);
        return undefined;
    }
    /** A positive integer. */
    count(node, where) {
        if (!node)
            return undefined;
        if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value > 0)
            return node.value;
        this.at(node, 'error', node.kind === 'scalar' && typeof node.value === 'number' ? 'project/invalid-value' : 'project/wrong-type', `${where} must be a whole number of seconds above 0, not ${(0,ast/* typeName */.go)(node)}`);
        return undefined;
    }
    /** A mapping of name -> string value (values written as numbers/booleans are taken as text). */
    stringMap(node, where) {
        const m = this.map(node, where);
        if (!m)
            return [];
        const out = [];
        for (const p of m.pairs) {
            const name = (0,ast/* keyName */.xT)(p);
            const value = this.str(p.value, `${where}.${name}`, { loose: true });
            if (value !== undefined)
                out.push({ name, value, pair: p });
        }
        return out;
    }
    /** A list of strings (a single string is taken as a one-item list). */
    strings(node, where) {
        if (!node)
            return [];
        if (node.kind === 'scalar' && typeof node.value === 'string')
            return [node.value];
        if (node.kind !== 'seq') {
            this.at(node, 'error', 'project/wrong-type', `${where} must be a list of strings, not ${(0,ast/* typeName */.go)(node)}`);
            return [];
        }
        const out = [];
        node.items.forEach((item, i) => {
            const s = this.str(item, `${where}[${i}]`);
            if (s !== undefined)
                out.push(s);
        });
        return out;
    }
}

;// CONCATENATED MODULE: ./src/project/load.ts
/**
 * `dd-ecs-monitor.yml` -> a validated `Project` plus findings on the project file's own lines.
 * Unreadable or not-YAML is fatal (the CLI exits 2); everything else is a finding and loading goes
 * on, so one run reports every problem. Paths never leave the repository and names that AWS or
 * docker would refuse (or a shell would interpret) are findings, never passed on.
 * The schema is documented in docs/project-file.md.
 */












const TOP_KEYS = ['version', 'region', 'cluster', 'images', 'services', 'files', 'fluentd', 'deploy'];
const IMAGE_KEYS = ['context', 'dockerfile', 'repository', 'buildArgs', 'target', 'platform'];
const SERVICE_KEYS = ['service', 'cluster', 'taskDefinition', 'containers', 'secrets', 'environment'];
const FLUENTD_KEYS = ['forwardedTags'];
const DEPLOY_KEYS = ['waitTimeoutSeconds', 'pollIntervalSeconds', 'rollback', 'fluentdDryRun', 'createRepositories'];
const KINDS = [...FILE_KINDS, 'ignore'];
function loadProject(configPath) {
    const abs = external_node_path_default().resolve(configPath);
    const root = external_node_path_default().dirname(abs);
    const configFile = external_node_path_default().basename(abs);
    const decoded = (0,checks_source/* readSource */.o$)(configFile, abs);
    if (!decoded.ok)
        return { findings: decoded.findings, fatal: true };
    const source = decoded.source;
    const yaml = (0,load/* loadYaml */.yv)(source, 'core');
    if (yaml.findings.some((f) => f.severity === 'error'))
        return { findings: yaml.findings, fatal: true };
    if (!yaml.root || yaml.root.kind !== 'map') {
        const pos = yaml.root ? source.lines.position(yaml.root.range[0]) : { line: 1, column: 1 };
        return {
            findings: [...yaml.findings, (0,findings/* finding */.gk)(configFile, pos, 'error', 'project/not-a-mapping', 'the project file must be a YAML mapping with cluster, images and services (see docs/project-file.md)')],
            fatal: true,
        };
    }
    const r = new YamlReader(source);
    r.findings.push(...yaml.findings);
    for (const d of yaml.duplicates) {
        r.at(d.dup.key, 'error', 'project/duplicate-key', `"${d.key}" is defined twice${d.path ? ` in ${d.path}` : ''} (first on line ${source.lines.position(d.first.key.range[0]).line}): the first one would be silently dropped; merge them`);
    }
    const project = new ProjectLoader(r, root, configFile).load(yaml.root);
    return { project, findings: (0,findings/* sortFindings */.Tc)(r.findings), fatal: false };
}
class ProjectLoader {
    r;
    root;
    configFile;
    constructor(r, root, configFile) {
        this.r = r;
        this.root = root;
        this.configFile = configFile;
    }
    load(rootMap) {
        const r = this.r;
        const top = r.known(rootMap, TOP_KEYS, 'the project file');
        const version = top.get('version');
        if (version && !(version.value.kind === 'scalar' && version.value.value === 1)) {
            r.at(version.value, 'error', 'project/invalid-value', 'version must be 1 (the only project file version so far)');
        }
        const project = {
            root: this.root,
            configFile: this.configFile,
            cluster: '',
            images: {},
            services: {},
            files: {},
            fluentd: { forwardedTags: [] },
            deploy: { ...DEPLOY_DEFAULTS },
        };
        const regionPair = top.get('region');
        const region = r.str(regionPair?.value, 'region');
        if (region !== undefined) {
            const p = regionProblem(region);
            if (p)
                r.at(regionPair.value, 'error', 'project/invalid-region', `region "${region}" is not an AWS Region: ${p}`);
            else
                project.region = region;
        }
        const clusterPair = top.get('cluster');
        if (!clusterPair)
            r.at(rootMap, 'error', 'project/missing-key', 'the project file needs "cluster": the ECS cluster the services run in');
        const cluster = r.str(clusterPair?.value, 'cluster');
        if (cluster !== undefined) {
            const p = ecsNameProblem(cluster, 'cluster');
            if (p)
                r.at(clusterPair.value, 'error', 'project/invalid-name', `cluster "${cluster}" is not a valid ECS cluster name: ${p}`);
            else
                project.cluster = cluster;
        }
        const imagesMap = r.map(top.get('images')?.value, 'images');
        for (const p of lastPairs(imagesMap)) {
            const img = this.image(p);
            if (img)
                project.images[img.key] = img;
        }
        const servicesMap = r.map(top.get('services')?.value, 'services');
        if (!top.get('services'))
            r.at(rootMap, 'warning', 'project/missing-key', 'the project file has no "services": nothing will be deployed');
        for (const p of lastPairs(servicesMap)) {
            const svc = this.service(p, project, imagesMap);
            if (svc)
                project.services[svc.key] = svc;
        }
        this.crossChecks(project, imagesMap, servicesMap);
        const filesMap = r.map(top.get('files')?.value, 'files');
        for (const p of lastPairs(filesMap))
            this.fileOverride(p, project);
        const fluentdMap = r.map(top.get('fluentd')?.value, 'fluentd');
        if (fluentdMap) {
            const f = r.known(fluentdMap, FLUENTD_KEYS, 'fluentd');
            project.fluentd.forwardedTags = r.strings(f.get('forwardedTags')?.value, 'fluentd.forwardedTags');
        }
        const deployMap = r.map(top.get('deploy')?.value, 'deploy');
        if (deployMap)
            this.deploy(deployMap, project);
        return project;
    }
    image(p) {
        const r = this.r;
        const key = (0,ast/* keyName */.xT)(p);
        const where = `images.${key}`;
        const keyProblem = imageKeyProblem(key);
        if (keyProblem) {
            r.at(p.key, 'error', 'project/invalid-name', `image key "${key}" is not allowed: ${keyProblem}`);
            return undefined;
        }
        const m = r.map(p.value, where);
        if (!m)
            return undefined;
        const f = r.known(m, IMAGE_KEYS, where);
        let ok = true;
        // context: default the repository root.
        const ctxPair = f.get('context');
        const ctxRaw = ctxPair ? r.str(ctxPair.value, `${where}.context`) : '.';
        let context = '.';
        if (ctxRaw === undefined)
            ok = false;
        else {
            const res = resolveRepoPath(this.root, ctxRaw);
            const node = ctxPair?.value ?? p.key;
            if (!res.ok) {
                r.at(node, 'error', 'project/path-outside', `${where}.context "${ctxRaw}": ${res.problem}`);
                ok = false;
            }
            else if (!res.exists) {
                r.at(node, 'error', 'project/missing-file', `${where}.context "${ctxRaw}" does not exist in the repository`);
                ok = false;
            }
            else if (!res.dir) {
                r.at(node, 'error', 'project/not-a-directory', `${where}.context "${ctxRaw}" is a file: the build context is a directory`);
                ok = false;
            }
            else
                context = res.rel;
        }
        // dockerfile: default <context>/Dockerfile (repository-relative, like every path here).
        const dfPair = f.get('dockerfile');
        const dfRaw = dfPair ? r.str(dfPair.value, `${where}.dockerfile`) : !ok ? undefined : context === '.' ? 'Dockerfile' : `${context}/Dockerfile`;
        let dockerfile = '';
        if (dfRaw === undefined)
            ok = false;
        else {
            const res = resolveRepoPath(this.root, dfRaw);
            const node = dfPair?.value ?? p.key;
            if (!res.ok) {
                r.at(node, 'error', 'project/path-outside', `${where}.dockerfile "${dfRaw}": ${res.problem}`);
                ok = false;
            }
            else if (!res.exists || res.dir) {
                r.at(node, 'error', 'project/missing-file', dfPair
                    ? `${where}.dockerfile "${dfRaw}" is not a file in the repository (paths are relative to the repository root, not to the context)`
                    : `${where} has no dockerfile and "${dfRaw}" does not exist: set "dockerfile:"`);
                ok = false;
            }
            else
                dockerfile = res.rel;
        }
        // repository: default the image key.
        const repoPair = f.get('repository');
        const repository = repoPair ? r.str(repoPair.value, `${where}.repository`) : key;
        if (repository === undefined)
            ok = false;
        else {
            const prob = ecrRepositoryProblem(repository);
            if (prob) {
                r.at(repoPair?.value ?? p.key, 'error', 'project/invalid-name', `${where}.repository "${repository}" is not a valid ECR repository name: ${prob}`);
                ok = false;
            }
        }
        const buildArgs = {};
        for (const { name, value, pair } of r.stringMap(f.get('buildArgs')?.value, `${where}.buildArgs`)) {
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                r.at(pair.key, 'error', 'project/invalid-name', `build arg "${name}" is not a valid ARG name: letters, digits and "_"`);
            else
                buildArgs[name] = value;
        }
        const img = { key, context, dockerfile, repository: repository ?? key, buildArgs };
        const target = r.str(f.get('target')?.value, `${where}.target`);
        if (target !== undefined) {
            const node = f.get('target').value;
            const stages = dockerfile ? this.stageNames(dockerfile) : undefined;
            if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(target))
                r.at(node, 'error', 'project/invalid-name', `${where}.target "${target}" is not a stage name`);
            else if (stages && !stages.includes(target.toLowerCase())) {
                r.at(node, 'error', 'project/unknown-target', `${where}.target "${target}" is not a stage of ${dockerfile}${stages.length ? ` (its stages: ${stages.join(', ')})` : ' (it names no stage: FROM image AS name)'}${(0,suggest/* didYouMean */.au)(target.toLowerCase(), stages)}`);
            }
            else
                img.target = target;
        }
        const platformPair = f.get('platform');
        const platform = r.str(platformPair?.value, `${where}.platform`);
        if (platform !== undefined) {
            if (!FARGATE_PLATFORMS.includes(platform)) {
                r.at(platformPair.value, 'error', 'project/invalid-value', `${where}.platform "${platform}" is not a platform Fargate runs: use ${FARGATE_PLATFORMS.join(' or ')}${(0,suggest/* didYouMean */.au)(platform, FARGATE_PLATFORMS)}`);
            }
            else
                img.platform = platform;
        }
        return ok ? img : undefined;
    }
    service(p, project, imagesMap) {
        const r = this.r;
        const key = (0,ast/* keyName */.xT)(p);
        const where = `services.${key}`;
        const m = r.map(p.value, where);
        if (!m)
            return undefined;
        const f = r.known(m, SERVICE_KEYS, where);
        let ok = true;
        const svcPair = f.get('service');
        const service = svcPair ? r.str(svcPair.value, `${where}.service`) : key;
        if (service === undefined)
            ok = false;
        else {
            const prob = ecsNameProblem(service, 'service');
            if (prob) {
                r.at(svcPair ? svcPair.value : p.key, 'error', 'project/invalid-name', svcPair ? `${where}.service "${service}" is not a valid ECS service name: ${prob}` : `service key "${key}" is used as the ECS service name and is not valid: ${prob} (or set "service:")`);
                ok = false;
            }
        }
        const clPair = f.get('cluster');
        let cluster = project.cluster;
        if (clPair) {
            const c = r.str(clPair.value, `${where}.cluster`);
            const prob = c === undefined ? 'missing' : ecsNameProblem(c, 'cluster');
            if (c !== undefined && prob)
                r.at(clPair.value, 'error', 'project/invalid-name', `${where}.cluster "${c}" is not a valid ECS cluster name: ${prob}`);
            if (c === undefined || prob)
                ok = false;
            else
                cluster = c;
        }
        const tdPair = f.get('taskDefinition');
        let taskDefinition = '';
        let containerNames;
        if (!tdPair) {
            r.at(p.key, 'error', 'project/missing-key', `${where} needs "taskDefinition": the task definition template's path${(0,suggest/* didYouMean */.au)('taskDefinition', m.pairs.map(ast/* keyName */.xT))}`);
            ok = false;
        }
        else {
            const raw = r.str(tdPair.value, `${where}.taskDefinition`);
            if (raw === undefined)
                ok = false;
            else {
                const res = resolveRepoPath(this.root, raw);
                if (!res.ok) {
                    r.at(tdPair.value, 'error', 'project/path-outside', `${where}.taskDefinition "${raw}": ${res.problem}`);
                    ok = false;
                }
                else if (!res.exists || res.dir) {
                    r.at(tdPair.value, 'error', 'project/missing-file', `${where}.taskDefinition "${raw}" is not a file in the repository`);
                    ok = false;
                }
                else {
                    taskDefinition = res.rel;
                    containerNames = this.taskDefContainers(res.rel, res.abs);
                }
            }
        }
        const containers = {};
        const imageKeys = imagesMap ? imagesMap.pairs.map(ast/* keyName */.xT) : [];
        const contMap = r.map(f.get('containers')?.value, `${where}.containers`);
        for (const cp of contMap?.pairs ?? []) {
            const cname = (0,ast/* keyName */.xT)(cp);
            const imageKey = r.str(cp.value, `${where}.containers.${cname}`);
            if (imageKey === undefined)
                continue;
            if (!imageKeys.includes(imageKey)) {
                r.at(cp.value, 'error', 'project/unknown-image', `${where}.containers.${cname} uses image "${imageKey}", which "images" does not define${(0,suggest/* didYouMean */.au)(imageKey, imageKeys)}`);
                continue;
            }
            if (containerNames && !containerNames.includes(cname)) {
                const hint = (0,suggest/* closest */.kp)(cname, containerNames);
                r.at(cp.key, 'error', 'project/unknown-container', `container "${cname}" is not in ${taskDefinition} (its containers: ${containerNames.map((n) => `"${n}"`).join(', ') || 'none'})${hint ? ` (did you mean "${hint}"?)` : ''}`);
                continue;
            }
            containers[cname] = imageKey;
        }
        if (f.get('containers') === undefined) {
            r.at(p.key, 'warning', 'project/missing-key', `${where} has no "containers": no built image goes into this service, so a deploy only re-registers its task definition`);
        }
        const secrets = {};
        for (const { name, value, pair } of r.stringMap(f.get('secrets')?.value, `${where}.secrets`)) {
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
            secrets[name] = value;
        }
        const environment = {};
        for (const { name, value, pair } of r.stringMap(f.get('environment')?.value, `${where}.environment`)) {
            const envProb = envNameProblem(name);
            if (envProb)
                r.at(pair.key, 'warning', 'project/invalid-env-name', `environment name "${name}": ${envProb}`);
            if (name in secrets) {
                r.at(pair.key, 'error', 'project/secret-and-environment', `${name} is both in ${where}.secrets and in ${where}.environment: keep only the secret`);
                continue;
            }
            const kind = (0,taskdef/* plainSecretKind */.nR)(name, value);
            if (kind === 'api-key') {
                r.at(pair.value, 'error', 'project/secret-in-environment', `${where}.environment.${name} holds ${name === 'DD_API_KEY' ? 'the Datadog API key' : 'what looks like a Datadog API key'} in plain text: move it to ${where}.secrets as an SSM parameter (e.g. ${name}: /datadog/apikey)`);
                continue;
            }
            if (kind === 'credential') {
                r.at(pair.value, 'warning', 'project/secret-like-environment', `${where}.environment.${name} looks like a credential in plain text: move it to ${where}.secrets`);
            }
            environment[name] = value;
        }
        if (!ok)
            return undefined;
        return { key, service: service, cluster, taskDefinition, containers, secrets, environment };
    }
    /** Stage names of a Dockerfile, or undefined when it cannot be read (the layout reports that). */
    stageNames(dockerfile) {
        const decoded = (0,checks_source/* readSource */.o$)(dockerfile, external_node_path_default().join(this.root, dockerfile));
        if (!decoded.ok)
            return undefined;
        return (0,project_dockerfile/* parseDockerfile */.Ai)(decoded.source).stages.map((s) => s.name).filter((n) => n !== undefined);
    }
    /** Container names of a task definition, or undefined when it does not parse (its own check reports that). */
    taskDefContainers(rel, abs) {
        const decoded = (0,checks_source/* readSource */.o$)(rel, abs);
        if (!decoded.ok)
            return undefined;
        const { taskDef } = (0,taskdef/* parseTaskDefinition */.Id)(decoded.source);
        if (!taskDef || !Array.isArray(taskDef.containerDefinitions))
            return undefined;
        return taskDef.containerDefinitions
            .map((c) => (typeof c === 'object' && c !== null ? c.name : undefined))
            .filter((n) => typeof n === 'string');
    }
    crossChecks(project, imagesMap, servicesMap) {
        const r = this.r;
        const used = new Set(Object.values(project.services).flatMap((s) => Object.values(s.containers)));
        for (const p of lastPairs(imagesMap)) {
            const key = (0,ast/* keyName */.xT)(p);
            if (project.images[key] && !used.has(key) && Object.keys(project.services).length > 0) {
                r.at(p.key, 'warning', 'project/unused-image', `image "${key}" is built but no service's "containers" uses it`);
            }
        }
        const repos = new Map();
        for (const p of lastPairs(imagesMap)) {
            const img = project.images[(0,ast/* keyName */.xT)(p)];
            if (!img)
                continue;
            const prev = repos.get(img.repository);
            if (prev)
                r.at(p.key, 'warning', 'project/duplicate-repository', `images "${prev}" and "${img.key}" push to the same repository "${img.repository}": give each its own`);
            else
                repos.set(img.repository, img.key);
        }
        const svcs = new Map();
        for (const p of lastPairs(servicesMap)) {
            const s = project.services[(0,ast/* keyName */.xT)(p)];
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
    fileOverride(p, project) {
        const r = this.r;
        const file = (0,ast/* keyName */.xT)(p);
        const kind = r.str(p.value, `files.${file}`);
        if (kind === undefined)
            return;
        if (!KINDS.includes(kind)) {
            r.at(p.value, 'error', 'project/unknown-kind', `files.${file}: "${kind}" is not a file kind; use one of ${KINDS.join(', ')}${(0,suggest/* didYouMean */.au)(kind, KINDS)}`);
            return;
        }
        const res = resolveRepoPath(this.root, file);
        if (!res.ok) {
            r.at(p.key, 'error', 'project/path-outside', `files: "${file}": ${res.problem}`);
            return;
        }
        if (!res.exists || res.dir) {
            if (kind !== 'ignore') {
                r.at(p.key, 'error', 'project/missing-file', `files: "${file}" is not a file in the repository`);
                return;
            }
        }
        project.files[res.rel] = kind;
    }
    deploy(m, project) {
        const r = this.r;
        const f = r.known(m, DEPLOY_KEYS, 'deploy');
        const d = project.deploy;
        const wait = r.count(f.get('waitTimeoutSeconds')?.value, 'deploy.waitTimeoutSeconds');
        if (wait !== undefined)
            d.waitTimeoutSeconds = wait;
        const poll = r.count(f.get('pollIntervalSeconds')?.value, 'deploy.pollIntervalSeconds');
        if (poll !== undefined)
            d.pollIntervalSeconds = poll;
        if (d.pollIntervalSeconds > d.waitTimeoutSeconds) {
            r.at((f.get('pollIntervalSeconds') ?? f.get('waitTimeoutSeconds'))?.value ?? m, 'error', 'project/invalid-value', `deploy.pollIntervalSeconds (${d.pollIntervalSeconds}) is longer than deploy.waitTimeoutSeconds (${d.waitTimeoutSeconds})`);
        }
        for (const k of ['rollback', 'fluentdDryRun', 'createRepositories']) {
            const v = r.bool(f.get(k)?.value, `deploy.${k}`);
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
        last.set((0,ast/* keyName */.xT)(p), p);
    return map.pairs.filter((p) => last.get((0,ast/* keyName */.xT)(p)) === p);
}

;// CONCATENATED MODULE: ./src/validate.ts
/**
 * `validate`: everything the project file references, each file checked with what is known about
 * where it runs. Files -> findings, one way: the project file, then each image's Dockerfile and
 * layout, then each task definition, then every classified file with its context (the container's
 * environment from the task definition, the image's files and gems, the agent's secret backend).
 */











function validateProject(configPath) {
    const loaded = loadProject(configPath);
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
    const { layouts, findings: layoutFindings } = imageLayouts(project);
    result.layouts = layouts;
    result.findings.push(...layoutFindings);
    for (const svc of Object.values(project.services)) {
        const decoded = (0,checks_source/* readSource */.o$)(svc.taskDefinition, external_node_path_default().join(project.root, svc.taskDefinition));
        if (!decoded.ok) {
            result.findings.push(...decoded.findings);
            continue;
        }
        const r = (0,taskdef/* checkTaskDefinition */.T8)(decoded.source, { service: svc, project });
        result.findings.push(...r.findings);
        if (r.taskDef)
            result.taskDefs.set(svc.key, r.taskDef);
    }
    // An image's contexts are the same for each of its files: worked out (datadog.yaml read) once.
    const contextsByImage = new Map();
    const contextsOf = (layout) => {
        if (!layout)
            return contexts(project, undefined, result);
        let out = contextsByImage.get(layout.imageKey);
        if (!out)
            contextsByImage.set(layout.imageKey, (out = contexts(project, layout, result)));
        return out;
    };
    const classified = classifyFiles(project, layouts);
    const seen = new Set();
    for (const file of classified) {
        if (!seen.has(file.repoPath)) {
            seen.add(file.repoPath);
            result.files.push({ path: file.repoPath, kind: file.kind });
        }
        const layout = file.imageKey ? layouts.get(file.imageKey) : undefined;
        result.findings.push(...checkClassified(project, file, layout, contextsOf, result));
    }
    for (const layout of layouts.values()) {
        const confD = new Map([...layout.files].filter(([imagePath]) => (0,agent/* agentConfPath */.T6)(imagePath) !== undefined));
        if (confD.size)
            result.findings.push(...(0,agent/* checkConfDLayout */.Bc)(confD));
    }
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
                out.push(...r.findings);
                if (file.kind === 'http_check' && !result.sites.some((s) => s.file === file.repoPath)) {
                    result.sites.push(...r.sites.map((s) => ({ ...s, file: file.repoPath })));
                }
            }
            return out;
        }
        case 'fluentd': {
            const out = [];
            for (const ctx of contextsOf(layout)) {
                if (layout && file.imagePath)
                    out.push(...(0,fluentd/* checkFluentd */.FB)(file.imagePath, new ImageFs(project, layout), ctx).findings);
                else
                    out.push(...(0,fluentd/* checkFluentd */.FB)(file.repoPath, new fs/* DiskFs */.Pg(project.root), ctx).findings);
            }
            return out;
        }
        case 'datadog_yaml': {
            const decoded = (0,checks_source/* readSource */.o$)(file.repoPath, external_node_path_default().join(project.root, file.repoPath));
            if (!decoded.ok)
                return decoded.findings;
            return (0,load/* loadYaml */.yv)(decoded.source, 'agent').findings;
        }
        default:
            // Task definitions are checked per service above; Dockerfiles by the layout; secret files are only carried.
            return [];
    }
}
/**
 * One check context per container that runs the image (a variable must reach every one of them),
 * or a single image-only context when no service runs it (or the file is in no image).
 */
function contexts(project, layout, result) {
    const base = { fluentd: { forwardedTags: project.fluentd.forwardedTags } };
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
    const withImage = { ...base, image, secretBackend: fromImage ?? { configured: false, where: "the image's datadog.yaml" } };
    const out = [];
    for (const r of runners) {
        const td = result.taskDefs.get(r.service.key);
        if (!td)
            continue;
        const env = (0,taskdef/* containerEnv */.jY)(td, r.container, r.service);
        const backend = containerSecretBackend(td, r.container, env) ?? fromImage ?? { configured: false, where: `neither ${env.where} nor the image's datadog.yaml` };
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
        if ((e.name === 'DD_SECRET_BACKEND_COMMAND' || e.name === 'DD_SECRET_BACKEND_TYPE') && typeof e.value === 'string' && e.value) {
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
    const y = (0,load/* loadYaml */.yv)(decoded.source, 'agent');
    if (!(0,ast/* isMap */.jh)(y.root))
        return undefined;
    const cmd = (0,ast/* get */.Jt)(y.root, 'secret_backend_command');
    const type = (0,ast/* get */.Jt)(y.root, 'secret_backend_type');
    if ((0,ast/* isScalar */.jn)(cmd) && typeof cmd.value === 'string' && cmd.value)
        return { configured: true, where: `secret_backend_command in ${dd}`, command: cmd.value };
    if ((0,ast/* isScalar */.jn)(type) && typeof type.value === 'string' && type.value)
        return { configured: true, where: `secret_backend_type in ${dd}`, type: type.value };
    return undefined;
}


/***/ })

};
