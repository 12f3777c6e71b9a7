export const id = 378;
export const ids = [378];
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




const USER_AGENT = 'dd-ecs-monitor/0.1.0';
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

/***/ 6358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EG: () => (/* reexport */ DeployStepError),
  Xr: () => (/* reexport */ callerAccount),
  ul: () => (/* reexport */ deployServices),
  ag: () => (/* reexport */ renderServiceTaskDefinition),
  yr: () => (/* reexport */ taskDefinitionDiff)
});

// UNUSED EXPORTS: canonicalTaskDefinition, circuitBreakerThreshold, classifySecretRef, describeServices, describeTaskDefinition, followDeployment, formatStoppedTask, isSensitiveName, maskPair, normalizeTaskDefinition, partitionOf, preflight, realClock, renderTaskDefinition, resolveTaskDefinition, rollOut, sameTaskDefinition, sensitiveValues, shortTaskDefinition, ssmParameterArn, ssmReferences, stoppedTasksOf, summarizeStoppedTasks

// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __webpack_require__(5111);
// EXTERNAL MODULE: ./src/ecs/arn.ts
var ecs_arn = __webpack_require__(7362);
// EXTERNAL MODULE: ./src/checks/taskdef/schema.ts
var schema = __webpack_require__(9279);
;// CONCATENATED MODULE: ./src/ecs/fields.ts
/**
 * Which top-level task definition members RegisterTaskDefinition accepts, and which ones only
 * DescribeTaskDefinition returns. Pasting `aws ecs describe-task-definition` output or the console's
 * JSON into a template is common; registering it as-is fails with "Unexpected key 'compatibilities'"
 * (aws-actions/amazon-ecs-render-task-definition#2, aws/aws-cli#5882 for registeredAt/registeredBy),
 * so those members are stripped. One list for the checker and the deploy: the task-definition schema
 * (from the SDK's RegisterTaskDefinitionRequest and TaskDefinition types).
 */

const REGISTER_FIELDS = Object.keys(schema/* TASK_DEFINITION */.ML);
const READ_ONLY_FIELDS = schema/* READ_ONLY_FIELDS */.O6;

