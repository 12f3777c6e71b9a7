/**
 * The deploy lease (src/ecs/lease.ts) against a mocked ECS client and a fake clock: who holds it,
 * expiry, the read-back after writing, and a role that may not tag (a warning, not a refusal).
 */
import { beforeEach, expect, test } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { ECSClient, ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-ecs';
import type { Clock } from '../../src/ecs/clock.js';
import { acquireLease, formatLease, LEASE_TAG } from '../../src/ecs/lease.js';
import { memoryLog } from '../../src/log.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'ap-northeast-1' });
const ARN = 'arn:aws:ecs:ap-northeast-1:123456789012:service/monitoring/fluentd';
const T0 = Date.parse('2026-12-06T12:00:00Z');
const clock: Clock = { now: () => T0, sleep: async () => undefined };
const other = (startedMin: number, expiresMin: number) =>
  formatLease({
    runId: 'other-run',
    startedAt: new Date(T0 + startedMin * 60_000),
    expiresAt: new Date(T0 + expiresMin * 60_000),
  });
const acquire = (log = memoryLog()) =>
  acquireLease({ ecs, log, clock, targets: [{ key: 'fluentd', serviceArn: ARN }], runId: 'this-run', settleMs: 0 });

beforeEach(() => {
  ecsMock.reset();
});

test('a live lease of another run: busy, nothing written', async () => {
  ecsMock.on(ListTagsForResourceCommand).resolves({ tags: [{ key: LEASE_TAG, value: other(-1, 2) }] });
  const out = await acquire();
  expect(out).toMatchObject({ state: 'busy', service: 'fluentd', holder: { runId: 'other-run' } });
  expect(ecsMock.commandCalls(TagResourceCommand)).toHaveLength(0);
});

test('an expired lease (a run killed outright) is taken over; released at the end', async () => {
  let value = other(-10, -1);
  ecsMock.on(ListTagsForResourceCommand).callsFake(() => ({ tags: [{ key: LEASE_TAG, value }] }));
  ecsMock.on(TagResourceCommand).callsFake((input: { tags: Array<{ value: string }> }) => {
    value = input.tags[0]?.value ?? '';
    return {};
  });
  const out = await acquire();
  expect(out.state).toBe('held');
  expect(value).toMatch(/^run=this-run started=2026-12-06T12:00:00.000Z expires=2026-12-06T12:03:00.000Z$/);
  if (out.state === 'held') await out.release();
  const untagged = ecsMock.commandCalls(UntagResourceCommand).map((c) => c.args[0].input);
  expect(untagged).toEqual([{ resourceArn: ARN, tagKeys: [LEASE_TAG] }]);
});

test('read back: an earlier run wrote over ours, so this one stands down and removes nothing of theirs', async () => {
  ecsMock
    .on(ListTagsForResourceCommand)
    .resolvesOnce({ tags: [] })
    .resolves({ tags: [{ key: LEASE_TAG, value: other(-0.01, 3) }] });
  const out = await acquire();
  expect(out).toMatchObject({ state: 'busy', holder: { runId: 'other-run' } });
  expect(ecsMock.commandCalls(UntagResourceCommand)).toHaveLength(0);
});

test('a role that may not tag: a warning naming the permissions, and the deploy goes on', async () => {
  const denied = new Error('User is not authorized to perform: ecs:ListTagsForResource');
  ecsMock.on(ListTagsForResourceCommand).rejects(Object.assign(denied, { name: 'AccessDeniedException' }));
  const log = memoryLog();
  const out = await acquire(log);
  expect(out.state).toBe('unavailable');
  expect(log.lines.join('\n')).toContain('Allow ecs:TagResource, ecs:UntagResource and ecs:ListTagsForResource');
});
