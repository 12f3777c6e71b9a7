/**
 * .dockerignore semantics (moby/patternmatcher): `*` and `?` stay within a path segment, `**`
 * spans directories, a pattern matching a parent directory excludes everything below it, `!`
 * re-includes, the last matching rule wins, leading `/` and `./` are cleaned away.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { listContextFiles } from '../../src/project/dockerignore.js';
import { isIgnored, parseIgnoreFile, patternToRegExp } from '../../src/project/patterns.js';

describe('pattern matching', () => {
  test.each<[string, string, boolean]>([
    ['*.md', 'README.md', true],
    ['*.md', 'docs/a.md', false],
    ['**/*.md', 'docs/a.md', true],
    ['**/*.md', 'a.md', true],
    ['docs', 'docs/a/b.md', true],
    ['doc?', 'docs/x', true],
    ['/secret', 'secret', true],
    ['./secret/', 'secret/key', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['[abc].txt', 'b.txt', true],
    ['[^abc].txt', 'd.txt', true],
    ['[^abc].txt', 'a.txt', false],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
    ['a.b', 'axb', false],
  ])('%s vs %s -> %s', (pattern, file, ignored) => {
    expect(isIgnored(file, parseIgnoreFile(pattern))).toBe(ignored);
  });

  test('the last matching rule wins, exceptions re-include', () => {
    const rules = parseIgnoreFile('*.md\n!README.md\nREADME.md\n!docs\n');
    expect(isIgnored('README.md', rules)).toBe(true);
    expect(isIgnored('CHANGES.md', rules)).toBe(true);
    expect(isIgnored('x.txt', rules)).toBe(false);
  });

  test('an unclosed class is an invalid pattern', () => {
    expect(patternToRegExp('[abc')).toBeUndefined();
  });

  test('arbitrary patterns never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (p, f) => {
        isIgnored(f, parseIgnoreFile(p));
      }),
      { numRuns: 500 },
    );
  });
});

describe('listContextFiles', () => {
  test('fixture context: ignored files are listed apart, the Dockerfile can be ignored', () => {
    const l = listContextFiles('test/fixtures/project/ignore-ctx');
    expect(l.findings).toEqual([]);
    expect(l.files).toEqual(['.dockerignore', 'conf/a.conf', 'conf/sub/b.conf', 'docs/keep.md']);
    expect(l.ignored).toEqual(['Dockerfile', 'README.md', 'conf/b.bak', 'node_modules/pkg/index.js']);
    expect(l.ignoreFile).toBe('.dockerignore');
  });

  test('<Dockerfile>.dockerignore wins over the context one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ctx-'));
    writeFileSync(path.join(dir, 'a.txt'), 'a');
    writeFileSync(path.join(dir, 'b.txt'), 'b');
    writeFileSync(path.join(dir, '.dockerignore'), 'a.txt\n');
    mkdirSync(path.join(dir, 'img'));
    writeFileSync(path.join(dir, 'img', 'Dockerfile'), 'FROM x\n');
    writeFileSync(path.join(dir, 'img', 'Dockerfile.dockerignore'), 'b.txt\n');
    const l = listContextFiles(dir, { dockerfile: path.join(dir, 'img', 'Dockerfile') });
    expect(l.files).toEqual(['.dockerignore', 'a.txt', 'img/Dockerfile', 'img/Dockerfile.dockerignore']);
    expect(l.ignored).toEqual(['b.txt']);
  });

  test('a symlink pointing outside the repository is a finding and is not listed', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    writeFileSync(path.join(outside, 'passwd'), 'root:x:0:0');
    const repo = mkdtempSync(path.join(os.tmpdir(), 'repo-'));
    mkdirSync(path.join(repo, 'ctx'));
    writeFileSync(path.join(repo, 'ctx', 'ok.conf'), 'x');
    writeFileSync(path.join(repo, 'inside.conf'), 'y');
    symlinkSync(path.join(outside, 'passwd'), path.join(repo, 'ctx', 'passwd'));
    symlinkSync(path.join(repo, 'inside.conf'), path.join(repo, 'ctx', 'linked.conf'));
    const l = listContextFiles(path.join(repo, 'ctx'), { root: repo });
    expect(l.files).toEqual(['linked.conf', 'ok.conf']);
    expect(l.findings.map((f) => [f.file, f.code, f.severity, f.line, f.column])).toEqual([
      ['ctx/passwd', 'project/symlink-outside', 'error', 1, 1],
    ]);
  });

  test('a context that resolves outside the repository is refused before its .dockerignore is read', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    writeFileSync(path.join(outside, '.dockerignore'), '[abc\n');
    const repo = mkdtempSync(path.join(os.tmpdir(), 'repo-'));
    symlinkSync(outside, path.join(repo, 'ctx'));
    const l = listContextFiles(path.join(repo, 'ctx'), { root: repo });
    expect(l.findings.map((f) => [f.file, f.code])).toEqual([['ctx', 'project/path-outside']]);
    expect(l.ignoreFile).toBeUndefined();
  });

  test('a bad pattern is a finding on its line', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ctx-'));
    writeFileSync(path.join(dir, '.dockerignore'), '# c\n[abc\n');
    const l = listContextFiles(dir);
    expect(l.findings.map((f) => [f.file, f.code, f.line, f.column])).toEqual([
      ['.dockerignore', 'dockerignore/bad-pattern', 2, 1],
    ]);
  });
});
