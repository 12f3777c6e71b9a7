/**
 * Every action input, read once into a typed `Inputs`. Commands take `Inputs` and never call
 * `core.getInput`. Defaults live in `INPUT_DEFAULTS` (a test checks action.yml declares the same),
 * so a local run without action.yml's defaults behaves as the real one. Every error names the input.
 */
import * as core from '@actions/core';

export const COMMANDS = ['validate', 'plan', 'deploy', 'verify'] as const;
export type ActionCommand = (typeof COMMANDS)[number];

export interface Inputs {
  command: ActionCommand;
  /** The project file, relative to the workspace (or absolute). */
  config: string;
  /** Overrides the project file's `region` (and AWS_REGION). */
  awsRegion?: string;
  /** Empty when none was given: no PR comment, no compare API. */
  githubToken: string;
  comment: boolean;
  summary: boolean;
  failOn: 'error' | 'warning';
  offline: boolean;
  only: string[];
  forceNewDeployment: boolean;
  rebuild: boolean;
  dryRun: boolean;
  rollback: boolean;
  waitTimeoutSeconds?: number;
  pollIntervalSeconds?: number;
  /** Wait for another deploy (lease) or an IN_PROGRESS deployment this run did not start, instead of refusing. */
  waitForOtherDeployments: boolean;
  /** A commit to compare with instead of the event's (a manual run that should only rebuild what changed since X). */
  base?: string;
  /** Fetch commits a shallow checkout lacks (else go straight to the compare API). */
  fetchHistory: boolean;
  /** Where to write the findings as SARIF (relative to the workspace); empty: `$RUNNER_TEMP/dd-ecs-monitor.sarif`. */
  sarifFile: string;
  /** Datadog keys and site (else DD_API_KEY / DD_APP_KEY / DD_SITE); masked as soon as read. */
  datadogApiKey?: string;
  datadogAppKey?: string;
  datadogSite?: string;
  /** `false` turns off the verification after a deploy; absent: verify when both keys are there. */
  verify?: false;
  verifyTimeoutSeconds?: number;
  /** What fails the verification; absent: NOT REPORTING and NOT ARRIVING. */
  verifyFailOn?: Array<'not-reporting' | 'not-arriving' | 'down' | 'uncovered'>;
}

/** What each input is when not given; action.yml declares the same defaults. */
export const INPUT_DEFAULTS = {
  command: 'validate',
  config: 'dd-ecs-monitor.yml',
  'aws-region': '',
  'github-token': '',
  comment: 'true',
  summary: 'true',
  'fail-on': 'error',
  offline: 'false',
  only: '',
  'force-new-deployment': 'false',
  rebuild: 'false',
  'dry-run': 'false',
  rollback: 'true',
  'wait-timeout': '',
  'poll-interval': '',
  'wait-for-other-deployments': 'false',
  base: '',
  'fetch-history': 'true',
  'sarif-file': '',
  'datadog-api-key': '',
  'datadog-app-key': '',
  'datadog-site': '',
  verify: 'true',
  'verify-timeout': '',
  'verify-fail-on': '',
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Where raw values come from: the runner's `INPUT_*` through @actions/core. */
export interface InputSource {
  getInput(name: string): string;
  getBooleanInput(name: string): boolean;
}

const coreSource: InputSource = {
  getInput: (name) => core.getInput(name),
  getBooleanInput: (name) => core.getBooleanInput(name),
};

function reader(source: InputSource) {
  const raw = (name: InputName): string => source.getInput(name).trim();
  const text = (name: InputName): string => raw(name) || INPUT_DEFAULTS[name];
  const bool = (name: InputName): boolean => {
    const value = raw(name);
    if (value === '') return INPUT_DEFAULTS[name] === 'true';
    try {
      return source.getBooleanInput(name);
    } catch {
      throw new InputError(`input "${name}" must be true or false, not "${value}"`);
    }
  };
  const oneOf = <T extends string>(name: InputName, allowed: readonly T[]): T => {
    const value = text(name);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InputError(`input "${name}" must be one of ${allowed.join(', ')}, not "${value}"`);
  };
  const seconds = (name: InputName): number | undefined => {
    const value = text(name);
    if (value === '') return undefined;
    if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0)
      throw new InputError(`input "${name}" must be a number of seconds above 0, not "${value}"`);
    return Number(value);
  };
  return { raw, text, bool, oneOf, seconds };
}

