import { describe, expect, test } from '@jest/globals';
import { parseCommand, UsageError } from '../../src/cli/args.js';

describe('parseCommand: the CLI contract of DESIGN.md', () => {
  test.each([
    [['validate'], { command: 'validate', config: 'dd-ecs-monitor.yml', format: 'text', failOn: 'error' }],
    [
      ['validate', '--config', 'x/y.yml', '--format', 'json', '--fail-on', 'warning'],
      { command: 'validate', config: 'x/y.yml', format: 'json', failOn: 'warning' },
    ],
    [
      ['check', 'a.conf', 'b.yaml', '--kind', 'fluentd'],
      { command: 'check', files: ['a.conf', 'b.yaml'], kind: 'fluentd', format: 'text', failOn: 'error' },
    ],
    [
      ['plan', '--offline', '--only', 'fluentd, datadog-agent'],
      {
        command: 'plan',
        config: 'dd-ecs-monitor.yml',
        offline: true,
        format: 'text',
        only: ['fluentd', 'datadog-agent'],
      },
    ],
    [
      ['plan', '--base', 'main', '--head', 'feature'],
      {
        command: 'plan',
        config: 'dd-ecs-monitor.yml',
        offline: false,
        format: 'text',
        only: [],
        base: 'main',
        head: 'feature',
      },
    ],
    [
      [
        'deploy',
        '--dry-run',
        '--force-new-deployment',
        '--rebuild',
        '--no-rollback',
        '--wait-timeout',
        '600',
        '--poll-interval',
        '2.5',
      ],
      {
        command: 'deploy',
        config: 'dd-ecs-monitor.yml',
        dryRun: true,
        forceNewDeployment: true,
        rebuild: true,
        only: [],
        rollback: false,
        waitTimeoutSeconds: 600,
        pollIntervalSeconds: 2.5,
        waitForOtherDeployments: false,
      },
    ],
    [
      ['deploy', '--wait-for-other-deployments'],
      {
        command: 'deploy',
        config: 'dd-ecs-monitor.yml',
        dryRun: false,
        forceNewDeployment: false,
        rebuild: false,
        only: [],
        rollback: true,
        waitTimeoutSeconds: undefined,
        pollIntervalSeconds: undefined,
        waitForOtherDeployments: true,
      },
    ],
    [['--help'], { command: 'help', topic: undefined }],
    [['deploy', '-h'], { command: 'help', topic: 'deploy' }],
    [['--version'], { command: 'version' }],
  ])('%j', (argv, expected) => {
    expect(parseCommand(argv)).toEqual(expected);
  });

  test.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['check'], 'check: name at least one file'],
    [
      ['check', 'x', '--kind', 'nginx'],
      'check: --kind must be one of http_check, mysql, fluentd, taskdef, not "nginx"',
    ],
    [['validate', '--format', 'xml'], '--format must be text, json or sarif, not "xml"'],
    [['plan', '--format', 'sarif'], '--format must be text or json, not "sarif"'],
    [['plan', '--out', ''], '--out must name a directory'],
    [['validate', '--fail-on', 'notice'], '--fail-on must be error or warning, not "notice"'],
    [['validate', '--bogus'], "validate: Unknown option '--bogus'"],
    [['deploy', '--wait-timeout', '10m'], '--wait-timeout must be a positive number of seconds, not "10m"'],
    [['deploy', '--wait-timeout', '0'], '--wait-timeout must be a positive number of seconds, not "0"'],
    [['plan', '--head', 'x'], '--head needs --base'],
    [['plan', '--base=--upload-pack=evil'], '--base must be a commit or branch name, not "--upload-pack=evil"'],
    [['plan', '--base', '--upload-pack=evil'], "plan: Option '--base' argument is ambiguous"],
    [['check', '--config', 'x', 'a'], 'check: --config is for validate/plan/deploy; check takes files'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
