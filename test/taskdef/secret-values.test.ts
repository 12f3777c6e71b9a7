/**
 * Credentials by value in a task definition (`taskdef/plain-credential`): one warning per value at
 * its line and column, naming the container and the variable or argument, never the value; and
 * the same values masked in the plan's diff and in the CLI's plan (text and JSON), while plain
 * settings (`true`, `30`) stay readable.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sourceFromText } from '../../src/checks/source.js';
import { checkTaskDefinition } from '../../src/checks/taskdef/index.js';
import { main } from '../../src/cli/main.js';
import { taskDefinitionDiff } from '../../src/ecs/diff.js';
import { sensitiveValues } from '../../src/ecs/sensitive.js';
import { EXAMPLE } from '../support/example-env.js';

/** Obviously fake credentials, each unique so a grep finds any leak. */
export const SECRETS = {
  envPassword: 'pw-in-env-4471',
  dsn: 'https://dsnkey9911@o1.ingest.example.com/2',
  urlPassword: 'pw-in-url-5582',
  argPassword: 'pw-in-arg-6693',
  projectUrlPassword: 'pw-in-project-7781',
};

/** The example's agent container with a password, a DSN, a URL with a password and a --password argument. */
export function withCredentials(taskDefText: string): string {
  const text = taskDefText.replace(
    '        { "name": "DD_SECRET_BACKEND_COMMAND", "value": "/readsecret_multiple_providers.sh" }\n      ],',
    [
      '        { "name": "DD_SECRET_BACKEND_COMMAND", "value": "/readsecret_multiple_providers.sh" },',
      '        { "name": "DD_LOGS_ENABLED", "value": "true" },',
      '        { "name": "DD_CHECK_RUNNERS", "value": "30" },',
      `        { "name": "APP_DB_PASS", "value": "${SECRETS.envPassword}" },`,
      `        { "name": "SENTRY_DSN", "value": "${SECRETS.dsn}" },`,
      `        { "name": "REPLICA_URL", "value": "postgres://app:${SECRETS.urlPassword}@db.internal:5432/app" }`,
      '      ],',
      `      "command": ["agent", "run", "--password=${SECRETS.argPassword}"],`,
    ].join('\n'),
  );
  expect(text).not.toBe(taskDefText);
  return text;
}

/** The project gives the agent container plain settings and a URL with a password of its own. */
export function withProjectEnvironment(projectText: string): string {
  const text = projectText.replace(
    '    secrets:\n      DD_API_KEY: /datadog/apikey       # SSM parameter in the project\'s region\n',
    [
      '    secrets:',
      '      DD_API_KEY: /datadog/apikey',
      '    environment:',
      '      DD_APM_ENABLED: "true"',
      '      DD_APM_MAX_TPS: "30"',
      `      METRICS_URL: postgres://app:${SECRETS.projectUrlPassword}@db.internal:5432/metrics`,
      '',
    ].join('\n'),
  );
  expect(text).not.toBe(projectText);
  return text;
}

const TASKDEF = 'ecs/datadog-agent.taskdef.json';
const exampleTaskDef = (): string => readFileSync(path.join(EXAMPLE, TASKDEF), 'utf8');

