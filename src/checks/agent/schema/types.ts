/**
 * How an Agent check option is described: our own tables, written from the integration's
 * `spec.yaml` and the `datadog_checks_dev` templates it splices in (see ../schema/*.ts), plus
 * what the agent and the check's config model actually enforce.
 */

/** JSON-Schema-like value types, as the spec files name them. */
export type ValueType = 'string' | 'boolean' | 'integer' | 'number' | 'array' | 'object';

/**
 * Fields the agent's Go code decodes with a fixed type before any check code runs
 * (`CommonInstanceConfig`: CONFIG-FACTS A0). A mismatch means the instance is never scheduled.
 */
export type GoType = 'int' | 'bool' | 'string-list';

export interface OptionSpec {
  name: string;
  /** One type, or the alternatives of an `anyOf`. */
  type: ValueType | readonly ValueType[];
  /** Element type of an array. */
  items?: ValueType;
  /** Known fields of each element of an array of objects (e.g. `custom_queries`). */
  itemOptions?: readonly OptionSpec[];
  /** Known fields of an object value; absent means any keys (e.g. `headers`). */
  options?: readonly OptionSpec[];
  /** Allowed string values. */
  enum?: readonly string[];
  /** The check lower-cases the value before using it (http_check `method`). */
  enumIgnoreCase?: boolean;
  /** The default the check applies when the option is absent (for messages and cross-checks). */
  default?: unknown;
  required?: boolean;
  /** Holds a credential: it should be an `ENC[...]` handle or `%%env_X%%`, and is never shown. */
  secret?: boolean;
  /** May carry credentials without being a secret option (headers, proxy URLs): its value is never shown. */
  sensitive?: boolean;
  /** Valid but left out of the shipped example (`hidden: true` in the spec). */
  hidden?: boolean;
  /** An old name the check still reads (or ignores); `replacement` is the current name. */
  deprecated?: { replacement?: string; note?: string };
  goType?: GoType;
  /**
   * The check's config model (pydantic, validated before the first run: a mismatch is a
   * ConfigurationError every run) does not declare this option, so its type is not enforced.
   */
  untyped?: boolean;
}

export interface CheckSchema {
  /** Options of `init_config`. */
  initConfig: readonly OptionSpec[];
  /** Options of each `instances[]` entry. */
  instance: readonly OptionSpec[];
}
