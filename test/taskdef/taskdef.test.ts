/**
 * Task definition checks: the RegisterTaskDefinition shape, Fargate rules, secrets, plain-text
 * keys, image placeholders against the project's mapping, encodings and pasted describe output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { decode, sourceFromText } from '../../src/checks/source.js';
import { checkTaskDefinition, containerEnv, parseTaskDefinition } from '../../src/checks/taskdef/index.js';
import type { ServiceConfig } from '../../src/project/types.js';
import { classifySecretRef, ssmParameterArn } from '../../src/ecs/arn.js';

const SERVICE: ServiceConfig = {
  key: 'fluentd',
  service: 'fluentd',
  cluster: 'monitoring',
  taskDefinition: 'ecs/fluentd.taskdef.json',
  containers: { fluentd: 'fluentd' },
  secrets: { ddapikey: '/datadog/apikey' },
  environment: {},
};

/** A valid Fargate task definition as JSON lines, so a case can patch one line and know its number. */
function base(overrides: { top?: string[]; container?: string[] } = {}): string {
  return [
    '{',
    '  "family": "fluentd",',
    '  "requiresCompatibilities": ["FARGATE"],',
    '  "networkMode": "awsvpc",',
    '  "cpu": "512",',
    '  "memory": "1024",',
    '  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",',
    ...(overrides.top ?? []),
    '  "containerDefinitions": [',
    '    {',
    ...(overrides.container ?? []),
    '      "name": "fluentd",',
    '      "image": "<fluentd>"',
    '    }',
    '  ]',
    '}',
  ].join('\n');
}

const check = (text: string, opts: { service?: ServiceConfig; file?: string } = {}) =>
  checkTaskDefinition(
    sourceFromText(opts.file ?? 'td.json', text),
    opts.service ? { service: opts.service } : {},
  ).findings.map((f) => [f.code, f.severity, f.line, f.column]);

describe('clean inputs', () => {
  test('the base template with its service is clean', () => {
    expect(check(base(), { service: SERVICE })).toEqual([]);
  });
});

