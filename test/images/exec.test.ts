/** The process seam (src/exec.ts) with real processes: argv, stdin, env, exit codes, errors. */
import { describe, expect, test } from '@jest/globals';
import { ExecError, mergeEnv, runChecked, runProcess, tailLines } from '../../src/exec.js';

describe('runProcess', () => {
  test('argv is passed as is: no shell, so quotes, spaces and $ are plain characters', async () => {
    const res = await runProcess('printf', ['%s|', 'a b', '$HOME', '"q"', "it's"]);
    expect(res).toEqual({ exitCode: 0, stdout: 'a b|$HOME|"q"|it\'s|', stderr: '' });
  });

  test('stdin carries a password; the process reads it', async () => {
    const res = await runProcess('sh', ['-c', 'read -r p; printf "got %s" "${#p}"'], { stdin: 's3cret\n' });
    expect(res.stdout).toBe('got 6');
  });

  test('env is added to the parent environment per call; undefined removes a variable', async () => {
    process.env.DD_ECS_MONITOR_TEST_PARENT = 'parent';
    try {
      const res = await runProcess(
        'sh',
        ['-c', 'printf "%s/%s/%s" "$ADDED" "$DD_ECS_MONITOR_TEST_PARENT" "${PATH:+path}"'],
        {
          env: { ADDED: 'yes', DD_ECS_MONITOR_TEST_PARENT: undefined },
        },
      );
      expect(res.stdout).toBe('yes//path');
    } finally {
      delete process.env.DD_ECS_MONITOR_TEST_PARENT;
    }
  });

  test('a non-zero exit is a result, with both streams captured', async () => {
    expect(await runProcess('sh', ['-c', 'echo out; echo err >&2; exit 3'])).toEqual({
      exitCode: 3,
      stdout: 'out\n',
      stderr: 'err\n',
    });
  });

  test('a missing executable is a result that says it could not start', async () => {
    const res = await runProcess('dd-ecs-monitor-no-such-tool', ['x']);
    expect(res.exitCode).toBe(127);
    expect(res.notStarted).toBe(true);
    expect(res.stderr).toContain('dd-ecs-monitor-no-such-tool');
  });

  test('lines arrive as they come, secrets redacted in them and in the captured output', async () => {
    const lines: Array<[string, string]> = [];
    const res = await runProcess('sh', ['-c', 'printf "one hunter2\\ntwo"; printf "e1\\n" >&2'], {
      secrets: ['hunter2'],
      onLine: (l, s) => lines.push([s, l]),
    });
    expect(lines.sort()).toEqual([
      ['stderr', 'e1'],
      ['stdout', 'one ***'],
      ['stdout', 'two'],
    ]);
    expect(res.stdout).toBe('one ***\ntwo');
  });
});

describe('runChecked', () => {
  test('success returns the result', async () => {
    expect((await runChecked(runProcess, 'true', [], { step: 'nothing' })).exitCode).toBe(0);
  });

  test('failure names the step and quotes the last stderr lines, secrets redacted, noise dropped', async () => {
    const err = (await runChecked(
      runProcess,
      'sh',
      ['-c', 'echo NOISE >&2; echo "first pw=hunter2" >&2; echo last >&2; exit 2'],
      {
        step: 'docker login to registry r.example',
        secrets: ['hunter2'],
        ignoreLine: (l) => l === 'NOISE',
      },
    ).catch((e: unknown) => e)) as ExecError;
    expect(err).toBeInstanceOf(ExecError);
    expect(err.message).toBe('docker login to registry r.example failed (exit code 2): first pw=*** | last');
    expect(err.exitCode).toBe(2);
    expect(err.args).toEqual(['-c', 'echo NOISE >&2; echo "first pw=hunter2" >&2; echo last >&2; exit 2']);
  });

  test('an empty stderr quotes stdout instead (docker prints some failures there)', async () => {
    await expect(
      runChecked(runProcess, 'sh', ['-c', 'echo "Step 2/2 : RUN false"; exit 1'], { step: 'build' }),
    ).rejects.toThrow('build failed (exit code 1): Step 2/2 : RUN false');
  });

  test('a tool that is not installed says so', async () => {
    await expect(
      runChecked(runProcess, 'dd-ecs-monitor-no-such-tool', [], { step: 'docker buildx version' }),
    ).rejects.toThrow(/^docker buildx version failed \(could not run dd-ecs-monitor-no-such-tool\)/);
  });
});

test.each([
  ['a\n\n b \nc\n', 2, ' b\nc'],
  ['only\r\nwindows\r\n', 5, 'only\nwindows'],
  ['', 3, ''],
])('tailLines(%j, %d)', (text, n, expected) => {
  expect(tailLines(text, n)).toBe(expected);
});

test('mergeEnv drops undefined values from the base and applies removals', () => {
  expect(mergeEnv({ A: '1', B: undefined, C: '3' }, { C: undefined, D: '4' })).toEqual({ A: '1', D: '4' });
});
