/** Is the rendered task definition the one already registered? Compared after normalisation. */
import { canonicalJson } from './json.js';
import { normalizeTaskDefinition } from './normalize.js';

export function canonicalTaskDefinition(td: unknown): string {
  return canonicalJson(normalizeTaskDefinition(td));
}

export function sameTaskDefinition(a: unknown, b: unknown): boolean {
  return canonicalTaskDefinition(a) === canonicalTaskDefinition(b);
}
