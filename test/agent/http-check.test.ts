/** http_check: fixture file -> exact findings (code, line, column, severity). */
import { describe, expect, test } from '@jest/globals';
import { type Row, checkFixture, checkText, rows, seedContext } from './support.js';

const TABLE: Array<[string, Row[]]> = [
  ['seed.yaml', []],
  ['shape-empty.yaml', [['http_check/no-instances', 1, 1, 'error']]],
  ['shape-list.yaml', [['http_check/not-a-mapping', 1, 1, 'error']]],
  [
    'shape-no-instances.yaml',
    // `instance:` is the near miss of `instances:`: one error on its own line, not "no instances" on line 1.
    [['http_check/misspelled-key', 2, 1, 'error']],
  ],
  ['misspelled-instances.yaml', [['http_check/misspelled-key', 3, 1, 'error']]],
  [
    // include_default_headers is read with a bare `if` (http_check.py HTTPCheck.__init__): "false" is truthy.
    // disable_ssl_validation and tls_verify go through is_affirmative (utils/http.py): "false" is false, no finding.
    'as-read.yaml',
    [
      ['http_check/misspelled-key', 1, 1, 'error'],
      ['http_check/truthy-string', 6, 30, 'warning'],
      ['http_check/deprecated-key', 9, 5, 'warning'],
      ['http_check/tag-without-key', 17, 9, 'warning'],
    ],
  ],
  ['simple-tags.yaml', []],
  ['shape-instances-map.yaml', [['http_check/instances-not-list', 3, 3, 'error']]],
  [
    'shape-items.yaml',
    [
      ['http_check/instance-not-mapping', 2, 5, 'error'],
      ['http_check/instance-not-mapping', 3, 4, 'error'],
    ],
  ],
  [
    'top-level.yaml',
    [
      ['http_check/wrong-type', 1, 14, 'error'],
      ['http_check/unknown-key', 2, 1, 'warning'],
      ['http_check/wrong-type', 4, 16, 'error'],
      ['http_check/docker-images', 5, 1, 'error'],
    ],
  ],
  ['ad-template.yaml', [['http_check/ad-template', 1, 1, 'warning']]],
  [
    'duplicates.yaml',
    [
      ['http_check/duplicate-key', 5, 5, 'error'],
      ['http_check/duplicate-key', 6, 1, 'error'],
      ['http_check/duplicate-key', 9, 5, 'error'],
    ],
  ],
  [
    'options.yaml',
    [
      ['http_check/unknown-key', 2, 3, 'warning'],
      ['http_check/unknown-key', 4, 5, 'warning'],
      ['http_check/wrong-type', 8, 14, 'error'],
      ['http_check/wrong-type', 9, 11, 'error'],
      ['http_check/wrong-type', 10, 30, 'error'],
      ['http_check/wrong-type', 11, 29, 'error'],
      ['http_check/wrong-type', 12, 17, 'error'],
      ['http_check/wrong-type', 14, 19, 'error'],
      ['http_check/invalid-value', 15, 20, 'error'],
      ['http_check/deprecated-key', 17, 5, 'warning'],
      ['http_check/deprecated-key', 18, 5, 'warning'],
      ['http_check/unknown-key', 19, 5, 'warning'],
      ['http_check/invalid-value', 25, 13, 'error'],
      ['http_check/wrong-type', 28, 9, 'error'],
      ['http_check/unknown-key', 30, 7, 'warning'],
      ['http_check/wrong-type', 31, 11, 'error'],
      ['http_check/wrong-type', 33, 28, 'error'],
    ],
  ],
  [
    'url.yaml',
    [
      ['http_check/missing-required', 2, 5, 'error'],
      ['http_check/missing-required', 3, 11, 'error'],
      ['http_check/url-scheme', 6, 10, 'error'],
      ['http_check/url-scheme', 8, 10, 'error'],
      ['http_check/invalid-url', 10, 10, 'error'],
      ['http_check/invalid-url', 12, 10, 'error'],
      ['http_check/url-credentials', 14, 10, 'error'],
      ['http_check/example-value', 16, 10, 'warning'],
      ['http_check/invalid-url', 18, 10, 'error'],
      ['http_check/url-scheme', 20, 10, 'error'],
    ],
  ],
  [
    'names.yaml',
    [
      ['http_check/duplicate-name', 4, 11, 'error'],
      ['http_check/duplicate-name', 8, 11, 'error'],
      ['http_check/duplicate-url', 9, 10, 'warning'],
    ],
  ],
  [
    'semantics.yaml',
    [
      ['http_check/invalid-value', 2, 12, 'error'],
      ['http_check/data-ignored', 6, 5, 'warning'],
      ['http_check/invalid-regex', 7, 32, 'error'],
      ['http_check/invalid-regex', 8, 20, 'error'],
      ['http_check/status-code-prefix', 12, 32, 'warning'],
      ['http_check/invalid-value', 16, 32, 'error'],
      ['http_check/cert-check-on-http', 19, 5, 'warning'],
      ['http_check/cert-check-on-http', 22, 5, 'warning'],
      ['http_check/contradictory-thresholds', 26, 20, 'error'],
      ['http_check/invalid-value', 29, 20, 'error'],
      ['http_check/contradictory-thresholds', 33, 23, 'error'],
      ['http_check/cert-check-unknown', 36, 17, 'warning'],
      ['http_check/timeout-exceeds-interval', 39, 14, 'warning'],
      ['http_check/invalid-value', 40, 22, 'error'],
      ['http_check/url-tag', 44, 9, 'warning'],
      ['http_check/auth-incomplete', 48, 16, 'error'],
      ['http_check/auth-incomplete', 52, 16, 'error'],
      ['http_check/auth-incomplete', 56, 5, 'warning'],
    ],
  ],
  [
    'secrets.yaml',
    [
      ['http_check/literal-secret', 5, 15, 'warning'],
      ['http_check/literal-secret', 6, 31, 'warning'],
      ['http_check/secret-handle-partial', 10, 15, 'error'],
      ['http_check/literal-secret', 24, 24, 'warning'],
    ],
  ],
];

