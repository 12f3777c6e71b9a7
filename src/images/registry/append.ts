/**
 * The config tail appended to the base image through the registry, without Docker: read the
 * base manifest (for an index, the entry of the task's platform) and config, build one layer per
 * COPY, write the new config, upload what the repository lacks, PUT the manifest under each tag.
 * No base layer is read: the new manifest lists the base's layer descriptors as they are, and the
 * blobs are already in the same repository. No blob at all is read when the base's config was
 * published as `base-<hash>-config` (base-config.ts); a base pushed without it (by an older version
 * or by hand) has its config blob read once, and the `-config` manifest is then published for next time.
 */
import {
  appendConfig,
  familyOf,
  type ImageConfigJson,
  type ImageManifest,
  isIndex,
  MANIFEST_ACCEPT,
  MEDIA,
  type Platform,
  pickPlatform,
} from './image-config.js';
import { publishBaseConfig, readBaseConfig } from './base-config.js';
import type { RegistryClient, TransferStats } from './client.js';
import { buildLayer, type Layer, type LayerEntry, sha256 } from './layer.js';
import type { TailStep } from '../../project/config-tail.js';

export interface AppendInput {
  client: RegistryClient;
  /** Tag (or digest) of the base in the same repository. */
  base: string;
  platform: Platform;
  steps: readonly TailStep[];
  /** Layer entries of each COPY step, in tail order. */
  layers: readonly LayerEntry[][];
  args: Readonly<Record<string, string>>;
  escape: string;
  cmdSetInBase: boolean;
  /** Tags to PUT the manifest under, the content tag first. */
  tags: readonly string[];
  /** Says where the base config came from when it was not the `-config` manifest. */
  note?: (line: string) => void;
}

export interface AppendResult {
  digest: string;
  manifestMediaType: string;
  layers: Layer[];
  stats: TransferStats;
  /** `manifest`: read from `<base>-config`, no blob GET; `blob`: the base's config blob was read. */
  baseConfigFrom: 'manifest' | 'blob';
}

function parseJson<T>(bytes: Buffer, what: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new Error(`${what} is not JSON`);
  }
}

/** The base's single-platform manifest: itself, or its index's entry for `platform`. */
export async function baseManifest(
  client: RegistryClient,
  ref: string,
  platform: Platform,
): Promise<{ manifest: ImageManifest; mediaType: string }> {
  const got = await client.manifest(ref, MANIFEST_ACCEPT);
  let doc = parseJson<ImageManifest & { manifests?: ImageManifest['layers'] }>(got.bytes, `manifest of ${ref}`);
  let mediaType = doc.mediaType ?? got.mediaType;
  if (isIndex(mediaType) || Array.isArray(doc.manifests)) {
    const entry = pickPlatform(doc.manifests ?? [], platform);
    if (!entry) {
      const have = (doc.manifests ?? []).map((m) => `${m.platform?.os}/${m.platform?.architecture}`).join(', ');
      throw new Error(`base ${ref} has no ${platform.os}/${platform.architecture} image (it has ${have || 'none'})`);
    }
    const one = await client.manifest(entry.digest, [MEDIA.ociManifest, MEDIA.dockerManifest]);
    doc = parseJson<ImageManifest>(one.bytes, `manifest ${entry.digest}`);
    mediaType = doc.mediaType ?? one.mediaType ?? entry.mediaType;
  }
  if (mediaType !== MEDIA.ociManifest && mediaType !== MEDIA.dockerManifest) {
    throw new Error(`base ${ref} has a manifest of type "${mediaType}", neither Docker v2 schema 2 nor OCI`);
  }
  if (!doc.config?.digest || !Array.isArray(doc.layers))
    throw new Error(`base ${ref} has a manifest without config or layers`);
  return { manifest: doc, mediaType };
}

/** Key order fixed by construction, so the same inputs give the same manifest bytes and digest. */
function manifestBytes(
  mediaType: string,
  config: { digest: string; size: number },
  layers: ImageManifest['layers'],
): Buffer {
  const fam = familyOf(mediaType);
  const doc = {
    schemaVersion: 2,
    mediaType: fam.manifest,
    config: { mediaType: fam.config, digest: config.digest, size: config.size },
    layers,
  };
  return Buffer.from(JSON.stringify(doc), 'utf8');
}

/** The base's config blob, checked against its digest. */
export async function configBlob(client: RegistryClient, manifest: ImageManifest): Promise<Buffer> {
  const bytes = await client.blob(manifest.config.digest);
  if (sha256(bytes) !== manifest.config.digest)
    throw new Error(`the base config does not match its digest ${manifest.config.digest}`);
  return bytes;
}

/** The base config from `<base>-config` (a manifest GET), else its blob, then published for next time. */
async function baseConfigBytes(
  input: AppendInput,
  manifest: ImageManifest,
): Promise<{ bytes: Buffer; from: 'manifest' | 'blob' }> {
  const { client, base } = input;
  const read = await readBaseConfig(client, base, manifest);
  if ('config' in read) return { bytes: read.config, from: 'manifest' };
  input.note?.(`reading the config blob of ${base} (${read.missing}: pushed by an older version or by hand)`);
  const bytes = await configBlob(client, manifest);
  const pub = await publishBaseConfig(client, base, manifest, bytes);
  input.note?.(
    pub.published ? `published ${base}-config: later appends read no blob` : `${base}-config not published: ${pub.why}`,
  );
  return { bytes, from: 'blob' };
}

export async function appendTail(input: AppendInput): Promise<AppendResult> {
  const { client } = input;
  const { manifest, mediaType } = await baseManifest(client, input.base, input.platform);
  const { bytes: configBytes, from } = await baseConfigBytes(input, manifest);
  const baseConfig = parseJson<ImageConfigJson>(configBytes, 'base image config');

  const layers = input.layers.map((entries) => buildLayer(entries));
  const config = appendConfig(baseConfig, input.steps, {
    args: input.args,
    escape: input.escape,
    cmdSetInBase: input.cmdSetInBase,
    diffIds: layers.map((l) => l.diffId),
  });
  const newConfig = Buffer.from(JSON.stringify(config), 'utf8');
  const fam = familyOf(mediaType);
  const layerDescs = [
    ...manifest.layers,
    ...layers.map((l) => ({ mediaType: fam.layer, digest: l.digest, size: l.blob.length })),
  ];
  const bytes = manifestBytes(mediaType, { digest: sha256(newConfig), size: newConfig.length }, layerDescs);
  const digest = sha256(bytes);

  for (const l of layers) await client.putBlob(l.digest, l.blob);
  await client.putBlob(sha256(newConfig), newConfig);
  for (const tag of input.tags) {
    const answered = await client.putManifest(tag, fam.manifest, bytes);
    if (answered && answered !== digest)
      throw new Error(`the registry stored ${tag} as ${answered}, not the pushed ${digest}`);
  }
  return { digest, manifestMediaType: fam.manifest, layers, stats: { ...client.stats }, baseConfigFrom: from };
}
