/**
 * Whatever the input, checkAgentFile returns findings: no throw, no hang, no internal error, and
 * no secret in a message.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Finding } from '../../src/checks/findings.js';
import { decode, sourceFromText } from '../../src/checks/source.js';
import { type AgentCheckKind, checkAgentFile, detectAgentKind } from '../../src/checks/agent/index.js';
import { HTTP_CHECK_SCHEMA } from '../../src/checks/agent/schema/http-check.js';
import { MYSQL_SCHEMA } from '../../src/checks/agent/schema/mysql.js';
import { seedContext } from './support.js';

const CODE = /^(?:http_check|mysql|yaml|file)\/[a-z0-9-]+$/;

function wellFormed(findings: readonly Finding[], text: string): void {
  const lines = text.split('\n').length;
  for (const f of findings) {
    expect(f.code).toMatch(CODE);
    expect(f.code).not.toMatch(/internal-error/);
    expect(['error', 'warning', 'notice']).toContain(f.severity);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(lines);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message).not.toContain('\n');
  }
}

const kindArb = fc.constantFrom<AgentCheckKind>('http_check', 'mysql');

describe('arbitrary input only ever yields findings', () => {
  test('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), kindArb, (text, kind) => {
        const res = checkAgentFile(sourceFromText('f.yaml', text), kind, seedContext());
        wellFormed(res.findings, text);
        detectAgentKind(sourceFromText('f.yaml', text));
      }),
      { numRuns: 1500 },
    );
  });

  test('arbitrary bytes, decoded the way the CLI reads files', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), kindArb, (bytes, kind) => {
        const d = decode('f.yaml', bytes);
        if (!d.ok) return;
        const res = checkAgentFile(d.source, kind, {});
        wellFormed(res.findings, d.source.text);
      }),
      { numRuns: 1000 },
    );
  });

  // Documents shaped like check configs: real option names with values of every kind.
  const valueArb = fc.oneof(
    fc.constantFrom(
      'yes',
      'no',
      '0',
      '-1',
      '1.5',
      '~',
      '""',
      "'x'",
      'ENC[a]',
      '"ENC[file@/etc/x]"',
      'x-ENC[y]',
      '"%%env_X%%"',
      'http://a',
      'https://a.example.com',
      'example.com',
      '[a, b]',
      '{a: 1}',
      '(?P<n>x)',
      '"(1|2|3)\\\\d\\\\d"',
      '[',
      '- a',
      '*a',
      '&a b',
      '|',
    ),
    fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
    fc.integer().map(String),
  );
  const keyArb = (kind: AgentCheckKind): fc.Arbitrary<string> =>
    fc.oneof(
      fc.constantFrom(...(kind === 'http_check' ? HTTP_CHECK_SCHEMA : MYSQL_SCHEMA).instance.map((o) => o.name)),
      fc.constantFrom('nmae', 'url', 'host', 'x'),
    );
  const docArb = kindArb.chain((kind) =>
    fc.tuple(
      fc.constant(kind),
      fc.array(fc.array(fc.tuple(keyArb(kind), valueArb, fc.boolean()), { maxLength: 8 }), { maxLength: 5 }),
      fc.constantFrom('init_config:\n', 'init_config: []\n', '', 'init_config:\n  timeout: 5\n'),
    ),
  );

  test('config-shaped documents', () => {
    fc.assert(
      fc.property(docArb, ([kind, instances, init]) => {
        let text = `${init}instances:\n`;
        for (const inst of instances) {
          text += '  -';
          if (inst.length === 0) text += ' {}\n';
          inst.forEach(([k, v, nested], i) => {
            const lead = i === 0 ? ' ' : '    ';
            text += nested ? `${lead}${k}:\n      sub: ${v}\n` : `${lead}${k}: ${v}\n`;
          });
        }
        const res = checkAgentFile(sourceFromText('f.yaml', text), kind, seedContext());
        wellFormed(res.findings, text);
        if (kind === 'mysql') expect(res.sites).toEqual([]);
      }),
      { numRuns: 800 },
    );
  });

  test('secret values never appear in messages', () => {
    const secretArb = fc.stringMatching(/^[A-Za-z0-9]{10,20}$/).map((s) => `Zq${s}`);
    fc.assert(
      fc.property(
        secretArb,
        kindArb,
        fc.constantFrom('password', 'pass', 'tls_private_key_password'),
        fc.constantFrom('', '"'),
        (secret, kind, key, q) => {
          const text = [
            'instances:',
            '  - name: a',
            `    url: https://x:${secret}@a.example.com`,
            '    host: db',
            `    ${key}: ${q}${secret}${q}`,
            `    ${key}: ${q}db-ENC[${secret}]${q}`,
            `    headers: "Authorization: Bearer ${secret}"`,
            `    proxy: {https: 3}`,
            '  - name: b',
            `    url: x:${secret}@b.example.com`,
            `    proxy: "http://u:${secret}@proxy"`,
            '  - name: c',
            `    url: "https://u:${secret}@exa mple.com"`,
            '  - name: d',
            `    url: https:u:${secret}@d.example.com`,
          ].join('\n');
          const res = checkAgentFile(sourceFromText('f.yaml', text), kind, seedContext());
          for (const f of res.findings) expect(f.message).not.toContain(secret);
          for (const s of res.sites) expect(JSON.stringify(s)).not.toContain(secret);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('bounded time on hostile input', () => {
  test('10,000-deep nesting', () => {
    for (const text of [
      '- '.repeat(10_000) + 'x',
      '['.repeat(10_000),
      'a:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i + 2)}b${i}:`).join('\n'),
    ]) {
      const t = performance.now();
      const res = checkAgentFile(sourceFromText('deep.yaml', text), 'http_check', {});
      expect(performance.now() - t).toBeLessThan(10_000); // a guard against a hang, not a speed claim
      expect(res.findings.some((f) => f.severity === 'error')).toBe(true);
      wellFormed(res.findings, text);
    }
  });

  test('a 5,000-site http_check file', () => {
    let text = 'init_config:\n\ninstances:\n';
    for (let i = 0; i < 5000; i++)
      text += `  - name: site ${i}\n    url: https://www${i}.example.com/\n    timeout: 5\n    tags:\n      - "env:prd"\n`;
    const t = performance.now();
    const res = checkAgentFile(sourceFromText('big.yaml', text), 'http_check', seedContext());
    expect(performance.now() - t).toBeLessThan(10_000); // a guard against a hang, not a speed claim
    expect(res.findings).toEqual([]);
    expect(res.sites).toHaveLength(5000);
    expect(res.sites[4999]).toEqual({
      name: 'site 4999',
      url: 'https://www4999.example.com/',
      line: 4 + 5 * 4999,
      options: { timeout: 5, tags: ['env:prd'] },
    });
  });

  test('a 5,000-site file with the same name everywhere reports each duplicate once', () => {
    let text = 'instances:\n';
    for (let i = 0; i < 5000; i++) text += `  - name: same\n    url: https://www${i}.example.com/\n`;
    const res = checkAgentFile(sourceFromText('dups.yaml', text), 'http_check', {});
    expect(res.findings.filter((f) => f.code === 'http_check/duplicate-name')).toHaveLength(4999);
  });
});
