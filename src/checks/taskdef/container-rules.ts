/**
 * Rules about one container definition. Each finding points at the member it is about, or at the
 * container itself (its name): never at the list of containers.
 */
import { didYouMean } from '../suggest.js';
import { type YMap, type YNode, get, getPair, isMap, isSeq } from '../yaml/ast.js';
import { type ContainerCtx, mapsOf, scalarOf, strOf } from './rule-context.js';
import { NAME } from './task-rules.js';

/** Fargate log drivers (ECS Developer Guide, "Fargate task definitions": awslogs, splunk, awsfirelens). */
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

export function isImagePlaceholder(image: unknown): boolean {
  if (image === undefined || image === null) return true;
  if (typeof image !== 'string') return false;
  const s = image.trim();
  return (
    s === '' ||
    /^<[^>]*>$/.test(s) ||
    /^\$\{[^}]*\}$/.test(s) ||
    /^\{\{[^}]*\}\}$/.test(s) ||
    /^__[A-Za-z0-9_]+__$/.test(s) ||
    /placeholder/i.test(s)
  );
}

export function containerName(k: ContainerCtx): void {
  const { name, nameNode, c, containers, add } = k;
  if (!name) {
    add(nameNode ?? c, 'error', 'taskdef/missing-field', 'every container definition needs a "name"');
    return;
  }
  if (!NAME.test(name))
    add(
      nameNode as YNode,
      'error',
      'taskdef/invalid-name',
      `container name "${name}" may hold only letters, digits, "-" and "_" (up to 255)`,
    );
  const first = containers.find((other) => strOf(get(other, 'name')) === name);
  if (first && first !== c) {
    const line = k.source.lines.position((get(first, 'name') as YNode).range[0]).line;
    add(
      nameNode as YNode,
      'error',
      'taskdef/duplicate-container',
      `container name "${name}" is used twice (line ${line}): names must be unique`,
    );
  }
}

/**
 * RegisterTaskDefinition requires `image` on every container (ECS API ContainerDefinition:
 * "image ... Required: Yes"). The deploy fills it in only for the containers the project maps.
 */
export function containerImage(k: ContainerCtx): void {
  const { c, service, name, label, isMapped, add } = k;
  const imageNode = get(c, 'image');
  const image = scalarOf(imageNode);
  if (!service) {
    if (!imageNode || image === null || image === '') {
      add(
        imageNode ?? k.at,
        'error',
        'taskdef/image-missing',
        `${label} has no image, which RegisterTaskDefinition requires: add "image" (or map a built image to it in the project file's services.<name>.containers)`,
      );
    }
    return;
  }
  const imageKey = name !== undefined ? service.containers[name] : undefined;
  if (isMapped && imageNode && !isImagePlaceholder(image)) {
    add(
      imageNode,
      'notice',
      'taskdef/image-replaced',
      `${label}'s image is replaced at deploy by the image built for "${imageKey}"; write a placeholder like "<${imageKey}>" to make that plain`,
    );
  } else if (!isMapped && isImagePlaceholder(image)) {
    const hint = name
      ? didYouMean(
          name,
          [...k.mapped].filter((m) => !k.names.includes(m)),
        )
      : '';
    const msg =
      imageNode && image !== null
        ? `${label} has the placeholder image "${String(image)}", but services.${service.key}.containers maps no image to it: map it (${name ?? 'NAME'}: IMAGE_KEY) or write a real image${hint}`
        : `${label} has no image and services.${service.key}.containers maps none to it: add "image" or map it${hint}`;
    add(imageNode ?? k.at, 'error', 'taskdef/image-missing', msg);
  }
}

export function dependencies({ c, names, name, label, add }: ContainerCtx): void {
  for (const d of mapsOf(get(c, 'dependsOn'))) {
    const dn = get(d, 'containerName');
    const target = strOf(dn);
    if (!dn || target === undefined) continue;
    if (!names.includes(target)) {
      add(
        dn,
        'error',
        'taskdef/unknown-container',
        `dependsOn names container "${target}", which this task definition does not define${didYouMean(target, names)}`,
      );
    } else if (target === name) {
      add(dn, 'error', 'taskdef/unknown-container', `${label} cannot depend on itself`);
    }
  }
  for (const v of mapsOf(get(c, 'volumesFrom'))) {
    const sc = get(v, 'sourceContainer');
    const target = strOf(sc);
    if (sc && target !== undefined && !names.includes(target)) {
      add(
        sc,
        'error',
        'taskdef/unknown-container',
        `volumesFrom names container "${target}", which this task definition does not define${didYouMean(target, names)}`,
      );
    }
  }
}

