import { beforeEach, describe, expect, test } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import {
  ClientException,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
  type Service,
} from '@aws-sdk/client-ecs';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { deployServices } from '../../src/ecs/deploy-services.js';
import { memoryLog } from '../../src/log.js';
import type { Clock } from '../../src/ecs/clock.js';
import type { ServiceDeployment } from '../../src/ecs/types.js';

const ecsMock = mockClient(ECSClient);
const ssmMock = mockClient(SSMClient);
const clients = { ecs: new ECSClient({ region: 'ap-northeast-1' }), ssm: new SSMClient({ region: 'ap-northeast-1' }) };
const clock: Clock = { now: () => 0, sleep: async () => undefined };
const TD = (family: string, rev: number) => `arn:aws:ecs:ap-northeast-1:123456789012:task-definition/${family}:${rev}`;

const rendered = (family: string, image: string): RegisterTaskDefinitionCommandInput => ({
  family,
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  networkMode: 'awsvpc',
  containerDefinitions: [
    { name: family, image, secrets: [{ name: 'K', valueFrom: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/k' }] },
  ],
});
/** What DescribeTaskDefinition says about `rendered(...)` once registered: defaults and read-only members added. */
const described = (family: string, image: string, rev: number) => ({
  taskDefinition: {
    ...rendered(family, image),
    containerDefinitions: [
      {
        ...rendered(family, image).containerDefinitions?.[0],
        essential: true,
        cpu: 0,
        portMappings: [],
        environment: [],
        mountPoints: [],
        volumesFrom: [],
      },
    ],
    taskDefinitionArn: TD(family, rev),
    revision: rev,
    status: 'ACTIVE' as const,
    volumes: [],
    placementConstraints: [],
    compatibilities: ['EC2' as const, 'FARGATE' as const],
    registeredAt: new Date(0),
  },
  tags: [],
});
const service = (name: string, td: string, over: Partial<Service> = {}): Service => ({
  serviceName: name,
  status: 'ACTIVE',
  desiredCount: 1,
  taskDefinition: td,
  deployments: [
    {
      id: `ecs-svc/${name}-old`,
      status: 'PRIMARY',
      taskDefinition: td,
      rolloutState: 'COMPLETED',
      desiredCount: 1,
      runningCount: 1,
    },
  ],
  events: [],
  ...over,
});
const completed = (name: string, td: string): { services: Service[] } => ({
  services: [
    service(name, td, {
      deployments: [
        {
          id: `ecs-svc/${name}-new`,
          status: 'PRIMARY',
          taskDefinition: td,
          rolloutState: 'COMPLETED',
          desiredCount: 1,
          runningCount: 1,
        },
      ],
    }),
  ],
});
const deployment = (name: string): ServiceDeployment => ({
  key: name,
  cluster: 'monitoring',
  service: name,
  taskDefinition: rendered(name, `r/${name}@sha256:new`),
});

beforeEach(() => {
  ecsMock.reset();
  ssmMock.reset();
  ssmMock.on(GetParametersCommand).resolves({ Parameters: [{ Name: '/k' }], InvalidParameters: [] });
});

describe('deployServices call sequencing', () => {
  test('unchanged: DescribeTaskDefinition only, no RegisterTaskDefinition, no UpdateService', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [service('fluentd', TD('fluentd', 3))] });
    ecsMock.on(DescribeTaskDefinitionCommand).resolves(described('fluentd', 'r/fluentd@sha256:new', 3));
    const out = await deployServices({
      clients,
      log: memoryLog(),
      services: [deployment('fluentd')],
      waitTimeoutMs: 1000,
      pollIntervalMs: 10,
      clock,
    });
    expect(out.services[0]).toEqual(
      expect.objectContaining({ state: 'unchanged', ok: true, taskDefinitionArn: TD('fluentd', 3), diff: '' }),
    );
    expect(ecsMock).toHaveReceivedCommandTimes(RegisterTaskDefinitionCommand, 0);
    expect(ecsMock).toHaveReceivedCommandTimes(UpdateServiceCommand, 0);
    expect(ecsMock).toHaveReceivedCommandWith(DescribeTaskDefinitionCommand, {
      taskDefinition: TD('fluentd', 3),
      include: ['TAGS'],
    });
  });

  test('changed: pre-flight, describe, register, update, follow, in that order', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [service('fluentd', TD('fluentd', 3))] })
      .resolves(completed('fluentd', TD('fluentd', 4)));
    ecsMock.on(DescribeTaskDefinitionCommand).resolves(described('fluentd', 'r/fluentd@sha256:old', 3));
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: TD('fluentd', 4) } });
    ecsMock.on(UpdateServiceCommand).resolves({ service: completed('fluentd', TD('fluentd', 4)).services[0] });
    const out = await deployServices({
      clients,
      log: memoryLog(),
      services: [deployment('fluentd')],
      waitTimeoutMs: 1000,
      pollIntervalMs: 10,
      clock,
    });
    expect(out.ok).toBe(true);
    expect(ecsMock.calls().map((c) => (c.args[0] as { constructor: { name: string } }).constructor.name)).toEqual([
      'DescribeServicesCommand',
      'DescribeTaskDefinitionCommand',
      'DescribeTaskDefinitionCommand',
      'RegisterTaskDefinitionCommand',
      'UpdateServiceCommand',
      'DescribeServicesCommand',
      // The evidence step: the PRIMARY deployment is COMPLETED on the intended task definition.
      'DescribeServicesCommand',
    ]);
    expect(ecsMock).toHaveReceivedNthCommandWith(3, DescribeTaskDefinitionCommand, {
      taskDefinition: 'fluentd',
      include: ['TAGS'],
    });
    expect(ecsMock).toHaveReceivedCommandWith(RegisterTaskDefinitionCommand, deployment('fluentd').taskDefinition);
    expect(ecsMock).toHaveReceivedCommandWith(UpdateServiceCommand, {
      cluster: 'monitoring',
      service: 'fluentd',
      taskDefinition: TD('fluentd', 4),
    });
    expect(ssmMock).toHaveReceivedCommandWith(GetParametersCommand, { WithDecryption: false });
  });

  test("the family's latest revision is reused when it is what we would register (a re-run after a rollback)", async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [service('fluentd', TD('fluentd', 3))] })
      .resolves(completed('fluentd', TD('fluentd', 4)));
    ecsMock
      .on(DescribeTaskDefinitionCommand, { taskDefinition: TD('fluentd', 3) })
      .resolves(described('fluentd', 'r/fluentd@sha256:old', 3));
    ecsMock
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'fluentd' })
      .resolves(described('fluentd', 'r/fluentd@sha256:new', 4));
    ecsMock.on(UpdateServiceCommand).resolves({ service: completed('fluentd', TD('fluentd', 4)).services[0] });
    const out = await deployServices({
      clients,
      log: memoryLog(),
      services: [deployment('fluentd')],
      waitTimeoutMs: 1000,
      pollIntervalMs: 10,
      clock,
    });
    expect(out.services[0]).toEqual(
      expect.objectContaining({
        state: 'completed',
        registered: false,
        taskDefinitionChanged: true,
        updated: true,
        taskDefinitionArn: TD('fluentd', 4),
      }),
    );
    expect(ecsMock).toHaveReceivedCommandTimes(RegisterTaskDefinitionCommand, 0);
  });

  test('a registration error stops every update and names the step, the family and the cause', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolves({ services: [service('fluentd', TD('fluentd', 3)), service('agent', TD('agent', 1))] });
    ecsMock
      .on(DescribeTaskDefinitionCommand)
      .rejects(new ClientException({ message: 'Unable to describe task definition.', $metadata: {} }));
    ecsMock
      .on(RegisterTaskDefinitionCommand, { family: 'fluentd' })
      .rejects(
        new ClientException({ message: "Fargate requires that 'cpu' be defined at the task level.", $metadata: {} }),
      )
      .on(RegisterTaskDefinitionCommand, { family: 'agent' })
      .resolves({ taskDefinition: { taskDefinitionArn: TD('agent', 2) } });
    const out = await deployServices({
      clients,
      log: memoryLog(),
      services: [deployment('fluentd'), deployment('agent')],
      waitTimeoutMs: 1000,
      pollIntervalMs: 10,
      clock,
    });
    expect(out.ok).toBe(false);
    expect(out.services.map((s) => [s.key, s.state, s.failure])).toEqual([
      [
        'fluentd',
        'failed',
        "register task definition fluentd for service fluentd: ClientException: Fargate requires that 'cpu' be defined at the task level.",
      ],
      ['agent', 'not-started', undefined],
    ]);
    expect(ecsMock).toHaveReceivedCommandTimes(UpdateServiceCommand, 0);
    expect(ecsMock).toHaveReceivedCommandTimes(RegisterTaskDefinitionCommand, 1);
  });

  test('a CODE_DEPLOY service is refused in pre-flight', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({
      services: [service('fluentd', TD('fluentd', 3), { deploymentController: { type: 'CODE_DEPLOY' } })],
    });
    const out = await deployServices({
      clients,
      log: memoryLog(),
      services: [deployment('fluentd')],
      waitTimeoutMs: 1000,
      pollIntervalMs: 10,
      clock,
    });
    expect(out.problems.map((p) => p.code)).toEqual(['preflight/unsupported-deployment-controller']);
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeTaskDefinitionCommand, 0);
  });

  test('services in two clusters are described per cluster', async () => {
    ecsMock.on(DescribeServicesCommand).callsFake((input: { cluster: string; services: string[] }) => ({
      services: input.services.map((n) => service(n, TD(n, 1))),
    }));
    ecsMock.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => {
      const family = input.taskDefinition.replace(/^.*task-definition\//, '').replace(/:\d+$/, '');
      return described(family, `r/${family}@sha256:new`, 1);
    });
    const out = await deployServices({
      clients,
      log: memoryLog(),
      services: [deployment('fluentd'), { ...deployment('agent'), cluster: 'other' }],
      waitTimeoutMs: 1000,
      pollIntervalMs: 10,
      clock,
    });
    expect(out.services.map((s) => s.state)).toEqual(['unchanged', 'unchanged']);
    expect(ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'monitoring', services: ['fluentd'] },
      { cluster: 'other', services: ['agent'] },
      // The evidence step, per cluster too.
      { cluster: 'monitoring', services: ['fluentd'] },
      { cluster: 'other', services: ['agent'] },
    ]);
  });
});
