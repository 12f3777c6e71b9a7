/**
 * Escaping of user text in the PR comment and job summary: HTML, mentions, issue references,
 * Markdown punctuation, table pipes, control characters, lengths; and cutting a document to
 * GitHub's comment limit without leaving a code fence open.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { cap, code, codeBlock, escapeText, table, truncateMarkdown } from '../../src/report/markdown.js';

const ZWJ = '\u200d';

describe('escapeText', () => {
  test.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src\\=x onerror\\=alert\\(1\\)&gt;'],
    ['@everyone', `@${ZWJ}everyone`],
    ['ping @acme/sre please', `ping @${ZWJ}acme/sre please`],
    ['fixes #12', `fixes #${ZWJ}12`],
    ['**bold** _it_ [a](b) ~~s~~', '\\*\\*bold\\*\\* \\_it\\_ \\[a\\]\\(b\\) \\~\\~s\\~\\~'],
    ['a | b', 'a \\| b'],
    ['line1\nline2\r\nline3\tend', 'line1 line2 line3 end'],
    ['bell\u0007 and \u202eevil', 'bell and evil'],
    ['https://evil.example/x', `https:${ZWJ}//evil.example/x`],
    ['visit www.example.com', `visit www${ZWJ}.example.com`],
    ['Tom & Jerry "quoted"', 'Tom &amp; Jerry &quot;quoted&quot;'],
    ['mail user@example.com', `mail user@${ZWJ}example.com`],
  ])('%j -> %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  test('caps the length with an ellipsis, counting code points', () => {
    expect(escapeText('abcdefghij', 5)).toBe('abcd…');
    expect(cap('😀😀😀😀😀😀', 3)).toBe('😀😀…');
  });

  test('property: no raw HTML, no live mention, no line break, bounded length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const out = escapeText(s, 50);
        expect(out).not.toMatch(/[<>\n\r]/);
        expect(out).not.toMatch(/@[\p{L}\p{N}_-]/u);
        expect(out).not.toMatch(/(^|[^\\])\|/);
        // escaping at most multiplies by the longest entity (&quot; = 6) plus the cap.
        expect(out.length).toBeLessThanOrEqual(50 * 7);
      }),
    );
  });
});

describe('code', () => {
  test.each([
    ['https://shop.example.com/', '`https://shop.example.com/`'],
    ['a`b', '``a`b``'],
    ['`edge`', '`` `edge` ``'],
    ['x | y', '`x \\| y`'],
    ['', '` `'],
    ['<script>@everyone', '`<script>@everyone`'],
    ['two\nlines', '`two lines`'],
  ])('%j -> %j', (input, expected) => {
    expect(code(input)).toBe(expected);
  });
});

describe('codeBlock and table', () => {
  test('the fence is longer than any backtick run inside and lines are capped', () => {
    const block = codeBlock('+ a ```` b\n- c', { lang: 'diff' });
    expect(block).toBe('`````diff\n+ a ```` b\n- c\n`````');
    expect(codeBlock('1\n2\n3\n4', { maxLines: 2 })).toBe('```\n1\n2\n… 2 more lines\n```');
  });

  test('table rows', () => {
    expect(table(['A', 'B'], [['1', '2']])).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
  });
});

describe('truncateMarkdown', () => {
  test('returns short text unchanged', () => {
    expect(truncateMarkdown('short', 100, 'cut')).toBe('short');
  });

  test('cuts at a line boundary, closes an open fence and <details>, ends with the note', () => {
    const md = [
      '# T',
      '<details><summary>x</summary>',
      '',
      '```diff',
      ...Array.from({ length: 200 }, (_, i) => `+ line ${i}`),
      '```',
      '</details>',
    ].join('\n');
    const out = truncateMarkdown(md, 500, '_cut_');
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out.endsWith('_cut_')).toBe(true);
    expect(out.split('\n').filter((l) => l.startsWith('```')).length % 2).toBe(0);
    expect(out).toContain('</details>');
  });

  test('property: never longer than the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.integer({ min: 40, max: 1500 }), (s, max) => {
        expect(truncateMarkdown(s, max, 'note').length).toBeLessThanOrEqual(max);
      }),
    );
  });
});
