/**
 * Outputs. out_forward from fluentd v1.19 `out_forward.rb` and docs.fluentd.org/output/forward;
 * out_copy (C5) `out_copy.rb`/`multi_output.rb`; out_stdout `out_stdout.rb`; out_null
 * `out_null.rb`; out_datadog from DataDog/fluent-plugin-datadog `out_datadog.rb`@69911a1 (C1).
 * Other built-ins are `open`.
 */
import { COMPAT_BUFFER, COMPAT_FORMATTER, COMPAT_INJECT, INJECT_SECTION, outputSpec } from './common.js';
import {
  type PluginSpec,
  type SectionSpec,
  arr,
  bool,
  deprecated,
  hash,
  int,
  obsoleted,
  oneOf,
  required,
  secret,
  size,
  str,
  time,
} from './spec.js';

const FORWARD: SectionSpec = outputSpec({
  params: {
    transport: oneOf('tcp', 'tls'),
    send_timeout: time,
    connect_timeout: time,
    heartbeat_type: oneOf('transport', 'tcp', 'udp', 'none'),
    heartbeat_interval: time,
    recover_wait: time,
    hard_timeout: time,
    phi_threshold: int,
    phi_failure_detector: bool,
    require_ack_response: bool,
    ack_response_timeout: time,
    read_interval_msec: int,
    read_length: size,
    expire_dns_cache: time,
    dns_round_robin: bool,
    ignore_network_errors_at_startup: bool,
    verify_connection_at_startup: bool,
    compress: oneOf('text', 'gzip', 'zstd'),
    keepalive: bool,
    keepalive_timeout: time,
    tls_version: str,
    tls_min_version: str,
    tls_max_version: str,
    tls_ciphers: str,
    tls_insecure_mode: bool,
    tls_allow_self_signed_cert: bool,
    tls_verify_hostname: bool,
    tls_ca_cert_path: arr,
    tls_cert_path: arr,
    tls_client_cert_path: str,
    tls_client_private_key_path: str,
    tls_client_private_key_passphrase: secret(str),
    tls_cert_thumbprint: str,
    tls_cert_logical_store_name: str,
    tls_cert_use_enterprise_store: bool,
    port: obsoleted(int, 'use a <server> section'),
    host: obsoleted(str, 'use a <server> section'),
  },
  compat: COMPAT_BUFFER,
  sections: {
    security: { spec: { params: { self_hostname: required(str), shared_key: required(secret(str)) } } },
    server: {
      multi: true,
      spec: {
        params: {
          host: required(str),
          name: str,
          port: int,
          shared_key: secret(str),
          username: str,
          password: secret(str),
          standby: bool,
          weight: int,
        },
      },
    },
    service_discovery: { spec: { params: {}, open: true } },
  },
});

const COPY: SectionSpec = {
  params: {
    copy_mode: oneOf('no_copy', 'shallow', 'deep', 'marshal'),
    deep_copy: deprecated(bool, 'use copy_mode deep'),
  },
  sections: { store: { plug: 'output', multi: true, required: true } },
};

const STDOUT: SectionSpec = outputSpec({
  params: { use_logger: bool },
  compat: [...COMPAT_INJECT, ...COMPAT_FORMATTER],
  sections: { format: { plug: 'formatter', multi: true, defaultType: 'stdout' }, inject: { spec: INJECT_SECTION } },
});

const NULL: SectionSpec = outputSpec({ params: { never_flush: bool } });

const DATADOG: SectionSpec = outputSpec({
  params: {
    api_key: required(secret(str)),
    include_tag_key: bool,
    tag_key: str,
    timestamp_key: str,
    service: str,
    dd_source: str,
    dd_sourcecategory: str,
    dd_tags: str,
    dd_hostname: str,
    delete_extracted_tag_attributes: bool,
    site: str,
    host: str,
    use_ssl: bool,
    port: int,
    ssl_port: int,
    max_retries: int,
    max_backoff: int,
    use_http: bool,
    custom_headers: hash,
    use_compression: bool,
    compression_level: int,
    no_ssl_validation: bool,
    http_proxy: str,
    force_v1_routes: bool,
    use_json: bool,
  },
  compat: COMPAT_BUFFER,
});

function output(name: string, spec: SectionSpec, source = `out_${name}.rb`): PluginSpec {
  return { kind: 'output', name, source, spec };
}
const open = (params: SectionSpec['params']): SectionSpec => ({ ...outputSpec({ params }), open: true });

export const OUTPUTS: readonly PluginSpec[] = [
  output('forward', FORWARD),
  output('copy', COPY),
  output('stdout', STDOUT),
  output('null', NULL),
  output('datadog', DATADOG, 'DataDog/fluent-plugin-datadog lib/fluent/plugin/out_datadog.rb'),
  output('file', open({ path: required(str), append: bool, compress: oneOf('text', 'gzip'), symlink_path: str })),
  output('exec', open({ command: required(str) })),
  output('exec_filter', open({ command: required(str) })),
  output('relabel', { params: {}, open: true }),
  output('roundrobin', { params: {}, open: true }),
  output('secondary_file', {
    params: { directory: required(str), basename: str, append: bool, compress: oneOf('text', 'gzip') },
    open: true,
  }),
  output('http', open({ endpoint: required(str) })),
  output('buffer', open({})),
];
