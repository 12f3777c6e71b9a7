/**
 * makePlan is a pure function of the files (`PlanInput`) and the gathered live state (`LiveState`):
 * no clients, no network, the same plan for the same inputs. Live state here is written by hand,
 * in the shape src/plan-project.ts gathers from ECR, ECS, SSM and STS.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderServiceTaskDefinition } from '../../src/ecs/index.js';
import type { ServiceLiveState } from '../../src/ecs/index.js';
import { contentTag } from '../../src/images/index.js';
import { makePlan, OFFLINE_ACCOUNT, type PlanInput, renderedTaskDefinitions } from '../../src/plan/index.js';
import type { LiveState } from '../../src/plan/types.js';
import { prepare } from '../../src/plan/prepare.js';
import { EXAMPLE } from '../support/example-env.js';

const ACCOUNT = '210987654321';
const REGION = 'ap-northeast-1';
const DIGEST = `sha256:${'b'.repeat(64)}`;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The example, with edits to its project file and templates. */
function example(
  edit: (read: (f: string) => string, write: (f: string, t: string) => void) => void = () => {},
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-makeplan-'));
  dirs.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  edit(
    (f) => readFileSync(path.join(dir, f), 'utf8'),
    (f, t) => writeFileSync(path.join(dir, f), t),
  );
  return path.join(dir, 'dd-ecs-monitor.yml');
}

async function input(configPath: string, over: Partial<PlanInput> = {}): Promise<PlanInput> {
  return {
    prepared: await prepare({ configPath, changed: { kind: 'all', reason: 'test' } }),
    changed: { kind: 'all', reason: 'test' },
    ...over,
  };
}

/** What a service running the rendered task definition (as registered) looks like to the gatherer. */
function running(key: string, td: unknown, rev = 3): ServiceLiveState {
  const arn = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${key}:${rev}`;
  return {
    lookup: {
      ok: true,
      service: { serviceName: key, status: 'ACTIVE', taskDefinition: arn, deploymentController: { type: 'ECS' } },
    },
    running: {
      arn,
      definition: { ...(td as object), taskDefinitionArn: arn, revision: rev, status: 'ACTIVE', tags: [] },
    },
  };
}

/** Live state in which both images are in ECR and both services already run exactly what would be rendered. */
function liveFor(inp: PlanInput, over: (l: LiveState) => void = () => {}): LiveState {
  const live: LiveState = {
    region: REGION,
    accountId: ACCOUNT,
    images: {},
    ecs: { services: {}, missingParameters: [] },
  };
  for (const img of inp.prepared.images) {
    const uri = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${img.spec.repository}`;
    live.images[img.spec.key] = {
      repository: { name: img.spec.repository, uri, registryId: ACCOUNT, tagMutability: 'IMMUTABLE' },
      image: { digest: DIGEST, tags: [contentTag(img.spec.contentHash)] },
    };
  }
  const refs = Object.fromEntries(Object.entries(live.images).map(([k, v]) => [k, `${v.repository?.uri}@${DIGEST}`]));
  for (const svc of inp.prepared.services) {
    const template = inp.prepared.validation.taskDefs.get(svc.key);
    const td = renderServiceTaskDefinition({
      service: svc,
      template,
      images: refs,
      region: REGION,
      accountId: ACCOUNT,
    }).input;
    live.ecs.services[svc.key] = running(svc.key, td);
  }
  over(live);
  return live;
}

let base: PlanInput;
beforeAll(async () => {
  base = await input(example());
});

describe('makePlan is pure', () => {
  test('same files and live state -> the same plan, twice; it takes no clients and returns plain data', () => {
    const live = liveFor(base);
    const a = makePlan(base, live);
    const b = makePlan(base, live);
    expect(JSON.parse(JSON.stringify(b))).toEqual(JSON.parse(JSON.stringify(a)));
    expect(makePlan.length).toBe(2);
    // Nothing in what it was given can reach AWS: no object with a `send` method.
    const hasSend = (v: unknown, seen = new Set<unknown>()): boolean => {
      if (typeof v !== 'object' || v === null || seen.has(v)) return false;
      seen.add(v);
      return typeof (v as { send?: unknown }).send === 'function' || Object.values(v).some((x) => hasSend(x, seen));
    };
    expect(hasSend(base) || hasSend(live)).toBe(false);
    expect(a.services.map((s) => [s.key, s.action])).toEqual([
      ['datadog-agent', 'none'],
      ['fluentd', 'none'],
    ]);
    expect(a.problems).toEqual([]);
  });
});

