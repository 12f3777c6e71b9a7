/** mysql: fixture file -> exact findings (code, line, column, severity). */
import { describe, expect, test } from '@jest/globals';
import { SECRET_FILE, type Row, checkFixture, checkText, rows, seedContext } from './support.js';

const TABLE: Array<[string, Row[]]> = [
  ['seed.yaml', []],
  [
    'connection.yaml',
    [
      ['mysql/missing-connection', 2, 5, 'error'],
      ['mysql/missing-connection', 3, 5, 'error'],
      ['mysql/deprecated-key', 4, 5, 'warning'],
      ['mysql/deprecated-key', 5, 5, 'warning'],
      ['mysql/deprecated-key', 6, 5, 'warning'],
      ['mysql/sock-and-host', 7, 5, 'warning'],
      ['mysql/defaults-file-overrides', 10, 5, 'warning'],
    ],
  ],
  [
    'options.yaml',
    [
      ['mysql/wrong-type', 11, 15, 'error'],
      ['mysql/invalid-value', 12, 11, 'error'],
      ['mysql/wrong-type', 13, 32, 'error'],
      ['mysql/deprecated-key', 14, 5, 'warning'],
      ['mysql/unknown-key', 17, 7, 'warning'],
      ['mysql/invalid-value', 19, 25, 'error'],
      ['mysql/deprecated-key', 20, 7, 'warning'],
      ['mysql/invalid-value', 22, 24, 'error'],
      ['mysql/deprecated-key', 23, 5, 'warning'],
      ['mysql/deprecated-key', 24, 5, 'warning'],
      ['mysql/deprecated-key', 35, 5, 'warning'],
      ['mysql/deprecated-key', 37, 5, 'warning'],
      ['mysql/wrong-type', 42, 15, 'error'],
      ['mysql/invalid-value', 43, 11, 'error'],
      ['mysql/invalid-value', 44, 32, 'error'],
    ],
  ],
  [
    'queries.yaml',
    [
      ['mysql/custom-query', 3, 7, 'error'],
      ['mysql/custom-query', 14, 19, 'error'],
      ['mysql/custom-query', 15, 13, 'error'],
      ['mysql/custom-query', 18, 9, 'error'],
      ['mysql/wrong-type', 21, 9, 'error'],
    ],
  ],
  [
    'dbm.yaml',
    [
      ['mysql/dbm-disabled', 4, 5, 'warning'],
      ['mysql/dbm-disabled', 8, 5, 'warning'],
      ['mysql/aws-region-missing', 18, 18, 'error'],
      ['mysql/query-metrics-interval', 23, 28, 'warning'],
    ],
  ],
  [
    'secrets.yaml',
    [
      ['mysql/literal-secret', 4, 15, 'warning'],
      ['mysql/secret-file-relative', 13, 15, 'warning'],
      ['mysql/secret-handle-k8s', 16, 15, 'warning'],
    ],
  ],
];

describe('mysql fixtures (no context)', () => {
  test.each(TABLE)('%s', (name, expected) => {
    expect(rows(checkFixture('mysql', name).findings)).toEqual(expected);
  });
});

describe('mysql messages', () => {
  test('a password YAML reads as a boolean is a type error that never shows the value', () => {
    const f = checkFixture('mysql', 'options.yaml').findings.find((x) => x.line === 11);
    expect(f?.message).toBe(
      '"password" in instance 1 must be a string, not a boolean: the check rejects the instance and never runs; quote it if it is meant as text (YAML reads yes/no/on/off/y/n as booleans)',
    );
  });

  test("a missing connection quotes the check's own error (CONFIG-FACTS A4)", () => {
    const f = checkFixture('mysql', 'connection.yaml').findings[0];
    expect(f?.message).toBe(
      'instance 1 has no host (or sock) and username: the check fails ("Mysql host and user or a defaults_file are needed."); set host and username, or defaults_file',
    );
  });

  test('the plain-text password is a warning naming the fix, without the password', () => {
    const f = checkFixture('mysql', 'secrets.yaml').findings[0];
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('ENC[file@');
    expect(f?.message).not.toContain('hunter2');
  });
});

