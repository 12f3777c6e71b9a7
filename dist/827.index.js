export const id = 827;
export const ids = [827,880,167];
export const modules = {

/***/ 5827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDeploy: () => (/* binding */ runDeploy)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9880);
/* harmony import */ var _deploy_phases_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2793);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5625);
/* harmony import */ var _plan_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2422);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1243);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9660);
/* harmony import */ var _plan_command_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(167);
/** `deploy`: build, push, register, update and follow; exit 1 when anything failed or was rolled back. */








function formatDeployText(r) {
    if (r.dryRun)
        return `${(0,_plan_index_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPlanText */ .G9)(r.plan)}\n\nDry run: nothing was built, pushed, registered or updated.`;
    const lines = [];
    for (const i of r.images) {
        const how = i.built ? (i.method ?? 'built and pushed') : 'reused from ECR';
        lines.push(`image   ${i.key}: ${i.imageRef} (${how}${i.fluentdDryRun?.startsWith('skipped') ? `; fluentd --dry-run ${i.fluentdDryRun}` : ''})`);
    }
    for (const s of r.services) {
        const what = s.state === 'unchanged'
            ? 'unchanged'
            : s.ok
                ? `deployed ${s.taskDefinitionArn ?? ''}`.trim()
                : `FAILED: ${s.failure ?? s.state}`;
        lines.push(`service ${s.key}: ${what}${s.rolledBack ? ` (rolled back by ${s.rolledBack.by}: ${s.rolledBack.state})` : ''}`);
    }
    for (const p of r.problems)
        lines.push(`problem: ${p}`);
    if (r.phases)
        lines.push(`phases: ${(0,_deploy_phases_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPhases */ .qN)(r.phases, r.bytesPushed)}`);
    lines.push(r.ok ? 'Deploy succeeded.' : 'Deploy FAILED.');
    return lines.join('\n');
}
async function runDeploy(cmd, io) {
    const configPath = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(io.cwd, cmd.config);
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(configPath);
    const log = (0,_log_js__WEBPACK_IMPORTED_MODULE_7__/* .streamLog */ .VM)((l) => io.err(l));
    const changed = await (0,_plan_command_js__WEBPACK_IMPORTED_MODULE_6__/* .changedFor */ .s)(root, cmd.base, cmd.head);
    const result = await (0,_deploy_js__WEBPACK_IMPORTED_MODULE_1__.deploy)({
        configPath,
        offline: false,
        changed,
        only: cmd.only,
        forceNewDeployment: cmd.forceNewDeployment,
        rebuild: cmd.rebuild,
        dryRun: cmd.dryRun,
        rollback: cmd.rollback,
        ...(cmd.waitTimeoutSeconds !== undefined ? { waitTimeoutSeconds: cmd.waitTimeoutSeconds } : {}),
        ...(cmd.pollIntervalSeconds !== undefined ? { pollIntervalSeconds: cmd.pollIntervalSeconds } : {}),
        waitForOtherDeployments: cmd.waitForOtherDeployments,
        gitSha: io.env.GITHUB_SHA ?? (await (0,_git_js__WEBPACK_IMPORTED_MODULE_4__/* .headSha */ .xF)(root)) ?? '',
        log,
        env: io.env,
    });
    (0,_main_js__WEBPACK_IMPORTED_MODULE_5__/* .printFindings */ .c2)(io, 'text', result.plan.findings, [], root);
    io.out(formatDeployText(result));
    // After the rollout (COMPLETED): does Datadog see what was deployed? Never rolls back.
    const { verifyAfterDeploy } = await Promise.all(/* import() */[__webpack_require__.e(313), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 3989));
    const verification = await verifyAfterDeploy({
        result,
        configPath,
        changed,
        since: new Date(),
        verify: cmd.verify !== false,
        ...(cmd.verifyTimeoutSeconds !== undefined ? { timeoutSeconds: cmd.verifyTimeoutSeconds } : {}),
        ...(cmd.verifyFailOn ? { failOn: cmd.verifyFailOn } : {}),
        io,
        log,
    });
    return result.ok && (verification?.ok ?? true) ? 0 : 1;
}


/***/ }),

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


