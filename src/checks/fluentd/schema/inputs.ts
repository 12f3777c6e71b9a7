/**
 * Built-in inputs. Full schemas for the ones this product's setups use (CONFIG-FACTS C2, C3, from
 * fluentd v1.19 `in_forward.rb`, `in_tail.rb`, `in_sample.rb`); the other built-ins are `open`
 * (only the parameters listed are type-checked, none is called unknown).
 */
import { COMPAT_PARSER } from './common.js';
import {
  type PluginSpec,
  type SectionSpec,
  arr,
  bool,
  deprecated,
  hash,
  int,
  numbered,
  regexp,
  required,
  secret,
  size,
  str,
  time,
  oneOf,
} from './spec.js';

/** `plugin_helper/server.rb` `<transport tcp|tls>`: TLS options come from `cert_option.rb`. */
const TRANSPORT: SectionSpec = {
  params: { linger_timeout: int, receive_buffer_size: size },
  open: true,
};

const FORWARD: SectionSpec = {
  params: {
    port: int,
    bind: str,
    backlog: int,
    linger_timeout: deprecated(int, 'use the <transport> section'),
    chunk_size_warn_limit: size,
    chunk_size_limit: size,
    decompression_size_limit: size,
    skip_invalid_event: bool,
    source_address_key: str,
    source_hostname_key: str,
    resolve_hostname: bool,
    deny_keepalive: bool,
    send_keepalive_packet: bool,
    blocking_timeout: time,
    tag: str,
    add_tag_prefix: str,
  },
  sections: {
    transport: { spec: TRANSPORT },
    security: {
      spec: {
        params: {
          self_hostname: required(str),
          shared_key: required(secret(str)),
          user_auth: bool,
          allow_anonymous_source: bool,
        },
        sections: {
          user: { spec: { params: { username: required(str), password: required(secret(str)) } }, multi: true },
          client: { spec: { params: { host: str, network: str, shared_key: secret(str), users: arr } }, multi: true },
        },
      },
    },
  },
};

const TAIL: SectionSpec = {
  params: {
    path: required(str),
    tag: required(str),
    exclude_path: arr,
    rotate_wait: time,
    pos_file: str,
    pos_file_compaction_interval: time,
    read_from_head: bool,
    refresh_interval: time,
    read_lines_limit: int,
    read_bytes_limit_per_second: size,
    multiline_flush_interval: time,
    emit_unmatched_lines: bool,
    enable_watch_timer: bool,
    enable_stat_watcher: bool,
    encoding: str,
    from_encoding: str,
    path_key: str,
    open_on_every_update: bool,
    limit_recently_modified: time,
    skip_refresh_on_startup: bool,
    ignore_repeated_permission_error: bool,
    follow_inodes: bool,
    path_delimiter: str,
    glob_policy: oneOf('backward_compatible', 'extended', 'always'),
    path_timezone: str,
    max_line_size: size,
    ...numbered('format', 20, str),
  },
  compat: COMPAT_PARSER,
  sections: {
    parse: { plug: 'parser', multi: true, requireType: true },
    group: {
      spec: {
        params: { pattern: regexp, rate_period: time },
        sections: { rule: { spec: { params: { match: hash, limit: int } }, multi: true } },
      },
    },
  },
};

const SAMPLE: SectionSpec = {
  params: {
    tag: required(str),
    size: int,
    rate: int,
    auto_increment_key: str,
    suspend: bool,
    sample: str,
    dummy: deprecated(str, 'use sample'),
    reuse_record: bool,
  },
};

function input(name: string, spec: SectionSpec, source = `in_${name}.rb`): PluginSpec {
  return { kind: 'input', name, source, spec };
}
const open = (params: SectionSpec['params']): SectionSpec => ({ params, open: true });

export const INPUTS: readonly PluginSpec[] = [
  input('forward', FORWARD),
  input('tail', TAIL),
  input('sample', SAMPLE),
  input('dummy', SAMPLE, 'in_sample.rb (alias)'),
  input(
    'http',
    open({
      port: int,
      bind: str,
      body_size_limit: size,
      keepalive_timeout: time,
      add_http_headers: bool,
      add_remote_addr: bool,
    }),
  ),
  input('syslog', open({ port: int, bind: str, tag: required(str), protocol_type: oneOf('udp', 'tcp') })),
  input('tcp', open({ port: int, bind: str, tag: required(str) })),
  input('udp', open({ port: int, bind: str, tag: required(str) })),
  input('unix', open({ path: str })),
  input('exec', open({ command: required(str), tag: str, run_interval: time })),
  input('monitor_agent', open({ port: int, bind: str, tag: str, emit_interval: time })),
  input('debug_agent', open({ port: int, bind: str })),
  input('object_space', open({ tag: required(str) })),
  input('gc_stat', open({ tag: required(str) })),
];
