/**
 * Secrets of a container: `secrets` and log `secretOptions` must point at SSM or Secrets Manager,
 * and nothing secret may sit in plain `environment` values or option maps.
 */
import { type YMap, type YNode, get, isMap, isScalar } from '../yaml/ast.js';
import { optionMaps } from './container-rules.js';
import { type Add, type ContainerCtx, mapsOf, scalarOf, strOf } from './rule-context.js';
import { checkSecretRef } from './secret-ref.js';

/** A Datadog API key is 32 hex characters (CONFIG-FACTS part E: a secret in plain sight). */
const DD_KEY_VALUE = /^[0-9a-f]{32}$/i;
const SECRET_NAME = /(?:API_?KEY|APP_?KEY|PASSWORD|PASSWD|TOKEN|SECRET|SECRET_?KEY|ACCESS_?KEY|PRIVATE_?KEY)$/i;
/** Values that refer to a secret rather than hold one. */
const REFERENCE = /^(?:ENC\[.*\]|.*%%env_[A-Za-z0-9_]+%%.*|\$\{[^}]+\}|<[^>]*>)$/;

/**
 * A plain environment value that should have been a secret: the Datadog API key (by name, or a
 * 32-hex value: error) or a credential-like name with a literal value (warning). References such
 * as `ENC[...]` and `%%env_X%%` are not secrets.
 */
export function plainSecretKind(name: string, value: string): 'api-key' | 'credential' | undefined {
  if (value === '' || REFERENCE.test(value)) return undefined;
  if (name === 'DD_API_KEY' || DD_KEY_VALUE.test(value)) return 'api-key';
  if (SECRET_NAME.test(name)) return 'credential';
  return undefined;
}

function checkValueFrom(s: YMap, add: Add): void {
  const vNode = get(s, 'valueFrom');
  const v = strOf(vNode);
  if (!vNode || v === undefined) return;
  const r = checkSecretRef(v);
  if (!r.ok)
    add(
      vNode,
      'error',
      'taskdef/secret-value-from',
      `secret ${strOf(get(s, 'name')) ?? ''} valueFrom is not usable: ${r.problem}`,
    );
}

export function secretRefs({ c, label, add }: ContainerCtx): void {
  const log = get(c, 'logConfiguration');
  for (const s of isMap(log) ? mapsOf(get(log, 'secretOptions')) : []) checkValueFrom(s, add);
  const seen = new Set<string>();
  for (const s of mapsOf(get(c, 'secrets'))) {
    checkValueFrom(s, add);
    const nameNode = get(s, 'name');
    const sn = strOf(nameNode);
    if (sn === undefined || !nameNode) continue;
    if (seen.has(sn))
      add(
        nameNode,
        'warning',
        'taskdef/duplicate-env',
        `${label} lists secret ${sn} twice: the container gets only one`,
      );
    seen.add(sn);
  }
}

export function plainEnvironment({ c, label, isMapped, service, add }: ContainerCtx): void {
  const secretNames = new Set(mapsOf(get(c, 'secrets')).map((s) => strOf(get(s, 'name'))));
  const serviceSecrets = new Set(Object.keys(service?.secrets ?? {}));
  const envNames = new Set<string>();
  for (const e of mapsOf(get(c, 'environment'))) {
    const nNode = get(e, 'name');
    const en = strOf(nNode);
    if (en === undefined || !nNode) continue;
    if (envNames.has(en))
      add(
        nNode,
        'warning',
        'taskdef/duplicate-env',
        `${label} sets ${en} twice in "environment": the container gets only one value`,
      );
    envNames.add(en);
    const fromService = isMapped && serviceSecrets.has(en);
    if (secretNames.has(en) || fromService) {
      add(
        nNode,
        'error',
        'taskdef/secret-and-environment',
        `${label} sets ${en} both as a plain "environment" value and as a secret${fromService ? ` (services.${service?.key}.secrets)` : ''}: remove the plain value`,
      );
      continue;
    }
    const vNode = get(e, 'value');
    const value = scalarOf(vNode);
    const kind = plainSecretKind(
      en,
      typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value),
    );
    if (kind === 'api-key') {
      add(
        vNode ?? nNode,
        'error',
        'taskdef/secret-in-environment',
        `${label}: ${en} holds ${en === 'DD_API_KEY' ? 'the Datadog API key' : 'what looks like a Datadog API key'} as a plain environment value; move it to "secrets" with valueFrom an SSM parameter (e.g. /datadog/apikey)`,
      );
    } else if (kind === 'credential') {
      add(
        vNode ?? nNode,
        'warning',
        'taskdef/secret-like-environment',
        `${label}: ${en} looks like a credential set as a plain environment value; move it to "secrets"`,
      );
    }
  }
}

/** Option maps (log drivers, FireLens) sometimes carry an API key: flag a literal one. */
export function plainOptionSecrets({ c, label, add }: ContainerCtx): void {
  for (const { node, where } of optionMaps(c)) {
    if (!isMap(node)) continue;
    for (const p of node.pairs) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      const v = scalarOf(p.value);
      if (typeof v !== 'string' || v === '' || REFERENCE.test(v)) continue;
      if (DD_KEY_VALUE.test(v) || /^(?:api_?key|apikey|dd_api_key)$/i.test(k)) {
        add(
          p.value as YNode,
          'error',
          'taskdef/secret-in-environment',
          `${label}'s ${where} hold ${k} as plain text: pass it through logConfiguration.secretOptions from SSM or Secrets Manager`,
        );
      }
    }
  }
}
