/** Where the agent loads a file from, and conf.d layout findings (CONFIG-FACTS A1, E2.1). */
import { describe, expect, test } from '@jest/globals';
import { agentConfPath, checkConfDLayout, detectAgentKind } from '../../src/checks/agent/index.js';
import { sourceFromText } from '../../src/checks/source.js';
import { type Row, fixture, rows } from './support.js';

describe('agentConfPath', () => {
  const cases: Array<[string, ReturnType<typeof agentConfPath>]> = [
    ['/etc/datadog-agent/conf.d/http_check.d/conf.yaml', { check: 'http_check', loaded: true, isDefault: false }],
    ['/etc/datadog-agent/conf.d/http_check.d/sites.yml', { check: 'http_check', loaded: true, isDefault: false }],
    ['/etc/datadog-agent/conf.d/mysql.d/conf.yaml.default', { check: 'mysql', loaded: true, isDefault: true }],
    ['/etc/datadog-agent/conf.d/mysql.yaml', { check: 'mysql', loaded: true, isDefault: false }],
    ['/conf.d/mysql.d/conf.yaml', { check: 'mysql', loaded: true, isDefault: false }],
    ['/etc/datadog-agent//conf.d/mysql.d/conf.yaml', { check: 'mysql', loaded: true, isDefault: false }],
    [
      '/etc/datadog-agent/conf.d/http_check.d/conf.yaml.example',
      {
        check: 'http_check',
        loaded: false,
        isDefault: false,
        why: 'the agent reads only .yaml or .yml files (optionally followed by .default), so "conf.yaml.example" is skipped (an example: the agent never loads it)',
      },
    ],
    [
      '/etc/datadog-agent/conf.d/http_check.d/conf.yaml.bak',
      {
        check: 'http_check',
        loaded: false,
        isDefault: false,
        why: 'the agent reads only .yaml or .yml files (optionally followed by .default), so "conf.yaml.bak" is skipped',
      },
    ],
    [
      '/etc/datadog-agent/conf.d/http_check/conf.yaml',
      {
        check: 'http_check',
        loaded: false,
        isDefault: false,
        why: 'the agent reads only directories whose name ends in ".d" (http_check.d), so http_check/ is skipped',
      },
    ],
    [
      '/etc/datadog-agent/conf.d/http_check.d/extra/conf.yaml',
      {
        check: 'http_check',
        loaded: false,
        isDefault: false,
        why: 'the agent reads only files directly in http_check.d/, not in subdirectories',
      },
    ],
    [
      '/etc/datadog-agent/conf.d/jmx.d/metrics.yaml',
      {
        check: 'jmx',
        loaded: false,
        isDefault: false,
        why: 'metrics.yaml is a JMX metrics file, not a check configuration',
      },
    ],
    ['/etc/datadog-agent/datadog.yaml', undefined],
    ['/etc/datadog-agent/secrets/db_password', undefined],
    ['/fluentd/etc/conf.d/forward.conf', undefined],
    ['/etc/datadog-agent/conf.d/', undefined],
  ];
  test.each(cases)('%s', (path, expected) => {
    expect(agentConfPath(path)).toEqual(expected);
  });
});

describe('checkConfDLayout', () => {
  test('one conf.yaml per check: nothing to say', () => {
    const files = new Map([
      ['/etc/datadog-agent/conf.d/http_check.d/conf.yaml', 'datadog/conf.d/http_check.d/conf.yaml'],
      ['/etc/datadog-agent/conf.d/mysql.d/conf.yaml', 'datadog/conf.d/mysql.d/conf.yaml'],
      ['/etc/datadog-agent/secrets/db_password', 'datadog/secrets/db_password'],
    ]);
    expect(checkConfDLayout(files)).toEqual([]);
  });

  test('ignored files, several active files, and a default beside an active file', () => {
    const files = new Map([
      ['/etc/datadog-agent/conf.d/http_check.d/conf.yaml', 'repo/http/conf.yaml'],
      ['/etc/datadog-agent/conf.d/http_check.d/more.yaml', 'repo/http/more.yaml'],
      ['/etc/datadog-agent/conf.d/http_check.d/conf.yaml.example', 'repo/http/conf.yaml.example'],
      ['/etc/datadog-agent/conf.d/mysql.d/conf.yaml', 'repo/mysql/conf.yaml'],
      ['/etc/datadog-agent/conf.d/mysql.d/conf.yaml.default', 'repo/mysql/conf.yaml.default'],
      ['/etc/datadog-agent/conf.d/mysql.d/auto_conf.yaml', 'repo/mysql/auto_conf.yaml'],
    ]);
    const out = checkConfDLayout(files).map((f) => [f.file, f.code, f.line, f.column, f.severity]);
    expect(out).toEqual([
      ['repo/http/conf.yaml.example', 'agent/ignored-file', 1, 1, 'warning'],
      ['repo/http/conf.yaml', 'agent/multiple-configs', 1, 1, 'warning'],
      ['repo/http/more.yaml', 'agent/multiple-configs', 1, 1, 'warning'],
      ['repo/mysql/conf.yaml.default', 'agent/default-config-beside', 1, 1, 'warning'],
    ]);
  });

  test('messages name the image paths', () => {
    const files = new Map([
      ['/etc/datadog-agent/conf.d/mysql.d/conf.yaml', 'repo/mysql/conf.yaml'],
      ['/etc/datadog-agent/conf.d/mysql.d/conf.yaml.default', 'repo/mysql/conf.yaml.default'],
    ]);
    expect(checkConfDLayout(files)[0]?.message).toBe(
      '/etc/datadog-agent/conf.d/mysql.d/conf.yaml.default is ignored while /etc/datadog-agent/conf.d/mysql.d/conf.yaml is valid, and takes over silently when it is not: remove it',
    );
  });
});

describe('detectAgentKind', () => {
  const cases: Array<[string, string, ReturnType<typeof detectAgentKind>]> = [
    ['http_check seed', fixture('http_check', 'seed.yaml'), 'http_check'],
    ['mysql seed', fixture('mysql', 'seed.yaml'), 'mysql'],
    ['mysql with legacy keys', 'instances:\n  - server: db\n    user: datadog\n', 'mysql'],
    ['fluent.conf', '<source>\n  @type forward\n</source>\n', undefined],
    ['a task definition', '{"family": "x", "containerDefinitions": []}', undefined],
    ['instances without a known key', 'instances:\n  - foo: bar\n', undefined],
    ['empty', '', undefined],
    ['broken YAML', 'instances:\n  - url: "x\n', undefined],
  ];
  test.each(cases)('%s', (_name, text, expected) => {
    expect(detectAgentKind(sourceFromText('conf.yaml', text))).toBe(expected);
  });
});

test('rows() keeps the table format stable', () => {
  const r: Row[] = rows([{ file: 'f', line: 1, column: 2, severity: 'error', code: 'x/y', message: 'm' }]);
  expect(r).toEqual([['x/y', 1, 2, 'error']]);
});
