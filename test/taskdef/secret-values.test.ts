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
import { SECRETS, withCredentials, withProjectEnvironment } from '../support/credential-fixture.js';
import { EXAMPLE } from '../support/example-env.js';

const TASKDEF = 'ecs/datadog-agent.taskdef.json';
const exampleTaskDef = (): string => readFileSync(path.join(EXAMPLE, TASKDEF), 'utf8');

describe('taskdef/plain-credential', () => {
  test('one warning per value, at the value, naming the container and the variable or argument', () => {
    const text = withCredentials(exampleTaskDef());
    const all = checkTaskDefinition(sourceFromText(TASKDEF, text), {}).findings;
    const findings = all.filter((f) => f.code === 'taskdef/plain-credential');
    const agent = 'container "datadog-agent"';
    const move = ' in plain text; move it to "secrets"';
    const head = (m: string): string => m.slice(0, m.indexOf(move) + move.length);
    expect(findings.map((f) => [f.line, f.column, f.severity, head(f.message)])).toEqual([
      [30, 43, 'warning', `${agent}: environment APP_DB_PASS holds a credential (by its name, APP_DB_PASS)${move}`],
      [31, 42, 'warning', `${agent}: environment SENTRY_DSN holds a credential (by its name, SENTRY_DSN)${move}`],
      [32, 43, 'warning', `${agent}: environment REPLICA_URL holds a URL with a password${move}`],
      [34, 35, 'warning', `${agent} command[2] passes a credential (--password)${move}`],
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

test('a health check command is an argv too: warned about and masked', () => {
  const td = {
    family: 'db-check',
    containerDefinitions: [
      {
        name: 'agent',
        image: 'agent:7',
        healthCheck: { command: ['CMD-SHELL', 'mysqladmin ping -u root --password=hc-pass-8812 || exit 1'] },
      },
    ],
  };
  const text = JSON.stringify(td, null, 2);
  const all = checkTaskDefinition(sourceFromText('td.json', text), {}).findings;
  const found = all.filter((f) => f.code === 'taskdef/plain-credential');
  expect(found.map((f) => [f.line, f.column, f.message.split(' in plain text')[0]])).toEqual([
    [10, 11, 'container "agent" healthCheck.command[1] passes a credential (--password)'],
  ]);
  expect(text.split('\n')[9]?.slice(10)).toMatch(/^"mysqladmin ping/);
  const diff = taskDefinitionDiff({ name: 'db-check', live: undefined, rendered: td });
  expect(diff).toContain('"mysqladmin ping -u root --password=*** (changed) || exit 1"');
  expect(diff).not.toContain('hc-pass-8812');
  expect(sensitiveValues(td)).toContain('hc-pass-8812');
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
    const rotated = JSON.stringify(rendered).replace(SECRETS.urlPassword, 'pw-rotated-0001');
    const changed = JSON.parse(rotated) as Record<string, unknown>;
    const diff = taskDefinitionDiff({ name: 'agent', live: rendered, rendered: changed });
    expect(diff).toContain('-          "value": "postgres://app:***@db.internal:5432/app"');
    expect(diff).toContain('+          "value": "postgres://app:*** (changed)@db.internal:5432/app"');
    expect(diff).not.toContain('pw-rotated-0001');
  });

  test('the log mask gets the secrets, never a plain setting', () => {
    const masked = sensitiveValues(rendered);
    const { envPassword, dsn, urlPassword, argPassword } = SECRETS;
    for (const s of [envPassword, dsn, urlPassword, argPassword]) expect(masked).toContain(s);
    for (const plain of ['true', '30', '/readsecret_multiple_providers.sh', 'datadoghq.com']) {
      expect(masked).not.toContain(plain);
    }
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
    const env = { PATH: process.env.PATH };
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir, env };
    const code = await main(['plan', '--offline', ...format], io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const FORMATS = [[[]], [['--format', 'json']]];
  test.each(FORMATS)('%j: the warnings, the diff with masked values, no secret anywhere', async (format) => {
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
