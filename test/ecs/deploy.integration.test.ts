/**
 * The ECS half of deploy against the fake AWS endpoint, over HTTP with the real SDK clients
 * (`makeClients` finds the endpoint through AWS_ENDPOINT_URL). Polls every 20 ms.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { destroyClients, makeClients, type AwsClients } from '../../src/aws.js';
import type { Log } from '../../src/log.js';
import { callerAccount } from '../../src/ecs/account.js';
import { deployServices } from '../../src/ecs/deploy-services.js';
import { renderTaskDefinition } from '../../src/ecs/render.js';
import type { DeployServicesOptions, ServiceDeployment } from '../../src/ecs/types.js';
import {
  installFakeEcs,
  type DeploymentScenario,
  type FakeEcsOptions,
  type FakeEcsState,
} from '../support/fake-aws/ecs.js';
import { FakeAws } from '../support/fake-aws/server.js';
import { installFakeSsm, type FakeSsmState } from '../support/fake-aws/ssm.js';
import { installFakeSts } from '../support/fake-aws/sts.js';

const REGION = 'ap-northeast-1';
const REPO = '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/monitoring/fluentd';
const OLD_IMAGE = `${REPO}@sha256:${'0'.repeat(64)}`;
const NEW_IMAGE = `${REPO}@sha256:${'1'.repeat(64)}`;
const API_KEY_VALUE = 'ddapikey-VALUE-0123456789abcdef';
const TOKEN_VALUE = 'token-VALUE-fedcba9876543210';
const OLD_TOKEN_VALUE = 'token-OLD-VALUE-0000000000';
const template = JSON.parse(
  readFileSync(new URL('../fixtures/ecs/fluentd.taskdef.json', import.meta.url), 'utf8'),
) as unknown;
const TD = (rev: number) => `arn:aws:ecs:${REGION}:123456789012:task-definition/fluentd-aggregator:${rev}`;

/** A Log that keeps every line as given, unredacted, so a test sees what the code tried to print. */
function rawLog(): Log & { lines: string[]; masked: string[] } {
  const lines: string[] = [];
  const masked: string[] = [];
  return {
    lines,
    masked,
    info: (m) => void lines.push(m),
    warning: (m) => void lines.push(`warning: ${m}`),
    debug: (m) => void lines.push(`debug: ${m}`),
    mask: (s) => void masked.push(s),
  };
}

const fake = new FakeAws();
const savedEnv = { ...process.env };
let ecs: FakeEcsState;
let ssm: FakeSsmState;
let clients: AwsClients;

beforeAll(async () => {
  await fake.start();
  Object.assign(process.env, fake.env(REGION));
  installFakeSts(fake);
});
afterAll(async () => {
  process.env = savedEnv;
  await fake.stop();
});
beforeEach(() => {
  fake.resetCalls();
  fake.clearFaults();
  clients = makeClients({ region: REGION });
});
afterEach(() => destroyClients(clients));

interface Setup {
  ecsOptions?: FakeEcsOptions;
  circuitBreaker?: { enable: boolean; rollback: boolean };
  next?: DeploymentScenario;
  parameters?: Record<string, string>;
  liveImage?: string;
  /** The DD_AUTH_TOKEN value the live task definition has (default: the same as the new one). */
  liveToken?: string;
}

