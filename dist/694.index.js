export const id = 694;
export const ids = [694,707];
export const modules = {

/***/ 4258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ destroyClients),
/* harmony export */   ZH: () => (/* binding */ awsErrorName),
/* harmony export */   Zv: () => (/* binding */ resolveRegion),
/* harmony export */   nv: () => (/* binding */ makeClients)
/* harmony export */ });
/* unused harmony export USER_AGENT */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8249);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4736);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1695);
/**
 * The AWS seam: every SDK v3 client comes from here. Endpoints are never set in code: the SDK's
 * own resolution applies, including `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>` (which is
 * how users point this at LocalStack and tests at 127.0.0.1). Credentials come from the default
 * chain, so OIDC via configure-aws-credentials just works. Standard retry mode handles throttling.
 */




const USER_AGENT = 'dd-ecs-monitor/1.0.0';
/** Region: the project file's, else the environment's (AWS_REGION, AWS_DEFAULT_REGION). */
function resolveRegion(configured, env = process.env) {
    return configured || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}
function makeClients(opts) {
    const common = {
        region: opts.region,
        retryMode: 'standard',
        maxAttempts: opts.maxAttempts ?? 5,
        customUserAgent: USER_AGENT,
    };
    return {
        region: opts.region,
        ecs: new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ECSClient */ .Zgc(common),
        ecr: new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .ECRClient */ .S70(common),
        ssm: new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .SSMClient */ .jBj(common),
        sts: new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .STSClient */ .iM(common),
    };
}
/** The SDK's error name (`ThrottlingException`, `RepositoryNotFoundException`, ...), or undefined. */
function awsErrorName(err) {
    return err instanceof Error ? err.name : undefined;
}
function destroyClients(c) {
    c.ecs.destroy();
    c.ecr.destroy();
    c.ssm.destroy();
    c.sts.destroy();
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

/***/ 4794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ sameTaskDefinition)
/* harmony export */ });
/* unused harmony export canonicalTaskDefinition */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6303);
/* harmony import */ var _normalize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8470);
/** Is the rendered task definition the one already registered? Compared after normalisation. */


function canonicalTaskDefinition(td) {
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)((0,_normalize_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeTaskDefinition */ .m)(td));
}
function sameTaskDefinition(a, b) {
    return canonicalTaskDefinition(a) === canonicalTaskDefinition(b);
}


/***/ }),

/***/ 3034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ taskDefinitionDiff)
/* harmony export */ });
/* harmony import */ var diff__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9672);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6303);
/* harmony import */ var _normalize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8470);
/* harmony import */ var _sensitive_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8061);
/**
 * A unified diff of the normalised live task definition against the rendered one, for `plan` and
 * the PR comment. Secret values never appear: sensitive plain values are masked on both sides
 * (a changed one reads `*** (changed)`), and `secrets` only ever hold references (ARNs).
 */




/** The empty string when there is no difference. */
function taskDefinitionDiff(opts) {
    const before = opts.live === undefined ? undefined : (0,_normalize_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeTaskDefinition */ .m)(opts.live);
    const after = (0,_normalize_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeTaskDefinition */ .m)(opts.rendered);
    const masked = (0,_sensitive_js__WEBPACK_IMPORTED_MODULE_2__/* .maskPair */ .jb)(before, after);
    const a = masked.before === undefined ? '' : `${(0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(masked.before, 2)}\n`;
    const b = `${(0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(masked.after, 2)}\n`;
    if (a === b)
        return '';
    const patch = (0,diff__WEBPACK_IMPORTED_MODULE_3__/* .createTwoFilesPatch */ .ss)(`${opts.name} (${opts.liveLabel ?? 'live'})`, `${opts.name} (${opts.renderedLabel ?? 'rendered'})`, a, b, undefined, undefined, { context: opts.context ?? 3 });
    // Drop the "Index:"/"===" preamble createTwoFilesPatch prints; keep the ---/+++ headers and hunks.
    return patch.replace(/^(Index:[^\n]*\n)?=+\n/, '');
}


/***/ }),

/***/ 42:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ DeployStepError),
/* harmony export */   x: () => (/* binding */ awsErrorText)
/* harmony export */ });
/** Errors that say which step, which resource, and the cause (STYLE: never only "failed"). */
class DeployStepError extends Error {
    step;
    resource;
    causeText;
    constructor(step, resource, causeText, options) {
        super(`${step} ${resource}: ${causeText}`, options);
        this.step = step;
        this.resource = resource;
        this.causeText = causeText;
        this.name = 'DeployStepError';
    }
}
/** `ClientException: Unable to describe task definition.` from an SDK error (or anything thrown). */
function awsErrorText(err) {
    if (err instanceof Error) {
        const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
        return `${name}${err.message}`.trim();
    }
    return String(err);
}


/***/ }),

/***/ 9640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ REGISTER_FIELDS),
/* harmony export */   O: () => (/* binding */ READ_ONLY_FIELDS)
/* harmony export */ });
/* harmony import */ var _checks_taskdef_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9279);
/**
 * Which top-level task definition members RegisterTaskDefinition accepts, and which ones only
 * DescribeTaskDefinition returns. Pasting `aws ecs describe-task-definition` output or the console's
 * JSON into a template is common; registering it as-is fails with "Unexpected key 'compatibilities'"
 * (aws-actions/amazon-ecs-render-task-definition#2, aws/aws-cli#5882 for registeredAt/registeredBy),
 * so those members are stripped. One list for the checker and the deploy: the task-definition schema
 * (from the SDK's RegisterTaskDefinitionRequest and TaskDefinition types).
 */

const REGISTER_FIELDS = Object.keys(_checks_taskdef_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .TASK_DEFINITION */ .ML);
const READ_ONLY_FIELDS = _checks_taskdef_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .READ_ONLY_FIELDS */ .O6;


/***/ }),

/***/ 2970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EG: () => (/* reexport */ errors/* DeployStepError */.E),
  Xr: () => (/* reexport */ callerAccount),
  ul: () => (/* reexport */ deployServices),
  Ge: () => (/* reexport */ ecs_live/* describeServices */.Ge),
  HE: () => (/* reexport */ live_state/* lookUpServices */.H),
  dQ: () => (/* reexport */ ecs_clock/* realClock */.d),
  ag: () => (/* reexport */ renderServiceTaskDefinition),
  DJ: () => (/* reexport */ sensitive/* sensitiveValues */.DJ)
});

// UNUSED EXPORTS: canonicalTaskDefinition, circuitBreakerThreshold, classifySecretRef, describeTaskDefinition, followDeployment, formatStoppedTask, isSensitiveName, maskPair, maskTaskDefinition, missingParameters, normalizeTaskDefinition, partitionOf, preflight, renderTaskDefinition, resolveTaskDefinition, rollOut, sameTaskDefinition, servicePreflight, shortTaskDefinition, ssmParameterArn, ssmReferences, stoppedTasksOf, summarizeStoppedTasks, taskDefinitionDiff

// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __webpack_require__(5111);
// EXTERNAL MODULE: ./src/ecs/arn.ts
var ecs_arn = __webpack_require__(7362);
// EXTERNAL MODULE: ./src/ecs/fields.ts
var fields = __webpack_require__(9640);
// EXTERNAL MODULE: ./src/ecs/json.ts
var json = __webpack_require__(6303);
;// CONCATENATED MODULE: ./src/ecs/render.ts




