/**
 * Issue 9 item 3 against the fake AWS endpoint over the real wire protocols (no Docker engine: the
 * ECR side is backed by a real, empty registry): a missing ECR repository is a line of the plan,
 * not a crash; a service that fails pre-flight does not blank the plan of the other; and planning
 * changes nothing in AWS.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { destroyClients, makeClients } from '../../src/aws.js';
import { memoryLog } from '../../src/log.js';
import { planProject } from '../../src/plan-project.js';
import { type Registry, startRegistry } from '../support/docker-env.js';
import { EXAMPLE, REGION } from '../support/example-env.js';
import { FakeEcr } from '../support/fake-aws/ecr.js';
import { installFakeEcs } from '../support/fake-aws/ecs.js';
import { FakeAws } from '../support/fake-aws/server.js';
import { installFakeSsm } from '../support/fake-aws/ssm.js';
import { installFakeSts } from '../support/fake-aws/sts.js';

let registry: Registry;
let fake: FakeAws;
let dir: string;
let clients: ReturnType<typeof makeClients>;
const saved = { ...process.env };

beforeAll(async () => {
  registry = await startRegistry();
  fake = new FakeAws();
  await fake.start();
  // Only the agent's repository exists: the fluentd one was never created.
  new FakeEcr({ host: registry.host, password: registry.password })
    .install(fake)
    .addRepository('monitoring/datadog-agent');
  const ecs = installFakeEcs(fake, { region: REGION });
  installFakeSsm(fake, {
    region: REGION,
    parameters: { '/datadog/apikey': { value: 'fake-key-not-real', type: 'SecureString' } },
  });
  installFakeSts(fake);
  dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-live-plan-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  for (const name of ['datadog-agent', 'fluentd']) {
    const td = JSON.parse(readFileSync(path.join(dir, `ecs/${name}.taskdef.json`), 'utf8'));
    for (const c of td.containerDefinitions) c.image = `${registry.host}/monitoring/${name}@sha256:${'1'.repeat(64)}`;
    ecs.addService({ cluster: 'monitoring', name, taskDefinition: td });
  }
  Object.assign(process.env, fake.env(REGION));
  clients = makeClients({ region: REGION });
}, 60_000);

afterAll(async () => {
  process.env = saved;
  destroyClients(clients);
  await fake?.stop();
  await registry?.stop();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => fake.resetCalls());

const CFG = (): string => path.join(dir, 'dd-ecs-monitor.yml');
// The example's bases are Docker Hub names: no lookup from here (the resolver has its own tests).
const original = (): string =>
  readFileSync(path.join(EXAMPLE, 'dd-ecs-monitor.yml'), 'utf8').replace(
    /^deploy:\n/m,
    'deploy:\n  resolveBaseImages: false\n',
  );
const plan = () =>
  planProject({
    configPath: CFG(),
    offline: false,
    changed: { kind: 'all', reason: 'test' },
    log: memoryLog(),
    clients,
  });

function expectNothingChanged(): void {
  for (const [svc, op] of [
    ['ecs', 'RegisterTaskDefinition'],
    ['ecs', 'UpdateService'],
    ['ecr', 'CreateRepository'],
    ['ecr', 'GetAuthorizationToken'],
  ] as const) {
    expect([op, fake.count(svc, op)]).toEqual([op, 0]);
  }
}

describe('a live plan against the fake AWS', () => {
  test.each([
    [
      false,
      'missing',
      'ECR repository "monitoring/fluentd" is missing: create it or set deploy.createRepositories: true',
      1,
    ],
    [
      true,
      'will-be-created',
      'ECR repository "monitoring/fluentd" will be created (deploy.createRepositories), then',
      0,
    ],
  ])('createRepositories %s: the missing repository is a plan line (%s)', async (create, state, reason, problems) => {
    writeFileSync(CFG(), original().replace('createRepositories: false', `createRepositories: ${create}`));
    const p = await plan();
    const f = p.images.find((i) => i.key === 'fluentd');
    expect([f?.action, f?.repositoryState]).toEqual(['build', state]);
    expect(f?.reason.startsWith(reason)).toBe(true);
    expect(p.images.find((i) => i.key === 'datadog-agent')).toMatchObject({
      action: 'build',
      repositoryState: 'exists',
      repositoryUri: `${registry.host}/monitoring/datadog-agent`,
    });
    expect(p.problems.filter((x) => x.endsWith('[plan/missing-repository]'))).toHaveLength(problems);
    // Both services are still compared with what they run.
    expect(p.services.map((s) => [s.key, s.action])).toEqual([
      ['datadog-agent', 'register-and-update'],
      ['fluentd', 'register-and-update'],
    ]);
    expectNothingChanged();
  });

  test.each([
    [
      'its ECS service does not exist',
      (t: string) =>
        t.replace('  fluentd:\n    taskDefinition:', '  fluentd:\n    service: fluentd-gone\n    taskDefinition:'),
      'preflight/service-not-found',
    ],
    [
      'its SSM parameter does not exist',
      (t: string) => t.replace('ddapikey: /datadog/apikey', 'ddapikey: /fluentd/apikey'),
      'preflight/missing-parameter',
    ],
  ])('fluentd fails pre-flight (%s): datadog-agent is still planned', async (_name, edit, code) => {
    writeFileSync(CFG(), edit(original()).replace('createRepositories: false', 'createRepositories: true'));
    const p = await plan();
    const [agent, fluentd] = p.services;
    expect([agent?.key, agent?.action, agent?.reason]).toEqual([
      'datadog-agent',
      'register-and-update',
      'image datadog-agent will be built: a new task definition pins its digest',
    ]);
    expect(agent?.taskDefinitionDiff).toContain('datadog-agent:1');
    expect(agent?.liveTaskDefinitionArn).toMatch(/task-definition\/datadog-agent:1$/);
    expect([fluentd?.key, fluentd?.action]).toEqual(['fluentd', 'unknown']);
    expect(fluentd?.reason).toMatch(/^service fluentd: /);
    expect(p.problems).toEqual([expect.stringMatching(new RegExp(`^service fluentd: .*\\[${code}\\]$`))]);
    expectNothingChanged();
  });
});
