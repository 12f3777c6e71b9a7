export const id = 274;
export const ids = [274];
export const modules = {

/***/ 8274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInit: () => (/* binding */ runInit)
});

// UNUSED EXPORTS: SCHEMA_IN_PACKAGE, WORKFLOW_PATH, schemaRef

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/main.ts + 1 modules
var main = __webpack_require__(9660);
// EXTERNAL MODULE: ./src/report/findings.ts
var findings = __webpack_require__(9334);
// EXTERNAL MODULE: ./src/validate.ts + 16 modules
var validate = __webpack_require__(8825);
// EXTERNAL MODULE: ./src/checks/taskdef/index.ts + 11 modules
var taskdef = __webpack_require__(0);
// EXTERNAL MODULE: ./src/checks/source.ts
var source = __webpack_require__(5784);
// EXTERNAL MODULE: ./src/project/dockerfile.ts + 1 modules
var project_dockerfile = __webpack_require__(2552);
// EXTERNAL MODULE: ./src/project/dockerignore.ts
var dockerignore = __webpack_require__(9627);
// EXTERNAL MODULE: ./src/project/layout.ts
var project_layout = __webpack_require__(6547);
// EXTERNAL MODULE: ./src/project/types.ts
var types = __webpack_require__(1460);
;// CONCATENATED MODULE: ./src/init/images.ts
/**
 * `init`'s images: for each Dockerfile, the build context its COPY lines need (the deepest directory,
 * from the Dockerfile's own up to the repository root, in which every COPY source exists: the blog's
 * Fluentd Dockerfile copies `fluentd/etc/fluent.conf`, so its context is the root), what the image
 * carries (layout.ts), and so whether it is the Datadog agent or Fluentd.
 */






function findImages(root, dockerfiles) {
    const out = [];
    for (const dockerfile of dockerfiles) {
        const decoded = (0,source/* readSource */.o$)(dockerfile, external_node_path_default().join(root, dockerfile));
        if (!decoded.ok)
            continue;
        const df = (0,project_dockerfile/* parseDockerfile */.Ai)(decoded.source);
        if (df.stages.length === 0)
            continue;
        const found = contextFor(root, dockerfile, (context) => {
            const listing = (0,dockerignore/* listContextFiles */.z)(external_node_path_default().join(root, context), { root, dockerfile: external_node_path_default().join(root, dockerfile) });
            const problems = (0,project_dockerfile/* copySourceFindings */.V3)(df, listing.files, { ignored: listing.ignored, contextDir: context });
            return listing.findings.length === 0 && !problems.some((f) => f.severity === 'error');
        });
        const layout = layoutOf(root, dockerfile, found.context);
        const carries = new Set(layout ? layout.files.values() : []);
        const flavor = flavorOf(layout, (0,project_dockerfile/* finalStage */.BD)(df)?.baseImage ?? '');
        out.push({ dockerfile, context: found.context, contextSure: found.sure, flavor, carries });
    }
    return out;
}
function contextFor(root, dockerfile, fits) {
    const own = external_node_path_default().posix.dirname(dockerfile);
    for (let dir = own;; dir = external_node_path_default().posix.dirname(dir)) {
        if (fits(dir))
            return { context: dir, sure: true };
        if (dir === '.')
            break;
    }
    return { context: own, sure: false };
}
function layoutOf(root, dockerfile, context) {
    const img = { key: 'probe', context, dockerfile, repository: 'probe', buildArgs: {} };
    const project = {
        root,
        configFile: 'dd-ecs-monitor.yml',
        cluster: 'probe',
        images: { probe: img },
        services: {},
        files: {},
        fluentd: { forwardedTags: [] },
        deploy: { ...types/* DEPLOY_DEFAULTS */.D },
    };
    return (0,project_layout/* imageLayouts */.l_)(project).layouts.get('probe');
}
function flavorOf(layout, baseImage) {
    const kinds = new Set([...(layout?.files.keys() ?? [])].map((p) => (0,project_layout/* kindFromImagePath */.P4)(p, layout?.env)));
    if (kinds.has('http_check') || kinds.has('mysql') || kinds.has('datadog_yaml'))
        return 'datadog-agent';
    if (kinds.has('fluentd'))
        return 'fluentd';
    if (/datadog\/agent|datadog-agent/.test(baseImage))
        return 'datadog-agent';
    if (/fluent/.test(baseImage))
        return 'fluentd';
    return 'other';
}
/** The flavor a container's image or name suggests. */
function flavorOfName(text) {
    const t = text.toLowerCase();
    if (/fluent/.test(t))
        return 'fluentd';
    if (/datadog|dd-agent|(^|[^a-z])agent/.test(t))
        return 'datadog-agent';
    return 'other';
}

