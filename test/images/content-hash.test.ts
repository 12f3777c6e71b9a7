import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { chmod, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ContentHashInput, contentHash, contentTag } from '../../src/images/content-hash.js';
import { imageInputs } from '../../src/images/image-inputs.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-hash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, text: string, mode = 0o644): Promise<void> {
  const abs = path.join(dir, rel);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, text);
  await chmod(abs, mode);
}

async function baseline(): Promise<ContentHashInput> {
  await put('Dockerfile', 'ARG BASE=fluent/fluentd:v1.16-1\nFROM ${BASE}\nCOPY etc/ /fluentd/etc/\n');
  await put('etc/fluent.conf', '<match **>\n  @type stdout\n</match>\n');
  await put('etc/extra.conf', '# included\n');
  return {
    contextDir: dir,
    dockerfile: path.join(dir, 'Dockerfile'),
    buildArgs: { BASE: 'fluent/fluentd:v1.16-1', OTHER: '1' },
    baseImages: ['fluent/fluentd:v1.16-1'],
    files: ['etc/fluent.conf', 'etc/extra.conf'],
  };
}

describe('the content hash changes when any input changes', () => {
  test.each<[string, (i: ContentHashInput) => Promise<ContentHashInput>]>([
    ['Dockerfile bytes', async (i) => (await put('Dockerfile', 'FROM x\nCOPY etc/ /fluentd/etc/\n'), i)],
    ['a build arg value', async (i) => ({ ...i, buildArgs: { ...i.buildArgs, OTHER: '2' } })],
    ['a build arg added', async (i) => ({ ...i, buildArgs: { ...i.buildArgs, NEW: '' } })],
    ['a base image reference', async (i) => ({ ...i, baseImages: ['fluent/fluentd:v1.17-1'] })],
    ['a stage added', async (i) => ({ ...i, baseImages: [...i.baseImages, 'busybox:1'] })],
    ['an input file byte', async (i) => (await put('etc/fluent.conf', '<match **>\n  @type null\n</match>\n'), i)],
    ['an input file becomes executable', async (i) => (await chmod(path.join(dir, 'etc/extra.conf'), 0o755), i)],
    [
      'an input file renamed',
      async (i) => (
        await put('etc/other.conf', '# included\n'),
        { ...i, files: ['etc/fluent.conf', 'etc/other.conf'] }
      ),
    ],
    [
      'an input file added',
      async (i) => (await put('etc/new.conf', ''), { ...i, files: [...i.files, 'etc/new.conf'] }),
    ],
    ['an input file removed from disk', async (i) => (await rm(path.join(dir, 'etc/extra.conf')), i)],
    [
      'an input file becomes a symlink',
      async (i) => (
        await rm(path.join(dir, 'etc/extra.conf')),
        await symlink('fluent.conf', path.join(dir, 'etc/extra.conf')),
        i
      ),
    ],
    ['the platform', async (i) => ({ ...i, platform: 'linux/arm64' })],
    ['the target stage', async (i) => ({ ...i, target: 'final' })],
  ])('%s', async (_name, change) => {
    const input = await baseline();
    const before = await contentHash(input);
    const after = await contentHash(await change(input));
    expect(after).toMatch(/^[0-9a-f]{64}$/);
    expect(after).not.toBe(before);
  });
});

