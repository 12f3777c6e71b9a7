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
import { hostname } from 'node:os';
import {
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import type { Log } from '../log.js';
import type { Clock } from './clock.js';
import { awsErrorText } from './errors.js';

export const LEASE_TAG = 'dd-ecs-monitor:deploy-lease';
export const ROLLOUT_TAG = 'dd-ecs-monitor:last-rollout';
export const LEASE_TTL_MS = 180_000;
export const LEASE_SETTLE_MS = 1000;

export interface Lease {
  runId: string;
  startedAt: Date;
  expiresAt: Date;
}

export interface LastRollout {
  taskDefinitionArn: string;
  deploymentId: string;
  at: Date | undefined;
  /** The run that sent it saw it COMPLETED. */
  completed: boolean;
}

/** A run id a person can recognise: the GitHub run when there is one, else host and pid. */
export function runIdFor(env: NodeJS.ProcessEnv): string {
  const attempt = env.GITHUB_RUN_ATTEMPT ?? '1';
  const gh = env.GITHUB_RUN_ID ? `github-${env.GITHUB_REPOSITORY ?? ''}-${env.GITHUB_RUN_ID}-${attempt}` : '';
  const id = gh || `${hostname()}-${process.pid}`;
  return `${id}-${Math.random().toString(36).slice(2, 8)}`.replace(/[^A-Za-z0-9+\-=._:/@]/g, '_').slice(0, 120);
}

export function formatLease(l: Lease): string {
  return `run=${l.runId} started=${l.startedAt.toISOString()} expires=${l.expiresAt.toISOString()}`;
}

function field(value: string, name: string): string | undefined {
  return new RegExp(`(?:^| )${name}=(\\S+)`).exec(value)?.[1];
}

function date(s: string | undefined): Date | undefined {
  const d = s ? new Date(s) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

export function parseLease(value: string | undefined): Lease | undefined {
  if (!value) return undefined;
  const runId = field(value, 'run');
  const startedAt = date(field(value, 'started'));
  const expiresAt = date(field(value, 'expires'));
  return runId && startedAt && expiresAt ? { runId, startedAt, expiresAt } : undefined;
}

export interface RolloutMark {
  taskDefinitionArn: string;
  deploymentId: string;
  at: Date;
  completed?: boolean;
}

export function formatLastRollout(r: RolloutMark): string {
  const state = r.completed ? ' state=completed' : '';
  return `td=${r.taskDefinitionArn} deployment=${r.deploymentId} at=${r.at.toISOString()}${state}`;
}

export function parseLastRollout(value: string | undefined): LastRollout | undefined {
  const td = value ? field(value, 'td') : undefined;
  const dep = value ? field(value, 'deployment') : undefined;
  if (!value || !td || !dep) return undefined;
  const completed = field(value, 'state') === 'completed';
  return { taskDefinitionArn: td, deploymentId: dep, at: date(field(value, 'at')), completed };
}

export async function serviceTags(ecs: ECSClient, serviceArn: string): Promise<Map<string, string>> {
  const out = await ecs.send(new ListTagsForResourceCommand({ resourceArn: serviceArn }));
  return new Map((out?.tags ?? []).filter((t) => t.key).map((t) => [t.key as string, t.value ?? '']));
}

export async function tagService(ecs: ECSClient, serviceArn: string, key: string, value: string): Promise<void> {
  await ecs.send(new TagResourceCommand({ resourceArn: serviceArn, tags: [{ key, value }] }));
}

export interface LeaseTarget {
  key: string;
  serviceArn: string;
}

export type LeaseOutcome =
  | { state: 'held'; release: () => Promise<void> }
  | { state: 'busy'; service: string; holder: Lease }
  /** Tagging is not allowed here: go on unprotected (a warning was printed). */
  | { state: 'unavailable'; reason: string };

/** Who else holds a live lease on one of the targets (only one that started before `mine`, when given). */
async function otherHolder(
  ecs: ECSClient,
  targets: readonly LeaseTarget[],
  runId: string,
  now: number,
  mine?: Lease,
): Promise<{ service: string; holder: Lease } | undefined> {
  const t0 = (l: Lease): number => l.startedAt.getTime();
  const before = (l: Lease): boolean => !mine || t0(l) < t0(mine) || (t0(l) === t0(mine) && l.runId < mine.runId);
  for (const t of targets) {
    const l = parseLease((await serviceTags(ecs, t.serviceArn)).get(LEASE_TAG));
    if (l && l.runId !== runId && l.expiresAt.getTime() > now && before(l)) return { service: t.key, holder: l };
  }
  return undefined;
}

export interface AcquireOptions {
  ecs: ECSClient;
  log: Log;
  clock: Clock;
  targets: readonly LeaseTarget[];
  runId: string;
  settleMs?: number;
}

/** Takes the lease on every target, or says who holds one. Never waits for another run. */
export async function acquireLease(o: AcquireOptions): Promise<LeaseOutcome> {
  const started = new Date(o.clock.now());
  const lease = (): string =>
    formatLease({ runId: o.runId, startedAt: started, expiresAt: new Date(o.clock.now() + LEASE_TTL_MS) });
  try {
    const before = await otherHolder(o.ecs, o.targets, o.runId, o.clock.now());
    if (before) return { state: 'busy', ...before };
    for (const t of o.targets) await tagService(o.ecs, t.serviceArn, LEASE_TAG, lease());
    await o.clock.sleep(o.settleMs ?? LEASE_SETTLE_MS);
    const mine = { runId: o.runId, startedAt: started, expiresAt: started };
    const after = await otherHolder(o.ecs, o.targets, o.runId, o.clock.now(), mine);
    if (after) {
      await releaseLease(o, o.targets);
      return { state: 'busy', ...after };
    }
    // A run that started later may have overwritten some of ours before standing down.
    for (const t of o.targets) await tagService(o.ecs, t.serviceArn, LEASE_TAG, lease());
  } catch (err) {
    const reason = awsErrorText(err);
    o.log.warning(
      `could not take the deploy lease (tag ${LEASE_TAG} on the services): ${reason}; ` +
        'two deploys started together are not kept apart. ' +
        'Allow ecs:TagResource, ecs:UntagResource and ecs:ListTagsForResource on the services.',
    );
    return { state: 'unavailable', reason };
  }
  // Renew while the run lives; the timer never keeps the process alive by itself.
  const timer = setInterval(() => {
    void Promise.all(o.targets.map((t) => tagService(o.ecs, t.serviceArn, LEASE_TAG, lease()))).catch((err: unknown) =>
      o.log.debug(`lease renewal failed: ${awsErrorText(err)}`),
    );
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
async function releaseLease(o: AcquireOptions, targets: readonly LeaseTarget[]): Promise<void> {
  await Promise.all(
    targets.map(async (t) => {
      try {
        const l = parseLease((await serviceTags(o.ecs, t.serviceArn)).get(LEASE_TAG));
        if (l?.runId !== o.runId) return;
        await o.ecs.send(new UntagResourceCommand({ resourceArn: t.serviceArn, tagKeys: [LEASE_TAG] }));
      } catch (err) {
        o.log.debug(`could not remove the deploy lease from ${t.key}: ${awsErrorText(err)} (it expires by itself)`);
      }
    }),
  );
}

/** How often a run that waits for another run's lease looks again. */
const LEASE_RETRY_MS = 5000;

export interface HoldOptions extends AcquireOptions {
  /** Wait (up to waitTimeoutMs) for another run's lease to go, instead of giving up at once. */
  wait: boolean;
  waitTimeoutMs: number;
}

/** acquireLease, waiting for another run to finish when told to. */
export async function holdLease(o: HoldOptions): Promise<LeaseOutcome> {
  const deadline = o.clock.now() + o.waitTimeoutMs;
  let said = '';
  for (;;) {
    const out = await acquireLease(o);
    if (out.state !== 'busy' || !o.wait || o.clock.now() + LEASE_RETRY_MS > deadline) return out;
    if (said !== out.holder.runId) {
      said = out.holder.runId;
      const since = out.holder.startedAt.toISOString();
      const who = `the deploy ${out.holder.runId} (started ${since}, service ${out.service})`;
      o.log.info(`waiting for ${who} to finish (--wait-for-other-deployments)`);
    }
    await o.clock.sleep(LEASE_RETRY_MS);
  }
}

export function busyMessage(out: Extract<LeaseOutcome, { state: 'busy' }>): string {
  const h = out.holder;
  return (
    `another deploy is running: ${h.runId}, started ${h.startedAt.toISOString()}, holds the deploy lease on service ` +
    `${out.service} (tag ${LEASE_TAG}, expires ${h.expiresAt.toISOString()} unless renewed); ` +
    'nothing was built, pushed, registered or updated. Run again when it has finished, ' +
    'or with --wait-for-other-deployments (action input wait-for-other-deployments: true) to wait for it'
  );
}
