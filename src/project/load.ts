/**
 * `dd-ecs-monitor.yml` -> a validated `Project` plus findings on the project file's own lines.
 * Unreadable or not-YAML is fatal (the CLI exits 2); everything else is a finding and loading goes
 * on, so one run reports every problem. The shape (keys, types, names AWS or docker would refuse) is
 * the JSON Schema's (schema/dd-ecs-monitor.schema.json via schema.ts); this file adds what a schema
 * cannot say: paths never leave the repository and exist, images, containers and stages referenced
 * exist, secrets are usable, and nothing is deployed twice. Documented in docs/project-file.md.
 */
import path from 'node:path';
import { type Finding, finding, sortFindings } from '../checks/findings.js';
import { decode, readSource } from '../checks/source.js';
import { closest, didYouMean } from '../checks/suggest.js';
import { type YMap, type YPair, getPair, isMap, keyName } from '../checks/yaml/ast.js';
import { loadYaml } from '../checks/yaml/load.js';
import { checkSecretRef, parseTaskDefinition, plainSecretKind } from '../checks/taskdef/index.js';
import { envNameProblem, ecsNameProblem } from './names.js';
import { parseDockerfile } from './dockerfile.js';
import { resolveRepoPath } from './paths.js';
import { checkShape } from './schema.js';
import { overriddenSecrets, templateRepository } from './service-checks.js';
import { DEPLOY_DEFAULTS, type FileKind, type ImageConfig, type Project, type ServiceConfig } from './types.js';
import { YamlReader } from './yaml-reader.js';
import { appendAll } from '../checks/findings.js';

export interface LoadResult {
  project?: Project;
  findings: Finding[];
  /** Unreadable, not YAML, or not a mapping: the CLI exits 2. */
  fatal: boolean;
}

/** `text`: the file's content when it is not on disk (yet): `init --dry-run` validates what it prints. */
export function loadProject(configPath: string, text?: string): LoadResult {
  const abs = path.resolve(configPath);
  const root = path.dirname(abs);
  const configFile = path.basename(abs);
  const decoded = text === undefined ? readSource(configFile, abs) : decode(configFile, Buffer.from(text, 'utf8'));
  if (!decoded.ok) return { findings: decoded.findings, fatal: true };
  const source = decoded.source;
  const yaml = loadYaml(source, 'core');
  if (yaml.findings.some((f) => f.severity === 'error')) return { findings: yaml.findings, fatal: true };
  if (!yaml.root || yaml.root.kind !== 'map') {
    const pos = yaml.root ? source.lines.position(yaml.root.range[0]) : { line: 1, column: 1 };
    return {
      findings: [
        ...yaml.findings,
        finding(
          configFile,
          pos,
          'error',
          'project/not-a-mapping',
          'the project file must be a YAML mapping with cluster, images and services (see docs/project-file.md)',
        ),
      ],
      fatal: true,
    };
  }
  const shape = checkShape(yaml.root, source);
  const r = new YamlReader(source, shape.bad);
  appendAll(r.findings, yaml.findings);
  appendAll(r.findings, shape.findings);
  for (const d of yaml.duplicates) {
    r.at(
      d.dup.key,
      'error',
      'project/duplicate-key',
      `"${d.key}" is defined twice${d.path ? ` in ${d.path}` : ''} (first on line ${source.lines.position(d.first.key.range[0]).line}): the first one would be silently dropped; merge them`,
    );
  }
  const project = new ProjectLoader(r, root).load(yaml.root, configFile);
  return { project, findings: sortFindings(r.findings), fatal: false };
}

/** A JSON pointer segment (RFC 6901), to ask the schema's verdict on a value. */
const ptr = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