// EXTERNAL MODULE: ./src/checks/fluentd/index.ts + 22 modules
var fluentd = __webpack_require__(1589);
// EXTERNAL MODULE: ./src/checks/fluentd/ast.ts
var ast = __webpack_require__(5280);
;// CONCATENATED MODULE: ./src/init/senders.ts
/**
 * The web servers' Fluentd configs (a fluent.conf no image carries): the tags their forward
 * `<match>` sends to the aggregator become `fluentd.forwardedTags`, so the aggregator's routing
 * check knows what its in_forward receives (an in_forward source keeps its senders' tags).
 */




/** `<match a b>` with `@type forward`, or a `copy` with a forward `<store>`. */
function forwards(el) {
    const type = (0,ast/* pluginType */.A)(el)?.value;
    if (type === 'forward')
        return true;
    return type === 'copy' && el.elements.some((s) => s.name === 'store' && (0,ast/* pluginType */.A)(s)?.value === 'forward');
}
function forwardPatterns(el, out) {
    for (const child of el.elements) {
        if (child.name === 'match' && forwards(child))
            out.push(...child.arg.split(/\s+/).filter(Boolean));
        else if (child.name === 'label')
            forwardPatterns(child, out);
    }
}
/** Literal tags the senders forward, in first-seen order; patterns with wildcards become notes. */
function senderTags(root, senders, notes) {
    const tags = [];
    for (const file of senders) {
        const decoded = (0,source/* readSource */.o$)(file, external_node_path_default().join(root, file));
        if (!decoded.ok)
            continue;
        const patterns = [];
        forwardPatterns((0,fluentd/* parseFluentd */.se)(decoded.source).root, patterns);
        for (const p of patterns) {
            if (/[*{}/]/.test(p))
                notes.push(`${file}: <match ${p}> forwards a pattern, not a tag: list the tags it sends under fluentd.forwardedTags`);
            else if (!tags.includes(p))
                tags.push(p);
        }
    }
    return tags;
}

;// CONCATENATED MODULE: ./src/init/infer.ts
/**
 * From what the repository holds to a draft project file: each value with where it came from, and
 * what init could not read from any file (the cluster, the ECS service names) marked as a guess.
 * Secrets stay in the task definition templates (ECS reads them there; repeating them under the
 * project's `secrets:` would only be a second place to keep in step).
 */