describe('http_check fixtures (no context)', () => {
  test.each(TABLE)('%s', (name, expected) => {
    expect(rows(checkFixture('http_check', name).findings)).toEqual(expected);
  });
});

describe('http_check messages', () => {
  test('unknown keys name the likely option (CONFIG-FACTS E2.2: warnings with a did-you-mean)', () => {
    const msgs = checkFixture('http_check', 'options.yaml')
      .findings.filter((f) => f.code === 'http_check/unknown-key')
      .map((f) => f.message);
    expect(msgs).toEqual([
      'unknown option "timout" in init_config: the check ignores it (did you mean "timeout"?)',
      'unknown option "htps" in init_config > proxy: the check ignores it (did you mean "https"?)',
      'unknown option "headrs" in instance 1: the check ignores it (did you mean "headers"?)',
      'unknown option "htp" in instance 2 > proxy: the check ignores it (did you mean "http"?)',
    ]);
  });

  test('deprecated names say what to write instead', () => {
    const f = checkFixture('http_check', 'options.yaml').findings.find((x) => x.code === 'http_check/deprecated-key');
    expect(f?.message).toBe(
      '"disable_ssl_validation" in instance 1 is a deprecated name: use "tls_verify" (with the opposite value)',
    );
  });

  test('a URL without a scheme gets the fix (DataDog/integrations-core#2393)', () => {
    const f = checkFixture('http_check', 'url.yaml').findings.find((x) => x.line === 6);
    expect(f?.message).toContain('write https://www.example.com');
  });

  test('credentials in a URL are never repeated in the message', () => {
    for (const f of checkFixture('http_check', 'url.yaml').findings) expect(f.message).not.toContain('hunter2');
  });

  test('a top-level duplicate `instances` says how many sites are dropped', () => {
    const f = checkFixture('http_check', 'duplicates.yaml').findings.find((x) => x.line === 6);
    expect(f?.message).toBe(
      'top-level key "instances" appears again (first at line 1): the agent keeps only this one and drops everything under line 1 (1 entry); merge them',
    );
  });
});

describe('http_check value typing follows the agent (CONFIG-FACTS A0)', () => {
  const cases: Array<[string, string, Row[]]> = [
    ['yes is a boolean', 'skip_proxy: yes', []],
    ['n is a boolean', 'tls_verify: n\n    tls_retrieve_non_validated_cert: Y', []],
    ['a quoted "true" passes the config model', 'allow_redirects: "true"', []],
    ['a quoted number passes the config model', 'timeout: "5"', []],
    ['1.0 arrives as 1', 'days_warning: 30.0', []],
    ['0o17 is an integer', 'days_warning: 0o17', []],
    ['a number for a string option', 'content_match: 200', [['http_check/wrong-type', 5, 20, 'error']]],
    ['min_collection_interval 1.5 is accepted (truncated by the agent)', 'min_collection_interval: 30.5', []],
    ['tags must be a list for the agent', 'tags: "env:prd"', [['http_check/wrong-type', 5, 11, 'error']]],
    [
      'empty_default_hostname must be a YAML boolean',
      'empty_default_hostname: "yes"',
      [['http_check/wrong-type', 5, 29, 'error']],
    ],
    ['a secret handle cannot be a list', 'tags: ["ENC[tags]"]', []],
    [
      'hidden spec options are valid',
      'use_truststore: true\n    disable_generic_tags: true\n    tls_ciphers: [TLS_AES_256_GCM_SHA384]',
      [],
    ],
    ['agent-reserved instance fields are valid', 'namespace: web\n    no_index: true', []],
  ];
  test.each(cases)('%s', (_name, extra, expected) => {
    const text = `instances:\n  - name: a\n    url: https://a.example.com\n    check_certificate_expiration: true\n    ${extra}\n`;
    expect(rows(checkText('http_check', text).findings)).toEqual(expected);
  });
});