export function mountedVolumes({ c, root, add }: ContainerCtx): void {
  const volumeNames = mapsOf(get(root, 'volumes'))
    .map((v) => strOf(get(v, 'name')))
    .filter((n): n is string => n !== undefined);
  for (const m of mapsOf(get(c, 'mountPoints'))) {
    const sv = get(m, 'sourceVolume');
    const vol = strOf(sv);
    if (sv && vol !== undefined && !volumeNames.includes(vol)) {
      add(
        sv,
        'error',
        'taskdef/unknown-volume',
        `mountPoints names volume "${vol}", which "volumes" does not define${didYouMean(vol, volumeNames)}`,
      );
    }
  }
}

/** Ports and links under awsvpc (ECS: "host ports and container ports in port mappings must match"). */
export function awsvpcNetworking({ c, awsvpc, add }: ContainerCtx): void {
  if (!awsvpc) return;
  for (const pm of mapsOf(get(c, 'portMappings'))) {
    const hp = get(pm, 'hostPort');
    const cp = scalarOf(get(pm, 'containerPort'));
    const h = scalarOf(hp);
    if (hp && typeof h === 'number' && typeof cp === 'number' && h !== cp) {
      add(
        hp,
        'error',
        'taskdef/awsvpc-host-port',
        `with networkMode "awsvpc" hostPort must equal containerPort (${cp}) or be left out`,
      );
    }
  }
  const links = getPair(c, 'links');
  if (links && isSeq(links.value) && links.value.items.length)
    add(
      links.key,
      'error',
      'taskdef/awsvpc-links',
      'links are not supported with networkMode "awsvpc": containers of a task reach each other on localhost',
    );
}

export function containerSize({ c, mem, fargate, compat, label, add, at }: ContainerCtx): void {
  for (const k of ['memory', 'memoryReservation']) {
    const n = get(c, k);
    const v = scalarOf(n);
    if (n && typeof v === 'number' && mem !== undefined && v > mem) {
      add(n, 'error', 'taskdef/container-size', `${label}'s ${k} ${v} MiB is more than the task's memory ${mem} MiB`);
    }
  }
  if (
    !fargate &&
    mem === undefined &&
    !getPair(c, 'memory') &&
    !getPair(c, 'memoryReservation') &&
    compat.includes('EC2')
  ) {
    add(
      at,
      'error',
      'taskdef/container-size',
      `${label} needs "memory" or "memoryReservation" when the task sets no memory`,
    );
  }
}

export function fargateContainerFeatures({ c, fargate, label, add }: ContainerCtx): void {
  const privileged = getPair(c, 'privileged');
  if (fargate && privileged && scalarOf(privileged.value) === true) {
    add(privileged.key, 'error', 'taskdef/fargate-unsupported', `${label}: Fargate does not run privileged containers`);
  }
}

/**
 * Fargate waits at most 120 s between SIGTERM and SIGKILL (ECS API ContainerDefinition.stopTimeout:
 * "For tasks that use the Fargate launch type, the max stop timeout value is 120 seconds").
 */
export function fargateStopTimeout({ c, fargate, label, add }: ContainerCtx): void {
  const node = get(c, 'stopTimeout');
  const v = scalarOf(node);
  if (fargate && node && typeof v === 'number' && v > 120) {
    add(
      node,
      'warning',
      'taskdef/stop-timeout',
      `${label}: Fargate waits at most 120 s before it kills the container, not ${v}: write 120 or less`,
    );
  }
}

export function logDriver({ c, fargate, add }: ContainerCtx): void {
  const log = get(c, 'logConfiguration');
  if (!fargate || !isMap(log)) return;
  const driverNode = get(log, 'logDriver');
  const driver = strOf(driverNode);
  if (driver !== undefined && driverNode && !FARGATE_LOG_DRIVERS.includes(driver)) {
    add(
      driverNode,
      'error',
      'taskdef/fargate-log-driver',
      `Fargate supports the log drivers ${FARGATE_LOG_DRIVERS.join(', ')}, not "${driver}"`,
    );
  }
}

/** The container's log options and FireLens options (where an API key sometimes ends up). */
export function optionMaps(c: YMap): Array<{ node: YNode | undefined; where: string }> {
  const log = get(c, 'logConfiguration');
  const fl = get(c, 'firelensConfiguration');
  return [
    { node: isMap(log) ? get(log, 'options') : undefined, where: 'logConfiguration.options' },
    { node: isMap(fl) ? get(fl, 'options') : undefined, where: 'firelensConfiguration.options' },
  ];
}
