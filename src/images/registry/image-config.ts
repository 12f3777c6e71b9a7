/**
 * Manifests and image configs as the append reads and writes them (OCI image spec, Docker image
 * manifest v2 schema 2), and the config tail applied to a config the way docker's builder does:
 * - ENV replaces an existing `NAME=` entry in place, else appends (builder dispatchers, `dispatchEnv`);
 * - ENTRYPOINT resets CMD unless CMD was set earlier in the stage (Dockerfile reference: "If CMD is
 *   defined from the base image, setting ENTRYPOINT will reset CMD to an empty value");
 * - shell forms run through the image's SHELL, default `["/bin/sh", "-c"]`;
 * - ENV, LABEL, USER, WORKDIR and EXPOSE expand variables from the image's env and the stage's ARGs
 *   (Dockerfile reference, "Environment replacement"); CMD and ENTRYPOINT do not;
 * - EXPOSE `8000-8001/udp` sets each port, protocol lower-cased, `tcp` by default.
 * Each COPY adds a diff_id and a history entry; metadata adds an `empty_layer` history entry.
 */
import path from 'node:path/posix';
import type { TailStep } from '../../project/config-tail.js';
import { parseJsonArray } from '../../project/dockerfile.js';
import { expandWord, splitWords } from '../../project/shell-words.js';

export const MEDIA = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest];

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  [k: string]: unknown;
}