;// CONCATENATED MODULE: ./src/ecs/json.ts
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
        td = unwrap(withoutNulls(opts.template));
    }
    catch (err) {
        if (!(err instanceof TooDeepError))
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
        if (READ_ONLY_FIELDS.includes(k)) {
            add('notice', 'render/read-only-field', `/${k}`, `"${k}" is returned by DescribeTaskDefinition but not accepted by RegisterTaskDefinition; it is ignored (you can delete it)`);
        }
        else if (!REGISTER_FIELDS.includes(k)) {
            add('warning', 'render/unknown-field', `/${k}`, `"${k}" is not a task definition field and is ignored${(0,suggest/* didYouMean */.au)(k, REGISTER_FIELDS)}`);
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
        if (!isRecord(c) || typeof c.name !== 'string' || c.name === '') {
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
            secrets.push({ name, valueFrom: k.kind === 'ssm-name' ? (0,ecs_arn/* ssmParameterArn */.Yx)(k.name, opts.region, opts.accountId) : k.arn });
        }
    }
    const env = Object.entries(opts.environment ?? {}).map(([name, value]) => ({ name, value }));
    if (targets.length === 0 && (secrets.length > 0 || env.length > 0)) {
        add('error', 'render/no-target-container', '/containerDefinitions', 'secrets and environment go to the containers built here, and this service maps none; map a container to an image or name the containers with secretsTo');
    }
    for (const name of targets) {
        const hit = byName.get(name);
        if (!hit) {
            if (opts.secretsTo)
                unknown(name, 'secretsTo');
            continue;
        }
        if (secrets.length)
            hit.c.secrets = mergeByName(asArray(hit.c.secrets), secrets, 'valueFrom');
        if (env.length)
            hit.c.environment = mergeByName(asArray(hit.c.environment), env, 'value');
    }
    // A name set both ways is ambiguous at best and a plaintext credential at worst.
    defs.forEach((c, i) => {
        const secretNames = new Set(asArray(c.secrets).filter(isRecord).map((s) => str(s.name)));
        for (const e of asArray(c.environment).filter(isRecord)) {
            const n = str(e.name);
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
    if (!isRecord(t))
        return undefined;
    if (isRecord(t.taskDefinition) && !('containerDefinitions' in t)) {
        const inner = { ...t.taskDefinition };
        if (Array.isArray(t.tags) && t.tags.length > 0 && !('tags' in inner))
            inner.tags = t.tags;
        return inner;
    }
    return { ...t };
}
/** Existing entries keep their place and get the new value; new names are appended in the given order. */
function mergeByName(existing, add, valueKey) {
    const out = existing.map((e) => (isRecord(e) ? { ...e } : e));
    for (const a of add) {
        const hit = out.find((e) => isRecord(e) && e.name === a.name);
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
            ...missing.map((m) => ({ severity: 'error', code: 'render/missing-image', pointer: '/containerDefinitions', message: m })),
            ...r.problems,
        ],
    };
}

;// CONCATENATED MODULE: ./src/ecs/normalize.ts
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
    const src = withoutNulls(td);
    const out = {};
    if (!isRecord(src))
        return out;
    for (const [k, v] of Object.entries(src)) {
        if (REGISTER_FIELDS.includes(k) && !READ_ONLY_FIELDS.includes(k))
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
    out.containerDefinitions = byName(asArray(out.containerDefinitions).map((c) => normalizeContainer(c, awsvpc)));
    out.volumes = byName(asArray(out.volumes));
    out.requiresCompatibilities = asArray(out.requiresCompatibilities).map(String).sort();
    out.tags = asArray(out.tags)
        .filter(isRecord)
        .sort((a, b) => cmp(str(a.key), str(b.key)));
    return dropEmpty(out);
}
function normalizeContainer(c, hostPortIsContainerPort) {
    if (!isRecord(c))
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
    o.portMappings = asArray(o.portMappings).map((p) => {
        if (!isRecord(p))
            return p;
        const m = { ...p };
        if (m.protocol === undefined)
            m.protocol = 'tcp';
        if (m.hostPort === 0 || (hostPortIsContainerPort && m.hostPort === m.containerPort))
            delete m.hostPort;
        return m;
    });
    // An environment entry without a value is registered as an empty string.
    o.environment = byName(asArray(o.environment).map((e) => (isRecord(e) && e.value === undefined ? { ...e, value: '' } : e)));
    o.secrets = byName(asArray(o.secrets));
    o.ulimits = byName(asArray(o.ulimits));
    if (isRecord(o.healthCheck))
        o.healthCheck = { interval: 30, timeout: 5, retries: 3, ...o.healthCheck };
    return o;
}
function byName(list) {
    return [...list].sort((a, b) => cmp(isRecord(a) ? str(a.name) : undefined, isRecord(b) ? str(b.name) : undefined));
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
    if (isRecord(v)) {
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
    if (isRecord(v))
        return Object.keys(v).length === 0;
    return false;
}

;// CONCATENATED MODULE: ./src/ecs/compare.ts
/** Is the rendered task definition the one already registered? Compared after normalisation. */


function canonicalTaskDefinition(td) {
    return canonicalJson(normalizeTaskDefinition(td));
}
function sameTaskDefinition(a, b) {
    return canonicalTaskDefinition(a) === canonicalTaskDefinition(b);
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(9672);
;// CONCATENATED MODULE: ./src/ecs/sensitive.ts
/**
 * Values that must never reach a log line or a diff: plain `environment` values whose name looks
 * like a credential (`DD_API_KEY`, `MYSQL_PASSWORD`, ...), and log-driver / FireLens options or
 * Docker labels named that way (the Datadog FireLens output takes `apikey` as an option).
 * Over-masking is cheap; a leaked key is not.
 */

const SENSITIVE_NAME = /KEY|PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|CREDENTIAL|PRIVATE|AUTH/i;
const MASK = '***';
const MASK_CHANGED = '*** (changed)';
function isSensitiveName(name) {
    return SENSITIVE_NAME.test(name);
}
function leaves(td) {
    const out = [];
    const containers = asArray(td.containerDefinitions).filter(isRecord);
    for (const c of containers) {
        const cpath = `containers[${str(c.name) ?? '?'}]`;
        for (const e of asArray(c.environment).filter(isRecord)) {
            const name = str(e.name);
            const value = str(e.value);
            if (name && value !== undefined && isSensitiveName(name)) {
                out.push({ path: `${cpath}.environment[${name}]`, value, set: (v) => (e.value = v) });
            }
        }
        const maps = [
            ['dockerLabels', c.dockerLabels],
            ['logConfiguration.options', isRecord(c.logConfiguration) ? c.logConfiguration.options : undefined],
            ['firelensConfiguration.options', isRecord(c.firelensConfiguration) ? c.firelensConfiguration.options : undefined],
        ];
        for (const [where, m] of maps) {
            if (!isRecord(m))
                continue;
            for (const [k, v] of Object.entries(m)) {
                if (typeof v === 'string' && isSensitiveName(k))
                    out.push({ path: `${cpath}.${where}.${k}`, value: v, set: (x) => (m[k] = x) });
            }
        }
    }
    return out;
}
/** Every sensitive plain value in a task definition (to register with `Log.mask`). */
function sensitiveValues(td) {
    return [...new Set(leaves(td).map((l) => l.value).filter((v) => v.length > 0))];
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
    if (b) {
        for (const l of leaves(b)) {
            old.set(l.path, l.value);
            l.set(MASK);
        }
    }
    for (const l of leaves(a))
        l.set(old.get(l.path) === l.value ? MASK : MASK_CHANGED);
    return { before: b, after: a };
}

;// CONCATENATED MODULE: ./src/ecs/diff.ts
/**
 * A unified diff of the normalised live task definition against the rendered one, for `plan` and
 * the PR comment. Secret values never appear: sensitive plain values are masked on both sides
 * (a changed one reads `*** (changed)`), and `secrets` only ever hold references (ARNs).
 */




/** The empty string when there is no difference. */
function taskDefinitionDiff(opts) {
    const before = opts.live === undefined ? undefined : normalizeTaskDefinition(opts.live);
    const after = normalizeTaskDefinition(opts.rendered);
    const masked = maskPair(before, after);
    const a = masked.before === undefined ? '' : `${canonicalJson(masked.before, 2)}\n`;
    const b = `${canonicalJson(masked.after, 2)}\n`;
    if (a === b)
        return '';
    const patch = (0,create/* createTwoFilesPatch */.ss)(`${opts.name} (${opts.liveLabel ?? 'live'})`, `${opts.name} (${opts.renderedLabel ?? 'rendered'})`, a, b, undefined, undefined, { context: opts.context ?? 3 });
    // Drop the "Index:"/"===" preamble createTwoFilesPatch prints; keep the ---/+++ headers and hunks.
    return patch.replace(/^(Index:[^\n]*\n)?=+\n/, '');
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var dist_cjs = __webpack_require__(4736);
;// CONCATENATED MODULE: ./src/ecs/errors.ts
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

;// CONCATENATED MODULE: ./src/ecs/preflight.ts




/** SSM references (names or ARNs) of one task definition, with where each is used. */
function ssmReferences(td) {
    const refs = new Map();
    const note = (ref, where) => {
        const k = (0,ecs_arn/* classifySecretRef */.yi)(ref).kind;
        if (k !== 'ssm-name' && k !== 'ssm-arn')
            return;
        refs.set(ref, [...(refs.get(ref) ?? []), where]);
    };
    for (const c of asArray(td.containerDefinitions).filter(isRecord)) {
        const cname = str(c.name) ?? '?';
        for (const s of asArray(c.secrets).filter(isRecord)) {
            const v = str(s.valueFrom);
            if (v)
                note(v, `secret ${str(s.name) ?? '?'} of container ${cname}`);
        }
        const lc = isRecord(c.logConfiguration) ? c.logConfiguration : undefined;
        for (const s of asArray(lc?.secretOptions).filter(isRecord)) {
            const v = str(s.valueFrom);
            if (v)
                note(v, `log option ${str(s.name) ?? '?'} of container ${cname}`);
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
    const missing = new Set();
    for (let i = 0; i < refs.length; i += 10) {
        const batch = refs.slice(i, i + 10);
        try {
            const out = await opts.ssm.send(new dist_cjs/* GetParametersCommand */.AFe({ Names: batch, WithDecryption: false }));
            for (const n of out.InvalidParameters ?? [])
                missing.add(n);
        }
        catch (err) {
            throw new DeployStepError('pre-flight', `SSM parameters ${batch.join(', ')}`, awsErrorText(err), { cause: err });
        }
    }
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
;// CONCATENATED MODULE: ./src/ecs/account.ts
/** The account id SSM parameter names are expanded with, from STS GetCallerIdentity. */


async function callerAccount(sts) {
    let account;
    try {
        account = (await sts.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}))).Account;
    }
    catch (err) {
        throw new DeployStepError('identify', 'the AWS account (STS GetCallerIdentity)', awsErrorText(err), { cause: err });
    }
    if (!account || !/^\d{12}$/.test(account)) {
        throw new DeployStepError('identify', 'the AWS account (STS GetCallerIdentity)', `unexpected account id "${account ?? ''}"`);
    }
    return account;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
;// CONCATENATED MODULE: ./src/ecs/live.ts
/** What runs now: services (DescribeServices, 10 per call) and their task definitions. */


/** Every named service of one cluster, keyed by name; a missing one carries the failure reason. */
async function describeServices(ecs, cluster, names) {
    const out = new Map();
    const unique = [...new Set(names)];
    for (let i = 0; i < unique.length; i += 10) {
        const batch = unique.slice(i, i + 10);
        let res;
        try {
            res = await ecs.send(new client_ecs_dist_cjs/* DescribeServicesCommand */.H7c({ cluster, services: batch }));
        }
        catch (err) {
            throw new DeployStepError('describe', `services ${batch.join(', ')} in cluster ${cluster}`, awsErrorText(err), { cause: err });
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
        throw new DeployStepError('describe', `service ${cluster}/${name}`, r?.ok === false ? r.reason : 'not found');
    return r.service;
}
/** By ARN, `family:revision`, or family (its latest ACTIVE revision); undefined when there is none. */
async function describeTaskDefinition(ecs, ref) {
    try {
        const r = await ecs.send(new client_ecs_dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: ref, include: ['TAGS'] }));
        if (!r.taskDefinition?.taskDefinitionArn)
            return undefined;
        return { arn: r.taskDefinition.taskDefinitionArn, definition: { ...r.taskDefinition, tags: r.tags ?? [] } };
    }
    catch (err) {
        // ECS answers an unknown family or revision with ClientException "Unable to describe task definition."
        if (err instanceof Error && err.name === 'ClientException' && /unable to describe/i.test(err.message))
            return undefined;
        throw new DeployStepError('describe', `task definition ${ref}`, awsErrorText(err), { cause: err });
    }
}

;// CONCATENATED MODULE: ./src/ecs/register.ts
/**
 * Register only what changed: the rendered task definition is compared (normalised) with the one
 * the service runs and, failing that, with the family's latest revision (a previous run may have
 * registered it before a rollback). Equal -> reuse that ARN, register nothing.
 */





async function resolveTaskDefinition(opts) {
    const { ecs, log, key, rendered, live } = opts;
    if (live && sameTaskDefinition(live.definition, rendered)) {
        log.info(`[${key}] task definition unchanged: reusing ${(0,ecs_arn/* shortTaskDefinition */.P5)(live.arn)}`);
        return { arn: live.arn, changed: false, registered: false };
    }
    const family = rendered.family ?? '';
    const latest = family ? await describeTaskDefinition(ecs, family) : undefined;
    if (latest && latest.arn !== live?.arn && sameTaskDefinition(latest.definition, rendered)) {
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
        throw new DeployStepError('register', `task definition ${family} for service ${key}`, awsErrorText(err), { cause: err });
    }
}

// EXTERNAL MODULE: ./src/aws.ts
var aws = __webpack_require__(4258);
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
            tasks.push(...(r.tasks ?? []));
        }
        return tasks
            .filter((t) => !filterHere || t.startedBy === opts.deploymentId)
            .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
            .slice(0, limit)
            .map(toStopped);
    }
    catch (err) {
        throw new DeployStepError('inspect', `stopped tasks of ${opts.service} (${opts.deploymentId})`, awsErrorText(err), { cause: err });
    }
}
/** The deployment's stopped tasks by `startedBy`; `filterHere` when the region refused that filter. */
async function stoppedTaskArns(opts) {
    try {
        return { arns: await listAll(opts.ecs, { cluster: opts.cluster, startedBy: opts.deploymentId, desiredStatus: 'STOPPED' }, 100), filterHere: false };
    }
    catch (err) {
        if ((0,aws/* awsErrorName */.ZH)(err) !== 'InvalidParameterException')
            throw err;
    }
    return { arns: await listAll(opts.ecs, { cluster: opts.cluster, serviceName: opts.service, desiredStatus: 'STOPPED' }, 100), filterHere: true };
}
async function listAll(ecs, input, max) {
    const out = [];
    let nextToken;
    do {
        const r = await ecs.send(new client_ecs_dist_cjs/* ListTasksCommand */.MYg({ ...input, nextToken }));
        out.push(...(r.taskArns ?? []));
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
    if (!d)
        return 'the deployment is no longer listed';
    const others = (svc.deployments ?? []).filter((x) => x.id !== d.id);
    const old = others.map((o) => `${o.id} (${o.status}, ${(0,ecs_arn/* shortTaskDefinition */.P5)(o.taskDefinition ?? '?')}) still has ${o.runningCount ?? 0} running`);
    return [
        `rolloutState ${d.rolloutState ?? 'unknown'}: ${d.runningCount ?? 0} of ${d.desiredCount ?? 0} tasks running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`,
        ...old,
    ].join('; ');
}
async function followDeployment(opts) {
    const { log, key } = opts;
    let lastFailed = 0;
    const shownTasks = new Set();
    let lastSvc;
    let lastDep;
    for (;;) {
        const svc = await describeOneService(opts.ecs, opts.cluster, opts.service);
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
            return { state: 'superseded', reason: `deployment ${opts.deploymentId} was replaced by ${primary?.id ?? 'another deployment'} (${(0,ecs_arn/* shortTaskDefinition */.P5)(td ?? '?')})` };
        }
        if (dep.rolloutState === 'COMPLETED')
            return { state: 'completed', deployment: dep };
        if (dep.rolloutState === 'FAILED') {
            const reason = dep.rolloutStateReason ?? 'rolloutState FAILED';
            if (primary && primary.id !== dep.id) {
                return { state: 'rolled-back', reason, rollbackDeploymentId: primary.id, rollbackTaskDefinition: primary.taskDefinition };
            }
            return { state: 'failed', reason };
        }
        // No rolloutState (a service behind a Classic Load Balancer): fall back to "only deployment, all running".
        if (dep.rolloutState === undefined && deployments.length === 1 && (dep.runningCount ?? 0) === (dep.desiredCount ?? -1)) {
            return { state: 'completed', deployment: dep };
        }
        if (dep.status !== 'PRIMARY' && primary && primary.id !== dep.id) {
            return { state: 'superseded', reason: `deployment ${dep.id} was replaced by ${primary.id} (${(0,ecs_arn/* shortTaskDefinition */.P5)(primary.taskDefinition ?? '?')}) before it completed` };
        }
        const failed = dep.failedTasks ?? 0;
        if (failed > lastFailed) {
            lastFailed = failed;
            if (opts.reportStoppedTasks !== false) {
                const tasks = await stoppedTasksOf({ ecs: opts.ecs, cluster: opts.cluster, service: opts.service, deploymentId: dep.id, limit: 5 });
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
                return { state: 'failed', reason: `${failed} tasks of deployment ${dep.id} failed to start or stopped (limit ${limit}; the service has no deployment circuit breaker)` };
            }
        }
        if (opts.clock.now() + opts.pollIntervalMs > opts.deadline)
            break;
        await opts.clock.sleep(opts.pollIntervalMs);
    }
    return { state: 'timed-out', reason: `still pending when the wait ended: ${pendingText(lastDep, lastSvc)}` };
}

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
        throw new DeployStepError(what, `service ${o.cluster}/${o.service} to ${(0,ecs_arn/* shortTaskDefinition */.P5)(taskDefinition)}`, awsErrorText(err), { cause: err });
    }
    let primary = deployments?.find((d) => d.status === 'PRIMARY');
    if (!primary)
        primary = (await describeOneService(o.ecs, o.cluster, o.service)).deployments?.find((d) => d.status === 'PRIMARY');
    if (!primary?.id)
        throw new DeployStepError(what, `service ${o.cluster}/${o.service}`, 'UpdateService returned no PRIMARY deployment');
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
    const deploymentId = await updateService(o, o.taskDefinitionArn, o.forceNewDeployment, 'update');
    log.info(`[${key}] updating service ${o.cluster}/${o.service} to ${(0,ecs_arn/* shortTaskDefinition */.P5)(o.taskDefinitionArn)}${o.forceNewDeployment ? ' (forced new deployment)' : ''}: deployment ${deploymentId}`);
    try {
        return await afterUpdate(o, deploymentId);
    }
    catch (err) {
        // The update went out; a read failing while following must not hide that.
        const failure = `follow service ${o.cluster}/${o.service} (deployment ${deploymentId}): ${err instanceof Error ? err.message : String(err)}`;
        log.info(`[${key}] FAILED: ${failure}`);
        return { state: 'failed', deploymentId, failure, stoppedTasks: [] };
    }
}
async function afterUpdate(o, deploymentId) {
    const { log, key } = o;
    const outcome = await follow(o, deploymentId, o.previousTaskDefinitionArn);
    if (outcome.state === 'completed') {
        log.info(`[${key}] deployment ${deploymentId} COMPLETED: ${outcome.deployment.runningCount ?? 0} of ${outcome.deployment.desiredCount ?? 0} tasks running ${(0,ecs_arn/* shortTaskDefinition */.P5)(o.taskDefinitionArn)}`);
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
    return { state: outcome.state === 'timed-out' ? 'timed-out' : 'failed', deploymentId, failure, stoppedTasks, ...(rollback ? { rollback } : {}) };
}
function rollbackText(r) {
    if (r.by === 'skipped')
        return `not rolled back: ${r.detail ?? ''}`;
    const who = r.by === 'circuit-breaker' ? 'the circuit breaker rolled back' : 'rolled back';
    const to = r.taskDefinitionArn ? ` to ${(0,ecs_arn/* shortTaskDefinition */.P5)(r.taskDefinitionArn)}` : '';
    return r.state === 'completed' ? `${who}${to}` : `${who}${to}, but the rollback ${r.state === 'timed-out' ? 'did not complete in time' : 'failed'}${r.detail ? `: ${r.detail}` : ''}`;
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
        return { by: 'skipped', state: 'skipped', detail: 'the service ran the same task definition before, so there is nothing to roll back to' };
    }
    let id;
    try {
        id = await updateService(o, previous, false, 'roll back');
    }
    catch (err) {
        return { by: 'dd-ecs-monitor', taskDefinitionArn: previous, state: 'failed', detail: err instanceof Error ? err.message : String(err) };
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

;// CONCATENATED MODULE: ./src/ecs/clock.ts
const realClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

;// CONCATENATED MODULE: ./src/ecs/deploy-services.ts








async function deployServices(opts) {
    const { log, services } = opts;
    const ecs = opts.clients.ecs;
    const clock = opts.clock ?? realClock;
    for (const s of services)
        for (const v of sensitiveValues(s.taskDefinition))
            log.mask(v);
    const base = (s) => ({
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
    });
    // 1. Pre-flight.
    const problems = await preflight({ ssm: opts.clients.ssm, log, services });
    const live = new Map();
    const byCluster = new Map();
    for (const s of services)
        byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s]);
    for (const [cluster, list] of byCluster) {
        const found = await describeServices(ecs, cluster, list.map((s) => s.service));
        for (const s of list) {
            const r = found.get(s.service);
            if (!r || !r.ok) {
                problems.push({ service: s.key, code: 'preflight/service-not-found', message: `service ${s.key}: ECS service "${s.service}" in cluster "${cluster}" was not found (${r && !r.ok ? r.reason : 'MISSING'}); create it first or fix the name` });
            }
            else if (r.service.status !== 'ACTIVE') {
                problems.push({ service: s.key, code: 'preflight/service-not-active', message: `service ${s.key}: ECS service "${s.service}" in cluster "${cluster}" is ${r.service.status ?? 'not ACTIVE'}` });
            }
            else if (r.service.deploymentController?.type && r.service.deploymentController.type !== 'ECS') {
                problems.push({ service: s.key, code: 'preflight/unsupported-deployment-controller', message: `service ${s.key}: ECS service "${s.service}" uses the ${r.service.deploymentController.type} deployment controller; only rolling updates (ECS) are supported` });
            }
            else {
                live.set(s.key, r.service);
            }
        }
    }
    if (problems.length > 0) {
        log.info(`pre-flight found ${problems.length} problem(s); nothing was registered or updated`);
        return { ok: false, services: services.map(base), problems };
    }
    // 2. Compare and register only what changed. Every registration happens before any update.
    const results = new Map(services.map((s) => [s.key, base(s)]));
    const resolved = new Map();
    let registrationFailed = false;
    for (const s of services) {
        const r = results.get(s.key);
        try {
            const svc = live.get(s.key);
            const current = svc.taskDefinition ? await describeTaskDefinition(ecs, svc.taskDefinition) : undefined;
            r.previousTaskDefinitionArn = svc.taskDefinition;
            r.diff = taskDefinitionDiff({ name: s.key, live: current?.definition, rendered: s.taskDefinition, liveLabel: current ? (0,ecs_arn/* shortTaskDefinition */.P5)(current.arn) : 'none', renderedLabel: 'rendered' });
            const res = await resolveTaskDefinition({ ecs, log, key: s.key, rendered: s.taskDefinition, live: current, ...(opts.dryRun ? { dryRun: true } : {}) });
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
    await Promise.all(services.map(async (s) => {
        const r = results.get(s.key);
        const res = resolved.get(s.key);
        const wanted = res.changed || opts.forceNewDeployment === true;
        if (!wanted) {
            Object.assign(r, { state: 'unchanged', ok: true });
            log.info(`[${s.key}] service ${s.cluster}/${s.service} unchanged: not updated`);
            return;
        }
        if (opts.dryRun || !res.arn) {
            Object.assign(r, { state: 'planned', ok: true, updated: true });
            log.info(`[${s.key}] would update service ${s.cluster}/${s.service}${opts.forceNewDeployment ? ' (forced new deployment)' : ''}`);
            return;
        }
        const svc = live.get(s.key);
        const seenEvents = new Set((svc.events ?? []).map((e) => e.id).filter((id) => typeof id === 'string'));
        try {
            const out = await rollOut({
                ecs,
                log,
                clock,
                key: s.key,
                cluster: s.cluster,
                service: s.service,
                taskDefinitionArn: res.arn,
                previousTaskDefinitionArn: svc.taskDefinition,
                forceNewDeployment: opts.forceNewDeployment === true,
                rollback: opts.rollback !== false,
                waitTimeoutMs: opts.waitTimeoutMs,
                pollIntervalMs: opts.pollIntervalMs,
                seenEvents,
                ...(opts.maxFailedTasks !== undefined ? { maxFailedTasks: opts.maxFailedTasks } : {}),
            });
            Object.assign(r, { updated: true, ...out, ok: out.state === 'completed' });
        }
        catch (err) {
            Object.assign(r, { state: 'failed', ok: false, failure: err instanceof Error ? err.message : String(err) });
            log.info(`[${s.key}] FAILED: ${r.failure ?? ''}`);
        }
    }));
    const list = [...results.values()];
    return { ok: list.every((r) => r.ok), services: list, problems };
}

;// CONCATENATED MODULE: ./src/ecs/index.ts
/** The ECS half of deploy: render, compare, diff, pre-flight, register, update, follow, roll back. */



















/***/ }),

/***/ 2134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JA: () => (/* reexport */ EcrError),
  qY: () => (/* reexport */ ImageBuildError),
  rd: () => (/* reexport */ buildImages),
  mB: () => (/* reexport */ contentTag),
  bE: () => (/* reexport */ imageInputs),
  oV: () => (/* reexport */ parsedImageInputs)
});

