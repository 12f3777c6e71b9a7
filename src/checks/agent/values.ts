/**
 * Values the agent rewrites before a check sees them: `ENC[handle]` secrets (resolved by the
 * secret backend; only when the handle is the whole scalar: CONFIG-FACTS A2) and `%%env_NAME%%`
 * (replaced from the agent container's environment: CONFIG-FACTS A1).
 */
import { quoteValue } from '../findings.js';
import type { YNode, YScalar } from '../yaml/ast.js';

const ENC_WHOLE = /^ENC\[([\s\S]*)\]$/;
const ENV_REF = /%%env_([^%]*)%%/g;

/** The handle when the whole string is `ENC[handle]`. */
export function encHandle(value: string): string | undefined {
  const m = ENC_WHOLE.exec(value);
  return m ? m[1] : undefined;
}

/** `ENC[` somewhere in the string without being the whole of it: the agent sends it literally. */
export function isPartialEnc(value: string): boolean {
  return value.includes('ENC[') && !ENC_WHOLE.test(value);
}

export function envRefs(value: string): string[] {
  if (!value.includes('%%env_')) return [];
  return [...value.matchAll(ENV_REF)].map((m) => m[1] as string);
}

/** A string the agent replaces at run time, so its final value (and type) is unknown here. */
export function isIndirect(node: YNode): node is YScalar & { value: string } {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return false;
  return encHandle(node.value) !== undefined || node.value.includes('%%env_');
}

/** How a value reads in a message; a secret option's value is never shown. */
export function describe(node: YNode, secret = false): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  const v = node.value;
  if (v === null) return 'empty';
  if (typeof v === 'boolean') return secret ? 'a boolean' : `the boolean ${node.text}`;
  if (typeof v === 'number') return secret ? 'a number' : `the number ${node.text}`;
  if (secret) return 'a string';
  return `the string ${quoteValue(v, 60)}`;
}
