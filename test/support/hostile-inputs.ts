/**
 * Hostile inputs of issue 8: small files that an unbounded reader expands without end, and large
 * ones that a quadratic pass or a `push(...array)` chokes on. Shared by test/cli/hostile.test.ts
 * (each must finish with its finding) and `npm run bench` (milliseconds each).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-root.js';

export const HOSTILE_FIXTURES = path.join(REPO_ROOT, 'test/fixtures/hostile');

export interface HostileInput {
  name: string;
  /** The CLI arguments, run from `cwd`. */
  args: string[];
  cwd: string;
  /** A finding the run must print: `file:line:col: severity code`. */
  expect: string;
  /** The hang guard, when 10 s is not generous on a loaded machine (the unbounded failure is a crash). */
  guardMs?: number;
}

/** 5,000 `in_forward` sources on distinct ports, the last two sharing one: a map finds the pair. */
export function manySources(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`<source>\n  @type forward\n  port ${20000 + Math.min(i, n - 2)}\n</source>\n`);
  out.push('<match **>\n  @type null\n</match>\n');
  return out.join('');
}

/** An http_check with `n` instances whose url has no scheme: `n` error findings. */
export function manyBadInstances(n: number): string {
  const out: string[] = ['init_config:\ninstances:\n'];
  for (let i = 0; i < n; i++) out.push(`  - name: site ${i}\n    url: www${i}.example.com/\n`);
  return out.join('');
}

/** Every hostile input; the generated ones are written under `tmp`. */
export function hostileInputs(tmp: string): HostileInput[] {
  const laughs = path.join(HOSTILE_FIXTURES, 'billion-laughs');
  mkdirSync(path.join(tmp, 'http_check.d'), { recursive: true });
  writeFileSync(path.join(tmp, 'sources.conf'), manySources(5000));
  writeFileSync(path.join(tmp, 'http_check.d/conf.yaml'), manyBadInstances(50_000));
  return [
    {
      name: 'billion laughs in an http_check',
      cwd: laughs,
      args: ['check', 'http_check.d/conf.yaml'],
      expect: 'http_check.d/conf.yaml:4:14: error yaml/alias-bomb',
    },
    {
      name: 'billion laughs in a mysql config',
      cwd: laughs,
      args: ['check', 'mysql.d/conf.yaml'],
      expect: 'mysql.d/conf.yaml:4:14: error yaml/alias-bomb',
    },
    {
      name: 'billion laughs in a task definition',
      cwd: laughs,
      args: ['check', 'taskdef.yaml'],
      expect: 'taskdef.yaml:4:14: error yaml/alias-bomb',
    },
    {
      name: 'billion laughs in the project file',
      cwd: laughs,
      args: ['validate', '--config', 'dd-ecs-monitor.yml'],
      expect: 'dd-ecs-monitor.yml:6:14: error yaml/alias-bomb',
    },
    {
      name: 'a chain of 12 files, each including the next twice',
      cwd: path.join(HOSTILE_FIXTURES, 'include-chain'),
      args: ['check', 'f00.conf'],
      expect: 'f10.conf:2:1: error fluentd/include-explosion',
    },
    {
      name: 'eight files, each including *.conf',
      cwd: path.join(HOSTILE_FIXTURES, 'include-star'),
      args: ['check', 'a.conf'],
      expect: 'e.conf:2:1: error fluentd/include-explosion',
    },
    {
      name: '5,000 forward sources',
      cwd: tmp,
      args: ['check', 'sources.conf'],
      expect: 'sources.conf:19999:8: error fluentd/port-conflict',
    },
    {
      name: '50,000 http_check instances without a scheme',
      cwd: tmp,
      args: ['check', 'http_check.d/conf.yaml'],
      expect: 'http_check.d/conf.yaml:100002:10: error http_check/url-scheme',
      guardMs: 60_000,
    },
  ];
}
