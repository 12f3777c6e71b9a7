/**
 * Findings -> annotations on the file and line, with paths re-based from the project folder to
 * the repository root; then one failure message with the count.
 */
import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../../src/checks/findings.js';
import { annotate } from '../../src/action/annotate.js';
import { failureMessage, toWorkspacePaths } from '../../src/report/annotations.js';

const f = (
  severity: Finding['severity'],
  line: number,
  file = 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
): Finding => ({
  file,
  line,
  column: 3,
  severity,
  code: `http_check/rule-${line}`,
  message: `message ${line}`,
});

describe('annotate', () => {
  test('every finding, sorted, with file/line/column and the code as title', () => {
    const calls: Array<[string, string, unknown]> = [];
    const sink = {
      error: (m: string | Error, p?: object) => void calls.push(['error', String(m), p]),
      warning: (m: string | Error, p?: object) => void calls.push(['warning', String(m), p]),
      notice: (m: string | Error, p?: object) => void calls.push(['notice', String(m), p]),
    };
    const counts = annotate([f('warning', 9), f('error', 4), f('notice', 1)], sink);
    expect(counts).toEqual({ error: 1, warning: 1, notice: 1 });
    const file = 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';
    expect(calls).toEqual([
      ['notice', 'message 1', { file, startLine: 1, startColumn: 3, title: 'http_check/rule-1' }],
      ['error', 'message 4', { file, startLine: 4, startColumn: 3, title: 'http_check/rule-4' }],
      ['warning', 'message 9', { file, startLine: 9, startColumn: 3, title: 'http_check/rule-9' }],
    ]);
  });

  test('paths are re-based onto the repository root when the project is in a subfolder', () => {
    const out = toWorkspacePaths([f('error', 1)], '/ws/examples/datadog-ecs', '/ws');
    expect(out[0]?.file).toBe('examples/datadog-ecs/datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml');
    expect(toWorkspacePaths([f('error', 1, 'a.yaml')], '/ws', '/ws')[0]?.file).toBe('a.yaml');
  });
});

describe('failureMessage', () => {
  test.each([
    [[], 'error', undefined],
    [[f('warning', 1)], 'error', undefined],
    [[f('notice', 1)], 'warning', undefined],
    [[f('error', 1)], 'error', 'validation found 1 error: see the annotations and the job summary'],
    [
      [f('error', 1), f('error', 2), f('warning', 3)],
      'error',
      'validation found 2 errors and 1 warning: see the annotations and the job summary',
    ],
    [
      [f('warning', 1), f('warning', 2)],
      'warning',
      'validation found 0 errors and 2 warnings (fail-on: warning): see the annotations and the job summary',
    ],
  ] as const)('%j with fail-on %s', (findings, failOn, expected) => {
    expect(failureMessage(findings, failOn)).toBe(expected);
  });
});