describe('rules (exact code, line, column)', () => {
  test.each<[string, string, Array<[string, string, number, number]>]>([
    ['unknown top-level key', base({ top: ['  "famliy": "x",'] }), [['taskdef/unknown-key', 'warning', 8, 3]]],
    [
      'unknown container key',
      base({ container: ['      "enviroment": [],'] }),
      [['taskdef/unknown-key', 'warning', 10, 7]],
    ],
    ['wrong type', base({ container: ['      "essential": "yes",'] }), [['taskdef/wrong-type', 'error', 10, 20]]],
    ['integer as a string', base({ container: ['      "memory": "512",'] }), [['taskdef/wrong-type', 'error', 10, 17]]],
    ['enum value', base({ top: ['  "pidMode": "Task",'] }), [['taskdef/invalid-value', 'error', 8, 14]]],
    [
      'network mode on Fargate',
      base().replace('"awsvpc"', '"bridge"'),
      [['taskdef/fargate-network-mode', 'error', 4, 18]],
    ],
    [
      'Fargate size pair',
      base().replace('"memory": "1024"', '"memory": "8192"'),
      [['taskdef/fargate-size', 'error', 6, 13]],
    ],
    [
      'Fargate size in vCPU and GB',
      base().replace('"cpu": "512"', '"cpu": "1 vCPU"').replace('"memory": "1024"', '"memory": "2 GB"'),
      [],
    ],
    ['unreadable cpu', base().replace('"cpu": "512"', '"cpu": "half"'), [['taskdef/invalid-size', 'error', 5, 10]]],
    ['read-only describe member', base({ top: ['  "revision": 3,'] }), [['taskdef/read-only-field', 'notice', 8, 3]]],
    ['duplicate key', base({ top: ['  "cpu": "512",'] }), [['taskdef/duplicate-key', 'warning', 8, 3]]],
    [
      'invalid family',
      base().replace('"family": "fluentd"', '"family": "a;rm -rf /"'),
      [['taskdef/invalid-name', 'error', 2, 13]],
    ],
    [
      'invalid execution role',
      base().replace('arn:aws:iam::123456789012:role/ecsTaskExecutionRole', 'ecsTaskExecutionRole'),
      [['taskdef/invalid-role-arn', 'error', 7, 23]],
    ],
    [
      'awsvpc host port',
      base({ container: ['      "portMappings": [{ "containerPort": 24224, "hostPort": 80 }],'] }),
      [['taskdef/awsvpc-host-port', 'error', 10, 62]],
    ],
    ['awsvpc links', base({ container: ['      "links": ["db"],'] }), [['taskdef/awsvpc-links', 'error', 10, 7]]],
    [
      'Fargate log driver',
      base({ container: ['      "logConfiguration": { "logDriver": "json-file" },'] }),
      [['taskdef/fargate-log-driver', 'error', 10, 42]],
    ],
    [
      'privileged on Fargate',
      base({ container: ['      "privileged": true,'] }),
      [['taskdef/fargate-unsupported', 'error', 10, 7]],
    ],
    [
      'no essential container',
      base({ container: ['      "essential": false,'] }),
      [['taskdef/no-essential-container', 'error', 8, 27]],
    ],
    [
      'dependsOn an unknown container',
      base({ container: ['      "dependsOn": [{ "containerName": "fluent", "condition": "START" }],'] }),
      [['taskdef/unknown-container', 'error', 10, 40]],
    ],
    [
      'mount of an unknown volume',
      base({ container: ['      "mountPoints": [{ "sourceVolume": "buf", "containerPath": "/b" }],'] }),
      [['taskdef/unknown-volume', 'error', 10, 41]],
    ],
    [
      'container memory above the task',
      base({ container: ['      "memory": 2048,'] }),
      [['taskdef/container-size', 'error', 10, 17]],
    ],
    [
      'DD_API_KEY in plain sight',
      base({ container: ['      "environment": [{ "name": "DD_API_KEY", "value": "abc" }],'] }),
      [['taskdef/secret-in-environment', 'error', 10, 56]],
    ],
    [
      'a 32-hex value in plain sight',
      base({ container: ['      "environment": [{ "name": "KEY_X", "value": "0123456789abcdef0123456789abcdef" }],'] }),
      [['taskdef/secret-in-environment', 'error', 10, 51]],
    ],
    [
      'a credential-like name',
      base({ container: ['      "environment": [{ "name": "DB_PASSWORD", "value": "hunter2" }],'] }),
      [['taskdef/secret-like-environment', 'warning', 10, 57]],
    ],
    [
      'a reference is not a secret',
      base({ container: ['      "environment": [{ "name": "DB_PASSWORD", "value": "ENC[db]" }],'] }),
      [],
    ],
    [
      'same name as secret and environment',
      base({
        container: [
          '      "environment": [{ "name": "X", "value": "1" }],',
          '      "secrets": [{ "name": "X", "valueFrom": "/x" }],',
        ],
      }),
      [['taskdef/secret-and-environment', 'error', 10, 33]],
    ],
    [
      'duplicate environment name',
      base({ container: ['      "environment": [{ "name": "X", "value": "1" }, { "name": "X", "value": "2" }],'] }),
      [['taskdef/duplicate-env', 'warning', 10, 64]],
    ],
    [
      'secret valueFrom with a double slash',
      base({
        container: [
          '      "secrets": [{ "name": "K", "valueFrom": "arn:aws:ssm:ap-northeast-1:123456789012:parameter//datadog/apikey" }],',
        ],
      }),
      [['taskdef/secret-value-from', 'error', 10, 47]],
    ],
    [
      'Secrets Manager ARN with json-key',
      base({
        container: [
          '      "secrets": [{ "name": "K", "valueFrom": "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:dd-AbCdEf:api_key::" }],',
        ],
      }),
      [],
    ],
    [
      'Secrets Manager ARN with a partial suffix',
      base({
        container: [
          '      "secrets": [{ "name": "K", "valueFrom": "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:dd-AbCdEf:api_key" }],',
        ],
      }),
      [['taskdef/secret-value-from', 'error', 10, 47]],
    ],
    [
      'secret from S3',
      base({ container: ['      "secrets": [{ "name": "K", "valueFrom": "arn:aws:s3:::bucket/key" }],'] }),
      [['taskdef/secret-value-from', 'error', 10, 47]],
    ],
    [
      'relative SSM path',
      base({ container: ['      "secrets": [{ "name": "K", "valueFrom": "datadog/apikey" }],'] }),
      [['taskdef/secret-value-from', 'error', 10, 47]],
    ],
    [
      'secrets without an execution role',
      base({ container: ['      "secrets": [{ "name": "K", "valueFrom": "/k" }],'] }).replace(
        '  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",\n',
        '',
      ),
      [['taskdef/execution-role-missing', 'error', 1, 1]],
    ],
    [
      'no requiresCompatibilities',
      base().replace('  "requiresCompatibilities": ["FARGATE"],\n', ''),
      [['taskdef/no-requires-compatibilities', 'error', 1, 1]],
    ],
    [
      'no containers',
      '{"family": "x", "containerDefinitions": []}',
      [
        ['taskdef/no-requires-compatibilities', 'error', 1, 1],
        ['taskdef/missing-field', 'error', 1, 41],
      ],
    ],
    [
      'missing family',
      '{"requiresCompatibilities": ["EC2"], "containerDefinitions": [{"name": "a", "image": "busybox", "memory": 64}]}',
      [['taskdef/missing-field', 'error', 1, 1]],
    ],
    [
      'required member blanked by a later duplicate (the last one is registered)',
      '{"family": "x", "family": null, "requiresCompatibilities": ["EC2"], "containerDefinitions": [{"name": "a", "image": "busybox", "memory": 64}]}',
      [
        ['taskdef/duplicate-key', 'warning', 1, 17],
        ['taskdef/missing-field', 'error', 1, 1],
      ],
    ],
    [
      'EC2 container without memory',
      '{"family": "x", "requiresCompatibilities": ["EC2"], "containerDefinitions": [{"name": "a", "image": "busybox"}]}',
      [['taskdef/container-size', 'error', 1, 87]],
    ],
    ['not an object', '[1, 2]', [['taskdef/not-an-object', 'error', 1, 1]]],
    ['syntax error', '{"family": "x",}', [['json/syntax', 'error', 1, 15]]],
  ])('%s', (_name, text, expected) => {
    expect(check(text)).toEqual(expected);
  });
});