/** `123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/monitoring/fluentd:latest` (ECR private registry URI). */
const ECR_URI = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+?)(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$/;
function ecrRepositoryOf(image) {
    const m = image ? ECR_URI.exec(image) : null;
    return m ? { repository: m[3], region: m[2] } : undefined;
}
/** A container init may point at a built image: its image is in a private ECR registry, or a placeholder. */
const buildsOwnImage = (c) => (0,taskdef/* isImagePlaceholder */.V1)(c.image) || ecrRepositoryOf(c.image) !== undefined;
function draftProject(root, scan) {
    const found = findImages(root, scan.dockerfiles);
    const notes = [];
    const pairs = matchContainers(found, scan.taskDefs, notes);
    const images = imageDrafts(found, pairs, notes);
    const keyOf = new Map(found.map((f, i) => [f.dockerfile, images[i].key]));
    const services = serviceDrafts(scan.taskDefs, pairs, keyOf, notes);
    const carried = new Set(found.flatMap((f) => [...f.carries]));
    const senders = scan.fluentdConfs.filter((f) => !carried.has(f));
    const forwardedTags = senderTags(root, senders, notes);
    const region = regionOf(scan.taskDefs);
    const namespaces = new Set(images.map((i) => (i.repositoryFrom ? i.repository.split('/').slice(0, -1).join('/') : '')));
    const ns = namespaces.size === 1 ? [...namespaces][0] : '';
    const cluster = ns && /^[A-Za-z0-9_-]+$/.test(ns)
        ? { value: ns, from: "the ECR repositories' namespace" }
        : { value: 'monitoring' };
    return {
        ...(region ? { region } : {}),
        cluster,
        images,
        services,
        files: senders.map((p) => ({ path: p, kind: 'fluentd' })),
        forwardedTags,
        notes,
    };
}
/** Each container that runs a built image, paired with the Dockerfile most like it (flavor, then shared name parts). */
function matchContainers(found, taskDefs, notes) {
    const pairs = [];
    for (const taskDef of taskDefs) {
        for (const container of taskDef.containers.filter(buildsOwnImage)) {
            const text = `${container.name} ${ecrRepositoryOf(container.image)?.repository ?? ''} ${taskDef.family ?? ''}`;
            const scored = found.map((image) => ({ image, score: score(text, image) })).sort((a, b) => b.score - a.score);
            const [best, next] = scored;
            if (!best || best.score === 0 || (next && next.score === best.score)) {
                notes.push(`container "${container.name}" of ${taskDef.file}: no Dockerfile is clearly its image; map it under containers: by hand`);
                continue;
            }
            pairs.push({ taskDef, container, image: best.image });
        }
    }
    return pairs;
}
const words = (s) => new Set(s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1));
function score(containerText, image) {
    const flavor = flavorOfName(containerText);
    let s = flavor !== 'other' && flavor === image.flavor ? 4 : 0;
    const dir = words(image.dockerfile.replace(/(^|\/)[^/]*Dockerfile[^/]*$/i, ''));
    for (const w of words(containerText))
        if (dir.has(w))
            s += 1;
    return s;
}
/** Lowercase letters, digits, ".", "_", "-" (names.ts IMAGE_KEY), unique among the images. */
function imageKey(wanted, taken) {
    const base = wanted
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[^a-z0-9]+/, '')
        .slice(0, 100) || 'image';
    let key = base;
    for (let n = 2; taken.has(key); n++)
        key = `${base}-${n}`;
    taken.add(key);
    return key;
}
function imageDrafts(found, pairs, notes) {
    const taken = new Set();
    return found.map((f) => {
        const first = pairs.find((p) => p.image === f);
        const ecr = ecrRepositoryOf(first?.container.image);
        const dir = f.dockerfile.includes('/') ? f.dockerfile.split('/').at(-2) : 'app';
        const key = imageKey(ecr?.repository.split('/').at(-1) ?? first?.container.name ?? dir, taken);
        if (!first)
            notes.push(`image "${key}" (${f.dockerfile}) runs in no task definition container init could find: map it under a service's containers:, or remove it`);
        if (!f.contextSure)
            notes.push(`images.${key}.context: some COPY sources of ${f.dockerfile} are in no directory above it; check the context`);
        const repository = ecr?.repository ?? key;
        return {
            key,
            context: f.context,
            dockerfile: f.dockerfile,
            repository,
            ...(ecr && first ? { repositoryFrom: first.taskDef.file } : {}),
            contextSure: f.contextSure,
            flavor: f.flavor,
        };
    });
}
/** ECS service names: letters, digits, "-" and "_" (names.ts). */
const ecsName = (s) => s
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 255) || 'service';
function serviceDrafts(taskDefs, pairs, keyOf, notes) {
    const taken = new Set();
    return taskDefs.map((td) => {
        const stem = td.file
            .split('/')
            .at(-1)
            ?.replace(/\.(json|ya?ml)$/, '') ?? 'service';
        let key = ecsName(td.family ?? stem);
        for (let n = 2; taken.has(key); n++)
            key = `${ecsName(td.family ?? stem)}-${n}`;
        taken.add(key);
        const containers = {};
        for (const p of pairs.filter((x) => x.taskDef === td))
            containers[p.container.name] = keyOf.get(p.image.dockerfile);
        if (Object.keys(containers).length === 0)
            notes.push(`services.${key}: no container of ${td.file} runs an image built here`);
        return { key, taskDefinition: td.file, containers };
    });
}
/** The Region the templates already name most: ECR image URIs, awslogs-region, secret ARNs. */
function regionOf(taskDefs) {
    const seen = new Map();
    const sources = new Set();
    const add = (r, from) => {
        if (!r)
            return;
        seen.set(r, (seen.get(r) ?? 0) + 1);
        sources.add(from);
    };
    for (const td of taskDefs) {
        for (const c of td.containers) {
            add(ecrRepositoryOf(c.image)?.region, 'ECR image URIs');
            add(c.logRegion, 'awslogs-region');
            for (const ref of c.secretRefs) {
                const r = (0,taskdef/* checkSecretRef */.y8)(ref);
                add(r.ok ? r.region : undefined, 'secret ARNs');
            }
        }
    }
    const best = [...seen].sort((a, b) => b[1] - a[1])[0];
    return best ? { value: best[0], from: `the task definitions' ${[...sources].join(', ')}` } : undefined;
}

