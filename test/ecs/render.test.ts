import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { renderTaskDefinition, type RenderInput } from '../../src/ecs/render.js';
import { renderServiceTaskDefinition } from '../../src/ecs/render-service.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/ecs/${name}`, import.meta.url), 'utf8'));
const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;
const REPO = '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/monitoring';
const base = { region: 'ap-northeast-1', accountId: '123456789012' };

describe('renderTaskDefinition: a Fargate template', () => {
  test('pins the image by digest, turns SSM names into full ARNs, merges environment, cpu/memory as strings', () => {
    const r = renderTaskDefinition({
      ...base,
      template: fixture('fluentd.taskdef.json'),
      containers: { fluentd: `${REPO}/fluentd@${D1}` },
      secrets: { ddapikey: '/datadog/apikey' },
      environment: { FLUENTD_OPT: '-q', DD_SITE: 'datadoghq.com' },
    });
    expect(r.problems).toEqual([]);
    expect(r.input).toEqual({
      family: 'fluentd-aggregator',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [
        {
          name: 'fluentd',
          image: `${REPO}/fluentd@${D1}`,
          portMappings: [{ containerPort: 24224 }],
          environment: [
            { name: 'FLUENTD_OPT', value: '-q' },
            { name: 'DD_SITE', value: 'datadoghq.com' },
          ],
          secrets: [
            { name: 'ddapikey', valueFrom: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey' },
          ],
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': '/ecs/fluentd',
              'awslogs-region': 'ap-northeast-1',
              'awslogs-stream-prefix': 'fluentd',
            },
          },
        },
      ],
    });
  });

  test('does not modify the template it was given', () => {
    const template = fixture('fluentd.taskdef.json');
    const before = JSON.stringify(template);
    renderTaskDefinition({ ...base, template, containers: { fluentd: `${REPO}/fluentd@${D1}` }, secrets: { K: '/k' } });
    expect(JSON.stringify(template)).toBe(before);
  });
});

