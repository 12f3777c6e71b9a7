/**
 * How an image gets made: by a layer append on top of its base (the Dockerfile splits into a base
 * and a config tail; src/project/config-tail.ts), or by docker build (it does not, and why).
 * The base has its own content hash over only what the base part reads, so a config-only change
 * leaves `base-<hash>` as it is in ECR and needs no Docker at all.
 */
import { createHash, type Hash } from 'node:crypto';
import { lstat, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { readSource, sourceFromText } from '../checks/source.js';
import { type ConfigTail, splitConfigTail, type TailStep } from '../project/config-tail.js';
import { contextInputs, parseDockerfile, type Stage, finalStage } from '../project/dockerfile.js';
import { copyTargets } from '../project/copy-expand.js';
import { listContextFiles } from '../project/dockerignore.js';
import type { LayerEntry } from './registry/layer.js';
import type { ImageSpec } from './types.js';

/** Bump when what goes into the base hash changes. */
export const BASE_HASH_FORMAT = 'dd-ecs-monitor/base-inputs/v1';

export interface TailCopy {
  step: Extract<TailStep, { kind: 'copy' }>;
  /** Image path -> context-relative source. */
  targets: Map<string, string>;
}

export type ImageMethod =
  | {
      kind: 'append';
      baseHash: string;
      /** `base-<32 hex>` in the image's own repository. */
      baseTag: string;
      tail: ConfigTail;
      copies: TailCopy[];
      files: number;
      bytes: number;
    }
  | { kind: 'docker'; reason: string };

/** What `plan` and the summary print: "layer append (2 files, 1.3 KB)" or "docker build (why)". */
export function describeMethod(m: ImageMethod): string {
  return m.kind === 'append'
    ? `layer append (${m.files} file${m.files === 1 ? '' : 's'}, ${formatKb(m.bytes)})`
    : `docker build (${m.reason})`;
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function baseTagOf(hash: string): string {
  return `base-${hash.slice(0, 32)}`;
}

function field(h: Hash, name: string, value: string | Buffer): void {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  h.update(`${name} ${bytes.length}\n`);
  h.update(bytes);
  h.update('\n');
}

/** Same rules as the image content hash: only the executable bit of a mode counts (git keeps no more). */
async function hashBaseInputs(
  spec: ImageSpec,
  baseText: string,
  baseImages: readonly string[],
  files: readonly string[],
): Promise<string> {
  const h = createHash('sha256');
  field(h, 'format', BASE_HASH_FORMAT);
  field(h, 'dockerfile', baseText);
  const args = Object.entries(spec.buildArgs ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  field(h, 'build-args', JSON.stringify(args));
  field(h, 'base-images', JSON.stringify(baseImages));
  // A floating base's resolved digest (absent: hashed by name, as before): a moved tag rebuilds the base.
  for (const ref of baseImages) {
    const digest = spec.baseDigests?.[ref];
    if (digest) field(h, 'base-digest', `${ref} ${digest}`);
  }
  field(h, 'platform', spec.platform ?? '');
  for (const rel of [...files].sort()) {
    field(h, 'path', rel);
    const abs = path.join(spec.contextDir, rel);
    const st = await lstat(abs).catch(() => undefined);
    if (!st) field(h, 'missing', '');
    else if (st.isSymbolicLink()) field(h, 'symlink', await readlink(abs));
    else if (st.isFile()) {
      field(h, 'mode', st.mode & 0o111 ? '755' : '644');
      field(h, 'bytes', await readFile(abs));
    } else field(h, 'other', '');
  }
  return h.digest('hex');
}

async function tailSize(spec: ImageSpec, copies: readonly TailCopy[]): Promise<{ files: number; bytes: number }> {
  const unique = new Map<string, string>();
  for (const c of copies) for (const [t, s] of c.targets) unique.set(t, s);
  let bytes = 0;
  for (const s of unique.values())
    bytes += (await lstat(path.join(spec.contextDir, s)).catch(() => undefined))?.size ?? 0;
  return { files: unique.size, bytes };
}

async function firstSymlink(contextDir: string, sources: Iterable<string>): Promise<string | undefined> {
  for (const s of sources)
    if ((await lstat(path.join(contextDir, s)).catch(() => undefined))?.isSymbolicLink()) return s;
  return undefined;
}

/** Splits the image's Dockerfile and hashes its base; never throws (a problem is a docker-build reason). */
export async function imageMethod(spec: ImageSpec): Promise<ImageMethod> {
  try {
    const src = readSource(path.basename(spec.dockerfile), spec.dockerfile);
    if (!src.ok) return { kind: 'docker', reason: 'the Dockerfile cannot be read' };
    const buildArgs = { ...(spec.buildArgs ?? {}) };
    const df = parseDockerfile(src.source, buildArgs);
    const split = splitConfigTail(src.source, df, buildArgs, spec.target);
    if (!split.ok) return { kind: 'docker', reason: split.reason };
    const stage = finalStage(df, spec.target) as Stage;
    const listing = listContextFiles(spec.contextDir, { dockerfile: spec.dockerfile });
    const copies: TailCopy[] = [];
    const seen = new Map<string, string>();
    for (const step of split.steps) {
      if (step.kind !== 'copy') continue;
      const targets = copyTargets(step.copy, listing.files, stage, seen);
      if (targets.size === 0)
        return { kind: 'docker', reason: `COPY on line ${step.line} matches no file in the build context` };
      const link = await firstSymlink(spec.contextDir, targets.values());
      // A named source that is a link is followed, a link inside a copied directory is kept: left to docker.
      if (link) return { kind: 'docker', reason: `COPY on line ${step.line} copies the symbolic link ${link}` };
      for (const [k, v] of targets) seen.set(k, v);
      copies.push({ step, targets });
    }
    const baseDf = parseDockerfile(sourceFromText(src.source.file, split.baseText), buildArgs);
    const baseImages = baseDf.stages.map((s) => (s.baseStage === undefined ? s.baseImage : `stage:${s.baseStage}`));
    const baseHash = await hashBaseInputs(spec, split.baseText, baseImages, contextInputs(baseDf, listing.files));
    return {
      kind: 'append',
      baseHash,
      baseTag: baseTagOf(baseHash),
      tail: split,
      copies,
      ...(await tailSize(spec, copies)),
    };
  } catch (err) {
    return { kind: 'docker', reason: `the Dockerfile could not be split: ${(err as Error).message}` };
  }
}

function parseChown(chown: string | undefined): { uid: number; gid: number } {
  if (!chown) return { uid: 0, gid: 0 };
  // "A UID without GID will use the same numeric UID as the GID" (Dockerfile reference, COPY --chown).
  const [u, g] = chown.split(':');
  return { uid: Number(u), gid: Number(g ?? u) };
}

/**
 * The layer entries of one COPY. Owner 0:0 unless `--chown` ("All new files and directories are
 * created with a UID and GID of 0", Dockerfile reference). Modes: docker keeps the context file's
 * mode; here it is 0755 or 0644 from the executable bit, which is all git records, so every
 * checkout gives the same layer (under the usual umask 022 that is exactly docker's result).
 *
 * Every parent directory is written, 0755 root:root, as docker creates a missing destination
 * directory. It cannot be left to the layer applier: docker's applier creates a parent a layer
 * does not list with mode 0600 (seen in test/images/append), which no program in the image could
 * enter. The price: a parent the base already has with another owner or mode is reset to 0755
 * root:root, where docker's own layer would carry the base's metadata (it is not known without
 * the base's layers, which are never downloaded). docs/images.md says so.
 */
export async function copyEntries(contextDir: string, c: TailCopy): Promise<LayerEntry[]> {
  const { uid, gid } = parseChown(c.step.copy.chown);
  const chmod = c.step.copy.chmod === undefined ? undefined : parseInt(c.step.copy.chmod, 8);
  const dest = c.step.copy.dest;
  const out: LayerEntry[] = [];
  const dirs = new Map<string, { mode: number; uid: number; gid: number }>();
  for (const [target, source] of c.targets) {
    const abs = path.join(contextDir, source);
    const st = await lstat(abs);
    if (st.isSymbolicLink())
      out.push({ path: target, type: 'symlink', mode: 0o777, uid, gid, linkname: await readlink(abs) });
    else
      out.push({
        path: target,
        type: 'file',
        mode: chmod ?? (st.mode & 0o111 ? 0o755 : 0o644),
        uid,
        gid,
        data: await readFile(abs),
      });
    const under = dest === '/' ? '' : dest;
    for (let d = path.posix.dirname(target); d !== '/'; d = path.posix.dirname(d)) {
      // Directories a directory source brings along take the COPY's owner and mode; parents of the destination are root's.
      const inSource = d.startsWith(`${under}/`) && d !== dest;
      dirs.set(d, inSource ? { mode: chmod ?? 0o755, uid, gid } : { mode: 0o755, uid: 0, gid: 0 });
    }
  }
  for (const [d, meta] of dirs) out.push({ path: d, type: 'dir', ...meta });
  return out;
}

/** Offline, ECR is not asked whether the base exists: say what happens either way. */
export async function offlineMethod(spec: ImageSpec): Promise<string> {
  const m = await imageMethod(spec);
  if (m.kind === 'docker') return describeMethod(m);
  const how = `${describeMethod(m)} on ${m.baseTag} (docker builds that base first if ECR lacks it)`;
  return spec.fluentdCheck
    ? `${how}; fluentd --dry-run in the base with the new files mounted, skipped if no Docker engine answers`
    : how;
}

/**
 * The platform a task definition runs: `runtimePlatform.cpuArchitecture` ARM64 -> linux/arm64,
 * X86_64 -> linux/amd64 (ECS RuntimePlatform); undefined when it does not say (Fargate: X86_64).
 */
export function taskPlatform(taskDef: Record<string, unknown> | undefined): string | undefined {
  const rp = taskDef?.runtimePlatform;
  if (typeof rp !== 'object' || rp === null) return undefined;
  const arch = (rp as { cpuArchitecture?: unknown }).cpuArchitecture;
  return arch === 'ARM64' ? 'linux/arm64' : arch === 'X86_64' ? 'linux/amd64' : undefined;
}
