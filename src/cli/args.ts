/**
 * Command-line parsing with node:util parseArgs (no dependency): one typed structure per command,
 * usage errors as exceptions the entry turns into exit status 2.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../checks/suggest.js';
import type { OutputFormat } from '../report/findings.js';

export class UsageError extends Error {}

export const CHECK_KINDS = ['http_check', 'mysql', 'fluentd', 'taskdef'] as const;
export type CheckKindArg = (typeof CHECK_KINDS)[number];

export type Command =
  | { command: 'help'; topic?: string }
  | { command: 'usage' }
  | { command: 'init'; dir: string; dryRun: boolean; workflows: boolean; force: boolean }
  | { command: 'version' }
  | { command: 'validate'; config: string; format: FindingsFormat; failOn: 'error' | 'warning' }
  | { command: 'check'; files: string[]; kind?: CheckKindArg; format: FindingsFormat; failOn: 'error' | 'warning' }
  | {
      command: 'plan';
      config: string;
      offline: boolean;
      format: OutputFormat;
      only: string[];
      base?: string;
      head?: string;
      out?: string;
    }
  | {
      command: 'deploy';
      config: string;
      dryRun: boolean;
      forceNewDeployment: boolean;
      rebuild: boolean;
      only: string[];
      base?: string;
      head?: string;
      rollback: boolean;
      waitTimeoutSeconds?: number;
      pollIntervalSeconds?: number;
      /** Verify in Datadog after the rollout when the keys are there (off with --no-verify). */
      verify?: boolean;
      verifyTimeoutSeconds?: number;
      verifyFailOn?: VerifyFailOnArg[];
      waitForOtherDeployments: boolean;
    }
  | {
      command: 'verify';
      config: string;
      all: boolean;
      since?: Date;
      timeoutSeconds?: number;
      pollIntervalSeconds?: number;
      format: OutputFormat;
      failOn?: VerifyFailOnArg[];
    };

/** validate and check also write SARIF 2.1.0 (code scanning); plan and deploy do not. */
export type FindingsFormat = OutputFormat | 'sarif';
/** What can fail a verification (src/verify/decide.ts FAIL_ON_CHOICES; kept here so parsing loads no verify code). */
const VERIFY_FAIL_ON = ['not-reporting', 'not-arriving', 'down', 'uncovered'] as const;
export type VerifyFailOnArg = (typeof VERIFY_FAIL_ON)[number];

export const DEFAULT_CONFIG = 'dd-ecs-monitor.yml';

export const USAGE = `Usage: dd-ecs-monitor <command> [options]

Commands:
  init [DIR] [--dry-run] [--workflows] [--force]
      Write dd-ecs-monitor.yml for an existing repository (its Dockerfiles, task definitions,
      conf.d and Fluentd files), then validate it; --workflows also writes the starter workflow.
  validate [--config FILE] [--format text|json|sarif] [--fail-on error|warning]
      Check everything the project file references: the project file, Dockerfiles,
      http_check and mysql configs, Fluentd configs, task definitions.
  check FILE... [--kind http_check|mysql|fluentd|taskdef] [--format text|json|sarif] [--fail-on error|warning]
      Check standalone files; the kind is inferred from the path and content when not given.
  plan [--config FILE] [--offline] [--only SERVICE,...] [--base REV [--head REV]] [--format text|json] [--out DIR]
      Show what a deploy would do; --offline needs no AWS. With --base, images whose inputs
      changed since REV (up to --head, or the working tree) are marked as changed.
      --out DIR writes DIR/<service>.json: each task definition as RegisterTaskDefinition gets it.
  deploy [--config FILE] [--dry-run] [--force-new-deployment] [--rebuild] [--only SERVICE,...]
         [--base REV [--head REV]] [--no-rollback] [--wait-timeout SECONDS] [--poll-interval SECONDS]
         [--wait-for-other-deployments]
      Build and push changed images, register changed task definitions, update services,
      follow the rollout to COMPLETED (roll back on failure). Green only when every service's
      PRIMARY deployment runs the intended task definition, COMPLETED, at its desired count.
      Refuses while another deploy or deployment is under way, unless --wait-for-other-deployments.
      Then verify in Datadog when DD_API_KEY and DD_APP_KEY are set
      ([--no-verify] [--verify-timeout S] [--verify-fail-on LIST]).
  verify [--config FILE] [--all] [--since TIME] [--timeout S] [--poll-interval S] [--format text|json]
         [--fail-on not-reporting,not-arriving,down,uncovered|none]
      Ask Datadog (DD_API_KEY, DD_APP_KEY, DD_SITE) whether the sites, mysql checks and Fluentd
      logs the last commit changed (everything with --all) report, and which sites no monitor covers.

Options:
  --config FILE   the project file (default: ${DEFAULT_CONFIG})
  -h, --help      this help (COMMAND --help: that command's);  --version  the version

Exit status: 0 fine; 1 error findings or a failed deploy; 2 bad usage or an unreadable project file.`;

