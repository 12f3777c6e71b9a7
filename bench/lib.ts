/** Small timing helpers for `npm run bench`: medians of repeated runs, rows printed as a table. */
import { spawnSync } from 'node:child_process';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median wall time (ms) of `fn` over `runs` runs after `warmup` unmeasured ones. */
export async function time(fn: () => unknown, runs = 9, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** Median wall time (ms) of a whole process, from spawn to exit. */
export function timeProcess(
  cmd: string,
  args: string[],
  opts: { runs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): number {
  const xs: number[] = [];
  const runs = opts.runs ?? 9;
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: 'ignore' });
    const dt = performance.now() - t;
    if (r.error) throw r.error;
    if (i > 0) xs.push(dt); // the first run warms the OS file cache
  }
  return median(xs);
}

export interface Row {
  what: string;
  value: string;
  note?: string;
}

export function printRows(title: string, rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.what.length), 10);
  const v = Math.max(...rows.map((r) => r.value.length), 5);
  console.log(`\n## ${title}`);
  for (const r of rows) console.log(`  ${r.what.padEnd(w)}  ${r.value.padStart(v)}${r.note ? `  ${r.note}` : ''}`);
}

export const ms = (x: number): string => `${x.toFixed(1)} ms`;
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
