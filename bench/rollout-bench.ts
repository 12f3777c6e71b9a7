/**
 * Issue 10 item 5: how long a deploy idles after ECS says COMPLETED. The same rollout (the fake
 * ECS completes it 3.5 s after UpdateService, whenever it is polled) followed twice in one run:
 * with the old fixed interval (every pollIntervalSeconds, 15 s) and with the backoff (2 s, 3 s,
 * 4.5 s... up to 15 s). The figure is the time from the fake's COMPLETED to deployServices
 * returning (the run's exit), and their ratio.
 */
import { destroyClients, makeClients } from '../src/aws.js';
import { deployServices } from '../src/ecs/index.js';
import type { ServiceDeployment } from '../src/ecs/types.js';
import { streamLog } from '../src/log.js';
import { installFakeEcs } from '../test/support/fake-aws/ecs.js';
import { FakeAws } from '../test/support/fake-aws/server.js';
import { installFakeSsm } from '../test/support/fake-aws/ssm.js';
import { installFakeSts } from '../test/support/fake-aws/sts.js';
import { ms, printRows, ratio } from './lib.js';

const REGION = 'ap-northeast-1';
const INTERVAL_MS = 15_000;
const COMPLETES_AFTER_MS = 3500;
const REPO = `123456789012.dkr.ecr.${REGION}.amazonaws.com/monitoring/fluentd`;

function taskDefinition(n: number): ServiceDeployment['taskDefinition'] {
  return {
    family: 'fluentd',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
    containerDefinitions: [{ name: 'fluentd', image: `${REPO}@sha256:${String(n).repeat(64).slice(0, 64)}` }],
  };
}

export async function rolloutBench(): Promise<void> {
  const fake = new FakeAws();
  await fake.start();
  const saved = { ...process.env };
  Object.assign(process.env, fake.env(REGION));
  const ecs = installFakeEcs(fake, { region: REGION });
  installFakeSsm(fake, { region: REGION });
  installFakeSts(fake);
  const first = taskDefinition(1) as unknown as Record<string, unknown>;
  ecs.addService({ cluster: 'monitoring', name: 'fluentd', taskDefinition: first });
  const clients = makeClients({ region: REGION });
  const lag = async (n: number, firstPollMs: number | undefined): Promise<number> => {
    ecs.nextDeployment('monitoring', 'fluentd', { kind: 'complete', afterMs: COMPLETES_AFTER_MS });
    const r = await deployServices({
      clients,
      log: streamLog(() => undefined),
      services: [{ key: 'fluentd', cluster: 'monitoring', service: 'fluentd', taskDefinition: taskDefinition(n) }],
      waitTimeoutMs: 120_000,
      pollIntervalMs: INTERVAL_MS,
      ...(firstPollMs !== undefined ? { firstPollMs } : {}),
    });
    const end = Date.now();
    const done = ecs.primary('monitoring', 'fluentd').completedAt;
    if (!r.ok || done === undefined) {
      throw new Error(`rollout bench: the deploy failed: ${r.services[0]?.failure ?? ''}`);
    }
    return end - done * 1000;
  };
  try {
    const fixed = await lag(2, INTERVAL_MS);
    const backoff = await lag(3, undefined);
    const title =
      `Rollout polling (fake ECS completes ${COMPLETES_AFTER_MS / 1000} s after UpdateService; ` +
      'pollIntervalSeconds 15; one run each)';
    printRows(title, [
      { what: "time from the fake's COMPLETED to the run's exit, fixed 15 s interval (before)", value: ms(fixed) },
      {
        what: "time from the fake's COMPLETED to the run's exit, backoff 2 s -> 15 s (after)",
        value: ms(backoff),
        note: `after/before = ${ratio(backoff, fixed)}`,
      },
    ]);
  } finally {
    destroyClients(clients);
    process.env = saved;
    await fake.stop();
  }
}
