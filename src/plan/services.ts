/**
 * The services' half of the plan. Offline: template -> rendered, judged by what git says changed.
 * Live: rendered -> compared with what each service runs, from gathered data. Each service is
 * judged on its own: a service that would fail pre-flight does not hide what the others would do.
 */
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { shortTaskDefinition } from '../ecs/arn.js';
import { sameTaskDefinition } from '../ecs/compare.js';
import { taskDefinitionDiff } from '../ecs/diff.js';
import { type ServiceLiveState, servicePreflight } from '../ecs/live-state.js';
import { maskTaskDefinition } from '../ecs/sensitive.js';
import type { ServiceConfig } from '../project/types.js';
import type { Prepared } from './prepare.js';
import { problemsOf, type RenderedServices } from './render-all.js';
import type { ChangedFiles, ImagePlan, LiveState, ServicePlan } from './types.js';

export interface ServicesInput {
  prepared: Prepared;
  changed: ChangedFiles;
  forceNewDeployment?: boolean;
}

type Base = Pick<ServicePlan, 'key' | 'cluster' | 'service' | 'images'> & {
  taskDefinition?: RegisterTaskDefinitionCommandInput;
};
type Decision = Pick<ServicePlan, 'action' | 'reason'>;

type Rendered = { plan: Base; td: RegisterTaskDefinitionCommandInput | undefined };

function base(svc: ServiceConfig, rendered: RenderedServices): Rendered {
  const td = rendered.deployments.find((d) => d.key === svc.key)?.taskDefinition;
  const images = [...new Set(Object.values(svc.containers))];
  const plan: Base = { key: svc.key, cluster: svc.cluster, service: svc.service, images };
  if (td) plan.taskDefinition = maskTaskDefinition(td);
  return { plan, td };
}

const unrendered = (rendered: RenderedServices, key: string): Decision => ({
  action: 'unknown',
  reason: problemsOf(rendered, key).join('; ') || 'cannot render',
});

/** Offline: judged by what git says changed, never by what runs. */
function offlineDecision(input: ServicesInput, svc: ServiceConfig, rebuilt: readonly string[]): Decision {
  const { changed } = input;
  const files = changed.kind === 'files' ? changed.files : [];
  const templateChanged =
    changed.kind === 'all' || files.includes(svc.taskDefinition) || files.includes(input.prepared.project.configFile);
  if (rebuilt.length) return { action: 'register-and-update', reason: `image ${rebuilt.join(', ')} will be rebuilt` };
  if (templateChanged) {
    const why = changed.kind === 'all' ? 'no base to compare with' : 'task definition template or project file changed';
    return { action: 'register-and-update', reason: `${why}; registered only if it differs from the live one` };
  }
  if (input.forceNewDeployment) return { action: 'update', reason: 'forced new deployment' };
  const reason = 'nothing changed since the base commit (offline: the live task definition was not compared)';
  return { action: 'unknown', reason };
}

export function offlineServices(
  input: ServicesInput,
  images: readonly ImagePlan[],
  rendered: RenderedServices,
): ServicePlan[] {
  return input.prepared.services.map((svc): ServicePlan => {
    const { plan, td } = base(svc, rendered);
    if (!td) return { ...plan, ...unrendered(rendered, svc.key), taskDefinitionDiff: '' };
    const rebuilt = plan.images.filter((k) => images.find((i) => i.key === k)?.action === 'build');
    const diff = taskDefinitionDiff({
      name: svc.taskDefinition,
      live: rendered.templates.get(svc.key),
      rendered: td,
      liveLabel: 'template',
      renderedLabel: 'rendered, offline placeholders',
    });
    return { ...plan, ...offlineDecision(input, svc, rebuilt), taskDefinitionDiff: diff };
  });
}

/** As the deploy decides: equal to what runs -> nothing; equal to the family's latest -> reuse it; else register. */
function liveDecision(
  input: ServicesInput,
  td: RegisterTaskDefinitionCommandInput,
  state: ServiceLiveState | undefined,
  pending: string[],
): Decision {
  const running = state?.running;
  if (running && sameTaskDefinition(running.definition, td)) {
    if (input.forceNewDeployment) {
      return { action: 'update', reason: 'forced new deployment of the unchanged task definition' };
    }
    return { action: 'none', reason: `unchanged: keeps ${running.arn}` };
  }
  if (pending.length) {
    const reason = `image ${pending.join(', ')} will be built: a new task definition pins its digest`;
    return { action: 'register-and-update', reason };
  }
  const latest = state?.latest;
  if (latest && latest.arn !== running?.arn && sameTaskDefinition(latest.definition, td)) {
    const reason = `already registered as ${shortTaskDefinition(latest.arn)}: the service is updated to it`;
    return { action: 'register-and-update', reason };
  }
  return { action: 'register-and-update', reason: 'the rendered task definition differs from the live one' };
}

export function liveServices(
  input: ServicesInput,
  live: LiveState,
  images: readonly ImagePlan[],
  rendered: RenderedServices,
): { services: ServicePlan[]; problems: string[] } {
  const problems: string[] = [];
  const missing = new Set(live.ecs.missingParameters);
  const services = input.prepared.services.map((svc): ServicePlan => {
    const { plan, td } = base(svc, rendered);
    const state = live.ecs.services[svc.key];
    const running = state?.running;
    const arn = state?.lookup.ok ? state.lookup.service.taskDefinition : undefined;
    const withArn = { ...plan, ...(arn ? { liveTaskDefinitionArn: arn } : {}) };
    if (!td) return { ...withArn, ...unrendered(rendered, svc.key), taskDefinitionDiff: '' };
    const liveLabel = running ? shortTaskDefinition(running.arn) : 'none';
    const renderedLabel = 'rendered';
    const diff = taskDefinitionDiff({
      name: svc.key,
      live: running?.definition,
      rendered: td,
      liveLabel,
      renderedLabel,
    });
    const target = { key: svc.key, cluster: svc.cluster, service: svc.service, taskDefinition: td };
    const stops = servicePreflight(target, state, missing);
    if (stops.length) {
      problems.push(...stops.map((p) => `${p.message} [${p.code}]`));
      const reason = stops.map((p) => p.message).join('; ');
      return { ...withArn, action: 'unknown', reason, taskDefinitionDiff: diff };
    }
    const pending = plan.images.filter((k) => images.find((i) => i.key === k)?.action === 'build');
    return { ...withArn, ...liveDecision(input, td, state, pending), taskDefinitionDiff: diff };
  });
  return { services, problems };
}