describe('live plan from gathered state (issue 9 item 3)', () => {
  test.each([
    [
      'missing repository, createRepositories false: a plan line and a problem, not a crash',
      false,
      'missing',
      'ECR repository "monitoring/fluentd" is missing: create it or set deploy.createRepositories: true',
      [
        'image fluentd: ECR repository "monitoring/fluentd" is missing: create it or set deploy.createRepositories: true [plan/missing-repository]',
      ],
    ],
    [
      'missing repository, createRepositories true: it will be created',
      true,
      'will-be-created',
      expect.stringMatching(
        /^ECR repository "monitoring\/fluentd" will be created \(deploy\.createRepositories\), then content-[0-9a-f]{32} built and pushed/,
      ),
      [],
    ],
  ])('%s', async (_name, create, state, reason, problems) => {
    const cfg = example((read, write) =>
      write(
        'dd-ecs-monitor.yml',
        read('dd-ecs-monitor.yml').replace('createRepositories: false', `createRepositories: ${create}`),
      ),
    );
    const inp = await input(cfg);
    const plan = makePlan(
      inp,
      liveFor(inp, (l) => (l.images.fluentd = { repository: undefined, image: undefined })),
    );
    const fluentd = plan.images.find((i) => i.key === 'fluentd');
    expect([fluentd?.action, fluentd?.repositoryState, fluentd?.reason]).toEqual(['build', state, reason]);
    expect(plan.images.find((i) => i.key === 'datadog-agent')?.repositoryState).toBe('exists');
    expect(plan.problems).toEqual(problems);
    // The image will be built: the fluentd service gets a new task definition.
    expect(plan.services.find((s) => s.key === 'fluentd')?.action).toBe('register-and-update');
  });

  test.each([
    [
      'the ECS service does not exist',
      (l: LiveState) => (l.ecs.services.fluentd = { lookup: { ok: false, reason: 'MISSING' } }),
      'preflight/service-not-found',
    ],
    [
      'its SSM parameter does not exist',
      (l: LiveState) => void l.ecs.missingParameters.push(`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/fluentd/apikey`),
      'preflight/missing-parameter',
    ],
  ])('one service failing pre-flight (%s) does not blank the plan of the other', async (_name, breakIt, code) => {
    const cfg = example((read, write) =>
      write(
        'dd-ecs-monitor.yml',
        read('dd-ecs-monitor.yml').replace('ddapikey: /datadog/apikey', 'ddapikey: /fluentd/apikey'),
      ),
    );
    const inp = await input(cfg);
    const live = liveFor(inp, breakIt);
    // datadog-agent runs an older revision: it must still be compared and shown.
    const agent = live.ecs.services['datadog-agent'] as ServiceLiveState;
    const old = structuredClone(agent.running?.definition) as { containerDefinitions: Array<{ image: string }> };
    (old.containerDefinitions[0] as { image: string }).image =
      `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/monitoring/datadog-agent@sha256:${'1'.repeat(64)}`;
    live.ecs.services['datadog-agent'] = running('datadog-agent', old, 2);
    const plan = makePlan(inp, live);
    const [a, f] = plan.services;
    expect([a?.key, a?.action, a?.reason]).toEqual([
      'datadog-agent',
      'register-and-update',
      'the rendered task definition differs from the live one',
    ]);
    expect(a?.taskDefinitionDiff).toContain(
      `+      "image": "${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/monitoring/datadog-agent@${DIGEST}",`,
    );
    expect(a?.liveTaskDefinitionArn).toBe(`arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/datadog-agent:2`);
    expect([f?.key, f?.action]).toEqual(['fluentd', 'unknown']);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatch(new RegExp(`^service fluentd: .* \\[${code}\\]$`));
  });
});

