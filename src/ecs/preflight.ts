/**
 * Pre-flight, before anything is registered: every SSM parameter a task definition references
 * exists, and every task definition has an execution role (Fargate needs it to pull from ECR and
 * to read `secrets`; without it tasks stop with "ResourceInitializationError: unable to pull
 * secrets or registry auth"). SSM GetParameters takes names or ARNs, at most 10 per call, and
 * answers unknown ones in `InvalidParameters`; it is called without decryption and only names are
 * read from the answer, never values.
 */
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { GetParametersCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { Log } from '../log.js';
import { classifySecretRef } from './arn.js';
import { awsErrorText, DeployStepError } from './errors.js';
import { asArray, isRecord, str } from './json.js';
import type { PreflightProblem } from './types.js';

export interface PreflightService {
  key: string;
  taskDefinition: RegisterTaskDefinitionCommandInput;
}

interface Use {
  service: string;
  where: string;
}

/** SSM references (names or ARNs) of one task definition, with where each is used. */
export function ssmReferences(td: RegisterTaskDefinitionCommandInput): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  const note = (ref: string, where: string): void => {
    const k = classifySecretRef(ref).kind;
    if (k !== 'ssm-name' && k !== 'ssm-arn') return;
    refs.set(ref, [...(refs.get(ref) ?? []), where]);
  };
  for (const c of asArray(td.containerDefinitions).filter(isRecord)) {
    const cname = str(c.name) ?? '?';
    for (const s of asArray(c.secrets).filter(isRecord)) {
      const v = str(s.valueFrom);
      if (v) note(v, `secret ${str(s.name) ?? '?'} of container ${cname}`);
    }
    const lc = isRecord(c.logConfiguration) ? c.logConfiguration : undefined;
    for (const s of asArray(lc?.secretOptions).filter(isRecord)) {
      const v = str(s.valueFrom);
      if (v) note(v, `log option ${str(s.name) ?? '?'} of container ${cname}`);
    }
  }
  return refs;
}

export async function preflight(opts: {
  ssm: SSMClient;
  log: Log;
  services: PreflightService[];
}): Promise<PreflightProblem[]> {
  const problems: PreflightProblem[] = [];
  const uses = new Map<string, Use[]>();
  for (const s of opts.services) {
    const td = s.taskDefinition;
    if (!td.executionRoleArn) {
      problems.push({
        service: s.key,
        code: 'preflight/no-execution-role',
        message: `service ${s.key}: task definition "${td.family ?? '?'}" has no "executionRoleArn"; Fargate needs a task execution role to pull images from ECR and to read secrets`,
      });
    }
    for (const [ref, wheres] of ssmReferences(td)) {
      for (const where of wheres) uses.set(ref, [...(uses.get(ref) ?? []), { service: s.key, where }]);
    }
  }

  const refs = [...uses.keys()].sort();
  const missing = await missingParameters(opts.ssm, refs);
  for (const ref of refs) {
    if (!missing.has(ref)) {
      opts.log.debug(`pre-flight: SSM parameter ${ref} exists`);
      continue;
    }
    for (const u of uses.get(ref) ?? []) {
      problems.push({
        service: u.service,
        code: 'preflight/missing-parameter',
        message: `service ${u.service}: SSM parameter "${ref}" (${u.where}) does not exist; create it or fix the name`,
      });
    }
  }
  return problems;
}

/** The SSM references (names or ARNs) GetParameters reports as missing; asked 10 at a time, values never read. */
export async function missingParameters(ssm: SSMClient, refs: readonly string[]): Promise<Set<string>> {
  const missing = new Set<string>();
  for (let i = 0; i < refs.length; i += 10) {
    const batch = refs.slice(i, i + 10);
    try {
      const out = await ssm.send(new GetParametersCommand({ Names: batch, WithDecryption: false }));
      for (const n of out.InvalidParameters ?? []) missing.add(n);
    } catch (err) {
      throw new DeployStepError('pre-flight', `SSM parameters ${batch.join(', ')}`, awsErrorText(err), { cause: err });
    }
  }
  return missing;
}
