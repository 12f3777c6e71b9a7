/**
 * How a plugin's configuration is described: the project's own transcription of each plugin's
 * `config_param` / `config_section` declarations (fluentd's `configure_proxy.rb` model), with the
 * source cited next to each schema.
 */
import type { ParamType } from '../values.js';

export interface ParamSpec {
  type: ParamType;
  list?: readonly string[];
  /** No default: fluentd refuses to start without it (`'X' parameter is required`). */
  required?: boolean;
  /** A credential: never shown in messages, and a literal value is a finding. */
  secret?: boolean;
  /** `deprecated:` in the plugin: accepted with a warning; the text says what to use instead. */
  deprecated?: string;
  /** `obsoleted:` in the plugin: fluentd refuses the parameter. */
  obsoleted?: string;
}

export type PluginKind = 'input' | 'output' | 'filter' | 'parser' | 'formatter' | 'buffer';

/** A sub-section whose parameters depend on its own `@type` (a parser, formatter, buffer, output). */
export interface PluggableRef {
  plug: 'parser' | 'formatter' | 'buffer' | 'output' | 'secondary';
  multi?: boolean;
  required?: boolean;
  /** `@type` has no default here: `@type is required in <parse>`. */
  requireType?: boolean;
  /** The type used when `@type` is absent (e.g. `<format>` of out_stdout defaults to `stdout`). */
  defaultType?: string;
}

export interface FixedRef {
  spec: SectionSpec;
  multi?: boolean;
  required?: boolean;
}

export type SectionRef = PluggableRef | FixedRef;

export interface SectionSpec {
  params: Readonly<Record<string, ParamSpec>>;
  sections?: Readonly<Record<string, SectionRef>>;
  /** Any parameter is accepted (record keys, pass-through to a nested plugin, an incomplete schema). */
  open?: boolean;
  /** Legacy flat parameters that `compat_parameters` moves into a sub-section: accepted silently. */
  compat?: readonly string[];
}

export interface PluginSpec {
  kind: PluginKind;
  name: string;
  /** Where the schema was transcribed from (shown in test names, kept for maintainers). */
  source: string;
  spec: SectionSpec;
}

export const str: ParamSpec = { type: 'string' };
export const int: ParamSpec = { type: 'integer' };
export const flt: ParamSpec = { type: 'float' };
export const bool: ParamSpec = { type: 'bool' };
export const size: ParamSpec = { type: 'size' };
export const time: ParamSpec = { type: 'time' };
export const arr: ParamSpec = { type: 'array' };
export const hash: ParamSpec = { type: 'hash' };
export const regexp: ParamSpec = { type: 'regexp' };
export const required = (p: ParamSpec): ParamSpec => ({ ...p, required: true });
export const secret = (p: ParamSpec): ParamSpec => ({ ...p, secret: true });
export const oneOf = (...list: string[]): ParamSpec => ({ type: 'enum', list });
export const deprecated = (p: ParamSpec, instead: string): ParamSpec => ({ ...p, deprecated: instead });
export const obsoleted = (p: ParamSpec, instead: string): ParamSpec => ({ ...p, obsoleted: instead });

export function isPluggable(ref: SectionRef): ref is PluggableRef {
  return 'plug' in ref;
}

/** `format1` .. `format20` and friends. */
export function numbered(prefix: string, max: number, p: ParamSpec): Record<string, ParamSpec> {
  const out: Record<string, ParamSpec> = {};
  for (let i = 1; i <= max; i++) out[`${prefix}${i}`] = p;
  return out;
}
