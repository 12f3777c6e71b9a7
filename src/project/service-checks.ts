/**
 * What the project file and a task definition template say about the same thing, compared before
 * a deploy would find out: a project secret that replaces a template secret read from somewhere
 * else, and an image pushed to a repository other than the one the template already runs. Pure:
 * the loader gives the parsed template and places the findings on the project file's lines.
 */
import { classifySecretRef } from '../ecs/arn.js';

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const recs = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : []);

/** Where a secret comes from, comparable across an SSM name and an SSM ARN of the same parameter. */
export function secretSource(ref: string): string {
  const k = classifySecretRef(ref);
  if (k.kind === 'ssm-name') return `ssm:${k.name.replace(/^\//, '')}`;
  if (k.kind === 'ssm-arn') return `ssm:${k.arn.slice(k.arn.indexOf(':parameter/') + ':parameter/'.length)}`;
  return ref;
}

export interface SecretOverride {
  container: string;
  valueFrom: string;
}

/**
 * The template secrets named `name` in the given containers that read a different source than
 * `value`: the deploy replaces them with the project file's (render merges by name).
 */
export function overriddenSecrets(
  template: Rec | undefined,
  containers: readonly string[],
  name: string,
  value: string,
): SecretOverride[] {
  const out: SecretOverride[] = [];
  for (const c of recs(template?.containerDefinitions)) {
    if (typeof c.name !== 'string' || !containers.includes(c.name)) continue;
    for (const s of recs(c.secrets)) {
      if (s.name !== name || typeof s.valueFrom !== 'string') continue;
      if (secretSource(s.valueFrom) !== secretSource(value)) out.push({ container: c.name, valueFrom: s.valueFrom });
    }
  }
  return out;
}

// <account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>[:tag][@sha256:...]
const ECR_IMAGE =
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([^:@\s]+)(?::[^/@\s]+)?(?:@sha256:[0-9a-f]{64})?$/;

/** The ECR repository an image reference points into; undefined for anything not in ECR. */
export function ecrRepositoryOf(image: unknown): string | undefined {
  return typeof image === 'string' ? ECR_IMAGE.exec(image.trim())?.[1] : undefined;
}

/** The ECR repository a template's container already runs, when its image is an ECR reference. */
export function templateRepository(template: Rec | undefined, container: string): string | undefined {
  return ecrRepositoryOf(recs(template?.containerDefinitions).find((c) => c.name === container)?.image);
}