/** The service runs fluentd-aggregator:1 (the template with the old image and the same secrets). */
async function setup(s: Setup = {}): Promise<ServiceDeployment> {
  ecs = installFakeEcs(fake, { completeAfterPolls: 2, ...s.ecsOptions });
  ssm = installFakeSsm(fake, {
    parameters: Object.fromEntries(
      Object.entries(s.parameters ?? { '/datadog/apikey': API_KEY_VALUE }).map(([k, v]) => [k, { value: v }]),
    ),
  });
  const accountId = await callerAccount(clients.sts);
  const render = (image: string, token = TOKEN_VALUE) =>
    renderTaskDefinition({
      template,
      containers: { fluentd: image },
      secrets: { ddapikey: '/datadog/apikey' },
      environment: { DD_AUTH_TOKEN: token },
      region: REGION,
      accountId,
    }).input;
  const live = render(s.liveImage ?? OLD_IMAGE, s.liveToken);
  const next = render(NEW_IMAGE);
  if (!live || !next) throw new Error('render failed');
  ecs.addService({
    cluster: 'monitoring',
    name: 'fluentd',
    taskDefinition: live as unknown as Record<string, unknown>,
    desiredCount: 2,
    ...(s.circuitBreaker ? { circuitBreaker: s.circuitBreaker } : {}),
  });
  if (s.next) ecs.nextDeployment('monitoring', 'fluentd', s.next);
  fake.resetCalls();
  return { key: 'fluentd', cluster: 'monitoring', service: 'fluentd', taskDefinition: next };
}

function run(service: ServiceDeployment, log: Log, over: Partial<DeployServicesOptions> = {}) {
  return deployServices({ clients, log, services: [service], waitTimeoutMs: 5000, pollIntervalMs: 20, ...over });
}

const SECRETS_STOP: DeploymentScenario = {
  kind: 'tasks-stop',
  stoppedReason:
    'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: AccessDeniedException',
  stopCode: 'TaskFailedToStart',
  containers: [{ name: 'fluentd', reason: 'CannotStartContainerError: secrets not available' }],
};

