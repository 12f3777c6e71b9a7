/**
 * `plan` and `deploy` of the example against AWS with the SDK clients mocked: its images are
 * already in ECR (so nothing is built and no docker is needed), its services run.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { DescribeImagesCommand, DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type Deployment,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { destroyClients, makeClients } from '../../src/aws.js';
import { deploy } from '../../src/deploy.js';
import { memoryLog } from '../../src/log.js';
import { planProject } from '../../src/plan-project.js';
import { EXAMPLE, REGION } from '../support/example-env.js';

const ecrMock = mockClient(ECRClient);
const ecsMock = mockClient(ECSClient);
const ssmMock = mockClient(SSMClient);
const stsMock = mockClient(STSClient);
const clients = makeClients({ region: REGION });
afterAll(() => destroyClients(clients));

// The example's bases are Docker Hub and ECR Public names and a live plan asks for their digests: the
// registries are mocked too (the anonymous token dance: 401 with a Bearer challenge, a token, then the digest).
const registryAsked: string[] = [];
const realFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    registryAsked.push(`${init?.method ?? 'GET'} ${url.host}${url.pathname}`);
    if (url.pathname.endsWith('/token')) return Response.json({ token: 'fake-anonymous-token' });
    const auth = new Headers(init?.headers).get('authorization');
    if (auth !== 'Bearer fake-anonymous-token') {
      const realm = url.host === 'registry-1.docker.io' ? 'https://auth.docker.io/token' : `https://${url.host}/token`;
      const challenge = `Bearer realm="${realm}",service="${url.host}",scope="repository:x:pull"`;
      return new Response(null, { status: 401, headers: { 'www-authenticate': challenge } });
    }
    return new Response(null, { status: 200, headers: { 'docker-content-digest': `sha256:${'d'.repeat(64)}` } });
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
  const hosts = new Set(registryAsked.map((r) => r.split(' ')[1]?.split('/')[0]));
  expect([...hosts].sort()).toEqual(['auth.docker.io', 'public.ecr.aws', 'registry-1.docker.io']);
});

const ACCOUNT = '123456789012';
const TD = (family: string, rev: number): string => `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${rev}`;

beforeEach(() => {
  for (const m of [ecrMock, ecsMock, ssmMock, stsMock]) m.reset();
  stsMock.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  ecrMock.on(DescribeRepositoriesCommand).callsFake((input: { repositoryNames: string[] }) => ({
    repositories: input.repositoryNames.map((name) => ({
      repositoryName: name,
      repositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}`,
      imageTagMutability: 'IMMUTABLE',
    })),
  }));
  ecrMock
    .on(DescribeImagesCommand)
    .resolves({ imageDetails: [{ imageDigest: `sha256:${'a'.repeat(64)}`, imageTags: ['content-x'] }] });
  ecsMock.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
    services: input.services.map((name) => ({
      serviceName: name,
      status: 'ACTIVE',
      taskDefinition: TD(name, 3),
      deploymentController: { type: 'ECS' },
    })),
  }));
  ecsMock.on(DescribeTaskDefinitionCommand).resolves({});
});

describe('live plan', () => {
  test('a missing SSM parameter: each service that reads it is unknown, with the problem as its reason', async () => {
    ssmMock
      .on(GetParametersCommand)
      .resolves({ Parameters: [], InvalidParameters: [`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/datadog/apikey`] });
    const plan = await planProject({
      configPath: path.join(EXAMPLE, 'dd-ecs-monitor.yml'),
      offline: false,
      changed: { kind: 'all', reason: 'test' },
      log: memoryLog(),
      clients,
    });

    expect(plan.problems).toHaveLength(2);
    expect(plan.services.map((s) => [s.key, s.action])).toEqual([
      ['datadog-agent', 'unknown'],
      ['fluentd', 'unknown'],
    ]);
    for (const s of plan.services) {
      expect(s.reason).toMatch(
        new RegExp(
          `^service ${s.key}: SSM parameter ".*/datadog/apikey" \\(secret \\S+ of container ${s.key}\\) does not exist`,
        ),
      );
    }
    // The plan is made from gathered state: nothing is registered or updated, whatever it finds.
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });

  test('with every parameter present the services are compared with what runs', async () => {
    ssmMock.on(GetParametersCommand).resolves({ Parameters: [], InvalidParameters: [] });
    const plan = await planProject({
      configPath: path.join(EXAMPLE, 'dd-ecs-monitor.yml'),
      offline: false,
      changed: { kind: 'all', reason: 'test' },
      log: memoryLog(),
      clients,
    });

    expect(plan.problems).toEqual([]);
    expect(plan.images.map((i) => [i.key, i.action])).toEqual([
      ['datadog-agent', 'reuse'],
      ['fluentd', 'reuse'],
    ]);
    expect(plan.services.map((s) => [s.key, s.action, s.reason])).toEqual([
      ['datadog-agent', 'register-and-update', 'the rendered task definition differs from the live one'],
      ['fluentd', 'register-and-update', 'the rendered task definition differs from the live one'],
    ]);
  });
});

