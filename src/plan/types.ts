/**
 * The plan: what a deploy would do, as plain data. `plan` prints it, `deploy` carries it out,
 * the PR report renders it. Built by src/plan/index.ts from the validated project, git and
 * (unless offline) live look-ups in ECR and ECS.
 */
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { Finding } from '../checks/findings.js';
import type { EcsLiveState } from '../ecs/live-state.js';
import type { ImageLiveState } from '../images/live-state.js';

/** Which files changed between two commits; `all` when there is no base to compare with (first push, dispatch). */
export type ChangedFiles =
  { kind: 'all'; reason: string } | { kind: 'files'; files: string[]; base: string; head: string };

export interface ImagePlan {
  key: string;
  /** ECR repository name from the project file. */
  repository: string;
  /** sha256 hex of the image's inputs (Dockerfile, context files it copies, build args, base image refs). */
  contentHash: string;
  /** The content-hash tag the image is pushed with. */
  tag: string;
  /** Repository-relative inputs that changed between base and head (empty when none or unknown). */
  changedInputs: string[];
  /** true/false from git; undefined when git could not tell (no base). */
  inputsChanged: boolean | undefined;
  /**
   * build: the content-hash tag is not in ECR (or `--rebuild`);
   * reuse: ECR already has it, its digest is reused;
   * unknown: offline and git says nothing changed (ECR was not asked).
   */
  action: 'build' | 'reuse' | 'unknown';
  /** One line a human reads: why this action. */
  reason: string;
  /** Registry URI from ECR (`repositoryUri`); absent offline. */
  repositoryUri?: string;
  /** Known when reused (or after the build). */
  digest?: string;
  /** Services whose containers run this image. */
  services: string[];
  /** How it is (or would be) made: "layer append (N files, X KB)" or "docker build (reason)". */
  method?: string;
  /**
   * Live plans only: the ECR repository exists, will be created (`deploy.createRepositories`), or
   * is missing (the deploy would stop on it).
   */
  repositoryState?: 'exists' | 'will-be-created' | 'missing';
}

export interface ServicePlan {
  key: string;
  cluster: string;
  service: string;
  /** Image keys its containers run. */
  images: string[];
  /**
   * register-and-update: the rendered task definition differs from the live one;
   * update: unchanged but forced (`--force-new-deployment`);
   * none: nothing to do;
   * unknown: offline, or a problem would stop the deploy before it is compared with the live service.
   */
  action: 'register-and-update' | 'update' | 'none' | 'unknown';
  reason: string;
  /** Unified diff of the task definition, live -> rendered (secret values never shown); '' when equal. */
  taskDefinitionDiff: string;
  liveTaskDefinitionArn?: string;
  /**
   * The rendered task definition, as RegisterTaskDefinition would get it, with credential-like
   * plain values masked (`***`); absent when it cannot be rendered. Offline: placeholder digests.
   */
  taskDefinition?: RegisterTaskDefinitionCommandInput;
}

/**
 * Everything a live plan knows that is not in the repository's files, gathered before planning
 * (src/plan-project.ts): the plan is a function of the files and this.
 */
export interface LiveState {
  region: string;
  /** STS GetCallerIdentity. */
  accountId: string;
  /** By image key: the repository and the content tag in ECR. */
  images: Record<string, ImageLiveState>;
  ecs: EcsLiveState;
}

export interface Plan {
  offline: boolean;
  changed: ChangedFiles;
  images: ImagePlan[];
  services: ServicePlan[];
  /** Validation findings of the project (the deploy stops on errors). */
  findings: Finding[];
  /** What would stop the deploy besides findings: render errors, missing SSM parameters, unknown services. */
  problems: string[];
  /** What rendering changed or dropped on the way (read-only describe fields, unknown members). */
  notes?: string[];
}

export interface DeployedImage {
  key: string;
  repositoryUri: string;
  digest: string;
  /** `repositoryUri@digest`, what the task definitions pin. */
  imageRef: string;
  tags: string[];
  built: boolean;
  pushed: boolean;
  /** "layer append (N files, X KB)" or "docker build (reason)"; absent when reused. */
  method?: string;
  /** Bytes the layer append uploaded (docker's own pushes are not counted). */
  bytesPushed?: number;
  /** Fluentd's own check: `ran`, or `skipped: why`. */
  fluentdDryRun?: string;
}

/** Seconds spent in each phase of a deploy; register ends with the last RegisterTaskDefinition/UpdateService answer. */
export interface DeployPhases {
  validate: number;
  images: number;
  register: number;
  rollout: number;
}

export interface DeployedService {
  key: string;
  cluster: string;
  service: string;
  taskDefinitionArn?: string;
  registered: boolean;
  updated: boolean;
  /** unchanged | completed | failed | timed-out | not-started | planned */
  state: string;
  ok: boolean;
  failure?: string;
  rolledBack?: { by: string; taskDefinitionArn?: string; state: string };
}

export interface DeployResult {
  ok: boolean;
  dryRun: boolean;
  plan: Plan;
  images: DeployedImage[];
  services: DeployedService[];
  /** Problems that stopped the deploy before any change (validation errors, pre-flight, registry login). */
  problems: string[];
  /** How long each phase took (a real deploy that reached the images step). */
  phases?: DeployPhases;
  /** Bytes the image step uploaded by layer append, over all images. */
  bytesPushed?: number;
}
