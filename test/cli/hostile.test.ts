/**
 * Issue 8, item 1: every hostile input of test/support/hostile-inputs.ts through the CLI (`main`,
 * as the binary runs it) ends with its finding. The guard (10 s) only catches a hang: unbounded,
 * these take minutes or overflow the stack. Their milliseconds are rows of `npm run bench`.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { hostileInputs } from '../support/hostile-inputs.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'dd-ecs-monitor-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GUARD_MS = 10_000;

describe('hostile input: bounded, with its finding', () => {
  test.each(hostileInputs(tmp).map((h) => [h.name, h] as const))(
    '%s',
    async (_name, h) => {
      const out: string[] = [];
      const err: string[] = [];
      const t0 = performance.now();
      const code = await main(h.args, {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        cwd: h.cwd,
        env: { PATH: process.env.PATH },
      });
      expect(performance.now() - t0).toBeLessThan(h.guardMs ?? GUARD_MS); // a guard against a hang, not a speed claim
      const lines = out.join('\n').split('\n');
      expect(lines.some((l) => l.startsWith(`${h.expect} `))).toBe(true);
      expect(code).not.toBe(0);
      // A handful of findings, never one per expanded copy (the include cycles are one per @include line).
      if (!h.name.includes('50,000')) expect(lines.length).toBeLessThanOrEqual(10);
    },
    90_000,
  );
});