describe('mysql with the deploy context', () => {
  test('the seed config (password through the secret backend) validates clean', () => {
    expect(checkFixture('mysql', 'seed.yaml', seedContext()).findings).toEqual([]);
  });

  test('handles and env references are checked against the image and the task definition', () => {
    expect(rows(checkFixture('mysql', 'secrets.yaml', seedContext()).findings)).toEqual([
      ['mysql/literal-secret', 4, 15, 'warning'],
      ['mysql/env-missing', 6, 15, 'error'],
      ['mysql/secret-file-missing', 10, 15, 'error'],
      ['mysql/secret-file-relative', 13, 15, 'warning'],
      ['mysql/secret-handle-k8s', 16, 15, 'warning'],
    ]);
  });

  const SEED_NO_BACKEND: Array<[string, Parameters<typeof seedContext>[0], Row[]]> = [
    [
      'no secret backend: the agent cannot resolve the handle',
      { secretBackend: { configured: false, where: 'container "datadog-agent" of ecs/datadog-agent.taskdef.json' } },
      [['mysql/secret-backend-missing', 6, 15, 'error']],
    ],
    [
      'the legacy /readsecret.sh does not read file@ handles',
      { secretBackend: { configured: true, where: 'datadog/datadog.yaml', command: '/readsecret.sh' } },
      [['mysql/secret-backend-mismatch', 6, 15, 'warning']],
    ],
    [
      'a native backend expects its own handles',
      { secretBackend: { configured: true, where: 'DD_SECRET_BACKEND_TYPE', type: 'aws.ssm' } },
      [['mysql/secret-backend-mismatch', 6, 15, 'warning']],
    ],
    [
      "the secret file is not COPY'd",
      {
        image: {
          dockerfile: 'datadog/Dockerfile',
          files: new Map(),
          gems: new Set(),
          baseImage: undefined,
          complete: true,
        },
      },
      [['mysql/secret-file-missing', 6, 15, 'error']],
    ],
    [
      'a Dockerfile that cannot be followed only warns',
      {
        image: {
          dockerfile: 'datadog/Dockerfile',
          files: new Map(),
          gems: new Set(),
          baseImage: undefined,
          complete: false,
        },
      },
      [['mysql/secret-file-missing', 6, 15, 'warning']],
    ],
    ['no image known: no file cross-check', { image: undefined }, []],
    ['no backend known: no backend cross-check', { secretBackend: undefined }, []],
  ];
  test.each(SEED_NO_BACKEND)('%s', (_name, over, expected) => {
    expect(rows(checkFixture('mysql', 'seed.yaml', seedContext(over)).findings)).toEqual(expected);
  });

  test('the secret file is found by its image path', () => {
    const ctx = seedContext();
    expect(ctx.image?.files.has(SECRET_FILE)).toBe(true);
  });
});

describe('mysql rules', () => {
  const cases: Array<[string, string, Row[]]> = [
    ['port as a quoted number passes', 'port: "3306"', []],
    ['port 0', 'port: 0', [['mysql/invalid-value', 5, 11, 'error']]],
    ['port from the environment is not judged', 'port: "%%env_DB_PORT%%"', []],
    ['use_global_custom_queries quoted true', 'use_global_custom_queries: "true"', []],
    ['obfuscation mode', 'dbm: true\n    obfuscator_options:\n      obfuscation_mode: obfuscate_only', []],
    ['sub-features disabled explicitly are fine without dbm', 'query_samples:\n      enabled: false', []],
    [
      'dbm given as a quoted true still enables the features',
      'dbm: "true"\n    query_samples:\n      enabled: true',
      [],
    ],
  ];
  test.each(cases)('%s', (_name, extra, expected) => {
    const text = `instances:\n  - host: db.example.internal\n    username: datadog\n    password: "ENC[file@/etc/datadog-agent/secrets/db_password]"\n    ${extra}\n`;
    expect(rows(checkText('mysql', text).findings)).toEqual(expected);
  });

  test('mysql files give no sites', () => {
    expect(checkFixture('mysql', 'seed.yaml').sites).toEqual([]);
  });
});

test('%%env_X%% outside init_config, instances and logs stays literal (CONFIG-FACTS A1)', () => {
  const text =
    'ad_identifiers:\n  - "%%env_IMAGE%%"\ninstances:\n  - host: db.example.internal\n    username: datadog\n';
  expect(rows(checkText('mysql', text, seedContext()).findings)).toEqual([
    ['mysql/ad-template', 1, 1, 'warning'],
    ['mysql/env-not-resolved', 2, 5, 'warning'],
  ]);
});