describe('taskdef/plain-credential', () => {
  test('one warning per value, at the value, naming the container and the variable or argument', () => {
    const text = withCredentials(exampleTaskDef());
    const findings = checkTaskDefinition(sourceFromText(TASKDEF, text), {}).findings.filter((f) => f.code === 'taskdef/plain-credential');
    expect(findings.map((f) => [f.line, f.column, f.severity, f.message])).toEqual([
      [23, 43, 'warning', expect.stringMatching(/^container "datadog-agent": environment APP_DB_PASS holds a credential .*; move it to "secrets"/)],
      [24, 42, 'warning', expect.stringMatching(/^container "datadog-agent": environment SENTRY_DSN holds a credential .*; move it to "secrets"/)],
      [25, 43, 'warning', expect.stringMatching(/^container "datadog-agent": environment REPLICA_URL holds a URL with a password in plain text; move it to "secrets"/)],
      [27, 35, 'warning', expect.stringMatching(/^container "datadog-agent" command\[2\] passes a credential \(--password\) in plain text; move it to "secrets"/)],
    ]);
    // Each position is the value's opening quote.
    const lines = text.split('\n');
    const at = (f: { line: number; column: number }): string => (lines[f.line - 1] as string).slice(f.column - 1);
    expect(findings.map(at)).toEqual([
      expect.stringMatching(new RegExp(`^"${SECRETS.envPassword}"`)),
      expect.stringMatching(/^"https:\/\/dsnkey9911@/),
      expect.stringMatching(/^"postgres:\/\/app:/),
      expect.stringMatching(/^"--password=/),
    ]);
    for (const f of findings) for (const s of Object.values(SECRETS)) expect(f.message).not.toContain(s);
  });

  test('plain settings, references and what rules.ts already reports get no second warning', () => {
    const text = JSON.stringify({
      family: 'app',
      containerDefinitions: [
        {
          name: 'app',
          image: 'app:1',
          environment: [
            { name: 'DB_PASSWORD', value: 'hunter22' },
            { name: 'DB_PASS_ENABLED', value: 'true' },
            { name: 'API_TOKEN_TTL', value: '30' },
            { name: 'DATABASE_URL', value: 'postgres://app:${DB_PASSWORD}@db/app' },
            { name: 'DD_SECRET_BACKEND_COMMAND', value: '/readsecret_multiple_providers.sh' },
          ],
          entryPoint: ['sh', '-c', 'exec app --password "$DB_PASSWORD"'],
        },
      ],
    });
    const codes = checkTaskDefinition(sourceFromText('td.json', text), {}).findings.map((f) => f.code);
    expect(codes).not.toContain('taskdef/plain-credential');
    expect(codes.filter((c) => c === 'taskdef/secret-like-environment')).toHaveLength(1);
  });
});

describe('masking', () => {
  const rendered = JSON.parse(withCredentials(exampleTaskDef())) as Record<string, unknown>;

  test('a new task definition diff shows every value masked in place, plain settings as they are', () => {
    // Against nothing, every masked value is new: "*** (changed)".
    const diff = taskDefinitionDiff({ name: 'agent', live: undefined, rendered });
    for (const s of Object.values(SECRETS)) expect(diff).not.toContain(s);
    expect(diff).toContain('"value": "postgres://app:*** (changed)@db.internal:5432/app"');
    expect(diff).toContain('"--password=*** (changed)"');
    expect(diff).toContain('"value": "true"');
    expect(diff).toContain('"value": "30"');
    expect(diff).toContain('"value": "/readsecret_multiple_providers.sh"');
  });

  test('a changed password inside a URL still shows as a change', () => {
    const changed = JSON.parse(JSON.stringify(rendered).replace(SECRETS.urlPassword, 'pw-rotated-0001')) as Record<string, unknown>;
    const diff = taskDefinitionDiff({ name: 'agent', live: rendered, rendered: changed });
    expect(diff).toContain('-          "value": "postgres://app:***@db.internal:5432/app"');
    expect(diff).toContain('+          "value": "postgres://app:*** (changed)@db.internal:5432/app"');
    expect(diff).not.toContain('pw-rotated-0001');
  });

  test('the log mask gets the secrets, never a plain setting', () => {
    const masked = sensitiveValues(rendered);
    for (const s of [SECRETS.envPassword, SECRETS.dsn, SECRETS.urlPassword, SECRETS.argPassword]) expect(masked).toContain(s);
    for (const plain of ['true', '30', '/readsecret_multiple_providers.sh', 'datadoghq.com']) expect(masked).not.toContain(plain);
  });
});

describe('the CLI plan', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'secret-values-cli-'));
    cpSync(EXAMPLE, dir, { recursive: true });
    writeFileSync(path.join(dir, TASKDEF), withCredentials(exampleTaskDef()));
    const project = path.join(dir, 'dd-ecs-monitor.yml');
    writeFileSync(project, withProjectEnvironment(readFileSync(project, 'utf8')));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function plan(format: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['plan', '--offline', ...format], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, env: { PATH: process.env.PATH } });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  test.each([[[]], [['--format', 'json']]])('%j: the warnings, the diff with masked values, no secret anywhere', async (format) => {
    const r = await plan(format);
    expect(r.code).toBe(0);
    for (const s of Object.values(SECRETS)) expect(`${r.out}\n${r.err}`).not.toContain(s);
    expect(r.out).toContain('taskdef/plain-credential');
    // The project's new variable, and the template's URL beside it (diff context), both masked in place.
    expect(r.out).toContain('postgres://app:*** (changed)@db.internal:5432/metrics');
    expect(r.out).toContain('postgres://app:***@db.internal:5432/app');
    expect(r.out).toMatch(/"value\\?": \\?"true\\?"/);
    expect(r.out).toMatch(/"value\\?": \\?"30\\?"/);
  });
});
