/**
 * The shared option templates of `datadog_checks_dev` (configuration/templates), as our own
 * tables: `init_config/{default,service,http,db}` and `instances/{default,tags,service,global,
 * http,tls,db}`. Spec files splice them in with `- template: instances/http` and patch them with
 * `overrides:`; http-check.ts and mysql.ts do the same by spreading these arrays.
 */
import type { OptionSpec, ValueType } from './types.js';

type Extra = Omit<OptionSpec, 'name' | 'type'>;

export const str = (name: string, extra: Extra = {}): OptionSpec => ({ name, type: 'string', ...extra });
export const bool = (name: string, extra: Extra = {}): OptionSpec => ({ name, type: 'boolean', ...extra });
export const int = (name: string, extra: Extra = {}): OptionSpec => ({ name, type: 'integer', ...extra });
export const num = (name: string, extra: Extra = {}): OptionSpec => ({ name, type: 'number', ...extra });
export const obj = (name: string, options?: readonly OptionSpec[], extra: Extra = {}): OptionSpec =>
  options ? { name, type: 'object', options, ...extra } : { name, type: 'object', ...extra };
export const list = (name: string, items: ValueType, extra: Extra = {}): OptionSpec => ({
  name,
  type: 'array',
  items,
  ...extra,
});

/** `init_config/service`. */
const INIT_SERVICE = str('service');

/** `init_config/default` = service + hidden `loader`. */
export const INIT_DEFAULT: readonly OptionSpec[] = [INIT_SERVICE, str('loader', { hidden: true })];

const PROXY_OPTIONS = [str('http', { sensitive: true }), str('https', { sensitive: true }), list('no_proxy', 'string')];

/** `init_config/http`. */
export const INIT_HTTP: readonly OptionSpec[] = [
  obj('proxy', PROXY_OPTIONS, { sensitive: true }),
  bool('skip_proxy', { default: false }),
  num('timeout', { default: 10 }),
];

/** `init_config/db`. */
export const INIT_DB: readonly OptionSpec[] = [
  list('global_custom_queries', 'object', { itemOptions: customQueryOptions() }),
];

/** `instances/tags`, `instances/service`, `instances/global` (= `instances/default`), plus the newer generic options. */
export const INSTANCE_DEFAULT: readonly OptionSpec[] = [
  list('tags', 'string', { goType: 'string-list' }),
  str('service'),
  num('min_collection_interval', { default: 15, goType: 'int' }),
  bool('empty_default_hostname', { default: false, goType: 'bool' }),
  // Rendered in both shipped examples although the copied `instances/global` template predates them (SOURCES.md).
  obj('metric_patterns', [list('include', 'string'), list('exclude', 'string')]),
  bool('disable_generic_tags', { hidden: true, default: false }),
];

/**
 * Instance fields the agent itself reads (`CommonInstanceConfig`, `commonInstanceConfig.loader`):
 * valid in any check's instance even where the check's spec does not list them.
 */
export const AGENT_RESERVED: readonly OptionSpec[] = [
  str('namespace', { hidden: true, untyped: true }),
  bool('no_index', { hidden: true, untyped: true }),
  str('loader', { hidden: true, untyped: true }),
];

/** `instances/http`. */
export const INSTANCE_HTTP: readonly OptionSpec[] = [
  obj('proxy', PROXY_OPTIONS, { sensitive: true }),
  bool('skip_proxy', { default: false }),
  str('auth_type', { default: 'basic', enum: ['basic', 'digest', 'ntlm', 'kerberos', 'aws'] }),
  bool('use_legacy_auth_encoding', { default: true }),
  str('username'),
  str('password', { secret: true }),
  str('ntlm_domain'),
  str('kerberos_auth', { default: 'disabled', enum: ['required', 'optional', 'disabled'] }),
  str('kerberos_cache'),
  bool('kerberos_delegate', { default: false }),
  bool('kerberos_force_initiate', { default: false }),
  str('kerberos_hostname'),
  str('kerberos_principal'),
  str('kerberos_keytab'),
  obj('auth_token', [obj('reader'), obj('writer')], { secret: true }),
  str('aws_region'),
  str('aws_host'),
  str('aws_service'),
  bool('tls_verify', { default: true }),
  bool('tls_use_host_header', { default: false }),
  bool('tls_ignore_warning', { default: false }),
  str('tls_cert'),
  str('tls_private_key'),
  str('tls_ca_cert'),
  list('tls_protocols_allowed', 'string', { default: ['SSLv3', 'TLSv1.2', 'TLSv1.3'] }),
  list('tls_ciphers', 'string'),
  obj('headers', undefined, { sensitive: true }),
  obj('extra_headers', undefined, { sensitive: true }),
  num('timeout', { default: 10 }),
  num('connect_timeout'),
  num('read_timeout'),
  num('request_size', { default: 16 }),
  bool('log_requests', { default: false }),
  bool('persist_connections', { default: false }),
  bool('allow_redirects', { default: true }),
];

/** `instances/tls`. */
export const INSTANCE_TLS: readonly OptionSpec[] = [
  bool('tls_verify', { default: true }),
  str('tls_ca_cert'),
  str('tls_cert'),
  str('tls_private_key'),
  str('tls_private_key_password', { secret: true }),
  bool('tls_validate_hostname', { default: true }),
  list('tls_ciphers', 'string'),
];

/** Fields of one `custom_queries` entry (the `CustomQuery` config model). */
export function customQueryOptions(): readonly OptionSpec[] {
  return [
    str('query'),
    list('columns', 'object'),
    list('tags', 'string'),
    int('collection_interval'),
    str('metric_prefix'),
  ];
}

/** `instances/db`. */
export const INSTANCE_DB: readonly OptionSpec[] = [
  bool('only_custom_queries', { default: false }),
  str('use_global_custom_queries', { default: 'true', enum: ['true', 'false', 'extend'] }),
  list('custom_queries', 'object', { itemOptions: customQueryOptions() }),
];

/**
 * Spread templates the way the spec tooling does: a later option with the same name replaces the
 * earlier one (templates overlap, e.g. `tls_verify` in both `instances/http` and `instances/tls`).
 */
export function mergeOptions(...groups: ReadonlyArray<readonly OptionSpec[]>): OptionSpec[] {
  const byName = new Map<string, OptionSpec>();
  for (const g of groups) for (const o of g) byName.set(o.name, { ...byName.get(o.name), ...o });
  return [...byName.values()];
}

/** `overrides:` — patch fields of named options. */
export function override(options: readonly OptionSpec[], patches: Record<string, Partial<OptionSpec>>): OptionSpec[] {
  return options.map((o) => (patches[o.name] ? { ...o, ...patches[o.name] } : o));
}
