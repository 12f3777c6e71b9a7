/**
 * The real engine's opinion of the Fluentd config: the built image's own `fluentd --dry-run`
 * (its Ruby, its gems, its plugins), turned into findings. The static checker cannot know which
 * plugins the image really has or what their `configure` demands; this can.
 *
 * How fluentd reports (CONFIG-FACTS B7): on a configure-time error the supervisor logs
 * `[error]: config error file="<path>" error_class=Fluent::ConfigError error="<msg>"` and exits 1
 * (parse errors carry `at <file> line L,C` with a 0-based column); any other exception logs
 * `unexpected error`; success logs `finished dry run mode` and exits 0. The logger writes values
 * with Ruby's `inspect`, so the message is one line with `\n` and `\"` escapes.
 */
import { randomBytes } from 'node:crypto';
import { oneLine, type Finding, LineIndex } from '../checks/findings.js';
import { type Exec, runProcess, tailLines } from '../exec.js';
import type { Log } from '../log.js';
import { fluentdDryRunArgv, removeContainerArgv } from './docker-argv.js';

export const DRY_RUN_CODES = {
  configError: 'fluentd/dry-run-config-error',
  failed: 'fluentd/dry-run-failed',
  unavailable: 'fluentd/dry-run-unavailable',
} as const;

export interface DryRunOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
}

export interface DryRunPlace {
  /** Repository path of the config, where findings go. */
  file: string;
  /** Path of the config inside the image. */
  configPath: string;
  /** Image path -> repository path (the Dockerfile's COPY lines), to place errors in `@include`d files. */
  files?: ReadonlyMap<string, string>;
  /** Repository file path -> its text, to find the line an error is about. */
  sources?: ReadonlyMap<string, string>;
  /** For messages. */
  image: string;
}

/** Undoes Ruby's `String#inspect` escaping. */
export function rubyUnescape(s: string): string {
  return s.replace(/\\(u\{[0-9a-fA-F ]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, esc: string) => {
    if (esc.startsWith('u{')) {
      return esc
        .slice(2, -1)
        .trim()
        .split(/\s+/)
        .map((h) => String.fromCodePoint(parseInt(h, 16)))
        .join('');
    }
    if (esc.length > 1 && (esc[0] === 'u' || esc[0] === 'x')) return String.fromCharCode(parseInt(esc.slice(1), 16));
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      e: '\x1b',
      s: ' ',
      '0': '\0',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
    };
    return simple[esc] ?? esc;
  });
}

interface LoggedError {
  kind: 'config' | 'unexpected';
  errorClass: string | undefined;
  message: string;
  /** `file="..."` from the log line: the config fluentd was loading. */
  loggedFile: string | undefined;
}

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const CONFIG_ERROR = new RegExp(
  `\\[error\\]: config error(?: file=${QUOTED})?(?: error_class=(\\S+))? error=${QUOTED}`,
);
const UNEXPECTED_ERROR = new RegExp(`\\[error\\]: unexpected error(?: error_class=(\\S+))?(?: error=${QUOTED})?`);

/** Fluentd's own error line in its log, if there is one. */
export function parseFluentdLog(text: string): LoggedError | undefined {
  const c = CONFIG_ERROR.exec(text);
  if (c) {
    return {
      kind: 'config',
      loggedFile: c[1] === undefined ? undefined : rubyUnescape(c[1]),
      errorClass: c[2],
      message: rubyUnescape(c[3] ?? ''),
    };
  }
  const u = UNEXPECTED_ERROR.exec(text);
  if (u) return { kind: 'unexpected', errorClass: u[1], message: rubyUnescape(u[2] ?? ''), loggedFile: undefined };
  return undefined;
}

/** `... at /fluentd/etc/fluent.conf line 2,15` -> that file, line 2, 1-based column 16. */
function parseLocation(message: string): { path: string; line: number; column: number; rest: string } | undefined {
  const m = /^([\s\S]*?) at (\S.*?) line (\d+),(\d+)$/m.exec(message.split('\n')[0] ?? '');
  if (!m) return undefined;
  return { rest: m[1] ?? '', path: m[2] ?? '', line: Number(m[3]), column: Number(m[4]) + 1 };
}

function repoPathFor(imagePath: string | undefined, place: DryRunPlace): string | undefined {
  if (!imagePath) return undefined;
  if (imagePath === place.configPath) return place.file;
  return place.files?.get(imagePath);
}

/** For messages that name a plugin or an id, the line of the config that uses it. */
function locateInSource(message: string, text: string | undefined): { line: number; column: number } | undefined {
  if (!text) return undefined;
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let re: RegExp | undefined;
  const plugin = /^Unknown \w+ plugin '([^']+)'/.exec(message);
  const dupId = /^Duplicated plugin id `([^`]+)`/.exec(message);
  if (plugin?.[1]) re = new RegExp(`^[ \\t]*@type[ \\t]+["']?${escape(plugin[1])}["']?[ \\t]*(?:#.*)?$`, 'gm');
  else if (dupId?.[1]) re = new RegExp(`^[ \\t]*@id[ \\t]+["']?${escape(dupId[1])}["']?[ \\t]*(?:#.*)?$`, 'gm');
  if (!re) return undefined;
  const hits = [...text.matchAll(re)];
  // A duplicated id is wrong at its second use.
  const hit = dupId ? hits[1] : hits[0];
  if (!hit || hit.index === undefined) return undefined;
  const lines = new LineIndex(text);
  const at = lines.position(hit.index);
  const indent = /^[ \t]*/.exec(hit[0])?.[0].length ?? 0;
  return { line: at.line, column: at.column + indent };
}

