/**
 * Every checker, fed junk through the paths users reach it by (`check FILE` and `validate` on the
 * example repository with one file replaced), returns well-formed findings: no throw, positions
 * inside the file, one line per message (`path:line:col: severity CODE message`; annotations and
 * SARIF split on line breaks), and a code that docs/checks.md or docs/project-file.md lists.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { checkAgentFile } from '../../src/checks/agent/index.js';
import { checkStandaloneFile, type StandaloneKind } from '../../src/checks/check-file.js';
import { type Finding, oneLine, quoteValue } from '../../src/checks/findings.js';
import { decode, sourceFromText } from '../../src/checks/source.js';
import { readJson } from '../../src/checks/taskdef/json-reader.js';
import { loadProject } from '../../src/project/load.js';
import { validateProject } from '../../src/validate.js';

const EXAMPLE = path.resolve('examples/datadog-ecs');
const PROJECT_FILE = 'dd-ecs-monitor.yml';
const DOCUMENTED = new Set(
  ['docs/checks.md', 'docs/project-file.md'].flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/`([a-z_]+\/[a-z0-9]+(?:-[a-z0-9]+)*)`/g)].map((m) => m[1] as string),
  ),
);

/** The example's checked files, with the kind `check` gives them (undefined: only `validate` reads it). */
const TARGETS: Array<[string, StandaloneKind | undefined]> = [
  ['datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml', 'http_check'],
  ['datadog/etc/datadog-agent/conf.d/mysql.d/conf.yaml', 'mysql'],
  ['fluentd/etc/fluent.conf', 'fluentd'],
  ['senders/fluent.conf', 'fluentd'],
  ['ecs/fluentd.taskdef.json', 'taskdef'],
  ['ecs/datadog-agent.taskdef.json', 'taskdef'],
  [PROJECT_FILE, undefined],
  ['datadog/Dockerfile', undefined],
  ['fluentd/Dockerfile', undefined],
];

/** Lines as any reader might count them (LF, CRLF or a lone CR each end one). */
function lineCount(bytes: Uint8Array): number {
  let n = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) n += 1;
  }
  return n;
}

let repo = '';
const original = new Map<string, Buffer>();

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'junk-input-'));
  cpSync(EXAMPLE, repo, { recursive: true });
  for (const [file] of TARGETS) original.set(file, readFileSync(path.join(repo, file)));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** The findings' files resolved in the repository copy (check: relative to cwd; validate: to the root). */
function wellFormed(findings: readonly Finding[], where: string): void {
  for (const f of findings) {
    const ctx = `${where}: ${f.file}:${f.line}:${f.column} ${f.code} ${f.message}`;
    let lines = Infinity;
    try {
      lines = lineCount(readFileSync(path.resolve(repo, f.file)));
    } catch {
      // a file the finding names but that does not exist (a missing COPY source): position 1:1
    }
    expect([ctx, f.line >= 1, f.column >= 1, f.line <= lines + 1]).toEqual([ctx, true, true, true]);
    expect([ctx, /[\r\n\u2028\u2029\u0085]/.test(f.message)]).toEqual([ctx, false]);
    expect([ctx, f.message.length > 0, DOCUMENTED.has(f.code)]).toEqual([ctx, true, true]);
    expect(f.code).not.toMatch(/internal/);
  }
}

/** Replace one file of the repository copy, run `check` on it (when it has a kind) and `validate`. */
function runWith(file: string, kind: StandaloneKind | undefined, bytes: Uint8Array): void {
  const abs = path.join(repo, file);
  writeFileSync(abs, bytes);
  try {
    const where = `${file} (${Buffer.from(bytes.slice(0, 80)).toString('hex')})`;
    if (kind) wellFormed(checkStandaloneFile(file, { cwd: repo, kind }).findings, `check ${where}`);
    if (kind) wellFormed(checkStandaloneFile(file, { cwd: repo }).findings, `check (inferred) ${where}`);
    wellFormed(validateProject(path.join(repo, PROJECT_FILE)).findings, `validate ${where}`);
  } finally {
    writeFileSync(abs, original.get(file) as Buffer);
  }
}

const targetArb = fc.constantFrom(...TARGETS);
const GUARD_MS = 10_000; // a guard against a hang, not a speed claim

