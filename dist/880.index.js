export const id = 880;
export const ids = [880];
export const modules = {

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deploy: () => (/* binding */ deploy)
/* harmony export */ });
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4258);
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(671);
/* harmony import */ var _ecs_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6358);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7499);
/* harmony import */ var _images_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2134);
/* harmony import */ var _plan_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5378);
/* harmony import */ var _plan_prepare_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5264);
/* harmony import */ var _plan_render_all_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7961);
/**
 * `deploy`: validate, build and push only the images whose content tag ECR lacks, render every
 * selected service's task definition pinned by digest, pre-flight, register only what changed,
 * update only what changed (or everything when forced), and follow each rollout to COMPLETED.
 * Anything that stops it before the first change in AWS comes back in `problems`; nothing is
 * half-done silently.
 */








/** Errors that mean "this step failed for this reason" rather than a bug: reported as problems. */
function isStepError(err) {
    return err instanceof _images_index_js__WEBPACK_IMPORTED_MODULE_3__/* .ImageBuildError */ .qY || err instanceof _exec_js__WEBPACK_IMPORTED_MODULE_2__/* .ExecError */ .cI || err instanceof _images_index_js__WEBPACK_IMPORTED_MODULE_3__/* .EcrError */ .JA || err instanceof _ecs_index_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployStepError */ .EG || err instanceof _plan_prepare_js__WEBPACK_IMPORTED_MODULE_5__/* .PlanError */ .W6;
}
function emptyPlan(prepared, opts) {
    return { offline: false, changed: opts.changed, images: [], services: [], findings: prepared.findings, problems: [] };
}
async function deploy(opts) {
    const { log } = opts;
    if (opts.dryRun) {
        const plan = await (0,_plan_index_js__WEBPACK_IMPORTED_MODULE_4__.makePlan)({ ...opts, offline: false });
        const errors = (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .countBySeverity */ .Ot)(plan.findings).error;
        const problems = [...(errors ? [`${errors} error finding(s): fix them before deploying`] : []), ...plan.problems];
        return { ok: problems.length === 0, dryRun: true, plan, images: [], services: [], problems };
    }
    const prepared = await (0,_plan_prepare_js__WEBPACK_IMPORTED_MODULE_5__/* .prepare */ .iA)(opts);
    const errors = (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .countBySeverity */ .Ot)(prepared.findings).error;
    if (errors) {
        return { ok: false, dryRun: false, plan: emptyPlan(prepared, opts), images: [], services: [], problems: [`${errors} error finding(s) in the repository: nothing was built, registered or updated`] };
    }
    const region = (0,_plan_index_js__WEBPACK_IMPORTED_MODULE_4__/* .requireRegion */ .CI)(prepared, opts.env ?? process.env);
    const clients = opts.clients ?? (0,_aws_js__WEBPACK_IMPORTED_MODULE_7__/* .makeClients */ .nv)({ region });
    try {
        return await deployWith(prepared, clients, region, opts);
    }
    catch (err) {
        if (!isStepError(err))
            throw err;
        log.info(`deploy stopped: ${err.message}`);
        return { ok: false, dryRun: false, plan: emptyPlan(prepared, opts), images: [], services: [], problems: [err.message] };
    }
    finally {
        if (!opts.clients)
            (0,_aws_js__WEBPACK_IMPORTED_MODULE_7__/* .destroyClients */ .Fj)(clients);
    }
}
async function deployWith(prepared, clients, region, opts) {
    const { log } = opts;
    const { project } = prepared;
    const accountId = await (0,_ecs_index_js__WEBPACK_IMPORTED_MODULE_1__/* .callerAccount */ .Xr)(clients.sts);
    log.info(`deploying ${prepared.services.map((s) => s.key).join(', ')} to ${region} (cluster ${project.cluster})`);
    const built = await (0,_images_index_js__WEBPACK_IMPORTED_MODULE_3__/* .buildImages */ .rd)({
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
        .map((r) => ({ key: r.key, repositoryUri: r.repositoryUri, digest: r.digest, imageRef: r.imageRef, tags: r.tags, built: r.built, pushed: r.pushed }));
    const imagePlans = prepared.images.map((img) => {
        const r = built.images.find((b) => b.key === img.spec.key);
        return (0,_plan_prepare_js__WEBPACK_IMPORTED_MODULE_5__/* .imagePlan */ .Tb)(img, {
            action: r?.action === 'reused' ? 'reuse' : 'build',
            reason: r?.action === 'reused' ? (r.reusedBecause ?? 'already in ECR') : r?.action === 'blocked' ? 'built, but fluentd rejected its config: not pushed' : 'built and pushed',
            repositoryUri: r?.repositoryUri,
            digest: r?.digest,
        });
    });
    const plan = { offline: false, changed: opts.changed, images: imagePlans, services: [], findings: [...prepared.findings, ...built.findings], problems: [] };
    const blocked = built.findings.filter((f) => f.severity === 'error');
    if (blocked.length) {
        plan.problems.push(...blocked.map((f) => `${f.file}:${f.line}:${f.column}: ${f.code} ${f.message}`));
        return { ok: false, dryRun: false, plan, images, services: [], problems: [`fluentd rejected the configuration in the built image: nothing was pushed for it, registered or updated`, ...plan.problems] };
    }
    const rendered = (0,_plan_render_all_js__WEBPACK_IMPORTED_MODULE_6__/* .renderAll */ .Y)(prepared, Object.fromEntries(images.map((i) => [i.key, i.imageRef])), region, accountId);
    for (const n of rendered.notes)
        log.info(n);
    if (rendered.problems.length) {
        plan.problems.push(...rendered.problems);
        return { ok: false, dryRun: false, plan, images, services: [], problems: rendered.problems };
    }
    const result = await (0,_ecs_index_js__WEBPACK_IMPORTED_MODULE_1__/* .deployServices */ .ul)({
        clients,
        log,
        services: rendered.deployments,
        forceNewDeployment: opts.forceNewDeployment ?? false,
        rollback: opts.rollback && project.deploy.rollback,
        waitTimeoutMs: (opts.waitTimeoutSeconds ?? project.deploy.waitTimeoutSeconds) * 1000,
        pollIntervalMs: (opts.pollIntervalSeconds ?? project.deploy.pollIntervalSeconds) * 1000,
    });
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
                : (s.failure ?? (s.taskDefinitionChanged ? 'task definition changed' : s.updated ? 'forced new deployment' : 'unchanged')),
            taskDefinitionDiff: s.diff,
            ...(s.previousTaskDefinitionArn ? { liveTaskDefinitionArn: s.previousTaskDefinitionArn } : {}),
        };
    });
    // Pre-flight messages already name their service.
    const problems = result.problems.map((p) => `${p.message} [${p.code}]`);
    plan.problems.push(...problems);
    const services = result.services.map((s) => ({
        key: s.key,
        cluster: s.cluster,
        service: s.service,
        ...(s.taskDefinitionArn ? { taskDefinitionArn: s.taskDefinitionArn } : {}),
        registered: s.registered,
        updated: s.updated,
        state: s.state,
        ok: s.ok,
        ...(s.failure ? { failure: s.failure } : {}),
        ...(s.rollback ? { rolledBack: { by: s.rollback.by, ...(s.rollback.taskDefinitionArn ? { taskDefinitionArn: s.rollback.taskDefinitionArn } : {}), state: s.rollback.state } } : {}),
    }));
    return { ok: result.ok && problems.length === 0, dryRun: false, plan, images, services, problems };
}


/***/ })

};