;// CONCATENATED MODULE: ./src/init/render.ts
const GUESS = 'GUESS: check';
const COMMENT_COLUMN = 40;
const plain = (s) => (s === '.' || /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s)) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(s)
    ? s
    : JSON.stringify(s);
function line(text, comment) {
    if (!comment)
        return text;
    return `${text.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;
}
const FLAVOR_NOTE = {
    'datadog-agent': 'the Datadog agent image',
    fluentd: 'the Fluentd aggregator image',
    other: 'an image built here',
};
function renderProjectFile(draft, schemaRef) {
    const out = [
        `# yaml-language-server: $schema=${schemaRef}`,
        '# dd-ecs-monitor project file, written by "dd-ecs-monitor init" from the Dockerfiles and task definitions',
        '# here. Reference: docs/project-file.md. A line marked as a guess says what no file here says.',
        line('version: 1', 'the project file format'),
    ];
    if (draft.region)
        out.push(line(`region: ${plain(draft.region.value)}`, `from ${draft.region.from}`));
    out.push(line(`cluster: ${plain(draft.cluster.value)}`, draft.cluster.from ? `from ${draft.cluster.from}` : `${GUESS}: the ECS cluster of the services`));
    out.push('', 'images:');
    for (const img of draft.images) {
        out.push(line(`  ${plain(img.key)}:`, FLAVOR_NOTE[img.flavor]));
        out.push(line(`    context: ${plain(img.context)}`, img.contextSure ? 'build context: where its COPY sources are' : `${GUESS}: COPY sources not found`));
        out.push(line(`    dockerfile: ${plain(img.dockerfile)}`, 'relative to the repository root'));
        out.push(line(`    repository: ${plain(img.repository)}`, img.repositoryFrom ? `ECR repository, from ${img.repositoryFrom}` : `${GUESS}: the ECR repository`));
    }
    out.push('', 'services:');
    for (const svc of draft.services) {
        out.push(line(`  ${plain(svc.key)}:`, 'named after the task definition family'));
        out.push(line(`    service: ${plain(svc.key)}`, `${GUESS}: the ECS service name`));
        out.push(line(`    taskDefinition: ${plain(svc.taskDefinition)}`, 'its secrets stay in there'));
        const containers = Object.entries(svc.containers);
        if (containers.length === 0)
            out.push(line('    containers: {}', 'no container runs an image built here'));
        else
            out.push(line('    containers:', 'container -> image key: deployed pinned by digest'));
        for (const [name, image] of containers)
            out.push(line(`      ${plain(name)}: ${plain(image)}`, `its image is built from images.${image}`));
    }
    if (draft.files.length) {
        out.push('', line('files:', 'files no image carries, checked anyway'));
        for (const f of draft.files)
            out.push(line(`  ${plain(f.path)}: ${f.kind}`, 'a sender config (forwards to the aggregator)'));
    }
    if (draft.forwardedTags.length) {
        out.push('', 'fluentd:');
        out.push(line(`  forwardedTags: [${draft.forwardedTags.map(plain).join(', ')}]`, "the senders' forward <match> tags"));
    }
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/init/scan.ts
/**
 * What `init` reads from a repository that has no project file yet: its Dockerfiles, task
 * definition templates (JSON or YAML, pasted describe output too) and Fluentd configs. Read-only;
 * a file that does not parse is skipped (validate reports it once the project file exists).
 */





