/** What runs now: services (DescribeServices, 10 per call) and their task definitions. */
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  type ECSClient,
  type Service,
  type TaskDefinition,
  type Tag,
} from '@aws-sdk/client-ecs';
import { awsErrorText, DeployStepError } from './errors.js';

export type LiveLookup = { ok: true; service: Service } | { ok: false; reason: string };

/** Every named service of one cluster, keyed by name; a missing one carries the failure reason. */
export async function describeServices(
  ecs: ECSClient,
  cluster: string,
  names: string[],
): Promise<Map<string, LiveLookup>> {
  const out = new Map<string, LiveLookup>();
  const unique = [...new Set(names)];
  for (let i = 0; i < unique.length; i += 10) {
    const batch = unique.slice(i, i + 10);
    let res;
    try {
      res = await ecs.send(new DescribeServicesCommand({ cluster, services: batch }));
    } catch (err) {
      throw new DeployStepError('describe', `services ${batch.join(', ')} in cluster ${cluster}`, awsErrorText(err), {
        cause: err,
      });
    }
    for (const s of res.services ?? []) if (s.serviceName) out.set(s.serviceName, { ok: true, service: s });
    for (const f of res.failures ?? []) {
      const name = batch.find((n) => f.arn === n || f.arn?.endsWith(`/${n}`));
      if (name)
        out.set(name, { ok: false, reason: [f.reason, f.detail].filter(Boolean).join(': ') || 'unknown failure' });
    }
    for (const n of batch) if (!out.has(n)) out.set(n, { ok: false, reason: 'MISSING' });
  }
  return out;
}

export async function describeOneService(ecs: ECSClient, cluster: string, name: string): Promise<Service> {
  const r = (await describeServices(ecs, cluster, [name])).get(name);
  if (!r || !r.ok)
    throw new DeployStepError('describe', `service ${cluster}/${name}`, r?.ok === false ? r.reason : 'not found');
  return r.service;
}

export interface LiveTaskDefinition {
  arn: string;
  /** The describe output's task definition with its tags folded in (for compare and diff). */
  definition: TaskDefinition & { tags?: Tag[] };
}

/** By ARN, `family:revision`, or family (its latest ACTIVE revision); undefined when there is none. */
export async function describeTaskDefinition(ecs: ECSClient, ref: string): Promise<LiveTaskDefinition | undefined> {
  try {
    const r = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] }));
    if (!r.taskDefinition?.taskDefinitionArn) return undefined;
    return { arn: r.taskDefinition.taskDefinitionArn, definition: { ...r.taskDefinition, tags: r.tags ?? [] } };
  } catch (err) {
    // ECS answers an unknown family or revision with ClientException "Unable to describe task definition."
    if (err instanceof Error && err.name === 'ClientException' && /unable to describe/i.test(err.message))
      return undefined;
    throw new DeployStepError('describe', `task definition ${ref}`, awsErrorText(err), { cause: err });
  }
}
