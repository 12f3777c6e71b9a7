/**
 * Register only what changed: the rendered task definition is compared (normalised) with the one
 * the service runs and, failing that, with the family's latest revision (a previous run may have
 * registered it before a rollback). Equal -> reuse that ARN, register nothing.
 */
import {
  RegisterTaskDefinitionCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import type { Log } from '../log.js';
import { shortTaskDefinition } from './arn.js';
import { sameTaskDefinition } from './compare.js';
import { awsErrorText, DeployStepError } from './errors.js';
import { describeTaskDefinition, type LiveTaskDefinition } from './live.js';

export interface ResolveTaskDefinitionOptions {
  ecs: ECSClient;
  log: Log;
  /** Service key, for messages. */
  key: string;
  rendered: RegisterTaskDefinitionCommandInput;
  /** The task definition the service runs now. */
  live: LiveTaskDefinition | undefined;
  dryRun?: boolean;
}

export interface ResolvedTaskDefinition {
  /** Undefined only in a dry run that would register. */
  arn: string | undefined;
  /** Differs from what the service runs. */
  changed: boolean;
  /** RegisterTaskDefinition was called (dry run: would be). */
  registered: boolean;
}

export async function resolveTaskDefinition(opts: ResolveTaskDefinitionOptions): Promise<ResolvedTaskDefinition> {
  const { ecs, log, key, rendered, live } = opts;
  if (live && sameTaskDefinition(live.definition, rendered)) {
    log.info(`[${key}] task definition unchanged: reusing ${shortTaskDefinition(live.arn)}`);
    return { arn: live.arn, changed: false, registered: false };
  }
  const family = rendered.family ?? '';
  const latest = family ? await describeTaskDefinition(ecs, family) : undefined;
  if (latest && latest.arn !== live?.arn && sameTaskDefinition(latest.definition, rendered)) {
    log.info(`[${key}] task definition already registered as ${shortTaskDefinition(latest.arn)}: reusing it`);
    return { arn: latest.arn, changed: true, registered: false };
  }
  if (opts.dryRun) {
    log.info(`[${key}] would register a new revision of ${family}`);
    return { arn: undefined, changed: true, registered: true };
  }
  try {
    const out = await ecs.send(new RegisterTaskDefinitionCommand(rendered));
    const arn = out.taskDefinition?.taskDefinitionArn;
    if (!arn) throw new Error('the answer has no taskDefinitionArn');
    log.info(`[${key}] registered ${shortTaskDefinition(arn)}`);
    return { arn, changed: true, registered: true };
  } catch (err) {
    throw new DeployStepError('register', `task definition ${family} for service ${key}`, awsErrorText(err), {
      cause: err,
    });
  }
}