/** Directories that hold no monitoring config (dependencies, build output, VCS). */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'vendor', 'tmp']);
/** A monitoring repository has dozens of files; stop listing long before a monorepo hurts. */
const MAX_FILES = 20_000;
function scanRepository(root) {
    const files = listFiles(root);
    const dockerfiles = files.filter((f) => /^(?:Dockerfile(?:\.[\w.-]+)?|[\w.-]+\.Dockerfile)$/.test(external_node_path_default().posix.basename(f)));
    const taskDefs = [];
    const fluentdConfs = [];
    for (const file of files) {
        if (/\.(?:json|ya?ml)$/.test(file) && !file.includes('/conf.d/')) {
            const td = readTaskDef(root, file);
            if (td)
                taskDefs.push(td);
        }
        else if (file.endsWith('.conf')) {
            const decoded = (0,source/* readSource */.o$)(file, external_node_path_default().join(root, file));
            if (decoded.ok && (0,fluentd/* looksLikeFluentd */.ki)(decoded.source.text))
                fluentdConfs.push(file);
        }
    }
    return { files, dockerfiles, taskDefs, fluentdConfs };
}
function listFiles(root) {
    const out = [];
    const walk = (rel) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(external_node_path_default().join(root, rel), { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
            if (out.length >= MAX_FILES)
                return;
            const p = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) {
                if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name))
                    walk(p);
            }
            else if (e.isFile())
                out.push(p);
        }
    };
    walk('');
    return out.sort();
}
const str = (v) => (typeof v === 'string' ? v : undefined);
const objects = (v) => Array.isArray(v)
    ? v.filter((x) => typeof x === 'object' && x !== null && !Array.isArray(x))
    : [];
function readTaskDef(root, file) {
    const decoded = (0,source/* readSource */.o$)(file, external_node_path_default().join(root, file));
    if (!decoded.ok)
        return undefined;
    const { taskDef } = (0,taskdef/* parseTaskDefinition */.Id)(decoded.source);
    if (!taskDef || !Array.isArray(taskDef.containerDefinitions))
        return undefined;
    const containers = objects(taskDef.containerDefinitions).flatMap((c) => {
        const name = str(c.name);
        if (!name)
            return [];
        const options = c.logConfiguration?.options;
        const logRegion = str(options?.['awslogs-region']);
        const image = str(c.image);
        const secretRefs = objects(c.secrets)
            .map((s) => str(s.valueFrom))
            .filter((s) => s !== undefined);
        return [{ name, ...(image ? { image } : {}), ...(logRegion ? { logRegion } : {}), secretRefs }];
    });
    const family = str(taskDef.family);
    return { file, ...(family ? { family } : {}), containers };
}

;// CONCATENATED MODULE: ./src/init/command.ts
/**
 * `init [DIR] [--dry-run] [--workflows] [--force]`: write the project file for a repository that has
 * none (and with --workflows the starter workflow), list what it had to guess, then validate. Never
 * overwrites without --force; --dry-run prints instead of writing and validates the printed text.
 */