describe('with the project service', () => {
  test.each<[string, string, Array<[string, string, number, number]>]>([
    [
      'mapped container with a real image: it will be replaced',
      base().replace('"<fluentd>"', '"fluent/fluentd:v1.16"'),
      [['taskdef/image-replaced', 'notice', 11, 16]],
    ],
    [
      'unmapped container with a placeholder',
      base().replace('"name": "fluentd"', '"name": "sidecar"'),
      [['taskdef/image-missing', 'error', 11, 16]],
    ],
    [
      'service secret also set as plain environment',
      base({ container: ['      "environment": [{ "name": "ddapikey", "value": "x" }],'] }),
      [['taskdef/secret-and-environment', 'error', 10, 33]],
    ],
    [
      'service secrets need the execution role',
      base().replace('  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",\n', ''),
      [['taskdef/execution-role-missing', 'error', 1, 1]],
    ],
  ])('%s', (_name, text, expected) => {
    expect(check(text, { service: SERVICE })).toEqual(expected);
  });

  test('without a service nothing maps it: a container without image is an error (RegisterTaskDefinition requires "image")', () => {
    expect(check(base().replace('      "image": "<fluentd>"\n', '      "essential": true\n'))).toEqual([
      ['taskdef/image-missing', 'error', 10, 15],
    ]);
  });
});

