/** Rendering every selected service's task definition from the images' pinned references. */
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { renderServiceTaskDefinition } from '../ecs/index.js';
import type { ServiceDeployment } from '../ecs/index.js';
import type { Prepared } from './prepare.js';

export interface RenderedServices {
  deployments: ServiceDeployment[];
  /** Template (as parsed) per service key, for offline diffs. */
  templates: Map<string, unknown>;
  /** One line each: service, what is wrong. Non-empty: nothing can be registered. */
  problems: string[];
  /** Warnings and notices from rendering (dropped fields, stripped read-only members). */
  notes: string[];
}

export function renderAll(
  prepared: Prepared,
  imageRefs: Record<string, string>,
  region: string,
  accountId: string,
): RenderedServices {
  const out: RenderedServices = { deployments: [], templates: new Map(), problems: [], notes: [] };
  for (const svc of prepared.services) {
    const template = prepared.validation.taskDefs.get(svc.key);
    if (!template) {
      out.problems.push(
        `service ${svc.key}: its task definition ${svc.taskDefinition} could not be read (see the findings)`,
      );
      continue;
    }
    out.templates.set(svc.key, template);
    const r = renderServiceTaskDefinition({ service: svc, template, images: imageRefs, region, accountId });
    for (const p of r.problems) {
      const line = `service ${svc.key} (${svc.taskDefinition}${p.pointer ? ` at ${p.pointer}` : ''}): ${p.message} [${p.code}]`;
      (p.severity === 'error' ? out.problems : out.notes).push(line);
    }
    if (r.input)
      out.deployments.push({
        key: svc.key,
        cluster: svc.cluster,
        service: svc.service,
        taskDefinition: r.input as RegisterTaskDefinitionCommandInput,
      });
  }
  return out;
}

/** The render problems of one service: each line starts with `service <key>`. */
export function problemsOf(rendered: RenderedServices, key: string): string[] {
  return rendered.problems.filter((p) => p.startsWith(`service ${key} (`) || p.startsWith(`service ${key}:`));
}
