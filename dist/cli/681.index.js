export const id = 681;
export const ids = [681,62];
export const modules = {

/***/ 4681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runVerify: () => (/* binding */ runVerify),
  verifyAfterDeploy: () => (/* binding */ verifyAfterDeploy)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/log.ts
var src_log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/validate.ts + 16 modules
var validate = __webpack_require__(8825);
// EXTERNAL MODULE: ./src/ecs/clock.ts
var ecs_clock = __webpack_require__(6088);
// EXTERNAL MODULE: ./src/exec.ts
var src_exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/git.ts
var git = __webpack_require__(1243);
// EXTERNAL MODULE: ./src/checks/agent/index.ts + 9 modules
var agent = __webpack_require__(6503);
// EXTERNAL MODULE: ./src/checks/source.ts
var source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
;// CONCATENATED MODULE: ./src/report/sites-diff.ts
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
    const exec = opts.exec ?? src_exec/* runProcess */.R3;
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
        throw new Error(`git show ${opts.rev}:${file} failed: ${(0,src_exec/* tailLines */.os)(r.stderr, 1) || `exit code ${r.exitCode}`}`);
    };
}
/** The sites of the given http_check files at base, extracted exactly as at head. */
async function sitesAt(files, read) {
    const out = [];
    for (const file of files) {
        const text = await read(file);
        if (text === undefined)
            continue;
        const { sites } = (0,agent/* checkAgentFile */.G9)((0,source/* sourceFromText */.JF)(file, text), 'http_check', {});
        (0,findings/* appendAll */.u2)(out, sites.map((s) => ({ ...s, file })));
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

;// CONCATENATED MODULE: ./src/verify/client.ts
/** The application-key scope each call needs (API reference, "This endpoint requires the ... permission"). */
const SCOPES = { query: 'timeseries_query', logs: 'logs_read_data', monitors: 'monitors_read' };
class DatadogApiError extends Error {
    status;
    call;
    constructor(message, status, call) {
        super(message);
        this.status = status;
        this.call = call;
        this.name = 'DatadogApiError';
    }
    /** Wrong keys or a missing scope: polling again will not help. */
    get fatal() {
        return this.status === 401 || this.status === 403 || this.status === 400 || this.status === 404;
    }
}
const PATHS = {
    validate: '/api/v1/validate',
    query: '/api/v1/query',
    logs: '/api/v2/logs/events/search',
    monitors: '/api/v1/monitor',
};
function refusal(call, status, credentials, detail) {
    const where = `${PATHS[call]} on ${credentials.baseUrl}`;
    if (call === 'validate') {
        return (`Datadog rejected the API key (${status} from ${where}${detail}): check DD_API_KEY (input ` +
            `datadog-api-key), and that DD_SITE (${credentials.site}) is your organization's site`);
    }
    return (`Datadog refused the application key (${status} from ${where}${detail}): it needs the ` +
        `"${SCOPES[call]}" scope (a scoped application key), and DD_APP_KEY must belong to the same ` +
        `organization and site as DD_API_KEY`);
}
async function errorDetail(res) {
    try {
        const body = (await res.json());
        return Array.isArray(body.errors) && body.errors.length
            ? `: ${body.errors.map(String).join('; ').slice(0, 200)}`
            : '';
    }
    catch {
        return '';
    }
}
/** One call: GET (or POST with a JSON body), 429 waited out until the deadline, errors that say what to do. */
function requester(opts) {
    const { credentials, clock } = opts;
    const doFetch = opts.fetch ?? fetch;
    const headers = {
        'DD-API-KEY': credentials.apiKey,
        'DD-APPLICATION-KEY': credentials.appKey,
        Accept: 'application/json',
        'User-Agent': opts.userAgent ?? 'dd-ecs-monitor',
    };
    const send = async (call, pathAndQuery, body) => {
        try {
            return await doFetch(`${credentials.baseUrl}${pathAndQuery}`, {
                method: body === undefined ? 'GET' : 'POST',
                headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
                ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            });
        }
        catch (err) {
            const cause = err.cause;
            const why = cause?.code ?? cause?.message ?? err.message;
            throw new DatadogApiError(`cannot reach ${credentials.baseUrl} for ${PATHS[call]}: ${why}`, 0, call);
        }
    };
    return async (call, pathAndQuery, body) => {
        const deadline = opts.deadline?.() ?? clock.now() + 60_000;
        for (;;) {
            const res = await send(call, pathAndQuery, body);
            if (res.status === 429) {
                const wait = rateLimitWait(res.headers);
                await res.body?.cancel();
                if (clock.now() + wait > deadline) {
                    throw new DatadogApiError(`rate limited by Datadog on ${PATHS[call]} (${rateLimitName(res.headers)}): the limit ` +
                        `resets in ${wait / 1000} s, past the verification timeout`, 429, call);
                }
                await clock.sleep(wait);
                continue;
            }
            const detail = res.ok ? '' : await errorDetail(res);
            if (res.status === 401 || res.status === 403) {
                throw new DatadogApiError(refusal(call, res.status, credentials, detail), res.status, call);
            }
            if (!res.ok)
                throw new DatadogApiError(`Datadog answered ${res.status} to ${PATHS[call]}${detail}`, res.status, call);
            return res.json();
        }
    };
}
function datadogClient(opts) {
    const { credentials } = opts;
    const request = requester(opts);
    return {
        async validate() {
            const r = (await request('validate', PATHS.validate));
            if (r.valid !== true)
                throw new DatadogApiError(refusal('validate', 200, credentials, ': "valid" is not true'), 403, 'validate');
        },
        async queryMetrics(query, from, to) {
            const qs = new URLSearchParams({ from: String(Math.floor(from)), to: String(Math.ceil(to)), query });
            const r = (await request('query', `${PATHS.query}?${qs}`));
            if (r.status === 'error')
                throw new DatadogApiError(`Datadog could not run the query "${query}": ${r.error ?? 'no reason given'}`, 400, 'query');
            return seriesOf(r.series);
        },
        async searchLogs(query, from, to, limit) {
            const body = {
                filter: { query, from: from.toISOString(), to: to.toISOString() },
                sort: '-timestamp',
                page: { limit },
            };
            const r = (await request('logs', PATHS.logs, body));
            return logsOf(r.data);
        },
        async listMonitors() {
            const out = [];
            const pageSize = 1000;
            for (let page = 0; page < 100; page++) {
                const r = await request('monitors', `${PATHS.monitors}?${new URLSearchParams({ page: String(page), page_size: String(pageSize) })}`);
                const batch = monitorsOf(r);
                out.push(...batch);
                if (batch.length < pageSize)
                    break;
            }
            return out;
        },
    };
}
/** Milliseconds to wait on a 429: X-RateLimit-Reset (seconds), else X-RateLimit-Period, else 10 s. */
function rateLimitWait(h) {
    for (const name of ['x-ratelimit-reset', 'x-ratelimit-period']) {
        const v = Number(h.get(name));
        if (h.get(name) !== null && Number.isFinite(v) && v >= 0)
            return Math.max(1, Math.min(v, 3600)) * 1000;
    }
    return 10_000;
}
function rateLimitName(h) {
    const name = h.get('x-ratelimit-name');
    const limit = h.get('x-ratelimit-limit');
    const period = h.get('x-ratelimit-period');
    return [name ? `limit "${name}"` : 'rate limit', limit && period ? `${limit} requests per ${period} s` : '']
        .filter(Boolean)
        .join(', ');
}
const records = (v) => Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : [];
function seriesOf(v) {
    return records(v).map((s) => ({
        metric: String(s.metric ?? ''),
        scope: String(s.scope ?? ''),
        points: (Array.isArray(s.pointlist) ? s.pointlist : [])
            .filter((p) => Array.isArray(p) && typeof p[0] === 'number')
            .map(([t, val]) => [t, typeof val === 'number' ? val : null]),
    }));
}
function logsOf(v) {
    return records(v).map((e) => {
        const a = (typeof e.attributes === 'object' && e.attributes !== null ? e.attributes : {});
        return {
            id: String(e.id ?? ''),
            timestamp: String(a.timestamp ?? ''),
            ...(typeof a.service === 'string' ? { service: a.service } : {}),
            tags: Array.isArray(a.tags) ? a.tags.map(String) : [],
        };
    });
}
function monitorsOf(v) {
    return records(v).map((m) => ({
        id: Number(m.id ?? 0),
        name: String(m.name ?? ''),
        type: String(m.type ?? ''),
        query: String(m.query ?? ''),
    }));
}

// EXTERNAL MODULE: ./src/checks/agent/http-check.ts + 4 modules
var http_check = __webpack_require__(2461);
// EXTERNAL MODULE: ./src/checks/fluentd/ast.ts
var ast = __webpack_require__(5280);
// EXTERNAL MODULE: ./src/checks/fluentd/load.ts + 3 modules
var load = __webpack_require__(341);
// EXTERNAL MODULE: ./src/checks/fs.ts
var fs = __webpack_require__(8566);
// EXTERNAL MODULE: ./src/checks/yaml/ast.ts
var yaml_ast = __webpack_require__(6353);
// EXTERNAL MODULE: ./src/checks/yaml/load.ts + 2 modules
var yaml_load = __webpack_require__(7112);
// EXTERNAL MODULE: ./src/project/layout.ts
var project_layout = __webpack_require__(6547);
;// CONCATENATED MODULE: ./src/verify/targets.ts
/**
 * What to ask Datadog about, as plain data: the http_check sites, the mysql servers and the
 * Fluentd `out_datadog` outputs of the project, narrowed to what a deploy changed (unless `all`).
 * A file counts for a service when an image of that service carries it (the Dockerfile's COPY
 * lines, as validation worked out), so a deploy of the Fluentd service alone verifies logs only.
 */









/**
 * Tag values as Datadog stores them ("Getting started with tags": lower case; characters other
 * than letters, digits, `_ - : . /` become `_`), after the check's own `instance` normalization
 * (CONFIG-FACTS A3: `,+*-/()[]{}` become `_`).
 */
function datadogTag(tag) {
    return tag
        .toLowerCase()
        .replace(/[^\p{L}\p{N}_\-:./]/gu, '_')
        .replace(/__+/g, '_')
        .replace(/_+$/, '');
}
function instanceTag(name) {
    return datadogTag(`instance:${(0,http_check/* normalizeInstanceName */.A)(name)}`).slice('instance:'.length);
}
/** Service keys whose images carry each repository file. */
function servicesByFile(validation) {
    const out = new Map();
    const services = Object.values(validation.project?.services ?? {});
    for (const layout of validation.layouts.values()) {
        const running = services.filter((s) => Object.values(s.containers).includes(layout.imageKey)).map((s) => s.key);
        for (const repoPath of layout.files.values()) {
            const set = out.get(repoPath) ?? new Set();
            running.forEach((k) => set.add(k));
            out.set(repoPath, set);
        }
    }
    return out;
}
/**
 * Without a deploy to go by (`verify` on its own): the services whose images carry a file the
 * change touched, or every service when the changed files are unknown.
 */
function servicesTouched(validation, changedFiles) {
    const all = Object.keys(validation.project?.services ?? {});
    if (!changedFiles)
        return all;
    const byFile = servicesByFile(validation);
    return all.filter((k) => changedFiles.some((f) => byFile.get(f)?.has(k)));
}
function verifyTargets(validation, scope) {
    const byFile = servicesByFile(validation);
    const deployed = new Set(scope.deployedServices ?? []);
    const inDeploy = (file) => scope.all || [...(byFile.get(file) ?? [])].some((s) => deployed.has(s));
    const touched = (file) => scope.all || !scope.changedFiles || scope.changedFiles.includes(file);
    const notes = [];
    const changedNames = scope.sites
        ? new Set([...scope.sites.added, ...scope.sites.changed].map((s) => s.name))
        : undefined;
    const sites = [];
    let leftOut = 0;
    for (const s of validation.sites) {
        if (!s.name || !s.url)
            continue;
        if (!inDeploy(s.file) || (!scope.all && changedNames && !changedNames.has(s.name))) {
            leftOut += 1;
            continue;
        }
        sites.push(siteTarget(s));
    }
    if (leftOut)
        notes.push(`${leftOut} site${leftOut === 1 ? '' : 's'} this deploy did not add or change ` +
            `${leftOut === 1 ? 'was' : 'were'} not verified (use --all)`);
    const mysql = [];
    const logs = [];
    for (const f of validation.files) {
        if (f.kind === 'mysql' && inDeploy(f.path) && touched(f.path))
            mysql.push(...mysqlTargets(validation, f.path));
        if (f.kind === 'fluentd' && inDeploy(f.path))
            logs.push(...logTargets(validation, f.path));
    }
    return { sites, mysql, logs: dedupeLogs(logs), notes };
}
function siteTarget(s) {
    const instance = instanceTag(s.name);
    const own = Array.isArray(s.options.tags) ? s.options.tags.filter((t) => typeof t === 'string') : [];
    return {
        name: s.name,
        url: s.url,
        instance,
        tags: [`instance:${instance}`, `url:${s.url}`, ...own.map(datadogTag)],
        file: s.file,
        line: s.line,
    };
}
const scalarText = (n) => (0,yaml_ast/* isScalar */.jn)(n) && n.value !== null && n.value !== '' ? String(n.value) : undefined;
/** Each instance's `host` (or `server`) and `port`: the check tags its metrics `server:<host>` and `port:<port>`. */
function mysqlTargets(validation, file) {
    const root = validation.project?.root;
    if (!root)
        return [];
    const decoded = (0,source/* readSource */.o$)(file, external_node_path_default().join(root, file));
    if (!decoded.ok)
        return [];
    const y = (0,yaml_load/* loadYaml */.yv)(decoded.source, 'agent');
    const instances = (0,yaml_ast/* isMap */.jh)(y.root) ? (0,yaml_ast/* get */.Jt)(y.root, 'instances') : undefined;
    if (!(0,yaml_ast/* isSeq */.oP)(instances))
        return [];
    const out = [];
    for (const item of instances.items) {
        if (!(0,yaml_ast/* isMap */.jh)(item))
            continue;
        const host = scalarText((0,yaml_ast/* get */.Jt)(item, 'host')) ?? scalarText((0,yaml_ast/* get */.Jt)(item, 'server'));
        // A socket-only or templated host: the server tag is not known from the file, so it is not guessed.
        if (!host || host.includes('%%') || host.startsWith('ENC['))
            continue;
        const port = Number(scalarText((0,yaml_ast/* get */.Jt)(item, 'port')));
        out.push({
            host,
            ...(Number.isInteger(port) && port > 0 ? { port } : {}),
            file,
            line: decoded.source.lines.position(item.range[0]).line,
        });
    }
    return out;
}
/** Every `@type datadog` output (at any depth: inside `<store>` of a copy too), with the service and source it sets. */
function logTargets(validation, file) {
    const project = validation.project;
    if (!project)
        return [];
    const layout = [...validation.layouts.values()].find((l) => [...l.files.values()].includes(file));
    const imagePath = layout ? [...layout.files].find(([, repo]) => repo === file)?.[0] : undefined;
    const parsed = layout && imagePath
        ? (0,load/* loadConfig */.Z9)(imagePath, new project_layout/* ImageFs */.DB(project, layout))
        : (0,load/* loadConfig */.Z9)(file, new fs/* DiskFs */.Pg(project.root));
    if (parsed.fatal)
        return [];
    const out = [];
    const stack = [parsed.root];
    while (stack.length) {
        const el = stack.pop();
        stack.push(...el.elements);
        const type = (0,ast/* pluginType */.A)(el);
        if (!type || type.dynamic || type.value !== 'datadog' || (el.name !== 'match' && el.name !== 'store'))
            continue;
        const fixed = (key) => {
            const p = (0,ast/* lastParam */.U)(el, key);
            return p && !p.dynamic && p.value ? p.value : undefined;
        };
        const service = fixed('service');
        const source = fixed('dd_source');
        const shown = layout?.files.get(el.file) ?? el.file;
        out.push({ ...(service ? { service } : {}), ...(source ? { source } : {}), file: shown, line: el.pos.line });
    }
    return out.sort((a, b) => a.line - b.line);
}
function dedupeLogs(logs) {
    const seen = new Set();
    return logs.filter((l) => {
        const key = `${l.service ?? ''}\0${l.source ?? ''}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/verify/decide.ts

/** What can fail a verification (`--fail-on`); default: the first two. */
const FAIL_ON_CHOICES = (/* unused pure expression or super */ null && (['not-reporting', 'not-arriving', 'down', 'uncovered']));
const DEFAULT_FAIL_ON = ['not-reporting', 'not-arriving'];
const tagsOf = (scope) => scope
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
const tagValue = (scope, key) => tagsOf(scope)
    .find((t) => t.startsWith(`${key}:`))
    ?.slice(key.length + 1);
/** The newest non-null point at or after `since` among the series of one instance. */
function latest(series, instance, since) {
    let best;
    for (const s of series) {
        if (tagValue(s.scope, 'instance') !== instance)
            continue;
        for (const [t, v] of s.points) {
            if (v === null || t < since)
                continue;
            if (!best || t > best.t || (t === best.t && v > best.v))
                best = { t, v, scope: s.scope };
        }
    }
    return best;
}
/**
 * http_check sends `network.http.can_connect` 1 / `cant_connect` 0 when the site is up, the
 * reverse when it is down (CONFIG-FACTS A3); whichever says "1" last wins. The status code is the
 * `http_status_code` tag of the series when the check sets it.
 */
function siteObservation(instance, m, since) {
    const can = latest(m.can, instance, since);
    const cant = latest(m.cant, instance, since);
    if (!can && !cant)
        return { state: 'NOT REPORTING' };
    const upAt = can && can.v > 0 ? can.t : -1;
    const downAt = cant && cant.v > 0 ? cant.t : can && can.v <= 0 ? can.t : -1;
    const lastSeen = Math.max(can?.t ?? 0, cant?.t ?? 0);
    if (downAt > upAt) {
        const code = cant ? tagValue(cant.scope, 'http_status_code') : undefined;
        return { state: 'DOWN', lastSeen, ...(code && code !== 'n/a' ? { httpStatus: code } : {}) };
    }
    const rt = latest(m.responseTime, instance, since);
    return { state: 'UP', lastSeen, ...(rt ? { responseTimeSeconds: rt.v } : {}) };
}
/** The newest point at or after `since` of any series whose scope has `tag`. */
function lastPointWithTag(series, tag, since) {
    let best;
    for (const s of series) {
        if (!tagsOf(s.scope).includes(tag))
            continue;
        for (const [t, v] of s.points)
            if (v !== null && t >= since && (best === undefined || t > best))
                best = t;
    }
    return best;
}
/** A scope tag (`instance:shop`, `url:https://...`, `env:prd`, `instance:shop*`) against a site's tags. */
function tagMatches(filter, siteTags) {
    // Normalized around the `*` wildcards, which Datadog's normalization would turn into `_`.
    const f = filter.trim().replace(/^"|"$/g, '').split('*').map(datadogTag).join('*');
    if (f === '*' || f === '')
        return true;
    if (!f.includes('*'))
        return siteTags.includes(f);
    const re = new RegExp(`^${f
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`);
    return siteTags.some((t) => re.test(t));
}
/** `a,b,!c` (metric scope) or `"a","b"` (service check over): every positive tag present, no negated one. */
function scopeCovers(parts, siteTags) {
    return parts.every((p) => (p.startsWith('!') ? !tagMatches(p.slice(1), siteTags) : tagMatches(p, siteTags)));
}
const HTTP_METRIC = /network\.http\.(?:can|cant)_connect\s*\{([^}]*)\}/g;
const HTTP_SERVICE_CHECK = /"http\.can_connect"\.over\(([^)]*)\)(?:\.exclude\(([^)]*)\))?/;
/**
 * Does this monitor page someone when the site goes down? A service-check monitor on
 * `http.can_connect` whose `.over(...)` tags (ANDed) the site carries and `.exclude(...)` does not
 * name, or a metric monitor on `network.http.can_connect` / `cant_connect` whose `{scope}` the
 * site's tags satisfy (`*` is every site).
 */
function monitorCovers(monitor, site) {
    const q = monitor.query;
    const sc = HTTP_SERVICE_CHECK.exec(q);
    if (sc) {
        const over = (sc[1] ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        const excluded = (sc[2] ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        return scopeCovers(over.length ? over : ['*'], site.tags) && !excluded.some((e) => tagMatches(e, site.tags));
    }
    for (const m of q.matchAll(HTTP_METRIC)) {
        const parts = (m[1] ?? '').split(/\s*,\s*|\s+AND\s+/i).filter(Boolean);
        if (scopeCovers(parts.length ? parts : ['*'], site.tags))
            return true;
    }
    return false;
}
function verdict(kind, state, failOn) {
    const fails = (f) => (failOn.includes(f) ? 'error' : 'warning');
    if (state === 'NOT REPORTING')
        return fails('not-reporting');
    if (state === 'NOT ARRIVING')
        return fails('not-arriving');
    if (state === 'DOWN')
        return fails('down');
    if (kind === 'coverage' && state === 'UNCOVERED')
        return fails('uncovered');
    if (state === 'UNKNOWN')
        return 'warning';
    return 'ok';
}

;// CONCATENATED MODULE: ./src/verify/endpoint.ts
/**
 * Where the Datadog API is and which keys open it, the way Datadog's own tools take them:
 * `DD_API_KEY`, `DD_APP_KEY`, `DD_SITE` (a site host such as `ap1.datadoghq.com`, mapped to
 * `https://api.<site>` as in the API reference's endpoint tables), or a full `http(s)://host:port`
 * base URL used as is (a proxy, or a test's fake on 127.0.0.1). No key is ever put in a message.
 */
/** The Datadog sites (API reference, "Datadog site" column); the API host is `api.<site>`. */
const DATADOG_SITES = [
    'datadoghq.com',
    'us3.datadoghq.com',
    'us5.datadoghq.com',
    'datadoghq.eu',
    'ap1.datadoghq.com',
    'ap2.datadoghq.com',
    'ddog-gov.com',
];
const DEFAULT_SITE = 'datadoghq.com';
class DatadogConfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DatadogConfigError';
    }
}
/** The API base URL (no trailing slash) for a site host or a full base URL. */
function apiBaseUrl(site) {
    const value = (site ?? '').trim() || DEFAULT_SITE;
    if (/^https?:\/\//i.test(value)) {
        let url;
        try {
            url = new URL(value);
        }
        catch {
            throw new DatadogConfigError(`DD_SITE "${value}" is not a valid URL: write a site such as datadoghq.com or a base URL such ` +
                `as http://127.0.0.1:8080`);
        }
        if (url.username || url.password)
            throw new DatadogConfigError('DD_SITE must not carry credentials in the URL: use DD_API_KEY and DD_APP_KEY');
        return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    }
    // The UI host (app.datadoghq.com, app.datadoghq.eu) is what people copy from the browser.
    const host = value.toLowerCase().replace(/^app\./, '');
    if (DATADOG_SITES.includes(host))
        return `https://api.${host}`;
    throw new DatadogConfigError(`DD_SITE "${value}" is not a Datadog site: use one of ${DATADOG_SITES.join(', ')}, or a full ` +
        `http(s)://host:port base URL`);
}
function settingsFromEnv(env) {
    return {
        ...(env.DD_API_KEY ? { apiKey: env.DD_API_KEY } : {}),
        ...(env.DD_APP_KEY ? { appKey: env.DD_APP_KEY } : {}),
        ...(env.DD_SITE ? { site: env.DD_SITE } : {}),
    };
}
/**
 * Credentials when both keys are there; otherwise why verification cannot run (the caller says it
 * was skipped, or fails when verification was asked for explicitly).
 */
function resolveCredentials(s) {
    const apiKey = s.apiKey?.trim() ?? '';
    const appKey = s.appKey?.trim() ?? '';
    const missing = [
        !apiKey ? 'DD_API_KEY (input datadog-api-key)' : '',
        !appKey ? 'DD_APP_KEY (input datadog-app-key)' : '',
    ].filter(Boolean);
    if (missing.length)
        return {
            missing: `no ${missing.join(' and no ')}: reading metrics, logs and monitors needs an API key ` +
                `and an application key`,
        };
    const site = s.site?.trim() || DEFAULT_SITE;
    return { credentials: { apiKey, appKey, site, baseUrl: apiBaseUrl(site) } };
}

;// CONCATENATED MODULE: ./src/verify/report.ts
function emptyReport(status, reason, failOn, ok) {
    return { status, ok, failOn: [...failOn], sites: [], mysql: [], logs: [], uncovered: [], notes: [], reason };
}
const ago = (iso) => (iso ? `, last data ${iso}` : '');
/** One line per result, for the log and the CLI. */
function formatVerificationText(r) {
    const lines = [];
    const mark = (v) => (v === 'error' ? 'FAIL' : v === 'warning' ? 'WARN' : 'ok  ');
    for (const s of r.sites) {
        const detail = s.state === 'UP'
            ? s.responseTimeMs !== undefined
                ? ` (response time ${s.responseTimeMs} ms)`
                : ''
            : s.state === 'DOWN' && s.httpStatus
                ? ` (HTTP ${s.httpStatus})`
                : '';
        lines.push(`${mark(s.verdict)} site  ${s.name} <${s.url}>: ${s.state}${detail}${ago(s.lastSeen)}  [${s.file}:${s.line}]`);
        for (const c of s.causes ?? [])
            lines.push(`       - ${c}`);
    }
    for (const m of r.mysql) {
        lines.push(`${mark(m.verdict)} mysql ${m.host}${m.port ? `:${m.port}` : ''}: ${m.state}${ago(m.lastSeen)}  [${m.file}:${m.line}]`);
        for (const c of m.causes ?? [])
            lines.push(`       - ${c}`);
    }
    for (const l of r.logs) {
        const what = [l.service ? `service:${l.service}` : '', l.source ? `source:${l.source}` : ''].filter(Boolean).join(' ') ||
            'out_datadog';
        lines.push(`${mark(l.verdict)} logs  ${what}: ${l.state}${ago(l.lastSeen)}  [${l.file}:${l.line}]`);
        for (const c of l.causes ?? [])
            lines.push(`       - ${c}`);
    }
    if (r.uncovered.length) {
        const v = r.failOn.includes('uncovered') ? 'FAIL' : 'WARN';
        lines.push(`${v} alerts: no monitor pages anyone when ` +
            `${r.uncovered.length === 1 ? 'this site goes' : 'these sites go'} down: ` +
            `${r.uncovered.join(', ')}`);
    }
    for (const n of r.notes)
        lines.push(`note: ${n}`);
    lines.push(headline(r));
    return lines.join('\n');
}
function headline(r) {
    switch (r.status) {
        case 'skipped':
            return `Verification in Datadog skipped: ${r.reason ?? ''}`;
        case 'error':
            return `Verification in Datadog FAILED: ${r.reason ?? ''}`;
        case 'failed':
            return (`Verification in Datadog FAILED (${r.site ?? ''}): the configuration is deployed, but ` +
                `the items marked FAIL do not report; nothing was rolled back.`);
        case 'warnings':
            return `Verified in Datadog (${r.site ?? ''}) with warnings.`;
        default:
            return `Verified in Datadog (${r.site ?? ''}).`;
    }
}
/** A markdown section for the job summary. */
function verificationMarkdown(r) {
    const out = ['### Verification in Datadog', '', headline(r), ''];
    const rows = [];
    const icon = (v) => (v === 'error' ? '❌' : v === 'warning' ? '⚠️' : '✅');
    const esc = (s) => s.replace(/\|/g, '\\|');
    for (const s of r.sites) {
        const d = s.state === 'UP' && s.responseTimeMs !== undefined
            ? `${s.responseTimeMs} ms`
            : s.httpStatus
                ? `HTTP ${s.httpStatus}`
                : (s.causes ?? []).join('; ');
        rows.push(`| ${icon(s.verdict)} | site | ${esc(s.name)} (${esc(s.url)}) | ${s.state} | ${esc(d)} |`);
    }
    for (const m of r.mysql)
        rows.push(`| ${icon(m.verdict)} | mysql | ${esc(m.host)}${m.port ? `:${m.port}` : ''} | ${m.state} | ${esc((m.causes ?? []).join('; '))} |`);
    for (const l of r.logs)
        rows.push(`| ${icon(l.verdict)} | logs | ${esc(l.query ?? 'out_datadog')} | ${l.state} | ` +
            `${esc((l.causes ?? []).join('; '))} |`);
    if (rows.length)
        out.push('| | What | Which | State | Details |', '|---|---|---|---|---|', ...rows, '');
    if (r.uncovered.length)
        out.push(`⚠️ No monitor pages anyone when these sites go down: ${r.uncovered.map(esc).join(', ')}`, '');
    for (const n of r.notes)
        out.push(`- ${n}`);
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/verify/run.ts



const SITE_CAUSES = [
    'the agent does not run this instance: the new task may not carry this conf.d file, or the agent ' +
        'skipped it (run `agent status` or `agent configcheck` in the task; look for the file under ' +
        '"Config Errors")',
    'an ENC[] value in the instance could not be resolved by the agent\'s secret backend (agent log: "secret")',
    "the agent cannot send: egress from the Fargate subnets to the site's intake is blocked (security " +
        "group, NAT gateway, or VPC endpoint), or the agent's DD_API_KEY / DD_SITE point at another " +
        'organization or site',
];
const MYSQL_CAUSES = [
    'the check cannot connect: look at the mysql.can_connect service check (host, port, the database ' +
        'security group, username)',
    "the password's ENC[] handle was not resolved by the agent's secret backend",
    'the agent itself does not report (see the site causes: egress, DD_API_KEY, DD_SITE)',
];
const LOGS_CAUSES = [
    "out_datadog's api_key is wrong or empty (the aggregator's log shows 403 from the intake)",
    "out_datadog sends to another site: its `site` / `host` must match DD_SITE (the plugin's default is datadoghq.com)",
    'egress from the Fargate subnets to http-intake.logs.<site>:443 is blocked, or no events reach the ' +
        "aggregator (the NLB, the senders' forward output)",
];
/** `service:x source:y` (quoted when needed); undefined when the output sets neither. */
function logsQuery(t) {
    const term = (k, v) => `${k}:${/^[\w.\-/]+$/.test(v) ? v : JSON.stringify(v)}`;
    const parts = [t.service ? term('service', t.service) : '', t.source ? term('source', t.source) : ''].filter(Boolean);
    return parts.length ? parts.join(' ') : undefined;
}
const mysqlTags = (m) => [datadogTag(`server:${m.host}`), ...(m.port ? [`port:${m.port}`] : [])];
async function pollOnce(o, seen) {
    const { api, targets } = o;
    const since = o.since.getTime();
    const to = o.clock.now() / 1000;
    const from = since / 1000;
    const pendingSites = targets.sites.filter((s) => !seen.sites.has(s.instance));
    if (pendingSites.length) {
        const can = await api.queryMetrics('max:network.http.can_connect{*} by {instance}', from, to);
        const cant = await api.queryMetrics('max:network.http.cant_connect{*} by {instance,http_status_code}', from, to);
        const responseTime = await api.queryMetrics('avg:network.http.response_time{*} by {instance}', from, to);
        for (const s of pendingSites) {
            const obs = siteObservation(s.instance, { can, cant, responseTime }, since);
            if (obs.state !== 'NOT REPORTING')
                seen.sites.set(s.instance, obs);
        }
    }
    const pendingMysql = targets.mysql.filter((m) => !seen.mysql.has(m));
    if (pendingMysql.length) {
        // mysql.net.connections comes from SHOW STATUS "Connections", sent on every run with server:/port: tags.
        const series = await api.queryMetrics('max:mysql.net.connections{*} by {server,port}', from, to);
        for (const m of pendingMysql) {
            const within = series.filter((s) => mysqlTags(m).every((t) => s.scope.split(',').includes(t)));
            const t = lastPointWithTag(within, mysqlTags(m)[0], since);
            if (t !== undefined)
                seen.mysql.set(m, t);
        }
    }
    for (const l of targets.logs.filter((x) => !seen.logs.has(x))) {
        const q = logsQuery(l);
        if (!q)
            continue;
        const events = await api.searchLogs(q, o.since, new Date(o.clock.now()), 1);
        const t = events.map((e) => Date.parse(e.timestamp)).find((x) => Number.isFinite(x) && x >= since);
        if (t !== undefined)
            seen.logs.set(l, t);
    }
}
function done(o, seen) {
    return (o.targets.sites.every((s) => seen.sites.has(s.instance)) &&
        o.targets.mysql.every((m) => seen.mysql.has(m)) &&
        o.targets.logs.every((l) => !logsQuery(l) || seen.logs.has(l)));
}
/** A verification that could not be made: nothing observed, and why. */
function errorReport(base, notes, reason) {
    return { ...base, status: 'error', ok: false, sites: [], mysql: [], logs: [], uncovered: [], notes, reason };
}
async function runVerification(o) {
    const { api, clock, log } = o;
    const deadline = clock.now() + o.timeoutMs;
    const base = { site: o.site, since: o.since.toISOString(), failOn: [...o.failOn] };
    try {
        await api.validate();
    }
    catch (err) {
        return errorReport(base, [...o.targets.notes], message(err));
    }
    const notes = [...o.targets.notes];
    let monitors;
    if (o.targets.sites.length) {
        try {
            monitors = await api.listMonitors();
        }
        catch (err) {
            if (!(err instanceof DatadogApiError))
                throw err;
            notes.push(`alert coverage not checked: ${err.message}`);
        }
    }
    const seen = { sites: new Map(), mysql: new Map(), logs: new Map() };
    for (let round = 1;; round++) {
        try {
            await pollOnce(o, seen);
        }
        catch (err) {
            if (!(err instanceof DatadogApiError))
                throw err;
            if (err.fatal)
                return errorReport(base, notes, err.message);
            log.warning(`verify: ${err.message}; trying again`);
            if (err.status === 429)
                break;
        }
        if (done(o, seen))
            break;
        const left = deadline - clock.now();
        if (left <= 0)
            break;
        log.info(`verify: waiting for data in Datadog (round ${round}, ${Math.ceil(left / 1000)} s left)`);
        await clock.sleep(Math.min(o.pollIntervalMs, left));
    }
    return decideAll(o, seen, monitors, { ...base, notes, finishedAt: new Date(clock.now()).toISOString() });
}
function decideAll(o, seen, monitors, base) {
    const iso = (t) => (t === undefined ? undefined : new Date(t).toISOString());
    const sites = o.targets.sites.map((s) => {
        const obs = seen.sites.get(s.instance) ?? { state: 'NOT REPORTING' };
        return {
            name: s.name,
            url: s.url,
            file: s.file,
            line: s.line,
            state: obs.state,
            verdict: verdict('site', obs.state, o.failOn),
            ...(obs.lastSeen ? { lastSeen: iso(obs.lastSeen) } : {}),
            ...(obs.responseTimeSeconds !== undefined ? { responseTimeMs: Math.round(obs.responseTimeSeconds * 1000) } : {}),
            ...(obs.httpStatus ? { httpStatus: obs.httpStatus } : {}),
            ...(monitors ? { monitors: monitors.filter((m) => monitorCovers(m, s)).map((m) => m.name) } : {}),
            ...(obs.state === 'NOT REPORTING' ? { causes: SITE_CAUSES } : {}),
        };
    });
    const mysql = o.targets.mysql.map((m) => {
        const t = seen.mysql.get(m);
        const state = t === undefined ? 'NOT REPORTING' : 'REPORTING';
        return {
            host: m.host,
            ...(m.port ? { port: m.port } : {}),
            file: m.file,
            line: m.line,
            state,
            verdict: verdict('mysql', state, o.failOn),
            ...(t ? { lastSeen: iso(t) } : {}),
            ...(t === undefined ? { causes: MYSQL_CAUSES } : {}),
        };
    });
    const logs = o.targets.logs.map((l) => logsResult(o, l, seen.logs.get(l)));
    const uncovered = sites.filter((s) => s.monitors && s.monitors.length === 0).map((s) => s.name);
    const verdicts = [...sites, ...mysql, ...logs].map((x) => x.verdict);
    if (uncovered.length)
        verdicts.push(verdict('coverage', 'UNCOVERED', o.failOn));
    if (!sites.length && !mysql.length && !logs.length)
        base.notes.push('nothing to verify: this deploy changed no site, mysql instance or Fluentd aggregator');
    const status = verdicts.includes('error') ? 'failed' : verdicts.includes('warning') ? 'warnings' : 'passed';
    return { ...base, status, ok: status !== 'failed', sites, mysql, logs, uncovered };
}
function logsResult(o, l, t) {
    const query = logsQuery(l);
    const where = {
        ...(l.service ? { service: l.service } : {}),
        ...(l.source ? { source: l.source } : {}),
        file: l.file,
        line: l.line,
    };
    if (!query) {
        const causes = [
            'the out_datadog output sets neither `service` nor `dd_source` (or computes them at run time), ' +
                'so its logs cannot be told apart: set both to verify them',
        ];
        return { ...where, state: 'UNKNOWN', verdict: 'warning', causes };
    }
    const state = t === undefined ? 'NOT ARRIVING' : 'ARRIVING';
    return {
        ...where,
        query,
        state,
        verdict: verdict('logs', state, o.failOn),
        ...(t !== undefined ? { lastSeen: new Date(t).toISOString() } : { causes: LOGS_CAUSES }),
    };
}
const message = (err) => (err instanceof Error ? err.message : String(err));

;// CONCATENATED MODULE: ./src/verify/index.ts
/**
 * Verification in Datadog, one call for the CLI and the action: work out the credentials, what to
 * verify, then poll. Missing keys are "skipped" (a deploy goes on without) unless verification was
 * asked for explicitly; a DD_SITE that is not a site is an error either way. Keys are masked in
 * the log before anything else happens.
 */












const DEFAULT_VERIFY_TIMEOUT_SECONDS = 300;
const DEFAULT_VERIFY_POLL_SECONDS = 15;
async function verifyInDatadog(o) {
    const failOn = o.failOn ?? DEFAULT_FAIL_ON;
    for (const k of [o.settings.apiKey, o.settings.appKey])
        if (k)
            o.log.mask(k);
    let resolved;
    try {
        resolved = resolveCredentials(o.settings);
    }
    catch (err) {
        return emptyReport('error', err.message, failOn, false);
    }
    if ('missing' in resolved)
        return emptyReport(o.required ? 'error' : 'skipped', resolved.missing, failOn, !o.required);
    const { credentials } = resolved;
    const clock = o.clock ?? ecs_clock/* realClock */.d;
    const timeoutMs = (o.timeoutSeconds ?? DEFAULT_VERIFY_TIMEOUT_SECONDS) * 1000;
    const deadline = clock.now() + timeoutMs;
    const clientOptions = { credentials, clock, deadline: () => deadline };
    const api = (o.api ?? datadogClient)(clientOptions);
    const targets = verifyTargets(o.validation, o.scope);
    o.log.info(`verify: asking ${credentials.baseUrl} about ${targets.sites.length} site(s), ` +
        `${targets.mysql.length} mysql instance(s), ${targets.logs.length} log output(s) since ` +
        `${o.since.toISOString()}`);
    return runVerification({
        api,
        targets,
        since: o.since,
        timeoutMs,
        pollIntervalMs: (o.pollIntervalSeconds ?? DEFAULT_VERIFY_POLL_SECONDS) * 1000,
        clock,
        log: o.log,
        failOn,
        site: credentials.site,
    });
}
/** The sites diff for a change read from local git; undefined when it cannot be read. */
async function sitesDiffFromGit(root, validation, changed) {
    if (changed.kind !== 'files')
        return undefined;
    try {
        return await sitesDiffForChange({
            head: validation.sites,
            headFiles: validation.files.filter((f) => f.kind === 'http_check').map((f) => f.path),
            changed: changed.files,
            readers: [gitBaseReader({ root, rev: changed.base, exec: src_exec/* runProcess */.R3 })],
        });
    }
    catch {
        return undefined;
    }
}
/** What the last commit changed (HEAD^..HEAD), for `verify` without `--all`; undefined when git cannot say. */
async function lastCommitChange(root) {
    try {
        const changed = await (0,git/* changedFilesFromGit */.mD)({ root, base: 'HEAD^', head: 'HEAD', mode: 'direct' });
        return changed.kind === 'files' ? changed : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/cli/verify-command.ts
/**
 * `verify`: ask Datadog whether what the last commit changed (everything with --all) reports,
 * and `deploy`'s verification after a rollout. Exit 1 when the fail-on policy fails (or Datadog
 * cannot be asked), 2 without keys or with an unusable project file. Never rolls anything back.
 */






const DEFAULT_SINCE_MS = 15 * 60_000;
async function runVerify(cmd, io) {
    const configPath = external_node_path_default().resolve(io.cwd, cmd.config);
    const root = external_node_path_default().dirname(configPath);
    const validation = (0,validate/* validateProject */.U)(configPath);
    if (validation.fatal || !validation.project) {
        io.err(`dd-ecs-monitor: cannot use the project file ${cmd.config}: ${validation.findings[0]?.message ?? 'unreadable'}`);
        return 2;
    }
    const log = (0,src_log/* streamLog */.VM)((l) => io.err(l));
    const changed = cmd.all ? undefined : await lastCommitChange(root);
    const notes = [];
    if (!cmd.all && !changed)
        notes.push('what the last commit changed is unknown (no git history): everything was verified');
    const report = await verifyInDatadog({
        validation,
        scope: {
            all: cmd.all || !changed,
            // No deploy to go by: the services whose images carry a file the commit changed.
            deployedServices: servicesTouched(validation, changed?.kind === 'files' ? changed.files : undefined),
            ...(changed ? { changedFiles: changed.kind === 'files' ? changed.files : undefined } : {}),
            ...(changed ? { sites: await sitesDiffFromGit(root, validation, changed) } : {}),
        },
        settings: settingsFromEnv(io.env),
        since: cmd.since ?? new Date(Date.now() - DEFAULT_SINCE_MS),
        log,
        required: true,
        ...(cmd.timeoutSeconds !== undefined ? { timeoutSeconds: cmd.timeoutSeconds } : {}),
        ...(cmd.pollIntervalSeconds !== undefined ? { pollIntervalSeconds: cmd.pollIntervalSeconds } : {}),
        ...(cmd.failOn ? { failOn: cmd.failOn } : {}),
    });
    report.notes.push(...notes);
    if (cmd.format === 'json')
        io.out(JSON.stringify({ verification: report }, null, 2));
    else
        io.out(formatVerificationText(report));
    if (report.status === 'error' && report.reason?.startsWith('no DD_'))
        return 2;
    return report.ok ? 0 : 1;
}
/** `deploy`'s verification: the deployed services, the change's sites; skipped (with why) without keys. */
async function verifyAfterDeploy(a) {
    const { result, io } = a;
    if (result.dryRun || !result.ok)
        return undefined;
    if (!a.verify) {
        io.out('Verification in Datadog skipped: --no-verify.');
        return undefined;
    }
    const validation = (0,validate/* validateProject */.U)(a.configPath);
    if (!validation.project)
        return undefined;
    const root = external_node_path_default().dirname(a.configPath);
    const deployedServices = result.services.filter((s) => s.ok && (s.registered || s.updated)).map((s) => s.key);
    const report = await verifyInDatadog({
        validation,
        scope: {
            all: false,
            deployedServices,
            ...(a.changed.kind === 'files'
                ? { changedFiles: a.changed.files, sites: await sitesDiffFromGit(root, validation, a.changed) }
                : {}),
        },
        settings: settingsFromEnv(io.env),
        since: a.since,
        log: a.log,
        ...(a.timeoutSeconds !== undefined ? { timeoutSeconds: a.timeoutSeconds } : {}),
        ...(a.failOn ? { failOn: a.failOn } : {}),
    });
    io.out(formatVerificationText(report));
    return report;
}


/***/ }),

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
