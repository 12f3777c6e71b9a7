/**
 * Command-line parsing with node:util parseArgs (no dependency): one typed structure per command,
 * usage errors as exceptions the entry turns into exit status 2.
 */
import { parseArgs } from 'node:util';
import type { OutputFormat } from '../report/findings.js';

export class UsageError extends Error {}

export const CHECK_KINDS = ['http_check', 'mysql', 'fluentd', 'taskdef'] as const;
export type CheckKindArg = (typeof CHECK_KINDS)[number];

export type Command =
  | { command: 'help'; topic?: string }
  | { command: 'version' }
  | { command: 'validate'; config: string; format: OutputFormat; failOn: 'error' | 'warning' }
  | { command: 'check'; files: string[]; kind?: CheckKindArg; format: OutputFormat; failOn: 'error' | 'warning' }
  | { command: 'plan'; config: string; offline: boolean; format: OutputFormat; only: string[]; base?: string; head?: string }
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
      waitForOtherDeployments: boolean;
    };

export const DEFAULT_CONFIG = 'dd-ecs-monitor.yml';

export const USAGE = `Usage: dd-ecs-monitor <command> [options]

Commands:
  validate [--config FILE] [--format text|json] [--fail-on error|warning]
      Check everything the project file references: the project file, Dockerfiles,
      http_check and mysql configs, Fluentd configs, task definitions.
  check FILE... [--kind http_check|mysql|fluentd|taskdef] [--format text|json] [--fail-on error|warning]
      Check standalone files; the kind is inferred from the path and content when not given.
  plan [--config FILE] [--offline] [--only SERVICE,...] [--base REV [--head REV]] [--format text|json]
      Show what a deploy would do; --offline needs no AWS. With --base, images whose inputs
      changed since REV (up to --head, or the working tree) are marked as changed.
  deploy [--config FILE] [--dry-run] [--force-new-deployment] [--rebuild] [--only SERVICE,...]
         [--base REV [--head REV]] [--no-rollback] [--wait-timeout SECONDS] [--poll-interval SECONDS]
         [--wait-for-other-deployments]
      Build and push changed images, register changed task definitions, update services,
      follow the rollout to COMPLETED (roll back on failure). Green only when every service's
      PRIMARY deployment runs the intended task definition, COMPLETED, at its desired count.
      Refuses while another deploy or deployment is under way, unless --wait-for-other-deployments.

Options:
  --config FILE   the project file (default: ${DEFAULT_CONFIG})
  -h, --help      this help;  --version  the version

Exit status: 0 fine; 1 error findings or a failed deploy; 2 bad usage or an unreadable project file.`;

function format(v: string | undefined): OutputFormat {
  if (v === undefined || v === 'text' || v === 'json') return v ?? 'text';
  throw new UsageError(`--format must be text or json, not "${v}"`);
}

function failOn(v: string | undefined): 'error' | 'warning' {
  if (v === undefined || v === 'error' || v === 'warning') return v ?? 'error';
  throw new UsageError(`--fail-on must be error or warning, not "${v}"`);
}

function list(v: string | undefined): string[] {
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

function seconds(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new UsageError(`--${name} must be a positive number of seconds, not "${v}"`);
  return Number(v);
}

function revs(values: Record<string, string | boolean | undefined>): { base?: string; head?: string } {
  const base = values.base as string | undefined;
  const head = values.head as string | undefined;
  if (head !== undefined && base === undefined) throw new UsageError('--head needs --base');
  for (const [name, v] of [['base', base], ['head', head]] as const) {
    // Revisions go to git as argv, never through a shell; still refuse what git would read as an option.
    if (v !== undefined && (v === '' || v.startsWith('-'))) throw new UsageError(`--${name} must be a commit or branch name, not "${v}"`);
  }
  return { ...(base !== undefined ? { base } : {}), ...(head !== undefined ? { head } : {}) };
}

export function parseCommand(argv: readonly string[]): Command {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '-h' || cmd === '--help' || cmd === 'help') return { command: 'help', topic: rest[0] };
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
      throw new UsageError(`${cmd}: ${(err as Error).message.replace(/\. To specify a positional argument.*$/, '')}`);
    }
  };
  switch (cmd) {
    case 'validate': {
      const { values } = parse({ ...common, 'fail-on': { type: 'string' } });
      if (values.help) return { command: 'help', topic: cmd };
      return { command: 'validate', config: (values.config as string | undefined) ?? DEFAULT_CONFIG, format: format(values.format as string | undefined), failOn: failOn(values['fail-on'] as string | undefined) };
    }
    case 'check': {
      const { values, positionals } = parse({ ...common, kind: { type: 'string' }, 'fail-on': { type: 'string' } }, true);
      if (values.help) return { command: 'help', topic: cmd };
      if (values.config !== undefined) throw new UsageError('check: --config is for validate/plan/deploy; check takes files');
      const kind = values.kind as string | undefined;
      if (kind !== undefined && !(CHECK_KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(`check: --kind must be one of ${CHECK_KINDS.join(', ')}, not "${kind}"`);
      }
      if (positionals.length === 0) throw new UsageError('check: name at least one file');
      return { command: 'check', files: positionals, kind: kind as CheckKindArg | undefined, format: format(values.format as string | undefined), failOn: failOn(values['fail-on'] as string | undefined) };
    }
    case 'plan': {
      const { values } = parse({ ...common, offline: { type: 'boolean' }, only: { type: 'string' }, base: { type: 'string' }, head: { type: 'string' } });
      if (values.help) return { command: 'help', topic: cmd };
      return {
        command: 'plan',
        config: (values.config as string | undefined) ?? DEFAULT_CONFIG,
        offline: Boolean(values.offline),
        format: format(values.format as string | undefined),
        only: list(values.only as string | undefined),
        ...revs(values),
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
      });
      if (values.help) return { command: 'help', topic: cmd };
      return {
        command: 'deploy',
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
    default:
      throw new UsageError(`unknown command "${cmd}"`);
  }
}
