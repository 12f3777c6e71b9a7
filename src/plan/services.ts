/**
 * The services' half of the plan. Offline: template -> rendered, judged by what git says changed.
 * Live: rendered -> compared with what each service runs, from gathered data. Each service is
 * judged on its own: a service that would fail pre-flight does not hide what the others would do.
 */
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { shortTaskDefinition } from '../ecs/arn.js';
import { sameTaskDefinition } from '../ecs/compare.js';
import { taskDefinitionDiff } from '../ecs/diff.js';
import { servicePreflight } from '../ecs/live-state.js';
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

type Base = Pick<ServicePlan, 'key' | 'cluster' | 'service' | 'images'> & { taskDefinition?: RegisterTaskDefinitionCommandInput };

function base(svc: ServiceConfig, rendered: RenderedServices): { plan: Base; td: RegisterTaskDefinitionCommandInput | undefined } {
  const td = rendered.deployments.find((d) => d.key === svc.key)?.taskDefinition;
  const plan: Base = { key: svc.key, cluster: svc.cluster, service: svc.service, images: [...new Set(Object.values(svc.containers))] };
  if (td) plan.taskDefinition = maskTaskDefinition(td);
  return { plan, td };
}

export function offlineServices(input: ServicesInput, images: readonly ImagePlan[], rendered: RenderedServices): ServicePlan[] {
  const { prepared, changed } = input;
  return prepared.services.map((svc): ServicePlan => {
    const { plan, td } = base(svc, rendered);
    const rebuilt = plan.images.filter((k) => images.find((i) => i.key === k)?.action === 'build');
    const templateChanged =
      changed.kind === 'all' || changed.files.includes(svc.taskDefinition) || changed.files.includes(prepared.project.configFile);
    const action: ServicePlan['action'] = !td
      ? 'unknown'
      : rebuilt.length || templateChanged
        ? 'register-and-update'
        : input.forceNewDeployment
          ? 'update'
          : 'unknown';
    const reason = !td
      ? problemsOf(rendered, svc.key).join('; ') || 'cannot render'
      : rebuilt.length
        ? `image ${rebuilt.join(', ')} will be rebuilt`
        : templateChanged
          ? `${changed.kind === 'all' ? 'no base to compare with' : 'task definition template or project file changed'}; registered only if it differs from the live one`
          : input.forceNewDeployment
            ? 'forced new deployment'
            : 'nothing changed since the base commit (offline: the live task definition was not compared)';
    const diff = td
      ? taskDefinitionDiff({
          name: svc.taskDefinition,
          live: rendered.templates.get(svc.key),
          rendered: td,
          liveLabel: 'template',
          renderedLabel: 'rendered, offline placeholders',
        })
      : '';
    return { ...plan, action, reason, taskDefinitionDiff: diff };
  });
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
    const diff = td
      ? taskDefinitionDiff({ name: svc.key, live: running?.definition, rendered: td, liveLabel: running ? shortTaskDefinition(running.arn) : 'none', renderedLabel: 'rendered' })
      : '';
    const arn = state?.lookup.ok ? state.lookup.service.taskDefinition : undefined;
    const withLive = { ...plan, taskDefinitionDiff: diff, ...(arn ? { liveTaskDefinitionArn: arn } : {}) };
    if (!td) return { ...withLive, action: 'unknown', reason: problemsOf(rendered, svc.key).join('; ') || 'cannot render' };
    const stops = servicePreflight({ key: svc.key, cluster: svc.cluster, service: svc.service, taskDefinition: td }, state, missing);
    if (stops.length) {
      problems.push(...stops.map((p) => `${p.message} [${p.code}]`));
      return { ...withLive, action: 'unknown', reason: stops.map((p) => p.message).join('; ') };
    }
    // As the deploy decides: equal to what runs -> nothing; equal to the family's latest -> reuse it; else register.
    const changed = !(running && sameTaskDefinition(running.definition, td));
    const pending = plan.images.filter((k) => images.find((i) => i.key === k)?.action === 'build');
    const action: ServicePlan['action'] = changed ? 'register-and-update' : input.forceNewDeployment ? 'update' : 'none';
    const reason = changed
      ? pending.length
        ? `image ${pending.join(', ')} will be built: a new task definition pins its digest`
        : state?.latest && state.latest.arn !== running?.arn && sameTaskDefinition(state.latest.definition, td)
          ? `already registered as ${shortTaskDefinition(state.latest.arn)}: the service is updated to it`
          : 'the rendered task definition differs from the live one'
      : input.forceNewDeployment
        ? 'forced new deployment of the unchanged task definition'
        : `unchanged: keeps ${arn ?? 'its task definition'}`;
    return { ...withLive, action, reason };
  });
  return { services, problems };
}