describe('deploy', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** The example with its project file's `deploy.rollback` set; fluentd's rollouts of a new task definition fail. */
  function setup(rollback: boolean): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-deploy-'));
    dirs.push(dir);
    cpSync(EXAMPLE, dir, { recursive: true });
    const file = path.join(dir, 'dd-ecs-monitor.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}rollback: true$/m, `  rollback: ${rollback}`));
    ssmMock.on(GetParametersCommand).resolves({ Parameters: [], InvalidParameters: [] });
    let deployments: Deployment[] = [
      { id: 'ecs-svc/old', status: 'PRIMARY', taskDefinition: TD('fluentd', 3), rolloutState: 'COMPLETED' },
    ];
    ecsMock.on(DescribeServicesCommand).callsFake(() => ({
      services: [
        {
          serviceName: 'fluentd',
          status: 'ACTIVE',
          taskDefinition: TD('fluentd', 3),
          deploymentController: { type: 'ECS' },
          deployments,
        },
      ],
    }));
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: TD('fluentd', 4) } });
    ecsMock.on(UpdateServiceCommand).callsFake((input: { taskDefinition: string }) => {
      const ok = input.taskDefinition === TD('fluentd', 3);
      deployments = [
        {
          id: `ecs-svc/${deployments.length + 1}`,
          status: 'PRIMARY',
          taskDefinition: input.taskDefinition,
          rolloutState: ok ? 'COMPLETED' : 'FAILED',
          rolloutStateReason: ok ? undefined : 'tasks failed to start',
        },
      ];
      return { service: { deployments } };
    });
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [] });
    return path.join(dir, 'dd-ecs-monitor.yml');
  }
  const run = (configPath: string, rollback = true) =>
    deploy({
      configPath,
      offline: false,
      changed: { kind: 'all', reason: 'test' },
      only: ['fluentd'],
      dryRun: false,
      rollback,
      gitSha: '',
      pollIntervalSeconds: 0.001,
      log: memoryLog(),
      clients,
    });

  test('`deploy.rollback: false` in the project file: a failed rollout is not rolled back', async () => {
    const result = await run(setup(false));
    expect(result.ok).toBe(false);
    expect(result.services[0]?.failure).toContain('not rolled back (rollback disabled)');
    expect(ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input.taskDefinition)).toEqual([
      TD('fluentd', 4),
    ]);
  });

  test('rollback on in the project file and in the options: rolled back to the previous task definition', async () => {
    const result = await run(setup(true));
    expect(result.services[0]?.rolledBack).toEqual({
      by: 'dd-ecs-monitor',
      taskDefinitionArn: TD('fluentd', 3),
      state: 'completed',
    });
    expect(ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input.taskDefinition)).toEqual([
      TD('fluentd', 4),
      TD('fluentd', 3),
    ]);
  });

  test('a missing SSM parameter stops the deploy before anything changes; the plan does not call the service unchanged', async () => {
    const configPath = setup(true);
    ssmMock
      .on(GetParametersCommand)
      .resolves({ Parameters: [], InvalidParameters: [`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/datadog/apikey`] });
    const result = await run(configPath);
    expect(result.ok).toBe(false);
    expect(result.services.map((s) => [s.key, s.state])).toEqual([['fluentd', 'not-started']]);
    expect(result.plan.services.map((s) => [s.key, s.action])).toEqual([['fluentd', 'unknown']]);
    expect(result.plan.services[0]?.reason).toMatch(
      /^service fluentd: SSM parameter ".*\/datadog\/apikey" \(secret ddapikey of container fluentd\) does not exist/,
    );
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });

  test('rollback off in the options (--no-rollback, the rollback input) wins over the project file', async () => {
    await run(setup(true), false);
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });
});
