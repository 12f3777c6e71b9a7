/**
 * From a project's image entry to its content hash: the Dockerfile model says which context
 * files the build reads (COPY/ADD sources, after `.dockerignore`) and which base images its
 * stages start from; the hash covers exactly those. A file the build does not read, or one
 * `.dockerignore` drops, cannot change the hash.
 */
import path from 'node:path';
import type { Finding } from '../checks/findings.js';
import { readSource } from '../checks/source.js';
import { contextInputs, type Dockerfile, parseDockerfile } from '../project/dockerfile.js';
import { listContextFiles } from '../project/dockerignore.js';
import { contentHash } from './content-hash.js';

export interface ImageInputsOptions {
  /** Absolute repository root (nothing outside it is read). */
  root: string;
  /** Absolute build context directory. */
  contextDir: string;
  /** Absolute Dockerfile path. */
  dockerfile: string;
  buildArgs?: Readonly<Record<string, string>>;
  platform?: string;
  target?: string;
}

export interface ImageInputs {
  /** Undefined when the Dockerfile cannot be read (see `findings`). */
  hash: string | undefined;
  /** Context-relative files the build reads, sorted. */
  files: string[];
  /** Base image references of all stages, in order. */
  baseImages: string[];
  /** Why the hash could not be computed, when it could not (the validators report the rest). */
  findings: Finding[];
}

export async function imageInputs(opts: ImageInputsOptions): Promise<ImageInputs> {
  const display = path.relative(opts.root, opts.dockerfile).split(path.sep).join('/');
  const src = readSource(display, opts.dockerfile);
  if (!src.ok) return { hash: undefined, files: [], baseImages: [], findings: src.findings };
  const df = parseDockerfile(src.source, { ...(opts.buildArgs ?? {}) });
  const listing = listContextFiles(opts.contextDir, { root: opts.root, dockerfile: opts.dockerfile });
  return parsedImageInputs(opts, df, contextInputs(df, listing.files));
}

/**
 * The same for a Dockerfile already parsed (with the same build args) and the context files its
 * build reads already known: validation's image layout, so neither is read twice.
 */
export async function parsedImageInputs(
  opts: Omit<ImageInputsOptions, 'root'>,
  df: Dockerfile,
  files: string[],
  /** Digests of floating base references (content-hash.ts `resolveBaseDigests`), when resolved. */
  baseDigests?: ReadonlyMap<string, string>,
): Promise<ImageInputs> {
  // A stage built FROM an earlier stage names that stage, which the Dockerfile bytes already cover.
  const baseImages = df.stages.map((s) => (s.baseStage === undefined ? s.baseImage : `stage:${s.baseStage}`));
  const hash = await contentHash({
    contextDir: opts.contextDir,
    dockerfile: opts.dockerfile,
    buildArgs: opts.buildArgs,
    baseImages,
    files,
    platform: opts.platform,
    target: opts.target,
    ...(baseDigests ? { baseDigests } : {}),
  });
  return { hash, files, baseImages, findings: [] };
}