const WORKFLOW_PATH = '.github/workflows/dd-ecs-monitor.yml';
const SCHEMA_IN_PACKAGE = 'schema/dd-ecs-monitor.schema.json';
async function runInit(cmd, io) {
    const root = external_node_path_default().resolve(io.cwd, cmd.dir);
    const shown = (p) => {
        const rel = external_node_path_default().relative(io.cwd, external_node_path_default().join(root, p));
        return rel.startsWith('..') ? external_node_path_default().join(root, p) : rel || p;
    };
    if (!isDirectory(root)) {
        io.err(`dd-ecs-monitor: init: ${cmd.dir} is not a directory`);
        return 2;
    }
    const targets = [args/* DEFAULT_CONFIG */.PV, ...(cmd.workflows ? [WORKFLOW_PATH] : [])];
    const existing = targets.filter((t) => (0,external_node_fs_.existsSync)(external_node_path_default().join(root, t)));
    if (!cmd.dryRun && !cmd.force && existing.length > 0) {
        io.err(`dd-ecs-monitor: init: ${existing.map(shown).join(' and ')} already exists; nothing written (--force overwrites)`);
        return 2;
    }
    const scan = scanRepository(root);
    if (scan.dockerfiles.length === 0 && scan.taskDefs.length === 0) {
        io.err(`dd-ecs-monitor: init: no Dockerfile and no task definition (JSON or YAML with containerDefinitions) in ${shown('.')}`);
        return 2;
    }
    const draft = draftProject(root, scan);
    const text = renderProjectFile(draft, schemaRef(root));
    const workflow = cmd.workflows ? workflowText(root, draft) : undefined;
    if (cmd.dryRun) {
        io.out(text.trimEnd());
        if (workflow !== undefined)
            io.out(`\n# --- ${WORKFLOW_PATH} ---\n${workflow.trimEnd()}`);
    }
    else {
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(root, args/* DEFAULT_CONFIG */.PV), text);
        if (workflow !== undefined) {
            (0,external_node_fs_.mkdirSync)(external_node_path_default().join(root, external_node_path_default().dirname(WORKFLOW_PATH)), { recursive: true });
            (0,external_node_fs_.writeFileSync)(external_node_path_default().join(root, WORKFLOW_PATH), workflow);
        }
        io.err(`Wrote ${targets.map(shown).join(' and ')}: ${draft.images.length} image(s), ${draft.services.length} service(s).`);
    }
    reportGuesses(text, draft, workflow !== undefined, shown, io);
    return validateDraft(root, cmd.dryRun ? text : undefined, io);
}
function isDirectory(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * The `$schema` the first line points at: the installed package's copy when the repository has one
 * (offline, the exact version), else the same file of this version on the npm CDN (no install needed).
 */
function schemaRef(root) {
    const local = `node_modules/dd-ecs-monitor/${SCHEMA_IN_PACKAGE}`;
    if ((0,external_node_fs_.existsSync)(external_node_path_default().join(root, local)))
        return `./${local}`;
    return `https://cdn.jsdelivr.net/npm/dd-ecs-monitor@${main/* VERSION */.xv}/${SCHEMA_IN_PACKAGE}`;
}
function reportGuesses(text, draft, workflow, shown, io) {
    const guesses = text
        .split('\n')
        .flatMap((l, i) => l.includes(GUESS) && !l.startsWith('#')
        ? [`  ${shown(args/* DEFAULT_CONFIG */.PV)}:${i + 1}: ${l.split(' #')[0]?.trim()}`]
        : []);
    const notes = [...draft.notes];
    if (workflow)
        notes.push(`${WORKFLOW_PATH}: replace org/dd-ecs-monitor with the repository the action lives in, and set the role variables`);
    if (guesses.length)
        io.err(`Check these guesses (no file here says them):\n${guesses.join('\n')}`);
    if (notes.length)
        io.err(`Also check:\n${notes.map((n) => `  ${n}`).join('\n')}`);
}
function validateDraft(root, text, io) {
    io.err('Validating it:');
    const result = (0,validate/* validateProject */.U)(external_node_path_default().join(root, args/* DEFAULT_CONFIG */.PV), text);
    const rel = (p) => external_node_path_default().relative(io.cwd, external_node_path_default().resolve(root, p)).split((external_node_path_default()).sep).join('/') || '.';
    (0,main/* printFindings */.c2)(io, 'text', result.findings, result.files.map((f) => ({ path: rel(f.path), kind: f.kind })), root);
    return result.fatal ? 2 : (0,findings/* exitCodeFor */.Rr)(result.findings);
}
/** The starter workflow with what the repository says filled in: its default branch and Region. */
function workflowText(root, draft) {
    const template = (0,external_node_fs_.readFileSync)(__webpack_require__.ab + "dd-ecs-monitor.yml", 'utf8');
    const branch = defaultBranch(root);
    let text = template.replaceAll('$default-branch', branch);
    if (draft.region)
        text = text.replaceAll(/aws-region: \S+/g, `aws-region: ${draft.region.value}`);
    return text;
}
function defaultBranch(root) {
    try {
        const head = (0,external_node_fs_.readFileSync)(external_node_path_default().join(root, '.git', 'HEAD'), 'utf8');
        return /^ref: refs\/heads\/(\S+)/.exec(head)?.[1] ?? 'main';
    }
    catch {
        return 'main';
    }
}


/***/ })

};
