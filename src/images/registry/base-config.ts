/**
 * The base's image config, published where an append reads it with a manifest GET instead of a blob
 * GET: beside `base-<hash>` (left exactly as docker pushed it, so appended digests do not change),
 * the tag `base-<hash>-config` holds an OCI image manifest of the same config and layers whose
 * annotation `io.dd-ecs-monitor.base-config` is the config's bytes in base64.
 * - OCI image spec, annotations.md: annotations are a string-to-string map on image manifests,
 *   keys in reverse domain notation; consumers ignore unknown keys. The manifest is a plain, pullable
 *   image (same blobs; media types are the OCI ones, blobs are content-addressed).
 * - Size: distribution-spec ("clients and registries SHOULD expect to support manifest pushes of at
 *   least 4 megabytes", opencontainers/distribution-spec#293); ECR's limit is 4 MiB too. A config
 *   whose manifest would pass MAX_BYTES is not published; appends then read its blob as before.
 * - Immutable tags: only a new tag is PUT, never one that exists; the base tag is not touched.
 * - Trust: the decoded bytes must hash to the base manifest's config digest, else they are unused.
 */
import { sha256 } from './layer.js';
import type { RegistryClient } from './client.js';
import { type ImageManifest, MEDIA } from './image-config.js';

export const BASE_CONFIG_ANNOTATION = 'io.dd-ecs-monitor.base-config';
/** Well under the 4 MiB that the distribution spec and ECR accept. */
export const MAX_BYTES = 1024 * 1024;

export function configTagOf(baseTag: string): string {
  return `${baseTag}-config`;
}

function ociLayerType(mediaType: string): string {
  if (mediaType === MEDIA.dockerLayer) return MEDIA.ociLayer;
  if (mediaType === 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip')
    return 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip';
  return mediaType;
}

/** The OCI manifest that carries `config` (the base's config bytes) beside the base's own descriptors. */
export function baseConfigManifest(base: ImageManifest, config: Buffer): Buffer | undefined {
  const doc = {
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    config: { mediaType: MEDIA.ociConfig, digest: base.config.digest, size: base.config.size },
    layers: base.layers.map((l) => ({ mediaType: ociLayerType(l.mediaType), digest: l.digest, size: l.size })),
    annotations: { [BASE_CONFIG_ANNOTATION]: config.toString('base64') },
  };
  const bytes = Buffer.from(JSON.stringify(doc), 'utf8');
  return bytes.length <= MAX_BYTES ? bytes : undefined;
}

export type BaseConfigRead = { config: Buffer } | { missing: string };

/** The config bytes from a `-config` manifest, if they are there and hash to `base`'s config digest. */
export function configFromManifest(bytes: Buffer, base: ImageManifest): BaseConfigRead {
  let doc: { annotations?: Record<string, unknown> };
  try {
    doc = JSON.parse(bytes.toString('utf8')) as typeof doc;
  } catch {
    return { missing: 'its config manifest is not JSON' };
  }
  const text = doc.annotations?.[BASE_CONFIG_ANNOTATION];
  if (typeof text !== 'string') return { missing: `its config manifest has no ${BASE_CONFIG_ANNOTATION} annotation` };
  const config = Buffer.from(text, 'base64');
  if (sha256(config) !== base.config.digest)
    return { missing: `its config manifest holds another config than ${base.config.digest}` };
  return { config };
}

/** Reads the config from `<baseTag>-config`: one manifest GET; a 404 says the base predates it. */
export async function readBaseConfig(
  client: RegistryClient,
  baseTag: string,
  base: ImageManifest,
): Promise<BaseConfigRead> {
  try {
    const got = await client.manifest(configTagOf(baseTag), [MEDIA.ociManifest]);
    return configFromManifest(got.bytes, base);
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 404) return { missing: `${configTagOf(baseTag)} is not in the repository` };
    throw err;
  }
}

/** PUTs `<baseTag>-config`; false (and why) when the config is too large or the registry refuses it. */
export async function publishBaseConfig(
  client: RegistryClient,
  baseTag: string,
  base: ImageManifest,
  config: Buffer,
): Promise<{ published: true } | { published: false; why: string }> {
  const bytes = baseConfigManifest(base, config);
  if (!bytes) return { published: false, why: `its config manifest would pass ${MAX_BYTES} bytes` };
  try {
    await client.putManifest(configTagOf(baseTag), MEDIA.ociManifest, bytes);
    return { published: true };
  } catch (err) {
    return { published: false, why: (err as Error).message };
  }
}
