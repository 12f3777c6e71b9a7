/**
 * What a redeploy does to the aggregator, and whether "COMPLETED" means anything.
 *
 * Every deployment stops the old tasks (a rolling update replaces them whatever its
 * minimumHealthyPercent): ECS sends SIGTERM, then SIGKILL after the container's `stopTimeout`
 * (Fargate: default 30 s, at most 120 s: ECS API ContainerDefinition.stopTimeout). On SIGTERM
 * Fluentd flushes what `flush_at_shutdown` says, whose default differs by buffer type: true for
 * memory, false for file (Fluentd docs, "Buffer Section": flush_at_shutdown; "Signals": SIGTERM
 * does not flush the file buffer, it is kept on disk). A Fargate task's own storage is deleted when
 * the task stops (ECS Developer Guide, "Fargate task ephemeral storage"), so a file buffer that is
 * not flushed is lost, unless it lives on an EFS volume.
 *
 * Without a container `healthCheck`, ECS counts a task healthy as soon as it runs, so a rollout is
 * COMPLETED while the agent or Fluentd may be crash-looping on a bad config (ECS Developer Guide,
 * "Determining task health using container health checks").
 */
import { type Finding, finding } from '../findings.js';
import { get, getPair, isMap } from '../yaml/ast.js';
import { type BufferFacts, buffers } from './fluentd-facts.js';
import { type ContainerView, type World, mapsOf, posOf, strOf } from './world.js';

/** Container paths backed by an EFS volume (they outlive the task). */
function efsPaths(c: ContainerView): string[] {
  const efs = new Set(
    mapsOf(get(c.td.root, 'volumes'))
      .filter((v) => isMap(get(v, 'efsVolumeConfiguration')))
      .map((v) => strOf(get(v, 'name'))),
  );
  return mapsOf(get(c.node, 'mountPoints'))
    .filter((m) => efs.has(strOf(get(m, 'sourceVolume'))))
    .map((m) => strOf(get(m, 'containerPath')))
    .filter((p): p is string => p !== undefined);
}

function lossOf(b: BufferFacts, c: ContainerView): string | undefined {
  if (b.type === 'memory' && b.flushAtShutdown === false) {
    return 'a memory buffer with flush_at_shutdown false is dropped when ECS stops the task at every deploy';
  }
  if (b.type === 'file' && b.flushAtShutdown !== true) {
    const onEfs =
      b.path !== undefined &&
      efsPaths(c).some((p) => b.path === p || (b.path ?? '').startsWith(`${p.replace(/\/$/, '')}/`));
    if (onEfs) return undefined;
    const why =
      b.flushAtShutdown === false
        ? 'flush_at_shutdown false'
        : 'flush_at_shutdown, false by default for a file buffer,';
    return `a file buffer on the task's ephemeral storage with ${why} keeps its chunks on a disk that Fargate deletes with the task at every deploy`;
  }
  return undefined;
}

export function bufferOnRedeploy(world: World): Finding[] {
  const out: Finding[] = [];
  for (const c of world.containers) {
    if (!c.fluentd) continue;
    const stop = get(c.node, 'stopTimeout');
    const timeout =
      strOf(stop) ??
      (stop && 'value' in stop && typeof stop.value === 'number' ? String(stop.value) : '30 (the default)');
    for (const b of buffers(c.fluentd.root)) {
      const loss = lossOf(b, c);
      if (!loss) continue;
      out.push(
        finding(
          b.at.file,
          b.at.pos,
          'error',
          'cross/buffer-lost-on-deploy',
          `${loss} (container "${c.name}" in ${c.td.file}, stopTimeout ${timeout} s): set flush_at_shutdown true and a stopTimeout long enough to flush (at most 120 s on Fargate)`,
        ),
      );
    }
  }
  return out;
}

const HEALTH_CHECKS: Record<'agent' | 'fluentd', string> = {
  // The agent's own health command (Datadog docs, "Amazon ECS on AWS Fargate": the task definition's healthCheck).
  agent:
    '"healthCheck": { "command": ["CMD-SHELL", "agent health"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 15 }',
  // The Fluentd image has Ruby: a TCP connect to in_forward proves the config loaded and the input listens.
  fluentd: `"healthCheck": { "command": ["CMD-SHELL", "ruby -rsocket -e 'TCPSocket.new(%q(127.0.0.1), 24224).close'"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 15 }`,
};

export function healthChecks(world: World): Finding[] {
  const out: Finding[] = [];
  for (const c of world.containers) {
    if (c.role === 'other' || getPair(c.node, 'healthCheck')) continue;
    out.push(
      finding(
        c.td.file,
        posOf(c.td, c.nameNode),
        'warning',
        'cross/no-health-check',
        `the ${c.role === 'agent' ? 'agent' : 'Fluentd'} container "${c.name}" has no healthCheck, so ECS reports the rollout COMPLETED as soon as the process starts, even if it then fails on its config: add ${HEALTH_CHECKS[c.role]}`,
      ),
    );
  }
  return out;
}
