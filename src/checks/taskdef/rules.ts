/**
 * What RegisterTaskDefinition or the first task launch would reject, and what would put a secret in
 * plain sight, checked on the tree so each finding points at its line. The shape (types, enums,
 * unknown members) is check-shape.ts; this file is the meaning.
 */
import { type Finding, finding } from '../findings.js';
import type { SourceText } from '../source.js';
import { didYouMean } from '../suggest.js';
import { type YMap, type YNode, type YScalar, get, getPair, isMap, isScalar, isSeq } from '../yaml/ast.js';
import type { ServiceConfig } from '../../project/types.js';
import { cpuUnits, fargateSizeProblem, memoryMiB } from './fargate.js';
import { checkSecretRef } from './secret-ref.js';

export interface RuleInput {
  source: SourceText;
  root: YMap;
  service?: ServiceConfig;
}

/** `family` and container names: up to 255 letters, digits, hyphens and underscores (ECS API). */
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** A Datadog API key is 32 hex characters (CONFIG-FACTS part E: a secret in plain sight). */
const DD_KEY_VALUE = /^[0-9a-f]{32}$/i;
const SECRET_NAME = /(?:API_?KEY|APP_?KEY|PASSWORD|PASSWD|TOKEN|SECRET|SECRET_?KEY|ACCESS_?KEY|PRIVATE_?KEY)$/i;
/** Values that refer to a secret rather than hold one. */
const REFERENCE = /^(?:ENC\[.*\]|.*%%env_[A-Za-z0-9_]+%%.*|\$\{[^}]+\}|<[^>]*>)$/;
/** Fargate log drivers (ECS Developer Guide, "Fargate task definitions": awslogs, splunk, awsfirelens). */
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

/**
 * A plain environment value that should have been a secret: the Datadog API key (by name, or a
 * 32-hex value: error) or a credential-like name with a literal value (warning). References such
 * as `ENC[...]` and `%%env_X%%` are not secrets.
 */
export function plainSecretKind(name: string, value: string): 'api-key' | 'credential' | undefined {
  if (value === '' || REFERENCE.test(value)) return undefined;
  if (name === 'DD_API_KEY' || DD_KEY_VALUE.test(value)) return 'api-key';
  if (SECRET_NAME.test(name)) return 'credential';
  return undefined;
}

export function isImagePlaceholder(image: unknown): boolean {
  if (image === undefined || image === null) return true;
  if (typeof image !== 'string') return false;
  const s = image.trim();
  return s === '' || /^<[^>]*>$/.test(s) || /^\$\{[^}]*\}$/.test(s) || /^\{\{[^}]*\}\}$/.test(s) || /^__[A-Za-z0-9_]+__$/.test(s) || /placeholder/i.test(s);
}

const strOf = (n: YNode | undefined): string | undefined => (isScalar(n) && typeof n.value === 'string' ? n.value : undefined);
const scalarOf = (n: YNode | undefined): YScalar['value'] | undefined => (isScalar(n) ? n.value : undefined);
const mapsOf = (n: YNode | undefined): YMap[] => (isSeq(n) ? n.items.filter(isMap) : []);

type Add = (node: YNode, severity: Finding['severity'], code: string, message: string) => void;