const DIGEST_REF = /^[^\s@]+@sha256:[0-9a-f]{64}$/;
const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
function renderTaskDefinition(opts) {
    const problems = [];
    const add = (severity, code, pointer, message) => {
        problems.push({ severity, code, pointer, message });
    };
    let td;
    try {
        td = unwrap((0,json/* withoutNulls */.Le)(opts.template));
    }
    catch (err) {
        if (!(err instanceof json/* TooDeepError */.Fd))
            throw err;
        add('error', 'render/invalid-template', '', `the task definition template is ${err.message}; a task definition is a few levels deep`);
        return { input: undefined, problems };
    }
    if (!td) {
        add('error', 'render/invalid-template', '', 'the task definition template is not a JSON/YAML object; write {"family": ..., "containerDefinitions": [...]}');
        return { input: undefined, problems };
    }
    const out = {};
    for (const [k, v] of Object.entries(td)) {
        if (fields/* READ_ONLY_FIELDS */.O.includes(k)) {
            add('notice', 'render/read-only-field', `/${k}`, `"${k}" is returned by DescribeTaskDefinition but not accepted by RegisterTaskDefinition; it is ignored (you can delete it)`);
        }
        else if (!fields/* REGISTER_FIELDS */.G.includes(k)) {
            add('warning', 'render/unknown-field', `/${k}`, `"${k}" is not a task definition field and is ignored${(0,suggest/* didYouMean */.au)(k, fields/* REGISTER_FIELDS */.G)}`);
        }
        else {
            out[k] = v;
        }
    }
    if (typeof out.family !== 'string' || !FAMILY.test(out.family)) {
        add('error', 'render/invalid-template', '/family', 'the template needs "family": up to 255 letters, digits, "_" and "-"');
    }
    const containers = Array.isArray(out.containerDefinitions) ? out.containerDefinitions : undefined;
    if (!containers || containers.length === 0) {
        add('error', 'render/invalid-template', '/containerDefinitions', 'the template needs a non-empty "containerDefinitions" list');
        return { input: undefined, problems };
    }
    containers.forEach((c, i) => {
        if (!(0,json/* isRecord */.u4)(c) || typeof c.name !== 'string' || c.name === '') {
            add('error', 'render/invalid-template', `/containerDefinitions/${i}`, `container definition #${i + 1} needs a "name"`);
        }
    });
    if (problems.some((p) => p.severity === 'error'))
        return { input: undefined, problems };
    const defs = containers;
    // RegisterTaskDefinition's task-level cpu and memory are strings ("256", "0.25 vCPU"); YAML gives numbers.
    for (const k of ['cpu', 'memory'])
        if (typeof out[k] === 'number')
            out[k] = String(out[k]);
    const byName = new Map(defs.map((c, i) => [c.name, { c, i }]));
    const names = [...byName.keys()];
    const unknown = (name, what) => {
        add('error', 'render/unknown-container', '/containerDefinitions', `${what} names container "${name}", but the template's containers are ${names.map((n) => `"${n}"`).join(', ')}${(0,suggest/* didYouMean */.au)(name, names)}`);
    };
    for (const [name, ref] of Object.entries(opts.containers)) {
        const hit = byName.get(name);
        if (!hit) {
            unknown(name, 'the image mapping');
            continue;
        }
        if (!DIGEST_REF.test(ref)) {
            add('error', 'render/image-not-pinned', `/containerDefinitions/${hit.i}/image`, `the image for container "${name}" must be pinned by digest (<repository>@sha256:<64 hex>), not "${ref}"`);
            continue;
        }
        hit.c.image = ref;
    }
    const targets = opts.secretsTo ?? Object.keys(opts.containers);
    const secrets = [];
    for (const [name, ref] of Object.entries(opts.secrets ?? {})) {
        const k = (0,ecs_arn/* classifySecretRef */.yi)(ref);
        if (k.kind === 'invalid') {
            add('error', 'render/invalid-secret-ref', '/containerDefinitions', `secret ${name}: "${ref}" is not usable as valueFrom: ${k.why}`);
        }
        else {
            secrets.push({
                name,
                valueFrom: k.kind === 'ssm-name' ? (0,ecs_arn/* ssmParameterArn */.Yx)(k.name, opts.region, opts.accountId) : k.arn,
            });
        }
    }
    const env = Object.entries(opts.environment ?? {}).map(([name, value]) => ({ name, value }));
    if (targets.length === 0 && (secrets.length > 0 || env.length > 0)) {
        add('error', 'render/no-target-container', '/containerDefinitions', 'secrets and environment go only to the containers that run an image built here, and this service maps none: ' +
            'map one in the project file (services.<key>.containers: {CONTAINER: IMAGE_KEY})');
    }
    for (const name of targets) {
        const hit = byName.get(name);
        if (!hit) {
            if (opts.secretsTo)
                unknown(name, 'secretsTo');
            continue;
        }
        if (secrets.length)
            hit.c.secrets = mergeByName((0,json/* asArray */._j)(hit.c.secrets), secrets, 'valueFrom');
        if (env.length)
            hit.c.environment = mergeByName((0,json/* asArray */._j)(hit.c.environment), env, 'value');
    }
    // A name set both ways is ambiguous at best and a plaintext credential at worst.
    defs.forEach((c, i) => {
        const secretNames = new Set((0,json/* asArray */._j)(c.secrets)
            .filter(json/* isRecord */.u4)
            .map((s) => (0,json/* str */.gx)(s.name)));
        for (const e of (0,json/* asArray */._j)(c.environment).filter(json/* isRecord */.u4)) {
            const n = (0,json/* str */.gx)(e.name);
            if (n && secretNames.has(n)) {
                add('error', 'render/secret-and-environment', `/containerDefinitions/${i}/environment`, `container "${c.name}" sets ${n} both in "environment" and in "secrets"; remove the plain value`);
            }
        }
    });
    if (problems.some((p) => p.severity === 'error'))
        return { input: undefined, problems };
    return { input: out, problems };
}
/** `aws ecs describe-task-definition` prints `{"taskDefinition": {...}, "tags": [...]}`: take the inside. */
function unwrap(t) {
    if (!(0,json/* isRecord */.u4)(t))
        return undefined;
    if ((0,json/* isRecord */.u4)(t.taskDefinition) && !('containerDefinitions' in t)) {
        const inner = { ...t.taskDefinition };
        if (Array.isArray(t.tags) && t.tags.length > 0 && !('tags' in inner))
            inner.tags = t.tags;
        return inner;
    }
    return { ...t };
}
/** Existing entries keep their place and get the new value; new names are appended in the given order. */
function mergeByName(existing, add, valueKey) {
    const out = existing.map((e) => ((0,json/* isRecord */.u4)(e) ? { ...e } : e));
    for (const a of add) {
        const hit = out.find((e) => (0,json/* isRecord */.u4)(e) && e.name === a.name);
        if (hit) {
            for (const k of Object.keys(hit))
                if (k !== 'name')
                    delete hit[k];
            hit[valueKey] = a[valueKey];
        }
        else
            out.push({ ...a });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/ecs/render-service.ts

function renderServiceTaskDefinition(opts) {
    const containers = {};
    const missing = [];
    for (const [container, imageKey] of Object.entries(opts.service.containers)) {
        const ref = opts.images[imageKey];
        if (ref === undefined)
            missing.push(`container "${container}" uses image "${imageKey}", which has no built digest`);
        else
            containers[container] = ref;
    }
    const r = renderTaskDefinition({
        template: opts.template,
        containers,
        secrets: opts.service.secrets,
        environment: opts.service.environment,
        secretsTo: Object.keys(opts.service.containers),
        region: opts.region,
        accountId: opts.accountId,
    });
    if (missing.length === 0)
        return r;
    return {
        input: undefined,
        problems: [
            ...missing.map((m) => ({
                severity: 'error',
                code: 'render/missing-image',
                pointer: '/containerDefinitions',
                message: m,
            })),
            ...r.problems,
        ],
    };
}

// EXTERNAL MODULE: ./src/ecs/normalize.ts
var normalize = __webpack_require__(8470);
// EXTERNAL MODULE: ./src/ecs/compare.ts
var compare = __webpack_require__(4794);
// EXTERNAL MODULE: ./src/ecs/diff.ts
var diff = __webpack_require__(3034);
// EXTERNAL MODULE: ./src/ecs/preflight.ts
var preflight = __webpack_require__(5714);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/ecs/errors.ts
var errors = __webpack_require__(42);
;// CONCATENATED MODULE: ./src/ecs/account.ts
/** The account id SSM parameter names are expanded with, from STS GetCallerIdentity. */


async function callerAccount(sts) {
    let account;
    try {
        account = (await sts.send(new dist_cjs/* GetCallerIdentityCommand */.zI({}))).Account;
    }
    catch (err) {
        throw new errors/* DeployStepError */.E('identify', 'the AWS account (STS GetCallerIdentity)', (0,errors/* awsErrorText */.x)(err), { cause: err });
    }
    if (!account || !/^\d{12}$/.test(account)) {
        throw new errors/* DeployStepError */.E('identify', 'the AWS account (STS GetCallerIdentity)', `unexpected account id "${account ?? ''}"`);
    }
    return account;
}

// EXTERNAL MODULE: ./src/ecs/sensitive.ts
var sensitive = __webpack_require__(8061);
// EXTERNAL MODULE: ./src/ecs/live.ts
var ecs_live = __webpack_require__(7879);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
;// CONCATENATED MODULE: ./src/ecs/register.ts
/**
 * Register only what changed: the rendered task definition is compared (normalised) with the one
 * the service runs and, failing that, with the family's latest revision (a previous run may have
 * registered it before a rollback). Equal -> reuse that ARN, register nothing.
 */





async function resolveTaskDefinition(opts) {
    const { ecs, log, key, rendered, live } = opts;
    if (live && (0,compare/* sameTaskDefinition */.J)(live.definition, rendered)) {
        log.info(`[${key}] task definition unchanged: reusing ${(0,ecs_arn/* shortTaskDefinition */.P5)(live.arn)}`);
        return { arn: live.arn, changed: false, registered: false };
    }
    const family = rendered.family ?? '';
    const latest = family ? await (0,ecs_live/* describeTaskDefinition */.oh)(ecs, family) : undefined;
    if (latest && latest.arn !== live?.arn && (0,compare/* sameTaskDefinition */.J)(latest.definition, rendered)) {
        log.info(`[${key}] task definition already registered as ${(0,ecs_arn/* shortTaskDefinition */.P5)(latest.arn)}: reusing it`);
        return { arn: latest.arn, changed: true, registered: false };
    }
    if (opts.dryRun) {
        log.info(`[${key}] would register a new revision of ${family}`);
        return { arn: undefined, changed: true, registered: true };
    }
    try {
        const out = await ecs.send(new client_ecs_dist_cjs/* RegisterTaskDefinitionCommand */.$Hl(rendered));
        const arn = out.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new Error('the answer has no taskDefinitionArn');
        log.info(`[${key}] registered ${(0,ecs_arn/* shortTaskDefinition */.P5)(arn)}`);
        return { arn, changed: true, registered: true };
    }
    catch (err) {
        throw new errors/* DeployStepError */.E('register', `task definition ${family} for service ${key}`, (0,errors/* awsErrorText */.x)(err), {
            cause: err,
        });
    }
}

// EXTERNAL MODULE: ./src/aws.ts
var aws = __webpack_require__(4258);
// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
;// CONCATENATED MODULE: ./src/ecs/stopped-tasks.ts
/**
 * The real reason a rollout failed: the stopped tasks of that deployment, with each task's
 * `stoppedReason` / `stopCode` and each container's `reason` and exit code (e.g.
 * "ResourceInitializationError: unable to pull secrets or registry auth ...").
 * A service's tasks carry the deployment id in `startedBy` (ECS API reference, Task.startedBy:
 * "If the task is started by an Amazon ECS service, the startedBy parameter contains the deployment
 * ID of the service that starts it"), so ListTasks filters on it. The reference also says startedBy
 * "must be the only filter that you use"; should a region refuse it together with desiredStatus,
 * the fallback lists the service's stopped tasks and filters on startedBy here.
 */




async function stoppedTasksOf(opts) {
    const limit = opts.limit ?? 20;
    try {
        const { arns, filterHere } = await stoppedTaskArns(opts);
        const tasks = [];
        for (let i = 0; i < arns.length; i += 100) {
            const r = await opts.ecs.send(new client_ecs_dist_cjs/* DescribeTasksCommand */.z8X({ cluster: opts.cluster, tasks: arns.slice(i, i + 100) }));
            (0,findings/* appendAll */.u2)(tasks, r.tasks ?? []);
        }
        return tasks
            .filter((t) => !filterHere || t.startedBy === opts.deploymentId)
            .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
            .slice(0, limit)
            .map(toStopped);
    }
    catch (err) {
        throw new errors/* DeployStepError */.E('inspect', `stopped tasks of ${opts.service} (${opts.deploymentId})`, (0,errors/* awsErrorText */.x)(err), {
            cause: err,
        });
    }
}
/** The deployment's stopped tasks by `startedBy`; `filterHere` when the region refused that filter. */
async function stoppedTaskArns(opts) {
    try {
        return {
            arns: await listAll(opts.ecs, { cluster: opts.cluster, startedBy: opts.deploymentId, desiredStatus: 'STOPPED' }, 100),
            filterHere: false,
        };
    }
    catch (err) {
        if ((0,aws/* awsErrorName */.ZH)(err) !== 'InvalidParameterException')
            throw err;
    }
    return {
        arns: await listAll(opts.ecs, { cluster: opts.cluster, serviceName: opts.service, desiredStatus: 'STOPPED' }, 100),
        filterHere: true,
    };
}
async function listAll(ecs, input, max) {
    const out = [];
    let nextToken;
    do {
        const r = await ecs.send(new client_ecs_dist_cjs/* ListTasksCommand */.MYg({ ...input, nextToken }));
        (0,findings/* appendAll */.u2)(out, r.taskArns ?? []);
        nextToken = r.nextToken;
    } while (nextToken && out.length < max);
    return out.slice(0, max);
}
function toStopped(t) {
    return {
        taskArn: t.taskArn ?? '?',
        ...(t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
        ...(t.stopCode ? { stopCode: t.stopCode } : {}),
        ...(t.stoppedAt ? { stoppedAt: t.stoppedAt } : {}),
        containers: (t.containers ?? []).map((c) => ({
            name: c.name ?? '?',
            ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
            ...(c.reason ? { reason: c.reason } : {}),
            ...(c.lastStatus ? { lastStatus: c.lastStatus } : {}),
        })),
    };
}
/** `task 1f2e3d4c: <stoppedReason> (<stopCode>); container fluentd: exit code 1, <reason>`. */
function formatStoppedTask(t) {
    const id = t.taskArn.split('/').pop() ?? t.taskArn;
    const head = `task ${id}: ${t.stoppedReason ?? 'stopped (no reason given)'}${t.stopCode ? ` (${t.stopCode})` : ''}`;
    const parts = t.containers
        .filter((c) => c.reason !== undefined || (c.exitCode !== undefined && c.exitCode !== 0))
        .map((c) => `container ${c.name}: ${[c.exitCode !== undefined ? `exit code ${c.exitCode}` : '', c.reason ?? ''].filter(Boolean).join(', ')}`);
    return [head, ...parts].join('; ');
}
/** One line per distinct reason, newest first, with a count: repeated failures read once. */
function summarizeStoppedTasks(tasks) {
    const groups = new Map();
    for (const t of tasks) {
        const line = formatStoppedTask(t);
        const key = line.replace(/^task [^:]+: /, '');
        const g = groups.get(key);
        if (g)
            g.count += 1;
        else
            groups.set(key, { line, count: 1 });
    }
    return [...groups.values()].map((g) => (g.count > 1 ? `${g.line} (and ${g.count - 1} more like it)` : g.line));
}

;// CONCATENATED MODULE: ./src/ecs/follow.ts



/**
 * The circuit breaker's failure threshold: half the desired count, at least 3 and at most 200
 * (Amazon ECS Developer Guide, "Deployment circuit breaker").
 */
/** The first delay between two polls, before backing off. */
const FIRST_POLL_MS = 2000;
/** Each delay is this much longer than the one before, up to the configured interval. */
const POLL_BACKOFF = 1.5;
/**
 * The delay before poll n+1 (n from 0): FIRST_POLL_MS growing by POLL_BACKOFF up to `maxMs`
 * (2 s, 3 s, 4.5 s, 6.75 s, 10.1 s, 15 s, 15 s... for a 15 s interval). Pure, for the schedule's tests.
 */
function pollDelay(n, maxMs, firstMs = FIRST_POLL_MS) {
    const first = Math.min(firstMs, maxMs);
    return Math.min(maxMs, Math.round(first * POLL_BACKOFF ** Math.max(0, n)));
}
/** Throttling that outlived the SDK's retries: wait longer and poll again. */
function isThrottling(err) {
    const seen = new Set();
    for (let e = err; e instanceof Error && !seen.has(e); e = e.cause) {
        seen.add(e);
        if (/^(ThrottlingException|Throttling|TooManyRequestsException|RequestLimitExceeded)$/.test(e.name))
            return true;
    }
    return false;
}
function circuitBreakerThreshold(desiredCount) {
    return Math.min(200, Math.max(3, Math.ceil(desiredCount * 0.5)));
}
function printNewEvents(svc, seen, log, key) {
    const fresh = (svc.events ?? []).filter((e) => e.id && !seen.has(e.id));
    // DescribeServices lists events newest first; print them in the order they happened.
    fresh.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
    for (const e of fresh) {
        seen.add(e.id);
        if (e.message)
            log.info(`[${key}] event: ${e.message}`);
    }
}
function pendingText(d, svc) {
    if (!svc)
        return 'no DescribeServices answer came back (throttled)';
    if (!d)
        return 'the deployment is no longer listed';
    const others = (svc.deployments ?? []).filter((x) => x.id !== d.id);
    const old = others.map((o) => `${o.id} (${o.status}, ${(0,ecs_arn/* shortTaskDefinition */.P5)(o.taskDefinition ?? '?')}) still has ${o.runningCount ?? 0} running`);
    return [
        `rolloutState ${d.rolloutState ?? 'unknown'}: ${d.runningCount ?? 0} of ${d.desiredCount ?? 0} tasks running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`,
        ...old,
    ].join('; ');
}
/** One poll; undefined when ECS throttled it beyond the SDK's retries (the caller waits longer). */
async function describeUnlessThrottled(opts) {
    try {
        return await (0,ecs_live/* describeOneService */.nq)(opts.ecs, opts.cluster, opts.service);
    }
    catch (err) {
        if (!isThrottling(err))
            throw err;
        opts.log.debug(`[${opts.key}] DescribeServices throttled; polling less often`);
        return undefined;
    }
}
async function followDeployment(opts) {
    const { log, key } = opts;
    let lastFailed = 0;
    const shownTasks = new Set();
    let lastSvc;
    let lastDep;
    let delay = pollDelay(0, opts.pollIntervalMs, opts.firstPollMs);
    const wait = async () => {
        if (opts.clock.now() + delay > opts.deadline)
            return false;
        await opts.clock.sleep(delay);
        delay = Math.min(opts.pollIntervalMs, Math.round(delay * POLL_BACKOFF));
        return true;
    };
    for (;;) {
        const svc = await describeUnlessThrottled(opts);
        if (!svc) {
            delay = Math.min(opts.pollIntervalMs, delay * 2);
            if (!(await wait()))
                break;
            continue;
        }
        lastSvc = svc;
        printNewEvents(svc, opts.seenEvents, log, key);
        const deployments = svc.deployments ?? [];
        const dep = deployments.find((d) => d.id === opts.deploymentId);
        const primary = deployments.find((d) => d.status === 'PRIMARY');
        lastDep = dep;
        if (!dep) {
            const td = primary?.taskDefinition;
            if (td && opts.previousTaskDefinition && td === opts.previousTaskDefinition) {
                return {
                    state: 'rolled-back',
                    reason: `deployment ${opts.deploymentId} was replaced by ${primary?.id ?? '?'} running the previous task definition ${(0,ecs_arn/* shortTaskDefinition */.P5)(td)} (rolled back)`,
                    rollbackDeploymentId: primary?.id,
                    rollbackTaskDefinition: td,
                };
            }
            return {
                state: 'superseded',
                reason: `deployment ${opts.deploymentId} was replaced by ${primary?.id ?? 'another deployment'} (${(0,ecs_arn/* shortTaskDefinition */.P5)(td ?? '?')})`,
            };
        }
        if (dep.rolloutState === 'COMPLETED')
            return { state: 'completed', deployment: dep };
        if (dep.rolloutState === 'FAILED') {
            const reason = dep.rolloutStateReason ?? 'rolloutState FAILED';
            if (primary && primary.id !== dep.id) {
                return {
                    state: 'rolled-back',
                    reason,
                    rollbackDeploymentId: primary.id,
                    rollbackTaskDefinition: primary.taskDefinition,
                };
            }
            return { state: 'failed', reason };
        }
        // No rolloutState (a service behind a Classic Load Balancer): fall back to "only deployment, all running".
        if (dep.rolloutState === undefined &&
            deployments.length === 1 &&
            (dep.runningCount ?? 0) === (dep.desiredCount ?? -1)) {
            return { state: 'completed', deployment: dep };
        }
        if (dep.status !== 'PRIMARY' && primary && primary.id !== dep.id) {
            return {
                state: 'superseded',
                reason: `deployment ${dep.id} was replaced by ${primary.id} (${(0,ecs_arn/* shortTaskDefinition */.P5)(primary.taskDefinition ?? '?')}) before it completed`,
            };
        }
        const failed = dep.failedTasks ?? 0;
        if (failed > lastFailed) {
            lastFailed = failed;
            if (opts.reportStoppedTasks !== false) {
                const tasks = await stoppedTasksOf({
                    ecs: opts.ecs,
                    cluster: opts.cluster,
                    service: opts.service,
                    deploymentId: dep.id,
                    limit: 5,
                });
                for (const t of tasks.reverse()) {
                    if (shownTasks.has(t.taskArn))
                        continue;
                    shownTasks.add(t.taskArn);
                    log.info(`[${key}] stopped ${formatStoppedTask(t)}`);
                }
            }
            const breaker = svc.deploymentConfiguration?.deploymentCircuitBreaker?.enable === true;
            const limit = opts.maxFailedTasks ?? circuitBreakerThreshold(dep.desiredCount ?? svc.desiredCount ?? 1);
            if (!breaker && failed >= limit) {
                return {
                    state: 'failed',
                    reason: `${failed} tasks of deployment ${dep.id} failed to start or stopped (limit ${limit}; the service has no deployment circuit breaker)`,
                };
            }
        }
        if (!(await wait()))
            break;
    }
    return { state: 'timed-out', reason: `still pending when the wait ended: ${pendingText(lastDep, lastSvc)}` };
}

// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(970);
// EXTERNAL MODULE: ./src/ecs/lease.ts
var lease = __webpack_require__(9707);
;// CONCATENATED MODULE: ./src/ecs/roll-out.ts
/**
 * One service's rollout: UpdateService, follow the new deployment to COMPLETED, and when it fails
 * (FAILED, rolled back by the circuit breaker, too many stopped tasks, timed out) print the stopped
 * tasks' reasons, roll back to the previous task definition unless told not to, and wait for that.
 */








async function updateService(o, taskDefinition, force, what) {
    let deployments;
    try {
        const out = await o.ecs.send(new client_ecs_dist_cjs/* UpdateServiceCommand */.kZr({
            cluster: o.cluster,
            service: o.service,
            taskDefinition,
            ...(force ? { forceNewDeployment: true } : {}),
        }));
        deployments = out.service?.deployments;
    }
    catch (err) {
        throw new errors/* DeployStepError */.E(what, `service ${o.cluster}/${o.service} to ${(0,ecs_arn/* shortTaskDefinition */.P5)(taskDefinition)}`, (0,errors/* awsErrorText */.x)(err), { cause: err });
    }
    let primary = deployments?.find((d) => d.status === 'PRIMARY');
    if (!primary)
        primary = (await (0,ecs_live/* describeOneService */.nq)(o.ecs, o.cluster, o.service)).deployments?.find((d) => d.status === 'PRIMARY');
    if (!primary?.id)
        throw new errors/* DeployStepError */.E(what, `service ${o.cluster}/${o.service}`, 'UpdateService returned no PRIMARY deployment');
    return primary.id;
}
function follow(o, deploymentId, previous) {
    return followDeployment({
        ecs: o.ecs,
        log: o.log,
        clock: o.clock,
        key: o.key,
        cluster: o.cluster,
        service: o.service,
        deploymentId,
        previousTaskDefinition: previous,
        pollIntervalMs: o.pollIntervalMs,
        ...(o.firstPollMs !== undefined ? { firstPollMs: o.firstPollMs } : {}),
        deadline: o.clock.now() + o.waitTimeoutMs,
        seenEvents: o.seenEvents,
        ...(o.maxFailedTasks !== undefined ? { maxFailedTasks: o.maxFailedTasks } : {}),
    });
}
function seconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
async function rollOut(o) {
    const { log, key } = o;
    // Registered before the request goes out: interrupted while it is in flight, ECS may still start it.
    const inFlight = {
        key,
        cluster: o.cluster,
        service: o.service,
        deploymentId: '(just requested)',
        taskDefinition: o.taskDefinitionArn,
    };
    let done = (0,signals/* rolloutInFlight */.Hi)(inFlight);
    let deploymentId;
    try {
        deploymentId = await updateService(o, o.taskDefinitionArn, o.forceNewDeployment, 'update');
    }
    finally {
        done();
    }
    done = (0,signals/* rolloutInFlight */.Hi)({ ...inFlight, deploymentId });
    log.info(`[${key}] updating service ${o.cluster}/${o.service} to ${(0,ecs_arn/* shortTaskDefinition */.P5)(o.taskDefinitionArn)}${o.forceNewDeployment ? ' (forced new deployment)' : ''}: deployment ${deploymentId}`);
    await markRollout(o, deploymentId);
    try {
        return await afterUpdate(o, deploymentId);
    }
    catch (err) {
        // The update went out; a read failing while following must not hide that.
        const why = err instanceof Error ? err.message : String(err);
        const failure = `follow service ${o.cluster}/${o.service} (deployment ${deploymentId}): ${why}`;
        log.info(`[${key}] FAILED: ${failure}`);
        return { state: 'failed', deploymentId, failure, stoppedTasks: [] };
    }
    finally {
        done();
    }
}
/** Records on the service which task definition went out (see lease.ts); best effort. */
async function markRollout(o, deploymentId, completed = false) {
    if (!o.serviceArn)
        return;
    try {
        const at = new Date(o.clock.now());
        const mark = (0,lease/* formatLastRollout */.NZ)({ taskDefinitionArn: o.taskDefinitionArn, deploymentId, at, completed });
        await (0,lease/* tagService */.Gl)(o.ecs, o.serviceArn, lease/* ROLLOUT_TAG */.jT, mark);
    }
    catch (err) {
        o.log.debug(`[${o.key}] could not tag the service with ${lease/* ROLLOUT_TAG */.jT}: ${(0,errors/* awsErrorText */.x)(err)}`);
    }
}
/**
 * A deployment this run did not start but must see through: an unchanged service left
 * mid-rollout by an interrupted run, or another deploy's rollout that `--wait-for-other-deployments`
 * waits for. Followed like a new one (events, stopped tasks, timeout); never rolled back here,
 * since this run did not send it.
 */
async function followExisting(o, deploymentId, previous) {
    const td = o.taskDefinitionArn;
    const { key, cluster, service } = o;
    const done = (0,signals/* rolloutInFlight */.Hi)({ key, cluster, service, deploymentId, taskDefinition: td });
    try {
        const outcome = await follow(o, deploymentId, previous);
        if (outcome.state === 'completed') {
            const d = outcome.deployment;
            const running = `${d.runningCount ?? 0} of ${d.desiredCount ?? 0} tasks running ${(0,ecs_arn/* shortTaskDefinition */.P5)(td)}`;
            o.log.info(`[${o.key}] deployment ${deploymentId} COMPLETED: ${running}`);
            return { state: 'completed', deploymentId, stoppedTasks: [] };
        }
        const why = outcome.state === 'timed-out'
            ? `deployment ${deploymentId} did not complete within ${seconds(o.waitTimeoutMs)}; ${outcome.reason}`
            : `deployment ${deploymentId} ${outcome.state}: ${outcome.reason}`;
        let stoppedTasks = [];
        try {
            stoppedTasks = await stoppedTasksOf({ ecs: o.ecs, cluster: o.cluster, service: o.service, deploymentId });
        }
        catch (err) {
            o.log.warning(`[${o.key}] ${err instanceof Error ? err.message : String(err)}`);
        }
        const first = summarizeStoppedTasks(stoppedTasks)[0];
        const last = first ? `; last stopped ${first}` : '';
        const failure = `service ${o.cluster}/${o.service}: ${why}${last}; not rolled back (this run did not start it)`;
        o.log.info(`[${o.key}] FAILED: ${failure}`);
        return { state: outcome.state === 'timed-out' ? 'timed-out' : 'failed', deploymentId, failure, stoppedTasks };
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        const failure = `follow service ${o.cluster}/${o.service} (deployment ${deploymentId}): ${why}`;
        o.log.info(`[${o.key}] FAILED: ${failure}`);
        return { state: 'failed', deploymentId, failure, stoppedTasks: [] };
    }
    finally {
        done();
    }
}
async function afterUpdate(o, deploymentId) {
    const { log, key } = o;
    const outcome = await follow(o, deploymentId, o.previousTaskDefinitionArn);
    if (outcome.state === 'completed') {
        log.info(`[${key}] deployment ${deploymentId} COMPLETED: ${outcome.deployment.runningCount ?? 0} of ${outcome.deployment.desiredCount ?? 0} tasks running ${(0,ecs_arn/* shortTaskDefinition */.P5)(o.taskDefinitionArn)}`);
        await markRollout(o, deploymentId, true);
        return { state: 'completed', deploymentId, stoppedTasks: [] };
    }
    const why = outcome.state === 'timed-out'
        ? `deployment ${deploymentId} did not complete within ${seconds(o.waitTimeoutMs)}; ${outcome.reason}`
        : outcome.state === 'rolled-back'
            ? `deployment ${deploymentId} failed and the deployment circuit breaker rolled it back: ${outcome.reason}`
            : `deployment ${deploymentId} ${outcome.state === 'superseded' ? 'was superseded' : 'failed'}: ${outcome.reason}`;
    log.info(`[${key}] ${why}`);
    let stoppedTasks = [];
    try {
        stoppedTasks = await stoppedTasksOf({ ecs: o.ecs, cluster: o.cluster, service: o.service, deploymentId });
    }
    catch (err) {
        log.warning(`[${key}] ${err instanceof Error ? err.message : String(err)}`);
    }
    if (stoppedTasks.length === 0)
        log.info(`[${key}] no stopped tasks found for deployment ${deploymentId}`);
    const reasons = summarizeStoppedTasks(stoppedTasks);
    for (const line of reasons)
        log.info(`[${key}] stopped ${line}`);
    const firstReason = reasons[0];
    const rollback = await rollBack(o, outcome);
    const tail = rollback ? `; ${rollbackText(rollback)}` : '; not rolled back (rollback disabled)';
    const failure = `deploy service ${o.cluster}/${o.service}: ${why}${firstReason ? `; last stopped ${firstReason}` : ''}${tail}`;
    log.info(`[${key}] FAILED: ${failure}`);
    return {
        state: outcome.state === 'timed-out' ? 'timed-out' : 'failed',
        deploymentId,
        failure,
        stoppedTasks,
        ...(rollback ? { rollback } : {}),
    };
}
function rollbackText(r) {
    if (r.by === 'skipped')
        return `not rolled back: ${r.detail ?? ''}`;
    const who = r.by === 'circuit-breaker' ? 'the circuit breaker rolled back' : 'rolled back';
    const to = r.taskDefinitionArn ? ` to ${(0,ecs_arn/* shortTaskDefinition */.P5)(r.taskDefinitionArn)}` : '';
    return r.state === 'completed'
        ? `${who}${to}`
        : `${who}${to}, but the rollback ${r.state === 'timed-out' ? 'did not complete in time' : 'failed'}${r.detail ? `: ${r.detail}` : ''}`;
}
async function rollBack(o, outcome) {
    const { log, key } = o;
    if (outcome.state === 'rolled-back') {
        // ECS is already rolling back; wait for that deployment so the service is known to be healthy again.
        const id = outcome.rollbackDeploymentId;
        const td = outcome.rollbackTaskDefinition;
        if (!id)
            return { by: 'circuit-breaker', ...(td ? { taskDefinitionArn: td } : {}), state: 'completed' };
        log.info(`[${key}] waiting for the circuit breaker's rollback deployment ${id} (${(0,ecs_arn/* shortTaskDefinition */.P5)(td ?? '?')})`);
        const r = await follow(o, id, undefined);
        return { by: 'circuit-breaker', ...(td ? { taskDefinitionArn: td } : {}), deploymentId: id, ...rollbackOutcome(r) };
    }
    if (outcome.state === 'superseded') {
        return { by: 'skipped', state: 'skipped', detail: 'another deployment replaced this one; it is left alone' };
    }
    if (!o.rollback)
        return undefined;
    const previous = o.previousTaskDefinitionArn;
    if (!previous || previous === o.taskDefinitionArn) {
        return {
            by: 'skipped',
            state: 'skipped',
            detail: 'the service ran the same task definition before, so there is nothing to roll back to',
        };
    }
    let id;
    try {
        id = await updateService(o, previous, false, 'roll back');
    }
    catch (err) {
        return {
            by: 'dd-ecs-monitor',
            taskDefinitionArn: previous,
            state: 'failed',
            detail: err instanceof Error ? err.message : String(err),
        };
    }
    log.info(`[${key}] rolling back to ${(0,ecs_arn/* shortTaskDefinition */.P5)(previous)}: deployment ${id}`);
    const r = await follow(o, id, undefined);
    if (r.state === 'completed')
        log.info(`[${key}] rollback deployment ${id} COMPLETED`);
    else
        log.info(`[${key}] rollback deployment ${id} did not complete: ${r.reason}`);
    return { by: 'dd-ecs-monitor', taskDefinitionArn: previous, deploymentId: id, ...rollbackOutcome(r) };
}
/** How the followed rollback deployment ended, and why when it did not complete. */
function rollbackOutcome(r) {
    if (r.state === 'completed')
        return { state: 'completed' };
    return { state: r.state === 'timed-out' ? 'timed-out' : 'failed', detail: r.reason };
}

// EXTERNAL MODULE: ./src/ecs/clock.ts
var ecs_clock = __webpack_require__(6088);
;// CONCATENATED MODULE: ./src/ecs/evidence.ts

function started(d) {
    return d.createdAt ? `, started ${d.createdAt.toISOString()}` : '';
}
/** `deployment ecs-svc/1 (fluentd:7, started 2026-...)`: how messages name a deployment. */
function deploymentLabel(d) {
    return `deployment ${d.id ?? '?'} (${(0,ecs_arn/* shortTaskDefinition */.P5)(d.taskDefinition ?? '?')}${started(d)})`;
}
function counts(d) {
    const running = `${d.runningCount ?? 0} of ${d.desiredCount ?? 0} tasks running`;
    return `${running}, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`;
}
function evidenceOf(svc, intendedTaskDefinition) {
    const deployments = svc.deployments ?? [];
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    if (!primary) {
        return { verdict: 'other-task-definition', deployment: undefined, reason: 'the service has no PRIMARY deployment' };
    }
    const label = deploymentLabel(primary);
    const short = (arn) => (0,ecs_arn/* shortTaskDefinition */.P5)(arn ?? '?');
    if (primary.taskDefinition !== intendedTaskDefinition) {
        const reason = `the PRIMARY ${label} runs ${short(primary.taskDefinition)}, not ${short(intendedTaskDefinition)}`;
        return { verdict: 'other-task-definition', deployment: primary, reason };
    }
    if (primary.rolloutState === 'FAILED') {
        const reason = `${label} FAILED: ${primary.rolloutStateReason ?? 'no reason given'} (${counts(primary)})`;
        return { verdict: 'failed', deployment: primary, reason };
    }
    const running = primary.runningCount ?? 0;
    const desired = primary.desiredCount ?? svc.desiredCount ?? 0;
    // No rolloutState (Classic Load Balancer): the only deployment, all tasks running.
    const noState = primary.rolloutState === undefined;
    const completed = primary.rolloutState === 'COMPLETED' || (noState && deployments.length === 1 && running >= desired);
    if (!completed) {
        const reason = `${label} is ${primary.rolloutState ?? 'still rolling out'}: ${counts(primary)}`;
        return { verdict: 'in-progress', deployment: primary, reason };
    }
    if (running < desired) {
        return { verdict: 'below-desired', deployment: primary, reason: `${label} is COMPLETED but ${counts(primary)}` };
    }
    return { verdict: 'healthy', deployment: primary };
}

;// CONCATENATED MODULE: ./src/ecs/deploy-guards.ts







/** What rollOut / followExisting need for one service of this run. */
function rollOutOptions(opts, clock, s, svc, taskDefinitionArn) {
    return {
        ecs: opts.clients.ecs,
        log: opts.log,
        clock,
        key: s.key,
        cluster: s.cluster,
        service: s.service,
        taskDefinitionArn,
        previousTaskDefinitionArn: svc.taskDefinition,
        forceNewDeployment: opts.forceNewDeployment === true,
        rollback: opts.rollback !== false,
        waitTimeoutMs: opts.waitTimeoutMs,
        pollIntervalMs: opts.pollIntervalMs,
        ...(opts.firstPollMs !== undefined ? { firstPollMs: opts.firstPollMs } : {}),
        ...(svc.serviceArn ? { serviceArn: svc.serviceArn } : {}),
        seenEvents: new Set((svc.events ?? []).map((e) => e.id).filter((id) => typeof id === 'string')),
        ...(opts.maxFailedTasks !== undefined ? { maxFailedTasks: opts.maxFailedTasks } : {}),
    };
}
const FORCE_HINT = 'fix the cause, or run again with --force-new-deployment (action input force-new-deployment: true) ' +
    'to roll it out again';
function inProgressPrimary(svc) {
    return svc.deployments?.find((d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS');
}
/** The task definition the replaced deployments run: what a circuit-breaker rollback would go back to. */
function previousOf(svc, deploymentId) {
    return svc.deployments?.find((d) => d.id !== deploymentId && d.status !== 'PRIMARY')?.taskDefinition;
}
/** With waitForOtherDeployments: follow every IN_PROGRESS PRIMARY to its end, then read the service again. */
async function preflightInProgress({ opts, clock, live, services }) {
    if (!opts.waitForOtherDeployments || opts.dryRun)
        return;
    await Promise.all(services.map(async (s) => {
        const svc = live.get(s.key);
        const d = svc && inProgressPrimary(svc);
        if (!svc || !d?.id || !d.taskDefinition)
            return;
        const other = `${deploymentLabel(d)}, which this run did not start`;
        opts.log.info(`[${s.key}] waiting for ${other}, before deploying (--wait-for-other-deployments)`);
        const o = rollOutOptions(opts, clock, s, svc, d.taskDefinition);
        const out = await followExisting(o, d.id, previousOf(svc, d.id));
        const why = out.failure ? ` (${out.failure})` : '';
        opts.log.info(`[${s.key}] the other deployment ended: ${out.state}${why}; deploying now`);
        live.set(s.key, await (0,ecs_live/* describeOneService */.nq)(opts.clients.ecs, s.cluster, s.service));
    }));
}
/**
 * The live task definition of each service, with the diff; a service this run would update while
 * another deployment of it is IN_PROGRESS becomes a problem (before anything is registered).
 */
async function compareForUpdate(input) {
    const { opts, live, results, problems } = input;
    const out = new Map();
    for (const s of opts.services) {
        const r = results.get(s.key);
        const svc = live.get(s.key);
        const current = svc.taskDefinition ? await (0,ecs_live/* describeTaskDefinition */.oh)(opts.clients.ecs, svc.taskDefinition) : undefined;
        out.set(s.key, current);
        r.previousTaskDefinitionArn = svc.taskDefinition;
        r.diff = (0,diff/* taskDefinitionDiff */.y)({
            name: s.key,
            live: current?.definition,
            rendered: s.taskDefinition,
            liveLabel: current ? (0,ecs_arn/* shortTaskDefinition */.P5)(current.arn) : 'none',
            renderedLabel: 'rendered',
        });
        const busy = inProgressPrimary(svc);
        const changed = !current || !(0,compare/* sameTaskDefinition */.J)(current.definition, s.taskDefinition);
        const wouldUpdate = opts.forceNewDeployment === true || changed;
        if (busy && wouldUpdate && !opts.dryRun) {
            problems.push({
                service: s.key,
                code: 'preflight/deployment-in-progress',
                message: `service ${s.key}: ECS service "${s.service}" in cluster "${s.cluster}" is being deployed by ` +
                    `${deploymentLabel(busy)}, which this run did not start; run again when it has finished, ` +
                    'or with --wait-for-other-deployments (action input wait-for-other-deployments: true) to wait for it',
            });
        }
    }
    return out;
}
/**
 * An unchanged service: green only with evidence. Left IN_PROGRESS by an earlier run: follow it
 * like a new rollout. FAILED, or short of its desired count: a failure with the reason.
 */
async function followLeftOver(o, svc) {
    const ev = evidenceOf(svc, o.taskDefinitionArn);
    if (ev.verdict === 'healthy') {
        const d = ev.deployment;
        const state = `${deploymentLabel(d)} COMPLETED, ${d.runningCount ?? 0} of ${d.desiredCount ?? 0} running`;
        o.log.info(`[${o.key}] service ${o.cluster}/${o.service} unchanged: not updated (${state})`);
        return { state: 'unchanged', ok: true };
    }
    if (ev.verdict === 'in-progress' && ev.deployment.id) {
        o.log.info(`[${o.key}] service ${o.cluster}/${o.service} unchanged, but ${ev.reason}: following it to the end`);
        const out = await followExisting(o, ev.deployment.id, previousOf(svc, ev.deployment.id));
        return { ...out, ok: out.state === 'completed' };
    }
    const failure = `service ${o.cluster}/${o.service}: ${ev.reason}; ` +
        `not redeployed, since the task definition is unchanged: ${FORCE_HINT}`;
    o.log.info(`[${o.key}] FAILED: ${failure}`);
    return { state: 'failed', ok: false, failure };
}
/**
 * The task definition this run would send already went out (the service's last-rollout tag) and
 * the service no longer runs it: it was rolled back. Sending it again would fail the same way,
 * so only --force-new-deployment does; returns the failure, or undefined to go ahead.
 */
async function refuseRolledBack(o, svc) {
    if (!o.serviceArn || svc.taskDefinition === o.taskDefinitionArn)
        return undefined;
    let marker;
    try {
        marker = (0,lease/* parseLastRollout */.nz)((await (0,lease/* serviceTags */.Th)(o.ecs, o.serviceArn)).get(lease/* ROLLOUT_TAG */.jT));
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        o.log.debug(`[${o.key}] could not read the ${lease/* ROLLOUT_TAG */.jT} tag: ${why}`);
        return undefined;
    }
    if (!marker || marker.taskDefinitionArn !== o.taskDefinitionArn || marker.completed)
        return undefined;
    const when = marker.at ? `, ${marker.at.toISOString()}` : '';
    const what = `${(0,ecs_arn/* shortTaskDefinition */.P5)(o.taskDefinitionArn)} already went out to service ${o.cluster}/${o.service} ` +
        `(deployment ${marker.deploymentId}${when}) and did not stay: ` +
        `the service runs ${(0,ecs_arn/* shortTaskDefinition */.P5)(svc.taskDefinition ?? '?')} (rolled back)`;
    if (o.forceNewDeployment) {
        o.log.info(`[${o.key}] ${what}; redeploying it because of --force-new-deployment`);
        return undefined;
    }
    const failure = `${what}; not redeployed: ${FORCE_HINT}`;
    o.log.info(`[${o.key}] FAILED: ${failure}`);
    return failure;
}

;// CONCATENATED MODULE: ./src/ecs/deploy-services.ts








async function deployServices(opts) {
    const { log, services } = opts;
    const ecs = opts.clients.ecs;
    const clock = opts.clock ?? ecs_clock/* realClock */.d;
    for (const s of services)
        for (const v of (0,sensitive/* sensitiveValues */.DJ)(s.taskDefinition))
            log.mask(v);
    // 1. Pre-flight.
    const problems = await (0,preflight/* preflight */.Mz)({ ssm: opts.clients.ssm, log, services });
    const live = await describeLive(ecs, services, problems);
    if (problems.length === 0)
        await preflightInProgress({ opts, clock, live, problems, services });
    if (problems.length > 0) {
        log.info(`pre-flight found ${problems.length} problem(s); nothing was registered or updated`);
        return { ok: false, services: services.map(notStarted), problems };
    }
    // 2. Compare and register only what changed. Every registration happens before any update.
    const results = new Map(services.map((s) => [s.key, notStarted(s)]));
    const compared = await compareForUpdate({ opts, live, results, problems });
    if (problems.length > 0) {
        log.info(`pre-flight found ${problems.length} problem(s); nothing was registered or updated`);
        return { ok: false, services: [...results.values()], problems };
    }
    const resolved = new Map();
    let registrationFailed = false;
    for (const s of services) {
        const r = results.get(s.key);
        try {
            const res = await resolveTaskDefinition({
                ecs,
                log,
                key: s.key,
                rendered: s.taskDefinition,
                live: compared.get(s.key),
                ...(opts.dryRun ? { dryRun: true } : {}),
            });
            resolved.set(s.key, res);
            Object.assign(r, { taskDefinitionArn: res.arn, registered: res.registered, taskDefinitionChanged: res.changed });
            if (res.changed && r.diff)
                for (const line of r.diff.trimEnd().split('\n'))
                    log.info(`[${s.key}] ${line}`);
        }
        catch (err) {
            registrationFailed = true;
            Object.assign(r, { state: 'failed', failure: err instanceof Error ? err.message : String(err) });
            log.info(`[${s.key}] FAILED: ${r.failure ?? ''}`);
            break;
        }
    }
    if (registrationFailed) {
        log.info('a task definition could not be prepared; no service was updated');
        return { ok: false, services: [...results.values()], problems };
    }
    // 3. Update and follow, in parallel.
    await Promise.all(services.map((s) => updateOne({
        opts,
        clock,
        s,
        svc: live.get(s.key),
        r: results.get(s.key),
        res: resolved.get(s.key),
    })));
    // 4. Green only with evidence.
    if (!opts.dryRun)
        await requireEvidence(ecs, log, [...results.values()]);
    const list = [...results.values()];
    return { ok: list.every((r) => r.ok), services: list, problems };
}
async function updateOne({ opts, clock, s, svc, r, res }) {
    const { log } = opts;
    const wanted = res.changed || opts.forceNewDeployment === true;
    if (!wanted) {
        if (opts.dryRun || !res.arn) {
            Object.assign(r, { state: 'unchanged', ok: true });
            log.info(`[${s.key}] service ${s.cluster}/${s.service} unchanged: not updated`);
            return;
        }
        Object.assign(r, await followLeftOver(rollOutOptions(opts, clock, s, svc, res.arn), svc));
        return;
    }
    if (opts.dryRun || !res.arn) {
        Object.assign(r, { state: 'planned', ok: true, updated: true });
        const forced = opts.forceNewDeployment ? ' (forced new deployment)' : '';
        log.info(`[${s.key}] would update service ${s.cluster}/${s.service}${forced}`);
        return;
    }
    try {
        const refused = await refuseRolledBack(rollOutOptions(opts, clock, s, svc, res.arn), svc);
        if (refused) {
            Object.assign(r, { state: 'failed', ok: false, failure: refused });
            return;
        }
        const out = await rollOut(rollOutOptions(opts, clock, s, svc, res.arn));
        Object.assign(r, { updated: true, ...out, ok: out.state === 'completed' });
    }
    catch (err) {
        Object.assign(r, { state: 'failed', ok: false, failure: err instanceof Error ? err.message : String(err) });
        log.info(`[${s.key}] FAILED: ${r.failure ?? ''}`);
    }
}
/** Step 4: one more DescribeServices per cluster; a service without evidence of health is not green. */
async function requireEvidence(ecs, log, results) {
    const green = results.filter((r) => r.ok && r.taskDefinitionArn && ['completed', 'unchanged'].includes(r.state));
    const byCluster = new Map();
    for (const r of green)
        byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r]);
    for (const [cluster, list] of byCluster) {
        let found;
        try {
            found = await (0,ecs_live/* describeServices */.Ge)(ecs, cluster, list.map((r) => r.service));
        }
        catch (err) {
            const why = err instanceof Error ? err.message : String(err);
            for (const r of list) {
                const failure = `no evidence that service ${cluster}/${r.service} is healthy: ${why}`;
                Object.assign(r, { ok: false, state: 'failed', failure });
            }
            continue;
        }
        for (const r of list) {
            const live = found.get(r.service);
            const ev = live?.ok ? evidenceOf(live.service, r.taskDefinitionArn) : undefined;
            if (ev?.verdict === 'healthy')
                continue;
            const why = ev ? ev.reason : 'DescribeServices no longer lists it';
            const failure = `no evidence that service ${cluster}/${r.service} is healthy: ${why}`;
            Object.assign(r, { ok: false, state: 'failed', failure });
            log.info(`[${r.key}] FAILED: ${failure}`);
        }
    }
}
/** A service's result before anything was done to it. */
function notStarted(s) {
    return {
        key: s.key,
        cluster: s.cluster,
        service: s.service,
        taskDefinitionArn: undefined,
        previousTaskDefinitionArn: undefined,
        registered: false,
        taskDefinitionChanged: false,
        updated: false,
        state: 'not-started',
        ok: false,
        stoppedTasks: [],
        diff: '',
    };
}
/** Pre-flight, part 2: every service exists, is ACTIVE and uses the ECS deployment controller. */
async function describeLive(ecs, services, problems) {
    const live = new Map();
    const byCluster = new Map();
    for (const s of services)
        byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s]);
    for (const [cluster, list] of byCluster) {
        const found = await (0,ecs_live/* describeServices */.Ge)(ecs, cluster, list.map((s) => s.service));
        for (const s of list) {
            const r = found.get(s.service);
            if (!r || !r.ok) {
                problems.push({
                    service: s.key,
                    code: 'preflight/service-not-found',
                    message: `service ${s.key}: ECS service "${s.service}" in cluster "${cluster}" was not found (${r && !r.ok ? r.reason : 'MISSING'}); create it first or fix the name`,
                });
            }
            else if (r.service.status !== 'ACTIVE') {
                problems.push({
                    service: s.key,
                    code: 'preflight/service-not-active',
                    message: `service ${s.key}: ECS service "${s.service}" in cluster "${cluster}" is ${r.service.status ?? 'not ACTIVE'}`,
                });
            }
            else if (r.service.deploymentController?.type && r.service.deploymentController.type !== 'ECS') {
                problems.push({
                    service: s.key,
                    code: 'preflight/unsupported-deployment-controller',
                    message: `service ${s.key}: ECS service "${s.service}" uses the ${r.service.deploymentController.type} deployment controller; only rolling updates (ECS) are supported`,
                });
            }
            else {
                live.set(s.key, r.service);
            }
        }
    }
    return live;
}

// EXTERNAL MODULE: ./src/ecs/live-state.ts
var live_state = __webpack_require__(6163);
;// CONCATENATED MODULE: ./src/ecs/index.ts
/** The ECS half of deploy: render, compare, diff, pre-flight, register, update, follow, roll back. */






















/***/ }),

