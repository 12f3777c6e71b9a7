/**
 * What RegisterTaskDefinition or the first task launch would reject, and what would put a secret in
 * plain sight, checked on the tree so each finding points at its line. The shape (types, enums,
 * unknown members) is check-shape.ts; this file is the meaning: a table of small rules, task-level
 * (task-rules.ts), then per container (container-rules.ts, secret-rules.ts).
 */
import type { Finding } from '../findings.js';
import * as C from './container-rules.js';
import { type ContainerCtx, type RuleInput, type TaskCtx, containerContext, taskContext } from './rule-context.js';
import * as S from './secret-rules.js';
import * as T from './task-rules.js';

export type { RuleInput } from './rule-context.js';
export { isImagePlaceholder } from './container-rules.js';
export { plainSecretKind } from './secret-rules.js';

const TASK_RULES: ReadonlyArray<(t: TaskCtx) => void> = [
  T.familyName,
  T.compatibilities,
  T.fargateNetworkMode,
  T.taskSize,
  T.roles,
  T.fargateTaskFeatures,
  T.someContainer,
];

const CONTAINER_RULES: ReadonlyArray<(k: ContainerCtx) => void> = [
  C.containerName,
  C.containerImage,
  C.dependencies,
  C.mountedVolumes,
  C.awsvpcNetworking,
  C.containerSize,
  C.fargateContainerFeatures,
  C.fargateStopTimeout,
  C.logDriver,
  S.secretRefs,
  S.plainOptionSecrets,
  S.plainEnvironment,
];

/** Rules over all containers together, after each container's own. */
const SUMMARY_RULES: ReadonlyArray<(t: TaskCtx) => void> = [T.someEssential, T.containerCpuSum, T.executionRole];

export function checkRules(input: RuleInput): Finding[] {
  const out: Finding[] = [];
  const t = taskContext(input, out);
  for (const rule of TASK_RULES) rule(t);
  for (const c of t.containers) {
    const k = containerContext(t, c);
    for (const rule of CONTAINER_RULES) rule(k);
  }
  for (const rule of SUMMARY_RULES) rule(t);
  return out;
}
