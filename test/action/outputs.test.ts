/** The action's outputs as plain data, from the report fixtures (test/fixtures/report). */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { computeOutputs } from '../../src/action/outputs.js';
import type { DeployResult, Plan } from '../../src/plan/types.js';

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/report/${name}`, import.meta.url), 'utf8')) as T;
const plan = load<Plan>('plan.json');
const deploy = load<DeployResult>('deploy.json');

describe('computeOutputs', () => {
  test('validate: counts, result and changed files (null when everything counts as changed)', () => {
    expect(computeOutputs({ findings: [], ok: true, changed: { kind: 'all', reason: 'first push' } })).toEqual({
      result: 'success',
      errors: '0',
      warnings: '0',
      notices: '0',
      'changed-files': 'null',
    });
  });

  test('plan: the plan JSON, and digests of the images ECR already has', () => {
    const o = computeOutputs({ findings: [], ok: true, plan });
    expect(JSON.parse(o.plan as string)).toEqual(plan);
    expect(JSON.parse(o['image-digests'] as string)).toEqual({ fluentd: `sha256:${'b'.repeat(64)}` });
    expect(JSON.parse(o.images as string)).toEqual({
      fluentd: `123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/monitoring/fluentd@sha256:${'b'.repeat(64)}`,
    });
    expect(o['task-definition-arns']).toBeUndefined();
  });

  test('deploy: digests and refs of the deployed images, task definition ARNs, the services updated', () => {
    const o = computeOutputs({ findings: [], ok: false, deploy, commentUrl: 'https://example.invalid/c' });
    expect(o.result).toBe('failure');
    expect(JSON.parse(o['image-digests'] as string)).toEqual({ 'datadog-agent': `sha256:${'1'.repeat(64)}` });
    expect(JSON.parse(o['task-definition-arns'] as string)).toEqual({
      'datadog-agent': 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/datadog-agent:5',
      fluentd: 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/fluentd-aggregator:8',
    });
    expect(JSON.parse(o['deployed-services'] as string)).toEqual(['datadog-agent', 'fluentd']);
    expect(o['comment-url']).toBe('https://example.invalid/c');
  });
});