/***/ 6303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ TooDeepError),
/* harmony export */   Le: () => (/* binding */ withoutNulls),
/* harmony export */   _j: () => (/* binding */ asArray),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* unused harmony export MAX_DEPTH */
/**
 * Plain-JSON helpers shared by render, normalize, compare and diff. Task definitions travel as
 * plain data (parsed template, SDK output), so these work on `unknown` and never trust shapes.
 */
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Task definitions are a handful of levels deep; anything past this is not one (and would blow the stack). */
const MAX_DEPTH = 64;
class TooDeepError extends Error {
    constructor() {
        super(`nested more than ${MAX_DEPTH} levels deep`);
    }
}
/** A deep copy that drops `null`/`undefined` members (pasted console output is full of `"x": null`). */
function withoutNulls(v, depth = 0) {
    if (depth > MAX_DEPTH)
        throw new TooDeepError();
    if (Array.isArray(v))
        return v.filter((x) => x !== null && x !== undefined).map((x) => withoutNulls(x, depth + 1));
    if (v instanceof Date)
        return v.toISOString();
    if (isRecord(v)) {
        const out = {};
        for (const [k, x] of Object.entries(v)) {
            if (x === null || x === undefined)
                continue;
            out[k] = withoutNulls(x, depth + 1);
        }
        return out;
    }
    return v;
}
/** JSON with object keys sorted at every level: equal data gives equal text, whatever the key order. */
function canonicalJson(v, indent) {
    return JSON.stringify(sortKeys(v), null, indent);
}
function sortKeys(v) {
    if (Array.isArray(v))
        return v.map(sortKeys);
    if (isRecord(v)) {
        const out = {};
        for (const k of Object.keys(v).sort())
            out[k] = sortKeys(v[k]);
        return out;
    }
    return v;
}
function asArray(v) {
    return Array.isArray(v) ? v : [];
}
function str(v) {
    return typeof v === 'string' ? v : undefined;
}


/***/ }),

/***/ 9707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ busyMessage),
/* harmony export */   Gl: () => (/* binding */ tagService),
/* harmony export */   NZ: () => (/* binding */ formatLastRollout),
/* harmony export */   Th: () => (/* binding */ serviceTags),
/* harmony export */   UU: () => (/* binding */ holdLease),
/* harmony export */   jT: () => (/* binding */ ROLLOUT_TAG),
/* harmony export */   nz: () => (/* binding */ parseLastRollout),
/* harmony export */   qH: () => (/* binding */ runIdFor)
/* harmony export */ });
/* unused harmony exports LEASE_TAG, LEASE_TTL_MS, LEASE_SETTLE_MS, formatLease, parseLease, acquireLease */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(212);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42);
/**
 * One deploy at a time, from any entry (the action, the CLI on a laptop, another repo sharing the
 * cluster): a lease is a tag on each ECS service of the run, `dd-ecs-monitor:deploy-lease =
 * "run=<id> started=<time> expires=<time>"`. It lives in AWS, so every entry sees it, and it
 * expires by itself (a run that was killed outright holds it LEASE_TTL_MS at most; a live run
 * renews it). Tags are last-writer-wins, not compare-and-set (ECS API reference, TagResource), so a
 * run writes its lease, waits LEASE_SETTLE_MS, and reads the tags back. Two runs that both found
 * no lease and wrote within that window see each other's lease on some service; the one that
 * started later (then: the larger run id) stands down, the other writes its lease again and goes on.
 *
 * A second tag, `dd-ecs-monitor:last-rollout = "td=<arn> deployment=<id> at=<time>"`, is written
 * when an update goes out, so a later run can tell that the task definition it is about to deploy
 * already went out once and did not stay (rolled back), even when the run that sent it was
 * interrupted before it saw the outcome.
 *
 * Tag values may hold letters, digits, spaces and `+ - = . _ : / @` (ECS API reference, Tag).
 * Tagging needs ecs:TagResource, ecs:UntagResource and ecs:ListTagsForResource; without them the
 * deploy goes on with a warning rather than refusing to deploy at all.
 */



const LEASE_TAG = 'dd-ecs-monitor:deploy-lease';
const ROLLOUT_TAG = 'dd-ecs-monitor:last-rollout';
const LEASE_TTL_MS = 180_000;
const LEASE_SETTLE_MS = 1000;
/** A run id a person can recognise: the GitHub run when there is one, else host and pid. */
function runIdFor(env) {
    const attempt = env.GITHUB_RUN_ATTEMPT ?? '1';
    const gh = env.GITHUB_RUN_ID ? `github-${env.GITHUB_REPOSITORY ?? ''}-${env.GITHUB_RUN_ID}-${attempt}` : '';
    const id = gh || `${(0,node_os__WEBPACK_IMPORTED_MODULE_0__.hostname)()}-${process.pid}`;
    return `${id}-${Math.random().toString(36).slice(2, 8)}`.replace(/[^A-Za-z0-9+\-=._:/@]/g, '_').slice(0, 120);
}
function formatLease(l) {
    return `run=${l.runId} started=${l.startedAt.toISOString()} expires=${l.expiresAt.toISOString()}`;
}
function field(value, name) {
    return new RegExp(`(?:^| )${name}=(\\S+)`).exec(value)?.[1];
}
function date(s) {
    const d = s ? new Date(s) : undefined;
    return d && !Number.isNaN(d.getTime()) ? d : undefined;
}
function parseLease(value) {
    if (!value)
        return undefined;
    const runId = field(value, 'run');
    const startedAt = date(field(value, 'started'));
    const expiresAt = date(field(value, 'expires'));
    return runId && startedAt && expiresAt ? { runId, startedAt, expiresAt } : undefined;
}
function formatLastRollout(r) {
    const state = r.completed ? ' state=completed' : '';
    return `td=${r.taskDefinitionArn} deployment=${r.deploymentId} at=${r.at.toISOString()}${state}`;
}
function parseLastRollout(value) {
    const td = value ? field(value, 'td') : undefined;
    const dep = value ? field(value, 'deployment') : undefined;
    if (!value || !td || !dep)
        return undefined;
    const completed = field(value, 'state') === 'completed';
    return { taskDefinitionArn: td, deploymentId: dep, at: date(field(value, 'at')), completed };
}
async function serviceTags(ecs, serviceArn) {
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .ListTagsForResourceCommand */ .a_e({ resourceArn: serviceArn }));
    return new Map((out?.tags ?? []).filter((t) => t.key).map((t) => [t.key, t.value ?? '']));
}
async function tagService(ecs, serviceArn, key, value) {
    await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .TagResourceCommand */ .eqU({ resourceArn: serviceArn, tags: [{ key, value }] }));
}
/** Who else holds a live lease on one of the targets (only one that started before `mine`, when given). */
async function otherHolder(ecs, targets, runId, now, mine) {
    const t0 = (l) => l.startedAt.getTime();
    const before = (l) => !mine || t0(l) < t0(mine) || (t0(l) === t0(mine) && l.runId < mine.runId);
    for (const t of targets) {
        const l = parseLease((await serviceTags(ecs, t.serviceArn)).get(LEASE_TAG));
        if (l && l.runId !== runId && l.expiresAt.getTime() > now && before(l))
            return { service: t.key, holder: l };
    }
    return undefined;
}
/** Takes the lease on every target, or says who holds one. Never waits for another run. */
async function acquireLease(o) {
    const started = new Date(o.clock.now());
    const lease = () => formatLease({ runId: o.runId, startedAt: started, expiresAt: new Date(o.clock.now() + LEASE_TTL_MS) });
    try {
        const before = await otherHolder(o.ecs, o.targets, o.runId, o.clock.now());
        if (before)
            return { state: 'busy', ...before };
        for (const t of o.targets)
            await tagService(o.ecs, t.serviceArn, LEASE_TAG, lease());
        await o.clock.sleep(o.settleMs ?? LEASE_SETTLE_MS);
        const mine = { runId: o.runId, startedAt: started, expiresAt: started };
        const after = await otherHolder(o.ecs, o.targets, o.runId, o.clock.now(), mine);
        if (after) {
            await releaseLease(o, o.targets);
            return { state: 'busy', ...after };
        }
        // A run that started later may have overwritten some of ours before standing down.
        for (const t of o.targets)
            await tagService(o.ecs, t.serviceArn, LEASE_TAG, lease());
    }
    catch (err) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorText */ .x)(err);
        o.log.warning(`could not take the deploy lease (tag ${LEASE_TAG} on the services): ${reason}; ` +
            'two deploys started together are not kept apart. ' +
            'Allow ecs:TagResource, ecs:UntagResource and ecs:ListTagsForResource on the services.');
        return { state: 'unavailable', reason };
    }
    // Renew while the run lives; the timer never keeps the process alive by itself.
    const timer = setInterval(() => {
        void Promise.all(o.targets.map((t) => tagService(o.ecs, t.serviceArn, LEASE_TAG, lease()))).catch((err) => o.log.debug(`lease renewal failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorText */ .x)(err)}`));
    }, LEASE_TTL_MS / 3);
    timer.unref();
    return {
        state: 'held',
        release: async () => {
            clearInterval(timer);
            await releaseLease(o, o.targets);
        },
    };
}
/** Removes the lease where it is still this run's. Never throws: it runs on the way out. */
async function releaseLease(o, targets) {
    await Promise.all(targets.map(async (t) => {
        try {
            const l = parseLease((await serviceTags(o.ecs, t.serviceArn)).get(LEASE_TAG));
            if (l?.runId !== o.runId)
                return;
            await o.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .UntagResourceCommand */ .RP$({ resourceArn: t.serviceArn, tagKeys: [LEASE_TAG] }));
        }
        catch (err) {
            o.log.debug(`could not remove the deploy lease from ${t.key}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorText */ .x)(err)} (it expires by itself)`);
        }
    }));
}
/** How often a run that waits for another run's lease looks again. */
const LEASE_RETRY_MS = 5000;
/** acquireLease, waiting for another run to finish when told to. */
async function holdLease(o) {
    const deadline = o.clock.now() + o.waitTimeoutMs;
    let said = '';
    for (;;) {
        const out = await acquireLease(o);
        if (out.state !== 'busy' || !o.wait || o.clock.now() + LEASE_RETRY_MS > deadline)
            return out;
        if (said !== out.holder.runId) {
            said = out.holder.runId;
            const since = out.holder.startedAt.toISOString();
            const who = `the deploy ${out.holder.runId} (started ${since}, service ${out.service})`;
            o.log.info(`waiting for ${who} to finish (--wait-for-other-deployments)`);
        }
        await o.clock.sleep(LEASE_RETRY_MS);
    }
}
function busyMessage(out) {
    const h = out.holder;
    return (`another deploy is running: ${h.runId}, started ${h.startedAt.toISOString()}, holds the deploy lease on service ` +
        `${out.service} (tag ${LEASE_TAG}, expires ${h.expiresAt.toISOString()} unless renewed); ` +
        'nothing was built, pushed, registered or updated. Run again when it has finished, ' +
        'or with --wait-for-other-deployments (action input wait-for-other-deployments: true) to wait for it');
}


/***/ }),

/***/ 6163:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ lookUpServices),
/* harmony export */   r: () => (/* binding */ servicePreflight)
/* harmony export */ });
/* harmony import */ var _live_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7879);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5714);


async function lookUpServices(clients, services, ssmRefs) {
    const byCluster = new Map();
    for (const s of services)
        byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s]);
    const out = {};
    for (const [cluster, list] of byCluster) {
        const found = await (0,_live_js__WEBPACK_IMPORTED_MODULE_0__/* .describeServices */ .Ge)(clients.ecs, cluster, list.map((s) => s.service));
        for (const s of list)
            out[s.key] = { lookup: found.get(s.service) ?? { ok: false, reason: 'MISSING' } };
    }
    await Promise.all(services.map(async (s) => {
        const state = out[s.key];
        const ref = state.lookup.ok ? state.lookup.service.taskDefinition : undefined;
        const running = ref ? await (0,_live_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTaskDefinition */ .oh)(clients.ecs, ref) : undefined;
        const latest = s.family ? await (0,_live_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTaskDefinition */ .oh)(clients.ecs, s.family) : undefined;
        if (running)
            state.running = running;
        if (latest)
            state.latest = latest;
    }));
    const missing = await (0,_preflight_js__WEBPACK_IMPORTED_MODULE_1__/* .missingParameters */ .$u)(clients.ssm, [...new Set(ssmRefs)].sort());
    return { services: out, missingParameters: [...missing].sort() };
}
/** What would stop the deploy of one service, judged from gathered data; the messages are the deploy's. */
function servicePreflight(s, live, missing) {
    const problems = [];
    const add = (code, message) => void problems.push({ service: s.key, code, message });
    const td = s.taskDefinition;
    if (!td.executionRoleArn) {
        add('preflight/no-execution-role', `service ${s.key}: task definition "${td.family ?? '?'}" has no "executionRoleArn"; ` +
            'Fargate needs a task execution role to pull images from ECR and to read secrets');
    }
    for (const [ref, wheres] of (0,_preflight_js__WEBPACK_IMPORTED_MODULE_1__/* .ssmReferences */ .Uv)(td)) {
        if (!missing.has(ref))
            continue;
        for (const where of wheres) {
            const message = `service ${s.key}: SSM parameter "${ref}" (${where}) does not exist; create it or fix the name`;
            add('preflight/missing-parameter', message);
        }
    }
    const r = live?.lookup;
    const named = `ECS service "${s.service}" in cluster "${s.cluster}"`;
    if (!r || !r.ok) {
        const why = r && !r.ok ? r.reason : 'MISSING';
        const message = `service ${s.key}: ${named} was not found (${why}); create it first or fix the name`;
        add('preflight/service-not-found', message);
    }
    else if (r.service.status !== 'ACTIVE') {
        add('preflight/service-not-active', `service ${s.key}: ${named} is ${r.service.status ?? 'not ACTIVE'}`);
    }
    else if (r.service.deploymentController?.type && r.service.deploymentController.type !== 'ECS') {
        add('preflight/unsupported-deployment-controller', `service ${s.key}: ${named} uses the ${r.service.deploymentController.type} deployment controller; ` +
            'only rolling updates (ECS) are supported');
    }
    return problems;
}


/***/ }),

/***/ 7879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ge: () => (/* binding */ describeServices),
/* harmony export */   nq: () => (/* binding */ describeOneService),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42);
/** What runs now: services (DescribeServices, 10 per call) and their task definitions. */


/** Every named service of one cluster, keyed by name; a missing one carries the failure reason. */
async function describeServices(ecs, cluster, names) {
    const out = new Map();
    const unique = [...new Set(names)];
    for (let i = 0; i < unique.length; i += 10) {
        const batch = unique.slice(i, i + 10);
        let res;
        try {
            res = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeServicesCommand */ .H7c({ cluster, services: batch }));
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployStepError */ .E('describe', `services ${batch.join(', ')} in cluster ${cluster}`, (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorText */ .x)(err), {
                cause: err,
            });
        }
        for (const s of res.services ?? [])
            if (s.serviceName)
                out.set(s.serviceName, { ok: true, service: s });
        for (const f of res.failures ?? []) {
            const name = batch.find((n) => f.arn === n || f.arn?.endsWith(`/${n}`));
            if (name)
                out.set(name, { ok: false, reason: [f.reason, f.detail].filter(Boolean).join(': ') || 'unknown failure' });
        }
        for (const n of batch)
            if (!out.has(n))
                out.set(n, { ok: false, reason: 'MISSING' });
    }
    return out;
}
async function describeOneService(ecs, cluster, name) {
    const r = (await describeServices(ecs, cluster, [name])).get(name);
    if (!r || !r.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployStepError */ .E('describe', `service ${cluster}/${name}`, r?.ok === false ? r.reason : 'not found');
    return r.service;
}
/** By ARN, `family:revision`, or family (its latest ACTIVE revision); undefined when there is none. */
async function describeTaskDefinition(ecs, ref) {
    try {
        const r = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: ref, include: ['TAGS'] }));
        if (!r.taskDefinition?.taskDefinitionArn)
            return undefined;
        return { arn: r.taskDefinition.taskDefinitionArn, definition: { ...r.taskDefinition, tags: r.tags ?? [] } };
    }
    catch (err) {
        // ECS answers an unknown family or revision with ClientException "Unable to describe task definition."
        if (err instanceof Error && err.name === 'ClientException' && /unable to describe/i.test(err.message))
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployStepError */ .E('describe', `task definition ${ref}`, (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorText */ .x)(err), { cause: err });
    }
}


/***/ }),

/***/ 8470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ normalizeTaskDefinition)
/* harmony export */ });
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9640);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6303);
/**
 * Normalise a task definition so that "what we would register" and "what DescribeTaskDefinition
 * returns for it" compare equal. ECS fills defaults and reorders on the way in; the same rules as
 * Terraform's ECS equivalence check (hashicorp/terraform-provider-aws
 * internal/service/ecs/task_definition_equivalency.go: containers, environment and secrets sorted
 * by name; `essential` defaults to true; hostPort 0 dropped, hostPort = containerPort under awsvpc),
 * plus what describe output shows for unset members: `cpu: 0`, empty lists (`mountPoints`,
 * `volumesFrom`, `volumes`, `placementConstraints`, ...), `protocol: "tcp"`, health check
 * interval 30 / timeout 5 / retries 3, and task-level `cpu` / `memory` as strings.
 */


const FALSE_DEFAULTS = ['privileged', 'readonlyRootFilesystem', 'interactive', 'pseudoTerminal', 'disableNetworking'];
function normalizeTaskDefinition(td) {
    const src = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .withoutNulls */ .Le)(td);
    const out = {};
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(src))
        return out;
    for (const [k, v] of Object.entries(src)) {
        if (_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .REGISTER_FIELDS */ .G.includes(k) && !_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .READ_ONLY_FIELDS */ .O.includes(k))
            out[k] = v;
    }
    for (const k of ['cpu', 'memory'])
        if (typeof out[k] === 'number')
            out[k] = String(out[k]);
    // ECS's default network mode on Linux is bridge; describe output names it.
    if (out.networkMode === undefined)
        out.networkMode = 'bridge';
    if (out.enableFaultInjection === false)
        delete out.enableFaultInjection;
    const awsvpc = out.networkMode === 'awsvpc' || out.networkMode === 'host';
    out.containerDefinitions = byName((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(out.containerDefinitions).map((c) => normalizeContainer(c, awsvpc)));
    out.volumes = byName((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(out.volumes));
    out.requiresCompatibilities = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(out.requiresCompatibilities).map(String).sort();
    out.tags = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(out.tags)
        .filter(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)
        .sort((a, b) => cmp((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(a.key), (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(b.key)));
    return dropEmpty(out);
}
function normalizeContainer(c, hostPortIsContainerPort) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(c))
        return c;
    const o = { ...c };
    if (o.essential === undefined)
        o.essential = true;
    for (const k of ['cpu', 'memory', 'memoryReservation']) {
        if (typeof o[k] === 'string' && /^\d+$/.test(o[k]))
            o[k] = Number(o[k]);
    }
    if (o.cpu === 0)
        delete o.cpu;
    for (const k of FALSE_DEFAULTS)
        if (o[k] === false)
            delete o[k];
    o.portMappings = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(o.portMappings).map((p) => {
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(p))
            return p;
        const m = { ...p };
        if (m.protocol === undefined)
            m.protocol = 'tcp';
        if (m.hostPort === 0 || (hostPortIsContainerPort && m.hostPort === m.containerPort))
            delete m.hostPort;
        return m;
    });
    // An environment entry without a value is registered as an empty string.
    o.environment = byName((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(o.environment).map((e) => ((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(e) && e.value === undefined ? { ...e, value: '' } : e)));
    o.secrets = byName((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(o.secrets));
    o.ulimits = byName((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(o.ulimits));
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(o.healthCheck))
        o.healthCheck = { interval: 30, timeout: 5, retries: 3, ...o.healthCheck };
    return o;
}
function byName(list) {
    return [...list].sort((a, b) => cmp((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(a) ? (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(a.name) : undefined, (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(b) ? (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(b.name) : undefined));
}
function cmp(a, b) {
    const x = a ?? '';
    const y = b ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
}
/** Drop empty lists, empty objects and empty strings, except an environment entry's value. */
function dropEmpty(v) {
    if (Array.isArray(v))
        return v.map((x) => dropEmpty(x)).filter((x) => !isEmpty(x));
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(v)) {
        const envEntry = typeof v.name === 'string' && 'value' in v && Object.keys(v).length === 2;
        const out = {};
        for (const [k, x] of Object.entries(v)) {
            const y = dropEmpty(x);
            if (!isEmpty(y) || (envEntry && k === 'value'))
                out[k] = y;
        }
        return out;
    }
    return v;
}
function isEmpty(v) {
    if (v === undefined || v === '')
        return true;
    if (Array.isArray(v))
        return v.length === 0;
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(v))
        return Object.keys(v).length === 0;
    return false;
}


/***/ }),

/***/ 5714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ missingParameters),
/* harmony export */   Mz: () => (/* binding */ preflight),
/* harmony export */   Uv: () => (/* binding */ ssmReferences)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4736);
/* harmony import */ var _arn_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7362);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6303);




/** SSM references (names or ARNs) of one task definition, with where each is used. */
function ssmReferences(td) {
    const refs = new Map();
    const note = (ref, where) => {
        const k = (0,_arn_js__WEBPACK_IMPORTED_MODULE_2__/* .classifySecretRef */ .yi)(ref).kind;
        if (k !== 'ssm-name' && k !== 'ssm-arn')
            return;
        refs.set(ref, [...(refs.get(ref) ?? []), where]);
    };
    for (const c of (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(td.containerDefinitions).filter(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)) {
        const cname = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(c.name) ?? '?';
        for (const s of (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(c.secrets).filter(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)) {
            const v = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.valueFrom);
            if (v)
                note(v, `secret ${(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.name) ?? '?'} of container ${cname}`);
        }
        const lc = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(c.logConfiguration) ? c.logConfiguration : undefined;
        for (const s of (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(lc?.secretOptions).filter(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)) {
            const v = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.valueFrom);
            if (v)
                note(v, `log option ${(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.name) ?? '?'} of container ${cname}`);
        }
    }
    return refs;
}
async function preflight(opts) {
    const problems = [];
    const uses = new Map();
    for (const s of opts.services) {
        const td = s.taskDefinition;
        if (!td.executionRoleArn) {
            problems.push({
                service: s.key,
                code: 'preflight/no-execution-role',
                message: `service ${s.key}: task definition "${td.family ?? '?'}" has no "executionRoleArn"; Fargate needs a task execution role to pull images from ECR and to read secrets`,
            });
        }
        for (const [ref, wheres] of ssmReferences(td)) {
            for (const where of wheres)
                uses.set(ref, [...(uses.get(ref) ?? []), { service: s.key, where }]);
        }
    }
    const refs = [...uses.keys()].sort();
    const missing = await missingParameters(opts.ssm, refs);
    for (const ref of refs) {
        if (!missing.has(ref)) {
            opts.log.debug(`pre-flight: SSM parameter ${ref} exists`);
            continue;
        }
        for (const u of uses.get(ref) ?? []) {
            problems.push({
                service: u.service,
                code: 'preflight/missing-parameter',
                message: `service ${u.service}: SSM parameter "${ref}" (${u.where}) does not exist; create it or fix the name`,
            });
        }
    }
    return problems;
}
/** The SSM references (names or ARNs) GetParameters reports as missing; asked 10 at a time, values never read. */
async function missingParameters(ssm, refs) {
    const missing = new Set();
    for (let i = 0; i < refs.length; i += 10) {
        const batch = refs.slice(i, i + 10);
        try {
            const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_3__/* .GetParametersCommand */ .AFe({ Names: batch, WithDecryption: false }));
            for (const n of out.InvalidParameters ?? [])
                missing.add(n);
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployStepError */ .E('pre-flight', `SSM parameters ${batch.join(', ')}`, (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorText */ .x)(err), { cause: err });
        }
    }
    return missing;
}


/***/ }),

/***/ 8061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ sensitiveValues),
/* harmony export */   hU: () => (/* binding */ maskTaskDefinition),
/* harmony export */   jb: () => (/* binding */ maskPair)
/* harmony export */ });
/* unused harmony exports MASK, MASK_CHANGED, isSensitiveName */
/* harmony import */ var _checks_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7163);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6303);
/**
 * Values that must never reach a log line or a diff: plain `environment` values whose name looks
 * like a credential (`DD_API_KEY`, `MYSQL_PASSWORD`, ...) or that carry one (a URL with
 * `user:password@`), `command` / `entryPoint` / `healthCheck.command` arguments that pass one (`--password=...`), and
 * log-driver / FireLens options or Docker labels named that way (the Datadog FireLens output takes
 * `apikey` as an option). Over-masking is cheap; a leaked key is not. But plain settings (`true`,
 * `30`, a path, a `$VAR` reference) are never masked, and only values of MIN_LOG_MASK_LENGTH or
 * more go to the log mask: see src/checks/credentials.ts for the rule.
 */


const SENSITIVE_NAME = /KEY|PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|CREDENTIAL|PRIVATE|AUTH/i;
const MASK = '***';
const MASK_CHANGED = '*** (changed)';
function isSensitiveName(name) {
    return SENSITIVE_NAME.test(name);
}
/** A credential-named value, or the passwords of the URLs in it; undefined when it holds none. */
function namedOrUrl(name, value, write) {
    const found = (0,_checks_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .environmentCredential */ .hL)(name, value);
    if (found)
        return { value, secrets: [found.secret], set: (m) => write(found.masked(m)) };
    if (!isSensitiveName(name) || (0,_checks_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainSetting */ .Ny)(value))
        return undefined;
    return { value, secrets: [value], set: write };
}
function environmentLeaves(c, cpath) {
    const out = [];
    for (const e of (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(c.environment).filter(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)) {
        const name = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(e.name);
        const value = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(e.value);
        if (!name || value === undefined)
            continue;
        const leaf = namedOrUrl(name, value, (v) => (e.value = v));
        if (leaf)
            out.push({ path: `${cpath}.environment[${name}]`, ...leaf });
    }
    return out;
}
function argumentLeaves(c, cpath) {
    const out = [];
    const health = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(c.healthCheck) ? c.healthCheck.command : undefined;
    const lists = [
        ['command', c.command],
        ['entryPoint', c.entryPoint],
        ['healthCheck.command', health],
    ];
    for (const [field, list] of lists) {
        if (!Array.isArray(list))
            continue;
        const args = list.map((a) => (typeof a === 'string' ? a : ''));
        for (const found of (0,_checks_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .argumentCredentials */ .m_)(args)) {
            const value = args[found.index];
            const set = (m) => void (list[found.index] = found.masked(m));
            out.push({ path: `${cpath}.${field}[${found.index}]`, value, secrets: found.secrets, set });
        }
    }
    return out;
}
function optionLeaves(c, cpath) {
    const out = [];
    const maps = [
        ['dockerLabels', c.dockerLabels],
        ['logConfiguration.options', (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(c.logConfiguration) ? c.logConfiguration.options : undefined],
        ['firelensConfiguration.options', (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(c.firelensConfiguration) ? c.firelensConfiguration.options : undefined],
    ];
    for (const [where, m] of maps) {
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(m))
            continue;
        for (const [k, v] of Object.entries(m)) {
            const leaf = typeof v === 'string' ? namedOrUrl(k, v, (x) => (m[k] = x)) : undefined;
            if (leaf)
                out.push({ path: `${cpath}.${where}.${k}`, ...leaf });
        }
    }
    return out;
}
function leaves(td) {
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asArray */ ._j)(td.containerDefinitions)
        .filter(_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)
        .flatMap((c) => {
        const cpath = `containers[${(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(c.name) ?? '?'}]`;
        return [...environmentLeaves(c, cpath), ...argumentLeaves(c, cpath), ...optionLeaves(c, cpath)];
    });
}
/**
 * Every sensitive plain value in a task definition, and its secret parts, to register with
 * `Log.mask`; values too short or too ordinary to mask across a whole log are left out.
 */
function sensitiveValues(td) {
    const all = leaves(td).flatMap((l) => [l.value, ...l.secrets]);
    return [...new Set(all.filter(_checks_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .isLogMaskable */ .jv))];
}
/**
 * Masked deep copies of both sides of a diff. The new side says `*** (changed)` where its value
 * differs from the old one at the same logical place, so a changed credential still shows up as a
 * change without showing either value.
 */
function maskPair(before, after) {
    const b = before ? structuredClone(before) : undefined;
    const a = structuredClone(after);
    const old = new Map();
    const key = (l) => JSON.stringify(l.secrets);
    if (b) {
        for (const l of leaves(b)) {
            old.set(l.path, key(l));
            l.set(MASK);
        }
    }
    for (const l of leaves(a))
        l.set(old.get(l.path) === key(l) ? MASK : MASK_CHANGED);
    return { before: b, after: a };
}
/** A masked deep copy of one task definition: every sensitive plain value reads `***` (plan JSON, reports). */
function maskTaskDefinition(td) {
    const copy = structuredClone(td);
    for (const l of leaves(copy))
        l.set(MASK);
    return copy;
}


/***/ }),