// UNUSED EXPORTS: CONTENT_HASH_FORMAT, DRY_RUN_CODES, commitTag, contentHash, findingsFromDryRun, fluentdDryRun

// EXTERNAL MODULE: ./src/exec.ts + 1 modules
var src_exec = __webpack_require__(7499);
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
            ? ['--cache-from', `type=gha,scope=${input.ghaCacheScope}`, '--cache-to', `type=gha,scope=${input.ghaCacheScope},mode=max`]
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

;// CONCATENATED MODULE: ./src/images/builder.ts

/** Whether the GitHub Actions cache service is reachable for buildx from this process. */
function ghaCacheAvailable(env) {
    return env.GITHUB_ACTIONS === 'true' && Boolean(env.ACTIONS_RUNTIME_TOKEN) && Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/aws.ts
var aws = __webpack_require__(4258);
;// CONCATENATED MODULE: ./src/images/ecr.ts
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
    const name = (0,aws/* awsErrorName */.ZH)(err) ?? 'Error';
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
    return { name, uri: r.repositoryUri, registryId: r.registryId ?? registryId, tagMutability: r.imageTagMutability ?? 'MUTABLE' };
}
/** The repository, or undefined when ECR says it does not exist. */
async function describeRepository(ecr, ref) {
    try {
        const out = await ecr.send(new dist_cjs/* DescribeRepositoriesCommand */.pE_({ repositoryNames: [ref.name], registryId: ref.registryId }));
        const r = out.repositories?.find((x) => x.repositoryName === ref.name) ?? out.repositories?.[0];
        return r ? toInfo(r, ref.name, ref.registryId) : undefined;
    }
    catch (err) {
        if ((0,aws/* awsErrorName */.ZH)(err) === 'RepositoryNotFoundException')
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
        const out = await ecr.send(new dist_cjs/* CreateRepositoryCommand */.WTe({
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
        const out = await ecr.send(new dist_cjs/* DescribeImagesCommand */.ji5({ repositoryName: ref.name, registryId: ref.registryId, imageIds: [{ imageTag: ref.tag }] }));
        const d = out.imageDetails?.[0];
        if (!d?.imageDigest)
            return undefined;
        return { digest: d.imageDigest, tags: d.imageTags ?? [ref.tag] };
    }
    catch (err) {
        if ((0,aws/* awsErrorName */.ZH)(err) === 'ImageNotFoundException')
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
        const out = await ecr.send(new dist_cjs/* GetAuthorizationTokenCommand */.Eu6(registryIds && registryIds.length > 0 ? { registryIds: [...registryIds] } : {}));
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
        auths.push({ host: hostOf(d.proxyEndpoint), username: decoded.slice(0, colon), password: decoded.slice(colon + 1) });
    }
    if (auths.length === 0)
        throw new EcrError('ECR GetAuthorizationToken answered no authorization data', 'NoAuthorizationData');
    return auths;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __webpack_require__(671);
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
        const simple = { n: '\n', t: '\t', r: '\r', e: '\x1b', s: ' ', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };
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
        return { kind: 'config', loggedFile: c[1] === undefined ? undefined : rubyUnescape(c[1]), errorClass: c[2], message: rubyUnescape(c[3] ?? '') };
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
    const lines = new findings/* LineIndex */.rr(text);
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
                message: `fluentd --dry-run in image ${place.image} did not finish in time, so the real engine did not check this config; look at the image's startup`,
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
                    message: `could not run fluentd --dry-run in image ${place.image} (${why}); the real engine did not check this config (an image without fluentd on PATH cannot be checked: turn the dry run off for it)`,
                },
            ];
        }
        const why = (0,src_exec/* tailLines */.os)(`${out.stdout}\n${out.stderr}`, 1) || 'no output';
        return [
            { ...at1, severity: 'error', code: DRY_RUN_CODES.failed, message: `fluentd --dry-run in image ${place.image} failed with exit code ${out.exitCode}: ${why}` },
        ];
    }
    const parsed = parseLocation(logged.message);
    // A location inside a file the repository does not provide stays in the message instead.
    const loc = parsed && repoPathFor(parsed.path, place) ? parsed : undefined;
    const firstLine = (loc?.rest ?? logged.message.split('\n')[0] ?? '').trim();
    const cls = logged.errorClass ? ` (${logged.errorClass})` : '';
    const file = repoPathFor(loc?.path, place) ?? repoPathFor(logged.loggedFile, place) ?? place.file;
    const pos = loc ? { line: loc.line, column: loc.column } : (locateInSource(firstLine, place.sources?.get(file)) ?? { line: 1, column: 1 });
    if (logged.kind === 'unexpected') {
        return [{ file, ...pos, severity: 'error', code: DRY_RUN_CODES.failed, message: `fluentd --dry-run in image ${place.image} crashed: ${firstLine || 'unexpected error'}${cls}` }];
    }
    return [
        { file, ...pos, severity: 'error', code: DRY_RUN_CODES.configError, message: `fluentd in image ${place.image} rejects this config: ${firstLine}${cls}` },
    ];
}
/** Runs `fluentd --dry-run -c <configPath>` inside the image (no network) and returns findings. */
async function fluentdDryRun(opts) {
    const exec = opts.exec ?? src_exec/* runProcess */.R3;
    const containerName = `dd-ecs-monitor-dry-run-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const argv = fluentdDryRunArgv({ image: opts.image, configPath: opts.configPath, containerName, env: opts.env });
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
        for (const [i, ref] of refs.entries()) {
            log.info(`docker push ${ref}`);
            const res = await (0,src_exec/* runChecked */.X4)(exec, 'docker', pushArgv(ref), { step: `docker push of ${ref}`, env: session.env, onLine });
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
        digest = (await findImageByTag(input.ecr, { name: repo.name, registryId: repo.registryId, tag: input.tags[0] }))?.digest;
    }
    if (!digest)
        throw new Error(`pushed ${refs[0]} but could not learn its digest from docker or ECR`);
    return { digest, pushedTags: [...input.tags], findings, blocked: false };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/images/content-hash.ts
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
        (0,external_node_fs_.createReadStream)(file)
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
    const h = (0,external_node_crypto_.createHash)('sha256');
    field(h, 'format', CONTENT_HASH_FORMAT);
    field(h, 'dockerfile', await (0,promises_.readFile)(input.dockerfile));
    const args = Object.entries(input.buildArgs ?? {}).sort(([a], [b]) => byCodeUnit(a, b));
    field(h, 'build-args', String(args.length));
    for (const [k, v] of args) {
        field(h, 'arg-name', k);
        field(h, 'arg-value', v);
    }
    field(h, 'base-images', String(input.baseImages.length));
    for (const ref of input.baseImages)
        field(h, 'base-image', ref);
    field(h, 'platform', input.platform ?? '');
    field(h, 'target', input.target ?? '');
    const files = [...new Set(input.files.map((f) => f.split((external_node_path_default()).sep).join('/')))].sort(byCodeUnit);
    field(h, 'files', String(files.length));
    for (const rel of files) {
        field(h, 'path', rel);
        const abs = external_node_path_default().join(input.contextDir, rel);
        const st = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (!st) {
            // The build would fail on it; the checks report it. The hash stays defined.
            field(h, 'missing', '');
        }
        else if (st.isSymbolicLink()) {
            // COPY copies a link inside the context as a link: its target text is what lands in the image.
            field(h, 'symlink', await (0,promises_.readlink)(abs));
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
const PASS_THROUGH = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'BUILDX_BUILDER', 'BUILDX_CONFIG'];
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
/**
 * Creates the config dir and logs into each registry. A failed login removes the dir and
 * throws a message naming the registry and quoting docker's last stderr line.
 */
async function openDockerSession(opts) {
    const parentEnv = opts.env ?? process.env;
    const userDir = userConfigDir(parentEnv);
    // mkdtemp creates the directory 0700: only this user can read the login it will hold.
    const configDir = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'dd-ecs-monitor-docker-'));
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
        const found = await describeRepository(ecr, ref);
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
        out.set(k, { repo: await createRepository(ecr, ref), created: true });
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
        const tag = contentTag(spec.contentHash);
        const existing = r?.repo ? await findImageByTag(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag }) : undefined;
        return {
            spec,
            repo: r?.repo,
            created: r?.created ?? false,
            contentTag: tag,
            commitTag: commitTag(spec, opts.gitSha, (perRepo.get(repoKey(spec)) ?? 0) > 1),
            existing,
        };
    }));
    const results = new Map();
    const toBuild = [];
    for (const r of resolved) {
        if (r.existing && r.repo && !opts.rebuild) {
            results.set(r.spec.key, reusedResult(r, r.repo, r.existing));
            log.info(`image ${r.spec.key}: ${r.repo.uri}:${r.contentTag} already in ECR, reusing ${r.existing.digest}`);
            continue;
        }
        if (r.existing && r.repo && opts.rebuild && isImmutable(r.repo.tagMutability)) {
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
            });
            continue;
        }
        toBuild.push({ ...r, repo: r.repo });
    }
    const findings = [];
    if (toBuild.length > 0) {
        await buildAll({ opts, exec, toBuild, results, findings });
    }
    return { images: opts.images.map((s) => results.get(s.key)), findings };
}
async function buildAll({ opts, exec, toBuild, results, findings }) {
    const { log } = opts;
    const ecr = opts.clients.ecr;
    const registryIds = [...new Set(toBuild.map((r) => r.spec.registryId).filter((x) => Boolean(x)))];
    const auths = await getRegistryAuth(ecr, registryIds);
    for (const a of auths) {
        log.mask(a.password);
        log.mask(Buffer.from(`${a.username}:${a.password}`).toString('base64'));
    }
    const hosts = [...new Set(toBuild.map((r) => hostOf(r.repo.uri)))];
    const logins = [];
    for (const host of hosts) {
        const auth = pickAuth(host, auths);
        if (!auth) {
            throw new ImageBuildError([
                { key: toBuild.find((r) => hostOf(r.repo.uri) === host)?.spec.key ?? '?', message: `ECR gave no authorization for registry ${host}` },
            ]);
        }
        logins.push({ ...auth, host });
    }
    const session = await openDockerSession({ exec, log, logins, env: opts.env });
    try {
        const builder = await detectBuilder({ exec, dockerEnv: session.env, env: opts.env });
        log.info(builder.kind === 'buildx'
            ? `building with docker buildx (driver ${builder.driver ?? 'unknown'}${builder.ghaCache ? ', GitHub Actions cache' : ''})`
            : 'docker buildx is not available: building with docker build and pushing with docker push');
        const settled = await Promise.allSettled(toBuild.map(async (r) => {
            const tags = [r.contentTag];
            if (r.commitTag) {
                // An immutable repository refuses to move a tag: skip a commit tag that is already taken.
                const taken = isImmutable(r.repo.tagMutability) &&
                    (await findImageByTag(ecr, { name: r.repo.name, registryId: r.repo.registryId, tag: r.commitTag }));
                if (taken)
                    log.info(`image ${r.spec.key}: tag ${r.commitTag} already exists in immutable ${r.repo.name}; pushing only ${r.contentTag}`);
                else
                    tags.push(r.commitTag);
            }
            const out = await buildOne({
                spec: r.spec,
                repo: r.repo,
                tags,
                builder,
                session,
                exec,
                log,
                ecr,
                checkFluentd: opts.fluentdDryRun !== false && r.spec.fluentdCheck !== undefined,
            });
            findings.push(...out.findings);
            results.set(r.spec.key, {
                key: r.spec.key,
                repository: r.spec.repository,
                repositoryUri: r.repo.uri,
                contentTag: r.contentTag,
                tags: out.blocked ? [] : out.pushedTags,
                digest: out.digest,
                imageRef: out.digest ? `${r.repo.uri}@${out.digest}` : undefined,
                action: out.blocked ? 'blocked' : 'built',
                built: true,
                pushed: !out.blocked,
                repositoryCreated: r.created || undefined,
                builder: builder.kind,
            });
            if (out.digest)
                log.info(`image ${r.spec.key}: pushed ${r.repo.uri}@${out.digest}`);
        }));
        const failures = settled.flatMap((s, i) => s.status === 'rejected' ? [{ key: toBuild[i]?.spec.key ?? '?', message: s.reason instanceof Error ? s.reason.message : String(s.reason) }] : []);
        if (failures.length > 0)
            throw new ImageBuildError(failures);
    }
    finally {
        await closeDockerSession(session);
    }
}

// EXTERNAL MODULE: ./src/checks/source.ts
var source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/project/dockerfile.ts + 4 modules
var dockerfile = __webpack_require__(3744);
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
async function parsedImageInputs(opts, df, files) {
    // A stage built FROM an earlier stage names that stage, which the Dockerfile bytes already cover.
    const baseImages = df.stages.map((s) => (s.baseStage === undefined ? s.baseImage : `stage:${s.baseStage}`));
    const hash = await contentHash({
        contextDir: opts.contextDir,
        dockerfile: opts.dockerfile,
        buildArgs: opts.buildArgs,
        baseImages,
        files,
        platform: opts.platform,
        target: opts.target,
    });
    return { hash, files, baseImages, findings: [] };
}

;// CONCATENATED MODULE: ./src/images/index.ts
/** The image step's public face: what the deploy and plan commands call. */








/***/ }),

/***/ 5378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  makePlan: () => (/* binding */ makePlan),
  CI: () => (/* binding */ requireRegion)
});

// UNUSED EXPORTS: OFFLINE_ACCOUNT, OFFLINE_DIGEST, OFFLINE_REGISTRY, PlanError, formatPlanText

// EXTERNAL MODULE: ./src/aws.ts
var aws = __webpack_require__(4258);
// EXTERNAL MODULE: ./src/ecs/index.ts + 18 modules
var ecs = __webpack_require__(6358);
// EXTERNAL MODULE: ./src/images/index.ts + 10 modules
var src_images = __webpack_require__(2134);
// EXTERNAL MODULE: ./src/plan/prepare.ts
var prepare = __webpack_require__(5264);
// EXTERNAL MODULE: ./src/plan/render-all.ts
var render_all = __webpack_require__(7961);
;// CONCATENATED MODULE: ./src/plan/format.ts
const IMAGE_ACTION = { build: 'build', reuse: 'reuse', unknown: 'keep?' };
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
    lines.push(plan.offline ? 'Plan (offline: no AWS was asked; account and digests are placeholders)' : 'Plan');
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
/**
 * `plan`: what a deploy would do, per image and per service, with each task definition's diff.
 * Offline it needs no AWS: images whose inputs changed would be built, digests and the account
 * are placeholders, and the diff is template -> rendered. Live (`plan`, `deploy --dry-run`) it
 * asks ECR which content tags exist and compares with the task definitions the services run.
 */







/** Offline stand-ins: obviously not real, and valid where render checks the format. */
const OFFLINE_ACCOUNT = '000000000000';
const OFFLINE_DIGEST = `sha256:${'0'.repeat(64)}`;
const OFFLINE_REGISTRY = 'ACCOUNT.dkr.ecr.REGION.amazonaws.com';
/** The Region AWS is asked in (live plan, deploy): the project file's, else the environment's. */
function requireRegion(prepared, env) {
    const region = (0,aws/* resolveRegion */.Zv)(prepared.project.region, env);
    if (!region)
        throw new prepare/* PlanError */.W6('no AWS region: set `region:` in the project file, the aws-region input, or AWS_REGION');
    return region;
}
async function makePlan(opts) {
    const prepared = await (0,prepare/* prepare */.iA)(opts);
    return opts.offline ? offlinePlan(prepared, opts) : livePlan(prepared, opts);
}
function describeChange(img, changed) {
    if (changed.kind === 'all')
        return `${changed.reason}: the deploy builds it unless ECR already has ${(0,src_images/* contentTag */.mB)(img.spec.contentHash)}`;
    if (img.inputsChanged)
        return `inputs changed: ${img.changedInputs.slice(0, 5).join(', ')}${img.changedInputs.length > 5 ? `, +${img.changedInputs.length - 5} more` : ''}`;
    return 'no input changed since the base commit';
}
function offlinePlan(prepared, opts) {
    const region = (0,aws/* resolveRegion */.Zv)(prepared.project.region, opts.env ?? process.env) ?? 'us-east-1';
    const images = prepared.images.map((img) => (0,prepare/* imagePlan */.Tb)(img, {
        action: opts.rebuild || img.inputsChanged !== false ? 'build' : 'unknown',
        reason: opts.rebuild ? 'rebuild requested' : describeChange(img, opts.changed),
        repositoryUri: `${OFFLINE_REGISTRY}/${img.spec.repository}`,
    }));
    const refs = Object.fromEntries(images.map((i) => [i.key, `${i.repositoryUri}@${OFFLINE_DIGEST}`]));
    const rendered = (0,render_all/* renderAll */.Y)(prepared, refs, region, OFFLINE_ACCOUNT);
    const services = prepared.services.map((svc) => {
        const dep = rendered.deployments.find((d) => d.key === svc.key);
        const svcImages = [...new Set(Object.values(svc.containers))];
        const imageChanged = images.some((i) => svcImages.includes(i.key) && i.action === 'build');
        const templateChanged = opts.changed.kind === 'all' || opts.changed.files.includes(svc.taskDefinition) || opts.changed.files.includes(prepared.project.configFile);
        const action = !dep ? 'unknown' : imageChanged || templateChanged ? 'register-and-update' : opts.forceNewDeployment ? 'update' : 'unknown';
        const why = !dep
            ? (0,render_all/* problemsOf */.G)(rendered, svc.key).join('; ') || 'cannot render'
            : imageChanged
                ? `image ${svcImages.filter((k) => images.find((i) => i.key === k)?.action === 'build').join(', ')} will be rebuilt`
                : templateChanged
                    ? `${opts.changed.kind === 'all' ? 'no base to compare with' : 'task definition template or project file changed'}; registered only if it differs from the live one`
                    : opts.forceNewDeployment
                        ? 'forced new deployment'
                        : 'nothing changed since the base commit (offline: the live task definition was not compared)';
        return {
            key: svc.key,
            cluster: svc.cluster,
            service: svc.service,
            images: svcImages,
            action,
            reason: why,
            taskDefinitionDiff: dep
                ? (0,ecs/* taskDefinitionDiff */.yr)({ name: svc.taskDefinition, live: rendered.templates.get(svc.key), rendered: dep.taskDefinition, liveLabel: 'template', renderedLabel: 'rendered, offline placeholders' })
                : '',
        };
    });
    return { offline: true, changed: opts.changed, images, services, findings: prepared.findings, problems: rendered.problems, notes: rendered.notes };
}
async function livePlan(prepared, opts) {
    const region = requireRegion(prepared, opts.env ?? process.env);
    const clients = opts.clients ?? (0,aws/* makeClients */.nv)({ region });
    try {
        const accountId = await (0,ecs/* callerAccount */.Xr)(clients.sts);
        const built = await (0,src_images/* buildImages */.rd)({
            images: prepared.images.map((i) => i.spec),
            gitSha: '',
            clients,
            log: opts.log,
            rebuild: opts.rebuild ?? false,
            createRepositories: prepared.project.deploy.createRepositories,
            dryRun: true,
            env: opts.env ?? process.env,
        });
        const images = prepared.images.map((img) => {
            const r = built.images.find((b) => b.key === img.spec.key);
            const reuse = r?.action === 'reused';
            return (0,prepare/* imagePlan */.Tb)(img, {
                action: reuse ? 'reuse' : 'build',
                reason: reuse
                    ? `${r?.contentTag} is already in ECR: reused, not rebuilt`
                    : `${r?.wouldCreateRepository ? `repository ${img.spec.repository} does not exist yet; ` : ''}${opts.rebuild ? 'rebuild requested' : `${r?.contentTag} is not in ECR`} (${describeChange(img, opts.changed)})`,
                repositoryUri: r?.repositoryUri,
                digest: r?.digest,
            });
        });
        const refs = Object.fromEntries(images.map((i) => [i.key, `${i.repositoryUri ?? `${OFFLINE_REGISTRY}/${i.repository}`}@${i.digest ?? OFFLINE_DIGEST}`]));
        const rendered = (0,render_all/* renderAll */.Y)(prepared, refs, region, accountId);
        const dry = rendered.problems.length
            ? undefined
            : await (0,ecs/* deployServices */.ul)({
                clients,
                log: opts.log,
                services: rendered.deployments,
                forceNewDeployment: opts.forceNewDeployment ?? false,
                dryRun: true,
                waitTimeoutMs: 0,
                pollIntervalMs: 0,
            });
        const notCompared = (key, failure) => failure ??
            ([...(0,render_all/* problemsOf */.G)(rendered, key), ...(dry?.problems ?? []).filter((p) => p.service === key).map((p) => p.message)].join('; ') ||
                'not compared with the live service: the deploy would stop before it');
        const services = prepared.services.map((svc) => {
            const result = dry?.services.find((s) => s.key === svc.key);
            // A pre-flight problem or a failed look-up stops the deploy before this service is compared with what runs.
            const r = result && result.state !== 'not-started' && result.state !== 'failed' ? result : undefined;
            const svcImages = [...new Set(Object.values(svc.containers))];
            const pending = svcImages.filter((k) => images.find((i) => i.key === k)?.action === 'build');
            const action = !r ? 'unknown' : r.taskDefinitionChanged ? 'register-and-update' : r.updated ? 'update' : 'none';
            return {
                key: svc.key,
                cluster: svc.cluster,
                service: svc.service,
                images: svcImages,
                action,
                reason: !r
                    ? notCompared(svc.key, result?.failure)
                    : r.taskDefinitionChanged
                        ? pending.length
                            ? `image ${pending.join(', ')} will be built: a new task definition pins its digest`
                            : 'the rendered task definition differs from the live one'
                        : r.updated
                            ? 'forced new deployment of the unchanged task definition'
                            : `unchanged: keeps ${r.previousTaskDefinitionArn ?? 'its task definition'}`,
                taskDefinitionDiff: r?.diff ?? '',
                ...(r?.previousTaskDefinitionArn ? { liveTaskDefinitionArn: r.previousTaskDefinitionArn } : {}),
            };
        });
        const problems = [...rendered.problems, ...(dry?.problems.map((p) => `${p.message} [${p.code}]`) ?? [])];
        return { offline: false, changed: opts.changed, images, services, findings: prepared.findings, problems, notes: rendered.notes };
    }
    finally {
        if (!opts.clients)
            (0,aws/* destroyClients */.Fj)(clients);
    }
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
/* harmony import */ var _checks_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5784);
/* harmony import */ var _checks_taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3528);
/* harmony import */ var _images_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2134);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1449);
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
    const validation = opts.validation ?? (0,_validate_js__WEBPACK_IMPORTED_MODULE_4__/* .validateProject */ .U)(opts.configPath);
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
        const inputs = layout
            ? await (0,_images_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parsedImageInputs */ .oV)(hashOptions, layout.dockerfile, layout.inputs.map((f) => (img.context === '.' ? f : f.slice(img.context.length + 1))))
            : await (0,_images_index_js__WEBPACK_IMPORTED_MODULE_3__/* .imageInputs */ .bE)({ root: project.root, ...hashOptions });
        if (!inputs.hash)
            throw new PlanError(`image "${key}": ${inputs.findings[0]?.message ?? 'cannot read its Dockerfile'}`);
        const repoInputs = [img.dockerfile, ...inputs.files.map((f) => (img.context === '.' ? f : `${img.context}/${f}`))];
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
                ...fluentdCheck(validation, project, key),
            },
            inputs: repoInputs,
            changedInputs,
            inputsChanged: changedSet ? changedInputs.length > 0 : undefined,
            services: services.filter((s) => Object.values(s.containers).includes(key)).map((s) => s.key),
        };
    }));
    return { validation, project, services, images, findings: validation.findings };
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
        const d = (0,_checks_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readSource */ .o$)(repo, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(project.root, repo));
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
            for (const name of (0,_checks_taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__/* .containerEnv */ .jY)(td, container, svc).names)
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
        tag: (0,_images_index_js__WEBPACK_IMPORTED_MODULE_3__/* .contentTag */ .mB)(img.spec.contentHash),
        changedInputs: img.changedInputs,
        inputsChanged: img.inputsChanged,
        action: decision.action,
        reason: decision.reason,
        ...(decision.repositoryUri ? { repositoryUri: decision.repositoryUri } : {}),
        ...(decision.digest ? { digest: decision.digest } : {}),
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
/* harmony import */ var _ecs_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6358);

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
            out.deployments.push({ key: svc.key, cluster: svc.cluster, service: svc.service, taskDefinition: r.input });
    }
    return out;
}
/** The render problems of one service: each line starts with `service <key>`. */
function problemsOf(rendered, key) {
    return rendered.problems.filter((p) => p.startsWith(`service ${key} (`) || p.startsWith(`service ${key}:`));
}


/***/ })

};
