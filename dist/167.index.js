export const id = 167;
export const ids = [167];
export const modules = {

/***/ 167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPlan: () => (/* binding */ runPlan),
/* harmony export */   s: () => (/* binding */ changedFor)
/* harmony export */ });
/* unused harmony export writeTaskDefinitions */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1243);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5625);
/* harmony import */ var _plan_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2422);
/* harmony import */ var _plan_project_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4694);
/* harmony import */ var _report_findings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9334);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9660);
/** `plan`: what a deploy would do; `--offline` needs no AWS; `--out DIR` writes the task definitions. */








async function changedFor(root, base, head) {
    if (!base)
        return { kind: 'all', reason: 'no --base given' };
    return (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .changedFilesFromGit */ .mD)({ root, base, ...(head ? { head } : {}), mode: 'direct' });
}
/**
 * `DIR/<service key>.json`, byte for byte the RegisterTaskDefinition input (plain values unmasked:
 * a file for a tool to read, never printed). Offline, digests and unknown ids are placeholders.
 */
async function writeTaskDefinitions(dir, taskDefinitions) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    const written = [];
    for (const [key, td] of Object.entries(taskDefinitions)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `${key}.json`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, `${JSON.stringify(td, null, 2)}\n`);
        written.push(file);
    }
    return written;
}
async function runPlan(cmd, io) {
    const configPath = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, cmd.config);
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(configPath);
    const log = (0,_log_js__WEBPACK_IMPORTED_MODULE_7__/* .streamLog */ .VM)((l) => io.err(l));
    const { plan, taskDefinitions } = await (0,_plan_project_js__WEBPACK_IMPORTED_MODULE_4__/* .planProjectWithTaskDefinitions */ .GK)({
        configPath,
        offline: cmd.offline,
        changed: await changedFor(root, cmd.base, cmd.head),
        only: cmd.only,
        log,
        env: io.env,
    });
    if (cmd.format === 'json') {
        io.out(JSON.stringify(plan, null, 2));
    }
    else {
        (0,_main_js__WEBPACK_IMPORTED_MODULE_6__/* .printFindings */ .c2)(io, 'text', plan.findings, [], root);
        io.out((0,_plan_index_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPlanText */ .G9)(plan));
    }
    if (cmd.out !== undefined) {
        const written = await writeTaskDefinitions(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, cmd.out), taskDefinitions);
        for (const f of written)
            io.err(`wrote ${node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(io.cwd, f) || f}`);
    }
    return plan.problems.length ? 1 : (0,_report_findings_js__WEBPACK_IMPORTED_MODULE_5__/* .exitCodeFor */ .Rr)(plan.findings);
}


/***/ })

};