/***/ 2615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oH: () => (/* binding */ copyEntries),
  tK: () => (/* binding */ describeMethod),
  tt: () => (/* binding */ imageMethod),
  B4: () => (/* binding */ offlineMethod),
  Vn: () => (/* binding */ taskPlatform)
});

// UNUSED EXPORTS: BASE_HASH_FORMAT, baseTagOf, formatKb

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/checks/source.ts
var source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/project/dockerfile-lexer.ts
var dockerfile_lexer = __webpack_require__(2580);
// EXTERNAL MODULE: ./src/project/dockerfile.ts + 1 modules
var dockerfile = __webpack_require__(2552);
// EXTERNAL MODULE: ./src/project/shell-words.ts
var shell_words = __webpack_require__(719);
;// CONCATENATED MODULE: ./src/project/config-tail.ts



/** Metadata instructions the tail may hold: they change config fields, never files (except WORKDIR). */
const TAIL_META = new Set(['user', 'env', 'label', 'workdir', 'expose', 'entrypoint', 'cmd', 'arg']);
function stageRange(ins, df, target) {
    const stage = (0,dockerfile/* finalStage */.BD)(df, target);
    if (!stage)
        return undefined;
    const fromIdx = ins.findIndex((i) => i.keyword.toLowerCase() === 'from' && i.pos.line === stage.line);
    if (fromIdx === -1)
        return undefined;
    let end = fromIdx + 1;
    while (end < ins.length && ins[end].keyword.toLowerCase() !== 'from')
        end++;
    return { stage, body: ins.slice(fromIdx + 1, end) };
}
/** Why a COPY/ADD in the tail cannot be appended, or undefined when it can. */
function copyProblem(copy, relativeDest) {
    const what = `${copy.add ? 'ADD' : 'COPY'} on line ${copy.line}`;
    if (copy.from !== undefined)
        return `${what} copies --from=${copy.from}, which only docker can read`;
    if (copy.urls.length)
        return `${what} fetches ${copy.urls[0]}: a remote ADD is left to docker`;
    if (copy.heredocs.length)
        return `${what} writes a heredoc: left to docker`;
    if (copy.parents || copy.excludes.length)
        return `${what} uses --parents/--exclude, which layer append does not model`;
    if (copy.add && copy.sources.some((s) => /\.(?:tar|tgz|tbz2?|txz|gz|bz2|xz|zst)$/i.test(s))) {
        return `${what} may unpack a local archive: left to docker`;
    }
    if (copy.chown !== undefined && !/^\d+(?::\d+)?$/.test(copy.chown)) {
        return `${what} has --chown=${copy.chown}: a user name needs the base image's /etc/passwd; write numeric uid:gid`;
    }
    if (copy.chmod !== undefined && !/^[0-7]{3,4}$/.test(copy.chmod))
        return `${what} has --chmod=${copy.chmod}: only octal modes are appended`;
    if (relativeDest)
        return `${what} has a relative destination under the base image's WORKDIR, which is unknown without the base`;
    return undefined;
}
/** Names a word uses that neither the Dockerfile's ARGs nor its ENVs define (the base image might). */
function unknownNames(raw, known, escape) {
    return (0,shell_words/* expandWord */.V)(raw, known, escape).undefinedNames;
}
function argScope(body, df, buildArgs, escape) {
    const scope = new Map();
    for (const ins of body) {
        if (ins.keyword.toLowerCase() !== 'arg')
            continue;
        for (const w of ins.args.trim().split(/\s+/)) {
            if (!w)
                continue;
            const eq = w.indexOf('=');
            const name = eq === -1 ? w : w.slice(0, eq);
            const value = name in buildArgs
                ? buildArgs[name]
                : eq !== -1
                    ? (0,shell_words/* expandWord */.V)(w.slice(eq + 1), scope, escape).value
                    : df.args[name];
            if (value !== undefined)
                scope.set(name, value);
        }
    }
    return scope;
}
/**
 * The config tail of the built stage (the last, or `target`). `buildArgs` as in `parseDockerfile`;
 * `df` must come from the same source and build args.
 */
function splitConfigTail(source, df, buildArgs = {}, target) {
    if (df.findings.some((f) => f.severity === 'error'))
        return { ok: false, reason: 'the Dockerfile has errors' };
    const lexed = (0,dockerfile_lexer/* lexDockerfile */.e)(source);
    const range = stageRange(lexed.instructions, df, target);
    if (!range)
        return { ok: false, reason: 'no build stage found' };
    const { stage, body } = range;
    let start = body.length;
    while (start > 0 && isTailKeyword(body[start - 1].keyword))
        start--;
    const tail = body.slice(start);
    const before = body.slice(0, start);
    if (!tail.some((i) => isCopy(i.keyword))) {
        const last = body
            .slice()
            .reverse()
            .find((i) => !TAIL_META.has(i.keyword.toLowerCase()));
        return last
            ? {
                ok: false,
                reason: `${last.keyword.toUpperCase()} on line ${last.pos.line} comes after the last COPY: nothing to append`,
                line: last.pos.line,
            }
            : { ok: false, reason: 'the built stage copies no files: nothing to append' };
    }
    const onbuild = before.find((i) => i.keyword.toLowerCase() === 'onbuild');
    if (onbuild)
        return {
            ok: false,
            reason: `ONBUILD on line ${onbuild.pos.line} in the base: left to docker`,
            line: onbuild.pos.line,
        };
    const args = argScope(body, df, buildArgs, lexed.escape);
    const steps = [];
    for (const ins of tail) {
        const relative = df.findings.some((f) => f.code === 'dockerfile/relative-dest' && f.line === ins.pos.line);
        const step = tailStep(ins, stage, source, relative);
        if ('reason' in step)
            return { ok: false, reason: step.reason, line: ins.pos.line };
        if (step.kind === 'copy') {
            const names = [...step.copy.sources, step.copy.dest].length
                ? copyUnknownNames(ins, args, stage, lexed.escape)
                : [];
            if (names.length) {
                return {
                    ok: false,
                    reason: `COPY on line ${ins.pos.line} uses $${names[0]}, which the Dockerfile does not define (the base image may): left to docker`,
                    line: ins.pos.line,
                };
            }
        }
        steps.push(step);
    }
    const workdirProblem = workdirsProblem(steps, args, stage, lexed.escape);
    if (workdirProblem)
        return { ok: false, reason: workdirProblem };
    const firstTail = tail[0];
    // Comments and blank lines just above the tail belong to it: editing them must not rebuild the base.
    const lines = source.text.split('\n').slice(0, firstTail.pos.line - 1);
    while (lines.length && /^\s*(#.*)?$/.test(lines[lines.length - 1]))
        lines.pop();
    const baseText = `${lines.join('\n')}\n`;
    const cmdSetInBase = before.some((i) => i.keyword.toLowerCase() === 'cmd');
    return {
        ok: true,
        baseText,
        line: firstTail.pos.line,
        steps,
        cmdSetInBase,
        args: Object.fromEntries(args),
        escape: lexed.escape,
    };
}
function isCopy(keyword) {
    const k = keyword.toLowerCase();
    return k === 'copy' || k === 'add';
}
function isTailKeyword(keyword) {
    return isCopy(keyword) || TAIL_META.has(keyword.toLowerCase());
}
function lineText(source, line) {
    return (source.text.split('\n')[line - 1] ?? '').trim();
}
function tailStep(ins, stage, source, relativeDest) {
    const text = lineText(source, ins.pos.line);
    if (!isCopy(ins.keyword))
        return { kind: 'meta', line: ins.pos.line, keyword: ins.keyword.toLowerCase(), args: ins.args, text };
    const copy = stage.copies.find((c) => c.line === ins.pos.line);
    if (!copy)
        return { reason: `${ins.keyword.toUpperCase()} on line ${ins.pos.line} could not be read` };
    if (ins.heredocs.length)
        return { reason: `${ins.keyword.toUpperCase()} on line ${ins.pos.line} writes a heredoc: left to docker` };
    const problem = copyProblem(copy, relativeDest);
    return problem ? { reason: problem } : { kind: 'copy', line: ins.pos.line, copy, text };
}
/** Variables in a COPY's words that only the base image could define (ENV of the base). */
function copyUnknownNames(ins, args, stage, escape) {
    const known = new Map([...args, ...Object.entries(stage.env)]);
    return unknownNames(ins.args, known, escape);
}
/**
 * WORKDIR creates its directory when missing ("If the WORKDIR doesn't exist, it will be created",
 * Dockerfile reference). A tail WORKDIR is appended only where a tail COPY lands under it, so the
 * directory exists either way and nothing about an existing one is overwritten.
 */
function workdirsProblem(steps, args, stage, escape) {
    const dests = steps.flatMap((s) => (s.kind === 'copy' ? [s.copy.dest] : []));
    for (const s of steps) {
        if (s.kind !== 'meta' || s.keyword !== 'workdir')
            continue;
        const scope = new Map([...args, ...Object.entries(stage.env)]);
        const dir = (0,shell_words/* expandWord */.V)(s.args.trim(), scope, escape).value.replace(/\/+$/, '') || '/';
        if (!dir.startsWith('/'))
            return `WORKDIR on line ${s.line} is relative to the base image's WORKDIR: left to docker`;
        if (dir !== '/' && !dests.some((d) => d === dir || d.startsWith(`${dir}/`))) {
            return `WORKDIR ${dir} on line ${s.line}: docker creates it when missing, and whether the base has it is unknown without its layers`;
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/project/copy-expand.ts
var copy_expand = __webpack_require__(1853);
// EXTERNAL MODULE: ./src/project/dockerignore.ts
var dockerignore = __webpack_require__(9627);
;// CONCATENATED MODULE: ./src/images/append-plan.ts
/**
 * How an image gets made: by a layer append on top of its base (the Dockerfile splits into a base
 * and a config tail; src/project/config-tail.ts), or by docker build (it does not, and why).
 * The base has its own content hash over only what the base part reads, so a config-only change
 * leaves `base-<hash>` as it is in ECR and needs no Docker at all.
 */








/** Bump when what goes into the base hash changes. */
const BASE_HASH_FORMAT = 'dd-ecs-monitor/base-inputs/v1';
/** What `plan` and the summary print: "layer append (2 files, 1.3 KB)" or "docker build (why)". */
function describeMethod(m) {
    return m.kind === 'append'
        ? `layer append (${m.files} file${m.files === 1 ? '' : 's'}, ${formatKb(m.bytes)})`
        : `docker build (${m.reason})`;
}
function formatKb(bytes) {
    return `${(bytes / 1024).toFixed(1)} KB`;
}
function baseTagOf(hash) {
    return `base-${hash.slice(0, 32)}`;
}
function field(h, name, value) {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    h.update(`${name} ${bytes.length}\n`);
    h.update(bytes);
    h.update('\n');
}
/** Same rules as the image content hash: only the executable bit of a mode counts (git keeps no more). */
async function hashBaseInputs(spec, baseText, baseImages, files) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    field(h, 'format', BASE_HASH_FORMAT);
    field(h, 'dockerfile', baseText);
    const args = Object.entries(spec.buildArgs ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    field(h, 'build-args', JSON.stringify(args));
    field(h, 'base-images', JSON.stringify(baseImages));
    // A floating base's resolved digest (absent: hashed by name, as before): a moved tag rebuilds the base.
    for (const ref of baseImages) {
        const digest = spec.baseDigests?.[ref];
        if (digest)
            field(h, 'base-digest', `${ref} ${digest}`);
    }
    field(h, 'platform', spec.platform ?? '');
    for (const rel of [...files].sort()) {
        field(h, 'path', rel);
        const abs = external_node_path_default().join(spec.contextDir, rel);
        const st = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (!st)
            field(h, 'missing', '');
        else if (st.isSymbolicLink())
            field(h, 'symlink', await (0,promises_.readlink)(abs));
        else if (st.isFile()) {
            field(h, 'mode', st.mode & 0o111 ? '755' : '644');
            field(h, 'bytes', await (0,promises_.readFile)(abs));
        }
        else
            field(h, 'other', '');
    }
    return h.digest('hex');
}
async function tailSize(spec, copies) {
    const unique = new Map();
    for (const c of copies)
        for (const [t, s] of c.targets)
            unique.set(t, s);
    let bytes = 0;
    for (const s of unique.values())
        bytes += (await (0,promises_.lstat)(external_node_path_default().join(spec.contextDir, s)).catch(() => undefined))?.size ?? 0;
    return { files: unique.size, bytes };
}
async function firstSymlink(contextDir, sources) {
    for (const s of sources)
        if ((await (0,promises_.lstat)(external_node_path_default().join(contextDir, s)).catch(() => undefined))?.isSymbolicLink())
            return s;
    return undefined;
}
/** Splits the image's Dockerfile and hashes its base; never throws (a problem is a docker-build reason). */
async function imageMethod(spec) {
    try {
        const src = (0,source/* readSource */.o$)(external_node_path_default().basename(spec.dockerfile), spec.dockerfile);
        if (!src.ok)
            return { kind: 'docker', reason: 'the Dockerfile cannot be read' };
        const buildArgs = { ...(spec.buildArgs ?? {}) };
        const df = (0,dockerfile/* parseDockerfile */.Ai)(src.source, buildArgs);
        const split = splitConfigTail(src.source, df, buildArgs, spec.target);
        if (!split.ok)
            return { kind: 'docker', reason: split.reason };
        const stage = (0,dockerfile/* finalStage */.BD)(df, spec.target);
        const listing = (0,dockerignore/* listContextFiles */.z)(spec.contextDir, { dockerfile: spec.dockerfile });
        const copies = [];
        const seen = new Map();
        for (const step of split.steps) {
            if (step.kind !== 'copy')
                continue;
            const targets = (0,copy_expand/* copyTargets */.w8)(step.copy, listing.files, stage, seen);
            if (targets.size === 0)
                return { kind: 'docker', reason: `COPY on line ${step.line} matches no file in the build context` };
            const link = await firstSymlink(spec.contextDir, targets.values());
            // A named source that is a link is followed, a link inside a copied directory is kept: left to docker.
            if (link)
                return { kind: 'docker', reason: `COPY on line ${step.line} copies the symbolic link ${link}` };
            for (const [k, v] of targets)
                seen.set(k, v);
            copies.push({ step, targets });
        }
        const baseDf = (0,dockerfile/* parseDockerfile */.Ai)((0,source/* sourceFromText */.JF)(src.source.file, split.baseText), buildArgs);
        const baseImages = baseDf.stages.map((s) => (s.baseStage === undefined ? s.baseImage : `stage:${s.baseStage}`));
        const baseHash = await hashBaseInputs(spec, split.baseText, baseImages, (0,dockerfile/* contextInputs */.D1)(baseDf, listing.files));
        return {
            kind: 'append',
            baseHash,
            baseTag: baseTagOf(baseHash),
            tail: split,
            copies,
            ...(await tailSize(spec, copies)),
        };
    }
    catch (err) {
        return { kind: 'docker', reason: `the Dockerfile could not be split: ${err.message}` };
    }
}
function parseChown(chown) {
    if (!chown)
        return { uid: 0, gid: 0 };
    // "A UID without GID will use the same numeric UID as the GID" (Dockerfile reference, COPY --chown).
    const [u, g] = chown.split(':');
    return { uid: Number(u), gid: Number(g ?? u) };
}
/**
 * The layer entries of one COPY. Owner 0:0 unless `--chown` ("All new files and directories are
 * created with a UID and GID of 0", Dockerfile reference). Modes: docker keeps the context file's
 * mode; here it is 0755 or 0644 from the executable bit, which is all git records, so every
 * checkout gives the same layer (under the usual umask 022 that is exactly docker's result).
 *
 * Every parent directory is written, 0755 root:root, as docker creates a missing destination
 * directory. It cannot be left to the layer applier: docker's applier creates a parent a layer
 * does not list with mode 0600 (seen in test/images/append), which no program in the image could
 * enter. The price: a parent the base already has with another owner or mode is reset to 0755
 * root:root, where docker's own layer would carry the base's metadata (it is not known without
 * the base's layers, which are never downloaded). docs/images.md says so.
 */
async function copyEntries(contextDir, c) {
    const { uid, gid } = parseChown(c.step.copy.chown);
    const chmod = c.step.copy.chmod === undefined ? undefined : parseInt(c.step.copy.chmod, 8);
    const dest = c.step.copy.dest;
    const out = [];
    const dirs = new Map();
    for (const [target, source] of c.targets) {
        const abs = external_node_path_default().join(contextDir, source);
        const st = await (0,promises_.lstat)(abs);
        if (st.isSymbolicLink())
            out.push({ path: target, type: 'symlink', mode: 0o777, uid, gid, linkname: await (0,promises_.readlink)(abs) });
        else
            out.push({
                path: target,
                type: 'file',
                mode: chmod ?? (st.mode & 0o111 ? 0o755 : 0o644),
                uid,
                gid,
                data: await (0,promises_.readFile)(abs),
            });
        const under = dest === '/' ? '' : dest;
        for (let d = external_node_path_default().posix.dirname(target); d !== '/'; d = external_node_path_default().posix.dirname(d)) {
            // Directories a directory source brings along take the COPY's owner and mode; parents of the destination are root's.
            const inSource = d.startsWith(`${under}/`) && d !== dest;
            dirs.set(d, inSource ? { mode: chmod ?? 0o755, uid, gid } : { mode: 0o755, uid: 0, gid: 0 });
        }
    }
    for (const [d, meta] of dirs)
        out.push({ path: d, type: 'dir', ...meta });
    return out;
}
/** Offline, ECR is not asked whether the base exists: say what happens either way. */
async function offlineMethod(spec) {
    const m = await imageMethod(spec);
    if (m.kind === 'docker')
        return describeMethod(m);
    const how = `${describeMethod(m)} on ${m.baseTag} (docker builds that base first if ECR lacks it)`;
    return spec.fluentdCheck
        ? `${how}; fluentd --dry-run in the base with the new files mounted, skipped if no Docker engine answers`
        : how;
}
/**
 * The platform a task definition runs: `runtimePlatform.cpuArchitecture` ARM64 -> linux/arm64,
 * X86_64 -> linux/amd64 (ECS RuntimePlatform); undefined when it does not say (Fargate: X86_64).
 */
function taskPlatform(taskDef) {
    const rp = taskDef?.runtimePlatform;
    if (typeof rp !== 'object' || rp === null)
        return undefined;
    const arch = rp.cpuArchitecture;
    return arch === 'ARM64' ? 'linux/arm64' : arch === 'X86_64' ? 'linux/amd64' : undefined;
}


/***/ }),

/***/ 3628:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ contentHash),
/* harmony export */   Q: () => (/* binding */ parseImageRef),
/* harmony export */   fi: () => (/* binding */ resolveBaseDigests),
/* harmony export */   mB: () => (/* binding */ contentTag)
/* harmony export */ });
/* unused harmony export CONTENT_HASH_FORMAT */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * An image's identity is a hash of what its build reads: the Dockerfile bytes, the build args,
 * the base image references of every stage, the build's target platform and stage, and each
 * context file the Dockerfile uses (relative path, mode, bytes). Same inputs, same hash; so a
 * hash already present as a tag in ECR means the image need not be built again.
 *
 * Deliberately left out: mtimes, owners, file order on disk, context files the build never
 * reads and files `.dockerignore` excludes (the caller's file list already omits them), so a
 * fresh clone on another machine gets the same hash.
 */




/** Bump when what goes into the hash changes, so old tags are not mistaken for new builds. */
const CONTENT_HASH_FORMAT = 'dd-ecs-monitor/image-inputs/v1';
/**
 * Fields are length-prefixed so that no two different inputs can produce the same byte
 * stream (`a=bc` + `d` vs `a=b` + `cd`).
 */
function field(h, name, value) {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    h.update(`${name} ${bytes.length}\n`);
    h.update(bytes);
    h.update('\n');
}
/**
 * Git records only "executable or not", and checkouts apply the local umask, so 0644 on one
 * runner is 0664 on another. Hashing the raw mode would rebuild for nothing; hashing the
 * executable bit keeps what matters to the image (COPY keeps the x bit).
 */
function normalMode(mode) {
    return mode & 0o111 ? '755' : '644';
}
async function hashFileBytes(h, file, size) {
    h.update(`bytes ${size}\n`);
    // Streamed: a context may hold a large binary, and memory should not grow with it.
    await new Promise((resolve, reject) => {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file)
            .on('data', (chunk) => h.update(chunk))
            .on('error', reject)
            .on('end', resolve);
    });
    h.update('\n');
}
/** Code-unit order, not locale order: the same on every machine. */
function byCodeUnit(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Hex sha256 of the image's inputs. */
async function contentHash(input) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    field(h, 'format', CONTENT_HASH_FORMAT);
    field(h, 'dockerfile', await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(input.dockerfile));
    const args = Object.entries(input.buildArgs ?? {}).sort(([a], [b]) => byCodeUnit(a, b));
    field(h, 'build-args', String(args.length));
    for (const [k, v] of args) {
        field(h, 'arg-name', k);
        field(h, 'arg-value', v);
    }
    field(h, 'base-images', String(input.baseImages.length));
    for (const ref of input.baseImages) {
        field(h, 'base-image', ref);
        // Only when known, so a hash computed without the registry stays what it was.
        const digest = input.baseDigests?.get(ref);
        if (digest)
            field(h, 'base-digest', digest);
    }
    field(h, 'platform', input.platform ?? '');
    field(h, 'target', input.target ?? '');
    const files = [...new Set(input.files.map((f) => f.split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)).join('/')))].sort(byCodeUnit);
    field(h, 'files', String(files.length));
    for (const rel of files) {
        field(h, 'path', rel);
        const abs = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(input.contextDir, rel);
        const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(abs).catch(() => undefined);
        if (!st) {
            // The build would fail on it; the checks report it. The hash stays defined.
            field(h, 'missing', '');
        }
        else if (st.isSymbolicLink()) {
            // COPY copies a link inside the context as a link: its target text is what lands in the image.
            field(h, 'symlink', await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readlink)(abs));
        }
        else if (st.isFile()) {
            field(h, 'mode', normalMode(st.mode));
            await hashFileBytes(h, abs, st.size);
        }
        else {
            field(h, 'other', st.isDirectory() ? 'directory' : 'special');
        }
    }
    return h.digest('hex');
}
/** The ECR tag that carries a content hash: short enough to read, 128 bits so it never collides. */
function contentTag(hash) {
    return `content-${hash.slice(0, 32)}`;
}
/** `[host/]name[:tag][@digest]` split the way Docker reads it (docker.io and `library/` implied). */
function parseImageRef(ref) {
    const at = ref.indexOf('@');
    const digest = at === -1 ? undefined : ref.slice(at + 1);
    const rest = at === -1 ? ref : ref.slice(0, at);
    const slash = rest.indexOf('/');
    const first = slash === -1 ? '' : rest.slice(0, slash);
    const hasHost = slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost');
    const host = hasHost ? first : 'docker.io';
    let path = hasHost ? rest.slice(slash + 1) : rest;
    const colon = path.lastIndexOf(':');
    const tag = colon > path.lastIndexOf('/') ? path.slice(colon + 1) : 'latest';
    if (colon > path.lastIndexOf('/'))
        path = path.slice(0, colon);
    if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path))
        return undefined;
    if (host === 'docker.io' && !path.includes('/'))
        path = `library/${path}`;
    return { host, name: path, tag, ...(digest ? { digest } : {}) };
}
const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/** Loopback registries speak plain HTTP (Docker treats 127.0.0.0/8 as insecure); all others HTTPS. */
function registryBase(host) {
    if (host === 'docker.io')
        return 'https://registry-1.docker.io';
    const bare = host.replace(/:\d+$/, '');
    return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(bare) ? `http://${host}` : `https://${host}`;
}
/**
 * The digest a floating base reference points to now: a HEAD on its manifest through the registry
 * API (distribution spec: `Docker-Content-Digest`), with basic auth from `logins` (the ECR path) or
 * an anonymous bearer token where the registry asks for one (Docker Hub). References pinned by
 * digest, stages and `scratch` need nothing; the others that fail are notices, not errors.
 */
async function resolveBaseDigests(refs, opts = {}) {
    const out = { digests: new Map(), notices: [] };
    const floating = [...new Set(refs)].filter((ref) => ref !== 'scratch' && !ref.startsWith('stage:') && !parseImageRef(ref)?.digest);
    // One request (two with a token) per distinct reference, all at once: each bounded by the timeout.
    const answers = await Promise.all(floating.map(async (ref) => {
        const parsed = parseImageRef(ref);
        return [ref, parsed ? await manifestDigest(parsed, opts).catch(() => undefined) : undefined];
    }));
    for (const [ref, digest] of answers) {
        if (digest)
            out.digests.set(ref, digest);
        else
            out.notices.push(`base image ${ref} not resolved to a digest: hashed by name until its registry answers`);
    }
    return out;
}
async function manifestDigest(ref, opts) {
    const doFetch = opts.fetch ?? fetch;
    const url = `${registryBase(ref.host)}/v2/${ref.name}/manifests/${encodeURIComponent(ref.tag)}`;
    const login = opts.logins?.find((l) => l.host === ref.host);
    const basic = login ? `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}` : undefined;
    const head = (authorization) => doFetch(url, {
        method: 'HEAD',
        headers: { Accept: MANIFEST_TYPES, ...(authorization ? { Authorization: authorization } : {}) },
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    let r = await head(basic);
    if (r.status === 401) {
        const token = await bearerToken(r.headers.get('www-authenticate') ?? '', basic, opts);
        if (token)
            r = await head(`Bearer ${token}`);
    }
    if (r.status !== 200)
        return undefined;
    const digest = r.headers.get('docker-content-digest');
    return digest && /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : undefined;
}
/** The token a `Bearer realm=...,service=...,scope=...` challenge asks for (docker token auth). */
async function bearerToken(challenge, basic, opts) {
    if (!/^Bearer\s/i.test(challenge))
        return undefined;
    const params = new Map([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const realm = params.get('realm');
    if (!realm || !/^https?:\/\//.test(realm))
        return undefined;
    const url = new URL(realm);
    for (const k of ['service', 'scope']) {
        const v = params.get(k);
        if (v)
            url.searchParams.set(k, v);
    }
    const r = await (opts.fetch ?? fetch)(url, {
        headers: basic ? { Authorization: basic } : {},
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    if (r.status !== 200)
        return undefined;
    const body = (await r.json());
    const token = body.token ?? body.access_token;
    return typeof token === 'string' ? token : undefined;
}


/***/ }),

/***/ 9327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ getRegistryAuth),
/* harmony export */   JA: () => (/* binding */ EcrError),
/* harmony export */   MD: () => (/* binding */ describeRepository),
/* harmony export */   _B: () => (/* binding */ findImageByTag),
/* harmony export */   t3: () => (/* binding */ isImmutable),
/* harmony export */   vB: () => (/* binding */ createRepository),
/* harmony export */   w4: () => (/* binding */ hostOf)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8249);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4258);
/**
 * What the image step asks ECR: where a repository lives (`repositoryUri`), whether it already
 * holds a tag, and a registry password. Registry hosts always come from ECR's own answers
 * (`repositoryUri`, `proxyEndpoint`), never from account and region, so custom endpoints
 * (LocalStack, the tests' 127.0.0.1) work unchanged.
 */


/** Step, resource and cause: an AWS error that says where it happened. */
class EcrError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'EcrError';
    }
}
function wrap(step, err) {
    const name = (0,_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) ?? 'Error';
    const msg = err instanceof Error ? err.message : String(err);
    return new EcrError(`ECR ${step} failed: ${name}: ${msg}`, name);
}
/** Immutable tags cannot be overwritten; the `_WITH_EXCLUSION` variant is immutable except for listed patterns. */
function isImmutable(tagMutability) {
    return tagMutability.startsWith('IMMUTABLE');
}
function toInfo(r, name, registryId) {
    if (!r.repositoryUri)
        throw new EcrError(`ECR answered no repositoryUri for repository "${name}"`, 'MissingRepositoryUri');
    return {
        name,
        uri: r.repositoryUri,
        registryId: r.registryId ?? registryId,
        tagMutability: r.imageTagMutability ?? 'MUTABLE',
    };
}
/** The repository, or undefined when ECR says it does not exist. */
async function describeRepository(ecr, ref) {
    try {
        const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeRepositoriesCommand */ .pE_({ repositoryNames: [ref.name], registryId: ref.registryId }));
        const r = out.repositories?.find((x) => x.repositoryName === ref.name) ?? out.repositories?.[0];
        return r ? toInfo(r, ref.name, ref.registryId) : undefined;
    }
    catch (err) {
        if ((0,_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'RepositoryNotFoundException')
            return undefined;
        throw wrap(`DescribeRepositories for "${ref.name}"`, err);
    }
}
/**
 * Creates a missing repository the way a deploy pipeline wants it: immutable tags (a content
 * tag or a commit tag must never silently point somewhere else) and scan on push.
 */
