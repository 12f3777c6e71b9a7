/**
 * Files that must agree for the cluster to work, checked as a whole: the agent, Fluentd, the
 * senders, the Dockerfiles, the task definitions and the project file. One small rule per
 * agreement; docs/checks.md ("Agreements between files") lists each with its source, including
 * those the per-file checkers already enforce with their context.
 */
import { type Finding } from '../findings.js';
import type { ImageLayout } from '../../project/layout.js';
import type { Project } from '../../project/types.js';
import { agentApiKey, datadogSite } from './agent-env.js';
import { confPlacement } from './conf-placement.js';
import { aggregatorPortMappings, senderPorts } from './ports.js';
import { bufferOnRedeploy, healthChecks } from './redeploy.js';
import { logRegion, platform } from './task-wiring.js';
import { unusedSecrets } from './unused-secret.js';
import { type World, buildWorld } from './world.js';

const RULES: ReadonlyArray<(world: World) => Finding[]> = [
  senderPorts,
  aggregatorPortMappings,
  agentApiKey,
  datadogSite,
  logRegion,
  platform,
  confPlacement,
  bufferOnRedeploy,
  healthChecks,
  unusedSecrets,
];

export function checkAgreements(project: Project, layouts: Map<string, ImageLayout>): Finding[] {
  const world = buildWorld(project, layouts);
  return RULES.flatMap((rule) => rule(world));
}
