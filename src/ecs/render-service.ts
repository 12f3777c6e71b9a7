/**
 * The project-file view of render: a `ServiceConfig` (container -> image key) plus the digests the
 * image step produced (image key -> `repo@sha256:...`). Kept apart so `render.ts` stays independent
 * of the project loader.
 */
import type { ServiceConfig } from '../project/types.js';
import { renderTaskDefinition, type RenderResult } from './render.js';

export interface RenderServiceInput {
  service: Pick<ServiceConfig, 'key' | 'containers' | 'secrets' | 'environment'>;
  /** The parsed template file. */
  template: unknown;
  /** Image key -> pinned reference (`<repositoryUri>@sha256:<digest>`). */
  images: Record<string, string>;
  region: string;
  accountId: string;
}

export function renderServiceTaskDefinition(opts: RenderServiceInput): RenderResult {
  const containers: Record<string, string> = {};
  const missing: string[] = [];
  for (const [container, imageKey] of Object.entries(opts.service.containers)) {
    const ref = opts.images[imageKey];
    if (ref === undefined) missing.push(`container "${container}" uses image "${imageKey}", which has no built digest`);
    else containers[container] = ref;
  }
  const r = renderTaskDefinition({
    template: opts.template,
    containers,
    secrets: opts.service.secrets,
    environment: opts.service.environment,
    secretsTo: Object.keys(opts.service.containers),
    region: opts.region,
    accountId: opts.accountId,
  });
  if (missing.length === 0) return r;
  return {
    input: undefined,
    problems: [
      ...missing.map((m) => ({
        severity: 'error' as const,
        code: 'render/missing-image',
        pointer: '/containerDefinitions',
        message: m,
      })),
      ...r.problems,
    ],
  };
}