describe('renderTaskDefinition: pasted describe output', () => {
  const r = renderTaskDefinition({
    ...base,
    template: fixture('datadog-agent.describe.json'),
    containers: { 'datadog-agent': `${REPO}/datadog-agent@${D2}` },
    secrets: { DD_API_KEY: '/datadog/apikey' },
  });

  test('strips the read-only members with a notice each, keeps the tags of the wrapper', () => {
    expect(r.problems.map((p) => [p.severity, p.code, p.pointer])).toEqual([
      ['notice', 'render/read-only-field', '/taskDefinitionArn'],
      ['notice', 'render/read-only-field', '/revision'],
      ['notice', 'render/read-only-field', '/status'],
      ['notice', 'render/read-only-field', '/requiresAttributes'],
      ['notice', 'render/read-only-field', '/compatibilities'],
      ['notice', 'render/read-only-field', '/registeredAt'],
      ['notice', 'render/read-only-field', '/registeredBy'],
    ]);
    expect(Object.keys(r.input ?? {}).sort()).toEqual([
      'containerDefinitions',
      'cpu',
      'executionRoleArn',
      'family',
      'memory',
      'networkMode',
      'placementConstraints',
      'requiresCompatibilities',
      'tags',
      'volumes',
    ]);
    expect(r.input?.tags).toEqual([{ key: 'team', value: 'sre' }]);
  });

  test('the project secret replaces the template one with the same name; the unmapped sidecar is untouched', () => {
    const [agent, router] = r.input?.containerDefinitions ?? [];
    expect(agent?.secrets).toEqual([
      { name: 'DD_API_KEY', valueFrom: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey' },
    ]);
    expect(agent?.image).toBe(`${REPO}/datadog-agent@${D2}`);
    expect(agent).not.toHaveProperty('linuxParameters');
    expect(router).toEqual({
      name: 'log-router',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
      cpu: 0,
      essential: false,
      firelensConfiguration: { type: 'fluentbit' },
    });
  });
});

const template = {
  family: 'fam',
  containerDefinitions: [
    { name: 'fluentd', image: 'x' },
    { name: 'datadog-agent', image: 'y' },
  ],
};

describe('renderTaskDefinition: problems', () => {
  test.each<[string, Partial<RenderInput>, Array<[string, string, string, string]>]>([
    [
      'an unknown container lists the ones that exist, with a did-you-mean',
      { containers: { fluend: `r@${D1}` } },
      [
        [
          'error',
          'render/unknown-container',
          '/containerDefinitions',
          'the image mapping names container "fluend", but the template\'s containers are "fluentd", "datadog-agent" (did you mean "fluentd"?)',
        ],
      ],
    ],
    [
      'a mutable tag is refused: deploys are pinned by digest',
      { containers: { fluentd: 'repo/fluentd:latest' } },
      [
        [
          'error',
          'render/image-not-pinned',
          '/containerDefinitions/0/image',
          'the image for container "fluentd" must be pinned by digest (<repository>@sha256:<64 hex>), not "repo/fluentd:latest"',
        ],
      ],
    ],
    [
      'a relative SSM path is neither an SSM name nor a Secrets Manager ARN',
      { containers: { fluentd: `r@${D1}` }, secrets: { K: 'datadog/apikey' } },
      [
        [
          'error',
          'render/invalid-secret-ref',
          '/containerDefinitions',
          'secret K: "datadog/apikey" is not usable as valueFrom: an SSM parameter path begins with "/" (write "/datadog/apikey"); a Secrets Manager secret needs its full ARN',
        ],
      ],
    ],
    [
      'an ARN of another service',
      { containers: { fluentd: `r@${D1}` }, secrets: { K: 'arn:aws:s3:::bucket/key' } },
      [
        [
          'error',
          'render/invalid-secret-ref',
          '/containerDefinitions',
          'secret K: "arn:aws:s3:::bucket/key" is not usable as valueFrom: ECS secrets come from SSM parameters (arn:...:ssm:<region>:<account>:parameter/<name>) or Secrets Manager secrets (arn:...:secretsmanager:<region>:<account>:secret:<name>), not from an "s3" ARN',
        ],
      ],
    ],
    [
      'a plain environment value under a secret name',
      { containers: { fluentd: `r@${D1}` }, secrets: { DD_API_KEY: '/k' }, environment: { DD_API_KEY: 'abc' } },
      [
        [
          'error',
          'render/secret-and-environment',
          '/containerDefinitions/0/environment',
          'container "fluentd" sets DD_API_KEY both in "environment" and in "secrets"; remove the plain value',
        ],
      ],
    ],
    [
      'secrets with no container to receive them',
      { secrets: { K: '/k' } },
      [
        [
          'error',
          'render/no-target-container',
          '/containerDefinitions',
          'secrets and environment go only to the containers that run an image built here, and this service maps none: map one in the project file (services.<key>.containers: {CONTAINER: IMAGE_KEY})',
        ],
      ],
    ],
  ])('%s', (_name, over, expected) => {
    const r = renderTaskDefinition({ ...base, template, containers: {}, ...over });
    expect(r.problems.map((p) => [p.severity, p.code, p.pointer, p.message])).toEqual(expected);
    expect(r.input).toBeUndefined();
  });

  test.each<[string, unknown, Array<[string, string, string]>]>([
    ['not an object', [1, 2], [['error', 'render/invalid-template', '']]],
    [
      'no family, no containers',
      {},
      [
        ['error', 'render/invalid-template', '/family'],
        ['error', 'render/invalid-template', '/containerDefinitions'],
      ],
    ],
    [
      'a container without a name',
      { family: 'f', containerDefinitions: [{ image: 'x' }] },
      [['error', 'render/invalid-template', '/containerDefinitions/0']],
    ],
    [
      'an unknown member is a warning with a did-you-mean, and is dropped',
      { family: 'f', containerDefinitons: [], containerDefinitions: [{ name: 'a', image: 'x' }] },
      [['warning', 'render/unknown-field', '/containerDefinitons']],
    ],
  ])('template: %s', (_name, t, expected) => {
    const r = renderTaskDefinition({ ...base, template: t, containers: {} });
    expect(r.problems.map((p) => [p.severity, p.code, p.pointer])).toEqual(expected);
  });

  test('the unknown-member warning names the near miss', () => {
    const r = renderTaskDefinition({
      ...base,
      template: { family: 'f', excutionRoleArn: 'r', containerDefinitions: [{ name: 'a', image: 'x' }] },
      containers: {},
    });
    expect(r.problems[0]?.message).toBe(
      '"excutionRoleArn" is not a task definition field and is ignored (did you mean "executionRoleArn"?)',
    );
    expect(r.input).toEqual({ family: 'f', containerDefinitions: [{ name: 'a', image: 'x' }] });
  });
});

describe('renderTaskDefinition: secrets', () => {
  test.each([
    ['/datadog/apikey', 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey'],
    ['apikey', 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/apikey'],
    [
      'arn:aws:ssm:us-east-1:210987654321:parameter/shared/key',
      'arn:aws:ssm:us-east-1:210987654321:parameter/shared/key',
    ],
    [
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:mysql-AbCdEf:password::',
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:mysql-AbCdEf:password::',
    ],
  ])('%s -> %s', (ref, valueFrom) => {
    const r = renderTaskDefinition({ ...base, template, containers: { fluentd: `r@${D1}` }, secrets: { S: ref } });
    expect(r.input?.containerDefinitions?.[0]?.secrets).toEqual([{ name: 'S', valueFrom }]);
    // Only the mapped containers receive secrets.
    expect(r.input?.containerDefinitions?.[1]).toEqual({ name: 'datadog-agent', image: 'y' });
  });

  test('China regions use the aws-cn partition', () => {
    const r = renderTaskDefinition({
      ...base,
      region: 'cn-north-1',
      template,
      containers: { fluentd: `r@${D1}` },
      secrets: { S: '/k' },
    });
    expect(r.input?.containerDefinitions?.[0]?.secrets).toEqual([
      { name: 'S', valueFrom: 'arn:aws-cn:ssm:cn-north-1:123456789012:parameter/k' },
    ]);
  });

  test('secretsTo sends secrets to a container that is not built here (a log router)', () => {
    const r = renderTaskDefinition({
      ...base,
      template,
      containers: { fluentd: `r@${D1}` },
      secrets: { S: '/k' },
      secretsTo: ['datadog-agent'],
    });
    expect(r.input?.containerDefinitions?.map((c) => c.secrets)).toEqual([
      undefined,
      [{ name: 'S', valueFrom: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/k' }],
    ]);
  });
});

describe('renderServiceTaskDefinition', () => {
  test('maps container -> image key -> digest, and names an image without a digest', () => {
    const ok = renderServiceTaskDefinition({
      ...base,
      service: {
        key: 'agent',
        containers: { 'datadog-agent': 'agent-image' },
        secrets: {},
        environment: { DD_SITE: 'datadoghq.eu' },
      },
      template,
      images: { 'agent-image': `r@${D2}` },
    });
    expect(ok.input?.containerDefinitions?.[1]).toEqual({
      name: 'datadog-agent',
      image: `r@${D2}`,
      environment: [{ name: 'DD_SITE', value: 'datadoghq.eu' }],
    });
    const missing = renderServiceTaskDefinition({
      ...base,
      service: { key: 'agent', containers: { fluentd: 'fluentd' }, secrets: {}, environment: {} },
      template,
      images: {},
    });
    expect(missing.input).toBeUndefined();
    expect(missing.problems.map((p) => [p.code, p.message])).toEqual([
      ['render/missing-image', 'container "fluentd" uses image "fluentd", which has no built digest'],
    ]);
  });
});

test('property: any JSON value as a template gives problems or an input, never a throw', () => {
  fc.assert(
    fc.property(
      fc.jsonValue({ maxDepth: 6 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
      (t, secrets) => {
        const r = renderTaskDefinition({ ...base, template: t, containers: { a: `r@${D1}` }, secrets });
        expect(r.input !== undefined || r.problems.some((p) => p.severity === 'error')).toBe(true);
      },
    ),
    { numRuns: 300 },
  );
});

test('a 10,000-deep template is rendered in bounded time without a stack overflow', () => {
  let deep: unknown = {};
  for (let i = 0; i < 10_000; i++) deep = { x: deep };
  const t0 = Date.now();
  const r = renderTaskDefinition({
    ...base,
    template: { family: 'f', containerDefinitions: [{ name: 'a', image: 'x', dockerLabels: deep }] },
    containers: {},
  });
  expect(Date.now() - t0).toBeLessThan(10_000); // a guard against a hang, not a speed claim
  expect(r.input).toBeUndefined();
  expect(r.problems.map((p) => [p.code, p.message])).toEqual([
    [
      'render/invalid-template',
      'the task definition template is nested more than 64 levels deep; a task definition is a few levels deep',
    ],
  ]);
});