/***/ }),

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deploy: () => (/* binding */ deploy)
/* harmony export */ });
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4258);
/* harmony import */ var _deploy_phases_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2793);
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(671);
/* harmony import */ var _ecs_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2970);
/* harmony import */ var _ecs_lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9707);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(970);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3190);
/* harmony import */ var _images_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1456);
/* harmony import */ var _plan_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2422);
/* harmony import */ var _plan_project_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4694);
/* harmony import */ var _plan_prepare_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5264);
/* harmony import */ var _plan_render_all_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7961);
/**
 * `deploy`: validate, build and push only the images whose content tag ECR lacks, render every
 * selected service's task definition pinned by digest, pre-flight, register only what changed,
 * update only what changed (or everything when forced), and follow each rollout to COMPLETED.
 * Anything that stops it before the first change in AWS comes back in `problems`; nothing is
 * half-done silently.
 */













/** Errors that mean "this step failed for this reason" rather than a bug: reported as problems. */
function isStepError(err) {
    return (err instanceof _images_index_js__WEBPACK_IMPORTED_MODULE_6__/* .ImageBuildError */ .qY ||
        err instanceof _exec_js__WEBPACK_IMPORTED_MODULE_5__/* .ExecError */ .cI ||
        err instanceof _images_index_js__WEBPACK_IMPORTED_MODULE_6__/* .EcrError */ .JA ||
        err instanceof _ecs_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployStepError */ .EG ||
        err instanceof _plan_prepare_js__WEBPACK_IMPORTED_MODULE_9__/* .PlanError */ .W6);
}
/** A deploy that stopped early: the reason, and no per-image or per-service results. */
function stoppedEarly(prepared, opts, problem) {
    const plan = {
        offline: false,
        changed: opts.changed,
        images: [],
        services: [],
        findings: prepared.findings,
        problems: [],
    };
    return { ok: false, dryRun: false, plan, images: [], services: [], problems: [problem] };
}
async function deploy(opts) {
    const { log } = opts;
    if (opts.dryRun) {
        const plan = await (0,_plan_project_js__WEBPACK_IMPORTED_MODULE_8__.planProject)({ ...opts, offline: false });
        const errors = (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .countBySeverity */ .Ot)(plan.findings).error;
        const problems = [...(errors ? [`${errors} error finding(s): fix them before deploying`] : []), ...plan.problems];
        return { ok: problems.length === 0, dryRun: true, plan, images: [], services: [], problems };
    }
    const clock = new _deploy_phases_js__WEBPACK_IMPORTED_MODULE_0__/* .PhaseClock */ .wM();
    const prepared = await (0,_plan_prepare_js__WEBPACK_IMPORTED_MODULE_9__/* .prepare */ .iA)({ ...opts, resolveBaseImages: (0,_plan_project_js__WEBPACK_IMPORTED_MODULE_8__/* .liveBaseResolver */ .KY)(opts) });
    clock.mark('validate');
    const errors = (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .countBySeverity */ .Ot)(prepared.findings).error;
    if (errors) {
        const problem = `${errors} error finding(s) in the repository: nothing was built, registered or updated`;
        return stoppedEarly(prepared, opts, problem);
    }
    const region = (0,_plan_index_js__WEBPACK_IMPORTED_MODULE_7__/* .requireRegion */ .CI)(prepared, opts.env ?? process.env);
    const clients = opts.clients ?? (0,_aws_js__WEBPACK_IMPORTED_MODULE_11__/* .makeClients */ .nv)({ region });
    try {
        return await deployWith(prepared, clients, region, opts, clock);
    }
    catch (err) {
        if (!isStepError(err))
            throw err;
        log.info(`deploy stopped: ${err.message}`);
        return stoppedEarly(prepared, opts, err.message);
    }
    finally {
        if (!opts.clients)
            (0,_aws_js__WEBPACK_IMPORTED_MODULE_11__/* .destroyClients */ .Fj)(clients);
    }
}
async function deployWith(prepared, clients, region, opts, clock = new _deploy_phases_js__WEBPACK_IMPORTED_MODULE_0__/* .PhaseClock */ .wM()) {
    const { log } = opts;
    const { project } = prepared;
    const accountId = await (0,_ecs_index_js__WEBPACK_IMPORTED_MODULE_2__/* .callerAccount */ .Xr)(clients.sts);
    log.info(`deploying ${prepared.services.map((s) => s.key).join(', ')} to ${region} (cluster ${project.cluster})`);
    // One deploy at a time: the lease is taken before anything is built, pushed or registered.
    const lease = await takeLease(prepared, clients, opts);
    if (lease.state === 'busy') {
        const problem = (0,_ecs_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .busyMessage */ .Fj)(lease);
        log.info(`deploy refused: ${problem}`);
        return stoppedEarly(prepared, opts, problem);
    }
    const unhook = lease.state === 'held' ? (0,_signals_js__WEBPACK_IMPORTED_MODULE_4__/* .onInterrupt */ .nA)(lease.release) : () => undefined;
    try {
        return await deployHeld({ prepared, clients, region, accountId, opts, clock });
    }
    finally {
        unhook();
        if (lease.state === 'held')
            await lease.release();
    }
}
async function takeLease(prepared, clients, opts) {
    const targets = [];
    const byCluster = new Map();
    for (const s of prepared.services)
        byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s]);
    for (const [cluster, list] of byCluster) {
        const found = await (0,_ecs_index_js__WEBPACK_IMPORTED_MODULE_2__/* .describeServices */ .Ge)(clients.ecs, cluster, list.map((s) => s.service));
        for (const s of list) {
            const r = found.get(s.service);
            // A missing service is pre-flight's to report, after the build.
            if (r?.ok && r.service.serviceArn)
                targets.push({ key: s.key, serviceArn: r.service.serviceArn });
        }
    }
    return (0,_ecs_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .holdLease */ .UU)({
        ecs: clients.ecs,
        log: opts.log,
        clock: _ecs_index_js__WEBPACK_IMPORTED_MODULE_2__/* .realClock */ .dQ,
        targets,
        runId: (0,_ecs_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .runIdFor */ .qH)(opts.env ?? process.env),
        wait: opts.waitForOtherDeployments === true,
        waitTimeoutMs: (opts.waitTimeoutSeconds ?? prepared.project.deploy.waitTimeoutSeconds) * 1000,
    });
}
async function deployHeld(h) {
    const { prepared, clients, region, accountId, opts, clock } = h;
    const { log } = opts;
    const { project } = prepared;
    const built = await (0,_images_index_js__WEBPACK_IMPORTED_MODULE_6__/* .buildImages */ .rd)({
        images: prepared.images.map((i) => i.spec),
        gitSha: opts.gitSha,
        clients,
        log,
        rebuild: opts.rebuild ?? false,
        createRepositories: project.deploy.createRepositories,
        fluentdDryRun: project.deploy.fluentdDryRun,
        env: opts.env ?? process.env,
        ...(opts.exec ? { exec: opts.exec } : {}),
    });
    const images = built.images
        .filter((r) => r.digest && r.repositoryUri && r.imageRef)
        .map((r) => ({
        key: r.key,
        repositoryUri: r.repositoryUri,
        digest: r.digest,
        imageRef: r.imageRef,
        tags: r.tags,
        built: r.built,
        pushed: r.pushed,
        ...(r.method ? { method: r.method } : {}),
        ...(r.bytesPushed !== undefined ? { bytesPushed: r.bytesPushed } : {}),
        ...(r.fluentdDryRun ? { fluentdDryRun: r.fluentdDryRun } : {}),
    }));
    clock.mark('images');
    const bytesPushed = built.images.reduce((n, r) => n + (r.bytesPushed ?? 0), 0);
    const imagePlans = prepared.images.map((img) => {
        const r = built.images.find((b) => b.key === img.spec.key);
        return (0,_plan_prepare_js__WEBPACK_IMPORTED_MODULE_9__/* .imagePlan */ .Tb)(img, {
            action: r?.action === 'reused' ? 'reuse' : 'build',
            reason: r?.action === 'reused'
                ? (r.reusedBecause ?? 'already in ECR')
                : r?.action === 'blocked'
                    ? 'built, but fluentd rejected its config: not pushed'
                    : 'built and pushed',
            repositoryUri: r?.repositoryUri,
            digest: r?.digest,
            ...(r?.method ? { method: r.method } : {}),
        });
    });
    const plan = {
        offline: false,
        changed: opts.changed,
        images: imagePlans,
        services: [],
        findings: [...prepared.findings, ...built.findings],
        problems: [],
    };
    const blocked = built.findings.filter((f) => f.severity === 'error');
    if (blocked.length) {
        (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .appendAll */ .u2)(plan.problems, blocked.map((f) => `${f.file}:${f.line}:${f.column}: ${f.code} ${f.message}`));
        return {
            ok: false,
            dryRun: false,
            plan,
            images,
            services: [],
            problems: [
                `fluentd rejected the configuration in the built image: nothing was pushed for it, registered or updated`,
                ...plan.problems,
            ],
        };
    }
    const rendered = (0,_plan_render_all_js__WEBPACK_IMPORTED_MODULE_10__/* .renderAll */ .Y)(prepared, Object.fromEntries(images.map((i) => [i.key, i.imageRef])), region, accountId);
    for (const n of rendered.notes)
        log.info(n);
    if (rendered.problems.length) {
        (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .appendAll */ .u2)(plan.problems, rendered.problems);
        return { ok: false, dryRun: false, plan, images, services: [], problems: rendered.problems };
    }
    const ecsStart = Date.now();
    const watch = (0,_deploy_phases_js__WEBPACK_IMPORTED_MODULE_0__/* .watchEcsChanges */ .Iw)(clients.ecs);
    const result = await (0,_ecs_index_js__WEBPACK_IMPORTED_MODULE_2__/* .deployServices */ .ul)({
        clients,
        log,
        services: rendered.deployments,
        forceNewDeployment: opts.forceNewDeployment ?? false,
        rollback: opts.rollback && project.deploy.rollback,
        waitTimeoutMs: (opts.waitTimeoutSeconds ?? project.deploy.waitTimeoutSeconds) * 1000,
        pollIntervalMs: (opts.pollIntervalSeconds ?? project.deploy.pollIntervalSeconds) * 1000,
        waitForOtherDeployments: opts.waitForOtherDeployments === true,
    }).finally(() => watch.stop());
    const cut = watch.last() ?? ecsStart;
    clock.add('register', cut - ecsStart);
    clock.add('rollout', Date.now() - cut);
    plan.services = result.services.map((s) => {
        // A pre-flight problem (or another service's failure) stopped the deploy before this one was compared.
        const notStarted = s.state === 'not-started';
        const own = result.problems.filter((p) => p.service === s.key).map((p) => p.message);
        return {
            key: s.key,
            cluster: s.cluster,
            service: s.service,
            images: [...new Set(Object.values(project.services[s.key]?.containers ?? {}))],
            action: notStarted ? 'unknown' : s.taskDefinitionChanged ? 'register-and-update' : s.updated ? 'update' : 'none',
            reason: notStarted
                ? own.join('; ') || 'not started: the deploy stopped before it'
                : (s.failure ??
                    (s.taskDefinitionChanged ? 'task definition changed' : s.updated ? 'forced new deployment' : 'unchanged')),
            taskDefinitionDiff: s.diff,
            ...(s.previousTaskDefinitionArn ? { liveTaskDefinitionArn: s.previousTaskDefinitionArn } : {}),
        };
    });
    // Pre-flight messages already name their service.
    const problems = result.problems.map((p) => `${p.message} [${p.code}]`);
    (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .appendAll */ .u2)(plan.problems, problems);
    const services = deployedServices(result.services);
    const ok = result.ok && problems.length === 0;
    return { ok, dryRun: false, plan, images, services, problems, phases: clock.seconds(), bytesPushed };
}
/** What the deploy reports per service. */
function deployedServices(list) {
    return list.map((s) => ({
        key: s.key,
        cluster: s.cluster,
        service: s.service,
        ...(s.taskDefinitionArn ? { taskDefinitionArn: s.taskDefinitionArn } : {}),
        registered: s.registered,
        updated: s.updated,
        state: s.state,
        ok: s.ok,
        ...(s.failure ? { failure: s.failure } : {}),
        ...(s.rollback
            ? {
                rolledBack: {
                    by: s.rollback.by,
                    ...(s.rollback.taskDefinitionArn ? { taskDefinitionArn: s.rollback.taskDefinitionArn } : {}),
                    state: s.rollback.state,
                },
            }
            : {}),
    }));
}


/***/ })

};