/** docker's own complaint (`docker: Error response from daemon: ...`), not the `--help` hint after it. */
function dockerErrorLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim());
  return lines.find((l) => /^docker: |Error response from daemon/.test(l)) ?? tailLines(stderr, 1);
}

/** Turns a dry run's output into findings: none when fluentd accepted the config. */
export function findingsFromDryRun(out: DryRunOutput, place: DryRunPlace): Finding[] {
  const at1 = { file: place.file, line: 1, column: 1 };
  if (out.timedOut) {
    return [
      {
        ...at1,
        severity: 'warning',
        code: DRY_RUN_CODES.unavailable,
        message: oneLine(
          `fluentd --dry-run in image ${place.image} did not finish in time, so the real engine did not check this config; look at the image's startup`,
        ),
      },
    ];
  }
  if (out.exitCode === 0) return [];
  const logged = parseFluentdLog(`${out.stdout}\n${out.stderr}`);
  if (!logged) {
    // 125: docker could not create the container; 126/127: no runnable `fluentd` in the image.
    if (out.exitCode >= 125 && out.exitCode <= 127) {
      const why = dockerErrorLine(out.stderr) || `exit code ${out.exitCode}`;
      return [
        {
          ...at1,
          severity: 'warning',
          code: DRY_RUN_CODES.unavailable,
          message: oneLine(
            `could not run fluentd --dry-run in image ${place.image} (${why}); the real engine did not check this config (an image without fluentd on PATH cannot be checked: turn the dry run off for it)`,
          ),
        },
      ];
    }
    const why = tailLines(`${out.stdout}\n${out.stderr}`, 1) || 'no output';
    return [
      {
        ...at1,
        severity: 'error',
        code: DRY_RUN_CODES.failed,
        message: oneLine(`fluentd --dry-run in image ${place.image} failed with exit code ${out.exitCode}: ${why}`),
      },
    ];
  }
  const parsed = parseLocation(logged.message);
  // A location inside a file the repository does not provide stays in the message instead.
  const loc = parsed && repoPathFor(parsed.path, place) ? parsed : undefined;
  const firstLine = (loc?.rest ?? logged.message.split('\n')[0] ?? '').trim();
  const cls = logged.errorClass ? ` (${logged.errorClass})` : '';
  const file = repoPathFor(loc?.path, place) ?? repoPathFor(logged.loggedFile, place) ?? place.file;
  const pos = loc
    ? { line: loc.line, column: loc.column }
    : (locateInSource(firstLine, place.sources?.get(file)) ?? { line: 1, column: 1 });
  if (logged.kind === 'unexpected') {
    return [
      {
        file,
        ...pos,
        severity: 'error',
        code: DRY_RUN_CODES.failed,
        message: oneLine(`fluentd --dry-run in image ${place.image} crashed: ${firstLine || 'unexpected error'}${cls}`),
      },
    ];
  }
  return [
    {
      file,
      ...pos,
      severity: 'error',
      code: DRY_RUN_CODES.configError,
      message: oneLine(`fluentd in image ${place.image} rejects this config: ${firstLine}${cls}`),
    },
  ];
}

export interface FluentdDryRunOptions extends Omit<DryRunPlace, 'image'> {
  /** A local image reference (just built, so never pulled). */
  image: string;
  log: Log;
  exec?: Exec;
  /** docker's environment (the session's DOCKER_CONFIG; DOCKER_HOST passes through). */
  dockerEnv?: Record<string, string | undefined>;
  /** Placeholder values for the variables the task definition provides; never real secrets. */
  env?: Readonly<Record<string, string>>;
  /** Default 120 s: a dry run takes seconds; a hang must not hold the deploy. */
  timeoutMs?: number;
  /** Files bound into the container: a config tail checked in its base image, before it is appended. */
  mounts?: ReadonlyArray<{ source: string; target: string }>;
  user?: string;
}

/** Runs `fluentd --dry-run -c <configPath>` inside the image (no network) and returns findings. */
export async function fluentdDryRun(opts: FluentdDryRunOptions): Promise<Finding[]> {
  const exec = opts.exec ?? runProcess;
  const containerName = `dd-ecs-monitor-dry-run-${randomBytes(6).toString('hex')}`;
  const argv = fluentdDryRunArgv({
    image: opts.image,
    configPath: opts.configPath,
    containerName,
    env: opts.env,
    ...(opts.mounts ? { mounts: opts.mounts } : {}),
    ...(opts.user ? { user: opts.user } : {}),
  });
  opts.log.info(`fluentd --dry-run -c ${opts.configPath} in ${opts.image}`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), opts.timeoutMs ?? 120_000);
  });
  const run = exec('docker', argv, { env: opts.dockerEnv });
  try {
    const first = await Promise.race([run, timeout]);
    if (first === 'timeout') {
      // Removing the container ends `docker run`, so nothing is left behind.
      await exec('docker', removeContainerArgv(containerName), { env: opts.dockerEnv });
      await run.catch(() => undefined);
      return findingsFromDryRun({ exitCode: -1, stdout: '', stderr: '', timedOut: true }, { ...opts });
    }
    for (const line of `${first.stdout}\n${first.stderr}`.split('\n'))
      if (line.trim()) opts.log.debug(`fluentd: ${line}`);
    return findingsFromDryRun(first, { ...opts });
  } finally {
    clearTimeout(timer);
  }
}