describe('http_check with the deploy context', () => {
  test('the seed site validates clean with the full context', () => {
    const res = checkFixture('http_check', 'seed.yaml', seedContext());
    expect(res.findings).toEqual([]);
  });

  test('secrets and environment are cross-checked against the image and the task definition', () => {
    const res = checkFixture('http_check', 'secrets.yaml', seedContext());
    expect(rows(res.findings)).toEqual([
      ['http_check/literal-secret', 5, 15, 'warning'],
      ['http_check/literal-secret', 6, 31, 'warning'],
      ['http_check/secret-handle-partial', 10, 15, 'error'],
      ['http_check/env-missing', 13, 15, 'error'],
      ['http_check/secret-file-missing', 14, 15, 'error'],
      ['http_check/env-missing', 16, 18, 'error'],
      ['http_check/literal-secret', 24, 24, 'warning'],
    ]);
    for (const f of res.findings) {
      expect(f.message).not.toContain('hunter2');
      expect(f.message).not.toContain('s3cret');
      expect(f.message).not.toContain('plain-text-secret');
    }
  });

  test('an environment that may come from environmentFiles only warns', () => {
    const ctx = seedContext();
    const res = checkFixture('http_check', 'secrets.yaml', { ...ctx, env: { ...ctx.env!, open: true } });
    expect(rows(res.findings).filter((r) => r[0] === 'http_check/env-missing')).toEqual([
      ['http_check/env-missing', 13, 15, 'warning'],
      ['http_check/env-missing', 16, 18, 'warning'],
    ]);
  });

  test('the variable named in %%env_X%% is accepted once the task definition provides it', () => {
    const ctx = seedContext();
    const names = new Set([...ctx.env!.names, 'WEB_USER', 'API_KEY']);
    const res = checkFixture('http_check', 'secrets.yaml', { ...ctx, env: { ...ctx.env!, names } });
    expect(res.findings.some((f) => f.code === 'http_check/env-missing')).toBe(false);
  });
});

describe('sites', () => {
  test('the seed site, with its options as plain values', () => {
    expect(checkFixture('http_check', 'seed.yaml').sites).toEqual([
      { name: 'cuebic website', url: 'https://www.example.com/', line: 5, options: { timeout: 5, tags: ['env:prd'] } },
    ]);
  });

  test('secret options, credential headers and URL passwords are replaced; handles and references stay', () => {
    const text = [
      'instances:',
      '  - name: a',
      '    url: https://monitor:hunter2@a.example.com/',
      '    password: hunter2',
      '    tls_private_key_password: "ENC[file@/etc/datadog-agent/secrets/key_password]"',
      '    headers:',
      '      Authorization: Bearer abc123',
      '      X-Token: "%%env_TOKEN%%"',
      '      Host: a.example.com',
      '    proxy:',
      '      https: http://user:pw@proxy.example.internal:3128',
      '    auth_token:',
      '      reader: {type: file, path: /etc/token}',
      '    tags:',
      '      - owner:team@example.com',
    ].join('\n');
    expect(checkText('http_check', text).sites).toEqual([
      {
        name: 'a',
        url: 'https://monitor:<secret>@a.example.com/',
        line: 2,
        options: {
          password: '<secret>',
          tls_private_key_password: 'ENC[file@/etc/datadog-agent/secrets/key_password]',
          headers: { Authorization: '<secret>', 'X-Token': '%%env_TOKEN%%', Host: 'a.example.com' },
          proxy: { https: 'http://user:<secret>@proxy.example.internal:3128' },
          auth_token: '<secret>',
          tags: ['owner:team@example.com'],
        },
      },
    ]);
  });

  test('a `__proto__` option stays plain data', () => {
    const sites = checkText(
      'http_check',
      'instances:\n  - name: a\n    url: https://a.example.com\n    __proto__: {polluted: true}\n',
    ).sites;
    expect(Object.getPrototypeOf(sites[0]!.options)).toBe(Object.prototype);
    expect(Object.keys(sites[0]!.options)).toEqual(['__proto__']);
  });

  test('every instance is a site, even when its name or url is missing', () => {
    expect(
      checkText('http_check', 'instances:\n  - url: https://a.example.com\n  - name: b\n').sites.map((s) => [
        s.name,
        s.url,
        s.line,
      ]),
    ).toEqual([
      ['', 'https://a.example.com', 2],
      ['b', '', 3],
    ]);
  });
});

test('a templated file gets one notice and nothing else', () => {
  const res = checkText('http_check', 'instances:\n  - name: {{ site_name }}\n    url: "{{ site_url }}"\n');
  expect(rows(res.findings)).toEqual([['file/template', 2, 11, 'notice']]);
  expect(res.sites).toEqual([]);
});

test('YAML syntax errors stop the check (the agent rejects the file)', () => {
  const res = checkText('http_check', 'instances:\n  - name: a\n    url: "https://a.example.com\n');
  expect(res.findings.every((f) => f.code.startsWith('yaml/'))).toBe(true);
  expect(res.findings.length).toBeGreaterThan(0);
});