describe('formats and encodings', () => {
  test('pasted describe-task-definition output: unwrapped, read-only members noted', () => {
    const text = readFileSync('test/fixtures/taskdef/describe-output.json', 'utf8');
    const source = sourceFromText('ecs/fluentd.taskdef.json', text);
    const parsed = parseTaskDefinition(source);
    expect(parsed.readOnlyFields).toEqual([
      'taskDefinitionArn',
      'revision',
      'status',
      'requiresAttributes',
      'compatibilities',
      'registeredAt',
      'registeredBy',
    ]);
    expect(parsed.taskDef?.family).toBe('fluentd');
    expect(parsed.taskDef?.tags).toEqual([{ key: 'team', value: 'sre' }]);
    const { findings } = checkTaskDefinition(source, { service: SERVICE });
    expect(findings.map((f) => [f.code, f.line])).toEqual([
      ['taskdef/read-only-field', 3],
      ['taskdef/read-only-field', 25],
      ['taskdef/read-only-field', 27],
      ['taskdef/read-only-field', 28],
      ['taskdef/read-only-field', 32],
      ['taskdef/read-only-field', 36],
      ['taskdef/read-only-field', 37],
      ['taskdef/image-replaced', 7],
    ]);
  });

  test('YAML task definition: a number where the API takes a string is an error (RegisterTaskDefinition refuses it)', () => {
    const text = readFileSync('test/fixtures/taskdef/agent.taskdef.yaml', 'utf8');
    expect(check(text, { file: 'agent.taskdef.yaml' })).toEqual([['taskdef/expected-string', 'error', 14, 16]]);
  });

  test('broken JSON fixture: the first trailing comma', () => {
    const text = readFileSync('test/fixtures/taskdef/broken.json', 'utf8');
    expect(check(text)).toEqual([['json/syntax', 'error', 4, 38]]);
  });

  test.each<[string, (s: string) => Uint8Array]>([
    ['UTF-8 with BOM', (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(s, 'utf8')])],
    ['UTF-16LE with BOM', (s) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')])],
    [
      'UTF-16BE with BOM',
      (s) => {
        const le = Buffer.from(s, 'utf16le');
        const be = Buffer.alloc(le.length);
        for (let i = 0; i < le.length; i += 2) {
          be[i] = le[i + 1]!;
          be[i + 1] = le[i]!;
        }
        return new Uint8Array([0xfe, 0xff, ...be]);
      },
    ],
  ])('%s decodes and checks clean', (_name, encode) => {
    const decoded = decode('td.json', encode(base()));
    if (!decoded.ok) throw new Error('not decoded');
    expect(checkTaskDefinition(decoded.source, { service: SERVICE }).findings).toEqual([]);
  });

  test('binary junk and oversized files are findings from decode', () => {
    const bin = decode('td.json', new Uint8Array([0x7b, 0x00, 0x7d]));
    expect(bin.ok ? [] : bin.findings.map((f) => f.code)).toEqual(['file/binary']);
    const big = decode('td.json', new Uint8Array(10 * 1024 * 1024));
    expect(big.ok ? [] : big.findings.map((f) => f.code)).toEqual(['file/too-large']);
  });
});

describe('containerEnv', () => {
  test('task definition names plus the service secrets for a mapped container', () => {
    const { taskDef } = checkTaskDefinition(
      sourceFromText(
        'td.json',
        base({
          container: [
            '      "environment": [{ "name": "A", "value": "1" }],',
            '      "secrets": [{ "name": "S", "valueFrom": "/s" }],',
          ],
        }),
      ),
      {},
    );
    const env = containerEnv(taskDef!, 'fluentd', SERVICE);
    expect([[...env.names].sort(), [...env.secretNames].sort(), env.open, env.where]).toEqual([
      ['A', 'S', 'ddapikey'],
      ['S', 'ddapikey'],
      false,
      'container "fluentd" in ecs/fluentd.taskdef.json',
    ]);
    const other = containerEnv(taskDef!, 'other', SERVICE);
    expect([...other.names]).toEqual([]);
  });

  test('environmentFiles make the environment open', () => {
    const { taskDef } = checkTaskDefinition(
      sourceFromText(
        'td.json',
        base({ container: ['      "environmentFiles": [{ "value": "arn:aws:s3:::b/k.env", "type": "s3" }],'] }),
      ),
      {},
    );
    expect(containerEnv(taskDef!, 'fluentd').open).toBe(true);
  });
});

