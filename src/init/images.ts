/**
 * `init`'s images: for each Dockerfile, the build context its COPY lines need (the deepest directory,
 * from the Dockerfile's own up to the repository root, in which every COPY source exists: the blog's
 * Fluentd Dockerfile copies `fluentd/etc/fluent.conf`, so its context is the root), what the image
 * carries (layout.ts), and so whether it is the Datadog agent or Fluentd.
 */
import path from 'node:path';
import { readSource } from '../checks/source.js';
import { copySourceFindings, finalStage, parseDockerfile } from '../project/dockerfile.js';
import { listContextFiles } from '../project/dockerignore.js';
import { imageLayouts, kindFromImagePath, type ImageLayout } from '../project/layout.js';
import { DEPLOY_DEFAULTS, type ImageConfig, type Project } from '../project/types.js';

export type Flavor = 'datadog-agent' | 'fluentd' | 'other';

export interface FoundImage {
  dockerfile: string;
  context: string;
  /** False when no directory holds every COPY source: the context is the Dockerfile's own, a guess. */
  contextSure: boolean;
  flavor: Flavor;
  /** Repository paths the image carries (for telling sender configs from the aggregator's). */
  carries: Set<string>;
}

export function findImages(root: string, dockerfiles: readonly string[]): FoundImage[] {
  const out: FoundImage[] = [];
  for (const dockerfile of dockerfiles) {
    const decoded = readSource(dockerfile, path.join(root, dockerfile));
    if (!decoded.ok) continue;
    const df = parseDockerfile(decoded.source);
    if (df.stages.length === 0) continue;
    const found = contextFor(root, dockerfile, (context) => {
      const listing = listContextFiles(path.join(root, context), { root, dockerfile: path.join(root, dockerfile) });
      const problems = copySourceFindings(df, listing.files, { ignored: listing.ignored, contextDir: context });
      return listing.findings.length === 0 && !problems.some((f) => f.severity === 'error');
    });
    const layout = layoutOf(root, dockerfile, found.context);
    const carries = new Set(layout ? layout.files.values() : []);
    const flavor = flavorOf(layout, finalStage(df)?.baseImage ?? '');
    out.push({ dockerfile, context: found.context, contextSure: found.sure, flavor, carries });
  }
  return out;
}

function contextFor(
  root: string,
  dockerfile: string,
  fits: (context: string) => boolean,
): { context: string; sure: boolean } {
  const own = path.posix.dirname(dockerfile);
  for (let dir = own; ; dir = path.posix.dirname(dir)) {
    if (fits(dir)) return { context: dir, sure: true };
    if (dir === '.') break;
  }
  return { context: own, sure: false };
}

function layoutOf(root: string, dockerfile: string, context: string): ImageLayout | undefined {
  const img: ImageConfig = { key: 'probe', context, dockerfile, repository: 'probe', buildArgs: {} };
  const project: Project = {
    root,
    configFile: 'dd-ecs-monitor.yml',
    cluster: 'probe',
    images: { probe: img },
    services: {},
    files: {},
    fluentd: { forwardedTags: [] },
    deploy: { ...DEPLOY_DEFAULTS },
  };
  return imageLayouts(project).layouts.get('probe');
}

function flavorOf(layout: ImageLayout | undefined, baseImage: string): Flavor {
  const kinds = new Set([...(layout?.files.keys() ?? [])].map((p) => kindFromImagePath(p, layout?.env)));
  if (kinds.has('http_check') || kinds.has('mysql') || kinds.has('datadog_yaml')) return 'datadog-agent';
  if (kinds.has('fluentd')) return 'fluentd';
  if (/datadog\/agent|datadog-agent/.test(baseImage)) return 'datadog-agent';
  if (/fluent/.test(baseImage)) return 'fluentd';
  return 'other';
}

/** The flavor a container's image or name suggests. */
export function flavorOfName(text: string): Flavor {
  const t = text.toLowerCase();
  if (/fluent/.test(t)) return 'fluentd';
  if (/datadog|dd-agent|(^|[^a-z])agent/.test(t)) return 'datadog-agent';
  return 'other';
}
