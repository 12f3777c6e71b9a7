/**
 * `dd-ecs-monitor.yml` -> a validated `Project` plus findings on the project file's own lines.
 * Unreadable or not-YAML is fatal (the CLI exits 2); everything else is a finding and loading goes
 * on, so one run reports every problem. Paths never leave the repository and names that AWS or
 * docker would refuse (or a shell would interpret) are findings, never passed on.
 * The schema is documented in docs/project-file.md.
 */
import path from 'node:path';
import { type Finding, finding, sortFindings } from '../checks/findings.js';
import { readSource } from '../checks/source.js';
import { closest, didYouMean } from '../checks/suggest.js';
import { type YMap, type YPair, keyName } from '../checks/yaml/ast.js';
import { loadYaml } from '../checks/yaml/load.js';
import { checkSecretRef, parseTaskDefinition, plainSecretKind } from '../checks/taskdef/index.js';
import { envNameProblem, ecrRepositoryProblem, ecsNameProblem, FARGATE_PLATFORMS, imageKeyProblem, regionProblem } from './names.js';
import { parseDockerfile } from './dockerfile.js';
import { resolveRepoPath } from './paths.js';
import { DEPLOY_DEFAULTS, FILE_KINDS, type FileKind, type ImageConfig, type Project, type ServiceConfig } from './types.js';
import { YamlReader } from './yaml-reader.js';
import { appendAll } from '../checks/findings.js';

const TOP_KEYS = ['version', 'region', 'cluster', 'images', 'services', 'files', 'fluentd', 'deploy'];
const IMAGE_KEYS = ['context', 'dockerfile', 'repository', 'buildArgs', 'target', 'platform'];
const SERVICE_KEYS = ['service', 'cluster', 'taskDefinition', 'containers', 'secrets', 'environment'];
const FLUENTD_KEYS = ['forwardedTags'];
const DEPLOY_KEYS = ['waitTimeoutSeconds', 'pollIntervalSeconds', 'rollback', 'fluentdDryRun', 'createRepositories'];
const KINDS: readonly string[] = [...FILE_KINDS, 'ignore'];

export interface LoadResult {
  project?: Project;
  findings: Finding[];
  /** Unreadable, not YAML, or not a mapping: the CLI exits 2. */
  fatal: boolean;
}

export function loadProject(configPath: string): LoadResult {
  const abs = path.resolve(configPath);
  const root = path.dirname(abs);
  const configFile = path.basename(abs);
  const decoded = readSource(configFile, abs);
  if (!decoded.ok) return { findings: decoded.findings, fatal: true };
  const source = decoded.source;
  const yaml = loadYaml(source, 'core');
  if (yaml.findings.some((f) => f.severity === 'error')) return { findings: yaml.findings, fatal: true };
  if (!yaml.root || yaml.root.kind !== 'map') {
    const pos = yaml.root ? source.lines.position(yaml.root.range[0]) : { line: 1, column: 1 };
    return {
      findings: [...yaml.findings, finding(configFile, pos, 'error', 'project/not-a-mapping', 'the project file must be a YAML mapping with cluster, images and services (see docs/project-file.md)')],
      fatal: true,
    };
  }
  const r = new YamlReader(source);
  appendAll(r.findings, yaml.findings);
  for (const d of yaml.duplicates) {
    r.at(d.dup.key, 'error', 'project/duplicate-key', `"${d.key}" is defined twice${d.path ? ` in ${d.path}` : ''} (first on line ${source.lines.position(d.first.key.range[0]).line}): the first one would be silently dropped; merge them`);
  }
  const project = new ProjectLoader(r, root, configFile).load(yaml.root);
  return { project, findings: sortFindings(r.findings), fatal: false };
}

class ProjectLoader {
  constructor(
    private readonly r: YamlReader,
    private readonly root: string,
    private readonly configFile: string,
  ) {}