export interface ImageManifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  [k: string]: unknown;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** `linux/arm64/v8` -> parts; default linux/amd64 (Fargate's default runtimePlatform). */
export function parsePlatform(text: string | undefined): Platform {
  const [os = 'linux', architecture = 'amd64', variant] = (text || 'linux/amd64').split('/');
  return { os, architecture, ...(variant ? { variant } : {}) };
}

/** The index entry for a platform; arm64 without a variant matches `v8`, as containerd does. */
export function pickPlatform(entries: readonly Descriptor[], want: Platform): Descriptor | undefined {
  return entries.find((d) => {
    const p = d.platform;
    if (!p || p.os !== want.os || p.architecture !== want.architecture) return false;
    if (!want.variant || !p.variant) return true;
    return p.variant === want.variant;
  });
}

export function isIndex(mediaType: string | undefined): boolean {
  return mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList;
}

/** Layer and config media types in the base manifest's family: never mix Docker and OCI. */
export function familyOf(manifestType: string): { manifest: string; config: string; layer: string } {
  return manifestType === MEDIA.ociManifest
    ? { manifest: MEDIA.ociManifest, config: MEDIA.ociConfig, layer: MEDIA.ociLayer }
    : { manifest: MEDIA.dockerManifest, config: MEDIA.dockerConfig, layer: MEDIA.dockerLayer };
}

type Json = Record<string, unknown>;

export interface ImageConfigJson {
  created?: string;
  config?: RunConfig;
  rootfs?: { type: string; diff_ids: string[] };
  history?: Array<Record<string, unknown>>;
  [k: string]: unknown;
}

export interface RunConfig {
  User?: string;
  Env?: string[] | null;
  Labels?: Record<string, string> | null;
  WorkingDir?: string;
  ExposedPorts?: Record<string, Json> | null;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Shell?: string[] | null;
  [k: string]: unknown;
}

export interface TailContext {
  /** ARG values in the stage (build args applied). */
  args: Readonly<Record<string, string>>;
  escape: string;
  cmdSetInBase: boolean;
  /** diff_ids of the COPY layers, in tail order. */
  diffIds: readonly string[];
}

class TailApplier {
  private cmdSet: boolean;
  constructor(
    private readonly cfg: RunConfig,
    private readonly ctx: TailContext,
  ) {
    this.cmdSet = ctx.cmdSetInBase;
  }

  /** Variables as docker sees them: the stage's ARGs, overridden by the image's env. */
  private scope(): Map<string, string | undefined> {
    const m = new Map<string, string | undefined>(Object.entries(this.ctx.args));
    for (const e of this.cfg.Env ?? []) {
      const eq = e.indexOf('=');
      if (eq > 0) m.set(e.slice(0, eq), e.slice(eq + 1));
    }
    return m;
  }

  private expand(word: string): string {
    return expandWord(word, this.scope(), this.ctx.escape).value;
  }

  /** `A=1 B="x y"` or the legacy `A value with spaces`; values expanded, quotes removed. */
  private pairs(args: string): Array<[string, string]> {
    const words = splitWords(args, this.ctx.escape, true);
    const first = words[0];
    if (!first) return [];
    if (!first.raw.includes('=')) return [[first.raw, args.slice(first.offset + first.raw.length).trim()]];
    const scope = this.scope();
    return words
      .filter((w) => w.raw.indexOf('=') > 0)
      .map((w) => {
        const eq = w.raw.indexOf('=');
        return [
          expandWord(w.raw.slice(0, eq), scope, this.ctx.escape).value,
          expandWord(w.raw.slice(eq + 1), scope, this.ctx.escape).value,
        ];
      });
  }

  private shellForm(args: string): string[] {
    return parseJsonArray(args) ?? [...(this.cfg.Shell?.length ? this.cfg.Shell : ['/bin/sh', '-c']), args.trim()];
  }

  apply(keyword: string, args: string): void {
    const c = this.cfg;
    switch (keyword) {
      case 'env':
        for (const [k, v] of this.pairs(args)) {
          const env = [...(c.Env ?? [])];
          const i = env.findIndex((e) => e.slice(0, e.indexOf('=') === -1 ? e.length : e.indexOf('=')) === k);
          if (i === -1) env.push(`${k}=${v}`);
          else env[i] = `${k}=${v}`;
          c.Env = env;
        }
        return;
      case 'label':
        c.Labels = { ...(c.Labels ?? {}), ...Object.fromEntries(this.pairs(args)) };
        return;
      case 'user':
        c.User = this.expand(args.trim());
        return;
      case 'workdir': {
        const dir = this.expand(args.trim());
        c.WorkingDir = path
          .normalize(dir.startsWith('/') ? dir : path.join(c.WorkingDir || '/', dir))
          .replace(/(.)\/+$/, '$1');
        return;
      }
      case 'expose':
        c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
        for (const w of args.trim().split(/\s+/).filter(Boolean))
          for (const p of exposedPorts(this.expand(w))) c.ExposedPorts[p] = {};
        return;
      case 'entrypoint':
        c.Entrypoint = this.shellForm(args);
        if (!this.cmdSet) c.Cmd = null;
        return;
      case 'cmd':
        c.Cmd = this.shellForm(args);
        this.cmdSet = true;
        return;
      default:
        return; // ARG: already in ctx.args
    }
  }
}

/** `80`, `80/udp`, `8000-8002/tcp` -> `80/tcp`, ... */
export function exposedPorts(spec: string): string[] {
  const m = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(spec);
  if (!m) return [spec.includes('/') ? spec.toLowerCase() : `${spec}/tcp`];
  const proto = (m[3] ?? 'tcp').toLowerCase();
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  const out: string[] = [];
  for (let p = from; p <= to && out.length < 65536; p++) out.push(`${p}/${proto}`);
  return out;
}

/**
 * The new config: the base's, with the tail applied, the COPY layers' diff_ids appended, and a
 * history entry per instruction. `created` stays the base's: the same inputs give the same bytes.
 */
export function appendConfig(base: ImageConfigJson, steps: readonly TailStep[], ctx: TailContext): ImageConfigJson {
  const out: ImageConfigJson = JSON.parse(JSON.stringify(base)) as ImageConfigJson;
  // They describe the container that made the base's last layer, not this image.
  delete out.container;
  delete out.container_config;
  const cfg: RunConfig = out.config ?? {};
  out.config = cfg;
  const applier = new TailApplier(cfg, ctx);
  const diffIds = [...(out.rootfs?.diff_ids ?? [])];
  const history = [...(out.history ?? [])];
  let layer = 0;
  for (const s of steps) {
    const entry: Record<string, unknown> = {
      ...(out.created ? { created: out.created } : {}),
      created_by: `${s.text} # dd-ecs-monitor layer append`,
    };
    if (s.kind === 'copy') {
      const id = ctx.diffIds[layer++];
      if (id) diffIds.push(id);
    } else {
      applier.apply(s.keyword, s.args);
      entry.empty_layer = true;
    }
    history.push(entry);
  }
  out.rootfs = { type: 'layers', diff_ids: diffIds };
  out.history = history;
  return out;
}
