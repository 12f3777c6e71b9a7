/** Reading typed scalars out of an instance. */
import type { YNode } from '../yaml/ast.js';

export const str = (n: YNode | undefined): string | undefined =>
  n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
export const num = (n: YNode | undefined): number | undefined =>
  n?.kind === 'scalar' && typeof n.value === 'number' ? n.value : undefined;
/** Whole numbers only: a 1.5 threshold is already reported as a wrong type. */
export const whole = (n: YNode | undefined): number | undefined => {
  const v = num(n);
  return v !== undefined && Number.isInteger(v) ? v : undefined;
};
export const boolOf = (n: YNode | undefined): boolean | undefined =>
  n?.kind === 'scalar' && typeof n.value === 'boolean' ? n.value : undefined;
