/**
 * The CLI as people expect it: a bare command prints usage (exit 2), `COMMAND --help` prints that
 * command's usage (exit 0), a mistyped option or command gets a did-you-mean, and a missing project
 * file points at `init` and the docs (exit 2).
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commandNames, parseCommand, USAGE } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';

async function cli(args: string[], cwd = tmpdir()): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd,
    env: { PATH: process.env.PATH },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('usage and help', () => {
  test('a bare dd-ecs-monitor prints the usage on stderr and exits 2', async () => {
    const r = await cli([]);
    expect([r.code, r.out, r.err]).toEqual([2, '', USAGE]);
  });

  test('--help prints the whole usage, exit 0', async () => {
    const r = await cli(['--help']);
    expect([r.code, r.out]).toEqual([0, USAGE]);
  });

  test.each(commandNames())("%s --help prints that command's usage, exit 0", async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(new RegExp(`^Usage: dd-ecs-monitor ${command}( |$)`));
    expect(r.out).not.toContain('Commands:');
  });

  test("plan --help is plan's usage exactly; help plan too", async () => {
    const expected = [
      'Usage: dd-ecs-monitor plan [--config FILE] [--offline] [--only SERVICE,...] [--base REV [--head REV]] [--format text|json] [--out DIR]',
      '      Show what a deploy would do; --offline needs no AWS. With --base, images whose inputs',
      '      changed since REV (up to --head, or the working tree) are marked as changed.',
    ].join('\n');
    expect((await cli(['plan', '--help'])).out.split('\n').slice(0, 3).join('\n')).toBe(expected);
    expect((await cli(['help', 'plan'])).out.split('\n').slice(0, 3).join('\n')).toBe(expected);
  });

  test('the commands usage lists include init', () => {
    expect(commandNames()).toEqual(expect.arrayContaining(['init', 'validate', 'check', 'plan', 'deploy']));
  });
});

describe('did-you-mean', () => {
  test.each([
    [['init', '--dry-rn'], 'init: Unknown option \'--dry-rn\' (did you mean "--dry-run"?)'],
    [['deploy', '--dry-rn'], 'deploy: Unknown option \'--dry-rn\' (did you mean "--dry-run"?)'],
    [['plan', '--ofline'], 'plan: Unknown option \'--ofline\' (did you mean "--offline"?)'],
    [['validate', '--formt', 'json'], 'validate: Unknown option \'--formt\' (did you mean "--format"?)'],
    [['valdiate'], 'unknown command "valdiate" (did you mean "validate"?)'],
    [['int'], 'unknown command "int" (did you mean "init"?)'],
  ])('%j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(message);
  });

  test('through the CLI: exit 2, the hint and where the usage is', async () => {
    const r = await cli(['deploy', '--dry-rn']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'dd-ecs-monitor: deploy: Unknown option \'--dry-rn\' (did you mean "--dry-run"?)\nRun "dd-ecs-monitor --help" for usage.',
    );
  });
});

describe('no project file', () => {
  test.each([['validate'], ['plan', '--offline'], ['deploy', '--dry-run']])(
    '%s: exit 2, pointing at init and the docs',
    async (...args) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-none-'));
      try {
        const r = await cli(args, dir);
        expect(r.code).toBe(2);
        expect(r.err).toContain('dd-ecs-monitor: no project file dd-ecs-monitor.yml.');
        expect(r.err).toContain('Run "dd-ecs-monitor init" to write one');
        expect(r.err).toContain('docs/project-file.md');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
