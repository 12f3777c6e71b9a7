import { describe, expect, test } from '@jest/globals';
import { taskDefinitionDiff } from '../../src/ecs/diff.js';
import { maskPair, sensitiveValues } from '../../src/ecs/sensitive.js';

const live = {
  family: 'agent',
  taskDefinitionArn: 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/agent:3',
  revision: 3,
  networkMode: 'awsvpc',
  containerDefinitions: [
    {
      name: 'agent',
      image: 'r@sha256:old',
      cpu: 0,
      essential: true,
      environment: [
        { name: 'DD_SITE', value: 'datadoghq.com' },
        { name: 'MYSQL_PASSWORD', value: 'hunter2-old' },
      ],
      secrets: [{ name: 'DD_API_KEY', valueFrom: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey' }],
    },
  ],
};
const rendered = {
  family: 'agent',
  networkMode: 'awsvpc',
  containerDefinitions: [
    {
      name: 'agent',
      image: 'r@sha256:new',
      environment: [
        { name: 'DD_SITE', value: 'datadoghq.eu' },
        { name: 'MYSQL_PASSWORD', value: 'hunter2-new' },
        { name: 'DD_AUTH_TOKEN', value: 'tok-unchanged' },
      ],
      secrets: [{ name: 'DD_API_KEY', valueFrom: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/datadog/apikey' }],
      logConfiguration: {
        logDriver: 'awsfirelens',
        options: { Name: 'datadog', apikey: 'abcdef0123456789abcdef0123456789' },
      },
    },
  ],
};

describe('taskDefinitionDiff', () => {
  test('an exact unified diff of the normalised JSON, sensitive values masked', () => {
    expect(taskDefinitionDiff({ name: 'agent', live, rendered, liveLabel: 'agent:3' })).toBe(
      [
        '--- agent (agent:3)',
        '+++ agent (rendered)',
        '@@ -3,16 +3,27 @@',
        '     {',
        '       "environment": [',
        '         {',
        '+          "name": "DD_AUTH_TOKEN",',
        '+          "value": "*** (changed)"',
        '+        },',
        '+        {',
        '           "name": "DD_SITE",',
        '-          "value": "datadoghq.com"',
        '+          "value": "datadoghq.eu"',
        '         },',
        '         {',
        '           "name": "MYSQL_PASSWORD",',
        '-          "value": "***"',
        '+          "value": "*** (changed)"',
        '         }',
        '       ],',
        '       "essential": true,',
        '-      "image": "r@sha256:old",',
        '+      "image": "r@sha256:new",',
        '+      "logConfiguration": {',
        '+        "logDriver": "awsfirelens",',
        '+        "options": {',
        '+          "Name": "datadog",',
        '+          "apikey": "*** (changed)"',
        '+        }',
        '+      },',
        '       "name": "agent",',
        '       "secrets": [',
        '         {',
        '',
      ].join('\n'),
    );
  });

  test('no difference gives the empty string (defaults and read-only members do not count)', () => {
    const same = {
      ...live,
      containerDefinitions: [{ ...live.containerDefinitions[0], cpu: undefined, essential: undefined }],
    };
    expect(taskDefinitionDiff({ name: 'agent', live, rendered: same })).toBe('');
  });

  test('an unchanged credential is masked as *** on both sides and is not a change', () => {
    const a = { family: 'f', containerDefinitions: [{ name: 'c', environment: [{ name: 'API_KEY', value: 'k1' }] }] };
    const b = {
      family: 'f',
      containerDefinitions: [{ name: 'c', environment: [{ name: 'API_KEY', value: 'k1' }], image: 'x' }],
    };
    const d = taskDefinitionDiff({ name: 'f', live: a, rendered: b, context: 20 });
    expect(d).toContain('"value": "***"');
    expect(d).not.toContain('(changed)');
    expect(d).not.toContain('k1');
  });

  test('no secret value appears anywhere in the diff', () => {
    const d = taskDefinitionDiff({ name: 'agent', live, rendered });
    for (const secret of ['hunter2-old', 'hunter2-new', 'tok-unchanged', 'abcdef0123456789abcdef0123456789'])
      expect(d).not.toContain(secret);
  });

  test('a new service (no live task definition) diffs against nothing', () => {
    const d = taskDefinitionDiff({ name: 'agent', live: undefined, rendered, liveLabel: 'none' });
    expect(d.split('\n').slice(0, 3)).toEqual(['--- agent (none)', '+++ agent (rendered)', '@@ -0,0 +1,38 @@']);
  });
});

describe('sensitive values', () => {
  test('sensitiveValues finds credential-named environment values and options, not others', () => {
    expect(sensitiveValues(rendered).sort()).toEqual([
      'abcdef0123456789abcdef0123456789',
      'hunter2-new',
      'tok-unchanged',
    ]);
  });

  test('maskPair leaves its inputs alone', () => {
    const before = JSON.stringify(rendered);
    maskPair(undefined, rendered);
    expect(JSON.stringify(rendered)).toBe(before);
  });
});
