/**
 * Rules about the task as a whole: its name, launch type, network mode, size, roles and the
 * features Fargate lacks (ECS API RegisterTaskDefinition; ECS Developer Guide, "Amazon ECS task
 * definition differences for Fargate").
 */
import { type YMap, type YNode, get, getPair, isMap, isSeq } from '../yaml/ast.js';
import { isRoleArn } from './arn.js';
import { fargateSizeProblem } from './fargate.js';
import { type TaskCtx, keyOf, mapsOf, scalarOf, strOf } from './rule-context.js';

/** `family` and container names: up to 255 letters, digits, hyphens and underscores (ECS API). */
export const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

export function familyName({ root, add }: TaskCtx): void {
  const family = get(root, 'family');
  const fam = strOf(family);
  if (family && fam !== undefined && !NAME.test(fam)) {
    add(
      family,
      'error',
      'taskdef/invalid-name',
      `family "${fam}" may hold only letters, digits, "-" and "_" (up to 255)`,
    );
  }
}

export function compatibilities({ root, add }: TaskCtx): void {
  if (getPair(root, 'requiresCompatibilities')) return;
  add(
    root,
    'error',
    'taskdef/no-requires-compatibilities',
    'requiresCompatibilities is not set, so a Fargate service refuses this task definition: add "requiresCompatibilities": ["FARGATE"]',
  );
}

export function fargateNetworkMode({ root, add, fargate, awsvpc }: TaskCtx): void {
  if (!fargate || awsvpc) return;
  const networkMode = get(root, 'networkMode');
  if (networkMode && scalarOf(networkMode) !== null) {
    add(
      networkMode,
      'error',
      'taskdef/fargate-network-mode',
      `Fargate supports only networkMode "awsvpc", not "${String(scalarOf(networkMode))}"`,
    );
  } else {
    add(
      keyOf(root, 'requiresCompatibilities'),
      'error',
      'taskdef/fargate-network-mode',
      'Fargate needs "networkMode": "awsvpc"',
    );
  }
}

export function taskSize({ root, add, fargate, cpu, mem }: TaskCtx): void {
  const cpuNode = get(root, 'cpu');
  const memNode = get(root, 'memory');
  if (cpuNode && scalarOf(cpuNode) !== null && cpu === undefined) {
    add(cpuNode, 'error', 'taskdef/invalid-size', 'cpu must be CPU units ("256") or vCPUs ("0.25 vCPU")');
  }
  if (memNode && scalarOf(memNode) !== null && mem === undefined) {
    add(memNode, 'error', 'taskdef/invalid-size', 'memory must be MiB ("512") or GB ("0.5 GB")');
  }
  if (!fargate) return;
  if (!cpuNode || !memNode) {
    const which = !cpuNode && !memNode ? '"cpu" and "memory"' : !cpuNode ? '"cpu"' : '"memory"';
    add(
      keyOf(root, 'requiresCompatibilities'),
      'error',
      'taskdef/fargate-size',
      `Fargate needs task-level ${which}, e.g. "cpu": "256", "memory": "512"`,
    );
  } else if (cpu !== undefined && mem !== undefined) {
    const problem = fargateSizeProblem(cpu, mem);
    if (problem) add(memNode, 'error', 'taskdef/fargate-size', problem);
  }
}

export function roles({ root, add }: TaskCtx): void {
  const execNode = get(root, 'executionRoleArn');
  const exec = strOf(execNode);
  if (execNode && exec !== undefined && !isRoleArn(exec)) {
    add(
      execNode,
      'error',
      'taskdef/invalid-role-arn',
      'executionRoleArn must be an IAM role ARN: arn:aws:iam::ACCOUNT:role/NAME',
    );
  }
  const taskRoleNode = get(root, 'taskRoleArn');
  const taskRole = strOf(taskRoleNode);
  if (taskRoleNode && taskRole !== undefined && !isRoleArn(taskRole) && !ROLE_NAME.test(taskRole)) {
    add(
      taskRoleNode,
      'error',
      'taskdef/invalid-role-arn',
      'taskRoleArn must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME) or a role name',
    );
  }
}