export function checkRules(input: RuleInput): Finding[] {
  const { source, root, service } = input;
  const out: Finding[] = [];
  const add: Add = (node, severity, code, message) => {
    out.push(finding(source.file, source.lines.position(node.range[0]), severity, code, message));
  };
  const keyOf = (map: YMap, key: string): YNode => getPair(map, key)?.key ?? map;

  const family = get(root, 'family');
  const fam = strOf(family);
  if (family && fam !== undefined && !NAME.test(fam)) {
    add(family, 'error', 'taskdef/invalid-name', `family "${fam}" may hold only letters, digits, "-" and "_" (up to 255)`);
  }

  const comps = get(root, 'requiresCompatibilities');
  const compatList = isSeq(comps) ? comps.items.map((n) => scalarOf(n)) : [];
  const fargate = compatList.includes('FARGATE');
  if (!getPair(root, 'requiresCompatibilities')) {
    add(root, 'error', 'taskdef/no-requires-compatibilities', 'requiresCompatibilities is not set, so a Fargate service refuses this task definition: add "requiresCompatibilities": ["FARGATE"]');
  }
  const networkMode = get(root, 'networkMode');
  const awsvpc = scalarOf(networkMode) === 'awsvpc';
  if (fargate && !awsvpc) {
    if (networkMode && scalarOf(networkMode) !== null) add(networkMode, 'error', 'taskdef/fargate-network-mode', `Fargate supports only networkMode "awsvpc", not "${String(scalarOf(networkMode))}"`);
    else add(keyOf(root, 'requiresCompatibilities'), 'error', 'taskdef/fargate-network-mode', 'Fargate needs "networkMode": "awsvpc"');
  }

  // Task size.
  const cpuNode = get(root, 'cpu');
  const memNode = get(root, 'memory');
  const cpu = cpuNode ? cpuUnits(scalarOf(cpuNode)) : undefined;
  const mem = memNode ? memoryMiB(scalarOf(memNode)) : undefined;
  if (cpuNode && scalarOf(cpuNode) !== null && cpu === undefined) {
    add(cpuNode, 'error', 'taskdef/invalid-size', 'cpu must be CPU units ("256") or vCPUs ("0.25 vCPU")');
  }
  if (memNode && scalarOf(memNode) !== null && mem === undefined) {
    add(memNode, 'error', 'taskdef/invalid-size', 'memory must be MiB ("512") or GB ("0.5 GB")');
  }
  if (fargate) {
    if (!cpuNode || !memNode) {
      add(keyOf(root, 'requiresCompatibilities'), 'error', 'taskdef/fargate-size', `Fargate needs task-level ${!cpuNode && !memNode ? '"cpu" and "memory"' : !cpuNode ? '"cpu"' : '"memory"'}, e.g. "cpu": "256", "memory": "512"`);
    } else if (cpu !== undefined && mem !== undefined) {
      const problem = fargateSizeProblem(cpu, mem);
      if (problem) add(memNode, 'error', 'taskdef/fargate-size', problem);
    }
  }

  // Roles.
  const execNode = get(root, 'executionRoleArn');
  const exec = strOf(execNode);
  if (execNode && exec !== undefined && !ROLE_ARN.test(exec)) {
    add(execNode, 'error', 'taskdef/invalid-role-arn', 'executionRoleArn must be an IAM role ARN: arn:aws:iam::ACCOUNT:role/NAME');
  }
  const taskRoleNode = get(root, 'taskRoleArn');
  const taskRole = strOf(taskRoleNode);
  if (taskRoleNode && taskRole !== undefined && !ROLE_ARN.test(taskRole) && !ROLE_NAME.test(taskRole)) {
    add(taskRoleNode, 'error', 'taskdef/invalid-role-arn', 'taskRoleArn must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME) or a role name');
  }

  if (fargate) {
    const pid = get(root, 'pidMode');
    if (scalarOf(pid) === 'host') add(pid as YNode, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support pidMode "host": use "task" or leave it out');
    const ipc = get(root, 'ipcMode');
    if (ipc && scalarOf(ipc) !== null) add(ipc, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support ipcMode: leave it out');
    for (const v of mapsOf(get(root, 'volumes'))) {
      const dv = getPair(v, 'dockerVolumeConfiguration');
      if (dv) add(dv.key, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support dockerVolumeConfiguration: use a bind mount (no "host") or EFS');
      const host = get(v, 'host');
      if (isMap(host) && strOf(get(host, 'sourcePath'))) add(host, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support host.sourcePath: leave "host" out for an ephemeral bind mount');
    }
  }

  // Containers.
  const defsNode = get(root, 'containerDefinitions');
  const defs = mapsOf(defsNode);
  if (isSeq(defsNode) && defsNode.items.length === 0) {
    add(defsNode, 'error', 'taskdef/missing-field', 'containerDefinitions is empty: a task definition needs at least one container');
  }
  const names = defs.map((c) => strOf(get(c, 'name'))).filter((n): n is string => n !== undefined);
  const volumeNames = new Set(mapsOf(get(root, 'volumes')).map((v) => strOf(get(v, 'name'))).filter(Boolean));
  const mapped = new Set(Object.keys(service?.containers ?? {}));
  const serviceSecretNames = new Set(Object.keys(service?.secrets ?? {}));
  const seenNames = new Map<string, YNode>();
  let anyEssential = false;
  let anySecret = serviceSecretNames.size > 0 && mapped.size > 0;
  let anyAwslogs = false;
  let cpuSum = 0;

  for (const c of defs) {
    const nameNode = get(c, 'name');
    const name = strOf(nameNode);
    const label = name ? `container "${name}"` : 'a container';
    if (!name) {
      add(nameNode ?? c, 'error', 'taskdef/missing-field', 'every container definition needs a "name"');
    } else {
      if (!NAME.test(name)) add(nameNode as YNode, 'error', 'taskdef/invalid-name', `container name "${name}" may hold only letters, digits, "-" and "_" (up to 255)`);
      const prev = seenNames.get(name);
      if (prev) add(nameNode as YNode, 'error', 'taskdef/duplicate-container', `container name "${name}" is used twice (line ${source.lines.position(prev.range[0]).line}): names must be unique`);
      else seenNames.set(name, nameNode as YNode);
    }
    const isMapped = name !== undefined && mapped.has(name);

    // Image.
    const imageNode = get(c, 'image');
    const image = scalarOf(imageNode);
    if (service) {
      if (isMapped && !isImagePlaceholder(image) && imageNode) {
        add(imageNode, 'notice', 'taskdef/image-replaced', `${label}'s image is replaced at deploy by the image built for "${service.containers[name as string]}"; write a placeholder like "<${service.containers[name as string]}>" to make that plain`);
      } else if (!isMapped && isImagePlaceholder(image)) {
        const hint = name ? didYouMean(name, [...mapped].filter((m) => !names.includes(m))) : '';
        const msg = imageNode && image !== null
          ? `${label} has the placeholder image "${String(image)}", but services.${service.key}.containers maps no image to it: map it (${name ?? 'NAME'}: IMAGE_KEY) or write a real image${hint}`
          : `${label} has no image and services.${service.key}.containers maps none to it: add "image" or map it${hint}`;
        add(imageNode ?? nameNode ?? c, 'error', 'taskdef/image-missing', msg);
      }
    } else if (!imageNode || scalarOf(imageNode) === null || image === '') {
      add(nameNode ?? c, 'notice', 'taskdef/image-missing', `${label} has no image: registering fails unless the project maps a built image to it`);
    }

    // Essential, dependencies, volumes.
    const essential = scalarOf(get(c, 'essential'));
    if (essential !== false) anyEssential = true;
    for (const d of mapsOf(get(c, 'dependsOn'))) {
      const dn = get(d, 'containerName');
      const target = strOf(dn);
      if (dn && target !== undefined && !names.includes(target)) {
        add(dn, 'error', 'taskdef/unknown-container', `dependsOn names container "${target}", which this task definition does not define${didYouMean(target, names)}`);
      } else if (target !== undefined && target === name) {
        add(dn as YNode, 'error', 'taskdef/unknown-container', `${label} cannot depend on itself`);
      }
    }
    for (const v of mapsOf(get(c, 'volumesFrom'))) {
      const sc = get(v, 'sourceContainer');
      const target = strOf(sc);
      if (sc && target !== undefined && !names.includes(target)) {
        add(sc, 'error', 'taskdef/unknown-container', `volumesFrom names container "${target}", which this task definition does not define${didYouMean(target, names)}`);
      }
    }
    for (const m of mapsOf(get(c, 'mountPoints'))) {
      const sv = get(m, 'sourceVolume');
      const vol = strOf(sv);
      if (sv && vol !== undefined && !volumeNames.has(vol)) {
        add(sv, 'error', 'taskdef/unknown-volume', `mountPoints names volume "${vol}", which "volumes" does not define${didYouMean(vol, [...volumeNames] as string[])}`);
      }
    }

    // Ports and links under awsvpc (ECS: "host ports and container ports in port mappings must match").
    if (awsvpc) {
      for (const pm of mapsOf(get(c, 'portMappings'))) {
        const hp = get(pm, 'hostPort');
        const cp = scalarOf(get(pm, 'containerPort'));
        const h = scalarOf(hp);
        if (hp && typeof h === 'number' && typeof cp === 'number' && h !== cp) {
          add(hp, 'error', 'taskdef/awsvpc-host-port', `with networkMode "awsvpc" hostPort must equal containerPort (${cp}) or be left out`);
        }
      }
      const links = getPair(c, 'links');
      if (links && isSeq(links.value) && links.value.items.length) add(links.key, 'error', 'taskdef/awsvpc-links', 'links are not supported with networkMode "awsvpc": containers of a task reach each other on localhost');
    }

    // Sizes.
    const cCpu = scalarOf(get(c, 'cpu'));
    if (typeof cCpu === 'number') cpuSum += cCpu;
    for (const k of ['memory', 'memoryReservation']) {
      const n = get(c, k);
      const v = scalarOf(n);
      if (n && typeof v === 'number' && mem !== undefined && v > mem) {
        add(n, 'error', 'taskdef/container-size', `${label}'s ${k} ${v} MiB is more than the task's memory ${mem} MiB`);
      }
    }
    if (!fargate && mem === undefined && !getPair(c, 'memory') && !getPair(c, 'memoryReservation') && compatList.includes('EC2')) {
      add(nameNode ?? c, 'error', 'taskdef/container-size', `${label} needs "memory" or "memoryReservation" when the task sets no memory`);
    }
    if (fargate && scalarOf(get(c, 'privileged')) === true) {
      add(getPair(c, 'privileged')?.key as YNode, 'error', 'taskdef/fargate-unsupported', `${label}: Fargate does not run privileged containers`);
    }

    // Logging.
    const log = get(c, 'logConfiguration');
    if (isMap(log)) {
      const driverNode = get(log, 'logDriver');
      const driver = strOf(driverNode);
      if (driver === 'awslogs') anyAwslogs = true;
      if (fargate && driver !== undefined && driverNode && !FARGATE_LOG_DRIVERS.includes(driver)) {
        add(driverNode, 'error', 'taskdef/fargate-log-driver', `Fargate supports the log drivers ${FARGATE_LOG_DRIVERS.join(', ')}, not "${driver}"`);
      }
      for (const s of mapsOf(get(log, 'secretOptions'))) {
        anySecret = true;
        checkValueFrom(s, add);
      }
      plainSecrets(get(log, 'options'), `${label}'s logConfiguration.options`, add);
    }
    const fl = get(c, 'firelensConfiguration');
    if (isMap(fl)) plainSecrets(get(fl, 'options'), `${label}'s firelensConfiguration.options`, add);
    if (getPair(c, 'repositoryCredentials')) anySecret = true;

    // Environment and secrets.
    const secretNames = new Map<string, YNode>();
    for (const s of mapsOf(get(c, 'secrets'))) {
      anySecret = true;
      checkValueFrom(s, add);
      const sn = strOf(get(s, 'name'));
      if (sn !== undefined) {
        if (secretNames.has(sn)) add(get(s, 'name') as YNode, 'warning', 'taskdef/duplicate-env', `${label} lists secret ${sn} twice: the container gets only one`);
        secretNames.set(sn, get(s, 'name') as YNode);
      }
    }
    const envNames = new Set<string>();
    for (const e of mapsOf(get(c, 'environment'))) {
      const nNode = get(e, 'name');
      const en = strOf(nNode);
      const vNode = get(e, 'value');
      const value = scalarOf(vNode);
      if (en === undefined || !nNode) continue;
      if (envNames.has(en)) add(nNode, 'warning', 'taskdef/duplicate-env', `${label} sets ${en} twice in "environment": the container gets only one value`);
      envNames.add(en);
      const fromService = isMapped && serviceSecretNames.has(en);
      if (secretNames.has(en) || fromService) {
        add(nNode, 'error', 'taskdef/secret-and-environment', `${label} sets ${en} both as a plain "environment" value and as a secret${fromService ? ` (services.${service?.key}.secrets)` : ''}: remove the plain value`);
        continue;
      }
      const v = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
      const kind = plainSecretKind(en, v);
      if (kind === 'api-key') {
        add(vNode ?? nNode, 'error', 'taskdef/secret-in-environment', `${label}: ${en} holds ${en === 'DD_API_KEY' ? 'the Datadog API key' : 'what looks like a Datadog API key'} as a plain environment value; move it to "secrets" with valueFrom an SSM parameter (e.g. /datadog/apikey)`);
      } else if (kind === 'credential') {
        add(vNode ?? nNode, 'warning', 'taskdef/secret-like-environment', `${label}: ${en} looks like a credential set as a plain environment value; move it to "secrets"`);
      }
    }
  }

  if (defs.length && !anyEssential) {
    add(defsNode as YNode, 'error', 'taskdef/no-essential-container', 'every container has "essential": false; a task needs at least one essential container');
  }
  if (fargate && cpu !== undefined && cpuSum > cpu) {
    add(cpuNode as YNode, 'error', 'taskdef/container-size', `the containers' cpu adds up to ${cpuSum}, more than the task's cpu ${cpu}`);
  }
  if (!exec) {
    const why = anySecret
      ? 'containers take "secrets" (or private registry credentials), which ECS fetches with the execution role'
      : fargate && mapped.size > 0
        ? 'Fargate pulls the built images from private ECR with the execution role'
        : fargate && anyAwslogs
          ? 'Fargate sends awslogs logs with the execution role'
          : undefined;
    if (why) add(execNode ?? root, 'error', 'taskdef/execution-role-missing', `no executionRoleArn, but ${why}: add "executionRoleArn": "arn:aws:iam::ACCOUNT:role/ecsTaskExecutionRole"`);
  }
  return out;
}

function checkValueFrom(s: YMap, add: Add): void {
  const vNode = get(s, 'valueFrom');
  const v = strOf(vNode);
  if (!vNode || v === undefined) return;
  const r = checkSecretRef(v);
  if (!r.ok) add(vNode, 'error', 'taskdef/secret-value-from', `secret ${strOf(get(s, 'name')) ?? ''} valueFrom is not usable: ${r.problem}`);
}

/** Option maps (log drivers, FireLens) sometimes carry an API key: flag a literal one. */
function plainSecrets(node: YNode | undefined, where: string, add: Add): void {
  if (!isMap(node)) return;
  for (const p of node.pairs) {
    const k = isScalar(p.key) ? String(p.key.value) : '';
    const v = scalarOf(p.value);
    if (typeof v !== 'string' || v === '' || REFERENCE.test(v)) continue;
    if (DD_KEY_VALUE.test(v) || /^(?:api_?key|apikey|dd_api_key)$/i.test(k)) {
      add(p.value, 'error', 'taskdef/secret-in-environment', `${where} hold ${k} as plain text: pass it through logConfiguration.secretOptions from SSM or Secrets Manager`);
    }
  }
}
