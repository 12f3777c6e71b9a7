export const id = 71;
export const ids = [71,707,989];
export const modules = {

/***/ 3989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runVerify: () => (/* binding */ runVerify),
/* harmony export */   verifyAfterDeploy: () => (/* binding */ verifyAfterDeploy)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5625);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8825);
/* harmony import */ var _verify_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8313);
/* harmony import */ var _verify_endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(964);
/* harmony import */ var _verify_targets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1723);
/**
 * `verify`: ask Datadog whether what the last commit changed (everything with --all) reports,
 * and `deploy`'s verification after a rollout. Exit 1 when the fail-on policy fails (or Datadog
 * cannot be asked), 2 without keys or with an unusable project file. Never rolls anything back.
 */






const DEFAULT_SINCE_MS = 15 * 60_000;
async function runVerify(cmd, io) {
    const configPath = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(io.cwd, cmd.config);
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(configPath);
    const validation = (0,_validate_js__WEBPACK_IMPORTED_MODULE_1__/* .validateProject */ .U)(configPath);
    if (validation.fatal || !validation.project) {
        io.err(`dd-ecs-monitor: cannot use the project file ${cmd.config}: ${validation.findings[0]?.message ?? 'unreadable'}`);
        return 2;
    }
    const log = (0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .streamLog */ .VM)((l) => io.err(l));
    const changed = cmd.all ? undefined : await (0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__.lastCommitChange)(root);
    const notes = [];
    if (!cmd.all && !changed)
        notes.push('what the last commit changed is unknown (no git history): everything was verified');
    const report = await (0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__.verifyInDatadog)({
        validation,
        scope: {
            all: cmd.all || !changed,
            // No deploy to go by: the services whose images carry a file the commit changed.
            deployedServices: (0,_verify_targets_js__WEBPACK_IMPORTED_MODULE_4__.servicesTouched)(validation, changed?.kind === 'files' ? changed.files : undefined),
            ...(changed ? { changedFiles: changed.kind === 'files' ? changed.files : undefined } : {}),
            ...(changed ? { sites: await (0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__.sitesDiffFromGit)(root, validation, changed) } : {}),
        },
        settings: (0,_verify_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .settingsFromEnv */ .xT)(io.env),
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
        io.out((0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__.formatVerificationText)(report));
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
    const validation = (0,_validate_js__WEBPACK_IMPORTED_MODULE_1__/* .validateProject */ .U)(a.configPath);
    if (!validation.project)
        return undefined;
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(a.configPath);
    const deployedServices = result.services.filter((s) => s.ok && (s.registered || s.updated)).map((s) => s.key);
    const report = await (0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__.verifyInDatadog)({
        validation,
        scope: {
            all: false,
            deployedServices,
            ...(a.changed.kind === 'files'
                ? { changedFiles: a.changed.files, sites: await (0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__.sitesDiffFromGit)(root, validation, a.changed) }
                : {}),
        },
        settings: (0,_verify_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .settingsFromEnv */ .xT)(io.env),
        since: a.since,
        log: a.log,
        ...(a.timeoutSeconds !== undefined ? { timeoutSeconds: a.timeoutSeconds } : {}),
        ...(a.failOn ? { failOn: a.failOn } : {}),
    });
    io.out((0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__.formatVerificationText)(report));
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


/***/ })

};