describe('offline placeholders (issue 9 item 3)', () => {
  const roleless = (read: (f: string) => string, write: (f: string, t: string) => void): void => {
    for (const f of ['ecs/datadog-agent.taskdef.json', 'ecs/fluentd.taskdef.json']) {
      const td = JSON.parse(read(f));
      delete td.executionRoleArn;
      delete td.taskRoleArn;
      write(f, JSON.stringify(td, null, 2));
    }
  };
  test.each([
    [
      'project region and template account',
      undefined,
      'ap-northeast-1',
      '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com',
      'arn:aws:ssm:ap-northeast-1:123456789012:',
    ],
    [
      'no account in the templates',
      roleless,
      'ap-northeast-1',
      'ACCOUNT.dkr.ecr.ap-northeast-1.amazonaws.com',
      `arn:aws:ssm:ap-northeast-1:${OFFLINE_ACCOUNT}:`,
    ],
    [
      'no region known',
      undefined,
      undefined,
      '123456789012.dkr.ecr.REGION.amazonaws.com',
      'arn:aws:ssm:REGION:123456789012:',
    ],
  ])('%s', async (_name, edit, region, registry, ssmArn) => {
    const inp = await input(example(edit), region ? { region } : {});
    const plan = makePlan(inp);
    const tds = renderedTaskDefinitions(inp);
    const agent = tds['datadog-agent'] as {
      containerDefinitions: Array<{ image: string; secrets: Array<{ valueFrom: string }> }>;
    };
    expect(agent.containerDefinitions[0]?.image.startsWith(`${registry}/monitoring/datadog-agent@sha256:`)).toBe(true);
    expect(agent.containerDefinitions[0]?.secrets[0]?.valueFrom.startsWith(ssmArn)).toBe(true);
    expect(plan.images.map((i) => i.repositoryUri)).toEqual([
      `${registry}/monitoring/datadog-agent`,
      `${registry}/monitoring/fluentd`,
    ]);
    expect(plan.services.every((s) => s.taskDefinition !== undefined)).toBe(true);
  });
});

describe('the rendered task definitions (issue 9 item 4)', () => {
  test('plan JSON carries each one masked as every printed output; renderedTaskDefinitions is what would be registered', async () => {
    const cfg = example((read, write) => {
      const td = JSON.parse(read('ecs/fluentd.taskdef.json'));
      td.containerDefinitions[0].environment = [
        { name: 'FORWARD_SHARED_KEY', value: 'fake-shared-key-0000' },
        { name: 'LOG_LEVEL', value: 'info' },
      ];
      write('ecs/fluentd.taskdef.json', JSON.stringify(td, null, 2));
    });
    const inp = await input(cfg);
    const live = liveFor(inp);
    const plan = makePlan(inp, live);
    const shown = plan.services.find((s) => s.key === 'fluentd')?.taskDefinition as {
      containerDefinitions: Array<{ environment: unknown }>;
    };
    expect(shown.containerDefinitions[0]?.environment).toEqual([
      { name: 'FORWARD_SHARED_KEY', value: '***' },
      { name: 'LOG_LEVEL', value: 'info' },
    ]);
    expect(JSON.stringify(plan)).not.toContain('fake-shared-key-0000');
    const exact = renderedTaskDefinitions(inp, live).fluentd as {
      containerDefinitions: Array<{ environment: unknown; image: string }>;
    };
    expect(exact.containerDefinitions[0]?.environment).toEqual([
      { name: 'FORWARD_SHARED_KEY', value: 'fake-shared-key-0000' },
      { name: 'LOG_LEVEL', value: 'info' },
    ]);
    expect(exact.containerDefinitions[0]?.image).toBe(
      `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/monitoring/fluentd@${DIGEST}`,
    );
    // Apart from the masked value, the plan shows exactly what would be registered.
    expect({ ...shown, containerDefinitions: undefined }).toEqual({ ...exact, containerDefinitions: undefined });
  });
});
