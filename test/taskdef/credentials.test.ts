/**
 * The credential detector (src/checks/credentials.ts): which values are secrets and which are
 * plain settings that must stay visible (masking `true` would blank every "true" in a job log).
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  argumentCredentials,
  environmentCredential,
  isCredentialName,
  isLogMaskable,
  isPlainSetting,
  urlPasswords,
} from '../../src/checks/credentials.js';

describe('isPlainSetting: never a credential, whatever the name', () => {
  test.each([
    ['', true],
    ['true', true],
    ['False', true],
    ['off', true],
    ['30', true],
    ['30s', true],
    ['512m', true],
    ['86400s', true],
    ['12345', true],
    ['20240917', false],
    ['0.5', true],
    ['$DB_PASSWORD', true],
    ['${DB_PASSWORD}', true],
    ['%%env_MYSQL_PASSWORD%%', true],
    ['ENC[file@/secrets/mysql]', true],
    ['<your token>', true],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf', true],
    ['/readsecret_multiple_providers.sh', true],
    ['hunter22', false],
    ['s3cr3t-Pa55', false],
    ['abcdef0123456789abcdef0123456789', false],
    ['ab', false],
  ])('%j -> %s', (value, plain) => {
    expect(isPlainSetting(value)).toBe(plain);
  });
});

describe('isLogMaskable: long and unusual enough for core.setSecret', () => {
  test.each([
    ['true', false],
    ['30', false],
    ['admin', false],
    ['hunter', true],
    ['hunter22', true],
    ['/usr/local/bin/x', false],
  ])('%j -> %s', (value, maskable) => {
    expect(isLogMaskable(value)).toBe(maskable);
  });
});

describe('isCredentialName', () => {
  test.each([
    ['DB_PASSWORD', true],
    ['MYSQL_ROOT_PASS', true],
    ['PGPASSWORD', true],
    ['PGPWD', false],
    ['DB_PWD', true],
    ['dbPassword', true],
    ['SENTRY_DSN', true],
    ['GITHUB_TOKEN', true],
    ['CLIENT_SECRET', true],
    ['DD_API_KEY', true],
    ['STRIPE_APIKEY', true],
    ['apiKey', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['DB_PASSWORD_FILE', false],
    ['AWS_ACCESS_KEY_ID', false],
    ['DD_SECRET_BACKEND_COMMAND', false],
    ['DD_SECRET_BACKEND_TYPE', false],
    ['DD_SECRET_BACKEND_ARGUMENTS', false],
    ['DD_SECRET_REFRESH_INTERVAL', false],
    ['CACHE_BYPASS', false],
    ['DD_SITE', false],
    ['PRIMARY_KEY_COLUMN', false],
    ['MONKEY', false],
  ])('%s -> %s', (name, credential) => {
    expect(isCredentialName(name)).toBe(credential);
  });
});

describe('environmentCredential: what the warning says and how the value is masked', () => {
  test.each([
    ['DB_PASSWORD', 'hunter22', 'a credential (by its name, DB_PASSWORD)', '***'],
    ['VAULT_PIN_PASS', '20240917', 'a credential (by its name, VAULT_PIN_PASS)', '***'],
    ['SENTRY_DSN', 'https://0123abcd@o1.ingest.example.com/2', 'a credential (by its name, SENTRY_DSN)', '***'],
    ['DATABASE_URL', 'postgres://app:pg-pass-1234@db/app', 'a URL with a password', 'postgres://app:***@db/app'],
    ['DSN', 'mysql://root:r00t-pw@mysql:3306/', 'a URL with a password', 'mysql://root:***@mysql:3306/'],
    ['REDIS_URL', 'redis://:only-pass-99@cache:6379/0', 'a URL with a password', 'redis://:***@cache:6379/0'],
  ])('%s=%s', (name, value, what, masked) => {
    const found = environmentCredential(name, value);
    expect(found && { what: found.what, masked: found.masked('***') }).toEqual({ what, masked });
  });

  test.each([
    ['DB_PASSWORD', 'true'],
    ['API_TOKEN_TTL', '30'],
    ['DD_APM_ENABLED', 'true'],
    ['DD_SECRET_BACKEND_COMMAND', '/readsecret_multiple_providers.sh'],
    ['DB_PASSWORD', '$FROM_SHELL'],
    ['DD_LOGS_ENABLED', 'true'],
    ['SERVICE_URL', 'https://api.example.com/v1'],
    ['OWNER', 'team@example.com'],
    ['UPSTREAM', 'https://user@example.com/'],
    ['DATABASE_URL', 'postgres://app:${DB_PASSWORD}@db:5432/app'],
  ])('%s=%s is not a credential', (name, value) => {
    expect(environmentCredential(name, value)).toBeUndefined();
  });
});

test('urlPasswords finds each URL of a longer string', () => {
  const found = urlPasswords('://x primary=postgres://a:pw-one-111@h1/x replica=postgres://b:pw-two-222@h2/x');
  expect(found.map((f) => f.secret)).toEqual(['pw-one-111', 'pw-two-222']);
  const twice = environmentCredential('URLS', 'postgres://a:pw-one-111@h1/x,postgres://a:pw-one-111@h2/x');
  expect(twice?.masked('***')).toBe('postgres://a:***@h1/x,postgres://a:***@h2/x');
});

test('a megabyte value is read in one pass (no pattern that rescans it from every position)', () => {
  const big = `${'a'.repeat(1 << 20)}://${'b'.repeat(1 << 20)}`;
  expect(urlPasswords(big)).toEqual([]);
  expect(environmentCredential('DB_PASSWORD', big)?.kind).toBe('credential-name');
  expect(argumentCredentials([big, `--password=${big}`])).toHaveLength(1);
}, 10_000);

test('any argv or environment value: never throws, and the masked form never holds a secret', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'B', '1', ':', '/', '@', '=', '-', ' ', '"', '$', 'x', '*') });
  fc.assert(
    fc.property(fc.array(text, { maxLength: 6 }), fc.string(), (args, name) => {
      const mask = '\u0000';
      for (const c of argumentCredentials(args)) for (const s of c.secrets) expect(c.masked(mask)).not.toContain(s);
      for (const v of args) {
        const c = environmentCredential(name, v);
        if (c) expect(c.masked(mask)).not.toContain(c.secret);
      }
    }),
    { numRuns: 500 },
  );
});

describe('argumentCredentials: command and entryPoint', () => {
  const found = (args: string[]) => argumentCredentials(args).map((c) => [c.index, c.what, c.secrets, c.masked('***')]);

  test.each<[string, string[], unknown[]]>([
    ['--password=x', ['app', '--password=x'], [[1, '--password', ['x'], '--password=***']]],
    ['--password VALUE', ['app', '--password', 'hunter22'], [[2, '--password', ['hunter22'], '***']]],
    ["--db-token='quoted'", ['app', "--db-token='tok-1234'"], [[1, '--db-token', ['tok-1234'], "--db-token='***'"]]],
    [
      'inside sh -c',
      ['sh', '-c', 'mysql -h db --password=hunter22 -e "select 1"'],
      [[2, '--password', ['hunter22'], 'mysql -h db --password=*** -e "select 1"']],
    ],
    [
      'a shell assignment',
      ['sh', '-c', 'PGPASSWORD=pg-pass-1 psql -h db'],
      [[2, 'PGPASSWORD=', ['pg-pass-1'], 'PGPASSWORD=*** psql -h db']],
    ],
    [
      'a URL',
      ['app', '--db', 'postgres://app:pg-pass-1234@db/app'],
      [[2, 'a URL with a password', ['pg-pass-1234'], 'postgres://app:***@db/app']],
    ],
    [
      '--dsn=URL: one finding, both masked',
      ['app', '--dsn=postgres://app:pg-pass-1234@db/app'],
      [[1, 'a URL with a password', ['pg-pass-1234', 'postgres://app:pg-pass-1234@db/app'], '--dsn=***']],
    ],
    [
      '-Djava property',
      ['java', '-Ddb.password=hunter22', '-jar', 'app.jar'],
      [[1, '-Ddb.password', ['hunter22'], '-Ddb.password=***']],
    ],
  ])('%s', (_, args, expected) => {
    expect(found(args)).toEqual(expected);
  });

  test.each<[string, string[]]>([
    ['a reference', ['sh', '-c', 'exec app --password "$DB_PASSWORD"']],
    ['${VAR}', ['app', '--password=${DB_PASSWORD}']],
    ['a password file', ['app', '--password-file', '/run/secrets/db']],
    ['docker login --password-stdin', ['docker', 'login', '--password-stdin', 'registry.example.com']],
    ['a switch', ['app', '--no-password', 'serve']],
    ['numbers and booleans', ['app', '--token-ttl=30', '--auth-token-enabled', 'true']],
    ['the Agent', ['/bin/entrypoint.sh']],
    ['a flag followed by a flag', ['app', '--password', '--verbose']],
  ])('nothing in %s', (_, args) => {
    expect(argumentCredentials(args)).toEqual([]);
  });
});