  load(rootMap: YMap): Project {
    const r = this.r;
    const top = r.known(rootMap, TOP_KEYS, 'the project file');
    const version = top.get('version');
    if (version && !(version.value.kind === 'scalar' && version.value.value === 1)) {
      r.at(version.value, 'error', 'project/invalid-value', 'version must be 1 (the only project file version so far)');
    }
    const project: Project = {
      root: this.root,
      configFile: this.configFile,
      cluster: '',
      images: {},
      services: {},
      files: {},
      fluentd: { forwardedTags: [] },
      deploy: { ...DEPLOY_DEFAULTS },
    };
    const regionPair = top.get('region');
    const region = r.str(regionPair?.value, 'region');
    if (region !== undefined) {
      const p = regionProblem(region);
      if (p) r.at((regionPair as YPair).value, 'error', 'project/invalid-region', `region "${region}" is not an AWS Region: ${p}`);
      else project.region = region;
    }
    const clusterPair = top.get('cluster');
    if (!clusterPair) r.at(rootMap, 'error', 'project/missing-key', 'the project file needs "cluster": the ECS cluster the services run in');
    const cluster = r.str(clusterPair?.value, 'cluster');
    if (cluster !== undefined) {
      const p = ecsNameProblem(cluster, 'cluster');
      if (p) r.at((clusterPair as YPair).value, 'error', 'project/invalid-name', `cluster "${cluster}" is not a valid ECS cluster name: ${p}`);
      else project.cluster = cluster;
    }

    const imagesMap = r.map(top.get('images')?.value, 'images');
    for (const p of lastPairs(imagesMap)) {
      const img = this.image(p);
      if (img) project.images[img.key] = img;
    }
    const servicesMap = r.map(top.get('services')?.value, 'services');
    if (!top.get('services')) r.at(rootMap, 'warning', 'project/missing-key', 'the project file has no "services": nothing will be deployed');
    for (const p of lastPairs(servicesMap)) {
      const svc = this.service(p, project, imagesMap);
      if (svc) project.services[svc.key] = svc;
    }
    this.crossChecks(project, imagesMap, servicesMap);

    const filesMap = r.map(top.get('files')?.value, 'files');
    for (const p of lastPairs(filesMap)) this.fileOverride(p, project);

    const fluentdMap = r.map(top.get('fluentd')?.value, 'fluentd');
    if (fluentdMap) {
      const f = r.known(fluentdMap, FLUENTD_KEYS, 'fluentd');
      project.fluentd.forwardedTags = r.strings(f.get('forwardedTags')?.value, 'fluentd.forwardedTags');
    }

    const deployMap = r.map(top.get('deploy')?.value, 'deploy');
    if (deployMap) this.deploy(deployMap, project);
    return project;
  }

