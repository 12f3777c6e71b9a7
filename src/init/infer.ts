/**
 * From what the repository holds to a draft project file: each value with where it came from, and
 * what init could not read from any file (the cluster, the ECS service names) marked as a guess.
 * Secrets stay in the task definition templates (ECS reads them there; repeating them under the
 * project's `secrets:` would only be a second place to keep in step).
 */
import { checkSecretRef } from '../checks/taskdef/index.js';
import { isImagePlaceholder } from '../checks/taskdef/index.js';
import { type FoundImage, findImages, type Flavor, flavorOfName } from './images.js';
import { type RepoScan, type ScannedContainer, type ScannedTaskDef } from './scan.js';
import { senderTags } from './senders.js';

export interface DraftImage {
  key: string;
  context: string;
  dockerfile: string;
  repository: string;
  /** Where the repository name came from, or undefined when it is a guess. */
  repositoryFrom?: string;
  contextSure: boolean;
  flavor: Flavor;
}

export interface DraftService {
  key: string;
  taskDefinition: string;
  /** Container name -> image key. */
  containers: Record<string, string>;
}

export interface Draft {
  region?: { value: string; from: string };
  cluster: { value: string; from?: string };
  images: DraftImage[];
  services: DraftService[];
  /** Files no image carries that validate should still check (the web servers' Fluentd configs). */
  files: Array<{ path: string; kind: 'fluentd' }>;
  forwardedTags: string[];
  /** What the user has to look at: guesses and things init left out. */
  notes: string[];
}

/** `123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/monitoring/fluentd:latest` (ECR private registry URI). */
const ECR_URI =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+?)(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$/;

export function ecrRepositoryOf(image: string | undefined): { repository: string; region: string } | undefined {
  const m = image ? ECR_URI.exec(image) : null;
  return m ? { repository: m[3] as string, region: m[2] as string } : undefined;
}

/** A container init may point at a built image: its image is in a private ECR registry, or a placeholder. */
const buildsOwnImage = (c: ScannedContainer): boolean =>
  isImagePlaceholder(c.image) || ecrRepositoryOf(c.image) !== undefined;

export function draftProject(root: string, scan: RepoScan): Draft {
  const found = findImages(root, scan.dockerfiles);
  const notes: string[] = [];
  const pairs = matchContainers(found, scan.taskDefs, notes);
  const images = imageDrafts(found, pairs, notes);
  const keyOf = new Map(found.map((f, i) => [f.dockerfile, (images[i] as DraftImage).key]));
  const services = serviceDrafts(scan.taskDefs, pairs, keyOf, notes);
  const carried = new Set(found.flatMap((f) => [...f.carries]));
  const senders = scan.fluentdConfs.filter((f) => !carried.has(f));
  const forwardedTags = senderTags(root, senders, notes);
  const region = regionOf(scan.taskDefs);
  const namespaces = new Set(
    images.map((i) => (i.repositoryFrom ? i.repository.split('/').slice(0, -1).join('/') : '')),
  );
  const ns = namespaces.size === 1 ? [...namespaces][0] : '';
  const cluster =
    ns && /^[A-Za-z0-9_-]+$/.test(ns)
      ? { value: ns, from: "the ECR repositories' namespace" }
      : { value: 'monitoring' };
  return {
    ...(region ? { region } : {}),
    cluster,
    images,
    services,
    files: senders.map((p) => ({ path: p, kind: 'fluentd' as const })),
    forwardedTags,
    notes,
  };
}

interface Pair {
  taskDef: ScannedTaskDef;
  container: ScannedContainer;
  image: FoundImage;
}

/** Each container that runs a built image, paired with the Dockerfile most like it (flavor, then shared name parts). */
function matchContainers(found: readonly FoundImage[], taskDefs: readonly ScannedTaskDef[], notes: string[]): Pair[] {
  const pairs: Pair[] = [];
  for (const taskDef of taskDefs) {
    for (const container of taskDef.containers.filter(buildsOwnImage)) {
      const text = `${container.name} ${ecrRepositoryOf(container.image)?.repository ?? ''} ${taskDef.family ?? ''}`;
      const scored = found.map((image) => ({ image, score: score(text, image) })).sort((a, b) => b.score - a.score);
      const [best, next] = scored;
      if (!best || best.score === 0 || (next && next.score === best.score)) {
        notes.push(
          `container "${container.name}" of ${taskDef.file}: no Dockerfile is clearly its image; map it under containers: by hand`,
        );
        continue;
      }
      pairs.push({ taskDef, container, image: best.image });
    }
  }
  return pairs;
}

const words = (s: string): Set<string> =>
  new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1),
  );

