/** The ECS half of deploy: render, compare, diff, pre-flight, register, update, follow, roll back. */
export { renderTaskDefinition, type RenderInput, type RenderProblem, type RenderResult } from './render.js';
export { renderServiceTaskDefinition, type RenderServiceInput } from './render-service.js';
export { normalizeTaskDefinition } from './normalize.js';
export { canonicalTaskDefinition, sameTaskDefinition } from './compare.js';
export { taskDefinitionDiff, type TaskDefinitionDiffInput } from './diff.js';
export { preflight, ssmReferences, type PreflightService } from './preflight.js';
export { callerAccount } from './account.js';
export { classifySecretRef, partitionOf, shortTaskDefinition, ssmParameterArn, type SecretRef } from './arn.js';
export { isSensitiveName, maskPair, sensitiveValues } from './sensitive.js';
export { describeServices, describeTaskDefinition, type LiveLookup, type LiveTaskDefinition } from './live.js';
export { resolveTaskDefinition, type ResolvedTaskDefinition, type ResolveTaskDefinitionOptions } from './register.js';
export { circuitBreakerThreshold, followDeployment, type FollowOptions, type FollowOutcome } from './follow.js';
export { formatStoppedTask, stoppedTasksOf, summarizeStoppedTasks } from './stopped-tasks.js';
export { rollOut, type RollOutOptions, type RollOutResult } from './roll-out.js';
export { deployServices } from './deploy-services.js';
export { realClock, type Clock } from './clock.js';
export { DeployStepError } from './errors.js';
export type * from './types.js';
export {
  type EcsLiveState,
  lookUpServices,
  type PreflightTarget,
  type ServiceLiveState,
  type ServiceQuery,
  servicePreflight,
} from './live-state.js';
export { missingParameters } from './preflight.js';
export { maskTaskDefinition } from './sensitive.js';