async function createRepository(ecr, ref) {
    try {
        const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .CreateRepositoryCommand */ .WTe({
            repositoryName: ref.name,
            registryId: ref.registryId,
            imageTagMutability: 'IMMUTABLE',
            imageScanningConfiguration: { scanOnPush: true },
        }));
        if (!out.repository)
            throw new EcrError(`ECR CreateRepository for "${ref.name}" answered no repository`, 'MissingRepository');
        return toInfo(out.repository, ref.name, ref.registryId);
    }
    catch (err) {
        if (err instanceof EcrError)
            throw err;
        throw wrap(`CreateRepository for "${ref.name}"`, err);
    }
}
/** The image a tag points at, or undefined when the repository has no such tag. */
async function findImageByTag(ecr, ref) {
    try {
        const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeImagesCommand */ .ji5({
            repositoryName: ref.name,
            registryId: ref.registryId,
            imageIds: [{ imageTag: ref.tag }],
        }));
        const d = out.imageDetails?.[0];
        if (!d?.imageDigest)
            return undefined;
        return { digest: d.imageDigest, tags: d.imageTags ?? [ref.tag] };
    }
    catch (err) {
        if ((0,_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'ImageNotFoundException')
            return undefined;
        throw wrap(`DescribeImages for "${ref.name}:${ref.tag}"`, err);
    }
}
/** `https://host` or `http://host:port` -> `host[:port]`; a bare host is kept. */
function hostOf(endpoint) {
    return endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
}
/**
 * Registry passwords, one per registry. The token is base64 `user:password` (user `AWS`);
 * it is decoded here and handed to `docker login` on stdin only.
 */
async function getRegistryAuth(ecr, registryIds) {
    let data;
    try {
        const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .GetAuthorizationTokenCommand */ .Eu6(registryIds && registryIds.length > 0 ? { registryIds: [...registryIds] } : {}));
        data = out.authorizationData ?? [];
    }
    catch (err) {
        throw wrap('GetAuthorizationToken', err);
    }
    const auths = [];
    for (const d of data) {
        if (!d.authorizationToken || !d.proxyEndpoint)
            continue;
        const decoded = Buffer.from(d.authorizationToken, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0) {
            // Never quote the token: it is the password.
            throw new EcrError(`ECR GetAuthorizationToken answered a token for ${hostOf(d.proxyEndpoint)} that is not "user:password"`, 'BadToken');
        }
        auths.push({
            host: hostOf(d.proxyEndpoint),
            username: decoded.slice(0, colon),
            password: decoded.slice(colon + 1),
        });
    }
    if (auths.length === 0)
        throw new EcrError('ECR GetAuthorizationToken answered no authorization data', 'NoAuthorizationData');
    return auths;
}


/***/ }),

/***/ 1456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JA: () => (/* reexport */ images_ecr/* EcrError */.JA),
  qY: () => (/* reexport */ ImageBuildError),
  rd: () => (/* reexport */ buildImages),
  mB: () => (/* reexport */ content_hash/* contentTag */.mB),
  bE: () => (/* reexport */ imageInputs),
  FY: () => (/* reexport */ lookUpImages),
  oV: () => (/* reexport */ parsedImageInputs),
  dl: () => (/* reexport */ plannedImageMethod)
});

// UNUSED EXPORTS: CONTENT_HASH_FORMAT, DRY_RUN_CODES, commitTag, contentHash, findingsFromDryRun, fluentdDryRun, isImmutable, resolveBaseDigests

// EXTERNAL MODULE: ./src/exec.ts
var src_exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/images/append-plan.ts + 1 modules
var append_plan = __webpack_require__(2615);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/images/docker-argv.ts
/**
 * Docker command lines as plain data: every argv the image step runs is built here, so tests
 * can assert the exact arrays. Nothing here runs anything.
 */
function sortedBuildArgs(args) {
    return Object.entries(args ?? {})
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]);
}
function common(input) {
    return [
        '--file',
        input.dockerfile,
        ...input.tags.flatMap((t) => ['--tag', t]),
        ...sortedBuildArgs(input.buildArgs),
        ...(input.platform ? ['--platform', input.platform] : []),
        ...(input.target ? ['--target', input.target] : []),
    ];
}
/** `docker buildx build ...`: BuildKit, per-image cache, no provenance attestation. */
function buildxBuildArgv(input) {
    return [
        'buildx',
        'build',
        ...common(input),
        // Provenance turns the push into an image index with an attestation manifest; ECR and
        // ECS want the plain image manifest whose digest the task definition pins.
        '--provenance=false',
        ...(input.ghaCacheScope
            ? [
                '--cache-from',
                `type=gha,scope=${input.ghaCacheScope}`,
                '--cache-to',
                `type=gha,scope=${input.ghaCacheScope},mode=max`,
            ]
            : []),
        '--metadata-file',
        input.metadataFile,
        input.output === 'push' ? '--push' : '--load',
        input.contextDir,
    ];
}
/** `docker build ...` with the classic builder, where buildx is missing. */
function legacyBuildArgv(input) {
    return ['build', ...common(input), input.contextDir];
}
function pushArgv(ref) {
    return ['push', ref];
}
/** The password comes on stdin; the registry is the bare host, as image references name it. */
function loginArgv(host, username) {
    return ['login', '--username', username, '--password-stdin', host];
}
/** All repo digests of a local image; the caller picks the one for its repository. */
function repoDigestsArgv(ref) {
    return ['image', 'inspect', '--format', '{{json .RepoDigests}}', ref];
}
function buildxVersionArgv() {
    return ['buildx', 'version'];
}
function buildxInspectArgv() {
    return ['buildx', 'inspect'];
}
/**
 * `docker run` of the image's own fluentd in dry-run mode: no network (nothing to reach, and
 * a dry run must not send logs anywhere), never a pull (the image was just built here).
 */
function fluentdDryRunArgv(input) {
    return [
        'run',
        '--rm',
        '--pull=never',
        '--network',
        'none',
        '--name',
        input.containerName,
        ...Object.entries(input.env ?? {})
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .flatMap(([k, v]) => ['--env', `${k}=${v}`]),
        ...(input.mounts ?? []).flatMap((m) => ['--mount', `type=bind,source=${m.source},target=${m.target},readonly`]),
        ...(input.user ? ['--user', input.user] : []),
        // The official image's entrypoint is a wrapper script; run fluentd itself.
        '--entrypoint',
        'fluentd',
        input.image,
        '--dry-run',
        '-c',
        input.configPath,
    ];
}
function removeContainerArgv(name) {
    return ['rm', '--force', name];
}
const DIGEST = /sha256:[0-9a-f]{64}/;
/** `docker push` ends with `<tag>: digest: sha256:... size: N`. */
function digestFromPushOutput(stdout) {
    const m = /: digest: (sha256:[0-9a-f]{64}) size: \d+/.exec(stdout);
    return m?.[1];
}
/** buildx `--metadata-file` JSON: `containerimage.digest` is the pushed manifest's digest. */
function digestFromMetadata(json) {
    try {
        const v = JSON.parse(json)['containerimage.digest'];
        return typeof v === 'string' && DIGEST.test(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
/** From `{{json .RepoDigests}}`, the digest under this repository (an image may sit in several). */
function digestFromRepoDigests(json, repositoryUri) {
    try {
        const list = JSON.parse(json);
        if (!Array.isArray(list))
            return undefined;
        for (const item of list) {
            if (typeof item !== 'string')
                continue;
            const at = item.lastIndexOf('@');
            if (item.slice(0, at) === repositoryUri && DIGEST.test(item.slice(at + 1)))
                return item.slice(at + 1);
        }
    }
    catch {
        return undefined;
    }
    return undefined;
}
/** `docker buildx inspect` prints `Driver: docker-container`; the `docker` driver cannot export cache. */
function driverFromInspect(stdout) {
    return /^Driver:\s*(\S+)/m.exec(stdout)?.[1];
}
/** The classic builder's deprecation banner: noise that must not crowd the cause out of an error. */
function isLegacyBuilderNotice(line) {
    return /^DEPRECATED: The legacy builder is deprecated|^\s+(Install the buildx component|https:\/\/docs\.docker\.com\/go\/buildx\/)/.test(line);
}

// EXTERNAL MODULE: ./src/images/ecr.ts
var images_ecr = __webpack_require__(9327);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/checks/findings.ts
var checks_findings = __webpack_require__(671);
;// CONCATENATED MODULE: ./src/images/fluentd-dry-run.ts
/**
 * The real engine's opinion of the Fluentd config: the built image's own `fluentd --dry-run`
 * (its Ruby, its gems, its plugins), turned into findings. The static checker cannot know which
 * plugins the image really has or what their `configure` demands; this can.
 *
 * How fluentd reports (CONFIG-FACTS B7): on a configure-time error the supervisor logs
 * `[error]: config error file="<path>" error_class=Fluent::ConfigError error="<msg>"` and exits 1
 * (parse errors carry `at <file> line L,C` with a 0-based column); any other exception logs
 * `unexpected error`; success logs `finished dry run mode` and exits 0. The logger writes values
 * with Ruby's `inspect`, so the message is one line with `\n` and `\"` escapes.
 */




const DRY_RUN_CODES = {
    configError: 'fluentd/dry-run-config-error',
    failed: 'fluentd/dry-run-failed',
    unavailable: 'fluentd/dry-run-unavailable',
};
/** Undoes Ruby's `String#inspect` escaping. */
function rubyUnescape(s) {
    return s.replace(/\\(u\{[0-9a-fA-F ]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, esc) => {
        if (esc.startsWith('u{')) {
            return esc
                .slice(2, -1)
                .trim()
                .split(/\s+/)
                .map((h) => String.fromCodePoint(parseInt(h, 16)))
                .join('');
        }
        if (esc.length > 1 && (esc[0] === 'u' || esc[0] === 'x'))
            return String.fromCharCode(parseInt(esc.slice(1), 16));
        const simple = {
            n: '\n',
            t: '\t',
            r: '\r',
            e: '\x1b',
            s: ' ',
            '0': '\0',
            a: '\x07',
            b: '\b',
            f: '\f',
            v: '\v',
        };
        return simple[esc] ?? esc;
    });
}
const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const CONFIG_ERROR = new RegExp(`\\[error\\]: config error(?: file=${QUOTED})?(?: error_class=(\\S+))? error=${QUOTED}`);
const UNEXPECTED_ERROR = new RegExp(`\\[error\\]: unexpected error(?: error_class=(\\S+))?(?: error=${QUOTED})?`);
/** Fluentd's own error line in its log, if there is one. */
function parseFluentdLog(text) {
    const c = CONFIG_ERROR.exec(text);
    if (c) {
        return {
            kind: 'config',
            loggedFile: c[1] === undefined ? undefined : rubyUnescape(c[1]),
            errorClass: c[2],
            message: rubyUnescape(c[3] ?? ''),
        };
    }
    const u = UNEXPECTED_ERROR.exec(text);
    if (u)
        return { kind: 'unexpected', errorClass: u[1], message: rubyUnescape(u[2] ?? ''), loggedFile: undefined };
    return undefined;
}
/** `... at /fluentd/etc/fluent.conf line 2,15` -> that file, line 2, 1-based column 16. */
function parseLocation(message) {
    const m = /^([\s\S]*?) at (\S.*?) line (\d+),(\d+)$/m.exec(message.split('\n')[0] ?? '');
    if (!m)
        return undefined;
    return { rest: m[1] ?? '', path: m[2] ?? '', line: Number(m[3]), column: Number(m[4]) + 1 };
}
function repoPathFor(imagePath, place) {
    if (!imagePath)
        return undefined;
    if (imagePath === place.configPath)
        return place.file;
    return place.files?.get(imagePath);
}
/** For messages that name a plugin or an id, the line of the config that uses it. */
function locateInSource(message, text) {
    if (!text)
        return undefined;
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let re;
    const plugin = /^Unknown \w+ plugin '([^']+)'/.exec(message);
    const dupId = /^Duplicated plugin id `([^`]+)`/.exec(message);
    if (plugin?.[1])
        re = new RegExp(`^[ \\t]*@type[ \\t]+["']?${escape(plugin[1])}["']?[ \\t]*(?:#.*)?$`, 'gm');
    else if (dupId?.[1])
        re = new RegExp(`^[ \\t]*@id[ \\t]+["']?${escape(dupId[1])}["']?[ \\t]*(?:#.*)?$`, 'gm');
    if (!re)
        return undefined;
    const hits = [...text.matchAll(re)];
    // A duplicated id is wrong at its second use.
    const hit = dupId ? hits[1] : hits[0];
    if (!hit || hit.index === undefined)
        return undefined;
    const lines = new checks_findings/* LineIndex */.rr(text);
    const at = lines.position(hit.index);
    const indent = /^[ \t]*/.exec(hit[0])?.[0].length ?? 0;
    return { line: at.line, column: at.column + indent };
}
/** docker's own complaint (`docker: Error response from daemon: ...`), not the `--help` hint after it. */
function dockerErrorLine(stderr) {
    const lines = stderr.split(/\r?\n/).map((l) => l.trim());
    return lines.find((l) => /^docker: |Error response from daemon/.test(l)) ?? (0,src_exec/* tailLines */.os)(stderr, 1);
}
/** Turns a dry run's output into findings: none when fluentd accepted the config. */
function findingsFromDryRun(out, place) {
    const at1 = { file: place.file, line: 1, column: 1 };
    if (out.timedOut) {
        return [
            {
                ...at1,
                severity: 'warning',
                code: DRY_RUN_CODES.unavailable,
                message: (0,checks_findings/* oneLine */.TN)(`fluentd --dry-run in image ${place.image} did not finish in time, so the real engine did not check this config; look at the image's startup`),
            },
        ];
    }
    if (out.exitCode === 0)
        return [];
    const logged = parseFluentdLog(`${out.stdout}\n${out.stderr}`);
    if (!logged) {
        // 125: docker could not create the container; 126/127: no runnable `fluentd` in the image.
        if (out.exitCode >= 125 && out.exitCode <= 127) {
            const why = dockerErrorLine(out.stderr) || `exit code ${out.exitCode}`;
            return [
                {
                    ...at1,
                    severity: 'warning',
                    code: DRY_RUN_CODES.unavailable,
                    message: (0,checks_findings/* oneLine */.TN)(`could not run fluentd --dry-run in image ${place.image} (${why}); the real engine did not check this config (an image without fluentd on PATH cannot be checked: turn the dry run off for it)`),
                },
            ];
        }
        const why = (0,src_exec/* tailLines */.os)(`${out.stdout}\n${out.stderr}`, 1) || 'no output';
        return [
            {
                ...at1,
                severity: 'error',
                code: DRY_RUN_CODES.failed,
                message: (0,checks_findings/* oneLine */.TN)(`fluentd --dry-run in image ${place.image} failed with exit code ${out.exitCode}: ${why}`),
            },
        ];
    }
    const parsed = parseLocation(logged.message);
    // A location inside a file the repository does not provide stays in the message instead.
    const loc = parsed && repoPathFor(parsed.path, place) ? parsed : undefined;
    const firstLine = (loc?.rest ?? logged.message.split('\n')[0] ?? '').trim();
    const cls = logged.errorClass ? ` (${logged.errorClass})` : '';
    const file = repoPathFor(loc?.path, place) ?? repoPathFor(logged.loggedFile, place) ?? place.file;
    const pos = loc
        ? { line: loc.line, column: loc.column }
        : (locateInSource(firstLine, place.sources?.get(file)) ?? { line: 1, column: 1 });
    if (logged.kind === 'unexpected') {
        return [
            {
                file,
                ...pos,
                severity: 'error',
                code: DRY_RUN_CODES.failed,
                message: (0,checks_findings/* oneLine */.TN)(`fluentd --dry-run in image ${place.image} crashed: ${firstLine || 'unexpected error'}${cls}`),
            },
        ];
    }
    return [
        {
            file,
            ...pos,
            severity: 'error',
            code: DRY_RUN_CODES.configError,
            message: (0,checks_findings/* oneLine */.TN)(`fluentd in image ${place.image} rejects this config: ${firstLine}${cls}`),
        },
    ];
}
/** Runs `fluentd --dry-run -c <configPath>` inside the image (no network) and returns findings. */
async function fluentdDryRun(opts) {
    const exec = opts.exec ?? src_exec/* runProcess */.R3;
    const containerName = `dd-ecs-monitor-dry-run-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const argv = fluentdDryRunArgv({
        image: opts.image,
        configPath: opts.configPath,
        containerName,
        env: opts.env,
        ...(opts.mounts ? { mounts: opts.mounts } : {}),
        ...(opts.user ? { user: opts.user } : {}),
    });
    opts.log.info(`fluentd --dry-run -c ${opts.configPath} in ${opts.image}`);
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), opts.timeoutMs ?? 120_000);
    });
    const run = exec('docker', argv, { env: opts.dockerEnv });
    try {
        const first = await Promise.race([run, timeout]);
        if (first === 'timeout') {
            // Removing the container ends `docker run`, so nothing is left behind.
            await exec('docker', removeContainerArgv(containerName), { env: opts.dockerEnv });
            await run.catch(() => undefined);
            return findingsFromDryRun({ exitCode: -1, stdout: '', stderr: '', timedOut: true }, { ...opts });
        }
        for (const line of `${first.stdout}\n${first.stderr}`.split('\n'))
            if (line.trim())
                opts.log.debug(`fluentd: ${line}`);
        return findingsFromDryRun(first, { ...opts });
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/images/build-one.ts
/**
 * Building and pushing one image, given a logged-in docker session and a chosen builder.
 * buildx pushes itself (`--push`), except for an image that fluentd must check first: that one
 * is loaded into the engine, checked, and only then pushed. The classic builder always builds
 * locally, so the check sits naturally between `docker build` and `docker push`.
 */






function fileSafe(key) {
    return key.replace(/[^A-Za-z0-9_.-]/g, '_');
}
async function buildOne(input) {
    const { spec, repo, session, exec, log } = input;
    const refs = input.tags.map((t) => `${repo.uri}:${t}`);
    const onLine = (line) => log.debug(`[${spec.key}] ${line}`);
    const base = {
        dockerfile: spec.dockerfile,
        contextDir: spec.contextDir,
        tags: refs,
        buildArgs: spec.buildArgs,
        platform: spec.platform,
        target: spec.target,
    };
    let digest;
    let pushed = false;
    if (input.builder.kind === 'buildx') {
        const metadataFile = external_node_path_default().join(session.configDir, `${fileSafe(spec.key)}.metadata.json`);
        const output = input.checkFluentd ? 'load' : 'push';
        if (output === 'push') {
            const meanwhile = await pushedMeanwhile(input);
            if (meanwhile)
                return { digest: meanwhile, pushedTags: [], findings: [], blocked: false };
        }
        log.info(`building ${spec.key} with docker buildx (${output}) -> ${refs.join(', ')}`);
        await (0,src_exec/* runChecked */.X4)(exec, 'docker', buildxBuildArgv({ ...base, output, metadataFile, ghaCacheScope: input.builder.ghaCache ? spec.key : undefined }), { step: `docker buildx build of image "${spec.key}"`, env: session.env, onLine });
        if (output === 'push') {
            pushed = true;
            digest = digestFromMetadata(await (0,promises_.readFile)(metadataFile, 'utf8').catch(() => ''));
        }
    }
    else {
        log.info(`building ${spec.key} with docker build -> ${refs.join(', ')}`);
        await (0,src_exec/* runChecked */.X4)(exec, 'docker', legacyBuildArgv(base), {
            step: `docker build of image "${spec.key}"`,
            // The CLI would otherwise try BuildKit, which needs the missing buildx plugin.
            env: { ...session.env, DOCKER_BUILDKIT: '0' },
            onLine,
            ignoreLine: isLegacyBuilderNotice,
        });
    }
    let findings = [];
    if (input.checkFluentd && spec.fluentdCheck) {
        findings = await fluentdDryRun({ ...spec.fluentdCheck, image: refs[0] ?? '', exec, log, dockerEnv: session.env });
        if (findings.some((f) => f.severity === 'error')) {
            log.warning(`image ${spec.key} was built but not pushed: fluentd rejects its config`);
            return { digest: undefined, pushedTags: [], findings, blocked: true };
        }
    }
    if (!pushed) {
        const meanwhile = await pushedMeanwhile(input);
        if (meanwhile)
            return { digest: meanwhile, pushedTags: [], findings, blocked: false };
        for (const [i, ref] of refs.entries()) {
            log.info(`docker push ${ref}`);
            const res = await (0,src_exec/* runChecked */.X4)(exec, 'docker', pushArgv(ref), {
                step: `docker push of ${ref}`,
                env: session.env,
                onLine,
            });
            if (i === 0)
                digest = digestFromPushOutput(res.stdout);
        }
        if (!digest && refs[0]) {
            const res = await exec('docker', repoDigestsArgv(refs[0]), { env: session.env });
            if (res.exitCode === 0)
                digest = digestFromRepoDigests(res.stdout.trim(), repo.uri);
        }
    }
    // Last resort, and the registry's own word: what the content tag points at now.
    if (!digest && input.tags[0]) {
        digest = (await (0,images_ecr/* findImageByTag */._B)(input.ecr, { name: repo.name, registryId: repo.registryId, tag: input.tags[0] }))
            ?.digest;
    }
    if (!digest)
        throw new Error(`pushed ${refs[0]} but could not learn its digest from docker or ECR`);
    return { digest, pushedTags: [...input.tags], findings, blocked: false };
}
/**
 * The content tag, looked up again right before a push: another run (a second CI job, a laptop)
 * may have pushed the same inputs while this one was building. Then its digest is reused and
 * nothing is pushed twice. Returns that digest, or undefined to go ahead.
 */
async function pushedMeanwhile(input) {
    const tag = input.tags[0];
    if (!tag)
        return undefined;
    const found = await (0,images_ecr/* findImageByTag */._B)(input.ecr, { name: input.repo.name, registryId: input.repo.registryId, tag });
    if (found) {
        const ref = `${input.repo.uri}:${tag}`;
        input.log.info(`image ${input.spec.key}: ${ref} appeared in ECR while this run was building (pushed by another run): ` +
            `not pushing it again, reusing ${found.digest}`);
    }
    return found?.digest;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path/posix"
var posix_ = __webpack_require__(3916);
var posix_default = /*#__PURE__*/__webpack_require__.n(posix_);
// EXTERNAL MODULE: ./src/project/dockerfile.ts + 1 modules
var dockerfile = __webpack_require__(2552);
// EXTERNAL MODULE: ./src/project/shell-words.ts
var shell_words = __webpack_require__(719);
;// CONCATENATED MODULE: ./src/images/registry/image-config.ts
/**
 * Manifests and image configs as the append reads and writes them (OCI image spec, Docker image
 * manifest v2 schema 2), and the config tail applied to a config the way docker's builder does:
 * - ENV replaces an existing `NAME=` entry in place, else appends (builder dispatchers, `dispatchEnv`);
 * - ENTRYPOINT resets CMD unless CMD was set earlier in the stage (Dockerfile reference: "If CMD is
 *   defined from the base image, setting ENTRYPOINT will reset CMD to an empty value");
 * - shell forms run through the image's SHELL, default `["/bin/sh", "-c"]`;
 * - ENV, LABEL, USER, WORKDIR and EXPOSE expand variables from the image's env and the stage's ARGs
 *   (Dockerfile reference, "Environment replacement"); CMD and ENTRYPOINT do not;
 * - EXPOSE `8000-8001/udp` sets each port, protocol lower-cased, `tcp` by default.
 * Each COPY adds a diff_id and a history entry; metadata adds an `empty_layer` history entry.
 */



const MEDIA = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
};
const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest];
/** `linux/arm64/v8` -> parts; default linux/amd64 (Fargate's default runtimePlatform). */
function parsePlatform(text) {
    const [os = 'linux', architecture = 'amd64', variant] = (text || 'linux/amd64').split('/');
    return { os, architecture, ...(variant ? { variant } : {}) };
}
/** The index entry for a platform; arm64 without a variant matches `v8`, as containerd does. */
function pickPlatform(entries, want) {
    return entries.find((d) => {
        const p = d.platform;
        if (!p || p.os !== want.os || p.architecture !== want.architecture)
            return false;
        if (!want.variant || !p.variant)
            return true;
        return p.variant === want.variant;
    });
}
function isIndex(mediaType) {
    return mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList;
}
/** Layer and config media types in the base manifest's family: never mix Docker and OCI. */
function familyOf(manifestType) {
    return manifestType === MEDIA.ociManifest
        ? { manifest: MEDIA.ociManifest, config: MEDIA.ociConfig, layer: MEDIA.ociLayer }
        : { manifest: MEDIA.dockerManifest, config: MEDIA.dockerConfig, layer: MEDIA.dockerLayer };
}
class TailApplier {
    cfg;
    ctx;
    cmdSet;
    constructor(cfg, ctx) {
        this.cfg = cfg;
        this.ctx = ctx;
        this.cmdSet = ctx.cmdSetInBase;
    }
    /** Variables as docker sees them: the stage's ARGs, overridden by the image's env. */
    scope() {
        const m = new Map(Object.entries(this.ctx.args));
        for (const e of this.cfg.Env ?? []) {
            const eq = e.indexOf('=');
            if (eq > 0)
                m.set(e.slice(0, eq), e.slice(eq + 1));
        }
        return m;
    }
    expand(word) {
        return (0,shell_words/* expandWord */.V)(word, this.scope(), this.ctx.escape).value;
    }
    /** `A=1 B="x y"` or the legacy `A value with spaces`; values expanded, quotes removed. */
    pairs(args) {
        const words = (0,shell_words/* splitWords */.y)(args, this.ctx.escape, true);
        const first = words[0];
        if (!first)
            return [];
        if (!first.raw.includes('='))
            return [[first.raw, args.slice(first.offset + first.raw.length).trim()]];
        const scope = this.scope();
        return words
            .filter((w) => w.raw.indexOf('=') > 0)
            .map((w) => {
            const eq = w.raw.indexOf('=');
            return [
                (0,shell_words/* expandWord */.V)(w.raw.slice(0, eq), scope, this.ctx.escape).value,
                (0,shell_words/* expandWord */.V)(w.raw.slice(eq + 1), scope, this.ctx.escape).value,
            ];
        });
    }
    shellForm(args) {
        return (0,dockerfile/* parseJsonArray */.dt)(args) ?? [...(this.cfg.Shell?.length ? this.cfg.Shell : ['/bin/sh', '-c']), args.trim()];
    }
    apply(keyword, args) {
        const c = this.cfg;
        switch (keyword) {
            case 'env':
                for (const [k, v] of this.pairs(args)) {
                    const env = [...(c.Env ?? [])];
                    const i = env.findIndex((e) => e.slice(0, e.indexOf('=') === -1 ? e.length : e.indexOf('=')) === k);
                    if (i === -1)
                        env.push(`${k}=${v}`);
                    else
                        env[i] = `${k}=${v}`;
                    c.Env = env;
                }
                return;
            case 'label':
                c.Labels = { ...(c.Labels ?? {}), ...Object.fromEntries(this.pairs(args)) };
                return;
            case 'user':
                c.User = this.expand(args.trim());
                return;
            case 'workdir': {
                const dir = this.expand(args.trim());
                c.WorkingDir = posix_default().normalize(dir.startsWith('/') ? dir : posix_default().join(c.WorkingDir || '/', dir))
                    .replace(/(.)\/+$/, '$1');
                return;
            }
            case 'expose':
                c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
                for (const w of args.trim().split(/\s+/).filter(Boolean))
                    for (const p of exposedPorts(this.expand(w)))
                        c.ExposedPorts[p] = {};
                return;
            case 'entrypoint':
                c.Entrypoint = this.shellForm(args);
                if (!this.cmdSet)
                    c.Cmd = null;
                return;
            case 'cmd':
                c.Cmd = this.shellForm(args);
                this.cmdSet = true;
                return;
            default:
                return; // ARG: already in ctx.args
        }
    }
}
/** `80`, `80/udp`, `8000-8002/tcp` -> `80/tcp`, ... */
function exposedPorts(spec) {
    const m = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(spec);
    if (!m)
        return [spec.includes('/') ? spec.toLowerCase() : `${spec}/tcp`];
    const proto = (m[3] ?? 'tcp').toLowerCase();
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    const out = [];
    for (let p = from; p <= to && out.length < 65536; p++)
        out.push(`${p}/${proto}`);
    return out;
}
/**
 * The new config: the base's, with the tail applied, the COPY layers' diff_ids appended, and a
 * history entry per instruction. `created` stays the base's: the same inputs give the same bytes.
 */
function appendConfig(base, steps, ctx) {
    const out = JSON.parse(JSON.stringify(base));
    // They describe the container that made the base's last layer, not this image.
    delete out.container;
    delete out.container_config;
    const cfg = out.config ?? {};
    out.config = cfg;
    const applier = new TailApplier(cfg, ctx);
    const diffIds = [...(out.rootfs?.diff_ids ?? [])];
    const history = [...(out.history ?? [])];
    let layer = 0;
    for (const s of steps) {
        const entry = {
            ...(out.created ? { created: out.created } : {}),
            created_by: `${s.text} # dd-ecs-monitor layer append`,
        };
        if (s.kind === 'copy') {
            const id = ctx.diffIds[layer++];
            if (id)
                diffIds.push(id);
        }
        else {
            applier.apply(s.keyword, s.args);
            entry.empty_layer = true;
        }
        history.push(entry);
    }
    out.rootfs = { type: 'layers', diff_ids: diffIds };
    out.history = history;
    return out;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/images/registry/layer.ts
