export const id = 723;
export const ids = [723];
export const modules = {

/***/ 1723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I6: () => (/* binding */ verifyTargets),
/* harmony export */   hz: () => (/* binding */ datadogTag),
/* harmony export */   servicesTouched: () => (/* binding */ servicesTouched)
/* harmony export */ });
/* unused harmony export instanceTag */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checks_agent_http_check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2461);
/* harmony import */ var _checks_fluentd_ast_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5280);
/* harmony import */ var _checks_fluentd_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(341);
/* harmony import */ var _checks_fs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8566);
/* harmony import */ var _checks_source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5784);
/* harmony import */ var _checks_yaml_ast_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6353);
/* harmony import */ var _checks_yaml_load_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7112);
/* harmony import */ var _project_layout_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6547);
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
    return datadogTag(`instance:${(0,_checks_agent_http_check_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeInstanceName */ .A)(name)}`).slice('instance:'.length);
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
const scalarText = (n) => (0,_checks_yaml_ast_js__WEBPACK_IMPORTED_MODULE_7__/* .isScalar */ .jn)(n) && n.value !== null && n.value !== '' ? String(n.value) : undefined;
/** Each instance's `host` (or `server`) and `port`: the check tags its metrics `server:<host>` and `port:<port>`. */
function mysqlTargets(validation, file) {
    const root = validation.project?.root;
    if (!root)
        return [];
    const decoded = (0,_checks_source_js__WEBPACK_IMPORTED_MODULE_4__/* .readSource */ .o$)(file, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(root, file));
    if (!decoded.ok)
        return [];
    const y = (0,_checks_yaml_load_js__WEBPACK_IMPORTED_MODULE_5__/* .loadYaml */ .yv)(decoded.source, 'agent');
    const instances = (0,_checks_yaml_ast_js__WEBPACK_IMPORTED_MODULE_7__/* .isMap */ .jh)(y.root) ? (0,_checks_yaml_ast_js__WEBPACK_IMPORTED_MODULE_7__/* .get */ .Jt)(y.root, 'instances') : undefined;
    if (!(0,_checks_yaml_ast_js__WEBPACK_IMPORTED_MODULE_7__/* .isSeq */ .oP)(instances))
        return [];
    const out = [];
    for (const item of instances.items) {
        if (!(0,_checks_yaml_ast_js__WEBPACK_IMPORTED_MODULE_7__/* .isMap */ .jh)(item))
            continue;
        const host = scalarText((0,_checks_yaml_ast_js__WEBPACK_IMPORTED_MODULE_7__/* .get */ .Jt)(item, 'host')) ?? scalarText((0,_checks_yaml_ast_js__WEBPACK_IMPORTED_MODULE_7__/* .get */ .Jt)(item, 'server'));
        // A socket-only or templated host: the server tag is not known from the file, so it is not guessed.
        if (!host || host.includes('%%') || host.startsWith('ENC['))
            continue;
        const port = Number(scalarText((0,_checks_yaml_ast_js__WEBPACK_IMPORTED_MODULE_7__/* .get */ .Jt)(item, 'port')));
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
        ? (0,_checks_fluentd_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)(imagePath, new _project_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .ImageFs */ .DB(project, layout))
        : (0,_checks_fluentd_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)(file, new _checks_fs_js__WEBPACK_IMPORTED_MODULE_3__/* .DiskFs */ .Pg(project.root));
    if (parsed.fatal)
        return [];
    const out = [];
    const stack = [parsed.root];
    while (stack.length) {
        const el = stack.pop();
        stack.push(...el.elements);
        const type = (0,_checks_fluentd_ast_js__WEBPACK_IMPORTED_MODULE_8__/* .pluginType */ .A)(el);
        if (!type || type.dynamic || type.value !== 'datadog' || (el.name !== 'match' && el.name !== 'store'))
            continue;
        const fixed = (key) => {
            const p = (0,_checks_fluentd_ast_js__WEBPACK_IMPORTED_MODULE_8__/* .lastParam */ .U)(el, key);
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


/***/ })

};
