/**
 * The parser against fluentd v1.19's grammar (CONFIG-FACTS B1-B3, B7). Fatal errors: exactly one
 * finding, fluentd's wording, 1-based positions. Where fluentd's own position is unhelpful (end of
 * file, just past the culprit) the finding points at the cause instead; each such choice is named
 * in the test.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskFs } from '../../src/checks/fs.js';
import { checkFluentd, parseFluentd } from '../../src/checks/fluentd/index.js';
import { sourceFromText } from '../../src/checks/source.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, '../fixtures/fluentd/parse');
const fs = new DiskFs(dir);

describe('fatal parse errors: one finding, fluentd wording, exact position', () => {
  test.each([
    // [fixture, code, line, column, message start]
    [
      'unclosed-section.conf',
      'fluentd/unclosed-section',
      5,
      1,
      "expected end tag '</match>' but got end of file: <match app.**> opened at line 5",
    ], // fluentd says 6,0 (EOF); we point at the opening tag
    [
      'unclosed-nested.conf',
      'fluentd/unmatched-end-tag',
      5,
      1,
      'unmatched end tag: </match> found while <store> (opened at line 3)',
    ], // at the end tag, not after it
    [
      'unmatched-end-tag.conf',
      'fluentd/unmatched-end-tag',
      4,
      1,
      'unmatched end tag: </source> closes no open section',
    ],
    ['text-after-tag.conf', 'fluentd/syntax', 1, 15, 'expected end of line after tag'], // B7: "line 1,9"-style 0-based column + 1
    ['one-line-section.conf', 'fluentd/syntax', 1, 15, 'expected end of line after tag'], // B2: <match a></match> on one line
    ['text-after-end-tag.conf', 'fluentd/syntax', 6, 9, 'expected end of line after end tag'], // a comment after </match> is fine (line 3)
    ['quoted-arg-mixed.conf', 'fluentd/syntax', 1, 13, "expected '>'"], // B3: mixing "..".** (fluent/fluentd#2273)
    ['end-tag-name.conf', 'fluentd/syntax', 2, 5, 'expected character in tag name'], // B7: </my-sec> at "line 2,4"
    ['text-after-value.conf', 'fluentd/syntax', 4, 12, 'expected end of line'], // B7: k "a" b
    ['bad-escape.conf', 'fluentd/invalid-escape', 5, 14, "unexpected back-slash escape character 'd'"], // at the backslash (fluentd: just after the d)
    [
      'unterminated-double.conf',
      'fluentd/unterminated-string',
      4,
      13,
      'unexpected end of file in a double quoted string: the string opened here is never closed',
    ], // at the opening quote
    [
      'empty-line-double.conf',
      'fluentd/unterminated-string',
      4,
      12,
      'unexpected end of file in a double quoted string: a double-quoted string cannot contain an empty line',
    ], // B3 verified trap
    [
      'crlf-double.conf',
      'fluentd/unterminated-string',
      4,
      12,
      'unexpected end of file in a double quoted string: a double-quoted string cannot span lines in a file with CRLF',
    ], // B3 CRLF trap
    [
      'unterminated-single.conf',
      'fluentd/unterminated-string',
      3,
      7,
      'unexpected end of file in a single quoted string',
    ],
    ['incomplete-json-array.conf', 'fluentd/incomplete-json', 3, 11, 'got incomplete JSON array configuration'], // B3: subject [CRITICAL] alert; at the [ (fluentd: EOF)
    ['incomplete-json-hash.conf', 'fluentd/incomplete-json', 4, 10, 'got incomplete JSON hash configuration'], // a # comment inside a nested JSON value
    [
      'reserved-prefix.conf',
      'fluentd/reserved-prefix',
      3,
      3,
      "'@' is the system reserved prefix. Don't use '@' prefix parameter in the configuration: @port",
    ],
    [
      'reserved-prefix-root.conf',
      'fluentd/reserved-prefix',
      2,
      1,
      "'@' is the system reserved prefix. Don't use '@' prefix parameter in the configuration: @foo",
    ],
    ['expected-eof.conf', 'fluentd/syntax', 5, 1, 'expected EOF'], // </> closes the nil-named root
    [
      'unterminated-embedded.conf',
      'fluentd/unterminated-embedded-code',
      3,
      12,
      'unexpected end of file in embedded code',
    ],
    ['include-no-path.conf', 'fluentd/syntax', 4, 1, '@include needs a path'],
    ['quoted-key-junk.conf', 'fluentd/syntax', 1, 9, 'expected a space after the quoted parameter name'], // fluentd: NoMethodError
  ])('%s -> %s at %i:%i', (file, code, line, column, message) => {
    const r = checkFluentd(file, fs, {});
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    expect(f).toMatchObject({ file, line, column, severity: 'error', code });
    expect(f?.message.startsWith(message)).toBe(true);
  });

  test('the fixtures really end the way the table assumes (CRLF fixture has CRLF)', () => {
    expect(readFileSync(path.join(dir, 'crlf-double.conf'), 'utf8')).toContain('\r\n');
    expect(readFileSync(path.join(dir, 'unterminated-double.conf'), 'utf8').split('"')).toHaveLength(2);
  });
});

const params = (text: string): Array<[string, string, string]> => {
  const o = parseFluentd(sourceFromText('t.conf', text));
  expect(o.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return o.root.elements
    .flatMap((e) => e.params)
    .concat(o.root.params)
    .map((p) => [p.key, p.value, p.quote]);
};

describe('literal values (B3)', () => {
  test.each([
    ['unquoted, trailing blanks dropped', '<x>\n  k a value  \n</x>\n', ['k', 'a value', 'none']],
    ['unquoted: " #" starts a comment', '<x>\n  k a #c\n</x>\n', ['k', 'a', 'none']],
    ['unquoted: "#" inside is literal', '<x>\n  k a#c\n</x>\n', ['k', 'a#c', 'none']],
    ['unquoted: a value starting with # is literal', '<x>\n  k #c\n</x>\n', ['k', '#c', 'none']],
    ['unquoted: backslashes are literal', '<x>\n  k a\\tb\\\\\n</x>\n', ['k', 'a\\tb\\\\', 'none']],
    ['key alone: empty value', '<x>\n  flag\n  k v\n</x>\n', ['flag', '', 'empty']],
    ["single quotes: only \\' and \\\\ escape", "<x>\n  k 'a\\'b\\\\c\\n'\n</x>\n", ['k', "a'b\\c\\n", 'single']],
    ['double quotes: escapes', '<x>\n  k "a\\tb\\n\\"c\\[\\$"\n</x>\n', ['k', 'a\tb\n"c[$', 'double']],
    ['double quotes: multi-line keeps the newline', '<x>\n  k "ab\n  cd"\n</x>\n', ['k', 'ab\n  cd', 'double']],
    ['double quotes: backslash-newline joins lines', '<x>\n  k "ab\\\n  cd"\n</x>\n', ['k', 'ab  cd', 'double']],
    ['double quotes: two empty lines pass (pairs)', '<x>\n  k "a\n\n\nb"\n</x>\n', ['k', 'a\n\n\nb', 'double']],
    ['embedded Ruby kept as written', '<x>\n  k "#{ENV[\'A\']}-x"\n</x>\n', ['k', "#{ENV['A']}-x", 'double']],
    ['embedded Ruby with inner double quotes', '<x>\n  k "#{ENV["A"]}"\n</x>\n', ['k', '#{ENV["A"]}', 'double']],
    [
      'JSON array over lines with a top-level comment',
      '<x>\n  k [1, # one\n    2]\n</x>\n',
      ['k', '[1, # one\n    2]', 'json'],
    ],
    [
      'JSON hash is normalised',
      '<x>\n  k {"a": 1,\n  "b": [true, null]}\n</x>\n',
      ['k', '{"a":1,"b":[true,null]}', 'json'],
    ],
    ['JSON ends at the first complete prefix', '<x>\n  k [1]  # done\n</x>\n', ['k', '[1]', 'json']],
    ['quoted key', '<x>\n  "my key" v\n</x>\n', ['my key', 'v', 'none']],
  ])('%s', (_name, text, expected) => {
    expect(params(text)).toContainEqual(expected);
  });

  test('section arguments: quoted, with spaces, # literal, multi-line open tag', () => {
    const o = parseFluentd(
      sourceFromText(
        't.conf',
        '<match a.** b.#c>\n</match>\n<match "app.#{ENV[\'T\']}">\n</match>\n<match\n  x.y >\n</match>\n<my-sec>\n</my>\n',
      ),
    );
    expect(o.findings).toEqual([]);
    expect(o.root.elements.map((e) => [e.name, e.arg, e.argQuote])).toEqual([
      ['match', 'a.** b.#c', 'none'],
      ['match', "app.#{ENV['T']}", 'double'],
      ['match', 'x.y', 'none'],
      ['my', '-sec', 'none'], // B2: '-' is not a name character
    ]);
  });

  test('positions of keys, values and elements are 1-based', () => {
    const o = parseFluentd(sourceFromText('t.conf', '# c\n<source>\n  @type  forward\n</source>\n'));
    const el = o.root.elements[0];
    expect(el?.pos).toEqual({ line: 2, column: 1 });
    expect(el?.params[0]).toMatchObject({
      key: '@type',
      value: 'forward',
      pos: { line: 3, column: 3 },
      valuePos: { line: 3, column: 10 },
    });
  });

  test('a nested unknown @key is a warning, not an error (v1_parser ELEM_SYMBOLS)', () => {
    const o = parseFluentd(
      sourceFromText('t.conf', '<match a>\n  @type null\n  <buffer>\n    @foo 1\n  </buffer>\n</match>\n'),
    );
    expect(o.fatal).toBe(false);
    expect(o.findings.map((f) => [f.code, f.severity, f.line, f.column])).toEqual([
      ['fluentd/reserved-prefix', 'warning', 4, 5],
    ]);
  });

  test('include without @ is deprecated; an included-file-only `</>` truncates with a warning', () => {
    const o = parseFluentd(sourceFromText('t.conf', 'include other.conf\n'));
    expect(o.findings.map((f) => [f.code, f.severity, f.line, f.column])).toEqual([
      ['fluentd/deprecated-include', 'warning', 1, 1],
    ]);
  });

  test('CRLF files parse like LF files outside multi-line strings (B1)', () => {
    const o = parseFluentd(sourceFromText('t.conf', '<source>\r\n  @type forward\r\n  port 24224\r\n</source>\r\n'));
    expect(o.findings).toEqual([]);
    expect(o.root.elements[0]?.params.map((p) => p.value)).toEqual(['forward', '24224']);
  });
});