describe('one line per finding message', () => {
  test('the input the property test found: `>\\n!` as http_check (seed -805521469)', () => {
    const d = decode('f.yaml', new Uint8Array([62, 10, 33]));
    if (!d.ok) throw new Error('decodes');
    const [f, ...rest] = checkAgentFile(d.source, 'http_check', {}).findings;
    expect(rest).toEqual([]);
    expect(f?.code).toBe('http_check/not-a-mapping');
    // The folded scalar `>\n!` is the string "!\n": shown escaped, not broken over two lines.
    expect(f?.message).toContain('not the string "!\\n"');
  });

  // Found by the junk-input hunt: a key or character of the user's, quoted raw, carried its line break.
  test('user keys and characters with a line break are quoted with escapes', () => {
    const agent = (text: string): string[] =>
      checkAgentFile(sourceFromText('f.yaml', text), 'http_check', {}).findings.map((f) => f.message);
    expect(agent('"x\\ny": 1\ninstances: []\n')).toContainEqual(
      expect.stringContaining('unknown top-level key "x\\ny"'),
    );
    expect(agent('instances:\n  - url: https://a.example.com\n    "x\\ry": 1\n')).toContainEqual(
      expect.stringContaining('unknown option "x\\ry" in instance 1'),
    );
    const projectText = `${readFileSync(path.join(EXAMPLE, PROJECT_FILE), 'utf8')}"x\\ny": 1\n`;
    const project = loadProject(path.join(EXAMPLE, PROJECT_FILE), projectText).findings.map((f) => f.message);
    expect(project).toContainEqual(expect.stringContaining('unknown key "x\\ny" in the project file'));
    const json = readJson(sourceFromText('t.json', '{"a": "\\\r"}')).findings;
    expect(json.map((f) => [f.code, f.message])).toEqual([
      ['json/syntax', expect.stringContaining('bad escape in a string: \\ followed by "\\r"')],
    ]);
  });

  test('oneLine turns each whitespace run holding a break into one space, and keeps the words', () => {
    expect(oneLine('bad value:\n  at line 2\r\nsee\u2028docs')).toBe('bad value: at line 2 see docs');
    expect(oneLine('a  b\tc')).toBe('a  b\tc');
    expect(quoteValue('a"b\n')).toBe('"a\\"b\\n"');
    expect(quoteValue('abcdef', 3)).toBe('"abc"…');
  });

  test('arbitrary bytes in any checked file of the example', () => {
    const started = performance.now();
    fc.assert(
      fc.property(targetArb, fc.uint8Array({ maxLength: 200 }), ([file, kind], bytes) => runWith(file, kind, bytes)),
      { numRuns: 200, interruptAfterTimeLimit: GUARD_MS },
    );
    expect(performance.now() - started).toBeLessThan(GUARD_MS * 3);
  });
});

describe('junk versions of the example files', () => {
  test('each file cut at every 97th byte', () => {
    for (const [file, kind] of TARGETS) {
      const full = original.get(file) as Buffer;
      for (let cut = 0; cut < full.length; cut += 97) runWith(file, kind, full.subarray(0, cut));
    }
  });

  test('CRLF, UTF-16 (LE and BE, with a BOM) and UTF-8 BOM versions', () => {
    for (const [file, kind] of TARGETS) {
      const text = (original.get(file) as Buffer).toString('utf8');
      const crlf = text.replace(/\n/g, '\r\n');
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const be = Buffer.from(le);
      be.swap16();
      for (const bytes of [
        Buffer.from(crlf),
        Buffer.from(text.replace(/\n/g, '\r')),
        le,
        be,
        Buffer.from(text, 'utf16le'),
      ]) {
        runWith(file, kind, bytes);
      }
      runWith(file, kind, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]));
    }
  });

  test('NUL bytes and arbitrary edits inside the real files', () => {
    const editArb = fc.tuple(targetArb, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 6 }), fc.nat({ max: 4 }));
    fc.assert(
      fc.property(editArb, ([[file, kind], at, insert, drop]) => {
        const full = original.get(file) as Buffer;
        const i = at % (full.length + 1);
        runWith(file, kind, Buffer.concat([full.subarray(0, i), Buffer.from(insert), full.subarray(i + drop)]));
      }),
      { numRuns: 200, interruptAfterTimeLimit: GUARD_MS },
    );
    for (const [file, kind] of TARGETS) {
      const full = original.get(file) as Buffer;
      runWith(file, kind, Buffer.concat([full.subarray(0, 10), Buffer.from([0]), full.subarray(10)]));
    }
  });
});