export function fargateTaskFeatures({ root, add, fargate }: TaskCtx): void {
  if (!fargate) return;
  const pid = get(root, 'pidMode');
  if (pid && scalarOf(pid) === 'host')
    add(
      pid,
      'error',
      'taskdef/fargate-unsupported',
      'Fargate does not support pidMode "host": use "task" or leave it out',
    );
  const ipc = get(root, 'ipcMode');
  if (ipc && scalarOf(ipc) !== null)
    add(ipc, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support ipcMode: leave it out');
  for (const v of mapsOf(get(root, 'volumes'))) {
    const dv = getPair(v, 'dockerVolumeConfiguration');
    if (dv)
      add(
        dv.key,
        'error',
        'taskdef/fargate-unsupported',
        'Fargate does not support dockerVolumeConfiguration: use a bind mount (no "host") or EFS',
      );
    const host = get(v, 'host');
    if (isMap(host) && strOf(get(host, 'sourcePath')))
      add(
        host,
        'error',
        'taskdef/fargate-unsupported',
        'Fargate does not support host.sourcePath: leave "host" out for an ephemeral bind mount',
      );
  }
}

export function someContainer({ root, add }: TaskCtx): void {
  const defs = get(root, 'containerDefinitions');
  if (isSeq(defs) && defs.items.length === 0) {
    add(
      defs,
      'error',
      'taskdef/missing-field',
      'containerDefinitions is empty: a task definition needs at least one container',
    );
  }
}

export function someEssential({ root, add, containers }: TaskCtx): void {
  if (!containers.length || containers.some((c) => scalarOf(get(c, 'essential')) !== false)) return;
  add(
    get(root, 'containerDefinitions') as YNode,
    'error',
    'taskdef/no-essential-container',
    'every container has "essential": false; a task needs at least one essential container',
  );
}

export function containerCpuSum({ root, add, fargate, cpu, containers }: TaskCtx): void {
  const sum = containers.reduce((n, c) => {
    const v = scalarOf(get(c, 'cpu'));
    return typeof v === 'number' ? n + v : n;
  }, 0);
  if (fargate && cpu !== undefined && sum > cpu) {
    add(
      get(root, 'cpu') as YNode,
      'error',
      'taskdef/container-size',
      `the containers' cpu adds up to ${sum}, more than the task's cpu ${cpu}`,
    );
  }
}

/** Does any container take secrets ECS fetches with the execution role? */
function needsSecrets({ service, mapped, containers }: TaskCtx): boolean {
  if (Object.keys(service?.secrets ?? {}).length > 0 && mapped.size > 0) return true;
  return containers.some((c: YMap) => {
    const log = get(c, 'logConfiguration');
    const logSecrets = isMap(log) && mapsOf(get(log, 'secretOptions')).length > 0;
    return logSecrets || mapsOf(get(c, 'secrets')).length > 0 || getPair(c, 'repositoryCredentials') !== undefined;
  });
}

const usesAwslogs = (c: YMap): boolean => {
  const log = get(c, 'logConfiguration');
  return isMap(log) && strOf(get(log, 'logDriver')) === 'awslogs';
};

export function executionRole(t: TaskCtx): void {
  const execNode = get(t.root, 'executionRoleArn');
  if (strOf(execNode)) return;
  const why = needsSecrets(t)
    ? 'containers take "secrets" (or private registry credentials), which ECS fetches with the execution role'
    : t.fargate && t.mapped.size > 0
      ? 'Fargate pulls the built images from private ECR with the execution role'
      : t.fargate && t.containers.some(usesAwslogs)
        ? 'Fargate sends awslogs logs with the execution role'
        : undefined;
  if (why)
    t.add(
      execNode ?? t.root,
      'error',
      'taskdef/execution-role-missing',
      `no executionRoleArn, but ${why}: add "executionRoleArn": "arn:aws:iam::ACCOUNT:role/ecsTaskExecutionRole"`,
    );
}
