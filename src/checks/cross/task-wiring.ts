/**
 * Agreements between a task definition and the rest of the project: the awslogs Region and the
 * project's Region, the image's platform and `runtimePlatform`.
 */
import { type Finding, finding } from '../findings.js';
import { get, getPair, isMap } from '../yaml/ast.js';
import { type World, posOf, strOf } from './world.js';

/**
 * awslogs writes to the Region its `awslogs-region` names (ECS Developer Guide, "Using the awslogs
 * log driver"): another Region than the project's works, but the logs are not where the cluster is.
 */
export function logRegion(world: World): Finding[] {
  const region = world.project.region;
  if (!region) return [];
  const out: Finding[] = [];
  for (const c of world.containers) {
    const log = get(c.node, 'logConfiguration');
    if (!isMap(log) || strOf(get(log, 'logDriver')) !== 'awslogs') continue;
    const options = get(log, 'options');
    const node = isMap(options) ? get(options, 'awslogs-region') : undefined;
    const v = strOf(node);
    if (!node || v === undefined || v === region || /^\$\{|^<.*>$/.test(v)) continue;
    out.push(
      finding(
        c.td.file,
        posOf(c.td, node),
        'warning',
        'cross/log-region',
        `container "${c.name}" sends its logs to CloudWatch in ${v}, but ${world.project.configFile} deploys to ${region}: write "awslogs-region": "${region}" (the execution role may also lack rights there)`,
      ),
    );
  }
  return out;
}

const ARCH: Record<string, string> = {
  'linux/amd64': 'X86_64',
  'linux/x86_64': 'X86_64',
  'linux/arm64': 'ARM64',
  'linux/arm64/v8': 'ARM64',
  'linux/aarch64': 'ARM64',
};

/**
 * The image is built for one platform (the project's `platform`, else the final stage's
 * `FROM --platform`); Fargate runs the task on `runtimePlatform.cpuArchitecture` (default X86_64,
 * ECS API RuntimePlatform). A mismatch fails at pull ("image Manifest does not contain descriptor
 * matching platform") or at exec ("exec format error").
 */
export function platform(world: World): Finding[] {
  const out: Finding[] = [];
  for (const c of world.containers) {
    if (!c.layout) continue;
    const img = world.project.images[c.layout.imageKey];
    const stages = c.layout.dockerfile.stages;
    const written = img?.platform ?? stages[stages.length - 1]?.platform;
    const arch = written ? ARCH[written.toLowerCase()] : undefined;
    if (!written || !arch) continue;
    const rp = get(c.td.root, 'runtimePlatform');
    const archNode = isMap(rp) ? get(rp, 'cpuArchitecture') : undefined;
    const runs = strOf(archNode) ?? 'X86_64';
    if (runs === arch) continue;
    const source = img?.platform
      ? `images.${c.layout.imageKey}.platform in ${world.project.configFile}`
      : `FROM --platform in ${c.layout.dockerfile.file}`;
    const at = archNode ?? getPair(c.td.root, 'runtimePlatform')?.key ?? c.nameNode;
    out.push(
      finding(
        c.td.file,
        posOf(c.td, at),
        'error',
        'cross/platform',
        `container "${c.name}" runs on ${runs}${archNode ? '' : ' (the default)'}, but its image is built for ${written} (${source}): the task fails to start; set "runtimePlatform": { "cpuArchitecture": "${arch}", "operatingSystemFamily": "LINUX" } or build for the other platform`,
      ),
    );
  }
  return out;
}