/**
 * One reproducible gzipped tar layer: the same entries always give the same bytes, so the same
 * digest, so a re-run pushes nothing new and an IMMUTABLE repository never sees a conflict.
 * - entries sorted by path (code units), directories before what they hold;
 * - every time field fixed (mtime 0), no user or group names, owner 0:0 unless given;
 * - gzip with a fixed level and a header with no mtime and no file name (RFC 1952: MTIME 0 means
 *   "no time stamp"), OS byte fixed to 3 (Unix) whatever machine runs this.
 * Paths longer than the ustar name/prefix split allows get a PAX `path` record, as Go's
 * archive/tar (which docker uses) does.
 */


/** Fixed so the bytes never depend on zlib's default. */
const GZIP_LEVEL = 6;
const BLOCK = 512;
function sha256(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
function octal(value, width) {
    return `${value.toString(8).padStart(width - 1, '0')}\0`;
}
/** ustar keeps up to 100 bytes of name plus 155 of prefix, split at a `/`. */
function splitName(name) {
    if (Buffer.byteLength(name) <= 100)
        return { name, prefix: '' };
    for (let i = name.length - 1; i > 0; i--) {
        if (name[i] !== '/')
            continue;
        const prefix = name.slice(0, i);
        const rest = name.slice(i + 1);
        if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest)
            return { name: rest, prefix };
    }
    return undefined;
}
function header(h) {
    const b = Buffer.alloc(BLOCK);
    b.write(h.name, 0, 100, 'utf8');
    b.write(octal(h.mode, 8), 100, 8, 'ascii');
    b.write(octal(h.uid, 8), 108, 8, 'ascii');
    b.write(octal(h.gid, 8), 116, 8, 'ascii');
    b.write(octal(h.size, 12), 124, 12, 'ascii');
    b.write(octal(0, 12), 136, 12, 'ascii');
    b.write('        ', 148, 8, 'ascii');
    b.write(h.type, 156, 1, 'ascii');
    b.write(h.linkname, 157, 100, 'utf8');
    b.write('ustar\u000000', 257, 8, 'ascii');
    b.write(octal(0, 8), 329, 8, 'ascii');
    b.write(octal(0, 8), 337, 8, 'ascii');
    b.write(h.prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const byte of b)
        sum += byte;
    b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
    return b;
}
function padded(data) {
    const rest = data.length % BLOCK;
    return rest === 0 ? [data] : [data, Buffer.alloc(BLOCK - rest)];
}
/** A PAX record: `"<len> key=value\n"`, where len counts the whole record, itself included. */
function paxRecord(key, value) {
    const body = ` ${key}=${value}\n`;
    const n = Buffer.byteLength(body);
    let total = n + 1;
    while (total !== n + String(total).length)
        total = n + String(total).length;
    return `${total}${body}`;
}
function entryBlocks(e) {
    const rel = e.path.replace(/^\/+/, '') + (e.type === 'dir' ? '/' : '');
    const data = e.type === 'file' ? (e.data ?? Buffer.alloc(0)) : Buffer.alloc(0);
    const type = e.type === 'file' ? '0' : e.type === 'dir' ? '5' : '2';
    const base = { mode: e.mode, uid: e.uid, gid: e.gid, size: data.length, type, linkname: e.linkname ?? '' };
    const out = [];
    let split = splitName(rel);
    if (!split || Buffer.byteLength(base.linkname) > 100) {
        let pax = '';
        if (!split)
            pax += paxRecord('path', rel);
        if (Buffer.byteLength(base.linkname) > 100)
            pax += paxRecord('linkpath', base.linkname);
        const paxData = Buffer.from(pax, 'utf8');
        out.push(header({
            name: 'PaxHeaders/entry',
            prefix: '',
            mode: 0o644,
            uid: 0,
            gid: 0,
            size: paxData.length,
            type: 'x',
            linkname: '',
        }));
        out.push(...padded(paxData));
        split = split ?? { name: rel.slice(-100), prefix: '' };
        base.linkname = base.linkname.slice(0, 100);
    }
    out.push(header({ ...base, ...split }));
    if (data.length)
        out.push(...padded(data));
    return out;
}
function byPath(a, b) {
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
/** The layer for these entries; duplicates keep the last one (a later COPY wins, as in docker). */
function buildLayer(entries) {
    const unique = new Map();
    for (const e of entries)
        unique.set(e.path, e);
    const sorted = [...unique.values()].sort(byPath);
    const tar = Buffer.concat([...sorted.flatMap(entryBlocks), Buffer.alloc(BLOCK * 2)]);
    const blob = (0,external_node_zlib_.gzipSync)(tar, { level: GZIP_LEVEL });
    // RFC 1952: bytes 4-7 MTIME (0 = none), byte 9 OS. Fixed, so the machine never shows through.
    blob.writeUInt32LE(0, 4);
    blob[9] = 3;
    const files = sorted.filter((e) => e.type === 'file');
    return {
        blob,
        digest: sha256(blob),
        diffId: sha256(tar),
        files: files.length,
        bytes: files.reduce((n, e) => n + (e.data?.length ?? 0), 0),
    };
}

;// CONCATENATED MODULE: ./src/images/registry/base-config.ts
/**
 * The base's image config, published where an append reads it with a manifest GET instead of a blob
 * GET: beside `base-<hash>` (left exactly as docker pushed it, so appended digests do not change),
 * the tag `base-<hash>-config` holds an OCI image manifest of the same config and layers whose
 * annotation `io.dd-ecs-monitor.base-config` is the config's bytes in base64.
 * - OCI image spec, annotations.md: annotations are a string-to-string map on image manifests,
 *   keys in reverse domain notation; consumers ignore unknown keys. The manifest is a plain, pullable
 *   image (same blobs; media types are the OCI ones, blobs are content-addressed).
 * - Size: distribution-spec ("clients and registries SHOULD expect to support manifest pushes of at
 *   least 4 megabytes", opencontainers/distribution-spec#293); ECR's limit is 4 MiB too. A config
 *   whose manifest would pass MAX_BYTES is not published; appends then read its blob as before.
 * - Immutable tags: only a new tag is PUT, never one that exists; the base tag is not touched.
 * - Trust: the decoded bytes must hash to the base manifest's config digest, else they are unused.
 */


const BASE_CONFIG_ANNOTATION = 'io.dd-ecs-monitor.base-config';
/** Well under the 4 MiB that the distribution spec and ECR accept. */
const MAX_BYTES = 1024 * 1024;
function configTagOf(baseTag) {
    return `${baseTag}-config`;
}
function ociLayerType(mediaType) {
    if (mediaType === MEDIA.dockerLayer)
        return MEDIA.ociLayer;
    if (mediaType === 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip')
        return 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip';
    return mediaType;
}
/** The OCI manifest that carries `config` (the base's config bytes) beside the base's own descriptors. */
function baseConfigManifest(base, config) {
    const doc = {
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        config: { mediaType: MEDIA.ociConfig, digest: base.config.digest, size: base.config.size },
        layers: base.layers.map((l) => ({ mediaType: ociLayerType(l.mediaType), digest: l.digest, size: l.size })),
        annotations: { [BASE_CONFIG_ANNOTATION]: config.toString('base64') },
    };
    const bytes = Buffer.from(JSON.stringify(doc), 'utf8');
    return bytes.length <= MAX_BYTES ? bytes : undefined;
}
/** The config bytes from a `-config` manifest, if they are there and hash to `base`'s config digest. */
function configFromManifest(bytes, base) {
    let doc;
    try {
        doc = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return { missing: 'its config manifest is not JSON' };
    }
    const text = doc.annotations?.[BASE_CONFIG_ANNOTATION];
    if (typeof text !== 'string')
        return { missing: `its config manifest has no ${BASE_CONFIG_ANNOTATION} annotation` };
    const config = Buffer.from(text, 'base64');
    if (sha256(config) !== base.config.digest)
        return { missing: `its config manifest holds another config than ${base.config.digest}` };
    return { config };
}
/** Reads the config from `<baseTag>-config`: one manifest GET; a 404 says the base predates it. */
async function readBaseConfig(client, baseTag, base) {
    try {
        const got = await client.manifest(configTagOf(baseTag), [MEDIA.ociManifest]);
        return configFromManifest(got.bytes, base);
    }
    catch (err) {
        const status = err.status;
        if (status === 404)
            return { missing: `${configTagOf(baseTag)} is not in the repository` };
        throw err;
    }
}
/** PUTs `<baseTag>-config`; false (and why) when the config is too large or the registry refuses it. */
async function publishBaseConfig(client, baseTag, base, config) {
    const bytes = baseConfigManifest(base, config);
    if (!bytes)
        return { published: false, why: `its config manifest would pass ${MAX_BYTES} bytes` };
    try {
        await client.putManifest(configTagOf(baseTag), MEDIA.ociManifest, bytes);
        return { published: true };
    }
    catch (err) {
        return { published: false, why: err.message };
    }
}

;// CONCATENATED MODULE: ./src/images/registry/append.ts
/**
 * The config tail appended to the base image through the registry, without Docker: read the
 * base manifest (for an index, the entry of the task's platform) and config, build one layer per
 * COPY, write the new config, upload what the repository lacks, PUT the manifest under each tag.
 * No base layer is read: the new manifest lists the base's layer descriptors as they are, and the
 * blobs are already in the same repository. No blob at all is read when the base's config was
 * published as `base-<hash>-config` (base-config.ts); a base pushed without it (by an older version
 * or by hand) has its config blob read once, and the `-config` manifest is then published for next time.
 */



function parseJson(bytes, what) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new Error(`${what} is not JSON`);
    }
}
/** The base's single-platform manifest: itself, or its index's entry for `platform`. */
async function baseManifest(client, ref, platform) {
    const got = await client.manifest(ref, MANIFEST_ACCEPT);
    let doc = parseJson(got.bytes, `manifest of ${ref}`);
    let mediaType = doc.mediaType ?? got.mediaType;
    if (isIndex(mediaType) || Array.isArray(doc.manifests)) {
        const entry = pickPlatform(doc.manifests ?? [], platform);
        if (!entry) {
            const have = (doc.manifests ?? []).map((m) => `${m.platform?.os}/${m.platform?.architecture}`).join(', ');
            throw new Error(`base ${ref} has no ${platform.os}/${platform.architecture} image (it has ${have || 'none'})`);
        }
        const one = await client.manifest(entry.digest, [MEDIA.ociManifest, MEDIA.dockerManifest]);
        doc = parseJson(one.bytes, `manifest ${entry.digest}`);
        mediaType = doc.mediaType ?? one.mediaType ?? entry.mediaType;
    }
    if (mediaType !== MEDIA.ociManifest && mediaType !== MEDIA.dockerManifest) {
        throw new Error(`base ${ref} has a manifest of type "${mediaType}", neither Docker v2 schema 2 nor OCI`);
    }
    if (!doc.config?.digest || !Array.isArray(doc.layers))
        throw new Error(`base ${ref} has a manifest without config or layers`);
    return { manifest: doc, mediaType };
}
/** Key order fixed by construction, so the same inputs give the same manifest bytes and digest. */
function manifestBytes(mediaType, config, layers) {
    const fam = familyOf(mediaType);
    const doc = {
        schemaVersion: 2,
        mediaType: fam.manifest,
        config: { mediaType: fam.config, digest: config.digest, size: config.size },
        layers,
    };
    return Buffer.from(JSON.stringify(doc), 'utf8');
}
/** The base's config blob, checked against its digest. */
async function configBlob(client, manifest) {
    const bytes = await client.blob(manifest.config.digest);
    if (sha256(bytes) !== manifest.config.digest)
        throw new Error(`the base config does not match its digest ${manifest.config.digest}`);
    return bytes;
}
/** The base config from `<base>-config` (a manifest GET), else its blob, then published for next time. */
async function baseConfigBytes(input, manifest) {
    const { client, base } = input;
    const read = await readBaseConfig(client, base, manifest);
    if ('config' in read)
        return { bytes: read.config, from: 'manifest' };
    input.note?.(`reading the config blob of ${base} (${read.missing}: pushed by an older version or by hand)`);
    const bytes = await configBlob(client, manifest);
    const pub = await publishBaseConfig(client, base, manifest, bytes);
    input.note?.(pub.published ? `published ${base}-config: later appends read no blob` : `${base}-config not published: ${pub.why}`);
    return { bytes, from: 'blob' };
}
async function appendTail(input) {
    const { client } = input;
    const { manifest, mediaType } = await baseManifest(client, input.base, input.platform);
    const { bytes: configBytes, from } = await baseConfigBytes(input, manifest);
    const baseConfig = parseJson(configBytes, 'base image config');
    const layers = input.layers.map((entries) => buildLayer(entries));
    const config = appendConfig(baseConfig, input.steps, {
        args: input.args,
        escape: input.escape,
        cmdSetInBase: input.cmdSetInBase,
        diffIds: layers.map((l) => l.diffId),
    });
    const newConfig = Buffer.from(JSON.stringify(config), 'utf8');
    const fam = familyOf(mediaType);
    const layerDescs = [
        ...manifest.layers,
        ...layers.map((l) => ({ mediaType: fam.layer, digest: l.digest, size: l.blob.length })),
    ];
    const bytes = manifestBytes(mediaType, { digest: sha256(newConfig), size: newConfig.length }, layerDescs);
    const digest = sha256(bytes);
    for (const l of layers)
        await client.putBlob(l.digest, l.blob);
    await client.putBlob(sha256(newConfig), newConfig);
    for (const tag of input.tags) {
        const answered = await client.putManifest(tag, fam.manifest, bytes);
        if (answered && answered !== digest)
            throw new Error(`the registry stored ${tag} as ${answered}, not the pushed ${digest}`);
    }
    return { digest, manifestMediaType: fam.manifest, layers, stats: { ...client.stats }, baseConfigFrom: from };
}

;// CONCATENATED MODULE: ./src/images/registry/client.ts
/**
 * The few OCI distribution API calls a layer append needs, for one repository
 * (https://github.com/opencontainers/distribution-spec/blob/main/spec.md): GET a manifest, GET
 * one small blob (the base's config), HEAD a blob to skip an upload, upload a blob, PUT a
 * manifest. No library does this well enough here (npm's registry clients are pull-only or
 * unmaintained), and the surface is small.
 *
 * - Auth: HTTP basic with ECR's `AWS:<password>` from GetAuthorizationToken, which ECR accepts on
 *   every request, as does a registry with htpasswd auth.
 * - HTTPS, except plain HTTP for a loopback registry (127.0.0.0/8, localhost, ::1), as docker
 *   treats loopback as an insecure registry.
 * - Uploads are "POST then PUT" monolithic: ECR answers 201 to a first PATCH chunk, which breaks
 *   chunked clients (kitops-ml/kitops#822 switched to a monolithic PUT for ECR; containerd pushes
 *   POST + PUT too, containerd/containerd#7459).
 * The transport is a seam (`fetch`), so tests can count and fault requests.
 */
class RegistryError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'RegistryError';
    }
}
function isLoopback(host) {
    const h = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return /^127\.\d+\.\d+\.\d+$/.test(h) || h === 'localhost' || h === '::1';
}
/** The registry's own error words (`{"errors":[{"code","message"}]}`), never a header or credential. */
async function errorDetail(res) {
    const text = await res.text().catch(() => '');
    try {
        const e = JSON.parse(text).errors?.[0];
        if (e)
            return `${e.code ?? ''}${e.message ? `: ${e.message}` : ''}`;
    }
    catch {
        // not JSON
    }
    return text.slice(0, 200).trim();
}
class RegistryClient {
    opts;
    stats = {
        bytesUploaded: 0,
        bytesDownloaded: 0,
        blobsUploaded: 0,
        blobsSkipped: 0,
        blobsDownloaded: 0,
    };
    base;
    authHeader;
    fetch;
    constructor(opts) {
        this.opts = opts;
        this.base = `${isLoopback(opts.host) ? 'http' : 'https'}://${opts.host}/v2/${opts.repository}`;
        this.authHeader = opts.auth
            ? `Basic ${Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString('base64')}`
            : undefined;
        this.fetch = opts.fetch ?? fetch;
    }
    async call(step, url, init, ok) {
        const headers = new Headers(init.headers);
        if (this.authHeader)
            headers.set('Authorization', this.authHeader);
        let res;
        try {
            res = await this.fetch(url, { ...init, headers, redirect: 'follow' });
        }
        catch (err) {
            throw new RegistryError(`registry ${this.opts.host}: ${step} failed: ${err.message}`, 0);
        }
        if (!ok.includes(res.status)) {
            const detail = await errorDetail(res);
            if (res.status === 401) {
                throw new RegistryError(`registry ${this.opts.host} refused the ECR password: ${step} answered HTTP 401 Unauthorized${detail ? ` (${detail})` : ''}`, 401);
            }
            throw new RegistryError(`registry ${this.opts.host}: ${step} answered HTTP ${res.status}${detail ? ` (${detail})` : ''}`, res.status);
        }
        return res;
    }
    /** A manifest (or index) by tag or digest, with the media types the caller accepts. */
    async manifest(reference, accept) {
        const res = await this.call(`GET manifest ${this.opts.repository}:${reference}`, `${this.base}/manifests/${reference}`, { headers: { Accept: accept.join(', ') } }, [200]);
        const bytes = Buffer.from(await res.arrayBuffer());
        this.stats.bytesDownloaded += bytes.length;
        const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
        return { mediaType, bytes, digest: res.headers.get('docker-content-digest') ?? undefined };
    }
    /** A small blob (an image config); layers are never read. */
    async blob(digest) {
        const res = await this.call(`GET blob ${digest}`, `${this.base}/blobs/${digest}`, {}, [200]);
        const bytes = Buffer.from(await res.arrayBuffer());
        this.stats.bytesDownloaded += bytes.length;
        this.stats.blobsDownloaded++;
        return bytes;
    }
    async hasBlob(digest) {
        const res = await this.call(`HEAD blob ${digest}`, `${this.base}/blobs/${digest}`, { method: 'HEAD' }, [200, 404]);
        return res.status === 200;
    }
    /** Uploads a blob unless the repository already has it; true when it was uploaded. */
    async putBlob(digest, bytes) {
        if (await this.hasBlob(digest)) {
            this.stats.blobsSkipped++;
            return false;
        }
        const start = await this.call(`POST blob upload for ${digest}`, `${this.base}/blobs/uploads/`, { method: 'POST', headers: { 'Content-Length': '0' } }, [202]);
        const location = start.headers.get('location');
        if (!location)
            throw new RegistryError(`registry ${this.opts.host}: POST blob upload answered no Location`, start.status);
        const url = new URL(location, `${this.base}/`);
        url.searchParams.set('digest', digest);
        await this.call(`PUT blob ${digest}`, url.toString(), {
            method: 'PUT',
            body: new Uint8Array(bytes),
            headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) },
        }, [201]);
        this.stats.bytesUploaded += bytes.length;
        this.stats.blobsUploaded++;
        return true;
    }
    /** PUTs a manifest under a tag; returns the digest the registry answers (or undefined). */
    async putManifest(reference, mediaType, bytes) {
        const res = await this.call(`PUT manifest ${this.opts.repository}:${reference}`, `${this.base}/manifests/${reference}`, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'Content-Type': mediaType } }, [201]);
        this.stats.bytesUploaded += bytes.length;
        return res.headers.get('docker-content-digest') ?? undefined;
    }
}

;// CONCATENATED MODULE: ./src/images/append-one.ts
/**
 * One image made by layer append: its tail's files read from the context, appended to
 * `base-<hash>` in the same repository through the registry API, and, for a Fluentd image, its
 * config checked first by the base image's own `fluentd --dry-run` with the new files mounted,
 * when there is a Docker engine to run it (without one, the result says the check was skipped).
 */









/** The platform whose base manifest is read: the image's `platform`, else Fargate's default linux/amd64. */
function appendPlatform(spec) {
    return parsePlatform(spec.runtimePlatform ?? spec.platform);
}
function clientOf(input) {
    const { repo } = input;
    return new RegistryClient({
        host: (0,images_ecr/* hostOf */.w4)(repo.uri),
        repository: repo.uri.slice((0,images_ecr/* hostOf */.w4)(repo.uri).length + 1),
        auth: { username: input.auth.username, password: input.auth.password },
        ...(input.fetch ? { fetch: input.fetch } : {}),
    });
}
/**
 * Right after docker pushed `base-<hash>`: its config (one blob GET, now, once) published as
 * `base-<hash>-config`, so that every append on this base reads no blob. Not fatal: without it,
 * appends read the config blob.
 */
async function publishBaseConfigOf(input) {
    const { spec, method, log } = input;
    const client = clientOf(input);
    try {
        const { manifest } = await baseManifest(client, method.baseTag, appendPlatform(spec));
        const pub = await publishBaseConfig(client, method.baseTag, manifest, await configBlob(client, manifest));
        if (pub.published)
            log.info(`image ${spec.key}: published ${configTagOf(method.baseTag)} (the base's config)`);
        else
            log.info(`image ${spec.key}: ${configTagOf(method.baseTag)} not published: ${pub.why}`);
    }
    catch (err) {
        log.info(`image ${spec.key}: ${configTagOf(method.baseTag)} not published: ${err.message}`);
    }
}
async function appendOne(input) {
    const { spec, repo, method } = input;
    const client = clientOf(input);
    const layers = await Promise.all(method.copies.map((c) => (0,append_plan/* copyEntries */.oH)(spec.contextDir, c)));
    input.log.info(`image ${spec.key}: appending ${method.files} file(s) to ${repo.uri}:${method.baseTag} through the registry (no docker)`);
    const out = await appendTail({
        client,
        base: method.baseTag,
        platform: appendPlatform(spec),
        steps: method.tail.steps,
        layers,
        args: method.tail.args,
        escape: method.tail.escape,
        cmdSetInBase: method.tail.cmdSetInBase,
        tags: input.tags,
        note: (line) => input.log.info(`image ${spec.key}: ${line}`),
    });
    return { digest: out.digest, stats: out.stats, layers: out.layers.length };
}
/** The last USER of the tail, if it sets one: fluentd then reads the files as the image runs. */
function tailUser(method) {
    const users = method.tail.steps.filter((s) => s.kind === 'meta' && s.keyword === 'user');
    const last = users[users.length - 1];
    return last && last.kind === 'meta' ? last.args.trim() : undefined;
}
/** `fluentd --dry-run` in the base image with the tail's files mounted where COPY puts them. */
async function checkTailWithFluentd(input) {
    const { spec, repo, method, session, exec, log } = input;
    if (!spec.fluentdCheck)
        return [];
    const image = `${repo.uri}:${method.baseTag}`;
    const present = await exec('docker', ['image', 'inspect', '--format', '{{.Id}}', image], { env: session.env });
    if (present.exitCode !== 0) {
        log.info(`docker pull ${image} (for the Fluentd dry run)`);
        await (0,src_exec/* runChecked */.X4)(exec, 'docker', ['pull', image], { step: `docker pull of ${image}`, env: session.env });
    }
    const mounts = method.copies.flatMap((c) => [...c.targets].map(([target, source]) => ({ source: external_node_path_default().join(spec.contextDir, source), target })));
    const user = tailUser(method);
    return fluentdDryRun({
        ...spec.fluentdCheck,
        image,
        exec,
        log,
        dockerEnv: session.env,
        mounts,
        ...(user ? { user } : {}),
    });
}

;// CONCATENATED MODULE: ./src/images/build-appended.ts
/**
 * The append path of one image: build and push `base-<hash>` with docker only when ECR lacks it,
 * check a Fluentd tail in the base (when an engine is there), then append the tail through the
 * registry. A config-only change, the common case, touches no Docker daemon at all, and reads no
 * blob: the base's config is published beside it as `base-<hash>-config` when docker pushes it.
 */







/** Whether a Docker engine answers (`docker version` reaches the daemon). */
async function dockerEngineUp(exec, env) {
    const pass = Object.fromEntries(['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CONFIG'].map((k) => [k, env[k]]));
    const res = await exec('docker', ['version', '--format', '{{.Server.Version}}'], { env: pass }).catch(() => undefined);
    return res !== undefined && res.exitCode === 0 && res.stdout.trim() !== '';
}
/** The base part as its own Dockerfile, beside the session's config (and its .dockerignore, for BuildKit). */
async function writeBaseDockerfile(spec, method, session) {
    const file = external_node_path_default().join(session.configDir, `${spec.key.replace(/[^A-Za-z0-9_.-]/g, '_')}.base.Dockerfile`);
    await (0,promises_.writeFile)(file, method.tail.baseText);
    if ((0,external_node_fs_.existsSync)(`${spec.dockerfile}.dockerignore`))
        await (0,promises_.copyFile)(`${spec.dockerfile}.dockerignore`, `${file}.dockerignore`);
    return file;
}
async function buildBase(input) {
    const { spec, method, session, builder, log } = input;
    if (!session || !builder)
        throw new Error(`base ${method.baseTag} is not in ECR and there is no Docker engine to build it`);
    log.info(`image ${spec.key}: ${method.baseTag} is not in ECR: building the base part of ${external_node_path_default().basename(spec.dockerfile)} with docker`);
    const dockerfile = await writeBaseDockerfile(spec, method, session);
    const { target: _target, fluentdCheck: _check, ...rest } = spec;
    await buildOne({
        ...input,
        spec: { ...rest, dockerfile },
        builder,
        session,
        tags: [method.baseTag],
        checkFluentd: false,
    });
    await publishBaseConfigOf({
        spec,
        repo: input.repo,
        method,
        auth: input.auth,
        log,
        ...(input.fetch ? { fetch: input.fetch } : {}),
    });
}
async function buildAppended(input) {
    const { spec, method, session, log } = input;
    if (input.buildBase)
        await buildBase(input);
    let findings = [];
    let check;
    if (spec.fluentdCheck) {
        if (!input.checkFluentd)
            check = 'skipped: switched off';
        else if (!session) {
            check = 'skipped: no Docker engine to run fluentd --dry-run in the base image';
            log.warning(`image ${spec.key}: fluentd --dry-run ${check.slice('skipped: '.length)}; only the static checks ran`);
        }
        else {
            findings = await checkTailWithFluentd({ spec, repo: input.repo, method, session, exec: input.exec, log });
            check = 'ran';
            if (findings.some((f) => f.severity === 'error')) {
                log.warning(`image ${spec.key} was not appended: fluentd rejects its config`);
                return {
                    digest: undefined,
                    blocked: true,
                    findings,
                    result: { method: (0,append_plan/* describeMethod */.tK)(method), fluentdDryRun: check },
                };
            }
        }
    }
    // As for docker builds: another run may have pushed the same content tag while this one checked.
    const meanwhile = await pushedMeanwhile(input);
    if (meanwhile)
        return { digest: meanwhile, blocked: false, findings, result: { method: (0,append_plan/* describeMethod */.tK)(method) } };
    const out = await appendOne({
        spec,
        repo: input.repo,
        method,
        tags: input.tags,
        auth: input.auth,
        log,
        ...(input.fetch ? { fetch: input.fetch } : {}),
    });
    const read = out.stats.blobsDownloaded === 0 ? 'no blob' : 'no base layer';
    log.info(`image ${spec.key}: pushed ${input.repo.uri}@${out.digest} (${out.stats.bytesUploaded} bytes uploaded, ${read} downloaded)`);
    return {
        digest: out.digest,
        blocked: false,
        findings,
        result: {
            method: (0,append_plan/* describeMethod */.tK)(method),
            appended: true,
            bytesPushed: out.stats.bytesUploaded,
            blobsDownloaded: out.stats.blobsDownloaded,
            ...(check ? { fluentdDryRun: check } : {}),
        },
    };
}

;// CONCATENATED MODULE: ./src/images/builder.ts

/** Whether the GitHub Actions cache service is reachable for buildx from this process. */
function ghaCacheAvailable(env) {
    return (env.GITHUB_ACTIONS === 'true' &&
        Boolean(env.ACTIONS_RUNTIME_TOKEN) &&
        Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL));
}
function cacheCapableDriver(driver) {
    return driver !== undefined && driver !== 'docker';
}
async function detectBuilder(opts) {
    const version = await opts.exec('docker', buildxVersionArgv(), { env: opts.dockerEnv });
    if (version.exitCode !== 0)
        return { kind: 'legacy', ghaCache: false };
    const inspect = await opts.exec('docker', buildxInspectArgv(), { env: opts.dockerEnv });
    const driver = inspect.exitCode === 0 ? driverFromInspect(inspect.stdout) : undefined;
    return { kind: 'buildx', driver, ghaCache: ghaCacheAvailable(opts.env ?? process.env) && cacheCapableDriver(driver) };
}

