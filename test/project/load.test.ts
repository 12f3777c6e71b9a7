/**
 * The project file: schema, defaults, and every finding with its exact line and column. Each case
 * writes its own dd-ecs-monitor.yml into a copy of test/fixtures/project/repo.
 */
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { loadProject } from '../../src/project/load.js';
import { classifyFiles, imageLayouts, kindFromImagePath } from '../../src/project/layout.js';

const FIXTURE = path.resolve('test/fixtures/project/repo');

function repoWith(projectFile: string | Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ddecs-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(path.join(dir, 'dd-ecs-monitor.yml'), projectFile);
  return dir;
}
const findings = (yaml: string) =>
  loadProject(path.join(repoWith(yaml), 'dd-ecs-monitor.yml')).findings.map((f) => [
    f.code,
    f.severity,
    f.line,
    f.column,
  ]);

/** A minimal valid project; cases append or replace lines. */
const MIN = [
  'cluster: monitoring',
  'images:',
  '  agent: { context: agent }',
  'services:',
  '  agent:',
  '    taskDefinition: ecs/agent.taskdef.json',
  '    containers: { agent: agent }',
];
const lines = (...extra: string[]) => [...MIN, ...extra].join('\n') + '\n';

describe('the fixture repository', () => {
  test('loads clean with defaults applied', () => {
    const r = loadProject(path.join(FIXTURE, 'dd-ecs-monitor.yml'));
    expect(r.fatal).toBe(false);
    expect(r.findings).toEqual([]);
    const p = r.project!;
    expect(p.root).toBe(FIXTURE);
    expect(p.configFile).toBe('dd-ecs-monitor.yml');
    expect(p.images).toEqual({
      agent: {
        key: 'agent',
        context: 'agent',
        dockerfile: 'agent/Dockerfile',
        repository: 'monitoring/agent',
        buildArgs: {},
      },
      fluentd: {
        key: 'fluentd',
        context: '.',
        dockerfile: 'fluentd/Dockerfile',
        repository: 'monitoring/fluentd',
        buildArgs: {},
      },
    });
    expect(p.services.agent).toEqual({
      key: 'agent',
      service: 'agent',
      cluster: 'monitoring',
      taskDefinition: 'ecs/agent.taskdef.json',
      containers: { agent: 'agent' },
      secrets: { DD_API_KEY: '/datadog/apikey' },
      environment: {},
    });
    expect(p.files).toEqual({
      'senders/fluent.conf': 'fluentd',
      'agent/conf.d/http_check.d/conf.yaml.example': 'ignore',
    });
    expect(p.fluentd).toEqual({ forwardedTags: [] });
    expect(p.deploy).toEqual({
      waitTimeoutSeconds: 900,
      pollIntervalSeconds: 15,
      rollback: true,
      fluentdDryRun: true,
      createRepositories: false,
      resolveBaseImages: true,
    });
  });

  test('classification: COPY destinations, FLUENTD_CONF, overrides and ignore', () => {
    const p = loadProject(path.join(FIXTURE, 'dd-ecs-monitor.yml')).project!;
    const { layouts, findings: f } = imageLayouts(p);
    expect(f).toEqual([]);
    expect(classifyFiles(p, layouts).map((c) => [c.repoPath, c.kind, c.imageKey ?? null, c.imagePath ?? null])).toEqual(
      [
        ['agent/Dockerfile', 'dockerfile', 'agent', null],
        [
          'agent/conf.d/http_check.d/conf.yaml',
          'http_check',
          'agent',
          '/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
        ],
        ['agent/datadog.yaml', 'datadog_yaml', 'agent', '/etc/datadog-agent/datadog.yaml'],
        ['agent/secrets/db_password', 'secret', 'agent', '/etc/datadog-agent/secrets/db_password'],
        ['ecs/agent.taskdef.json', 'taskdef', null, null],
        ['ecs/fluentd.taskdef.json', 'taskdef', null, null],
        ['fluentd/Dockerfile', 'dockerfile', 'fluentd', null],
        ['fluentd/main.conf', 'fluentd', 'fluentd', '/fluentd/etc/main.conf'],
        ['senders/fluent.conf', 'fluentd', null, null],
      ],
    );
    expect(layouts.get('fluentd')!.files.get('/fluentd/etc/extra.conf')).toBe('fluentd/extra.conf');
  });
});

