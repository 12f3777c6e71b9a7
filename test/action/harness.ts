/**
 * Runs the action the way the runner does: `node dist/index.js` with `INPUT_*` variables, an event
 * payload file, `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` files, in a clean environment (nothing
 * inherited from the machine but PATH and HOME, so no real GitHub or AWS setting leaks in). Parses
 * the workflow commands it prints (`::error file=...,line=...::msg`) and the files it writes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What test/support/loopback-only.mjs writes to stderr when it refuses a request. */
const LOOPBACK_MARKER = 'dd-ecs-monitor test guard: refused fetch beyond loopback:';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE = path.join(REPO_ROOT, 'dist/index.js');

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  outputs: Record<string, string>;
  summary: string;
  /** Milliseconds from spawn to the first line on stdout. */
  firstLineMs: number;
}

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string): string => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** `::name k=v,k=v::message` lines (the format @actions/core writes). */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      properties[kv.slice(0, i)] = unescapeProperty(kv.slice(i + 1));
    }
    out.push({ command: m[1] as string, properties, message: unescapeData(m[3] ?? '') });
  }
  return out;
}

/** `name<<DELIM\nvalue\nDELIM` blocks (the GITHUB_OUTPUT file format). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] as string);
    if (!m) continue;
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] as string);
    out[m[1] as string] = value.join('\n');
  }
  return out;
}

export interface RunOptions {
  inputs: Record<string, string>;
  eventName: string;
  event: unknown;
  workspace: string;
  /** Extra environment (GITHUB_API_URL, AWS_ENDPOINT_URL, DOCKER_HOST, ...). */
  env?: Record<string, string>;
  sha: string;
  /** Node binary; default: the one running the tests. */
  node?: string;
  timeoutMs?: number;
}

export async function spawnAction(o: RunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'action-run-'));
  try {
    const eventPath = path.join(scratch, 'event.json');
    const outputPath = path.join(scratch, 'output');
    const summaryPath = path.join(scratch, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(o.event));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? scratch,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: o.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/monitoring',
      GITHUB_SHA: o.sha,
      GITHUB_REF: o.eventName === 'pull_request' ? 'refs/pull/7/merge' : 'refs/heads/main',
      GITHUB_WORKSPACE: o.workspace,
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'http://127.0.0.1:9/unused',
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      RUNNER_TEMP: scratch,
      // The bundle's fetch refuses hosts beyond 127.0.0.1 (test/support/loopback-only.mjs).
      NODE_OPTIONS: `--import=${pathToFileURL(path.join(REPO_ROOT, 'test/support/loopback-only.mjs')).href}`,
      DD_ECS_MONITOR_LOOPBACK_GUARD: 'stderr',
      ...o.env,
    };
    for (const [k, v] of Object.entries(o.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const started = Date.now();
    let firstLineMs = -1;
    const child = spawn(o.node ?? process.execPath, [BUNDLE], {
      cwd: o.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      if (firstLineMs < 0) firstLineMs = Date.now() - started;
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    if (stderr.includes(LOOPBACK_MARKER)) throw new Error(`the action sent a request beyond 127.0.0.1:\n${stderr}`);
    return {
      code,
      stdout,
      stderr,
      commands: parseCommands(stdout),
      outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
      firstLineMs,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();
}

/** A git repository holding examples/datadog-ecs (the example project, in a subfolder), committed on main. */
export function exampleRepo(): { dir: string; base: string; project: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'action-ws-'));
  const project = path.join(dir, 'examples/datadog-ecs');
  mkdirSync(path.dirname(project), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'examples/datadog-ecs'), project, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'monitoring as it is deployed');
  return { dir, base: git(dir, 'rev-parse', 'HEAD'), project };
}

export function commitFile(dir: string, file: string, text: string, message: string): string {
  const p = path.join(dir, file);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

export function bundleExists(): boolean {
  return existsSync(BUNDLE);
}

/** A fixture event with placeholder SHAs replaced. */
export function eventFixture(name: string, replace: Record<string, string>): unknown {
  let text = readFileSync(path.join(REPO_ROOT, 'test/fixtures/events', `${name}.json`), 'utf8');
  for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to);
  return JSON.parse(text);
}
