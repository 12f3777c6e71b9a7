/**
 * Issue 8 item 6: `.dockerignore` and COPY patterns as Docker's own matcher decides them
 * (moby/patternmatcher `New`, `compile`, `MatchesOrParentMatches`; moby/patternmatcher/ignorefile
 * `ReadAll`; the Docker docs page on .dockerignore). These patterns choose the files of an image's
 * content hash, so a mismatch is a missed rebuild. The cases are those documented behaviours,
 * as data: [.dockerignore text, path, excluded?].
 */
import { describe, expect, test } from '@jest/globals';
import { isIgnored, parseIgnoreFile, patternToRegExp } from '../../src/project/patterns.js';

const CASES: Array<[string, string, boolean]> = [
  // Docker docs, .dockerignore: one level, two levels, `?`, `**`, exceptions in order.
  ['*/temp*', 'somedir/temporary.txt', true],
  ['*/temp*', 'somedir/sub/temporary.txt', false],
  ['*/temp*', 'temp', false],
  ['*/*/temp*', 'somedir/subdir/temporary.txt', true],
  ['temp?', 'tempa', true],
  ['temp?', 'tempab', false],
  ['**/*.go', 'a/b/c.go', true],
  ['**/*.go', 'c.go', true],
  ['*.md\n!README.md', 'README.md', false],
  ['*.md\n!README.md', 'CHANGES.md', true],
  ['*.md\n!README*.md\nREADME-secret.md', 'README-secret.md', true],
  ['*.md\n!README*.md\nREADME-secret.md', 'README-other.md', false],
  ['*.md\nREADME-secret.md\n!README*.md', 'README-secret.md', false],
  // Leading `/` and `./` are cleaned away; a directory excludes what is below it.
  ['/secret', 'secret', true],
  ['./secret/', 'secret/key', true],
  ['docs', 'docs/a/b.md', true],
  ['docs\n!docs/README.md', 'docs/README.md', false],
  ['docs/*\n!docs/README.md', 'docs/README.md', false],
  // patternmatcher TestMatches: `**` in every position.
  ['**', 'dir/file', true],
  ['**/', 'file', true],
  ['dir/**', 'dir/dir2/file', true],
  ['abc/**', 'abc', false],
  ['**/dir', 'dir/file', true],
  ['**/dir2/*', 'dir/dir2/file', true],
  ['**file', 'dir/dir/file', true],
  ['**file', 'dir/myfile', true], // a leading `**` without `/` is a plain suffix
  ['**/file', 'dir/myfile', false],
  ['**/.foo', 'bar.foo', false],
  ['a**/*.txt', 'a/dir/dir/file.txt', true],
  ['a/*.txt', 'a/dir/file.txt', false],
  ['**/**/*.txt2', 'dir/dir/file.txt', false],
  ['.*', 'foo', false],
  ['abc.def', 'abcZdef', false],
  ['a(b)c/def', 'a(b)c/def', true],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  ['**\n!util/docker/web', 'util/docker/web/foo', false],
  ['**\n!util/docker/web\nutil/docker/web/foo', 'util/docker/web/foo', true],
  // Go filepath.Match classes: `^` negates, `!` does not; a class is one character, `/` included.
  ['a[b-d]e', 'ace', true],
  ['a[b-d]e', 'ae', false],
  ['a[^b-d]e', 'aze', true],
  ['a[^b-d]e', 'ace', false],
  ['[!a].txt', 'b.txt', false],
  ['[!a].txt', 'a.txt', true],
  ['[!a].txt', '!.txt', true],
  ['a[^x]b', 'a/b', true],
  ['[\\]a]', ']', true],
  ['[\\-x]', '-', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['a*', 'ab/c', true], // the parent `ab` matches
  ['a^b', 'a^b', true], // no special character: an exact comparison
  ['a^b*', 'a^bc', false], // `^` goes to the regexp unescaped: an anchor that never matches there
];

describe("Docker's pattern matcher", () => {
  test.each(CASES)('%j vs %s -> excluded %s', (text, file, excluded) => {
    const rules = parseIgnoreFile(text);
    expect(rules.every((r) => r.regex !== undefined)).toBe(true);
    expect(isIgnored(file, rules)).toBe(excluded);
  });

  // filepath.Match(pattern, ".") fails, so Docker refuses the whole context.
  test.each(['[', '[^', '[^bc', 'a[', '[]a]', '[-]', '[x-]', '[-x]', '[a-b-c]', '\\'])('%s is malformed', (pattern) => {
    expect(patternToRegExp(pattern)).toBeUndefined();
  });

  test('`!` alone is an illegal exclusion pattern', () => {
    expect(parseIgnoreFile('!')[0]?.regex).toBeUndefined();
  });
});
