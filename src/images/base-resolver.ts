/**
 * The base-image resolver `deploy` and the live `plan` hand to `prepare`: floating base references
 * resolved to digests (content-hash.ts `resolveBaseDigests`), with the ECR login for bases in ECR
 * and anonymously for the others. Getting the ECR login is best effort: without it, an ECR base is
 * a notice like any unreachable one, never a failed deploy.
 */
import { ECRClient } from '@aws-sdk/client-ecr';
import type { Log } from '../log.js';
import { type BaseDigests, parseImageRef, type RegistryLogin, resolveBaseDigests } from './content-hash.js';
import { getRegistryAuth } from './ecr.js';

/** Short: a base lookup must not hold a deploy up for long when a registry does not answer. */
export const BASE_LOOKUP_TIMEOUT_MS = 10_000;

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]` -> account and region. */
export function ecrHost(host: string): { registryId: string; region: string } | undefined {
  const m = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(host);
  return m ? { registryId: m[1] as string, region: m[2] as string } : undefined;
}

export interface BaseResolverOptions {
  log: Log;
  env: NodeJS.ProcessEnv;
  /** The caller's ECR client (its region's registry); otherwise one is made per region asked. */
  ecr?: ECRClient;
  /** Injected by tests (a guard on hosts); `fetch` otherwise. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Logins for the registries the references name: ECR hosts by pattern, any other host if it is the caller's ECR. */
async function ecrLogins(refs: readonly string[], opts: BaseResolverOptions): Promise<RegistryLogin[]> {
  const hosts = [
    ...new Set(refs.map((r) => parseImageRef(r)?.host).filter((h): h is string => !!h && h !== 'docker.io')),
  ];
  if (hosts.length === 0) return [];
  const byRegion = new Map<string | undefined, Set<string>>();
  for (const h of hosts) {
    const ecr = ecrHost(h);
    // A host that is not ECR's pattern may still be the caller's registry (an endpoint override).
    const region = ecr?.region ?? opts.env.AWS_REGION ?? opts.env.AWS_DEFAULT_REGION;
    const ids = byRegion.get(region) ?? new Set<string>();
    if (ecr) ids.add(ecr.registryId);
    byRegion.set(region, ids);
  }
  const logins = await Promise.all(
    [...byRegion].map(async ([region, ids]) => {
      const own = opts.ecr && (!region || (await opts.ecr.config.region()) === region);
      if (!own && !region) return [];
      const client = own ? (opts.ecr as ECRClient) : new ECRClient({ region: region as string });
      try {
        return await getRegistryAuth(client, [...ids]);
      } catch {
        return [];
      } finally {
        if (!own) client.destroy();
      }
    }),
  );
  const flat = logins.flat();
  for (const l of flat) {
    opts.log.mask(l.password);
    opts.log.mask(Buffer.from(`${l.username}:${l.password}`).toString('base64'));
  }
  return flat;
}

export function baseImageResolver(opts: BaseResolverOptions): (refs: readonly string[]) => Promise<BaseDigests> {
  return async (refs) => {
    const logins = await ecrLogins(refs, opts);
    return resolveBaseDigests(refs, {
      logins,
      timeoutMs: opts.timeoutMs ?? BASE_LOOKUP_TIMEOUT_MS,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
  };
}
