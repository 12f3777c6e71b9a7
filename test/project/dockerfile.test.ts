/**
 * Dockerfile model: stages, COPY/ADD destinations, ARG/ENV substitution, and the findings Docker's
 * own parser would give (moby/buildkit frontend/dockerfile). Exact code + line + column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { sourceFromText } from '../../src/checks/source.js';
import {
  contextInputs,
  copySourceFindings,
  imageFiles,
  installedGems,
  parseDockerfile,
} from '../../src/project/dockerfile.js';

const parse = (text: string, args: Record<string, string> = {}) =>
  parseDockerfile(sourceFromText('Dockerfile', text), args);
const codes = (text: string) => parse(text).findings.map((f) => [f.code, f.severity, f.line, f.column]);
const fixture = (name: string) => readFileSync(`test/fixtures/dockerfile/${name}`, 'utf8');

describe('parse findings', () => {
  test.each<[string, string, Array<[string, string, number, number]>]>([
    ['clean file', 'FROM alpine\nCOPY a /b\n', []],
    [
      'unknown instruction with did-you-mean',
      'FROM alpine\nCOPPY a /b\n',
      [['dockerfile/unknown-instruction', 'error', 2, 1]],
    ],
    ['instruction before FROM', 'COPY a /b\nFROM alpine\n', [['dockerfile/no-stage', 'error', 1, 1]]],
    ['ARG before FROM is fine', 'ARG X=1\nFROM alpine\n', []],
    ['no FROM at all', 'ARG X=1\n', [['dockerfile/no-from', 'error', 1, 1]]],
    ['empty file', '', [['dockerfile/no-from', 'error', 1, 1]]],
    ['bad FROM shape', 'FROM alpine AS\n', [['dockerfile/bad-from', 'error', 1, 1]]],
    [
      'FROM with undefined ARG',
      'FROM ${IMG}\n',
      [
        ['dockerfile/undefined-arg', 'warning', 1, 6],
        ['dockerfile/empty-from', 'error', 1, 6],
      ],
    ],
    ['invalid stage name', 'FROM alpine AS 1st\n', [['dockerfile/invalid-stage-name', 'error', 1, 16]]],
    ['duplicate stage name', 'FROM alpine AS a\nFROM alpine AS A\n', [['dockerfile/duplicate-stage', 'error', 2, 16]]],
    ['unknown flag', 'FROM alpine\nCOPY --frm=x a /b\n', [['dockerfile/unknown-flag', 'error', 2, 6]]],
    ['flag without value', 'FROM alpine\nCOPY --chown a /b\n', [['dockerfile/flag-value', 'error', 2, 6]]],
    ['COPY with one argument', 'FROM alpine\nCOPY a\n', [['dockerfile/missing-arguments', 'error', 2, 1]]],
    ['COPY of a URL', 'FROM alpine\nCOPY https://example.com/x /x\n', [['dockerfile/copy-url', 'error', 2, 6]]],
    ['ADD of a URL is fine', 'FROM alpine\nADD https://example.com/x /x\n', []],
    [
      'source outside context',
      'FROM alpine\nCOPY ../secret /x\n',
      [['dockerfile/source-outside-context', 'error', 2, 6]],
    ],
    ['several sources, file dest', 'FROM alpine\nCOPY a b /dest\n', [['dockerfile/copy-dest-not-dir', 'error', 2, 10]]],
    ['several sources, dir dest', 'FROM alpine\nCOPY a b /dest/\n', []],
    ['COPY --from itself', 'FROM alpine AS a\nCOPY --from=a /x /y\n', [['dockerfile/copy-from-self', 'error', 2, 6]]],
    [
      'COPY --from index out of range',
      'FROM alpine\nCOPY --from=3 /x /y\n',
      [['dockerfile/copy-from-unknown-stage', 'error', 2, 6]],
    ],
    [
      'COPY --from near-miss of a stage',
      'FROM alpine AS builder\nFROM alpine\nCOPY --from=buidler /x /y\n',
      [['dockerfile/copy-from-unknown-stage', 'warning', 3, 6]],
    ],
    ['COPY --from an image', 'FROM alpine\nCOPY --from=busybox:1 /bin/busybox /bin/\n', []],
    ['relative dest without WORKDIR', 'FROM alpine\nCOPY a etc/\n', [['dockerfile/relative-dest', 'notice', 2, 8]]],
    ['relative dest after WORKDIR', 'FROM alpine\nWORKDIR /app\nCOPY a etc/\n', []],
    ['unterminated heredoc', 'FROM alpine\nRUN <<EOF\necho hi\n', [['dockerfile/unterminated-heredoc', 'error', 2, 5]]],
    ['ENV without value pairs', 'FROM alpine\nENV A=1 =2\n', [['dockerfile/bad-env', 'error', 2, 9]]],
    [
      'source on a continued line',
      'FROM alpine\nCOPY a \\\n  ../b /x/\n',
      [['dockerfile/source-outside-context', 'error', 3, 3]],
    ],
    ['comment inside continuation', 'FROM alpine\nRUN echo a \\\n# note\n  && COPPY\n', []],
    ['USER without name', 'FROM alpine\nUSER\n', [['dockerfile/missing-arguments', 'error', 2, 1]]],
  ])('%s', (_name, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });
});

describe('the model', () => {
  test('seed Fluentd Dockerfile: COPY into /fluentd/etc/ and the gem from a continued RUN', () => {
    const df = parseDockerfile(sourceFromText('fluentd/Dockerfile', fixture('seed-fluentd.Dockerfile')));
    expect(df.findings).toEqual([]);
    const stage = df.stages[0]!;
    expect(stage.baseImage).toBe('fluent/fluentd:v1.15.3-debian-1.0');
    expect(stage.user).toBe('fluent');
    expect(stage.copies).toEqual([
      expect.objectContaining({
        line: 16,
        column: 1,
        sources: ['fluentd/etc/fluent.conf'],
        sourcePositions: [{ line: 16, column: 7 }],
        dest: '/fluentd/etc',
        destDir: true,
      }),
    ]);
    expect([...installedGems(df)]).toEqual(['fluent-plugin-datadog']);
    expect([...imageFiles(df, ['fluentd/etc/fluent.conf', 'README.md']).files]).toEqual([
      ['/fluentd/etc/fluent.conf', 'fluentd/etc/fluent.conf'],
    ]);
  });

  test('seed agent Dockerfile: RUN mkdir makes the secrets directory known', () => {
    const df = parseDockerfile(sourceFromText('datadog/Dockerfile', fixture('seed-agent.Dockerfile')));
    expect(df.findings).toEqual([]);
    expect(df.stages[0]!.mkdirs).toEqual(['/etc/datadog-agent/secrets']);
    const ctx = [
      'etc/datadog-agent/conf.d/http_check.d/conf.yaml',
      'etc/datadog-agent/conf.d/mysql.d/conf.yaml',
      'etc/datadog-agent/secrets/db_password',
    ];
    expect([...imageFiles(df, ctx).files.keys()]).toEqual([
      '/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
      '/etc/datadog-agent/conf.d/mysql.d/conf.yaml',
      '/etc/datadog-agent/secrets/db_password',
    ]);
  });

  test('multi-stage: ARG substitution, WORKDIR, COPY --from chains, globs, gems with versions', () => {
    const df = parseDockerfile(sourceFromText('Dockerfile', fixture('multistage.Dockerfile')), { BASE: 'busybox:1' });
    expect(df.findings).toEqual([]);
    expect(df.args).toEqual({ BASE: 'busybox:1', VERSION: undefined });
    expect(df.stages.map((s) => [s.index, s.name, s.baseImage, s.baseStage])).toEqual([
      [0, 'build', 'busybox:1', undefined],
      [1, 'config', 'build', 0],
      [2, undefined, 'fluent/fluentd:v1.16-debian-1', undefined],
    ]);
    expect(df.stages[0]!.copies[0]).toMatchObject({ sources: ['conf'], dest: '/src/conf', destDir: true });
    expect(df.stages[2]!.copies[0]).toMatchObject({
      from: 'config',
      fromStage: 1,
      dest: '/fluentd/etc',
      destDir: true,
    });
    expect(df.stages[2]!.copies[1]).toMatchObject({
      chown: 'fluent:fluent',
      chmod: '644',
      sources: ['plugins/*.rb'],
      sourcePositions: [{ line: 17, column: 6 }],
    });
    const ctx = [
      'conf/fluent.conf',
      'conf/inc/a.conf',
      'extra.conf',
      'plugins/filter_x.rb',
      'plugins/README',
      'other.txt',
    ];
    const view = imageFiles(df, ctx);
    expect([...view.files]).toEqual([
      ['/fluentd/etc/extra.conf', 'extra.conf'],
      ['/fluentd/etc/fluent.conf', 'conf/fluent.conf'],
      ['/fluentd/etc/inc/a.conf', 'conf/inc/a.conf'],
      ['/fluentd/plugins/filter_x.rb', 'plugins/filter_x.rb'],
    ]);
    expect(view.complete).toBe(true);
    expect(contextInputs(df, ctx)).toEqual([
      'conf/fluent.conf',
      'conf/inc/a.conf',
      'extra.conf',
      'plugins/filter_x.rb',
    ]);
    expect([...installedGems(df)].sort()).toEqual(['fluent-plugin-datadog', 'fluent-plugin-rewrite-tag-filter']);
  });

  test('CRLF line endings and continuations', () => {
    const df = parseDockerfile(sourceFromText('Dockerfile', fixture('crlf.Dockerfile')));
    expect(df.findings).toEqual([]);
    expect(df.stages[0]!.copies[0]).toMatchObject({ sources: ['a.conf'], dest: '/etc', destDir: true });
  });

  test.each<[string, string, string, boolean]>([
    ['file to file', 'COPY a.conf /etc/x.conf', '/etc/x.conf', false],
    ['file into dir', 'COPY a.conf /etc/fluent/', '/etc/fluent', true],
    ['dot dest with WORKDIR', 'WORKDIR /app\nCOPY a.conf .', '/app', true],
    ['relative dest joins WORKDIR', 'WORKDIR /app\nWORKDIR sub\nCOPY a.conf conf/', '/app/sub/conf', true],
    ['ENV in dest', 'ENV D=/opt/x\nCOPY a.conf ${D}/', '/opt/x', true],
    ['default in dest', 'COPY a.conf ${NOPE:-/fallback}/', '/fallback', true],
    ['quoted dest', 'COPY a.conf "/etc/x/"', '/etc/x', true],
    ['JSON form', 'COPY ["a.conf", "/etc/j/"]', '/etc/j', true],
  ])('destination: %s', (_name, body, dest, destDir) => {
    const df = parse(`FROM alpine\n${body}\n`);
    const copy = df.stages[0]!.copies[0]!;
    expect([copy.dest, copy.destDir]).toEqual([dest, destDir]);
  });

  test('ARG in a stage takes the global default only when redeclared; build args override', () => {
    const df = parse('ARG V=1\nFROM alpine\nARG V\nCOPY a /v${V}/\nFROM alpine\nCOPY a /w${V}/\n', {});
    expect(df.stages[0]!.copies[0]!.dest).toBe('/v1');
    expect(df.stages[1]!.copies[0]!.dest).toBe('/w');
    expect(parse('ARG V=1\nFROM alpine\nARG V\nCOPY a /v${V}/\n', { V: '9' }).stages[0]!.copies[0]!.dest).toBe('/v9');
  });

  test('escape directive switches to backtick', () => {
    const df = parse('# escape=`\nFROM alpine\nCOPY a `\n  /b/\n');
    expect(df.findings).toEqual([]);
    expect(df.directives).toEqual({ escape: '`' });
    expect(df.stages[0]!.copies[0]).toMatchObject({ sources: ['a'], dest: '/b' });
  });

  test('heredoc RUN bodies are read for gems', () => {
    const df = parse('FROM alpine\nRUN <<EOF\nset -e\ngem install fluent-plugin-s3\nEOF\nCOPY a /b\n');
    expect(df.findings).toEqual([]);
    expect([...installedGems(df)]).toEqual(['fluent-plugin-s3']);
    expect(df.stages[0]!.copies[0]!.line).toBe(6);
  });
});

describe('image files and context inputs', () => {
  test.each<[string, string, string[], Array<[string, string]>, boolean]>([
    [
      'directory copies its contents',
      'COPY conf /etc/app/',
      ['conf/a.conf', 'conf/sub/b.conf'],
      [
        ['/etc/app/a.conf', 'conf/a.conf'],
        ['/etc/app/sub/b.conf', 'conf/sub/b.conf'],
      ],
      true,
    ],
    [
      'whole context',
      'COPY . /src/',
      ['a', 'd/b'],
      [
        ['/src/a', 'a'],
        ['/src/d/b', 'd/b'],
      ],
      true,
    ],
    ['glob does not cross /', 'COPY *.conf /etc/', ['a.conf', 'd/b.conf'], [['/etc/a.conf', 'a.conf']], true],
    [
      'glob matching a directory copies its contents',
      'COPY con* /etc/x/',
      ['conf/a.conf'],
      [['/etc/x/a.conf', 'conf/a.conf']],
      true,
    ],
    [
      'file onto a known directory without slash',
      'COPY fluent.conf /fluentd/etc',
      ['fluent.conf'],
      [['/fluentd/etc/fluent.conf', 'fluent.conf']],
      true,
    ],
    [
      'file renamed',
      'COPY fluent.conf /etc/fluent/main.conf',
      ['fluent.conf'],
      [['/etc/fluent/main.conf', 'fluent.conf']],
      true,
    ],
    ['--exclude', 'COPY --exclude=*.md conf/ /c/', ['conf/a.conf', 'conf/R.md'], [['/c/a.conf', 'conf/a.conf']], true],
    [
      '--parents keeps the path',
      'COPY --parents conf/a.conf /c/',
      ['conf/a.conf'],
      [['/c/conf/a.conf', 'conf/a.conf']],
      true,
    ],
    ['later copy wins', 'COPY a /x/f\nCOPY b /x/f', ['a', 'b'], [['/x/f', 'b']], true],
    ['ADD archive is not followed', 'ADD bundle.tar.gz /opt/', ['bundle.tar.gz'], [], false],
    ['ADD URL is not followed', 'ADD https://example.com/f /opt/', [], [], false],
    ['COPY --from an image is not followed', 'COPY --from=busybox /bin/sh /bin/', [], [], false],
    ['heredoc file is not from the repo', 'COPY <<EOF /etc/x\nhello\nEOF', [], [], false],
  ])('%s', (_name, body, ctx, files, complete) => {
    const df = parse(`FROM alpine\n${body}\n`);
    expect(df.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const view = imageFiles(df, ctx);
    expect([[...view.files], view.complete]).toEqual([files, complete]);
  });

  test('target picks the stage', () => {
    const df = parse('FROM alpine AS one\nCOPY a /a\nFROM alpine AS two\nCOPY b /b\n');
    expect([...imageFiles(df, ['a', 'b'], 'one').files]).toEqual([['/a', 'a']]);
    expect([...imageFiles(df, ['a', 'b']).files]).toEqual([['/b', 'b']]);
    expect(contextInputs(df, ['a', 'b', 'c'])).toEqual(['a', 'b']);
  });

  test.each<[string, string, string[], string[], Array<[string, string, number, number]>]>([
    ['missing file', 'COPY nope.conf /etc/', [], [], [['dockerfile/copy-source-missing', 'error', 2, 6]]],
    ['glob matching nothing', 'COPY *.conf /etc/', [], [], [['dockerfile/copy-source-missing', 'warning', 2, 6]]],
    [
      'excluded by .dockerignore',
      'COPY secret.txt /etc/',
      [],
      ['secret.txt'],
      [['dockerfile/copy-source-ignored', 'error', 2, 6]],
    ],
    [
      'glob with several matches to a file',
      'COPY *.conf /etc/x',
      ['a.conf', 'b.conf'],
      [],
      [['dockerfile/copy-dest-not-dir', 'error', 2, 6]],
    ],
    ['unused stage is not checked', 'COPY nope /x\nFROM alpine\nCOPY a /a', ['a'], [], []],
  ])('copy sources: %s', (_name, body, ctx, ignored, expected) => {
    const df = parse(`FROM alpine\n${body}\n`);
    expect(copySourceFindings(df, ctx, { ignored }).map((f) => [f.code, f.severity, f.line, f.column])).toEqual(
      expected,
    );
  });
});

describe('never throws', () => {
  test('arbitrary text gives a model and findings, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const df = parse(text);
        expect(Array.isArray(df.findings)).toBe(true);
        imageFiles(df, ['a', 'b/c']);
        contextInputs(df, ['a']);
        installedGems(df);
      }),
      { numRuns: 400 },
    );
  });

  test('Dockerfile-shaped junk', () => {
    const line = fc.oneof(
      fc.constantFrom(
        'FROM alpine',
        'FROM ${X:-a} AS s',
        'COPY --from=s / /',
        'COPY * /x',
        'RUN <<EOF',
        'EOF',
        'ARG X',
        'WORKDIR ..',
        'COPY [',
        '\\',
        '# escape=`',
      ),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const df = parse(lines.join('\n'));
        imageFiles(df, ['a', 'x/y']);
      }),
      { numRuns: 300 },
    );
  });

  test('a long file is parsed in bounded time', () => {
    const text = `FROM alpine\n${'COPY a /b/\n'.repeat(20000)}`;
    const t0 = Date.now();
    const df = parse(text);
    expect(df.stages[0]!.copies).toHaveLength(20000);
    expect(Date.now() - t0).toBeLessThan(10_000); // a guard against a hang, not a speed claim
  });
});