// EXTERNAL MODULE: ./src/images/content-hash.ts
var content_hash = __webpack_require__(3628);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(970);
;// CONCATENATED MODULE: ./src/images/docker-session.ts
/**
 * Docker runs with its own temporary DOCKER_CONFIG for one deploy: the ECR password lands in a
 * file that is removed afterwards, never in the user's ~/.docker (or their credential store,
 * which on a headless runner may not even work). What the user's own config carries that the
 * build needs — CLI plugins such as buildx, the selected buildx builder, docker contexts,
 * other registries' logins, proxies — is carried over. DOCKER_HOST passes through untouched.
 */







function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * The temporary config.json: the user's logins for other registries, per-registry helpers,
 * proxies and current context; never `credsStore` (a global store would receive, and keep,
 * the ECR password) and nothing for the hosts this session logs into.
 */
function seedDockerConfig(original, loginHosts) {
    const out = { auths: {} };
    if (!isObject(original))
        return out;
    const drop = new Set(loginHosts);
    const keepHosts = (v) => Object.fromEntries(Object.entries(isObject(v) ? v : {}).filter(([host]) => !drop.has(host.replace(/^https?:\/\//, ''))));
    out.auths = keepHosts(original.auths);
    const helpers = keepHosts(original.credHelpers);
    if (Object.keys(helpers).length > 0)
        out.credHelpers = helpers;
    if (isObject(original.proxies))
        out.proxies = original.proxies;
    if (typeof original.currentContext === 'string')
        out.currentContext = original.currentContext;
    return out;
}
const PASS_THROUGH = [
    'DOCKER_HOST',
    'DOCKER_CONTEXT',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'BUILDX_BUILDER',
    'BUILDX_CONFIG',
];
function userConfigDir(env) {
    return env.DOCKER_CONFIG || external_node_path_default().join((0,external_node_os_.homedir)(), '.docker');
}
async function readJson(file) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Per open session: unregisters its clean-up on interrupt. */
const interruptCleanups = new Map();
/**
 * Creates the config dir and logs into each registry. A failed login removes the dir and
 * throws a message naming the registry and quoting docker's last stderr line.
 */
async function openDockerSession(opts) {
    const parentEnv = opts.env ?? process.env;
    const userDir = userConfigDir(parentEnv);
    // mkdtemp creates the directory 0700: only this user can read the login it will hold.
    const configDir = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'dd-ecs-monitor-docker-'));
    // Ctrl-C or a cancelled job must not leave the ECR login behind.
    interruptCleanups.set(configDir, (0,signals/* onInterrupt */.nA)(() => closeDockerSession({ configDir })));
    try {
        const seeded = seedDockerConfig(await readJson(external_node_path_default().join(userDir, 'config.json')), opts.logins.map((l) => l.host));
        await (0,promises_.writeFile)(external_node_path_default().join(configDir, 'config.json'), `${JSON.stringify(seeded, null, 2)}\n`, { mode: 0o600 });
        // CLI plugins (buildx installed by setup-buildx-action lives here) and contexts are looked
        // up under DOCKER_CONFIG; link them rather than copy.
        for (const sub of ['cli-plugins', 'contexts']) {
            const from = external_node_path_default().join(userDir, sub);
            if ((0,external_node_fs_.existsSync)(from))
                await (0,promises_.symlink)(from, external_node_path_default().join(configDir, sub));
        }
        const env = { DOCKER_CONFIG: configDir };
        // Which engine and builder to use is the caller's environment's business: pass it through.
        for (const k of PASS_THROUGH)
            if (parentEnv[k])
                env[k] = parentEnv[k];
        // buildx keeps its builders (and the one `docker buildx use` selected) under BUILDX_CONFIG,
        // which defaults to $DOCKER_CONFIG/buildx: point it at the user's.
        const buildxDir = external_node_path_default().join(userDir, 'buildx');
        if (!parentEnv.BUILDX_CONFIG && (0,external_node_fs_.existsSync)(buildxDir))
            env.BUILDX_CONFIG = buildxDir;
        const session = { env, configDir };
        for (const login of opts.logins) {
            opts.log.info(`docker login ${login.host} (user ${login.username}, password from ECR on stdin)`);
            await (0,src_exec/* runChecked */.X4)(opts.exec, 'docker', loginArgv(login.host, login.username), {
                step: `docker login to registry ${login.host}`,
                env,
                stdin: login.password,
                secrets: [login.password],
            });
        }
        return session;
    }
    catch (err) {
        await closeDockerSession({ configDir });
        throw err;
    }
}
/** Removes the config dir and the login in it. Never throws: it runs in `finally`. */
async function closeDockerSession(session) {
    interruptCleanups.get(session.configDir)?.();
    interruptCleanups.delete(session.configDir);
    await (0,promises_.rm)(session.configDir, { recursive: true, force: true }).catch(() => undefined);
}

;// CONCATENATED MODULE: ./src/images/types.ts
/** One or more images failed; each failure names the image and the step. */
class ImageBuildError extends Error {
    failures;
    constructor(failures) {
        super(failures.length === 1
            ? `image "${failures[0]?.key}": ${failures[0]?.message}`
            : `${failures.length} images failed:\n${failures.map((f) => `- image "${f.key}": ${f.message}`).join('\n')}`);
        this.failures = failures;
        this.name = 'ImageBuildError';
    }
}

;// CONCATENATED MODULE: ./src/images/build-images.ts










/** Docker's tag grammar. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function repoKey(spec) {
    return `${spec.registryId ?? ''}/${spec.repository}`;
}
/**
 * The commit tag. Two images sharing one repository would fight over a bare `<sha>` tag (and
 * the second push fails on an immutable repository), so there it is `<key>-<sha>`.
 */
function commitTag(spec, gitSha, shared) {
    if (!gitSha)
        return undefined;
    const tag = shared ? `${spec.key}-${gitSha}` : gitSha;
    return TAG.test(tag) ? tag : undefined;
}
async function resolveRepositories(opts) {
    const ecr = opts.clients.ecr;
    const unique = new Map();
    for (const s of opts.images)
        if (!unique.has(repoKey(s)))
            unique.set(repoKey(s), s);
    const out = new Map();
    await Promise.all([...unique.entries()].map(async ([k, s]) => {
        const ref = { name: s.repository, registryId: s.registryId };
        const found = await (0,images_ecr/* describeRepository */.MD)(ecr, ref);
        if (found)
            return void out.set(k, { repo: found, created: false });
        if (!opts.createRepositories) {
            throw new ImageBuildError([
                {
                    key: s.key,
                    message: `ECR repository "${s.repository}" does not exist${s.registryId ? ` in registry ${s.registryId}` : ''}; create it or allow the deploy to create missing repositories`,
                },
            ]);
        }
        if (opts.dryRun)
            return void out.set(k, { repo: undefined, created: false });
        opts.log.info(`creating ECR repository ${s.repository} (immutable tags, scan on push)`);
        out.set(k, { repo: await (0,images_ecr/* createRepository */.vB)(ecr, ref), created: true });
    }));
    return out;
}
/** Which registry password serves which host: ECR's proxyEndpoint host, or the only one there is. */
function pickAuth(host, auths) {
    return auths.find((a) => a.host === host) ?? (auths.length === 1 ? auths[0] : undefined);
}
function reusedResult(r, repo, existing) {
    return {
        key: r.spec.key,
        repository: r.spec.repository,
        repositoryUri: repo.uri,
        contentTag: r.contentTag,
        tags: existing.tags,
        digest: existing.digest,
        imageRef: `${repo.uri}@${existing.digest}`,
        action: 'reused',
        built: false,
        pushed: false,
        reusedBecause: `${repo.uri}:${r.contentTag} already exists (same inputs), so it was neither built nor pushed`,
        repositoryCreated: r.created || undefined,
    };
}
async function buildImages(opts) {
    const { log } = opts;
    const exec = opts.exec ?? src_exec/* runProcess */.R3;
    const ecr = opts.clients.ecr;
    const keys = new Set();
    for (const s of opts.images) {
        if (keys.has(s.key))
            throw new ImageBuildError([{ key: s.key, message: 'the same image key is listed twice' }]);
        keys.add(s.key);
    }
    if (opts.images.length === 0)
        return { images: [], findings: [] };
    const repos = await resolveRepositories(opts);
    const perRepo = new Map();
    for (const s of opts.images)
        perRepo.set(repoKey(s), (perRepo.get(repoKey(s)) ?? 0) + 1);
    const resolved = await Promise.all(opts.images.map(async (spec) => {
        const r = repos.get(repoKey(spec));
        const tag = (0,content_hash/* contentTag */.mB)(spec.contentHash);
        const existing = r?.repo
            ? await (0,images_ecr/* findImageByTag */._B)(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag })
            : undefined;
        return {
            spec,
            repo: r?.repo,
            created: r?.created ?? false,
            contentTag: tag,
            commitTag: commitTag(spec, opts.gitSha, (perRepo.get(repoKey(spec)) ?? 0) > 1),
            existing,
        };
    }));
    const methods = new Map();
    await Promise.all(resolved
        .filter((r) => !(r.existing && r.repo && !opts.rebuild))
        .map(async (r) => void methods.set(r.spec.key, opts.append === false ? { kind: 'docker', reason: 'layer append switched off' } : await (0,append_plan/* imageMethod */.tt)(r.spec))));
    const results = new Map();
    const toBuild = [];
    for (const r of resolved) {
        if (r.existing && r.repo && !opts.rebuild) {
            results.set(r.spec.key, reusedResult(r, r.repo, r.existing));
            log.info(`image ${r.spec.key}: ${r.repo.uri}:${r.contentTag} already in ECR, reusing ${r.existing.digest}`);
            continue;
        }
        if (r.existing && r.repo && opts.rebuild && (0,images_ecr/* isImmutable */.t3)(r.repo.tagMutability)) {
            throw new ImageBuildError([
                {
                    key: r.spec.key,
                    message: `a rebuild cannot replace ${r.repo.uri}:${r.contentTag}: repository "${r.repo.name}" has immutable tags; delete that image in ECR first, or deploy without rebuild`,
                },
            ]);
        }
        if (opts.dryRun || !r.repo) {
            results.set(r.spec.key, {
                key: r.spec.key,
                repository: r.spec.repository,
                repositoryUri: r.repo?.uri,
                contentTag: r.contentTag,
                tags: [r.contentTag, ...(r.commitTag ? [r.commitTag] : [])],
                digest: undefined,
                imageRef: undefined,
                action: 'would-build',
                built: false,
                pushed: false,
                wouldCreateRepository: r.repo ? undefined : true,
                method: await plannedMethod(ecr, r, methods.get(r.spec.key), opts),
            });
            continue;
        }
        toBuild.push({ ...r, repo: r.repo });
    }
    const findings = [];
    if (toBuild.length > 0) {
        await buildAll({ opts, exec, toBuild, results, findings, methods });
    }
    return { images: opts.images.map((s) => results.get(s.key)), findings };
}
/** What a dry run says about how the image would be made; a missing base means docker builds it first. */
async function plannedMethod(ecr, r, m, opts) {
    if (!m)
        return undefined;
    if (m.kind === 'docker' || !r.repo)
        return (0,append_plan/* describeMethod */.tK)(m);
    const base = opts.rebuild
        ? undefined
        : await (0,images_ecr/* findImageByTag */._B)(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag: m.baseTag });
    const how = base
        ? `${(0,append_plan/* describeMethod */.tK)(m)} on ${m.baseTag}`
        : `docker build of the base ${m.baseTag} (not in ECR yet), then ${(0,append_plan/* describeMethod */.tK)(m)}`;
    if (!r.spec.fluentdCheck)
        return how;
    if (opts.fluentdDryRun === false)
        return `${how}; fluentd --dry-run switched off`;
    // The dry run needs an engine; without one the deploy appends anyway and says the check was skipped.
    const engine = !base || (await dockerEngineUp(opts.exec ?? src_exec/* runProcess */.R3, opts.env ?? process.env));
    return `${how}; fluentd --dry-run ${engine ? 'in the base image with the new files mounted' : 'skipped: no Docker engine'}`;
}
/**
 * How a live plan says the image would be made, from ECR's base tag and (for Fluentd) whether a Docker
 * engine answers: the same words the deploy's dry run uses. Read-only.
 */
async function plannedImageMethod(opts, spec, repo) {
    return plannedMethod(opts.clients.ecr, { spec, repo }, await (0,append_plan/* imageMethod */.tt)(spec), opts);
}
function appendMethodOf(methods, key) {
    const m = methods.get(key);
    return m?.kind === 'append' ? m : undefined;
}
/** One password per registry host, masked before anything can print it. */
async function registryLogins(opts, toBuild) {
    const registryIds = [...new Set(toBuild.map((r) => r.spec.registryId).filter((x) => Boolean(x)))];
    const auths = await (0,images_ecr/* getRegistryAuth */.A4)(opts.clients.ecr, registryIds);
    for (const a of auths) {
        opts.log.mask(a.password);
        opts.log.mask(Buffer.from(`${a.username}:${a.password}`).toString('base64'));
    }
    const logins = [];
    for (const host of new Set(toBuild.map((r) => (0,images_ecr/* hostOf */.w4)(r.repo.uri)))) {
        const auth = pickAuth(host, auths);
        if (!auth) {
            const key = toBuild.find((r) => (0,images_ecr/* hostOf */.w4)(r.repo.uri) === host)?.spec.key ?? '?';
            throw new ImageBuildError([{ key, message: `ECR gave no authorization for registry ${host}` }]);
        }
        logins.push({ ...auth, host });
    }
    return { auths, logins };
}
/** Appended images whose `base-<hash>` docker must build first: missing in ECR, or a rebuild where tags can move. */
async function basesToBuild(input) {
    const { opts, methods } = input;
    const needsBase = new Set();
    await Promise.all(input.toBuild.map(async (r) => {
        const m = appendMethodOf(methods, r.spec.key);
        if (!m)
            return;
        const base = await (0,images_ecr/* findImageByTag */._B)(opts.clients.ecr, {
            name: r.repo.name,
            registryId: r.repo.registryId,
            tag: m.baseTag,
        });
        const immutable = (0,images_ecr/* isImmutable */.t3)(r.repo.tagMutability);
        if (base && opts.rebuild && immutable)
            opts.log.info(`image ${r.spec.key}: keeping ${m.baseTag}: ${r.repo.name} has immutable tags`);
        if (!base || (opts.rebuild && !immutable))
            needsBase.add(r.spec.key);
    }));
    return needsBase;
}
/**
 * Docker is needed only for what the registry cannot do: whole builds, missing bases, and a
 * Fluentd check (which runs when an engine answers, and is reported as skipped when none does).
 */
async function openEngine(input, logins, needsBase) {
    const { opts, exec, methods, toBuild } = input;
    const appended = toBuild.filter((r) => appendMethodOf(methods, r.spec.key));
    const wholeBuilds = toBuild.length - appended.length + needsBase.size;
    const wantsCheck = opts.fluentdDryRun !== false && appended.some((r) => r.spec.fluentdCheck);
    const up = wholeBuilds > 0 || (wantsCheck && (await dockerEngineUp(exec, opts.env ?? process.env)));
    if (!up)
        return { session: undefined, builder: undefined };
    const session = await openDockerSession({ exec, log: opts.log, logins, env: opts.env });
    if (wholeBuilds === 0)
        return { session, builder: undefined };
    try {
        const builder = await detectBuilder({ exec, dockerEnv: session.env, env: opts.env });
        opts.log.info(builder.kind === 'buildx'
            ? `building with docker buildx (driver ${builder.driver ?? 'unknown'}${builder.ghaCache ? ', GitHub Actions cache' : ''})`
            : 'docker buildx is not available: building with docker build and pushing with docker push');
        return { session, builder };
    }
    catch (err) {
        await closeDockerSession(session);
        throw err;
    }
}
async function buildAll(input) {
    const { toBuild } = input;
    const { auths, logins } = await registryLogins(input.opts, toBuild);
    const needsBase = await basesToBuild(input);
    const engine = await openEngine(input, logins, needsBase);
    try {
        const settled = await Promise.allSettled(toBuild.map((r) => makeOne(input, r, { ...engine, auths, needsBase })));
        const failures = settled.flatMap((s, i) => s.status === 'rejected'
            ? [
                {
                    key: toBuild[i]?.spec.key ?? '?',
                    message: s.reason instanceof Error ? s.reason.message : String(s.reason),
                },
            ]
            : []);
        if (failures.length > 0)
            throw new ImageBuildError(failures);
    }
    finally {
        if (engine.session)
            await closeDockerSession(engine.session);
    }
}
/** One image: appended through the registry when its Dockerfile splits, else built by docker. */
async function makeOne(input, r, ctx) {
    const { opts, exec, results, findings, methods } = input;
    const { log } = opts;
    const ecr = opts.clients.ecr;
    const tags = await tagsFor(r, ecr, log);
    const checkFluentd = opts.fluentdDryRun !== false && r.spec.fluentdCheck !== undefined;
    const m = appendMethodOf(methods, r.spec.key);
    if (m) {
        const out = await buildAppended({
            spec: r.spec,
            repo: r.repo,
            method: m,
            tags,
            auth: pickAuth((0,images_ecr/* hostOf */.w4)(r.repo.uri), ctx.auths),
            exec,
            log,
            ecr,
            session: ctx.session,
            builder: ctx.builder,
            buildBase: ctx.needsBase.has(r.spec.key),
            checkFluentd,
            ...(opts.fetch ? { fetch: opts.fetch } : {}),
        });
        (0,checks_findings/* appendAll */.u2)(findings, out.findings);
        results.set(r.spec.key, { ...builtResult(r, out.digest, tags, out.blocked), ...out.result });
        return;
    }
    const { session, builder } = ctx;
    if (!session || !builder)
        throw new Error('no Docker engine session for a docker build');
    const out = await buildOne({ spec: r.spec, repo: r.repo, tags, builder, session, exec, log, ecr, checkFluentd });
    (0,checks_findings/* appendAll */.u2)(findings, out.findings);
    const method = methods.get(r.spec.key);
    results.set(r.spec.key, {
        ...builtResult(r, out.digest, out.pushedTags, out.blocked),
        builder: builder.kind,
        ...(method ? { method: (0,append_plan/* describeMethod */.tK)(method) } : {}),
        ...(r.spec.fluentdCheck ? { fluentdDryRun: checkFluentd ? 'ran' : 'skipped: switched off' } : {}),
    });
    if (out.digest)
        log.info(`image ${r.spec.key}: pushed ${r.repo.uri}@${out.digest}`);
}
/** The content tag, and the commit tag unless an immutable repository already has it. */
async function tagsFor(r, ecr, log) {
    const tags = [r.contentTag];
    if (!r.commitTag)
        return tags;
    // An immutable repository refuses to move a tag: skip a commit tag that is already taken.
    const taken = (0,images_ecr/* isImmutable */.t3)(r.repo.tagMutability) &&
        (await (0,images_ecr/* findImageByTag */._B)(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag: r.commitTag }));
    if (taken)
        log.info(`image ${r.spec.key}: tag ${r.commitTag} already exists in immutable ${r.repo.name}; pushing only ${r.contentTag}`);
    else
        tags.push(r.commitTag);
    return tags;
}
function builtResult(r, digest, tags, blocked) {
    return {
        key: r.spec.key,
        repository: r.spec.repository,
        repositoryUri: r.repo.uri,
        contentTag: r.contentTag,
        tags: blocked ? [] : tags,
        digest,
        imageRef: digest ? `${r.repo.uri}@${digest}` : undefined,
        action: blocked ? 'blocked' : 'built',
        built: true,
        pushed: !blocked,
        repositoryCreated: r.created || undefined,
    };
}

// EXTERNAL MODULE: ./src/checks/source.ts
var source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/project/dockerignore.ts
var dockerignore = __webpack_require__(9627);
;// CONCATENATED MODULE: ./src/images/image-inputs.ts
/**
 * From a project's image entry to its content hash: the Dockerfile model says which context
 * files the build reads (COPY/ADD sources, after `.dockerignore`) and which base images its
 * stages start from; the hash covers exactly those. A file the build does not read, or one
 * `.dockerignore` drops, cannot change the hash.
 */





async function imageInputs(opts) {
    const display = external_node_path_default().relative(opts.root, opts.dockerfile).split((external_node_path_default()).sep).join('/');
    const src = (0,source/* readSource */.o$)(display, opts.dockerfile);
    if (!src.ok)
        return { hash: undefined, files: [], baseImages: [], findings: src.findings };
    const df = (0,dockerfile/* parseDockerfile */.Ai)(src.source, { ...(opts.buildArgs ?? {}) });
    const listing = (0,dockerignore/* listContextFiles */.z)(opts.contextDir, { root: opts.root, dockerfile: opts.dockerfile });
    return parsedImageInputs(opts, df, (0,dockerfile/* contextInputs */.D1)(df, listing.files));
}
/**
 * The same for a Dockerfile already parsed (with the same build args) and the context files its
 * build reads already known: validation's image layout, so neither is read twice.
 */
async function parsedImageInputs(opts, df, files, 
/** Digests of floating base references (content-hash.ts `resolveBaseDigests`), when resolved. */
baseDigests) {
    // A stage built FROM an earlier stage names that stage, which the Dockerfile bytes already cover.
    const baseImages = df.stages.map((s) => (s.baseStage === undefined ? s.baseImage : `stage:${s.baseStage}`));
    const hash = await (0,content_hash/* contentHash */.Ae)({
        contextDir: opts.contextDir,
        dockerfile: opts.dockerfile,
        buildArgs: opts.buildArgs,
        baseImages,
        files,
        platform: opts.platform,
        target: opts.target,
        ...(baseDigests ? { baseDigests } : {}),
    });
    return { hash, files, baseImages, findings: [] };
}

;// CONCATENATED MODULE: ./src/images/live-state.ts


/** Image key -> what ECR holds. Each repository is described once, however many images share it. */
async function lookUpImages(ecr, images) {
    const repos = new Map();
    const repoOf = (q) => {
        const k = `${q.registryId ?? ''}/${q.repository}`;
        let p = repos.get(k);
        if (!p) {
            p = (0,images_ecr/* describeRepository */.MD)(ecr, { name: q.repository, ...(q.registryId ? { registryId: q.registryId } : {}) });
            repos.set(k, p);
        }
        return p;
    };
    const entries = await Promise.all(images.map(async (q) => {
        const repository = await repoOf(q);
        const image = repository
            ? await (0,images_ecr/* findImageByTag */._B)(ecr, {
                name: repository.name,
                ...(repository.registryId ? { registryId: repository.registryId } : {}),
                tag: (0,content_hash/* contentTag */.mB)(q.contentHash),
            })
            : undefined;
        return [q.key, { repository, image }];
    }));
    return Object.fromEntries(entries);
}

;// CONCATENATED MODULE: ./src/images/index.ts
/** The image step's public face: what the deploy and plan commands call. */











/***/ }),

/***/ 4694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KY: () => (/* binding */ liveBaseResolver),
  planProject: () => (/* binding */ planProject),
  GK: () => (/* binding */ planProjectWithTaskDefinitions)
});

// UNUSED EXPORTS: gatherLiveState, gatherPlanInputs

// EXTERNAL MODULE: ./src/aws.ts
var aws = __webpack_require__(4258);
// EXTERNAL MODULE: ./src/ecs/index.ts + 10 modules
var src_ecs = __webpack_require__(2970);
// EXTERNAL MODULE: ./src/images/append-plan.ts + 1 modules
var append_plan = __webpack_require__(2615);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/images/content-hash.ts
var content_hash = __webpack_require__(3628);
// EXTERNAL MODULE: ./src/images/ecr.ts
var ecr = __webpack_require__(9327);
;// CONCATENATED MODULE: ./src/images/base-resolver.ts
/**
 * The base-image resolver `deploy` and the live `plan` hand to `prepare`: floating base references
 * resolved to digests (content-hash.ts `resolveBaseDigests`), with the ECR login for bases in ECR
 * and anonymously for the others. Getting the ECR login is best effort: without it, an ECR base is
 * a notice like any unreachable one, never a failed deploy.
 */



