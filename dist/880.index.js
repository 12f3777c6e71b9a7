export const id = 880;
export const ids = [880];
export const modules = {

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
