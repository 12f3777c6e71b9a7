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
import { DescribeTasksCommand, ListTasksCommand, type ECSClient, type Task } from '@aws-sdk/client-ecs';
import { awsErrorName } from '../aws.js';
import { awsErrorText, DeployStepError } from './errors.js';
import type { StoppedTask } from './types.js';
import { appendAll } from '../checks/findings.js';

export interface StoppedTasksOptions {
  ecs: ECSClient;
  cluster: string;
  service: string;
  deploymentId: string;
  /** At most this many tasks are described (newest first). Default 20. */
  limit?: number;
}

export async function stoppedTasksOf(opts: StoppedTasksOptions): Promise<StoppedTask[]> {
  const limit = opts.limit ?? 20;
  try {
    const { arns, filterHere } = await stoppedTaskArns(opts);
    const tasks: Task[] = [];
    for (let i = 0; i < arns.length; i += 100) {
      const r = await opts.ecs.send(new DescribeTasksCommand({ cluster: opts.cluster, tasks: arns.slice(i, i + 100) }));
      appendAll(tasks, r.tasks ?? []);
    }
    return tasks
      .filter((t) => !filterHere || t.startedBy === opts.deploymentId)
      .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
      .slice(0, limit)
      .map(toStopped);
  } catch (err) {
    throw new DeployStepError('inspect', `stopped tasks of ${opts.service} (${opts.deploymentId})`, awsErrorText(err), {
      cause: err,
    });
  }
}

/** The deployment's stopped tasks by `startedBy`; `filterHere` when the region refused that filter. */
async function stoppedTaskArns(opts: StoppedTasksOptions): Promise<{ arns: string[]; filterHere: boolean }> {
  try {
    return {
      arns: await listAll(
        opts.ecs,
        { cluster: opts.cluster, startedBy: opts.deploymentId, desiredStatus: 'STOPPED' },
        100,
      ),
      filterHere: false,
    };
  } catch (err) {
    if (awsErrorName(err) !== 'InvalidParameterException') throw err;
  }
  return {
    arns: await listAll(opts.ecs, { cluster: opts.cluster, serviceName: opts.service, desiredStatus: 'STOPPED' }, 100),
    filterHere: true,
  };
}

async function listAll(
  ecs: ECSClient,
  input: { cluster: string; startedBy?: string; serviceName?: string; desiredStatus: 'STOPPED' },
  max: number,
): Promise<string[]> {
  const out: string[] = [];
  let nextToken: string | undefined;
  do {
    const r = await ecs.send(new ListTasksCommand({ ...input, nextToken }));
    appendAll(out, r.taskArns ?? []);
    nextToken = r.nextToken;
  } while (nextToken && out.length < max);
  return out.slice(0, max);
}

function toStopped(t: Task): StoppedTask {
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
export function formatStoppedTask(t: StoppedTask): string {
  const id = t.taskArn.split('/').pop() ?? t.taskArn;
  const head = `task ${id}: ${t.stoppedReason ?? 'stopped (no reason given)'}${t.stopCode ? ` (${t.stopCode})` : ''}`;
  const parts = t.containers
    .filter((c) => c.reason !== undefined || (c.exitCode !== undefined && c.exitCode !== 0))
    .map(
      (c) =>
        `container ${c.name}: ${[c.exitCode !== undefined ? `exit code ${c.exitCode}` : '', c.reason ?? ''].filter(Boolean).join(', ')}`,
    );
  return [head, ...parts].join('; ');
}

/** One line per distinct reason, newest first, with a count: repeated failures read once. */
export function summarizeStoppedTasks(tasks: StoppedTask[]): string[] {
  const groups = new Map<string, { line: string; count: number }>();
  for (const t of tasks) {
    const line = formatStoppedTask(t);
    const key = line.replace(/^task [^:]+: /, '');
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { line, count: 1 });
  }
  return [...groups.values()].map((g) => (g.count > 1 ? `${g.line} (and ${g.count - 1} more like it)` : g.line));
}