function format(v: string | undefined): OutputFormat {
  if (v === undefined || v === 'text' || v === 'json') return v ?? 'text';
  throw new UsageError(`--format must be text or json, not "${v}"`);
}

function findingsFormat(v: string | undefined): FindingsFormat {
  if (v === 'sarif') return v;
  if (v === undefined || v === 'text' || v === 'json') return v ?? 'text';
  throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
}

function failOn(v: string | undefined): 'error' | 'warning' {
  if (v === undefined || v === 'error' || v === 'warning') return v ?? 'error';
  throw new UsageError(`--fail-on must be error or warning, not "${v}"`);
}

function list(v: string | undefined): string[] {
  return v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

function seconds(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0)
    throw new UsageError(`--${name} must be a positive number of seconds, not "${v}"`);
  return Number(v);
}

function revs(values: Record<string, string | boolean | undefined>): { base?: string; head?: string } {
  const base = values.base as string | undefined;
  const head = values.head as string | undefined;
  if (head !== undefined && base === undefined) throw new UsageError('--head needs --base');
  for (const [name, v] of [
    ['base', base],
    ['head', head],
  ] as const) {
    // Revisions go to git as argv, never through a shell; still refuse what git would read as an option.
    if (v !== undefined && (v === '' || v.startsWith('-')))
      throw new UsageError(`--${name} must be a commit or branch name, not "${v}"`);
  }
  return { ...(base !== undefined ? { base } : {}), ...(head !== undefined ? { head } : {}) };
}

function outDir(v: string | undefined): { out?: string } {
  if (v === undefined) return {};
  if (v === '') throw new UsageError('--out must name a directory');
  return { out: v };
}

function verifyFailOn(name: string, v: string | undefined): VerifyFailOnArg[] | undefined {
  if (v === undefined) return undefined;
  if (v.trim() === 'none') return [];
  const items = list(v);
  const bad = items.find((x) => !(VERIFY_FAIL_ON as readonly string[]).includes(x));
  if (bad !== undefined || !items.length) {
    throw new UsageError(`--${name} takes ${VERIFY_FAIL_ON.join(', ')} (comma-separated) or none, not "${v}"`);
  }
  return items as VerifyFailOnArg[];
}

