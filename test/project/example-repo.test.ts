/**
 * The example repository under examples/datadog-ecs validates clean as far as the project file,
 * the Dockerfiles and the task definitions go, and its layout is what DESIGN.md describes.
 */
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { loadProject } from '../../src/project/load.js';
import { classifyFiles, imageLayouts, ImageFs } from '../../src/project/layout.js';
import { checkTaskDefinition, containerEnv } from '../../src/checks/taskdef/index.js';
import { readSource } from '../../src/checks/source.js';

const EXAMPLE = path.resolve('examples/datadog-ecs/dd-ecs-monitor.yml');

describe('examples/datadog-ecs', () => {
  const loaded = loadProject(EXAMPLE);
  const project = loaded.project!;

  test('the project file loads without findings', () => {
    expect(loaded.fatal).toBe(false);
    expect(loaded.findings).toEqual([]);
    expect(project.region).toBe('ap-northeast-1');
    expect(project.cluster).toBe('monitoring');
    expect(project.images['fluentd']).toEqual({
      key: 'fluentd',
      context: '.',
      dockerfile: 'fluentd/Dockerfile',
      repository: 'monitoring/fluentd',
      buildArgs: {},
    });
    expect(project.images['datadog-agent']?.dockerfile).toBe('datadog/Dockerfile');
    expect(project.services['fluentd']).toEqual({
      key: 'fluentd',
      service: 'fluentd',
      cluster: 'monitoring',
      taskDefinition: 'ecs/fluentd.taskdef.json',
      containers: { fluentd: 'fluentd' },
      secrets: { ddapikey: '/datadog/apikey' },
      environment: {},
    });
    expect(project.files).toEqual({ 'senders/fluent.conf': 'fluentd' });
    expect(project.fluentd.forwardedTags).toEqual(['nginx']);
    expect(project.deploy).toEqual({
      waitTimeoutSeconds: 900,
      pollIntervalSeconds: 15,
      rollback: true,
      fluentdDryRun: true,
      createRepositories: false,
      resolveBaseImages: true,
    });
  });

  test('image layouts come from the COPY lines, with no findings', () => {
    const { layouts, findings } = imageLayouts(project);
    expect(findings).toEqual([]);
    const agent = layouts.get('datadog-agent')!;
    expect([...agent.files]).toEqual([
      ['/etc/datadog-agent/conf.d/http_check.d/conf.yaml', 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml'],
      ['/etc/datadog-agent/conf.d/mysql.d/conf.yaml', 'datadog/etc/datadog-agent/conf.d/mysql.d/conf.yaml'],
      ['/etc/datadog-agent/secrets/db_password', 'datadog/etc/datadog-agent/secrets/db_password'],
    ]);
    expect(agent.complete).toBe(true);
    expect(agent.baseImage).toBe('public.ecr.aws/datadog/agent:7');
    const fluentd = layouts.get('fluentd')!;
    expect([...fluentd.files]).toEqual([['/fluentd/etc/fluent.conf', 'fluentd/etc/fluent.conf']]);
    expect([...fluentd.gems]).toEqual(['fluent-plugin-datadog']);
    expect(fluentd.inputs).toEqual(['fluentd/etc/fluent.conf']);
    expect(agent.inputs).toEqual([
      'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
      'datadog/etc/datadog-agent/conf.d/mysql.d/conf.yaml',
      'datadog/etc/datadog-agent/secrets/db_password',
    ]);
  });

  test('each repo file gets its kind', () => {
    const { layouts } = imageLayouts(project);
    expect(classifyFiles(project, layouts)).toEqual([
      { repoPath: 'datadog/Dockerfile', kind: 'dockerfile', imageKey: 'datadog-agent' },
      {
        repoPath: 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
        kind: 'http_check',
        imageKey: 'datadog-agent',
        imagePath: '/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
      },
      {
        repoPath: 'datadog/etc/datadog-agent/conf.d/mysql.d/conf.yaml',
        kind: 'mysql',
        imageKey: 'datadog-agent',
        imagePath: '/etc/datadog-agent/conf.d/mysql.d/conf.yaml',
      },
      {
        repoPath: 'datadog/etc/datadog-agent/secrets/db_password',
        kind: 'secret',
        imageKey: 'datadog-agent',
        imagePath: '/etc/datadog-agent/secrets/db_password',
      },
      { repoPath: 'ecs/datadog-agent.taskdef.json', kind: 'taskdef' },
      { repoPath: 'ecs/fluentd.taskdef.json', kind: 'taskdef' },
      { repoPath: 'fluentd/Dockerfile', kind: 'dockerfile', imageKey: 'fluentd' },
      {
        repoPath: 'fluentd/etc/fluent.conf',
        kind: 'fluentd',
        imageKey: 'fluentd',
        imagePath: '/fluentd/etc/fluent.conf',
      },
      { repoPath: 'senders/fluent.conf', kind: 'fluentd' },
    ]);
  });

  test.each(['datadog-agent', 'fluentd'])('task definition of %s checks clean', (key) => {
    const service = project.services[key]!;
    const decoded = readSource(service.taskDefinition, path.join(project.root, service.taskDefinition));
    if (!decoded.ok) throw new Error('unreadable');
    const { findings, taskDef } = checkTaskDefinition(decoded.source, { service, project });
    expect(findings).toEqual([]);
    const env = containerEnv(taskDef!, key, service);
    expect(env.secretNames).toEqual(new Set(Object.keys(service.secrets)));
  });

  test('ImageFs reads image paths as repo files', () => {
    const { layouts } = imageLayouts(project);
    const fs = new ImageFs(project, layouts.get('fluentd')!);
    expect(fs.glob('*.conf', '/fluentd/etc/fluent.conf')).toEqual(['/fluentd/etc/fluent.conf']);
    expect(fs.display('/fluentd/etc/fluent.conf')).toBe('fluentd/etc/fluent.conf');
    const r = fs.read('/fluentd/etc/fluent.conf');
    expect(r.ok && r.source.file).toBe('fluentd/etc/fluent.conf');
  });
});
