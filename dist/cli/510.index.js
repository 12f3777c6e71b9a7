export const id = 510;
export const ids = [510];
export const modules = {

/***/ 7510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDeploy: () => (/* binding */ runDeploy)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/aws.ts
var aws = __webpack_require__(4258);
;// CONCATENATED MODULE: ./src/deploy-phases.ts
const MIDDLEWARE = 'ddEcsMonitorDeployPhases';
const CHANGES = new Set(['RegisterTaskDefinitionCommand', 'UpdateServiceCommand']);
class PhaseClock {
    now;
    marks = new Map();
    at = Date.now();
    constructor(now = Date.now) {
        this.now = now;
        this.at = now();
    }
    /** Ends the current phase as `phase`: the time since the previous mark. */
    mark(phase) {
        const t = this.now();
        this.add(phase, t - this.at);
        this.at = t;
    }
    /** Counts `ms` to `phase` and starts the next phase now. */
    add(phase, ms) {
        this.marks.set(phase, (this.marks.get(phase) ?? 0) + Math.max(0, ms));
        this.at = this.now();
    }
    seconds() {
        const s = (k) => Math.round((this.marks.get(k) ?? 0) / 100) / 10;
        return { validate: s('validate'), images: s('images'), register: s('register'), rollout: s('rollout') };
    }
}
/** Records when the last change call to ECS answered; `stop` removes the middleware. */
function watchEcsChanges(ecs, now = Date.now) {
    let last;
    const stack = ecs.middlewareStack;
    if (!stack)
        return { last: () => undefined, stop: () => undefined };
    stack.add((next, context) => async (args) => {
        const out = await next(args);
        if (CHANGES.has(String(context.commandName)))
            last = now();
        return out;
    }, { step: 'initialize', name: MIDDLEWARE, override: true });
    return { last: () => last, stop: () => void stack.remove(MIDDLEWARE) };
}
function formatPhases(p, bytesPushed) {
    const kb = bytesPushed === undefined ? '' : `; ${(bytesPushed / 1024).toFixed(1)} KB pushed by layer append`;
    return `validate ${p.validate} s, images ${p.images} s, register ${p.register} s, rollout ${p.rollout} s${kb}`;
}

// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
// EXTERNAL MODULE: ./src/ecs/index.ts + 10 modules
var ecs = __webpack_require__(2970);
// EXTERNAL MODULE: ./src/ecs/lease.ts
var ecs_lease = __webpack_require__(9707);
// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(970);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/images/index.ts + 16 modules
var src_images = __webpack_require__(1456);
// EXTERNAL MODULE: ./src/plan/index.ts + 4 modules
var plan = __webpack_require__(2422);
// EXTERNAL MODULE: ./src/plan-project.ts + 1 modules
var plan_project = __webpack_require__(4694);
// EXTERNAL MODULE: ./src/plan/prepare.ts
var prepare = __webpack_require__(5264);
// EXTERNAL MODULE: ./src/plan/render-all.ts
var render_all = __webpack_require__(7961);
;// CONCATENATED MODULE: ./src/deploy.ts
/**
 * `deploy`: validate, build and push only the images whose content tag ECR lacks, render every
 * selected service's task definition pinned by digest, pre-flight, register only what changed,
 * update only what changed (or everything when forced), and follow each rollout to COMPLETED.
 * Anything that stops it before the first change in AWS comes back in `problems`; nothing is
 * half-done silently.
 */













/** Errors that mean "this step failed for this reason" rather than a bug: reported as problems. */
function isStepError(err) {
    return (err instanceof src_images/* ImageBuildError */.qY ||
        err instanceof exec/* ExecError */.cI ||
        err instanceof src_images/* EcrError */.JA ||
        err instanceof ecs/* DeployStepError */.EG ||
        err instanceof prepare/* PlanError */.W6);
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
        const plan = await (0,plan_project/* planProject */.fU)({ ...opts, offline: false });
        const errors = (0,findings/* countBySeverity */.Ot)(plan.findings).error;
        const problems = [...(errors ? [`${errors} error finding(s): fix them before deploying`] : []), ...plan.problems];
        return { ok: problems.length === 0, dryRun: true, plan, images: [], services: [], problems };
    }
    const clock = new PhaseClock();
    const prepared = await (0,prepare/* prepare */.iA)({ ...opts, resolveBaseImages: (0,plan_project/* liveBaseResolver */.KY)(opts) });
    clock.mark('validate');
    const errors = (0,findings/* countBySeverity */.Ot)(prepared.findings).error;
    if (errors) {
        const problem = `${errors} error finding(s) in the repository: nothing was built, registered or updated`;
        return stoppedEarly(prepared, opts, problem);
    }
    const region = (0,plan/* requireRegion */.CI)(prepared, opts.env ?? process.env);
    const clients = opts.clients ?? (0,aws/* makeClients */.nv)({ region });
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
            (0,aws/* destroyClients */.Fj)(clients);
    }
}
async function deployWith(prepared, clients, region, opts, clock = new PhaseClock()) {
    const { log } = opts;
    const { project } = prepared;
    const accountId = await (0,ecs/* callerAccount */.Xr)(clients.sts);
    log.info(`deploying ${prepared.services.map((s) => s.key).join(', ')} to ${region} (cluster ${project.cluster})`);
    // One deploy at a time: the lease is taken before anything is built, pushed or registered.
    const lease = await takeLease(prepared, clients, opts);
    if (lease.state === 'busy') {
        const problem = (0,ecs_lease/* busyMessage */.Fj)(lease);
        log.info(`deploy refused: ${problem}`);
        return stoppedEarly(prepared, opts, problem);
    }
    const unhook = lease.state === 'held' ? (0,signals/* onInterrupt */.nA)(lease.release) : () => undefined;
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
        const found = await (0,ecs/* describeServices */.Ge)(clients.ecs, cluster, list.map((s) => s.service));
        for (const s of list) {
            const r = found.get(s.service);
            // A missing service is pre-flight's to report, after the build.
            if (r?.ok && r.service.serviceArn)
                targets.push({ key: s.key, serviceArn: r.service.serviceArn });
        }
    }
    return (0,ecs_lease/* holdLease */.UU)({
        ecs: clients.ecs,
        log: opts.log,
        clock: ecs/* realClock */.dQ,
        targets,
        runId: (0,ecs_lease/* runIdFor */.qH)(opts.env ?? process.env),
        wait: opts.waitForOtherDeployments === true,
        waitTimeoutMs: (opts.waitTimeoutSeconds ?? prepared.project.deploy.waitTimeoutSeconds) * 1000,
    });
}
async function deployHeld(h) {
    const { prepared, clients, region, accountId, opts, clock } = h;
    const { log } = opts;
    const { project } = prepared;
    const built = await (0,src_images/* buildImages */.rd)({
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
        return (0,prepare/* imagePlan */.Tb)(img, {
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
        (0,findings/* appendAll */.u2)(plan.problems, blocked.map((f) => `${f.file}:${f.line}:${f.column}: ${f.code} ${f.message}`));
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
    const rendered = (0,render_all/* renderAll */.Y)(prepared, Object.fromEntries(images.map((i) => [i.key, i.imageRef])), region, accountId);
    for (const n of rendered.notes)
        log.info(n);
    if (rendered.problems.length) {
        (0,findings/* appendAll */.u2)(plan.problems, rendered.problems);
        return { ok: false, dryRun: false, plan, images, services: [], problems: rendered.problems };
    }
    const ecsStart = Date.now();
    const watch = watchEcsChanges(clients.ecs);
    const result = await (0,ecs/* deployServices */.ul)({
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
    (0,findings/* appendAll */.u2)(plan.problems, problems);
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

// EXTERNAL MODULE: ./src/log.ts
var src_log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/git.ts
var git = __webpack_require__(1243);
// EXTERNAL MODULE: ./src/cli/main.ts + 2 modules
var main = __webpack_require__(7058);
// EXTERNAL MODULE: ./src/cli/plan-command.ts
var plan_command = __webpack_require__(167);
;// CONCATENATED MODULE: ./src/cli/deploy-command.ts
/** `deploy`: build, push, register, update and follow; exit 1 when anything failed or was rolled back. */








function formatDeployText(r) {
    if (r.dryRun)
        return `${(0,plan/* formatPlanText */.G9)(r.plan)}\n\nDry run: nothing was built, pushed, registered or updated.`;
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
        lines.push(`phases: ${formatPhases(r.phases, r.bytesPushed)}`);
    lines.push(r.ok ? 'Deploy succeeded.' : 'Deploy FAILED.');
    return lines.join('\n');
}
async function runDeploy(cmd, io) {
    const configPath = external_node_path_default().resolve(io.cwd, cmd.config);
    const root = external_node_path_default().dirname(configPath);
    const log = (0,src_log/* streamLog */.VM)((l) => io.err(l));
    const changed = await (0,plan_command/* changedFor */.s)(root, cmd.base, cmd.head);
    const result = await deploy({
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
        gitSha: io.env.GITHUB_SHA ?? (await (0,git/* headSha */.xF)(root)) ?? '',
        log,
        env: io.env,
    });
    (0,main/* printFindings */.c2)(io, 'text', result.plan.findings, [], root);
    io.out(formatDeployText(result));
    // After the rollout (COMPLETED): does Datadog see what was deployed? Never rolls back.
    const { verifyAfterDeploy } = await __webpack_require__.e(/* import() */ 62).then(__webpack_require__.bind(__webpack_require__, 4681));
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


/***/ })

};
