/**
 * Turning `fluentd --dry-run` output into findings. The log shapes are fluentd's (CONFIG-FACTS
 * B7): `[error]: config error file="F" error_class=C error="<Ruby-inspected message>"`, parse
 * errors with `at F line L,C` (0-based column), `unexpected error` for anything else.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Exec } from '../../src/exec.js';
import { findingsFromDryRun, fluentdDryRun, parseFluentdLog, rubyUnescape } from '../../src/images/fluentd-dry-run.js';
import { memoryLog } from '../../src/log.js';

const TS = '2024-05-01 10:00:00 +0000';
const IMG = 'r.example/monitoring/fluentd:content-1';
const place = {
  file: 'fluentd/etc/fluent.conf',
  configPath: '/fluentd/etc/fluent.conf',
  image: IMG,
  files: new Map([['/fluentd/etc/conf.d/out.conf', 'fluentd/etc/conf.d/out.conf']]),
  sources: new Map([
    [
      'fluentd/etc/fluent.conf',
      '<source>\n  @type forward\n  @id in\n</source>\n@include conf.d/*.conf\n<match x>\n  @type null\n  @id in\n</match>\n',
    ],
    ['fluentd/etc/conf.d/out.conf', '<match **>\n  # the Datadog output\n  @type "datadog"\n</match>\n'],
  ]),
};
const configError = (file: string, cls: string, msg: string): string =>
  `${TS} [error]: config error file="${file}" error_class=${cls} error="${msg}"\n`;

describe('findings from a dry run', () => {
  test.each<
    [
      string,
      { exitCode: number; stdout: string; stderr?: string; timedOut?: boolean },
      Array<[string, number, number, string, string, string]>,
    ]
  >([
    ['accepted', { exitCode: 0, stdout: `${TS} [info]: finished dry run mode\n` }, []],
    [
      'a configure-time error, unplaced',
      {
        exitCode: 1,
        stdout: configError('/fluentd/etc/fluent.conf', 'Fluent::ConfigError', "'api_key' parameter is required"),
      },
      [
        [
          'fluentd/etc/fluent.conf',
          1,
          1,
          'error',
          'fluentd/dry-run-config-error',
          `fluentd in image ${IMG} rejects this config: 'api_key' parameter is required (Fluent::ConfigError)`,
        ],
      ],
    ],
    [
      'a parse error: its line, and the 0-based column made 1-based; the context block dropped',
      {
        exitCode: 1,
        stdout: configError(
          '/fluentd/etc/fluent.conf',
          'Fluent::ConfigParseError',
          "expected end tag '</match>' but got end of file at /fluentd/etc/fluent.conf line 9,8\\n  8:   @type null\\n  9: </matc\\n\\n     --------^",
        ),
      },
      [
        [
          'fluentd/etc/fluent.conf',
          9,
          9,
          'error',
          'fluentd/dry-run-config-error',
          `fluentd in image ${IMG} rejects this config: expected end tag '</match>' but got end of file (Fluent::ConfigParseError)`,
        ],
      ],
    ],
    [
      'a parse error in an @included file lands in that repository file',
      {
        exitCode: 1,
        stdout: configError(
          '/fluentd/etc/fluent.conf',
          'Fluent::ConfigParseError',
          'expected end of line at /fluentd/etc/conf.d/out.conf line 1,5',
        ),
      },
      [
        [
          'fluentd/etc/conf.d/out.conf',
          1,
          6,
          'error',
          'fluentd/dry-run-config-error',
          `fluentd in image ${IMG} rejects this config: expected end of line (Fluent::ConfigParseError)`,
        ],
      ],
    ],
    [
      'a parse error in a file the repository does not provide keeps the location in the message',
      {
        exitCode: 1,
        stdout: configError(
          '/fluentd/etc/fluent.conf',
          'Fluent::ConfigParseError',
          'expected end of line at /etc/base.conf line 2,0',
        ),
      },
      [
        [
          'fluentd/etc/fluent.conf',
          1,
          1,
          'error',
          'fluentd/dry-run-config-error',
          `fluentd in image ${IMG} rejects this config: expected end of line at /etc/base.conf line 2,0 (Fluent::ConfigParseError)`,
        ],
      ],
    ],
    [
      'an unknown plugin points at the @type line that uses it (quoted, in an included file)',
      {
        exitCode: 1,
        stdout: configError(
          '/fluentd/etc/conf.d/out.conf',
          'Fluent::ConfigError',
          "Unknown output plugin 'datadog'. Run 'gem search -rd fluent-plugin' to find plugins",
        ),
      },
      [
        [
          'fluentd/etc/conf.d/out.conf',
          3,
          3,
          'error',
          'fluentd/dry-run-config-error',
          `fluentd in image ${IMG} rejects this config: Unknown output plugin 'datadog'. Run 'gem search -rd fluent-plugin' to find plugins (Fluent::ConfigError)`,
        ],
      ],
    ],
    [
      'a duplicated plugin id points at its second use',
      {
        exitCode: 1,
        stdout: configError(
          '/fluentd/etc/fluent.conf',
          'Fluent::ConfigError',
          'Duplicated plugin id `in`. Check whole configuration and fix it.',
        ),
      },
      [
        [
          'fluentd/etc/fluent.conf',
          8,
          3,
          'error',
          'fluentd/dry-run-config-error',
          `fluentd in image ${IMG} rejects this config: Duplicated plugin id \`in\`. Check whole configuration and fix it. (Fluent::ConfigError)`,
        ],
      ],
    ],
    [
      'an old fluentd without error_class, escaped quotes unescaped',
      {
        exitCode: 1,
        stdout: `${TS} [error]: config error file="/fluentd/etc/fluent.conf" error="valid options are \\"a\\",\\"b\\" but got c"\n`,
      },
      [
        [
          'fluentd/etc/fluent.conf',
          1,
          1,
          'error',
          'fluentd/dry-run-config-error',
          `fluentd in image ${IMG} rejects this config: valid options are "a","b" but got c`,
        ],
      ],
    ],
    [
      'an unexpected error (a plugin crashed while configuring)',
      {
        exitCode: 1,
        stdout: `${TS} [error]: unexpected error error_class=NoMethodError error="undefined method \`x' for nil"\n`,
      },
      [
        [
          'fluentd/etc/fluent.conf',
          1,
          1,
          'error',
          'fluentd/dry-run-failed',
          `fluentd --dry-run in image ${IMG} crashed: undefined method \`x' for nil (NoMethodError)`,
        ],
      ],
    ],
    [
      "a non-zero exit without fluentd's error line",
      { exitCode: 1, stdout: '', stderr: 'bundler: failed to load command: fluentd\n' },
      [
        [
          'fluentd/etc/fluent.conf',
          1,
          1,
          'error',
          'fluentd/dry-run-failed',
          `fluentd --dry-run in image ${IMG} failed with exit code 1: bundler: failed to load command: fluentd`,
        ],
      ],
    ],
    [
      'no fluentd in the image: the check could not run (a warning, not a verdict on the config)',
      {
        exitCode: 127,
        stdout: '',
        stderr:
          'docker: Error response from daemon: failed to create shim task: exec: "fluentd": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n',
      },
      [
        [
          'fluentd/etc/fluent.conf',
          1,
          1,
          'warning',
          'fluentd/dry-run-unavailable',
          `could not run fluentd --dry-run in image ${IMG} (docker: Error response from daemon: failed to create shim task: exec: "fluentd": executable file not found in $PATH: unknown); the real engine did not check this config (an image without fluentd on PATH cannot be checked: turn the dry run off for it)`,
        ],
      ],
    ],
    [
      'a hang',
      { exitCode: -1, stdout: '', timedOut: true },
      [
        [
          'fluentd/etc/fluent.conf',
          1,
          1,
          'warning',
          'fluentd/dry-run-unavailable',
          `fluentd --dry-run in image ${IMG} did not finish in time, so the real engine did not check this config; look at the image's startup`,
        ],
      ],
    ],
  ])('%s', (_name, out, expected) => {
    const findings = findingsFromDryRun({ stderr: '', ...out }, place);
    expect(findings.map((f) => [f.file, f.line, f.column, f.severity, f.code, f.message])).toEqual(expected);
  });

  test('property: any output and exit code gives findings, never an exception', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1, max: 255 }),
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 300 }),
        (exitCode, stdout, stderr) => {
          const f = findingsFromDryRun({ exitCode, stdout, stderr }, place);
          expect(exitCode === 0 ? f.length === 0 : f.length === 1).toBe(true);
          for (const x of f) expect(x.message).not.toContain('\n');
        },
      ),
    );
  });

  test('property: a logged message survives the trip through Ruby inspect', () => {
    const inspect = (s: string): string =>
      s.replace(
        /[\\"\n\t#]/g,
        (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '#': '\\#' })[c] as string,
      );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (msg) => {
        const logged = parseFluentdLog(configError('/f.conf', 'Fluent::ConfigError', inspect(msg)));
        expect(logged?.message).toBe(msg);
      }),
    );
  });

  test.each([
    ['a\\nb', 'a\nb'],
    ['\\"q\\"', '"q"'],
    ['\\u00e9t\\u{1F600}', 'ét😀'],
    ['\\e[0m', '\x1b[0m'],
    ['\\#{x}', '#{x}'],
  ])('rubyUnescape(%j)', (input, expected) => {
    expect(rubyUnescape(input)).toBe(expected);
  });
});

describe('running the dry run', () => {
  test('a hang is ended by removing the container, and reported as not checked', async () => {
    const calls: string[][] = [];
    let release: (() => void) | undefined;
    const exec: Exec = (cmd, args) => {
      calls.push([cmd, ...args]);
      if (args[0] === 'run')
        return new Promise((resolve) => (release = () => resolve({ exitCode: 137, stdout: '', stderr: '' })));
      release?.();
      return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
    };
    const findings = await fluentdDryRun({ ...place, exec, log: memoryLog(), timeoutMs: 50 });
    expect(findings.map((f) => f.code)).toEqual(['fluentd/dry-run-unavailable']);
    const name = calls[0]?.[calls[0].indexOf('--name') + 1];
    expect(name).toMatch(/^dd-ecs-monitor-dry-run-[0-9a-f]{12}$/);
    expect(calls[1]).toEqual(['docker', 'rm', '--force', name]);
  });

  test("placeholder env reaches the container; fluentd's output goes to the debug log", async () => {
    const calls: string[][] = [];
    const exec: Exec = async (cmd, args) => {
      calls.push([cmd, ...args]);
      return { exitCode: 0, stdout: `${TS} [info]: finished dry run mode\n`, stderr: '' };
    };
    const log = memoryLog();
    expect(await fluentdDryRun({ ...place, exec, log, env: { DD_API_KEY: 'placeholder' } })).toEqual([]);
    expect(calls[0]).toContain('DD_API_KEY=placeholder');
    expect(log.lines).toContain(`debug: fluentd: ${TS} [info]: finished dry run mode`);
  });
});