  private image(p: YPair): ImageConfig | undefined {
    const r = this.r;
    const key = keyName(p);
    const where = `images.${key}`;
    const keyProblem = imageKeyProblem(key);
    if (keyProblem) {
      r.at(p.key, 'error', 'project/invalid-name', `image key "${key}" is not allowed: ${keyProblem}`);
      return undefined;
    }
    const m = r.map(p.value, where);
    if (!m) return undefined;
    const f = r.known(m, IMAGE_KEYS, where);
    let ok = true;
    // context: default the repository root.
    const ctxPair = f.get('context');
    const ctxRaw = ctxPair ? r.str(ctxPair.value, `${where}.context`) : '.';
    let context = '.';
    if (ctxRaw === undefined) ok = false;
    else {
      const res = resolveRepoPath(this.root, ctxRaw);
      const node = ctxPair?.value ?? p.key;
      if (!res.ok) {
        r.at(node, 'error', 'project/path-outside', `${where}.context "${ctxRaw}": ${res.problem}`);
        ok = false;
      } else if (!res.exists) {
        r.at(node, 'error', 'project/missing-file', `${where}.context "${ctxRaw}" does not exist in the repository`);
        ok = false;
      } else if (!res.dir) {
        r.at(node, 'error', 'project/not-a-directory', `${where}.context "${ctxRaw}" is a file: the build context is a directory`);
        ok = false;
      } else context = res.rel;
    }
    // dockerfile: default <context>/Dockerfile (repository-relative, like every path here).
    const dfPair = f.get('dockerfile');
    const dfRaw = dfPair ? r.str(dfPair.value, `${where}.dockerfile`) : !ok ? undefined : context === '.' ? 'Dockerfile' : `${context}/Dockerfile`;
    let dockerfile = '';
    if (dfRaw === undefined) ok = false;
    else {
      const res = resolveRepoPath(this.root, dfRaw);
      const node = dfPair?.value ?? p.key;
      if (!res.ok) {
        r.at(node, 'error', 'project/path-outside', `${where}.dockerfile "${dfRaw}": ${res.problem}`);
        ok = false;
      } else if (!res.exists || res.dir) {
        r.at(node, 'error', 'project/missing-file', dfPair
          ? `${where}.dockerfile "${dfRaw}" is not a file in the repository (paths are relative to the repository root, not to the context)`
          : `${where} has no dockerfile and "${dfRaw}" does not exist: set "dockerfile:"`);
        ok = false;
      } else dockerfile = res.rel;
    }
    // repository: default the image key.
    const repoPair = f.get('repository');
    const repository = repoPair ? r.str(repoPair.value, `${where}.repository`) : key;
    if (repository === undefined) ok = false;
    else {
      const prob = ecrRepositoryProblem(repository);
      if (prob) {
        r.at(repoPair?.value ?? p.key, 'error', 'project/invalid-name', `${where}.repository "${repository}" is not a valid ECR repository name: ${prob}`);
        ok = false;
      }
    }
    const buildArgs: Record<string, string> = {};
    for (const { name, value, pair } of r.stringMap(f.get('buildArgs')?.value, `${where}.buildArgs`)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) r.at(pair.key, 'error', 'project/invalid-name', `build arg "${name}" is not a valid ARG name: letters, digits and "_"`);
      else buildArgs[name] = value;
    }
    const img: ImageConfig = { key, context, dockerfile, repository: repository ?? key, buildArgs };
    const target = r.str(f.get('target')?.value, `${where}.target`);
    if (target !== undefined) {
      const node = (f.get('target') as YPair).value;
      const stages = dockerfile ? this.stageNames(dockerfile) : undefined;
      if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(target)) r.at(node, 'error', 'project/invalid-name', `${where}.target "${target}" is not a stage name`);
      else if (stages && !stages.includes(target.toLowerCase())) {
        r.at(node, 'error', 'project/unknown-target', `${where}.target "${target}" is not a stage of ${dockerfile}${stages.length ? ` (its stages: ${stages.join(', ')})` : ' (it names no stage: FROM image AS name)'}${didYouMean(target.toLowerCase(), stages)}`);
      } else img.target = target;
    }
    const platformPair = f.get('platform');
    const platform = r.str(platformPair?.value, `${where}.platform`);
    if (platform !== undefined) {
      if (!FARGATE_PLATFORMS.includes(platform)) {
        r.at((platformPair as YPair).value, 'error', 'project/invalid-value', `${where}.platform "${platform}" is not a platform Fargate runs: use ${FARGATE_PLATFORMS.join(' or ')}${didYouMean(platform, FARGATE_PLATFORMS)}`);
      } else img.platform = platform;
    }
    return ok ? img : undefined;
  }

  private service(p: YPair, project: Project, imagesMap: YMap | undefined): ServiceConfig | undefined {
    const r = this.r;
    const key = keyName(p);
    const where = `services.${key}`;
    const m = r.map(p.value, where);
    if (!m) return undefined;
    const f = r.known(m, SERVICE_KEYS, where);
    let ok = true;
    const svcPair = f.get('service');
    const service = svcPair ? r.str(svcPair.value, `${where}.service`) : key;
    if (service === undefined) ok = false;
    else {
      const prob = ecsNameProblem(service, 'service');
      if (prob) {
        r.at(svcPair ? svcPair.value : p.key, 'error', 'project/invalid-name', svcPair ? `${where}.service "${service}" is not a valid ECS service name: ${prob}` : `service key "${key}" is used as the ECS service name and is not valid: ${prob} (or set "service:")`);
        ok = false;
      }
    }
    const clPair = f.get('cluster');
    let cluster = project.cluster;
    if (clPair) {
      const c = r.str(clPair.value, `${where}.cluster`);
      const prob = c === undefined ? 'missing' : ecsNameProblem(c, 'cluster');
      if (c !== undefined && prob) r.at(clPair.value, 'error', 'project/invalid-name', `${where}.cluster "${c}" is not a valid ECS cluster name: ${prob}`);
      if (c === undefined || prob) ok = false;
      else cluster = c;
    }
    const tdPair = f.get('taskDefinition');
    let taskDefinition = '';
    let containerNames: string[] | undefined;
    if (!tdPair) {
      r.at(p.key, 'error', 'project/missing-key', `${where} needs "taskDefinition": the task definition template's path${didYouMean('taskDefinition', m.pairs.map(keyName))}`);
      ok = false;
    } else {
      const raw = r.str(tdPair.value, `${where}.taskDefinition`);
      if (raw === undefined) ok = false;
      else {
        const res = resolveRepoPath(this.root, raw);
        if (!res.ok) {
          r.at(tdPair.value, 'error', 'project/path-outside', `${where}.taskDefinition "${raw}": ${res.problem}`);
          ok = false;
        } else if (!res.exists || res.dir) {
          r.at(tdPair.value, 'error', 'project/missing-file', `${where}.taskDefinition "${raw}" is not a file in the repository`);
          ok = false;
        } else {
          taskDefinition = res.rel;
          containerNames = this.taskDefContainers(res.rel, res.abs);
        }
      }
    }
    const containers: Record<string, string> = {};
    const imageKeys = imagesMap ? imagesMap.pairs.map(keyName) : [];
    const contMap = r.map(f.get('containers')?.value, `${where}.containers`);
    for (const cp of contMap?.pairs ?? []) {
      const cname = keyName(cp);
      const imageKey = r.str(cp.value, `${where}.containers.${cname}`);
      if (imageKey === undefined) continue;
      if (!imageKeys.includes(imageKey)) {
        r.at(cp.value, 'error', 'project/unknown-image', `${where}.containers.${cname} uses image "${imageKey}", which "images" does not define${didYouMean(imageKey, imageKeys)}`);
        continue;
      }
      if (containerNames && !containerNames.includes(cname)) {
        const hint = closest(cname, containerNames);
        r.at(cp.key, 'error', 'project/unknown-container', `container "${cname}" is not in ${taskDefinition} (its containers: ${containerNames.map((n) => `"${n}"`).join(', ') || 'none'})${hint ? ` (did you mean "${hint}"?)` : ''}`);
        continue;
      }
      containers[cname] = imageKey;
    }
    if (f.get('containers') === undefined) {
      r.at(p.key, 'warning', 'project/missing-key', `${where} has no "containers": no built image goes into this service, so a deploy only re-registers its task definition`);
    }
    const secrets: Record<string, string> = {};
    for (const { name, value, pair } of r.stringMap(f.get('secrets')?.value, `${where}.secrets`)) {
      const envProb = envNameProblem(name);
      if (envProb) r.at(pair.key, 'warning', 'project/invalid-env-name', `secret name "${name}": ${envProb}`);
      const ref = checkSecretRef(value);
      if (!ref.ok) {
        r.at(pair.value, 'error', 'project/secret-value-from', `${where}.secrets.${name} "${value}" is not usable as an ECS secret: ${ref.problem}`);
        continue;
      }
      if (ref.kind !== 'ssm-name' && project.region && ref.region && ref.region !== project.region) {
        r.at(pair.value, 'notice', 'project/secret-region', `${where}.secrets.${name} is in ${ref.region}, not the project's region ${project.region}: fine with a full ARN, but check the execution role can read it there`);
      }
      secrets[name] = value;
    }
    const environment: Record<string, string> = {};
    for (const { name, value, pair } of r.stringMap(f.get('environment')?.value, `${where}.environment`)) {
      const envProb = envNameProblem(name);
      if (envProb) r.at(pair.key, 'warning', 'project/invalid-env-name', `environment name "${name}": ${envProb}`);
      if (name in secrets) {
        r.at(pair.key, 'error', 'project/secret-and-environment', `${name} is both in ${where}.secrets and in ${where}.environment: keep only the secret`);
        continue;
      }
      const kind = plainSecretKind(name, value);
      if (kind === 'api-key') {
        r.at(pair.value, 'error', 'project/secret-in-environment', `${where}.environment.${name} holds ${name === 'DD_API_KEY' ? 'the Datadog API key' : 'what looks like a Datadog API key'} in plain text: move it to ${where}.secrets as an SSM parameter (e.g. ${name}: /datadog/apikey)`);
        continue;
      }
      if (kind === 'credential') {
        r.at(pair.value, 'warning', 'project/secret-like-environment', `${where}.environment.${name} looks like a credential in plain text: move it to ${where}.secrets`);
      }
      environment[name] = value;
    }
    if (!ok) return undefined;
    return { key, service: service as string, cluster, taskDefinition, containers, secrets, environment };
  }

  /** Stage names of a Dockerfile, or undefined when it cannot be read (the layout reports that). */
  private stageNames(dockerfile: string): string[] | undefined {
    const decoded = readSource(dockerfile, path.join(this.root, dockerfile));
    if (!decoded.ok) return undefined;
    return parseDockerfile(decoded.source).stages.map((s) => s.name).filter((n): n is string => n !== undefined);
  }

  /** Container names of a task definition, or undefined when it does not parse (its own check reports that). */
  private taskDefContainers(rel: string, abs: string): string[] | undefined {
    const decoded = readSource(rel, abs);
    if (!decoded.ok) return undefined;
    const { taskDef } = parseTaskDefinition(decoded.source);
    if (!taskDef || !Array.isArray(taskDef.containerDefinitions)) return undefined;
    return taskDef.containerDefinitions
      .map((c: unknown) => (typeof c === 'object' && c !== null ? (c as Record<string, unknown>).name : undefined))
      .filter((n): n is string => typeof n === 'string');
  }

  private crossChecks(project: Project, imagesMap: YMap | undefined, servicesMap: YMap | undefined): void {
    const r = this.r;
    const used = new Set(Object.values(project.services).flatMap((s) => Object.values(s.containers)));
    for (const p of lastPairs(imagesMap)) {
      const key = keyName(p);
      if (project.images[key] && !used.has(key) && Object.keys(project.services).length > 0) {
        r.at(p.key, 'warning', 'project/unused-image', `image "${key}" is built but no service's "containers" uses it`);
      }
    }
    const repos = new Map<string, string>();
    for (const p of lastPairs(imagesMap)) {
      const img = project.images[keyName(p)];
      if (!img) continue;
      const prev = repos.get(img.repository);
      if (prev) r.at(p.key, 'warning', 'project/duplicate-repository', `images "${prev}" and "${img.key}" push to the same repository "${img.repository}": give each its own`);
      else repos.set(img.repository, img.key);
    }
    const svcs = new Map<string, string>();
    for (const p of lastPairs(servicesMap)) {
      const s = project.services[keyName(p)];
      if (!s) continue;
      const id = `${s.cluster}/${s.service}`;
      const prev = svcs.get(id);
      if (prev) r.at(p.key, 'error', 'project/duplicate-service', `services "${prev}" and "${s.key}" both deploy ECS service "${s.service}" in cluster "${s.cluster}"`);
      else svcs.set(id, s.key);
    }
  }

  private fileOverride(p: YPair, project: Project): void {
    const r = this.r;
    const file = keyName(p);
    const kind = r.str(p.value, `files.${file}`);
    if (kind === undefined) return;
    if (!KINDS.includes(kind)) {
      r.at(p.value, 'error', 'project/unknown-kind', `files.${file}: "${kind}" is not a file kind; use one of ${KINDS.join(', ')}${didYouMean(kind, KINDS)}`);
      return;
    }
    const res = resolveRepoPath(this.root, file);
    if (!res.ok) {
      r.at(p.key, 'error', 'project/path-outside', `files: "${file}": ${res.problem}`);
      return;
    }
    if (!res.exists || res.dir) {
      if (kind !== 'ignore') {
        r.at(p.key, 'error', 'project/missing-file', `files: "${file}" is not a file in the repository`);
        return;
      }
    }
    project.files[res.rel] = kind as FileKind | 'ignore';
  }

  private deploy(m: YMap, project: Project): void {
    const r = this.r;
    const f = r.known(m, DEPLOY_KEYS, 'deploy');
    const d = project.deploy;
    const wait = r.count(f.get('waitTimeoutSeconds')?.value, 'deploy.waitTimeoutSeconds');
    if (wait !== undefined) d.waitTimeoutSeconds = wait;
    const poll = r.count(f.get('pollIntervalSeconds')?.value, 'deploy.pollIntervalSeconds');
    if (poll !== undefined) d.pollIntervalSeconds = poll;
    if (d.pollIntervalSeconds > d.waitTimeoutSeconds) {
      r.at((f.get('pollIntervalSeconds') ?? f.get('waitTimeoutSeconds'))?.value ?? m, 'error', 'project/invalid-value', `deploy.pollIntervalSeconds (${d.pollIntervalSeconds}) is longer than deploy.waitTimeoutSeconds (${d.waitTimeoutSeconds})`);
    }
    for (const k of ['rollback', 'fluentdDryRun', 'createRepositories'] as const) {
      const v = r.bool(f.get(k)?.value, `deploy.${k}`);
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