/** An ISO time (2026-12-06T10:00:00Z) or a duration ago (30s, 15m, 2h). */
function since(v: string | undefined, now = Date.now()): Date | undefined {
  if (v === undefined) return undefined;
  const ago = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(v);
  if (ago) return new Date(now - Number(ago[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[ago[2] as 's' | 'm' | 'h']);
  const t = /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) {
    throw new UsageError(`--since must be an ISO time (2026-12-06T10:00:00Z) or a duration ago (15m), not "${v}"`);
  }
  return new Date(t);
}

export function parseCommand(argv: readonly string[]): Command {
  const [cmd, ...rest] = argv;
  // A bare `dd-ecs-monitor` is a usage error (exit 2); asking for help is not.
  if (cmd === undefined) return { command: 'usage' };
  if (cmd === '-h' || cmd === '--help' || cmd === 'help') return { command: 'help', topic: rest[0] };
  if (cmd === '--version' || cmd === '-v') return { command: 'version' };
  const common: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    config: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  };
  type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;
  type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };
  const parse = (options: Options, positionals = false): Parsed => {
    try {
      return parseArgs({ args: [...rest], options, allowPositionals: positionals, strict: true }) as Parsed;
    } catch (err) {
      const message = (err as Error).message.replace(/\. To specify a positional argument.*$/, '');
      throw new UsageError(`${cmd}: ${message}${optionHint(message, options)}`);
    }
  };
  switch (cmd) {
    case 'validate': {
      const { values } = parse({ ...common, 'fail-on': { type: 'string' } });
      if (values.help) return { command: 'help', topic: cmd };
      return {
        command: 'validate',
        config: (values.config as string | undefined) ?? DEFAULT_CONFIG,
        format: findingsFormat(values.format as string | undefined),
        failOn: failOn(values['fail-on'] as string | undefined),
      };
    }
    case 'check': {
      const { values, positionals } = parse(
        { ...common, kind: { type: 'string' }, 'fail-on': { type: 'string' } },
        true,
      );
      if (values.help) return { command: 'help', topic: cmd };
      if (values.config !== undefined)
        throw new UsageError('check: --config is for validate/plan/deploy; check takes files');
      const kind = values.kind as string | undefined;
      if (kind !== undefined && !(CHECK_KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(`check: --kind must be one of ${CHECK_KINDS.join(', ')}, not "${kind}"`);
      }
      if (positionals.length === 0) throw new UsageError('check: name at least one file');
      return {
        command: 'check',
        files: positionals,
        kind: kind as CheckKindArg | undefined,
        format: findingsFormat(values.format as string | undefined),
        failOn: failOn(values['fail-on'] as string | undefined),
      };
    }
    case 'plan': {
      const { values } = parse({
        ...common,
        offline: { type: 'boolean' },
        only: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
        out: { type: 'string' },
      });
      if (values.help) return { command: 'help', topic: cmd };
      return {
        command: 'plan',
        config: (values.config as string | undefined) ?? DEFAULT_CONFIG,
        offline: Boolean(values.offline),
        format: format(values.format as string | undefined),
        only: list(values.only as string | undefined),
        ...revs(values),
        ...outDir(values.out as string | undefined),
      };
    }
    case 'deploy': {
      const { values } = parse({
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        'dry-run': { type: 'boolean' },
        'force-new-deployment': { type: 'boolean' },
        rebuild: { type: 'boolean' },
        only: { type: 'string' },
        'no-rollback': { type: 'boolean' },
        'wait-timeout': { type: 'string' },
        'poll-interval': { type: 'string' },
        'wait-for-other-deployments': { type: 'boolean' },
        base: { type: 'string' },
        head: { type: 'string' },
        'no-verify': { type: 'boolean' },
        'verify-timeout': { type: 'string' },
        'verify-fail-on': { type: 'string' },
      });
      if (values.help) return { command: 'help', topic: cmd };
      const verifyTimeoutSeconds = seconds('verify-timeout', values['verify-timeout'] as string | undefined);
      const verifyFailOnList = verifyFailOn('verify-fail-on', values['verify-fail-on'] as string | undefined);
      return {
        command: 'deploy',
        ...(values['no-verify'] ? { verify: false } : {}),
        ...(verifyTimeoutSeconds !== undefined ? { verifyTimeoutSeconds } : {}),
        ...(verifyFailOnList ? { verifyFailOn: verifyFailOnList } : {}),
        config: (values.config as string | undefined) ?? DEFAULT_CONFIG,
        dryRun: Boolean(values['dry-run']),
        forceNewDeployment: Boolean(values['force-new-deployment']),
        rebuild: Boolean(values.rebuild),
        only: list(values.only as string | undefined),
        ...revs(values),
        rollback: !values['no-rollback'],
        waitTimeoutSeconds: seconds('wait-timeout', values['wait-timeout'] as string | undefined),
        pollIntervalSeconds: seconds('poll-interval', values['poll-interval'] as string | undefined),
        waitForOtherDeployments: Boolean(values['wait-for-other-deployments']),
      };
    }
    case 'init': {
      const { values, positionals } = parse(
        {
          help: { type: 'boolean', short: 'h' },
          'dry-run': { type: 'boolean' },
          workflows: { type: 'boolean' },
          force: { type: 'boolean' },
        },
        true,
      );
      if (values.help) return { command: 'help', topic: cmd };
      if (positionals.length > 1) throw new UsageError(`init: one directory at most, not ${positionals.length}`);
      return {
        command: 'init',
        dir: positionals[0] ?? '.',
        dryRun: Boolean(values['dry-run']),
        workflows: Boolean(values.workflows),
        force: Boolean(values.force),
      };
    }
    case 'verify':
      return parseVerify(parse({ ...common, ...VERIFY_OPTIONS }).values);
    default:
      throw new UsageError(`unknown command "${cmd}"${didYouMean(cmd, commandNames())}`);
  }
}

/** The commands USAGE lists (read from it, so a command added there is known here too). */
export function commandNames(): string[] {
  return [...USAGE.matchAll(/^ {2}([a-z][a-z-]*)(?= |$)/gm)].map((m) => m[1] as string);
}

/** One command's part of USAGE (its synopsis lines and description), or undefined for an unknown command. */
export function commandUsage(topic: string): string | undefined {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${topic} `) || l === `  ${topic}`);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && /^ {3,}\S/.test(lines[end] as string)) end++;
  return [`Usage: dd-ecs-monitor ${(lines[start] as string).trim()}`, ...lines.slice(start + 1, end)].join('\n');
}

/** ` (did you mean "--dry-run"?)` for parseArgs' "Unknown option '--dry-rn'", else the empty string. */
function optionHint(message: string, options: Record<string, { short?: string }>): string {
  const m = /Unknown option '(--?[^'=]+)/.exec(message);
  if (!m) return '';
  const names = Object.keys(options).map((n) => `--${n}`);
  return didYouMean(m[1] as string, names);
}

const VERIFY_OPTIONS = {
  all: { type: 'boolean' },
  since: { type: 'string' },
  timeout: { type: 'string' },
  'poll-interval': { type: 'string' },
  'fail-on': { type: 'string' },
} as const;

function parseVerify(values: Record<string, string | boolean | undefined>): Command {
  if (values.help) return { command: 'help', topic: 'verify' };
  const str = (k: string): string | undefined => values[k] as string | undefined;
  const timeoutSeconds = seconds('timeout', str('timeout'));
  const pollIntervalSeconds = seconds('poll-interval', str('poll-interval'));
  const from = since(str('since'));
  const failOnList = verifyFailOn('fail-on', str('fail-on'));
  return {
    command: 'verify',
    config: str('config') ?? DEFAULT_CONFIG,
    all: Boolean(values.all),
    format: format(str('format')),
    ...(from ? { since: from } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(pollIntervalSeconds !== undefined ? { pollIntervalSeconds } : {}),
    ...(failOnList ? { failOn: failOnList } : {}),
  };
}
