/** Issue 9 item 4: in the PR comment and the job summary, errors come first, then by file and line. */
import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../../src/checks/findings.js';
import { bySeverityThenPlace } from '../../src/report/order.js';
import { commentBody } from '../../src/report/pr-comment.js';
import { MAX_FINDING_ROWS, renderReport } from '../../src/report/summary.js';

const F = (file: string, line: number, severity: Finding['severity'], code: string): Finding => ({
  file,
  line,
  column: 1,
  severity,
  code,
  message: `${code} at ${file}:${line}`,
});

describe('bySeverityThenPlace', () => {
  test.each([
    [
      'errors before warnings before notices, whatever the file',
      [
        F('a.yaml', 1, 'notice', 'x/n'),
        F('b.yaml', 9, 'error', 'x/e'),
        F('a.yaml', 2, 'warning', 'x/w'),
        F('a.yaml', 7, 'error', 'x/e'),
      ],
      ['a.yaml:7 error', 'b.yaml:9 error', 'a.yaml:2 warning', 'a.yaml:1 notice'],
    ],
    [
      'within a severity: file, then line',
      [F('b.conf', 1, 'warning', 'x/w'), F('a.conf', 20, 'warning', 'x/w'), F('a.conf', 3, 'warning', 'x/w')],
      ['a.conf:3 warning', 'a.conf:20 warning', 'b.conf:1 warning'],
    ],
  ])('%s', (_name, findings, expected) => {
    expect(bySeverityThenPlace(findings).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual(expected);
  });
});

describe('the report', () => {
  const model = (findings: Finding[]) => ({
    command: 'validate' as const,
    configFile: 'dd-ecs-monitor.yml',
    findings,
    failOn: 'error' as const,
    notes: [],
  });

  test('the findings table of the summary and of the comment lists the errors first', () => {
    const findings = [
      F('a.yaml', 1, 'notice', 'x/first-notice'),
      F('a.yaml', 2, 'warning', 'x/warning'),
      F('z.yaml', 99, 'error', 'x/late-error'),
    ];
    for (const text of [renderReport(model(findings)), commentBody(model(findings))]) {
      const order = ['x/late-error', 'x/warning', 'x/first-notice'].map((c) => text.indexOf(c));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  test('an error past the row limit of notices is still shown', () => {
    const notices = Array.from({ length: MAX_FINDING_ROWS + 5 }, (_, i) => F('a.yaml', i + 1, 'notice', 'x/notice'));
    expect(renderReport(model([...notices, F('z.yaml', 1, 'error', 'x/the-error')]))).toContain('x/the-error');
  });
});
