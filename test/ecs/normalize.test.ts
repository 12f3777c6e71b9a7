import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { normalizeTaskDefinition } from '../../src/ecs/normalize.js';
import { canonicalTaskDefinition, sameTaskDefinition } from '../../src/ecs/compare.js';
import { classifySecretRef, shortTaskDefinition, ssmParameterArn } from '../../src/ecs/arn.js';
import { FakeEcsState } from '../support/fake-aws/ecs.js';

const describeOutput = JSON.parse(
  readFileSync(new URL('../fixtures/ecs/datadog-agent.describe.json', import.meta.url), 'utf8'),
) as {
  taskDefinition: Record<string, unknown>;
  tags: unknown[];
};

describe('normalizeTaskDefinition', () => {
  test('describe output (defaults, read-only members, nulls) normalises to exact JSON', () => {
    expect(normalizeTaskDefinition({ ...describeOutput.taskDefinition, tags: describeOutput.tags })).toEqual({
      family: 'datadog-agent',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      tags: [{ key: 'team', value: 'sre' }],
      containerDefinitions: [
        {
          name: 'datadog-agent',
          image: '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/monitoring/datadog-agent:latest',
          essential: true,
          environment: [
            { name: 'DD_SITE', value: 'datadoghq.com' },
            { name: 'ECS_FARGATE', value: 'true' },
          ],
          secrets: [{ name: 'DD_API_KEY', valueFrom: '/datadog/old-apikey' }],
        },
        {
          name: 'log-router',
          image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
          essential: false,
          firelensConfiguration: { type: 'fluentbit' },
        },
      ],
    });
  });

  test.each<[string, unknown, unknown]>([
    [
      'essential defaults to true',
      { containerDefinitions: [{ name: 'a' }] },
      { containerDefinitions: [{ name: 'a', essential: true }] },
    ],
    [
      'container cpu 0 is the default',
      { containerDefinitions: [{ name: 'a', cpu: 0, essential: true }] },
      { containerDefinitions: [{ name: 'a' }] },
    ],
    ['task cpu/memory numbers are strings', { cpu: 256, memory: 512 }, { cpu: '256', memory: '512' }],
    [
      'container memory as a string is a number',
      { containerDefinitions: [{ name: 'a', memory: '512' }] },
      { containerDefinitions: [{ name: 'a', memory: 512 }] },
    ],
    ['networkMode defaults to bridge', {}, { networkMode: 'bridge' }],
    [
      'awsvpc: hostPort equals containerPort, protocol tcp',
      { networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', portMappings: [{ containerPort: 24224 }] }] },
      {
        networkMode: 'awsvpc',
        containerDefinitions: [
          { name: 'a', portMappings: [{ containerPort: 24224, hostPort: 24224, protocol: 'tcp' }] },
        ],
      },
    ],
    [
      'bridge: hostPort 0 means dynamic, same as absent',
      { containerDefinitions: [{ name: 'a', portMappings: [{ containerPort: 80, hostPort: 0 }] }] },
      { containerDefinitions: [{ name: 'a', portMappings: [{ containerPort: 80, protocol: 'tcp' }] }] },
    ],
    [
      'containers, environment and secrets in any order',
      {
        containerDefinitions: [
          { name: 'b' },
          {
            name: 'a',
            environment: [
              { name: 'Y', value: '1' },
              { name: 'X', value: '2' },
            ],
            secrets: [
              { name: 'S2', valueFrom: 'b' },
              { name: 'S1', valueFrom: 'a' },
            ],
          },
        ],
      },
      {
        containerDefinitions: [
          {
            name: 'a',
            secrets: [
              { name: 'S1', valueFrom: 'a' },
              { name: 'S2', valueFrom: 'b' },
            ],
            environment: [
              { name: 'X', value: '2' },
              { name: 'Y', value: '1' },
            ],
          },
          { name: 'b' },
        ],
      },
    ],
    [
      'empty lists and objects are absent',
      {
        volumes: [],
        placementConstraints: [],
        containerDefinitions: [{ name: 'a', mountPoints: [], dockerLabels: {} }],
      },
      { containerDefinitions: [{ name: 'a' }] },
    ],
    [
      'false boolean defaults',
      { containerDefinitions: [{ name: 'a', privileged: false, readonlyRootFilesystem: false }] },
      { containerDefinitions: [{ name: 'a' }] },
    ],
    [
      'health check defaults: interval 30, timeout 5, retries 3',
      { containerDefinitions: [{ name: 'a', healthCheck: { command: ['CMD', 'true'] } }] },
      {
        containerDefinitions: [
          { name: 'a', healthCheck: { command: ['CMD', 'true'], interval: 30, timeout: 5, retries: 3 } },
        ],
      },
    ],
    [
      'an environment entry without a value is the empty string',
      { containerDefinitions: [{ name: 'a', environment: [{ name: 'E' }] }] },
      { containerDefinitions: [{ name: 'a', environment: [{ name: 'E', value: '' }] }] },
    ],
    [
      'tags by key',
      {
        tags: [
          { key: 'b', value: '1' },
          { key: 'a', value: '2' },
        ],
      },
      {
        tags: [
          { key: 'a', value: '2' },
          { key: 'b', value: '1' },
        ],
      },
    ],
    ['read-only members are ignored', { revision: 3, status: 'ACTIVE', registeredAt: new Date(0) }, {}],
  ])('%s', (_name, a, b) => {
    expect(sameTaskDefinition({ family: 'f', ...(a as object) }, { family: 'f', ...(b as object) })).toBe(true);
  });

  test.each<[string, unknown, unknown]>([
    [
      'a different image',
      { containerDefinitions: [{ name: 'a', image: 'x@sha256:1' }] },
      { containerDefinitions: [{ name: 'a', image: 'x@sha256:2' }] },
    ],
    [
      'an environment value',
      { containerDefinitions: [{ name: 'a', environment: [{ name: 'E', value: '1' }] }] },
      { containerDefinitions: [{ name: 'a', environment: [{ name: 'E', value: '2' }] }] },
    ],
    [
      'an empty environment value is not an absent variable',
      { containerDefinitions: [{ name: 'a', environment: [{ name: 'E', value: '' }] }] },
      { containerDefinitions: [{ name: 'a' }] },
    ],
    [
      'essential false',
      { containerDefinitions: [{ name: 'a', essential: false }] },
      { containerDefinitions: [{ name: 'a' }] },
    ],
    [
      'a secret reference',
      { containerDefinitions: [{ name: 'a', secrets: [{ name: 'S', valueFrom: '/a' }] }] },
      { containerDefinitions: [{ name: 'a', secrets: [{ name: 'S', valueFrom: '/b' }] }] },
    ],
    ['a tag', { tags: [{ key: 'a', value: '1' }] }, {}],
    [
      'the execution role',
      { executionRoleArn: 'arn:aws:iam::1:role/a' },
      { executionRoleArn: 'arn:aws:iam::1:role/b' },
    ],
  ])('differs: %s', (_name, a, b) => {
    expect(sameTaskDefinition({ family: 'f', ...(a as object) }, { family: 'f', ...(b as object) })).toBe(false);
  });

  test('key order does not matter: canonical text is identical', () => {
    const a = { family: 'f', cpu: '256', containerDefinitions: [{ name: 'a', image: 'i', essential: true }] };
    const b = { containerDefinitions: [{ essential: true, image: 'i', name: 'a' }], cpu: '256', family: 'f' };
    expect(canonicalTaskDefinition(a)).toBe(canonicalTaskDefinition(b));
    expect(canonicalTaskDefinition(a)).toBe(
      '{"containerDefinitions":[{"essential":true,"image":"i","name":"a"}],"cpu":"256","family":"f","networkMode":"bridge"}',
    );
  });
});

// What ECS hands back from RegisterTaskDefinition + DescribeTaskDefinition must compare equal to
// what was registered, or every deploy would register again.
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const container = fc.record(
  {
    name,
    image: fc.constantFrom('r@sha256:' + 'a'.repeat(64), 'public.ecr.aws/x/y:1'),
    essential: fc.boolean(),
    cpu: fc.constantFrom(0, 128),
    memory: fc.constantFrom(256, 512),
    portMappings: fc.array(
      fc.record({ containerPort: fc.integer({ min: 1, max: 65535 }) }, { requiredKeys: ['containerPort'] }),
      { maxLength: 2 },
    ),
    environment: fc.uniqueArray(
      fc.record({ name: fc.stringMatching(/^[A-Z_]{1,6}$/), value: fc.string({ maxLength: 5 }) }),
      { selector: (e) => e.name, maxLength: 3 },
    ),
    secrets: fc.uniqueArray(
      fc.record({
        name: fc.stringMatching(/^[A-Z_]{1,6}$/),
        valueFrom: fc.constantFrom('/a', 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/b'),
      }),
      { selector: (e) => e.name, maxLength: 2 },
    ),
    healthCheck: fc.record(
      { command: fc.constant(['CMD', 'true']), retries: fc.constantFrom(2, 3) },
      { requiredKeys: ['command'] },
    ),
  },
  { requiredKeys: ['name', 'image'] },
);
const taskDefinition = fc.record(
  {
    family: name,
    networkMode: fc.constantFrom('awsvpc', 'bridge', undefined),
    cpu: fc.constantFrom('256', '512'),
    memory: fc.constantFrom('512', '1024'),
    executionRoleArn: fc.constant('arn:aws:iam::123456789012:role/exec'),
    containerDefinitions: fc.uniqueArray(container, { selector: (c) => c.name, minLength: 1, maxLength: 3 }),
    tags: fc.array(fc.record({ key: name, value: fc.string({ maxLength: 3 }) }), { maxLength: 2 }),
  },
  { requiredKeys: ['family', 'containerDefinitions'] },
);

test('property: a registered task definition, as the fake describes it, compares equal to its input', () => {
  fc.assert(
    fc.property(taskDefinition, (input) => {
      const clean = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
      const state = new FakeEcsState();
      const rev = state.register(clean);
      expect(sameTaskDefinition({ ...rev.def, tags: rev.tags }, clean)).toBe(true);
    }),
    { numRuns: 300 },
  );
});

describe('arn helpers', () => {
  test.each([
    ['/datadog/apikey', 'ssm-name'],
    ['apikey', 'ssm-name'],
    ['arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey', 'ssm-arn'],
    ['arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf', 'secretsmanager-arn'],
    ['arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf:password:AWSCURRENT:', 'secretsmanager-arn'],
    ['datadog/apikey', 'invalid'],
    ['/datadog//apikey', 'invalid'],
    ['/has space', 'invalid'],
    [' /lead', 'invalid'],
    ['', 'invalid'],
    ['arn:aws:ssm:ap-northeast-1:123456789012:document/x', 'invalid'],
    ['arn:aws:iam::123456789012:role/x', 'invalid'],
  ])('%j is %s', (ref, kind) => {
    expect(classifySecretRef(ref).kind).toBe(kind);
  });

  test('ssmParameterArn never doubles the slash; shortTaskDefinition keeps family:revision', () => {
    expect(ssmParameterArn('/a/b', 'us-gov-west-1', '123456789012')).toBe(
      'arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/a/b',
    );
    expect(shortTaskDefinition('arn:aws:ecs:ap-northeast-1:123456789012:task-definition/fluentd:12')).toBe(
      'fluentd:12',
    );
    expect(shortTaskDefinition('fluentd:12')).toBe('fluentd:12');
  });
});