/** A git revision that cannot be mistaken for an option (`--upload-pack=...`) or a range. */
const REVISION = /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const SERVICE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export function readInputs(source: InputSource = coreSource): Inputs {
  const r = reader(source);
  const command = r.oneOf('command', COMMANDS);
  const config = r.text('config');

  const awsRegion = r.text('aws-region') || undefined;
  if (awsRegion && !REGION.test(awsRegion))
    throw new InputError(`input "aws-region" must be an AWS region such as ap-northeast-1, not "${awsRegion}"`);

  const only = r
    .text('only')
    .split(/[\s,]+/)
    .filter(Boolean);
  const badService = only.find((s) => !SERVICE.test(s));
  if (badService)
    throw new InputError(`input "only" lists service keys separated by commas or newlines; "${badService}" is not one`);

  const base = r.text('base') || undefined;
  if (base && (!REVISION.test(base) || base.includes('..'))) {
    throw new InputError(`input "base" must be a commit SHA or a branch/tag name, not "${base}"`);
  }

  const inputs: Inputs = {
    command,
    config,
    awsRegion,
    githubToken: r.raw('github-token'),
    comment: r.bool('comment'),
    summary: r.bool('summary'),
    failOn: r.oneOf('fail-on', ['error', 'warning'] as const),
    offline: r.bool('offline'),
    only,
    forceNewDeployment: r.bool('force-new-deployment'),
    rebuild: r.bool('rebuild'),
    dryRun: r.bool('dry-run'),
    rollback: r.bool('rollback'),
    waitTimeoutSeconds: r.seconds('wait-timeout'),
    pollIntervalSeconds: r.seconds('poll-interval'),
    waitForOtherDeployments: r.bool('wait-for-other-deployments'),
    base,
    fetchHistory: r.bool('fetch-history'),
    sarifFile: r.text('sarif-file'),
  };
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  Object.assign(inputs, datadogInputs(r));
  checkCombination(inputs);
  return inputs;
}

/** Inputs that mean something only for some commands: set elsewhere, they are a mistake worth saying. */
function checkCombination(i: Inputs): void {
  const deployOnly: Array<[string, boolean]> = [
    ['dry-run', i.dryRun],
    ['rollback', !i.rollback],
    ['wait-timeout', i.waitTimeoutSeconds !== undefined],
    ['poll-interval', i.pollIntervalSeconds !== undefined],
    ['wait-for-other-deployments', i.waitForOtherDeployments],
  ];
  if (i.command !== 'deploy') {
    const set = deployOnly.filter(([, isSet]) => isSet).map(([n]) => `"${n}"`);
    if (set.length)
      throw new InputError(`input ${set.join(', ')} applies to command: deploy, not command: ${i.command}`);
  }
  if (i.command === 'validate') {
    const set: string[] = [];
    if (i.only.length) set.push('"only"');
    if (i.forceNewDeployment) set.push('"force-new-deployment"');
    if (i.rebuild) set.push('"rebuild"');
    if (i.offline) set.push('"offline"');
    if (set.length)
      throw new InputError(`input ${set.join(', ')} applies to command: plan or deploy, not command: validate`);
  }
  if (i.command === 'deploy' && i.offline) {
    throw new InputError(
      'input "offline" applies to command: plan; a deploy needs AWS (use "dry-run: true" to see what it would do)',
    );
  }
}

const VERIFY_FAIL_ON = ['not-reporting', 'not-arriving', 'down', 'uncovered'] as const;
type VerifyFailOn = (typeof VERIFY_FAIL_ON)[number];

/** The Datadog inputs; keys are masked before anything can print them. */
function datadogInputs(r: ReturnType<typeof reader>): Partial<Inputs> {
  const apiKey = r.raw('datadog-api-key');
  const appKey = r.raw('datadog-app-key');
  for (const k of [apiKey, appKey]) if (k) core.setSecret(k);
  const site = r.text('datadog-site');
  const failOn = r
    .text('verify-fail-on')
    .split(/[\s,]+/)
    .filter(Boolean);
  const bad = failOn.find((f) => f !== 'none' && !(VERIFY_FAIL_ON as readonly string[]).includes(f));
  if (bad) throw new InputError(`input "verify-fail-on" lists ${VERIFY_FAIL_ON.join(', ')} (or none), not "${bad}"`);
  const timeout = r.seconds('verify-timeout');
  return {
    ...(apiKey ? { datadogApiKey: apiKey } : {}),
    ...(appKey ? { datadogAppKey: appKey } : {}),
    ...(site ? { datadogSite: site } : {}),
    ...(r.bool('verify') ? {} : { verify: false as const }),
    ...(timeout !== undefined ? { verifyTimeoutSeconds: timeout } : {}),
    ...(failOn.length ? { verifyFailOn: failOn.filter((f): f is VerifyFailOn => f !== 'none') } : {}),
  };
}
