import { beforeEach, describe, expect, test } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { preflight, ssmReferences } from '../../src/ecs/preflight.js';
import { memoryLog } from '../../src/log.js';

const ssmMock = mockClient(SSMClient);
const ssm = new SSMClient({ region: 'ap-northeast-1' });
beforeEach(() => {
  ssmMock.reset();
});

const arn = (n: string) => `arn:aws:ssm:ap-northeast-1:123456789012:parameter/${n}`;
const td = (
  secrets: Record<string, string>,
  over: Partial<RegisterTaskDefinitionCommandInput> = {},
): RegisterTaskDefinitionCommandInput => ({
  family: 'fluentd',
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  containerDefinitions: [
    { name: 'fluentd', image: 'x', secrets: Object.entries(secrets).map(([name, valueFrom]) => ({ name, valueFrom })) },
  ],
  ...over,
});

describe('preflight', () => {
  test('a missing parameter stops the deploy with its name, where it is used and the service; no decryption is asked', async () => {
    ssmMock.on(GetParametersCommand).resolves({
      Parameters: [{ Name: '/datadog/apikey', Value: 'must-not-matter' }],
      InvalidParameters: [arn('datadog/typo')],
    });
    const problems = await preflight({
      ssm,
      log: memoryLog(),
      services: [
        { key: 'fluentd', taskDefinition: td({ ddapikey: arn('datadog/apikey'), other: arn('datadog/typo') }) },
        {
          key: 'agent',
          taskDefinition: td({
            DD_API_KEY: arn('datadog/typo'),
            DB: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf',
          }),
        },
      ],
    });
    expect(problems).toEqual([
      {
        service: 'fluentd',
        code: 'preflight/missing-parameter',
        message: `service fluentd: SSM parameter "${arn('datadog/typo')}" (secret other of container fluentd) does not exist; create it or fix the name`,
      },
      {
        service: 'agent',
        code: 'preflight/missing-parameter',
        message: `service agent: SSM parameter "${arn('datadog/typo')}" (secret DD_API_KEY of container fluentd) does not exist; create it or fix the name`,
      },
    ]);
    // Deduplicated, sorted, Secrets Manager ARNs not sent to SSM.
    expect(ssmMock).toHaveReceivedCommandTimes(GetParametersCommand, 1);
    expect(ssmMock).toHaveReceivedCommandWith(GetParametersCommand, {
      Names: [arn('datadog/apikey'), arn('datadog/typo')],
      WithDecryption: false,
    });
  });

  test('more than ten references are asked in batches of ten', async () => {
    ssmMock.on(GetParametersCommand).resolves({ Parameters: [], InvalidParameters: [] });
    const refs = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`S${i}`, arn(`p/${String(i).padStart(2, '0')}`)]),
    );
    expect(await preflight({ ssm, log: memoryLog(), services: [{ key: 'f', taskDefinition: td(refs) }] })).toEqual([]);
    expect(ssmMock.commandCalls(GetParametersCommand).map((c) => c.args[0].input.Names?.length)).toEqual([10, 2]);
  });

  test('no execution role is a problem; no SSM call when nothing is referenced', async () => {
    const problems = await preflight({
      ssm,
      log: memoryLog(),
      services: [{ key: 'agent', taskDefinition: td({}, { executionRoleArn: undefined, family: 'datadog-agent' }) }],
    });
    expect(problems).toEqual([
      {
        service: 'agent',
        code: 'preflight/no-execution-role',
        message:
          'service agent: task definition "datadog-agent" has no "executionRoleArn"; Fargate needs a task execution role to pull images from ECR and to read secrets',
      },
    ]);
    expect(ssmMock).toHaveReceivedCommandTimes(GetParametersCommand, 0);
  });

  test('an SSM error says the step and the parameters', async () => {
    ssmMock.on(GetParametersCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: ssm:GetParameters'), {
        name: 'AccessDeniedException',
      }),
    );
    await expect(
      preflight({ ssm, log: memoryLog(), services: [{ key: 'f', taskDefinition: td({ K: '/k' }) }] }),
    ).rejects.toThrow(
      'pre-flight SSM parameters /k: AccessDeniedException: User is not authorized to perform: ssm:GetParameters',
    );
  });

  test('ssmReferences covers secrets and log-driver secretOptions, not Secrets Manager', () => {
    const refs = ssmReferences({
      family: 'f',
      containerDefinitions: [
        {
          name: 'c',
          secrets: [
            { name: 'A', valueFrom: '/a' },
            { name: 'B', valueFrom: 'arn:aws:secretsmanager:r:123456789012:secret:b' },
          ],
          logConfiguration: { logDriver: 'awsfirelens', secretOptions: [{ name: 'apikey', valueFrom: '/a' }] },
        },
      ],
    });
    expect([...refs]).toEqual([['/a', ['secret A of container c', 'log option apikey of container c']]]);
  });
});
