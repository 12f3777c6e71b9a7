/** @include as fluentd does it (CONFIG-FACTS B2): relative to the including file, globs sorted, in place. */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskFs } from '../../src/checks/fs.js';
import { checkFluentd } from '../../src/checks/fluentd/index.js';
import { MemoryFs } from './memory-fs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fs = new DiskFs(path.join(here, '../fixtures/fluentd/includes'));
const rows = (r: ReturnType<typeof checkFluentd>): Array<[string, string, string, number, number]> =>
  r.findings.map((f) => [f.file, f.code, f.severity, f.line, f.column]);

describe('includes on disk', () => {
  test('glob sorted, missing, remote and computed includes; absence checks stand down', () => {
    const r = checkFluentd('main.conf', fs, {});
    expect(r.files).toEqual(['main.conf', 'conf.d/10-source.conf', 'conf.d/20-label.conf', 'conf.d/30-label.bak.conf']);
    expect(rows(r)).toEqual([
      ['main.conf', 'fluentd/include-backup-file', 'warning', 1, 10],
      ['main.conf', 'fluentd/include-not-found', 'warning', 2, 10], // the image may provide it: W
      ['main.conf', 'fluentd/include-remote', 'warning', 3, 10],
      ['main.conf', 'fluentd/include-dynamic', 'warning', 4, 10],
    ]);
    expect(r.envNames).toEqual(['EXTRA_CONF']);
  });

  test('a symlink out of the root is not followed: neither a linked file nor a linked directory is read', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    writeFileSync(path.join(outside, 'env'), 'SECRET_VALUE_1234\n');
    const root = mkdtempSync(path.join(os.tmpdir(), 'conf-'));
    mkdirSync(path.join(root, 'conf.d'));
    symlinkSync(path.join(outside, 'env'), path.join(root, 'conf.d', 'a.conf'));
    symlinkSync(outside, path.join(root, 'linked'));
    writeFileSync(
      path.join(root, 'main.conf'),
      '@include conf.d/*.conf\n@include linked/env\n@include linked/*\n<match **>\n  @type null\n</match>\n',
    );
    try {
      const r = checkFluentd('main.conf', new DiskFs(root), {});
      expect(r.files).toEqual(['main.conf']);
      expect(rows(r).map((f) => [f[1], f[3]])).toEqual([
        ['fluentd/include-not-found', 1],
        ['fluentd/include-not-found', 2],
        ['fluentd/include-not-found', 3],
      ]);
      expect(JSON.stringify(r.findings)).not.toContain('SECRET_VALUE');
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a cycle terminates with one error at the include that closes it', () => {
    const r = checkFluentd('cycle/a.conf', fs, {});
    expect(rows(r)).toEqual([['cycle/b.conf', 'fluentd/include-cycle', 'error', 2, 1]]);
    expect(r.findings[0]?.message).toContain('cycle/a.conf -> cycle/b.conf -> cycle/a.conf');
  });

  test('a parse error in an included file is the one reported (it is read first), in that file', () => {
    const r = checkFluentd('error-in-include/main.conf', fs, {});
    expect(rows(r)).toEqual([['error-in-include/bad.conf', 'fluentd/unclosed-section', 'error', 1, 1]]);
  });

  test('@include inside a section merges its parameters into that section', () => {
    const r = checkFluentd('nested/main.conf', fs, {});
    expect(rows(r)).toEqual([['nested/server.conf', 'fluentd/unknown-parameter', 'warning', 3, 1]]);
    expect(r.findings[0]?.message).toContain('did you mean "port"?');
  });
});

describe('includes in the image layout (absolute container paths)', () => {
  const image = {
    '/fluentd/etc/fluent.conf':
      '@include conf.d/*.conf\n@include /fluentd/etc/extra/*.conf\n<match **>\n  @type null\n</match>\n',
    '/fluentd/etc/conf.d/b.conf': '<source>\n  @type sample\n  tag b\n</source>\n',
    '/fluentd/etc/conf.d/a.conf': '<match b>\n  @type stdout\n</match>\n',
    '/fluentd/etc/extra/x.conf': '<system>\n  log_level warn\n</system>\n',
  };

  test('relative and absolute includes resolve against the including file, sorted, spliced in place', () => {
    const r = checkFluentd('/fluentd/etc/fluent.conf', new MemoryFs(image), {});
    expect(r.files).toEqual([
      'image:/fluentd/etc/fluent.conf',
      'image:/fluentd/etc/conf.d/a.conf',
      'image:/fluentd/etc/conf.d/b.conf',
      'image:/fluentd/etc/extra/x.conf',
    ]);
    // a.conf's <match b> comes before the main file's <match **>: nothing is shadowed or unrouted.
    expect(r.findings).toEqual([]);
  });

  test('order matters: the same files with the catch-all first shadow the specific match', () => {
    const swapped = {
      ...image,
      '/fluentd/etc/fluent.conf': '<match **>\n  @type null\n</match>\n@include conf.d/*.conf\n',
    };
    const r = checkFluentd('/fluentd/etc/fluent.conf', new MemoryFs(swapped), {});
    expect(rows(r)).toEqual([['image:/fluentd/etc/conf.d/a.conf', 'fluentd/shadowed-match', 'error', 1, 1]]);
  });

  test('a chain of includes deeper than 32 stops with a warning, and absence checks stand down', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++)
      files[`/c/${i}.conf`] = `@include ${i + 1}.conf\n<source>\n  @type sample\n  tag t${i}\n</source>\n`;
    files['/c/40.conf'] = '<match **>\n  @type null\n</match>\n';
    const r = checkFluentd('/c/0.conf', new MemoryFs(files), {});
    expect(rows(r)).toEqual([['image:/c/31.conf', 'fluentd/include-limit', 'warning', 1, 1]]);
    expect(r.files).toHaveLength(32);
  });

  test('an include of the file itself is a cycle, reported once', () => {
    const r = checkFluentd('/x/self.conf', new MemoryFs({ '/x/self.conf': '@include self.conf\n' }), {});
    expect(rows(r)).toEqual([['image:/x/self.conf', 'fluentd/include-cycle', 'error', 1, 1]]);
  });
});
