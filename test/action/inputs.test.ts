/**
 * Inputs are read once into a typed structure; tests key them by name. Every error names its
 * input. action.yml declares exactly the inputs readInputs reads, with the same defaults.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, InputError, type InputSource, readInputs } from '../../src/inputs.js';

/** A source keyed by input name, with @actions/core's YAML 1.2 boolean rule. */
function inputs(values: Record<string, string>): InputSource {
  return {
    getInput: (name) => values[name] ?? '',
    getBooleanInput: (name) => {
      const v = values[name] ?? '';
      if (['true', 'True', 'TRUE'].includes(v)) return true;
      if (['false', 'False', 'FALSE'].includes(v)) return false;
      throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`);
    },
  };
}

describe('readInputs', () => {
  test('defaults', () => {
    expect(readInputs(inputs({}))).toEqual({
      command: 'validate',
      config: 'dd-ecs-monitor.yml',
      awsRegion: undefined,
      githubToken: '',
      comment: true,
      summary: true,
      failOn: 'error',
      offline: false,
      only: [],
      forceNewDeployment: false,
      rebuild: false,
      dryRun: false,
      rollback: true,
      waitTimeoutSeconds: undefined,
      pollIntervalSeconds: undefined,
      waitForOtherDeployments: false,
      base: undefined,
      fetchHistory: true,
      sarifFile: '',
    });
  });

  test('a deploy with everything set', () => {
    const i = readInputs(
      inputs({
        command: 'deploy',
        config: 'monitoring/dd-ecs-monitor.yml',
        'aws-region': 'ap-northeast-1',
        'force-new-deployment': 'true',
        rebuild: 'TRUE',
        only: 'datadog-agent,\nfluentd ',
        'wait-timeout': '600',
        'poll-interval': '0.5',
        'wait-for-other-deployments': 'true',
        rollback: 'false',
        'dry-run': 'True',
        base: 'v1.2.0',
        'fail-on': 'warning',
      }),
    );
    expect(i).toMatchObject({
      command: 'deploy',
      config: 'monitoring/dd-ecs-monitor.yml',
      awsRegion: 'ap-northeast-1',
      forceNewDeployment: true,
      rebuild: true,
      only: ['datadog-agent', 'fluentd'],
      waitTimeoutSeconds: 600,
      pollIntervalSeconds: 0.5,
      waitForOtherDeployments: true,
      rollback: false,
      dryRun: true,
      base: 'v1.2.0',
      failOn: 'warning',
    });
  });

  test.each([
    [{ command: 'apply' }, 'input "command" must be one of validate, plan, deploy, verify, not "apply"'],
    [{ 'fail-on': 'notice' }, 'input "fail-on" must be one of error, warning, not "notice"'],
    [{ comment: 'yes' }, 'input "comment" must be true or false, not "yes"'],
    [
      { command: 'deploy', 'wait-timeout': '10m' },
      'input "wait-timeout" must be a number of seconds above 0, not "10m"',
    ],
    [{ command: 'deploy', 'poll-interval': '0' }, 'input "poll-interval" must be a number of seconds above 0, not "0"'],
    [{ 'aws-region': 'Tokyo' }, 'input "aws-region" must be an AWS region such as ap-northeast-1, not "Tokyo"'],
    [
      { command: 'plan', only: 'a,--b' },
      'input "only" lists service keys separated by commas or newlines; "--b" is not one',
    ],
    [
      { base: '--upload-pack=evil' },
      'input "base" must be a commit SHA or a branch/tag name, not "--upload-pack=evil"',
    ],
    [{ base: 'a..b' }, 'input "base" must be a commit SHA or a branch/tag name, not "a..b"'],
    [{ command: 'plan', 'dry-run': 'true' }, 'input "dry-run" applies to command: deploy, not command: plan'],
    [
      { 'wait-timeout': '60', rollback: 'false' },
      'input "rollback", "wait-timeout" applies to command: deploy, not command: validate',
    ],
    [
      { rebuild: 'true', only: 'x' },
      'input "only", "rebuild" applies to command: plan or deploy, not command: validate',
    ],
    [
      { command: 'deploy', offline: 'true' },
      'input "offline" applies to command: plan; a deploy needs AWS (use "dry-run: true" to see what it would do)',
    ],
  ])('%j -> %s', (values, message) => {
    expect(() => readInputs(inputs(values))).toThrow(new InputError(message));
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    runs: { using: string; main: string };
    inputs: Record<string, { description: string; default?: string; required?: boolean }>;
    outputs: Record<string, { description: string }>;
  };

  test('runs on node24 from the committed bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  test('declares exactly the inputs readInputs reads, every one described, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort());
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect([name, spec.description.length > 20]).toEqual([name, true]);
      const expected =
        name === 'github-token' ? '${{ github.token }}' : INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS];
      expect([name, String(spec.default ?? '')]).toEqual([name, expected]);
      expect([name, spec.required ?? false]).toEqual([name, false]);
    }
  });

  test('declares the outputs the action sets, every one described', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'changed-files',
        'comment-url',
        'deployed-services',
        'errors',
        'image-digests',
        'images',
        'notices',
        'plan',
        'result',
        'sarif-file',
        'sites',
        'task-definition-arns',
        'verification',
        'warnings',
      ].sort(),
    );
    for (const [name, spec] of Object.entries(action.outputs))
      expect([name, spec.description.length > 20]).toEqual([name, true]);
  });

  test('the README documents every input and output in its tables', () => {
    const doc = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect([name, rows.some((r) => r.includes(`\`${name}\``))]).toEqual([name, true]);
    }
  });
});
