/**
 * http_check options, from integrations-core `http_check/assets/configuration/spec.yaml` (copied
 * in shared/reference) with the templates it pulls in, the config model
 * (`config_models/instance.py`, which also declares `use_truststore`) and the legacy names the
 * check still remaps (`HTTP_CONFIG_REMAPPER`, CONFIG-FACTS A3).
 */
import {
  AGENT_RESERVED,
  INIT_DEFAULT,
  INIT_HTTP,
  INSTANCE_DEFAULT,
  INSTANCE_HTTP,
  INSTANCE_TLS,
  bool,
  int,
  mergeOptions,
  override,
  str,
} from './templates.js';
import type { CheckSchema, OptionSpec } from './types.js';

/** Methods the check can call on its requests wrapper (`getattr(self.http, method.lower())`). */
export const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'] as const;

const HTTP_CHECK_OWN: readonly OptionSpec[] = [
  str('name', { required: true }),
  str('url', { required: true }),
  str('method', { default: 'get', enum: HTTP_METHODS, enumIgnoreCase: true }),
  { name: 'data', type: ['object', 'string'] },
  str('content_match'),
  bool('reverse_content_match', { default: false }),
  { name: 'http_response_status_code', type: ['string', 'integer'], default: '(1|2|3)\\d\\d' },
  bool('include_content', { default: false }),
  bool('collect_response_time', { default: true }),
  bool('check_certificate_expiration', { default: true }),
  bool('use_cert_from_response', { default: false }),
  bool('tls_retrieve_non_validated_cert', { default: false }),
  int('days_warning', { default: 14 }),
  int('days_critical', { default: 7 }),
  int('seconds_warning'),
  int('seconds_critical'),
  str('ssl_server_name'),
  bool('stream', { default: false }),
  bool('include_default_headers', { default: true }),
];

/** Declared by the config model next to the spec (version skew, SOURCES.md) or added upstream since. */
const HTTP_CHECK_NEWER: readonly OptionSpec[] = [
  bool('use_truststore', { hidden: true, default: false }),
  bool('disable_status_code_tag', { hidden: true, default: false }),
];

/** Legacy names: `HTTP_CONFIG_REMAPPER` in http_check.py, and the base check's `no_proxy`. */
const HTTP_CHECK_LEGACY: readonly OptionSpec[] = [
  str('client_cert', { untyped: true, deprecated: { replacement: 'tls_cert' } }),
  str('client_key', { untyped: true, deprecated: { replacement: 'tls_private_key' } }),
  str('ca_certs', { untyped: true, deprecated: { replacement: 'tls_ca_cert' } }),
  bool('disable_ssl_validation', {
    untyped: true,
    deprecated: { replacement: 'tls_verify', note: 'with the opposite value' },
  }),
  bool('ignore_ssl_warning', { untyped: true, deprecated: { replacement: 'tls_ignore_warning' } }),
  bool('check_hostname', { untyped: true, deprecated: { replacement: 'tls_validate_hostname' } }),
  bool('no_proxy', { untyped: true, deprecated: { replacement: 'skip_proxy' } }),
  bool('skip_event', { untyped: true, deprecated: { note: 'removed in http_check 2.0.0; it has no effect' } }),
];

export const HTTP_CHECK_SCHEMA: CheckSchema = {
  initConfig: mergeOptions(
    INIT_HTTP,
    INIT_DEFAULT,
    // Read by the check's __init__ for the certificate-expiration connection (CONFIG-FACTS A3).
    [str('ca_certs', { untyped: true })],
  ),
  instance: mergeOptions(
    HTTP_CHECK_OWN,
    INSTANCE_DEFAULT,
    // The spec's override of `instances/http` only changes the example value of tls_verify.
    INSTANCE_HTTP,
    override(INSTANCE_TLS, {
      tls_verify: { hidden: true },
      tls_cert: { hidden: true },
      tls_ca_cert: { hidden: true },
      tls_private_key: { hidden: true },
      tls_ciphers: { hidden: true },
    }),
    HTTP_CHECK_NEWER,
    AGENT_RESERVED,
    HTTP_CHECK_LEGACY,
  ),
};