function score(containerText: string, image: FoundImage): number {
  const flavor = flavorOfName(containerText);
  let s = flavor !== 'other' && flavor === image.flavor ? 4 : 0;
  const dir = words(image.dockerfile.replace(/(^|\/)[^/]*Dockerfile[^/]*$/i, ''));
  for (const w of words(containerText)) if (dir.has(w)) s += 1;
  return s;
}

/** Lowercase letters, digits, ".", "_", "-" (names.ts IMAGE_KEY), unique among the images. */
function imageKey(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 100) || 'image';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

function imageDrafts(found: readonly FoundImage[], pairs: readonly Pair[], notes: string[]): DraftImage[] {
  const taken = new Set<string>();
  return found.map((f) => {
    const first = pairs.find((p) => p.image === f);
    const ecr = ecrRepositoryOf(first?.container.image);
    const dir = f.dockerfile.includes('/') ? (f.dockerfile.split('/').at(-2) as string) : 'app';
    const key = imageKey(ecr?.repository.split('/').at(-1) ?? first?.container.name ?? dir, taken);
    if (!first)
      notes.push(
        `image "${key}" (${f.dockerfile}) runs in no task definition container init could find: map it under a service's containers:, or remove it`,
      );
    if (!f.contextSure)
      notes.push(
        `images.${key}.context: some COPY sources of ${f.dockerfile} are in no directory above it; check the context`,
      );
    const repository = ecr?.repository ?? key;
    return {
      key,
      context: f.context,
      dockerfile: f.dockerfile,
      repository,
      ...(ecr && first ? { repositoryFrom: first.taskDef.file } : {}),
      contextSure: f.contextSure,
      flavor: f.flavor,
    };
  });
}

/** ECS service names: letters, digits, "-" and "_" (names.ts). */
const ecsName = (s: string): string =>
  s
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 255) || 'service';

function serviceDrafts(
  taskDefs: readonly ScannedTaskDef[],
  pairs: readonly Pair[],
  keyOf: Map<string, string>,
  notes: string[],
): DraftService[] {
  const taken = new Set<string>();
  return taskDefs.map((td) => {
    const stem =
      td.file
        .split('/')
        .at(-1)
        ?.replace(/\.(json|ya?ml)$/, '') ?? 'service';
    let key = ecsName(td.family ?? stem);
    for (let n = 2; taken.has(key); n++) key = `${ecsName(td.family ?? stem)}-${n}`;
    taken.add(key);
    const containers: Record<string, string> = {};
    for (const p of pairs.filter((x) => x.taskDef === td))
      containers[p.container.name] = keyOf.get(p.image.dockerfile) as string;
    if (Object.keys(containers).length === 0)
      notes.push(`services.${key}: no container of ${td.file} runs an image built here`);
    return { key, taskDefinition: td.file, containers };
  });
}

/** The Region the templates already name most: ECR image URIs, awslogs-region, secret ARNs. */
function regionOf(taskDefs: readonly ScannedTaskDef[]): { value: string; from: string } | undefined {
  const seen = new Map<string, number>();
  const sources = new Set<string>();
  const add = (r: string | undefined, from: string): void => {
    if (!r) return;
    seen.set(r, (seen.get(r) ?? 0) + 1);
    sources.add(from);
  };
  for (const td of taskDefs) {
    for (const c of td.containers) {
      add(ecrRepositoryOf(c.image)?.region, 'ECR image URIs');
      add(c.logRegion, 'awslogs-region');
      for (const ref of c.secretRefs) {
        const r = checkSecretRef(ref);
        add(r.ok ? r.region : undefined, 'secret ARNs');
      }
    }
  }
  const best = [...seen].sort((a, b) => b[1] - a[1])[0];
  return best ? { value: best[0], from: `the task definitions' ${[...sources].join(', ')}` } : undefined;
}