describe('never throws', () => {
  test('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        checkTaskDefinition(sourceFromText('td.json', JSON.stringify(v)), { service: SERVICE });
      }),
      { numRuns: 300 },
    );
  });

  test('task-definition-shaped junk', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    const container = fc.dictionary(
      fc.constantFrom(
        'name',
        'image',
        'secrets',
        'environment',
        'portMappings',
        'dependsOn',
        'logConfiguration',
        'memory',
        'cpu',
        'essential',
        'links',
        'mountPoints',
      ),
      value,
    );
    fc.assert(
      fc.property(
        fc.record({
          family: value,
          cpu: value,
          memory: value,
          requiresCompatibilities: fc.oneof(value, fc.constant(['FARGATE'])),
          networkMode: value,
          containerDefinitions: fc.oneof(value, fc.array(container, { maxLength: 3 })),
        }),
        (td) => {
          checkTaskDefinition(sourceFromText('td.yaml', JSON.stringify(td)), { service: SERVICE });
          checkTaskDefinition(sourceFromText('td.json', JSON.stringify(td)), {});
        },
      ),
      { numRuns: 300 },
    );
  });

  test('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => {
        checkTaskDefinition(sourceFromText('td.json', t), {});
        checkTaskDefinition(sourceFromText('td.yaml', t), {});
      }),
      { numRuns: 300 },
    );
  });
});

describe('ARNs of every partition (read by the SDK parser, @aws-sdk/util-arn-parser)', () => {
  const REGION: Record<string, string> = {
    aws: 'ap-northeast-1',
    'aws-cn': 'cn-north-1',
    'aws-us-gov': 'us-gov-west-1',
    'aws-iso': 'us-iso-east-1',
    'aws-iso-b': 'us-isob-east-1',
    'aws-iso-e': 'eu-isoe-west-1',
    'aws-iso-f': 'us-isof-south-1',
    'aws-eusc': 'eusc-de-east-1',
  };
  test.each(Object.entries(REGION))('%s: role and secret ARNs are clean', (partition, region) => {
    const text = base({
      container: [
        `      "secrets": [{ "name": "A", "valueFrom": "arn:${partition}:ssm:${region}:123456789012:parameter/datadog/apikey" },`,
        `        { "name": "B", "valueFrom": "arn:${partition}:secretsmanager:${region}:123456789012:secret:db-AbCdEf:password::" }],`,
      ],
    }).replace(
      'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      `arn:${partition}:iam::123456789012:role/ecsTaskExecutionRole`,
    );
    expect(check(text, { service: SERVICE })).toEqual([]);
  });

  test.each([
    ['not a partition', 'arn:azure:iam::123456789012:role/x', 'taskdef/invalid-role-arn'],
    ['no account', 'arn:aws-cn:iam:::role/x', 'taskdef/invalid-role-arn'],
    ['a user, not a role', 'arn:aws-iso:iam::123456789012:user/x', 'taskdef/invalid-role-arn'],
  ])('%s is an error', (_what, arn, code) => {
    const text = base().replace('arn:aws:iam::123456789012:role/ecsTaskExecutionRole', arn);
    expect(check(text, { service: SERVICE })).toEqual([[code, 'error', 7, 23]]);
  });

  test.each([
    ['aws-us-gov', 'us-gov-east-1'],
    ['aws-iso-b', 'us-isob-east-1'],
    ['aws-eusc', 'eusc-de-east-1'],
  ])('the deploy builds %s SSM ARNs for %s', (partition, region) => {
    expect(ssmParameterArn('/datadog/apikey', region, '123456789012')).toBe(
      `arn:${partition}:ssm:${region}:123456789012:parameter/datadog/apikey`,
    );
    expect(classifySecretRef(`arn:${partition}:ssm:${region}:123456789012:parameter/datadog/apikey`).kind).toBe(
      'ssm-arn',
    );
  });
});