describe('findings on the project file', () => {
  test.each<[string, string, Array<[string, string, number, number]>]>([
    ['minimal project is clean', lines(), []],
    ['unknown top-level key with did-you-mean', lines('servics: {}'), [['project/unknown-key', 'warning', 8, 1]]],
    [
      'unknown image key',
      lines().replace('{ context: agent }', '{ context: agent, contxt: x }'),
      [['project/unknown-key', 'warning', 3, 28]],
    ],
    ['missing cluster', lines().replace('cluster: monitoring\n', ''), [['project/missing-key', 'error', 1, 1]]],
    [
      'cluster with shell characters',
      lines().replace('cluster: monitoring', 'cluster: "a;rm -rf /"'),
      [['project/invalid-name', 'error', 1, 10]],
    ],
    [
      'image key with shell characters',
      lines().replace('  agent: { context: agent }', '  "a;rm -rf /": { context: agent }'),
      [
        ['project/invalid-name', 'error', 3, 3],
        ['project/unknown-image', 'error', 7, 26],
      ],
    ],
    [
      'service key that is not an ECS name',
      lines().replace('  agent:\n    taskDefinition', '  "a b":\n    taskDefinition'),
      [['project/invalid-name', 'error', 5, 3]],
    ],
    ['service name with shell characters', lines('    service: "x`id`"'), [['project/invalid-name', 'error', 8, 14]]],
    [
      'repository that ECR refuses',
      lines().replace('{ context: agent }', '{ context: agent, repository: Monitoring/Agent }'),
      [['project/invalid-name', 'error', 3, 40]],
    ],
    ['region that is not a region', lines('region: tokyo'), [['project/invalid-region', 'error', 8, 9]]],
    [
      'context escaping the repository',
      lines().replace('{ context: agent }', '{ context: ../../etc }'),
      [['project/path-outside', 'error', 3, 21]],
    ],
    [
      'absolute dockerfile',
      lines().replace('{ context: agent }', '{ context: agent, dockerfile: /etc/passwd }'),
      [['project/path-outside', 'error', 3, 40]],
    ],
    [
      'task definition escaping',
      lines().replace('ecs/agent.taskdef.json', '../../etc/passwd'),
      [['project/path-outside', 'error', 6, 21]],
    ],
    [
      'missing context',
      lines().replace('{ context: agent }', '{ context: nope }'),
      [['project/missing-file', 'error', 3, 21]],
    ],
    [
      'context is a file',
      lines().replace('{ context: agent }', '{ context: agent/Dockerfile }'),
      [['project/not-a-directory', 'error', 3, 21]],
    ],
    [
      'default dockerfile missing',
      lines().replace('{ context: agent }', '{ context: ecs }'),
      [['project/missing-file', 'error', 3, 3]],
    ],
    [
      'missing task definition',
      lines().replace('ecs/agent.taskdef.json', 'ecs/nope.json'),
      [['project/missing-file', 'error', 6, 21]],
    ],
    [
      'no taskDefinition',
      lines().replace('    taskDefinition: ecs/agent.taskdef.json\n', ''),
      [['project/missing-key', 'error', 5, 3]],
    ],
    [
      'image key a service uses but nobody defines',
      lines().replace('containers: { agent: agent }', 'containers: { agent: agnt }'),
      [
        ['project/unused-image', 'warning', 3, 3],
        ['project/unknown-image', 'error', 7, 26],
      ],
    ],
    [
      'container missing from the task definition',
      lines().replace('containers: { agent: agent }', 'containers: { agnet: agent }'),
      [
        ['project/unused-image', 'warning', 3, 3],
        ['project/unknown-container', 'error', 7, 19],
      ],
    ],
    [
      'bad secret reference',
      lines('    secrets: { DD_API_KEY: "datadog/apikey" }'),
      [['project/secret-value-from', 'error', 8, 28]],
    ],
    [
      'DD_API_KEY in plain environment',
      lines('    environment: { DD_API_KEY: abc123 }'),
      [['project/secret-in-environment', 'error', 8, 32]],
    ],
    [
      'credential-like environment',
      lines('    environment: { DB_PASSWORD: hunter2 }'),
      [['project/secret-like-environment', 'warning', 8, 33]],
    ],
    [
      'name both secret and environment',
      lines('    secrets: { X: /x }', '    environment: { X: "1" }'),
      [['project/secret-and-environment', 'error', 9, 20]],
    ],
    [
      'environment values typed by YAML are taken as text',
      lines('    environment: { DD_LOGS_ENABLED: true, PORT: 8126 }'),
      [],
    ],
    [
      'files: unknown kind',
      lines('files:', '  ecs/agent.taskdef.json: taskdefinition'),
      [['project/unknown-kind', 'error', 9, 27]],
    ],
    ['files: missing path', lines('files:', '  nope.conf: fluentd'), [['project/missing-file', 'error', 9, 3]]],
    ['files: absolute path', lines('files:', '  /etc/passwd: secret'), [['project/path-outside', 'error', 9, 3]]],
    [
      'deploy: wrong types and values',
      lines('deploy:', '  waitTimeoutSeconds: -5', '  rollback: yes', '  pollInterval: 3'),
      [
        ['project/invalid-value', 'error', 9, 23],
        ['project/wrong-type', 'error', 10, 13],
        ['project/unknown-key', 'warning', 11, 3],
      ],
    ],
    [
      'deploy: poll longer than wait',
      lines('deploy:', '  waitTimeoutSeconds: 10', '  pollIntervalSeconds: 30'),
      [['project/invalid-value', 'error', 10, 24]],
    ],
    [
      'platform Fargate does not run',
      lines().replace('{ context: agent }', '{ context: agent, platform: linux/386 }'),
      [['project/invalid-value', 'error', 3, 38]],
    ],
    [
      'target that is not a stage',
      lines().replace('{ context: agent }', '{ context: agent, target: agnt }'),
      [['project/unknown-target', 'error', 3, 36]],
    ],
    ['target that is a stage', lines().replace('{ context: agent }', '{ context: agent, target: agent }'), []],
    [
      'duplicate service key',
      lines('  agent:', '    taskDefinition: ecs/agent.taskdef.json'),
      [
        ['project/unused-image', 'warning', 3, 3],
        ['project/duplicate-key', 'error', 8, 3],
        ['project/missing-key', 'warning', 8, 3],
      ],
    ],
    [
      'two keys, one ECS service',
      lines('  other:', '    service: agent', '    taskDefinition: ecs/agent.taskdef.json', '    containers: {}'),
      [['project/duplicate-service', 'error', 8, 3]],
    ],
    [
      'two images, one repository',
      lines().replace(
        '  agent: { context: agent }',
        '  agent: { context: agent, repository: r1 }\n  other: { context: agent, repository: r1 }',
      ),
      [
        ['project/duplicate-repository', 'warning', 4, 3],
        ['project/unused-image', 'warning', 4, 3],
      ],
    ],
    ['services is a list', 'cluster: c\nservices:\n  - a\n', [['project/wrong-type', 'error', 3, 3]]],
    ['version 2', lines('version: 2'), [['project/invalid-value', 'error', 8, 10]]],
    [
      'build arg name',
      lines().replace('{ context: agent }', '{ context: agent, buildArgs: { "A-B": x } }'),
      [['project/invalid-name', 'error', 3, 41]],
    ],
    [
      'forwardedTags not a list',
      lines('fluentd: { forwardedTags: { a: 1 } }'),
      [['project/wrong-type', 'error', 8, 27]],
    ],
    [
      'secret ARN in another region',
      `region: us-east-1\n${lines('    secrets: { K: "arn:aws:ssm:ap-northeast-1:123456789012:parameter/k" }')}`,
      [['project/secret-region', 'notice', 9, 19]],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(findings(yaml)).toEqual(expected);
  });

  test('a symlink that points outside is refused and never read', () => {
    const dir = repoWith(lines().replace('ecs/agent.taskdef.json', 'ecs/link.json'));
    const outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    writeFileSync(path.join(outside, 'passwd'), '{"family": "stolen"}');
    symlinkSync(path.join(outside, 'passwd'), path.join(dir, 'ecs', 'link.json'));
    const r = loadProject(path.join(dir, 'dd-ecs-monitor.yml'));
    expect(r.findings.map((f) => [f.code, f.line, f.column])).toEqual([['project/path-outside', 6, 21]]);
    expect(r.findings[0]!.message).toMatch(/symlink/);
  });
});

describe('fatal: exit 2', () => {
  test.each<[string, string | Uint8Array, string]>([
    ['broken YAML', 'cluster: [a\n', 'yaml/syntax'],
    ['not a mapping', '- a\n- b\n', 'project/not-a-mapping'],
    ['empty file', '', 'project/not-a-mapping'],
    ['binary', new Uint8Array([0x63, 0x00, 0x01]), 'file/binary'],
    ['10 MB', new Uint8Array(10 * 1024 * 1024).fill(0x61), 'file/too-large'],
    ['tab indentation', 'cluster: c\nimages:\n\tagent: {}\n', 'yaml/tab-indent'],
  ])('%s', (_name, content, code) => {
    const r = loadProject(path.join(repoWith(content), 'dd-ecs-monitor.yml'));
    expect([r.fatal, r.project, r.findings.map((f) => f.code)]).toEqual([true, undefined, [code]]);
  });

  test('missing project file', () => {
    const r = loadProject('/nonexistent/dd-ecs-monitor.yml');
    expect([r.fatal, r.findings.map((f) => f.code)]).toEqual([true, ['file/missing']]);
  });

  test('10,000-deep nesting', () => {
    const r = loadProject(path.join(repoWith(`cluster: ${'['.repeat(10000)}`), 'dd-ecs-monitor.yml'));
    expect([r.fatal, r.findings.map((f) => f.code)]).toEqual([true, ['yaml/too-deep']]);
  });
});

describe('kind from image path', () => {
  test.each<[string, string | undefined]>([
    ['/etc/datadog-agent/conf.d/http_check.d/conf.yaml', 'http_check'],
    ['/etc/datadog-agent/conf.d/http_check.d/sites.yml', 'http_check'],
    ['/etc/datadog-agent/conf.d/http_check.d/conf.yaml.example', 'http_check'],
    ['/etc/datadog-agent/conf.d/http_check.yaml', 'http_check'],
    ['/etc/datadog-agent/conf.d/mysql.d/conf.yaml', 'mysql'],
    ['/etc/datadog-agent/conf.d/http_check.d/README.md', undefined],
    ['/etc/datadog-agent/conf.d/redisdb.d/conf.yaml', undefined],
    ['/etc/datadog-agent/datadog.yaml', 'datadog_yaml'],
    ['/fluentd/etc/fluent.conf', 'fluentd'],
    ['/fluentd/etc/other.conf', undefined],
    ['/etc/fluent/fluent.conf', 'fluentd'],
    ['/etc/td-agent/td-agent.conf', 'fluentd'],
    ['/etc/datadog-agent/secrets/db_password', 'secret'],
  ])('%s -> %s', (p, kind) => {
    expect(kindFromImagePath(p)).toBe(kind);
  });
});

describe('never throws', () => {
  test('arbitrary project-file-shaped YAML', () => {
    const dir = repoWith('');
    const file = path.join(dir, 'dd-ecs-monitor.yml');
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('agent', '../x', '/etc', 'ecs/agent.taskdef.json', 'a;b'),
    );
    const key = fc.constantFrom(
      'cluster',
      'region',
      'images',
      'services',
      'files',
      'deploy',
      'fluentd',
      'agent',
      'context',
      'taskDefinition',
      'containers',
      'secrets',
      'environment',
      'x',
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 6 }), (doc) => {
        writeFileSync(file, JSON.stringify(doc));
        const r = loadProject(file);
        if (r.project) imageLayouts(r.project);
      }),
      { numRuns: 200 },
    );
  });
});
