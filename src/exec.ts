/**
 * The process seam: the one module that starts processes. It wraps `@actions/exec`'s
 * `getExecOutput` with argv arrays only (never a shell string, so no quoting bugs and no
 * injection from file names or inputs), stdin for passwords (never argv, which `ps` shows),
 * an environment per call, captured stdout/stderr and the exit code. Commands that must
 * succeed go through `runChecked`, whose error names the step and quotes the last lines of
 * stderr, with secrets redacted.
 */
import { getExecOutput } from '@actions/exec';
import { redact } from './log.js';

export interface RunOptions {
  cwd?: string;
  /**
   * Added to (and overriding) the parent environment; a key set to `undefined` is removed.
   * `@actions/exec` replaces the whole environment when given one, so the merge happens here.
   */
  env?: Record<string, string | undefined>;
  /** Written to the process's stdin, then closed (passwords go here, never into argv). */
  stdin?: string;
  /** Values to redact from captured output and error messages (the log masks them too). */
  secrets?: readonly string[];
  /** Called with each complete line as it arrives, e.g. to show build progress. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The executable could not be started at all (not on PATH, not executable); `stderr` says why. */
  notStarted?: boolean;
}

/** What callers take as a parameter, so tests can hand in a fake that records argv. */
export type Exec = (command: string, args: readonly string[], opts?: RunOptions) => Promise<RunResult>;

/** A process that could not be started or exited non-zero where success was required. */
export class ExecError extends Error {
  constructor(
    message: string,
    readonly command: string,
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'ExecError';
  }
}

/** Exit code reported when the executable itself could not be started, as a shell would. */
const EXIT_NOT_STARTED = 127;

export function mergeEnv(base: NodeJS.ProcessEnv, extra: RunOptions['env']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) out[k] = v;
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** The last `n` non-blank lines, trimmed: what an error message quotes from a tool's stderr. */
export function tailLines(text: string, n = 5): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .join('\n');
}

/** Runs a process to completion; a non-zero exit is a result, not an exception. */
export const runProcess: Exec = async (command, args, opts = {}) => {
  const lineBuffers = { stdout: '', stderr: '' };
  const feed = (stream: 'stdout' | 'stderr', data: Buffer): void => {
    if (!opts.onLine) return;
    const text = lineBuffers[stream] + data.toString('utf8');
    const lines = text.split(/\r?\n/);
    lineBuffers[stream] = lines.pop() ?? '';
    for (const l of lines) opts.onLine(redact(l, opts.secrets), stream);
  };
  try {
    const out = await getExecOutput(command, [...args], {
      cwd: opts.cwd,
      env: mergeEnv(process.env, opts.env),
      input: opts.stdin === undefined ? undefined : Buffer.from(opts.stdin, 'utf8'),
      // Output goes to the caller's Log (masked), never straight to the runner's stdout.
      silent: true,
      ignoreReturnCode: true,
      listeners: { stdout: (d) => feed('stdout', d), stderr: (d) => feed('stderr', d) },
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      if (opts.onLine && lineBuffers[stream]) opts.onLine(redact(lineBuffers[stream], opts.secrets), stream);
    }
    return {
      exitCode: out.exitCode,
      stdout: redact(out.stdout, opts.secrets),
      stderr: redact(out.stderr, opts.secrets),
    };
  } catch (err) {
    // @actions/exec throws when the executable cannot be found or spawned.
    const message = err instanceof Error ? err.message : String(err);
    return { exitCode: EXIT_NOT_STARTED, stdout: '', stderr: redact(message, opts.secrets), notStarted: true };
  }
};

export interface CheckedOptions extends RunOptions {
  /** What this step is, for the error message: `docker login to 127.0.0.1:5001`. */
  step: string;
  /** Lines of output that are noise and must not crowd out the cause (a deprecation banner). */
  ignoreLine?: (line: string) => boolean;
}

/** Runs a process that must succeed; otherwise throws an ExecError naming the step and quoting stderr. */
export async function runChecked(
  exec: Exec,
  command: string,
  args: readonly string[],
  opts: CheckedOptions,
): Promise<RunResult> {
  const res = await exec(command, args, opts);
  if (res.exitCode === 0) return res;
  // Docker prints some failures (a failing RUN's output) on stdout only; quote that when stderr is empty.
  const keep = (text: string): string =>
    opts.ignoreLine
      ? text
          .split(/\r?\n/)
          .filter((l) => !opts.ignoreLine?.(l))
          .join('\n')
      : text;
  const tail = redact(tailLines(keep(res.stderr)) || tailLines(keep(res.stdout)), opts.secrets);
  const detail = tail ? `: ${tail.split('\n').join(' | ')}` : '';
  const how = res.notStarted ? `could not run ${command}` : `exit code ${res.exitCode}`;
  throw new ExecError(`${opts.step} failed (${how})${detail}`, command, args, res.exitCode, tail);
}
