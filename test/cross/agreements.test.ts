/**
 * Files that must agree, checked as a whole: each case is the example repository with the files of
 * one fixture folder (test/fixtures/cross/<case>/) laid over it, one inconsistency between two
 * files each, validated like `validate` does. Exact findings: file, code, line, column, severity.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { validateProject } from '../../src/validate.js';
import { REPO_ROOT } from '../support/repo-root.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples/datadog-ecs');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/cross');
const tmp = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-cross-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Row = [string, string, number, number, string];

function validateCase(name: string): { rows: Row[]; messages: string[] } {
  const dir = path.join(tmp, name);
  cpSync(EXAMPLE, dir, { recursive: true });
  if (name !== 'example') cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  const r = validateProject(path.join(dir, 'dd-ecs-monitor.yml'));
  return {
    rows: r.findings.map((f) => [f.file, f.code, f.line, f.column, f.severity]),
    messages: r.findings.map((f) => f.message),
  };
}

describe('agreements between files (one inconsistency per fixture)', () => {
  test.each<[string, string, Row[]]>([
    ['example', 'the example repository agrees with itself', []],
    [
      'forward-port',
      'Fluentd out_forward/in_forward docs: <server> port vs in_forward port (default 24224)',
      [['senders/fluent.conf', 'cross/forward-port', 19, 10, 'warning']],
    ],
    [
      'forward-port-mapping',
      'ECS CreateService loadBalancers[].containerPort must be a port mapping: in_forward port vs portMappings',
      [
        ['ecs/fluentd.taskdef.json', 'cross/forward-port-mapping', 24, 7, 'warning'],
        ['ecs/fluentd.taskdef.json', 'cross/forward-port-mapping', 25, 28, 'warning'],
      ],
    ],
    [
      'agent-api-key',
      'Datadog docs "Amazon ECS on AWS Fargate": the agent needs DD_API_KEY',
      [['ecs/datadog-agent.taskdef.json', 'cross/agent-api-key', 14, 15, 'error']],
    ],
    [
      'datadog-site',
      'Datadog sites: DD_SITE vs out_datadog site/host',
      [['fluentd/etc/fluent.conf', 'cross/datadog-site', 10, 3, 'warning']],
    ],
    [
      'log-region',
      'ECS awslogs driver: awslogs-region vs the project region',
      [['ecs/datadog-agent.taskdef.json', 'cross/log-region', 33, 29, 'warning']],
    ],
    [
      'platform',
      'ECS RuntimePlatform: FROM --platform vs cpuArchitecture',
      [['ecs/fluentd.taskdef.json', 'cross/platform', 9, 24, 'error']],
    ],
    [
      'unused-secret',
      "CONFIG-FACTS E1.8/E2.5: #{ENV['X']} in fluent.conf vs the project's secrets: names",
      [
        ['dd-ecs-monitor.yml', 'cross/unused-secret', 29, 7, 'warning'],
        ['fluentd/etc/fluent.conf', 'fluentd/env-not-provided', 13, 13, 'error'],
      ],
    ],
    [
      'conf-not-loaded',
      'config_reader.go (CONFIG-FACTS A1): COPY destination vs the conf.d the agent reads',
      [['datadog/Dockerfile', 'cross/conf-not-loaded', 6, 1, 'error']],
    ],
  ])('%s: %s', (name, _fact, expected) => {
    expect(validateCase(name).rows).toEqual(expected);
  });

  test('a finding about a pair names both places', () => {
    const { messages } = validateCase('forward-port');
    expect(messages[0]).toContain('fluentd/etc/fluent.conf:4');
    const site = validateCase('datadog-site').messages[0];
    expect(site).toContain('ecs/datadog-agent.taskdef.json');
  });
});

describe('the aggregator loses no logs on a redeploy, and COMPLETED means healthy', () => {
  test.each<[string, string, Row[]]>([
    [
      'buffer-file',
      'Fluentd docs "Buffer Section" flush_at_shutdown defaults to false for file buffers; ECS docs "Fargate task ephemeral storage" is deleted with the task',
      [['fluentd/etc/fluent.conf', 'cross/buffer-lost-on-deploy', 20, 5, 'error']],
    ],
    [
      'buffer-memory-no-flush',
      'Fluentd docs "Buffer Section": a memory buffer with flush_at_shutdown false is discarded at shutdown',
      [['fluentd/etc/fluent.conf', 'cross/buffer-lost-on-deploy', 20, 5, 'error']],
    ],
    [
      'buffer-file-flushed',
      'Fluentd docs "Buffer Section": flush_at_shutdown true flushes the file buffer on SIGTERM',
      [],
    ],
    ['buffer-file-on-efs', 'ECS docs "Amazon EFS volumes": a file buffer on EFS outlives the task', []],
    [
      'no-health-check',
      'ECS docs "Determining task health using container health checks": without one a running task is healthy',
      [['ecs/fluentd.taskdef.json', 'cross/no-health-check', 14, 15, 'warning']],
    ],
    [
      'stop-timeout',
      'ECS API ContainerDefinition.stopTimeout: Fargate waits at most 120 seconds (default 30)',
      [['ecs/fluentd.taskdef.json', 'taskdef/stop-timeout', 17, 22, 'warning']],
    ],
  ])('%s: %s', (name, _fact, expected) => {
    expect(validateCase(name).rows).toEqual(expected);
  });

  test('the health check finding gives the command to add', () => {
    expect(validateCase('no-health-check').messages[0]).toMatch(
      /"healthCheck": \{ "command": \["CMD-SHELL", "ruby -rsocket/,
    );
  });
});
