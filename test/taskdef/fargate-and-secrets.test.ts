/**
 * Fargate task sizes (ECS API reference, RegisterTaskDefinition `memory`) and the `valueFrom` forms
 * ECS accepts (ECS `Secret` object; CONFIG-FACTS A2).
 */
import { describe, expect, test } from '@jest/globals';
import { checkSecretRef, cpuUnits, fargateSizeProblem, memoryMiB } from '../../src/checks/taskdef/index.js';

describe('Fargate cpu/memory pairs', () => {
  test.each<[number, number, boolean]>([
    [256, 512, true],
    [256, 1024, true],
    [256, 2048, true],
    [256, 1536, false],
    [256, 3072, false],
    [512, 1024, true],
    [512, 4096, true],
    [512, 512, false],
    [512, 5120, false],
    [1024, 2048, true],
    [1024, 8192, true],
    [1024, 1024, false],
    [2048, 4096, true],
    [2048, 16384, true],
    [2048, 4608, false],
    [2048, 17408, false],
    [4096, 8192, true],
    [4096, 30720, true],
    [4096, 31744, false],
    [8192, 16384, true],
    [8192, 20480, true],
    [8192, 61440, true],
    [8192, 17408, false],
    [16384, 32768, true],
    [16384, 40960, true],
    [16384, 122880, true],
    [16384, 36864, false],
    [128, 512, false],
    [3072, 8192, false],
  ])('cpu %i memory %i -> valid %s', (cpu, mem, ok) => {
    expect(fargateSizeProblem(cpu, mem) === undefined).toBe(ok);
  });

  test('the message says what goes with what', () => {
    expect(fargateSizeProblem(512, 8192)).toBe(
      'memory 8192 does not go with cpu 512 on Fargate: use 1024 to 4096 in steps of 1024 (1 GB to 4 GB); memory 8192 goes with cpu 1024 or 2048 or 4096',
    );
  });

  test.each<[unknown, number | undefined]>([
    ['256', 256],
    [256, 256],
    ['0.25 vCPU', 256],
    ['1 vcpu', 1024],
    ['2vCPU', 2048],
    ['half', undefined],
    ['0.3 vCPU', undefined],
    [null, undefined],
  ])('cpu %p -> %p', (v, units) => expect(cpuUnits(v)).toBe(units));
  test.each<[unknown, number | undefined]>([
    ['512', 512],
    ['1GB', 1024],
    ['2 GB', 2048],
    ['0.5 GB', 512],
    ['1 GiB', undefined],
    [true, undefined],
  ])('memory %p -> %p', (v, mib) => expect(memoryMiB(v)).toBe(mib));
});

describe('secrets valueFrom', () => {
  test.each<[string, string | undefined]>([
    ['/datadog/apikey', 'ssm-name'],
    ['apikey', 'ssm-name'],
    ['arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey', 'ssm-arn'],
    ['arn:aws:ssm:ap-northeast-1:123456789012:parameter/apikey', 'ssm-arn'],
    ['arn:aws-cn:ssm:cn-north-1:123456789012:parameter/apikey', 'ssm-arn'],
    ['arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:datadog-AbCdEf', 'secretsmanager-arn'],
    ['arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:datadog-AbCdEf:api_key::', 'secretsmanager-arn'],
    ['arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:datadog-AbCdEf::AWSCURRENT:', 'secretsmanager-arn'],
    ['arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:datadog-AbCdEf:api_key', undefined],
    ['arn:aws:ssm:ap-northeast-1:123456789012:parameter//datadog/apikey', undefined],
    ['arn:aws:ssm:ap-northeast-1:1234:parameter/datadog/apikey', undefined],
    ['arn:aws:s3:::bucket/key', undefined],
    ['datadog/apikey', undefined],
    ['/datadog/api key', undefined],
    [' /datadog/apikey', undefined],
    ['', undefined],
    ['/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p', undefined],
  ])('%s -> %s', (value, kind) => {
    const r = checkSecretRef(value);
    expect(r.ok ? r.kind : undefined).toBe(kind);
  });
});