class ProjectLoader {
  /** Parsed task definition templates by repo path, for the cross-checks with the project file. */
  private readonly templates = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly r: YamlReader,
    private readonly root: string,
  ) {}

  load(rootMap: YMap, configFile: string): Project {
    const r = this.r;
    const top = r.fields(rootMap);
    const project: Project = {
      root: this.root,
      configFile,
      cluster: '',
      images: {},
      services: {},
      files: {},
      fluentd: { forwardedTags: [] },
      deploy: { ...DEPLOY_DEFAULTS },
    };
    const region = r.str(top.get('region')?.value);
    if (region !== undefined && !r.refused('/region')) project.region = region;
    const cluster = r.str(top.get('cluster')?.value);
    if (cluster !== undefined && !r.refused('/cluster')) project.cluster = cluster;

    const imagesMap = r.map(top.get('images')?.value);
    for (const p of lastPairs(imagesMap)) {
      const img = r.refused(`/images/${ptr(keyName(p))}`) ? undefined : this.image(p);
      if (img) project.images[img.key] = img;
    }
    const servicesMap = r.map(top.get('services')?.value);
    if (!top.get('services'))
      r.at(rootMap, 'warning', 'project/missing-key', 'the project file has no "services": nothing will be deployed');
    for (const p of lastPairs(servicesMap)) {
      const svc = this.service(p, project, imagesMap);
      if (svc) project.services[svc.key] = svc;
    }
    this.crossChecks(project, imagesMap, servicesMap);

    for (const p of lastPairs(r.map(top.get('files')?.value))) this.fileOverride(p, project);

    const fluentdMap = r.map(top.get('fluentd')?.value);
    if (fluentdMap) project.fluentd.forwardedTags = r.strings(r.fields(fluentdMap).get('forwardedTags')?.value);

    const deployMap = r.map(top.get('deploy')?.value);
    if (deployMap) this.deploy(deployMap, project);
    return project;
  }

  /** A repository path of the project file: inside the repository, existing, a file or a directory as asked. */
  private repoPath(
    node: YPair['value'],
    raw: string,
    where: string,
    want: 'file' | 'dir',
    missing?: string,
  ): string | undefined {
    const res = resolveRepoPath(this.root, raw);
    if (!res.ok) {
      this.r.at(node, 'error', 'project/path-outside', `${where} "${raw}": ${res.problem}`);
      return undefined;
    }
    if (want === 'dir' && res.exists && !res.dir) {
      this.r.at(
        node,
        'error',
        'project/not-a-directory',
        `${where} "${raw}" is a file: the build context is a directory`,
      );
      return undefined;
    }
    if (!res.exists || res.dir !== (want === 'dir')) {
      this.r.at(
        node,
        'error',
        'project/missing-file',
        missing ??
          `${where} "${raw}" ${want === 'dir' ? 'does not exist in the repository' : 'is not a file in the repository'}`,
      );
      return undefined;
    }
    return res.rel;
  }

  private image(p: YPair): ImageConfig | undefined {
    const r = this.r;
    const key = keyName(p);
    const where = `images.${key}`;
    const at = `/images/${ptr(key)}`;
    const m = r.map(p.value);
    if (!m) return undefined;
    const f = r.fields(m);
    // context: default the repository root.
    const ctxPair = f.get('context');
    const ctxRaw = ctxPair ? r.str(ctxPair.value) : '.';
    const context =
      ctxRaw === undefined ? undefined : this.repoPath(ctxPair?.value ?? p.key, ctxRaw, `${where}.context`, 'dir');
    // dockerfile: default <context>/Dockerfile (repository-relative, like every path here).
    const dfPair = f.get('dockerfile');
    const dfRaw = dfPair
      ? r.str(dfPair.value)
      : context === undefined
        ? undefined
        : context === '.'
          ? 'Dockerfile'
          : `${context}/Dockerfile`;
    const dockerfile =
      dfRaw === undefined
        ? undefined
        : this.repoPath(
            dfPair?.value ?? p.key,
            dfRaw,
            `${where}.dockerfile`,
            'file',
            dfPair
              ? `${where}.dockerfile "${dfRaw}" is not a file in the repository (paths are relative to the repository root, not to the context)`
              : `${where} has no dockerfile and "${dfRaw}" does not exist: set "dockerfile:"`,
          );
    // repository: default the image key.
    const repoPair = f.get('repository');
    const repository = repoPair ? r.str(repoPair.value) : key;
    const buildArgs: Record<string, string> = {};
    for (const { name, value } of r.stringMap(f.get('buildArgs')?.value)) {
      if (!r.refused(`${at}/buildArgs/${ptr(name)}`)) buildArgs[name] = value;
    }
    if (context === undefined || dockerfile === undefined || repository === undefined || r.refused(`${at}/repository`))
      return undefined;
    const img: ImageConfig = { key, context, dockerfile, repository, buildArgs };
    const target = r.str(f.get('target')?.value);
    if (
      target !== undefined &&
      !r.refused(`${at}/target`) &&
      this.isStage(target, dockerfile, f.get('target') as YPair, where)
    )
      img.target = target;
    const platform = r.str(f.get('platform')?.value);
    if (platform !== undefined && !r.refused(`${at}/platform`)) img.platform = platform;
    return img;
  }

  private isStage(target: string, dockerfile: string, pair: YPair, where: string): boolean {
    const stages = this.stageNames(dockerfile);
    if (!stages || stages.includes(target.toLowerCase())) return true;
    const theirs = stages.length ? ` (its stages: ${stages.join(', ')})` : ' (it names no stage: FROM image AS name)';
    this.r.at(
      pair.value,
      'error',
      'project/unknown-target',
      `${where}.target "${target}" is not a stage of ${dockerfile}${theirs}${didYouMean(target.toLowerCase(), stages)}`,
    );
    return false;
  }

  private service(p: YPair, project: Project, imagesMap: YMap | undefined): ServiceConfig | undefined {
    const r = this.r;
    const key = keyName(p);
    const where = `services.${key}`;
    const at = `/services/${ptr(key)}`;
    const m = r.map(p.value);
    if (!m || r.refused(at)) return undefined;
    const f = r.fields(m);
    let ok = true;
    const svcPair = f.get('service');
    const service = svcPair ? r.str(svcPair.value) : key;
    if (service === undefined || r.refused(`${at}/service`)) ok = false;
    else if (!svcPair && ecsNameProblem(key, 'service')) {
      // Only the key's own use as the name: a schema cannot say "unless service: is set".
      r.at(
        p.key,
        'error',
        'project/invalid-name',
        `service key "${key}" is used as the ECS service name and is not valid: ${ecsNameProblem(key, 'service')} (or set "service:")`,
      );
      ok = false;
    }
    const clPair = f.get('cluster');
    const cluster = clPair ? r.str(clPair.value) : project.cluster;
    if (cluster === undefined || r.refused(`${at}/cluster`)) ok = false;
    const tdPair = f.get('taskDefinition');
    const raw = r.str(tdPair?.value);
    const taskDefinition =
      tdPair && raw !== undefined ? this.repoPath(tdPair.value, raw, `${where}.taskDefinition`, 'file') : undefined;
    if (taskDefinition === undefined) ok = false;
    const containers = this.containers(f, where, taskDefinition, imagesMap);
    if (f.get('containers') === undefined) {
      r.at(
        p.key,
        'warning',
        'project/missing-key',
        `${where} has no "containers": no built image goes into this service, so a deploy only re-registers its task definition`,
      );
    }
    const secrets = this.secrets(f, where, project, taskDefinition, containers);
    const environment = this.environment(f, where, secrets);
    const containerNames = taskDefinition === undefined ? undefined : this.taskDefContainers(taskDefinition);
    this.targetContainer(
      where,
      [f.get('secrets'), f.get('environment')],
      r.map(f.get('containers')?.value),
      containerNames,
    );
    if (!ok) return undefined;
    return {
      key,
      service: service as string,
      cluster: cluster as string,
      taskDefinition: taskDefinition as string,
      containers,
      secrets,
      environment,
    };
  }

  private containers(
    f: Map<string, YPair>,
    where: string,
    taskDefinition: string | undefined,
    imagesMap: YMap | undefined,
  ): Record<string, string> {
    const r = this.r;
    const containerNames = taskDefinition === undefined ? undefined : this.taskDefContainers(taskDefinition);
    const imageKeys = imagesMap ? imagesMap.pairs.map(keyName) : [];
    const containers: Record<string, string> = {};
    for (const cp of r.map(f.get('containers')?.value)?.pairs ?? []) {
      const cname = keyName(cp);
      const imageKey = r.str(cp.value);
      if (imageKey === undefined) continue;
      if (!imageKeys.includes(imageKey)) {
        r.at(
          cp.value,
          'error',
          'project/unknown-image',
          `${where}.containers.${cname} uses image "${imageKey}", which "images" does not define${didYouMean(imageKey, imageKeys)}`,
        );
      } else if (containerNames && !containerNames.includes(cname)) {
        const hint = closest(cname, containerNames);
        const theirs = containerNames.map((n) => `"${n}"`).join(', ') || 'none';
        r.at(
          cp.key,
          'error',
          'project/unknown-container',
          `container "${cname}" is not in ${taskDefinition} (its containers: ${theirs})${hint ? ` (did you mean "${hint}"?)` : ''}`,
        );
      } else containers[cname] = imageKey;
    }
    return containers;
  }

  private secrets(
    f: Map<string, YPair>,
    where: string,
    project: Project,
    taskDefinition: string | undefined,
    containers: Record<string, string>,
  ): Record<string, string> {
    const r = this.r;
    const secrets: Record<string, string> = {};
    for (const { name, value, pair } of r.stringMap(f.get('secrets')?.value)) {
      const envProb = envNameProblem(name);
      if (envProb) r.at(pair.key, 'warning', 'project/invalid-env-name', `secret name "${name}": ${envProb}`);
      const ref = checkSecretRef(value);
      if (!ref.ok) {
        r.at(
          pair.value,
          'error',
          'project/secret-value-from',
          `${where}.secrets.${name} "${value}" is not usable as an ECS secret: ${ref.problem}`,
        );
        continue;
      }
      if (ref.kind !== 'ssm-name' && project.region && ref.region && ref.region !== project.region) {
        r.at(
          pair.value,
          'notice',
          'project/secret-region',
          `${where}.secrets.${name} is in ${ref.region}, not the project's region ${project.region}: fine with a full ARN, but check the execution role can read it there`,
        );
      }
      const template = taskDefinition === undefined ? undefined : this.templates.get(taskDefinition);
      for (const o of overriddenSecrets(template, Object.keys(containers), name, value)) {
        const message =
          `${where}.secrets.${name} ("${value}") replaces the secret ${name} that container "${o.container}" in ` +
          `${taskDefinition} reads from "${o.valueFrom}": the deploy uses the project file's; remove one of them`;
        r.at(pair.value, 'warning', 'project/secret-overrides-template', message);
      }
      secrets[name] = value;
    }
    return secrets;
  }

  private environment(f: Map<string, YPair>, where: string, secrets: Record<string, string>): Record<string, string> {
    const r = this.r;
    const environment: Record<string, string> = {};
    for (const { name, value, pair } of r.stringMap(f.get('environment')?.value)) {
      const envProb = envNameProblem(name);
      if (envProb) r.at(pair.key, 'warning', 'project/invalid-env-name', `environment name "${name}": ${envProb}`);
      if (name in secrets) {
        r.at(
          pair.key,
          'error',
          'project/secret-and-environment',
          `${name} is both in ${where}.secrets and in ${where}.environment: keep only the secret`,
        );
        continue;
      }
      const kind = plainSecretKind(name, value);
      if (kind === 'api-key') {
        const what = name === 'DD_API_KEY' ? 'the Datadog API key' : 'what looks like a Datadog API key';
        r.at(
          pair.value,
          'error',
          'project/secret-in-environment',
          `${where}.environment.${name} holds ${what} in plain text: move it to ${where}.secrets as an SSM parameter (e.g. ${name}: /datadog/apikey)`,
        );
        continue;
      }
      if (kind === 'credential') {
        r.at(
          pair.value,
          'warning',
          'project/secret-like-environment',
          `${where}.environment.${name} looks like a credential in plain text: move it to ${where}.secrets`,
        );
      }
      environment[name] = value;
    }
    return environment;
  }

  /** Stage names of a Dockerfile, or undefined when it cannot be read (the layout reports that). */
  private stageNames(dockerfile: string): string[] | undefined {
    const decoded = readSource(dockerfile, path.join(this.root, dockerfile));
    if (!decoded.ok) return undefined;
    return parseDockerfile(decoded.source)
      .stages.map((s) => s.name)
      .filter((n): n is string => n !== undefined);
  }

  /** Container names of a task definition, or undefined when it does not parse (its own check reports that). */
  private readonly containerNames = new Map<string, string[] | undefined>();

  /** The container names of a task definition template (read once, however many services ask). */
  private taskDefContainers(rel: string): string[] | undefined {
    if (!this.containerNames.has(rel)) this.containerNames.set(rel, this.readTaskDefContainers(rel));
    return this.containerNames.get(rel);
  }

  private readTaskDefContainers(rel: string): string[] | undefined {
    const decoded = readSource(rel, path.join(this.root, rel));
    if (!decoded.ok) return undefined;
    const { taskDef } = parseTaskDefinition(decoded.source);
    if (taskDef) this.templates.set(rel, taskDef);
    if (!taskDef || !Array.isArray(taskDef.containerDefinitions)) return undefined;
    return taskDef.containerDefinitions
      .map((c: unknown) => (typeof c === 'object' && c !== null ? (c as Record<string, unknown>).name : undefined))
      .filter((n): n is string => typeof n === 'string');
  }

  private crossChecks(project: Project, imagesMap: YMap | undefined, servicesMap: YMap | undefined): void {
    const r = this.r;
    const used = new Set(Object.values(project.services).flatMap((s) => Object.values(s.containers)));
    const repos = new Map<string, string>();
    for (const p of lastPairs(imagesMap)) {
      const img = project.images[keyName(p)];
      if (!img) continue;
      if (!used.has(img.key) && Object.keys(project.services).length > 0) {
        r.at(
          p.key,
          'warning',
          'project/unused-image',
          `image "${img.key}" is built but no service's "containers" uses it`,
        );
      }
      const prev = repos.get(img.repository);
      if (prev)
        r.at(
          p.key,
          'warning',
          'project/duplicate-repository',
          `images "${prev}" and "${img.key}" push to the same repository "${img.repository}": give each its own`,
        );
      else repos.set(img.repository, img.key);
    }
    for (const p of lastPairs(imagesMap)) this.repositoryMatchesTemplates(project, p);
    const svcs = new Map<string, string>();
    for (const p of lastPairs(servicesMap)) {
      const s = project.services[keyName(p)];
      if (!s) continue;
      const id = `${s.cluster}/${s.service}`;
      const prev = svcs.get(id);
      if (prev)
        r.at(
          p.key,
          'error',
          'project/duplicate-service',
          `services "${prev}" and "${s.key}" both deploy ECS service "${s.service}" in cluster "${s.cluster}"`,
        );
      else svcs.set(id, s.key);
    }
  }

  /** Render puts secrets and environment only into mapped containers: without one they reach nothing and plan stops. */
  private targetContainer(
    where: string,
    carriers: Array<YPair | undefined>,
    contMap: YMap | undefined,
    containerNames?: string[],
  ): void {
    const carried = carriers.find((x) => x && isMap(x.value) && x.value.pairs.length > 0);
    if (!carried || contMap?.pairs.length) return;
    const names = containerNames?.length ? containerNames.map((n) => `"${n}"`).join(', ') : 'its containers';
    const message =
      `${where}.${keyName(carried)} go only to the containers ${where}.containers maps to a built image, and it ` +
      `maps none: add containers: {CONTAINER: IMAGE_KEY} (the template's containers: ${names})`;
    this.r.at(carried.key, 'error', 'project/no-target-container', message);
  }

  /** An image pushed to one repository while a template it goes into already runs another: a missing `repository:`. */
  private repositoryMatchesTemplates(project: Project, p: YPair): void {
    const img = project.images[keyName(p)];
    if (!img) return;
    const repoPair = isMap(p.value) ? getPair(p.value, 'repository') : undefined;
    for (const s of Object.values(project.services)) {
      for (const [container, key] of Object.entries(s.containers)) {
        if (key !== img.key) continue;
        const running = templateRepository(this.templates.get(s.taskDefinition), container);
        if (!running || running === img.repository) continue;
        const how = repoPair
          ? `images.${img.key}.repository is "${img.repository}"`
          : `images.${img.key} has no "repository", so it is pushed to "${img.repository}" (the image key)`;
        const message =
          `${how}, but container "${container}" in ${s.taskDefinition} runs an image from ECR repository ` +
          `"${running}": set repository: ${running} if that is where it belongs`;
        this.r.at(repoPair?.value ?? p.key, 'warning', 'project/repository-mismatch', message);
        return;
      }
    }
  }

  private fileOverride(p: YPair, project: Project): void {
    const r = this.r;
    const file = keyName(p);
    const kind = r.str(p.value);
    if (kind === undefined || r.refused(`/files/${ptr(file)}`)) return;
    const res = resolveRepoPath(this.root, file);
    if (!res.ok) {
      r.at(p.key, 'error', 'project/path-outside', `files: "${file}": ${res.problem}`);
      return;
    }
    if ((!res.exists || res.dir) && kind !== 'ignore') {
      r.at(p.key, 'error', 'project/missing-file', `files: "${file}" is not a file in the repository`);
      return;
    }
    project.files[res.rel] = kind as FileKind | 'ignore';
  }

  private deploy(m: YMap, project: Project): void {
    const r = this.r;
    const f = r.fields(m);
    const d = project.deploy;
    const wait = r.count(f.get('waitTimeoutSeconds')?.value);
    if (wait !== undefined) d.waitTimeoutSeconds = wait;
    const poll = r.count(f.get('pollIntervalSeconds')?.value);
    if (poll !== undefined) d.pollIntervalSeconds = poll;
    if (d.pollIntervalSeconds > d.waitTimeoutSeconds) {
      const node = (f.get('pollIntervalSeconds') ?? f.get('waitTimeoutSeconds'))?.value ?? m;
      r.at(
        node,
        'error',
        'project/invalid-value',
        `deploy.pollIntervalSeconds (${d.pollIntervalSeconds}) is longer than deploy.waitTimeoutSeconds (${d.waitTimeoutSeconds})`,
      );
    }
    for (const k of ['rollback', 'fluentdDryRun', 'createRepositories', 'resolveBaseImages'] as const) {
      const v = r.bool(f.get(k)?.value);
      if (v !== undefined) d[k] = v;
    }
  }
}

/** The pairs of a mapping, keeping only the last of duplicated keys (as the YAML reader does). */
function lastPairs(map: YMap | undefined): YPair[] {
  if (!map) return [];
  const last = new Map<string, YPair>();
  for (const p of map.pairs) last.set(keyName(p), p);
  return map.pairs.filter((p) => last.get(keyName(p)) === p);
}