/** Short: a base lookup must not hold a deploy up for long when a registry does not answer. */
const BASE_LOOKUP_TIMEOUT_MS = 10_000;
/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]` -> account and region. */
function ecrHost(host) {
    const m = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(host);
    return m ? { registryId: m[1], region: m[2] } : undefined;
}
/** Logins for the registries the references name: ECR hosts by pattern, any other host if it is the caller's ECR. */
async function ecrLogins(refs, opts) {
    const hosts = [
        ...new Set(refs.map((r) => (0,content_hash/* parseImageRef */.Q)(r)?.host).filter((h) => !!h && h !== 'docker.io')),
    ];
    if (hosts.length === 0)
        return [];
    const byRegion = new Map();
    for (const h of hosts) {
        const ecr = ecrHost(h);
        // A host that is not ECR's pattern may still be the caller's registry (an endpoint override).
        const region = ecr?.region ?? opts.env.AWS_REGION ?? opts.env.AWS_DEFAULT_REGION;
        const ids = byRegion.get(region) ?? new Set();
        if (ecr)
            ids.add(ecr.registryId);
        byRegion.set(region, ids);
    }
    const logins = await Promise.all([...byRegion].map(async ([region, ids]) => {
        const own = opts.ecr && (!region || (await opts.ecr.config.region()) === region);
        if (!own && !region)
            return [];
        const client = own ? opts.ecr : new dist_cjs/* ECRClient */.S70({ region: region });
        try {
            return await (0,ecr/* getRegistryAuth */.A4)(client, [...ids]);
        }
        catch {
            return [];
        }
        finally {
            if (!own)
                client.destroy();
        }
    }));
    const flat = logins.flat();
    for (const l of flat) {
        opts.log.mask(l.password);
        opts.log.mask(Buffer.from(`${l.username}:${l.password}`).toString('base64'));
    }
    return flat;
}
function baseImageResolver(opts) {
    return async (refs) => {
        const logins = await ecrLogins(refs, opts);
        return (0,content_hash/* resolveBaseDigests */.fi)(refs, {
            logins,
            timeoutMs: opts.timeoutMs ?? BASE_LOOKUP_TIMEOUT_MS,
            ...(opts.fetch ? { fetch: opts.fetch } : {}),
        });
    };
}

// EXTERNAL MODULE: ./src/images/index.ts + 16 modules
var src_images = __webpack_require__(1456);
// EXTERNAL MODULE: ./src/plan/index.ts + 4 modules
var plan = __webpack_require__(2422);
// EXTERNAL MODULE: ./src/plan/prepare.ts
var prepare = __webpack_require__(5264);
;// CONCATENATED MODULE: ./src/plan-project.ts
/**
 * Gather, then plan: the one place a plan's live state is collected. The repository's files are
 * read (prepare), AWS is asked what the plan needs to know (STS for the account, ECR for the
 * repositories and content tags, ECS and SSM for the services, their task definitions and the
 * parameters they read) and the answers come back as `LiveState`; the plan itself (src/plan) is a
 * pure function of both. `plan`, `deploy --dry-run` and the action all come through here.
 */







/** Everything live a plan of `prepared` needs, read-only. */
async function gatherLiveState(prepared, clients, region) {
    const accountId = await (0,src_ecs/* callerAccount */.Xr)(clients.sts);
    const q = (0,plan/* liveQueries */.N_)(prepared, region, accountId);
    const [images, ecs] = await Promise.all([
        (0,src_images/* lookUpImages */.FY)(clients.ecr, q.images),
        (0,src_ecs/* lookUpServices */.HE)(clients, q.services, q.ssmRefs),
    ]);
    return { region, accountId, images, ecs };
}
/** The files read and, unless offline, the live state gathered: all `makePlan` needs. */
async function gatherPlanInputs(opts) {
    const prepared = await (0,prepare/* prepare */.iA)(opts.offline ? opts : { ...opts, resolveBaseImages: liveBaseResolver(opts) });
    const env = opts.env ?? process.env;
    const input = {
        prepared,
        changed: opts.changed,
        ...(opts.forceNewDeployment !== undefined ? { forceNewDeployment: opts.forceNewDeployment } : {}),
        ...(opts.rebuild !== undefined ? { rebuild: opts.rebuild } : {}),
    };
    if (opts.offline) {
        const region = (0,aws/* resolveRegion */.Zv)(prepared.project.region, env);
        const methods = await keyed(prepared, (spec) => (0,append_plan/* offlineMethod */.B4)(spec));
        return { input: { ...input, methods, ...(region ? { region } : {}) } };
    }
    const region = (0,plan/* requireRegion */.CI)(prepared, env);
    const clients = opts.clients ?? (0,aws/* makeClients */.nv)({ region });
    try {
        const live = await gatherLiveState(prepared, clients, region);
        const how = { clients, env, ...(opts.rebuild !== undefined ? { rebuild: opts.rebuild } : {}) };
        const fluentdDryRun = prepared.project.deploy.fluentdDryRun;
        const methods = await keyed(prepared, (spec) => (0,src_images/* plannedImageMethod */.dl)({ ...how, fluentdDryRun }, spec, live.images[spec.key]?.repository));
        return { input: { ...input, methods }, live };
    }
    finally {
        if (!opts.clients)
            (0,aws/* destroyClients */.Fj)(clients);
    }
}
/** Image key -> what `how` says of its spec (undefined answers left out). */
async function keyed(prepared, how) {
    const pairs = await Promise.all(prepared.images.map(async (i) => [i.spec.key, await how(i.spec)]));
    return Object.fromEntries(pairs.filter((p) => p[1] !== undefined));
}
/** Gather, then plan. */
async function planProject(opts) {
    return (await planProjectWithTaskDefinitions(opts)).plan;
}
/** Gather, then plan; also the task definitions the plan would register (for `plan --out`). */
async function planProjectWithTaskDefinitions(opts) {
    const { input, live } = await gatherPlanInputs(opts);
    const planned = (0,plan/* planWithTaskDefinitions */.zY)(input, live);
    // The plan's diffs mask credentials found by value; the log masks the same values (as a deploy does).
    for (const td of Object.values(planned.taskDefinitions)) {
        for (const v of (0,src_ecs/* sensitiveValues */.DJ)(td))
            opts.log.mask(v);
    }
    return planned;
}
/**
 * Floating base tags resolved to digests (deploy, live plan): a moved upstream tag rebuilds. The
 * project file's `deploy.resolveBaseImages: false` turns it off (prepare reads it).
 */
function liveBaseResolver(opts) {
    return baseImageResolver({
        log: opts.log,
        env: opts.env ?? process.env,
        ...(opts.clients ? { ecr: opts.clients.ecr } : {}),
    });
}


/***/ }),

/***/ 2422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G9: () => (/* reexport */ formatPlanText),
  N_: () => (/* binding */ liveQueries),
  zY: () => (/* binding */ planWithTaskDefinitions),
  CI: () => (/* binding */ requireRegion)
});

// UNUSED EXPORTS: OFFLINE_ACCOUNT, OFFLINE_DIGEST, OFFLINE_REGISTRY, PlanError, makePlan, renderedTaskDefinitions, templateAccount

// EXTERNAL MODULE: ./src/aws.ts
var aws = __webpack_require__(4258);
// EXTERNAL MODULE: ./src/ecs/preflight.ts
var preflight = __webpack_require__(5714);
// EXTERNAL MODULE: ./src/images/content-hash.ts
var content_hash = __webpack_require__(3628);
// EXTERNAL MODULE: ./src/images/ecr.ts
var ecr = __webpack_require__(9327);
// EXTERNAL MODULE: ./src/plan/prepare.ts
var prepare = __webpack_require__(5264);
;// CONCATENATED MODULE: ./src/plan/placeholders.ts
/**
 * Offline stand-ins for what only AWS knows: obviously not real, and valid where render checks the
 * format. The region and account are the real ones whenever the files say them (the project's
 * `region`, the account in the template's role ARNs or ECR image): a placeholder is shown only for
 * what nothing in the repository tells.
 */
const OFFLINE_ACCOUNT = '000000000000';
const OFFLINE_DIGEST = `sha256:${'0'.repeat(64)}`;
const OFFLINE_REGION = 'REGION';
const OFFLINE_REGISTRY = (/* unused pure expression or super */ null && (`ACCOUNT.dkr.ecr.${OFFLINE_REGION}.amazonaws.com`));
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\//;
const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;
/** The account a template names (execution/task role ARN, else an ECR image), when it names one. */
function templateAccount(template) {
    if (typeof template !== 'object' || template === null)
        return undefined;
    const td = template;
    for (const k of ['executionRoleArn', 'taskRoleArn']) {
        const m = typeof td[k] === 'string' ? ROLE_ARN.exec(td[k]) : null;
        if (m?.[1])
            return m[1];
    }
    for (const c of Array.isArray(td.containerDefinitions) ? td.containerDefinitions : []) {
        const image = typeof c === 'object' && c !== null ? c.image : undefined;
        const m = typeof image === 'string' ? ECR_IMAGE.exec(image) : null;
        if (m?.[1])
            return m[1];
    }
    return undefined;
}
/** The ECR registry host an account and region would have; placeholders for what is not known. */
function ecrRegistry(account, region) {
    const suffix = region?.startsWith('cn-') ? '.cn' : '';
    return `${account ?? 'ACCOUNT'}.dkr.ecr.${region ?? OFFLINE_REGION}.amazonaws.com${suffix}`;
}

;// CONCATENATED MODULE: ./src/plan/images.ts
/** The images' half of the plan: what git says changed (offline), or what ECR holds (live). Pure. */




/** Stable codes of the plan's own problems (docs/checks.md). */
const PLAN_CODES = { missingRepository: 'plan/missing-repository', immutableTag: 'plan/immutable-tag' };
/** The method line of an image that would be built, when the gathered inputs say. */
function methodOf(input, key, action) {
    const method = action === 'build' ? input.methods?.[key] : undefined;
    return method ? { method } : {};
}
function describeChange(img, changed) {
    if (changed.kind === 'all') {
        return `${changed.reason}: the deploy builds it unless ECR already has ${(0,content_hash/* contentTag */.mB)(img.spec.contentHash)}`;
    }
    if (img.inputsChanged) {
        const more = img.changedInputs.length > 5 ? `, +${img.changedInputs.length - 5} more` : '';
        return `inputs changed: ${img.changedInputs.slice(0, 5).join(', ')}${more}`;
    }
    return 'no input changed since the base commit';
}
function offlineImages(input, registry) {
    return input.prepared.images.map((img) => {
        const action = input.rebuild || img.inputsChanged !== false ? 'build' : 'unknown';
        return (0,prepare/* imagePlan */.Tb)(img, {
            action,
            reason: input.rebuild ? 'rebuild requested' : describeChange(img, input.changed),
            repositoryUri: `${registry}/${img.spec.repository}`,
            ...methodOf(input, img.spec.key, action),
        });
    });
}
/** Each image as ECR has it; `problems` would stop the deploy (a missing repository, a blocked rebuild). */
function liveImages(input, live) {
    const problems = [];
    const create = input.prepared.project.deploy.createRepositories;
    const images = input.prepared.images.map((img) => {
        const { key, repository } = img.spec;
        const tag = (0,content_hash/* contentTag */.mB)(img.spec.contentHash);
        const st = live.images[key];
        const why = describeChange(img, input.changed);
        if (!st?.repository) {
            const named = `ECR repository "${repository}"`;
            const reason = create
                ? `${named} will be created (deploy.createRepositories), then ${tag} built and pushed (${why})`
                : `${named} is missing: create it or set deploy.createRepositories: true`;
            if (!create)
                problems.push(`image ${key}: ${reason} [${PLAN_CODES.missingRepository}]`);
            const repositoryState = create ? 'will-be-created' : 'missing';
            return { ...(0,prepare/* imagePlan */.Tb)(img, { action: 'build', reason, ...methodOf(input, key, 'build') }), repositoryState };
        }
        const repo = st.repository;
        if (st.image && !input.rebuild) {
            const reason = `${tag} is already in ECR: reused, not rebuilt`;
            const decision = { action: 'reuse', reason, repositoryUri: repo.uri, digest: st.image.digest };
            return { ...(0,prepare/* imagePlan */.Tb)(img, decision), repositoryState: 'exists' };
        }
        if (st.image && (0,ecr/* isImmutable */.t3)(repo.tagMutability)) {
            problems.push(`image ${key}: a rebuild cannot replace ${repo.uri}:${tag}: repository "${repo.name}" has immutable tags; ` +
                `delete that image in ECR first, or deploy without rebuild [${PLAN_CODES.immutableTag}]`);
        }
        const reason = `${input.rebuild ? 'rebuild requested' : `${tag} is not in ECR`} (${why})`;
        const decision = { action: 'build', reason, repositoryUri: repo.uri, ...methodOf(input, key, 'build') };
        return { ...(0,prepare/* imagePlan */.Tb)(img, decision), repositoryState: 'exists' };
    });
    return { images, problems };
}
/** Image key -> the reference a task definition pins: the known digest, else a placeholder one. */
function imageRefs(images, account, region) {
    const uri = (i) => i.repositoryUri ?? `${ecrRegistry(account, region)}/${i.repository}`;
    return Object.fromEntries(images.map((i) => [i.key, `${uri(i)}@${i.digest ?? OFFLINE_DIGEST}`]));
}

// EXTERNAL MODULE: ./src/plan/render-all.ts
var render_all = __webpack_require__(7961);
// EXTERNAL MODULE: ./src/ecs/arn.ts
var ecs_arn = __webpack_require__(7362);
// EXTERNAL MODULE: ./src/ecs/compare.ts
var compare = __webpack_require__(4794);
// EXTERNAL MODULE: ./src/ecs/diff.ts
var ecs_diff = __webpack_require__(3034);
// EXTERNAL MODULE: ./src/ecs/live-state.ts
var live_state = __webpack_require__(6163);
// EXTERNAL MODULE: ./src/ecs/sensitive.ts
var sensitive = __webpack_require__(8061);
;// CONCATENATED MODULE: ./src/plan/services.ts






function base(svc, rendered) {
    const td = rendered.deployments.find((d) => d.key === svc.key)?.taskDefinition;
    const images = [...new Set(Object.values(svc.containers))];
    const plan = { key: svc.key, cluster: svc.cluster, service: svc.service, images };
    if (td)
        plan.taskDefinition = (0,sensitive/* maskTaskDefinition */.hU)(td);
    return { plan, td };
}
const unrendered = (rendered, key) => ({
    action: 'unknown',
    reason: (0,render_all/* problemsOf */.G)(rendered, key).join('; ') || 'cannot render',
});
/** Offline: judged by what git says changed, never by what runs. */
function offlineDecision(input, svc, rebuilt) {
    const { changed } = input;
    const files = changed.kind === 'files' ? changed.files : [];
    const templateChanged = changed.kind === 'all' || files.includes(svc.taskDefinition) || files.includes(input.prepared.project.configFile);
    if (rebuilt.length)
        return { action: 'register-and-update', reason: `image ${rebuilt.join(', ')} will be rebuilt` };
    if (templateChanged) {
        const why = changed.kind === 'all' ? 'no base to compare with' : 'task definition template or project file changed';
        return { action: 'register-and-update', reason: `${why}; registered only if it differs from the live one` };
    }
    if (input.forceNewDeployment)
        return { action: 'update', reason: 'forced new deployment' };
    const reason = 'nothing changed since the base commit (offline: the live task definition was not compared)';
    return { action: 'unknown', reason };
}
function offlineServices(input, images, rendered) {
    return input.prepared.services.map((svc) => {
        const { plan, td } = base(svc, rendered);
        if (!td)
            return { ...plan, ...unrendered(rendered, svc.key), taskDefinitionDiff: '' };
        const rebuilt = plan.images.filter((k) => images.find((i) => i.key === k)?.action === 'build');
        const diff = (0,ecs_diff/* taskDefinitionDiff */.y)({
            name: svc.taskDefinition,
            live: rendered.templates.get(svc.key),
            rendered: td,
            liveLabel: 'template',
            renderedLabel: 'rendered, offline placeholders',
        });
        return { ...plan, ...offlineDecision(input, svc, rebuilt), taskDefinitionDiff: diff };
    });
}
/** As the deploy decides: equal to what runs -> nothing; equal to the family's latest -> reuse it; else register. */
function liveDecision(input, td, state, pending) {
    const running = state?.running;
    if (running && (0,compare/* sameTaskDefinition */.J)(running.definition, td)) {
        if (input.forceNewDeployment) {
            return { action: 'update', reason: 'forced new deployment of the unchanged task definition' };
        }
        return { action: 'none', reason: `unchanged: keeps ${running.arn}` };
    }
    if (pending.length) {
        const reason = `image ${pending.join(', ')} will be built: a new task definition pins its digest`;
        return { action: 'register-and-update', reason };
    }
    const latest = state?.latest;
    if (latest && latest.arn !== running?.arn && (0,compare/* sameTaskDefinition */.J)(latest.definition, td)) {
        const reason = `already registered as ${(0,ecs_arn/* shortTaskDefinition */.P5)(latest.arn)}: the service is updated to it`;
        return { action: 'register-and-update', reason };
    }
    return { action: 'register-and-update', reason: 'the rendered task definition differs from the live one' };
}
function liveServices(input, live, images, rendered) {
    const problems = [];
    const missing = new Set(live.ecs.missingParameters);
    const services = input.prepared.services.map((svc) => {
        const { plan, td } = base(svc, rendered);
        const state = live.ecs.services[svc.key];
        const running = state?.running;
        const arn = state?.lookup.ok ? state.lookup.service.taskDefinition : undefined;
        const withArn = { ...plan, ...(arn ? { liveTaskDefinitionArn: arn } : {}) };
        if (!td)
            return { ...withArn, ...unrendered(rendered, svc.key), taskDefinitionDiff: '' };
        const liveLabel = running ? (0,ecs_arn/* shortTaskDefinition */.P5)(running.arn) : 'none';
        const renderedLabel = 'rendered';
        const diff = (0,ecs_diff/* taskDefinitionDiff */.y)({
            name: svc.key,
            live: running?.definition,
            rendered: td,
            liveLabel,
            renderedLabel,
        });
        const target = { key: svc.key, cluster: svc.cluster, service: svc.service, taskDefinition: td };
        const stops = (0,live_state/* servicePreflight */.r)(target, state, missing);
        if (stops.length) {
            problems.push(...stops.map((p) => `${p.message} [${p.code}]`));
            const reason = stops.map((p) => p.message).join('; ');
            return { ...withArn, action: 'unknown', reason, taskDefinitionDiff: diff };
        }
        const pending = plan.images.filter((k) => images.find((i) => i.key === k)?.action === 'build');
        return { ...withArn, ...liveDecision(input, td, state, pending), taskDefinitionDiff: diff };
    });
    return { services, problems };
}

;// CONCATENATED MODULE: ./src/plan/format.ts
const IMAGE_ACTION = {
    build: 'build',
    reuse: 'reuse',
    unknown: 'keep?',
};
const SERVICE_ACTION = {
    'register-and-update': 'register + update',
    update: 'update (forced)',
    none: 'no change',
    unknown: 'unknown',
};
function pad(s, n) {
    return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function formatPlanText(plan) {
    const lines = [];
    lines.push(plan.offline ? 'Plan (offline: no AWS was asked; digests, and ids no file names, are placeholders)' : 'Plan');
    lines.push(plan.changed.kind === 'all'
        ? `Changes: everything counts as changed (${plan.changed.reason})`
        : `Changes: ${plan.changed.files.length} file(s) changed between ${plan.changed.base.slice(0, 12)} and ${plan.changed.head.slice(0, 12)}`);
    lines.push('', 'Images:');
    if (!plan.images.length)
        lines.push('  (none)');
    const kw = Math.max(4, ...plan.images.map((i) => i.key.length));
    for (const i of plan.images) {
        lines.push(`  ${pad(IMAGE_ACTION[i.action], 6)} ${pad(i.key, kw)}  ${i.repository}:${i.tag}`);
        lines.push(`         ${pad('', kw)}  ${i.reason}`);
        if (i.method)
            lines.push(`         ${pad('', kw)}  how: ${i.method}`);
    }
    lines.push('', 'Services:');
    if (!plan.services.length)
        lines.push('  (none)');
    const sw = Math.max(4, ...plan.services.map((s) => s.key.length));
    for (const s of plan.services) {
        lines.push(`  ${pad(SERVICE_ACTION[s.action], 17)} ${pad(s.key, sw)}  ${s.cluster}/${s.service}`);
        lines.push(`  ${pad('', 17)} ${pad('', sw)}  ${s.reason}`);
    }
    if (plan.notes?.length) {
        lines.push('', 'Notes:');
        for (const n of plan.notes)
            lines.push(`  - ${n}`);
    }
    if (plan.problems.length) {
        lines.push('', 'Would stop the deploy:');
        for (const p of plan.problems)
            lines.push(`  - ${p}`);
    }
    for (const s of plan.services) {
        if (!s.taskDefinitionDiff)
            continue;
        lines.push('', `Task definition of ${s.key}:`, s.taskDefinitionDiff.trimEnd());
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/plan/index.ts











/** The Region AWS is asked in (live plan, deploy): the project file's, else the environment's. */
function requireRegion(prepared, env) {
    const region = (0,aws/* resolveRegion */.Zv)(prepared.project.region, env);
    if (!region) {
        throw new prepare/* PlanError */.W6('no AWS region: set `region:` in the project file, the aws-region input, or AWS_REGION');
    }
    return region;
}
/** The plan. Without `live` it is an offline plan. Same inputs, same plan: nothing is asked of anyone. */
function makePlan(input, live) {
    return planWithTaskDefinitions(input, live).plan;
}
/**
 * Service key -> the task definition exactly as RegisterTaskDefinition would get it (unmasked:
 * for `plan --out`, never for printing); services that cannot be rendered are absent.
 */
function renderedTaskDefinitions(input, live) {
    return planWithTaskDefinitions(input, live).taskDefinitions;
}
/** The plan and the task definitions it would register, from one rendering. */
function planWithTaskDefinitions(input, live) {
    const r = renderFor(input, live);
    const taskDefinitions = Object.fromEntries(r.rendered.deployments.map((d) => [d.key, d.taskDefinition]));
    const { findings } = input.prepared;
    const common = { changed: input.changed, images: r.images, findings, notes: r.rendered.notes };
    if (!live) {
        const services = offlineServices(input, r.images, r.rendered);
        return { plan: { offline: true, ...common, services, problems: r.rendered.problems }, taskDefinitions };
    }
    const svc = liveServices(input, live, r.images, r.rendered);
    const problems = [...r.imageProblems, ...r.rendered.problems, ...svc.problems];
    return { plan: { offline: false, ...common, services: svc.services, problems }, taskDefinitions };
}
function renderFor(input, live) {
    const { prepared } = input;
    if (!live) {
        const account = [...prepared.validation.taskDefs.values()].map(templateAccount).find(Boolean);
        const images = offlineImages(input, ecrRegistry(account, input.region));
        const refs = imageRefs(images, account, input.region);
        const rendered = (0,render_all/* renderAll */.Y)(prepared, refs, input.region ?? OFFLINE_REGION, account ?? OFFLINE_ACCOUNT);
        return { images, imageProblems: [], rendered };
    }
    const img = liveImages(input, live);
    const rendered = (0,render_all/* renderAll */.Y)(prepared, imageRefs(img.images, live.accountId, live.region), live.region, live.accountId);
    return { images: img.images, imageProblems: img.problems, rendered };
}
function liveQueries(prepared, region, accountId) {
    const images = prepared.images.map((i) => ({
        key: i.spec.key,
        repository: i.spec.repository,
        ...(i.spec.registryId ? { registryId: i.spec.registryId } : {}),
        contentHash: i.spec.contentHash,
        tag: (0,content_hash/* contentTag */.mB)(i.spec.contentHash),
    }));
    // Which parameters a task definition reads does not depend on the digests: placeholders will do.
    const registry = ecrRegistry(accountId, region);
    const placeholders = offlineImages({ prepared, changed: { kind: 'all', reason: '' } }, registry);
    const rendered = (0,render_all/* renderAll */.Y)(prepared, imageRefs(placeholders, accountId, region), region, accountId);
    const ssmRefs = [...new Set(rendered.deployments.flatMap((d) => [...(0,preflight/* ssmReferences */.Uv)(d.taskDefinition).keys()]))].sort();
    const services = prepared.services.map((s) => {
        const family = prepared.validation.taskDefs.get(s.key)?.family;
        return { key: s.key, cluster: s.cluster, service: s.service, ...(typeof family === 'string' ? { family } : {}) };
    });
    return { images, services, ssmRefs };
}


/***/ }),

/***/ 5264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tb: () => (/* binding */ imagePlan),
/* harmony export */   W6: () => (/* binding */ PlanError),
/* harmony export */   iA: () => (/* binding */ prepare)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(671);
/* harmony import */ var _checks_source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5784);
/* harmony import */ var _checks_taskdef_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(0);
/* harmony import */ var _images_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1456);
/* harmony import */ var _images_append_plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2615);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8825);
/**
 * What plan and deploy both start from: the validated project, the services selected (`--only`),
 * the images they run with their content hashes, and which of their inputs git says changed.
 * No AWS here.
 */







class PlanError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PlanError';
    }
}
/** Placeholder values the Fluentd dry run sees for what the task definition provides: never real secrets. */
const ENV_PLACEHOLDER = 'dd-ecs-monitor-placeholder';
async function prepare(opts) {
    const validation = opts.validation ?? (0,_validate_js__WEBPACK_IMPORTED_MODULE_6__/* .validateProject */ .U)(opts.configPath);
    const project = validation.project;
    if (validation.fatal || !project) {
        throw new PlanError(`cannot use the project file ${opts.configPath}: ${validation.findings[0]?.message ?? 'unreadable'}`);
    }
    const all = Object.values(project.services);
    const only = opts.only ?? [];
    const unknown = only.filter((k) => !all.some((s) => s.key === k || s.service === k));
    if (unknown.length) {
        throw new PlanError(`--only names ${unknown.map((u) => `"${u}"`).join(', ')}, not a service of ${project.configFile} (services: ${all.map((s) => s.key).join(', ')})`);
    }
    const services = only.length ? all.filter((s) => only.includes(s.key) || only.includes(s.service)) : all;
    const imageKeys = [...new Set(services.flatMap((s) => Object.values(s.containers)))].filter((k) => project.images[k]);
    const changedSet = opts.changed.kind === 'files' ? new Set(opts.changed.files) : undefined;
    const baseNotices = [];
    const resolve = opts.resolveBaseImages && project.deploy.resolveBaseImages ? onceEach(opts.resolveBaseImages) : undefined;
    const images = await Promise.all(imageKeys.map(async (key) => {
        const img = project.images[key];
        const contextDir = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(project.root, img.context);
        const dockerfile = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(project.root, img.dockerfile);
        const hashOptions = {
            contextDir,
            dockerfile,
            buildArgs: img.buildArgs,
            ...(img.platform ? { platform: img.platform } : {}),
            ...(img.target ? { target: img.target } : {}),
        };
        // Validation already parsed the Dockerfile and listed the context; without a layout (an
        // unreadable Dockerfile) imageInputs says why.
        const layout = validation.layouts.get(key);
        const bases = layout && resolve ? await resolvedBases(resolve, layout.dockerfile, img.dockerfile, baseNotices) : undefined;
        const inputs = layout
            ? await (0,_images_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parsedImageInputs */ .oV)(hashOptions, layout.dockerfile, layout.inputs.map((f) => (img.context === '.' ? f : f.slice(img.context.length + 1))), bases)
            : await (0,_images_index_js__WEBPACK_IMPORTED_MODULE_4__/* .imageInputs */ .bE)({ root: project.root, ...hashOptions });
        if (!inputs.hash)
            throw new PlanError(`image "${key}": ${inputs.findings[0]?.message ?? 'cannot read its Dockerfile'}`);
        const repoInputs = [
            img.dockerfile,
            ...inputs.files.map((f) => (img.context === '.' ? f : `${img.context}/${f}`)),
        ];
        // The project file holds build args: editing it may change the image even when no input file did.
        const watched = [...repoInputs, project.configFile];
        const changedInputs = changedSet ? watched.filter((f) => changedSet.has(f)) : [];
        return {
            spec: {
                key,
                contextDir,
                dockerfile,
                repository: img.repository,
                buildArgs: img.buildArgs,
                ...(img.platform ? { platform: img.platform } : {}),
                ...(img.target ? { target: img.target } : {}),
                contentHash: inputs.hash,
                ...(bases?.size ? { baseDigests: Object.fromEntries(bases) } : {}),
                ...fluentdCheck(validation, project, key),
                ...runtimePlatformOf(validation, services, key),
            },
            inputs: repoInputs,
            changedInputs,
            inputsChanged: changedSet ? changedInputs.length > 0 : undefined,
            services: services.filter((s) => Object.values(s.containers).includes(key)).map((s) => s.key),
        };
    }));
    return {
        validation,
        project,
        services,
        images,
        findings: baseNotices.length ? [...validation.findings, ...baseNotices] : validation.findings,
    };
}
/** The digests of an image's floating bases; each one not resolved is a notice on its FROM line(s). */
async function resolvedBases(resolve, df, dockerfile, notices) {
    const stages = df.stages.filter((s) => s.baseStage === undefined);
    const r = await resolve(stages.map((s) => s.baseImage));
    for (const s of stages) {
        const message = r.notices.find((m) => m.startsWith(`base image ${s.baseImage} `));
        if (message)
            notices.push((0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(dockerfile, { line: s.line, column: 1 }, 'notice', 'dockerfile/base-unresolved', message));
    }
    return r.digests;
}
/** The resolver asked once per distinct reference, however many images and stages name it. */
function onceEach(resolve) {
    const asked = new Map();
    return async (refs) => {
        const fresh = [...new Set(refs)].filter((r) => !asked.has(r));
        if (fresh.length) {
            const all = resolve(fresh);
            for (const r of fresh)
                asked.set(r, all);
        }
        const answers = await Promise.all([...new Set(refs)].map((r) => asked.get(r)));
        const digests = new Map();
        const notices = new Set();
        for (const a of answers) {
            for (const [k, v] of a.digests)
                if (refs.includes(k))
                    digests.set(k, v);
            for (const n of a.notices)
                if (refs.some((r) => n.startsWith(`base image ${r} `)))
                    notices.add(n);
        }
        return { digests, notices: [...notices] };
    };
}
/** The platform the task definitions running this image ask for: which base entry a layer append reads. */
function runtimePlatformOf(validation, services, imageKey) {
    const platform = services
        .filter((s) => Object.values(s.containers).includes(imageKey))
        .map((s) => (0,_images_append_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .taskPlatform */ .Vn)(validation.taskDefs.get(s.key)))
        .find((p) => p !== undefined);
    return platform ? { runtimePlatform: platform } : {};
}
/** The Fluentd entry config this image carries, for the image's own `fluentd --dry-run`. */
function fluentdCheck(validation, project, imageKey) {
    const layout = validation.layouts.get(imageKey);
    if (!layout)
        return {};
    const entry = validation.files.find((f) => f.kind === 'fluentd' && [...layout.files].some(([, repo]) => repo === f.path));
    if (!entry)
        return {};
    const imagePath = [...layout.files].find(([, repo]) => repo === entry.path)?.[0];
    if (!imagePath)
        return {};
    const sources = new Map();
    for (const [ip, repo] of layout.files) {
        if (!ip.endsWith('.conf'))
            continue;
        const d = (0,_checks_source_js__WEBPACK_IMPORTED_MODULE_2__/* .readSource */ .o$)(repo, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(project.root, repo));
        if (d.ok)
            sources.set(repo, d.source.text);
    }
    const env = {};
    for (const svc of Object.values(project.services)) {
        const td = validation.taskDefs.get(svc.key);
        if (!td)
            continue;
        for (const [container, key] of Object.entries(svc.containers)) {
            if (key !== imageKey)
                continue;
            for (const name of (0,_checks_taskdef_index_js__WEBPACK_IMPORTED_MODULE_3__/* .containerEnv */ .jY)(td, container, svc).names)
                env[name] = ENV_PLACEHOLDER;
        }
    }
    return { fluentdCheck: { configPath: imagePath, file: entry.path, files: layout.files, sources, env } };
}
/** An image's line of the plan: what prepare knows, plus the decision and whatever ECR said. */
function imagePlan(img, decision) {
    return {
        key: img.spec.key,
        repository: img.spec.repository,
        contentHash: img.spec.contentHash,
        tag: (0,_images_index_js__WEBPACK_IMPORTED_MODULE_4__/* .contentTag */ .mB)(img.spec.contentHash),
        changedInputs: img.changedInputs,
        inputsChanged: img.inputsChanged,
        action: decision.action,
        reason: decision.reason,
        ...(decision.repositoryUri ? { repositoryUri: decision.repositoryUri } : {}),
        ...(decision.digest ? { digest: decision.digest } : {}),
        ...(decision.method ? { method: decision.method } : {}),
        services: img.services,
    };
}


/***/ }),

/***/ 7961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ problemsOf),
/* harmony export */   Y: () => (/* binding */ renderAll)
/* harmony export */ });
/* harmony import */ var _ecs_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2970);

function renderAll(prepared, imageRefs, region, accountId) {
    const out = { deployments: [], templates: new Map(), problems: [], notes: [] };
    for (const svc of prepared.services) {
        const template = prepared.validation.taskDefs.get(svc.key);
        if (!template) {
            out.problems.push(`service ${svc.key}: its task definition ${svc.taskDefinition} could not be read (see the findings)`);
            continue;
        }
        out.templates.set(svc.key, template);
        const r = (0,_ecs_index_js__WEBPACK_IMPORTED_MODULE_0__/* .renderServiceTaskDefinition */ .ag)({ service: svc, template, images: imageRefs, region, accountId });
        for (const p of r.problems) {
            const line = `service ${svc.key} (${svc.taskDefinition}${p.pointer ? ` at ${p.pointer}` : ''}): ${p.message} [${p.code}]`;
            (p.severity === 'error' ? out.problems : out.notes).push(line);
        }
        if (r.input)
            out.deployments.push({
                key: svc.key,
                cluster: svc.cluster,
                service: svc.service,
                taskDefinition: r.input,
            });
    }
    return out;
}
/** The render problems of one service: each line starts with `service <key>`. */
function problemsOf(rendered, key) {
    return rendered.problems.filter((p) => p.startsWith(`service ${key} (`) || p.startsWith(`service ${key}:`));
}


/***/ })

};
