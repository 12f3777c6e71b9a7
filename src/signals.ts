/**
 * SIGINT / SIGTERM during a run (Ctrl-C, a cancelled CI job): stop the docker processes this run
 * started, run the registered clean-ups (the temporary DOCKER_CONFIG holding the ECR login, the
 * deploy lease), say which services were left mid-rollout and what the next run will do, and exit
 * 128 + the signal number (130, 143) as a shell would. A second signal exits at once.
 *
 * Docker children are found with `ps` (POSIX, on Linux and macOS runners) by parent pid: the
 * process seam spawns through @actions/exec, which does not hand out child handles. A terminal's
 * Ctrl-C reaches the whole process group anyway; a runner or `kill` reaches only this process.
 */
import { spawnSync } from 'node:child_process';

export type Cleanup = () => Promise<void> | void;

export interface RolloutInFlight {
  key: string;
  cluster: string;
  service: string;
  deploymentId: string;
  taskDefinition: string;
}

const cleanups = new Set<Cleanup>();
const rollouts = new Map<string, RolloutInFlight>();
/** A deploy got far enough to leave something behind (a docker session, a lease, a rollout). */
let engaged = false;
/** How long clean-ups may take before the process exits anyway. */
const CLEANUP_BUDGET_MS = 5000;

/** Runs `fn` if the process is interrupted; the returned function unregisters it. */
export function onInterrupt(fn: Cleanup): () => void {
  engaged = true;
  cleanups.add(fn);
  return () => void cleanups.delete(fn);
}

/** A deployment this run is waiting for: reported as left mid-rollout if the run is interrupted. */
export function rolloutInFlight(r: RolloutInFlight): () => void {
  engaged = true;
  rollouts.set(r.key, r);
  return () => {
    if (rollouts.get(r.key) === r) rollouts.delete(r.key);
  };
}

/** Direct and indirect children of `pid` (`ps -A -o pid=,ppid=`), deepest last. */
export function descendants(pid: number, table: ReadonlyArray<[number, number]>): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift() as number;
    for (const [p, pp] of table) {
      if (pp === parent && !out.includes(p)) {
        out.push(p);
        queue.push(p);
      }
    }
  }
  return out;
}

function processTable(): Array<[number, number]> {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  if (ps.status !== 0 || !ps.stdout) return [];
  return ps.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((p): p is [number, number] => p.length === 2 && p.every((n) => Number.isInteger(n)) && p[0] !== ps.pid);
}

/** SIGTERM to every process this one started (docker build, push, login, run). Returns how many. */
export function stopChildren(): number {
  const pids = descendants(process.pid, processTable());
  for (const p of pids) {
    try {
      process.kill(p, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  return pids.length;
}

/** What the interrupted run leaves behind, and what the next run does about it. */
export function interruptedReport(left: readonly RolloutInFlight[]): string[] {
  if (left.length === 0) {
    return [
      'no service was mid-rollout: nothing was left half-deployed; ' +
        'the next deploy starts over and reuses images already pushed.',
    ];
  }
  const line = (r: RolloutInFlight): string => {
    const td = r.taskDefinition.split('/').pop() ?? r.taskDefinition;
    const where = `service ${r.key} (${r.cluster}/${r.service})`;
    return `${where} was left mid-rollout: deployment ${r.deploymentId} (${td}) keeps rolling out in ECS.`;
  };
  return [
    ...left.map(line),
    'the next deploy follows that deployment to COMPLETED (green) or reports why it failed (red); ' +
      'it does not start it again.',
  ];
}

export interface SignalOptions {
  write: (line: string) => void;
  exit?: (code: number) => void;
}

async function withBudget(work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise((r) => (timer = setTimeout(r, CLEANUP_BUDGET_MS)))]);
  clearTimeout(timer);
}

export function installSignalHandlers(opts: SignalOptions): void {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const handle = (signal: 'SIGINT' | 'SIGTERM', code: number): void => {
    if (stopping) return exit(code);
    stopping = true;
    const left = [...rollouts.values()];
    const stopped = stopChildren();
    const children = stopped ? ` (stopped ${stopped} docker process(es))` : '';
    opts.write(`dd-ecs-monitor: ${signal} received: stopping${children}`);
    void withBudget(Promise.allSettled([...cleanups].map(async (c) => c()))).then(() => {
      if (engaged) for (const line of interruptedReport(left)) opts.write(`dd-ecs-monitor: ${line}`);
      exit(code);
    });
  };
  process.on('SIGINT', () => handle('SIGINT', 130));
  process.on('SIGTERM', () => handle('SIGTERM', 143));
}