describe('deployServices over the wire', () => {
  test('a changed task definition is registered, the service updated, and followed to COMPLETED', async () => {
    const svc = await setup();
    const log = rawLog();
    const out = await run(svc, log);
    expect(out.ok).toBe(true);
    expect(out.services).toEqual([
      expect.objectContaining({
        state: 'completed',
        ok: true,
        registered: true,
        updated: true,
        taskDefinitionChanged: true,
        taskDefinitionArn: TD(2),
        previousTaskDefinitionArn: TD(1),
      }),
    ]);
    expect(ecs.primary('monitoring', 'fluentd')).toEqual(
      expect.objectContaining({ taskDefinition: TD(2), rolloutState: 'COMPLETED', runningCount: 2 }),
    );
    expect(fake.count('ecs', 'RegisterTaskDefinition')).toBe(1);
    expect(fake.callsTo('ecs', 'UpdateService').map((c) => c.input)).toEqual([
      { cluster: 'monitoring', service: 'fluentd', taskDefinition: TD(2) },
    ]);
    // Register happens before the update, pre-flight before both.
    const order = fake.calls
      .map((c) => c.operation)
      .filter((o) => ['GetParameters', 'RegisterTaskDefinition', 'UpdateService'].includes(o));
    expect(order).toEqual(['GetParameters', 'RegisterTaskDefinition', 'UpdateService']);
    expect(log.lines).toContain(
      `[fluentd] event: (service fluentd) (deployment ${out.services[0]?.deploymentId ?? ''}) deployment completed.`,
    );
    expect(
      log.lines.some((l) =>
        l.startsWith(`[fluentd] deployment ${out.services[0]?.deploymentId ?? ''} COMPLETED: 2 of 2 tasks running`),
      ),
    ).toBe(true);
    expect(out.services[0]?.diff).toContain(`+      "image": "${NEW_IMAGE}",`);
  });

  test('re-running is a no-op: zero RegisterTaskDefinition, zero UpdateService', async () => {
    const svc = await setup();
    await run(svc, rawLog());
    fake.resetCalls();
    const log = rawLog();
    const again = await run(svc, log);
    expect(again.ok).toBe(true);
    expect(again.services[0]).toEqual(
      expect.objectContaining({
        state: 'unchanged',
        registered: false,
        updated: false,
        taskDefinitionArn: TD(2),
        diff: '',
      }),
    );
    expect(fake.count('ecs', 'RegisterTaskDefinition')).toBe(0);
    expect(fake.count('ecs', 'UpdateService')).toBe(0);
    expect(log.lines).toContain('[fluentd] task definition unchanged: reusing fluentd-aggregator:2');
  });

  test('an unchanged service with --force-new-deployment is updated with forceNewDeployment, nothing registered', async () => {
    const svc = await setup({ liveImage: NEW_IMAGE });
    const out = await run(svc, rawLog(), { forceNewDeployment: true });
    expect(out.services[0]).toEqual(
      expect.objectContaining({
        state: 'completed',
        ok: true,
        registered: false,
        taskDefinitionChanged: false,
        updated: true,
      }),
    );
    expect(fake.count('ecs', 'RegisterTaskDefinition')).toBe(0);
    expect(fake.callsTo('ecs', 'UpdateService').map((c) => c.input)).toEqual([
      { cluster: 'monitoring', service: 'fluentd', taskDefinition: TD(1), forceNewDeployment: true },
    ]);
  });

  test.each([
    ['ListTasks accepts startedBy with desiredStatus', false],
    ['ListTasks insists startedBy is the only filter', true],
  ])(
    'tasks that stop with a reason: the reason is printed, the service rolled back, the result failed (%s)',
    async (_n, strict) => {
      const svc = await setup({ next: SECRETS_STOP, ecsOptions: { startedByMustBeOnlyFilter: strict } });
      const log = rawLog();
      const out = await run(svc, log);
      const r = out.services[0];
      expect(out.ok).toBe(false);
      expect(r).toEqual(expect.objectContaining({ state: 'failed', ok: false, registered: true, updated: true }));
      expect(r?.rollback).toEqual(
        expect.objectContaining({ by: 'dd-ecs-monitor', taskDefinitionArn: TD(1), state: 'completed' }),
      );
      expect(r?.stoppedTasks.length).toBeGreaterThanOrEqual(3);
      expect(r?.stoppedTasks[0]).toEqual(
        expect.objectContaining({ stoppedReason: SECRETS_STOP.stoppedReason, stopCode: 'TaskFailedToStart' }),
      );
      expect(r?.failure).toContain('failed: 3 tasks of deployment');
      expect(r?.failure).toContain(`last stopped task `);
      expect(r?.failure).toContain(SECRETS_STOP.stoppedReason);
      expect(r?.failure).toContain('rolled back to fluentd-aggregator:1');
      expect(
        log.lines.filter((l) => l.includes('CannotStartContainerError: secrets not available')).length,
      ).toBeGreaterThanOrEqual(1);
      expect(ecs.primary('monitoring', 'fluentd')).toEqual(
        expect.objectContaining({ taskDefinition: TD(1), rolloutState: 'COMPLETED' }),
      );
      expect(fake.callsTo('ecs', 'UpdateService').map((c) => c.input.taskDefinition)).toEqual([TD(2), TD(1)]);
    },
  );

  test('a circuit-breaker rollback is a failure, never a success; its rollback is waited for', async () => {
    const svc = await setup({ next: SECRETS_STOP, circuitBreaker: { enable: true, rollback: true } });
    const log = rawLog();
    const out = await run(svc, log);
    const r = out.services[0];
    expect(out.ok).toBe(false);
    expect(r).toEqual(expect.objectContaining({ state: 'failed', ok: false }));
    expect(r?.rollback).toEqual(
      expect.objectContaining({ by: 'circuit-breaker', taskDefinitionArn: TD(1), state: 'completed' }),
    );
    expect(r?.failure).toContain(
      'failed and the deployment circuit breaker rolled it back: ECS deployment circuit breaker: tasks failed to start.',
    );
    expect(r?.failure).toContain('the circuit breaker rolled back to fluentd-aggregator:1');
    // Only our own deployment: the rollback was ECS's.
    expect(fake.count('ecs', 'UpdateService')).toBe(1);
    expect(ecs.primary('monitoring', 'fluentd')).toEqual(
      expect.objectContaining({ taskDefinition: TD(1), rolloutState: 'COMPLETED' }),
    );
    expect(log.lines.some((l) => /event: \(service fluentd\) rolling back to deployment ecs-svc\/\d+\./.test(l))).toBe(
      true,
    );
  });

  test('a rollout that never completes times out saying what was pending, then rolls back', async () => {
    const svc = await setup({ next: { kind: 'never-completes' } });
    const out = await run(svc, rawLog(), { waitTimeoutMs: 300 });
    const r = out.services[0];
    expect(r?.state).toBe('timed-out');
    expect(r?.failure).toMatch(
      /did not complete within 0\.3s; still pending when the wait ended: rolloutState IN_PROGRESS: 0 of 2 tasks running, 2 pending, 0 failed; ecs-svc\/\d+ \(ACTIVE, fluentd-aggregator:1\) still has 2 running/,
    );
    expect(r?.rollback).toEqual(expect.objectContaining({ by: 'dd-ecs-monitor', state: 'completed' }));
  });

  test('rollback disabled: the failure says so and the service is left alone', async () => {
    const svc = await setup({ next: { kind: 'never-completes' } });
    const out = await run(svc, rawLog(), { waitTimeoutMs: 200, rollback: false });
    expect(out.services[0]?.rollback).toBeUndefined();
    expect(out.services[0]?.failure).toContain('not rolled back (rollback disabled)');
    expect(fake.count('ecs', 'UpdateService')).toBe(1);
  });

  test('a forced redeploy that fails has nothing to roll back to, and says so', async () => {
    const svc = await setup({ liveImage: NEW_IMAGE, next: { kind: 'never-completes' } });
    const out = await run(svc, rawLog(), { forceNewDeployment: true, waitTimeoutMs: 200 });
    expect(out.services[0]?.rollback).toEqual({
      by: 'skipped',
      state: 'skipped',
      detail: 'the service ran the same task definition before, so there is nothing to roll back to',
    });
    expect(out.services[0]?.failure).toContain('not rolled back: the service ran the same task definition before');
    expect(fake.count('ecs', 'UpdateService')).toBe(1);
  });

  test('two services roll out in parallel and both complete', async () => {
    const a = await setup();
    const accountId = await callerAccount(clients.sts);
    const agentInput = (image: string) =>
      renderTaskDefinition({
        template: {
          ...(template as Record<string, unknown>),
          family: 'datadog-agent',
          containerDefinitions: [{ name: 'datadog-agent', image: 'x' }],
        },
        containers: { 'datadog-agent': image },
        secrets: { DD_API_KEY: '/datadog/apikey' },
        region: REGION,
        accountId,
      }).input;
    ecs.addService({
      cluster: 'monitoring',
      name: 'datadog-agent',
      taskDefinition: agentInput(OLD_IMAGE) as unknown as Record<string, unknown>,
    });
    fake.resetCalls();
    const b: ServiceDeployment = {
      key: 'agent',
      cluster: 'monitoring',
      service: 'datadog-agent',
      taskDefinition: agentInput(NEW_IMAGE) ?? a.taskDefinition,
    };
    const out = await deployServices({
      clients,
      log: rawLog(),
      services: [a, b],
      waitTimeoutMs: 5000,
      pollIntervalMs: 20,
    });
    expect(out.services.map((r) => [r.key, r.state])).toEqual([
      ['fluentd', 'completed'],
      ['agent', 'completed'],
    ]);
    // Both updates go out before either rollout is followed to its end.
    const ops = fake.calls.map((c) => `${c.operation}:${String(c.input.service ?? c.input.services?.[0] ?? '')}`);
    const firstUpdate = ops.indexOf('UpdateService:fluentd');
    const secondUpdate = ops.indexOf('UpdateService:datadog-agent');
    const lastFluentdPoll = ops.lastIndexOf('DescribeServices:fluentd');
    expect(firstUpdate).toBeGreaterThan(-1);
    expect(secondUpdate).toBeGreaterThan(-1);
    expect(Math.max(firstUpdate, secondUpdate)).toBeLessThan(lastFluentdPoll);
  });

  test('a missing SSM parameter stops the deploy before anything is registered', async () => {
    const svc = await setup({ parameters: { '/datadog/other': 'x' } });
    const out = await run(svc, rawLog());
    expect(out.ok).toBe(false);
    expect(out.problems).toEqual([
      {
        service: 'fluentd',
        code: 'preflight/missing-parameter',
        message:
          'service fluentd: SSM parameter "arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey" (secret ddapikey of container fluentd) does not exist; create it or fix the name',
      },
    ]);
    expect(out.services[0]?.state).toBe('not-started');
    expect(fake.count('ecs', 'RegisterTaskDefinition')).toBe(0);
    expect(fake.count('ecs', 'UpdateService')).toBe(0);
  });

  test('an unknown service stops the deploy before anything is registered', async () => {
    const svc = await setup();
    const out = await run({ ...svc, service: 'fluentd-typo' }, rawLog());
    expect(out.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'preflight/service-not-found',
        'service fluentd: ECS service "fluentd-typo" in cluster "monitoring" was not found (MISSING); create it first or fix the name',
      ],
    ]);
    expect(fake.count('ecs', 'RegisterTaskDefinition')).toBe(0);
  });

  test('throttling on every first attempt: every call is retried and the deploy succeeds', async () => {
    const svc = await setup();
    fake.inject({ kind: 'throttle', firstAttemptOnly: true });
    const out = await run(svc, rawLog());
    expect(out.ok).toBe(true);
    const first = fake.calls.filter((c) => c.attempt === 1);
    expect(first.length).toBeGreaterThan(5);
    expect(first.every((c) => c.error === 'ThrottlingException' || c.error === 'Throttling')).toBe(true);
    expect(fake.calls.filter((c) => c.attempt === 2).every((c) => c.error === undefined)).toBe(true);
    expect(ecs.primary('monitoring', 'fluentd').rolloutState).toBe('COMPLETED');
  }, 60_000);

  test('a dry run registers and updates nothing, and says what it would do', async () => {
    const svc = await setup();
    const log = rawLog();
    const out = await run(svc, log, { dryRun: true });
    expect(out.services[0]).toEqual(
      expect.objectContaining({
        state: 'planned',
        ok: true,
        registered: true,
        updated: true,
        taskDefinitionArn: undefined,
      }),
    );
    expect(fake.count('ecs', 'RegisterTaskDefinition')).toBe(0);
    expect(fake.count('ecs', 'UpdateService')).toBe(0);
    expect(log.lines).toContain('[fluentd] would register a new revision of fluentd-aggregator');
  });

  test('no secret value reaches a log line or a diff; SSM is never asked to decrypt', async () => {
    const svc = await setup({ next: SECRETS_STOP, liveToken: OLD_TOKEN_VALUE });
    const log = rawLog();
    const out = await run(svc, log);
    expect(out.services[0]?.diff).toContain('"value": "*** (changed)"');
    const everything = [
      ...log.lines,
      ...out.services.map((s) => s.diff),
      ...out.services.map((s) => s.failure ?? ''),
    ].join('\n');
    expect(everything).toContain('DD_AUTH_TOKEN');
    expect(everything).not.toContain(TOKEN_VALUE);
    expect(everything).not.toContain(OLD_TOKEN_VALUE);
    expect(everything).not.toContain(API_KEY_VALUE);
    expect(log.masked).toContain(TOKEN_VALUE);
    expect(ssm.withDecryption).toEqual([false]);
    expect(fake.callsTo('ssm', 'GetParameters').map((c) => c.input.WithDecryption)).toEqual([false]);
  });
});