describe('the content hash stays the same for what does not reach the image', () => {
  test.each<[string, (i: ContentHashInput) => Promise<ContentHashInput>]>([
    ['file list order and duplicates', async (i) => ({ ...i, files: [...i.files].reverse().concat(i.files) })],
    ['build arg order', async (i) => ({ ...i, buildArgs: { OTHER: '1', BASE: 'fluent/fluentd:v1.16-1' } })],
    ['mtimes', async (i) => (await utimes(path.join(dir, 'etc/fluent.conf'), 1, 1), i)],
    [
      'group-writable vs not (umask differs between machines)',
      async (i) => (await chmod(path.join(dir, 'etc/fluent.conf'), 0o664), i),
    ],
    ['an unrelated context file', async (i) => (await put('README.md', 'docs'), i)],
  ])('%s', async (_name, change) => {
    const input = await baseline();
    const before = await contentHash(input);
    expect(await contentHash(await change(input))).toBe(before);
  });

  test('property: any order of the same files gives the same hash', async () => {
    const input = await baseline();
    const names = ['a', 'b/c', 'b/d', 'e f', 'ü', 'Z'];
    for (const n of names) await put(`ctx/${n}`, `content of ${n}`);
    const files = names.map((n) => `ctx/${n}`);
    const expected = await contentHash({ ...input, files });
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }),
        async (order) => {
          expect(await contentHash({ ...input, files: order })).toBe(expected);
        },
      ),
      { numRuns: 30 },
    );
  });

  test('property: field boundaries cannot be shifted to forge the same hash', async () => {
    const input = await baseline();
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.string(), async (a, b, c) => {
        fc.pre(b !== '');
        const one = await contentHash({ ...input, buildArgs: { K: a + b }, baseImages: [c] });
        const two = await contentHash({ ...input, buildArgs: { K: a }, baseImages: [b + c] });
        expect(one).not.toBe(two);
      }),
      { numRuns: 50 },
    );
  });
});

test('content tag: a prefix and 128 bits of the hash, a valid docker tag', () => {
  expect(contentTag('0123456789abcdef'.repeat(4))).toBe('content-0123456789abcdef0123456789abcdef');
});

describe('imageInputs: the Dockerfile model decides which files count', () => {
  async function repo(): Promise<void> {
    await put(
      'fluentd/Dockerfile',
      'ARG BASE=fluent/fluentd:v1.16-1\nFROM ${BASE} AS build\nFROM build\nCOPY fluentd/etc/ /fluentd/etc/\n',
    );
    await put('fluentd/etc/fluent.conf', '<match **>\n  @type stdout\n</match>\n');
    await put('fluentd/etc/notes.md', 'ignored by .dockerignore');
    await put('.dockerignore', '**/*.md\n');
    await put('datadog/conf.yaml', 'not in the fluentd build');
  }
  const opts = () => ({
    root: dir,
    contextDir: dir,
    dockerfile: path.join(dir, 'fluentd/Dockerfile'),
    buildArgs: { BASE: 'test/fluentd:1' },
  });

  test('inputs are the COPY sources after .dockerignore, and the base images after build args', async () => {
    await repo();
    const out = await imageInputs(opts());
    expect(out.findings).toEqual([]);
    expect(out.files).toEqual(['fluentd/etc/fluent.conf']);
    expect(out.baseImages).toEqual(['test/fluentd:1', 'stage:0']);
    expect(out.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    ['a .dockerignored file in a copied directory', 'fluentd/etc/notes.md', false],
    ['a file outside every COPY', 'datadog/conf.yaml', false],
    ['a copied file', 'fluentd/etc/fluent.conf', true],
  ])('editing %s (%s) -> the hash changes: %s', async (_name, file, changes) => {
    await repo();
    const before = (await imageInputs(opts())).hash;
    await put(file, 'edited');
    const after = (await imageInputs(opts())).hash;
    expect(after !== before).toBe(changes);
  });

  test('a build arg that changes the base image changes the hash', async () => {
    await repo();
    const a = await imageInputs(opts());
    const b = await imageInputs({ ...opts(), buildArgs: { BASE: 'test/fluentd:2' } });
    expect(b.baseImages[0]).toBe('test/fluentd:2');
    expect(b.hash).not.toBe(a.hash);
  });

  test('a missing Dockerfile gives findings and no hash, not an exception', async () => {
    const out = await imageInputs({ root: dir, contextDir: dir, dockerfile: path.join(dir, 'nope/Dockerfile') });
    expect(out.hash).toBeUndefined();
    expect(out.findings.map((f) => [f.file, f.code])).toEqual([['nope/Dockerfile', 'file/missing']]);
  });
});
