/** The public shapes of the deploy step: what the deploy command passes in and gets back. */
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { AwsClients } from '../aws.js';
import type { Log } from '../log.js';
import type { Clock } from './clock.js';

/** One service to deploy: where it runs and the task definition rendered for it. */
export interface ServiceDeployment {
  /** The project's key for the service (messages are prefixed with it). */
  key: string;
  cluster: string;
  /** The ECS service name. */
  service: string;
  /** From `renderTaskDefinition` / `renderServiceTaskDefinition`. */
  taskDefinition: RegisterTaskDefinitionCommandInput;
}

export interface DeployServicesOptions {
  clients: Pick<AwsClients, 'ecs' | 'ssm'>;
  log: Log;
  services: ServiceDeployment[];
  /** Update every service, changed or not (`--force-new-deployment`, the manual redeploy). */
  forceNewDeployment?: boolean;
  /** Roll back to the previous task definition when a rollout fails. Default true. */
  rollback?: boolean;
  /** How long to follow one rollout (and, separately, one rollback). */
  waitTimeoutMs: number;
  /** The longest delay between two polls of a rollout (they start at firstPollMs and back off). */
  pollIntervalMs: number;
  /** The first delay between polls; default 2 s (follow.ts FIRST_POLL_MS). Equal to pollIntervalMs: fixed. */
  firstPollMs?: number;
  /**
   * A service this run would update has another deployment IN_PROGRESS: follow that one to its end
   * first (true), or refuse before registering anything (default).
   */
  waitForOtherDeployments?: boolean;
  /** Compare, diff and pre-flight only: nothing is registered or updated. */
  dryRun?: boolean;
  /**
   * For services without the deployment circuit breaker: give up after this many failed tasks in
   * the new deployment. Default: ECS's own circuit-breaker threshold for the desired count.
   */
  maxFailedTasks?: number;
  clock?: Clock;
}

export type ServiceState =
  /** Nothing to do: task definition unchanged and no forced deployment. */
  | 'unchanged'
  /** Dry run: what would be done is in `registered` / `updated`. */
  | 'planned'
  /** The new deployment's rolloutState reached COMPLETED. */
  | 'completed'
  /** FAILED, rolled back by the circuit breaker, too many stopped tasks, or superseded. */
  | 'failed'
  | 'timed-out'
  /** Another service's failure (registration, pre-flight) stopped the deploy before this one started. */
  | 'not-started';

export interface StoppedContainer {
  name: string;
  exitCode?: number;
  reason?: string;
  lastStatus?: string;
}

export interface StoppedTask {
  taskArn: string;
  stoppedReason?: string;
  stopCode?: string;
  stoppedAt?: Date;
  containers: StoppedContainer[];
}

export interface RollbackResult {
  /** Who rolled back: ECS's circuit breaker, or this tool. `skipped`: there was nothing to roll back to. */
  by: 'circuit-breaker' | 'dd-ecs-monitor' | 'skipped';
  taskDefinitionArn?: string;
  deploymentId?: string;
  state: 'completed' | 'failed' | 'timed-out' | 'skipped';
  detail?: string;
}

export interface ServiceDeployResult {
  key: string;
  cluster: string;
  service: string;
  /** Registered or reused; undefined only in a dry run that would register. */
  taskDefinitionArn: string | undefined;
  /** What the service ran before. */
  previousTaskDefinitionArn: string | undefined;
  /** RegisterTaskDefinition was called (dry run: would be). */
  registered: boolean;
  /** The rendered task definition differs from the one the service runs. */
  taskDefinitionChanged: boolean;
  /** UpdateService was called (dry run: would be). */
  updated: boolean;
  deploymentId?: string;
  state: ServiceState;
  ok: boolean;
  /** One line: which step, which resource, the cause. */
  failure?: string;
  stoppedTasks: StoppedTask[];
  rollback?: RollbackResult;
  /** Unified diff against the live task definition, secrets masked; '' when unchanged. */
  diff: string;
}

export interface PreflightProblem {
  /** Service key. */
  service: string;
  code: string;
  message: string;
}

export interface DeployServicesResult {
  ok: boolean;
  services: ServiceDeployResult[];
  /** Non-empty means nothing was registered or updated. */
  problems: PreflightProblem[];
}
