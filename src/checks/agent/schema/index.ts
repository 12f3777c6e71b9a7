/** Option tables by check, and name lookups built once per table. */
import type { AgentCheckKind } from '../kind.js';
import { HTTP_CHECK_SCHEMA } from './http-check.js';
import { MYSQL_SCHEMA } from './mysql.js';
import type { CheckSchema, OptionSpec } from './types.js';

export const SCHEMAS: Record<AgentCheckKind, CheckSchema> = {
  http_check: HTTP_CHECK_SCHEMA,
  mysql: MYSQL_SCHEMA,
};

export interface OptionTable {
  byName: ReadonlyMap<string, OptionSpec>;
  /** Current (not deprecated) names, for did-you-mean. */
  current: readonly string[];
}

const tables = new WeakMap<readonly OptionSpec[], OptionTable>();

export function optionTable(options: readonly OptionSpec[]): OptionTable {
  let t = tables.get(options);
  if (!t) {
    t = {
      byName: new Map(options.map((o) => [o.name, o])),
      current: options.filter((o) => !o.deprecated).map((o) => o.name),
    };
    tables.set(options, t);
  }
  return t;
}
