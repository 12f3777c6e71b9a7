/** `<system>` (CONFIG-FACTS B5; fluentd v1.19 `lib/fluent/system_config.rb`). */
import { LOG_LEVELS } from './common.js';
import { type SectionSpec, bool, int, oneOf, size, str, time } from './spec.js';

export const SYSTEM: SectionSpec = {
  params: {
    workers: int,
    restart_worker_interval: time,
    root_dir: str,
    log_level: oneOf(...LOG_LEVELS),
    suppress_repeated_stacktrace: bool,
    emit_error_log_interval: time,
    suppress_config_dump: bool,
    log_event_verbose: bool,
    ignore_repeated_log_interval: time,
    ignore_same_log_interval: time,
    without_source: bool,
    with_source_only: bool,
    rpc_endpoint: str,
    enable_get_dump: bool,
    process_name: str,
    file_permission: str,
    dir_permission: str,
    counter_server: str,
    counter_client: str,
    strict_config_value: bool,
    enable_msgpack_time_support: bool,
    disable_shared_socket: bool,
    enable_input_metrics: bool,
    enable_size_metrics: bool,
    enable_jit: bool,
    config_include_dir: str,
    umask: str,
  },
  sections: {
    log: {
      spec: {
        params: {
          path: str,
          format: oneOf('text', 'json'),
          time_format: str,
          rotate_age: str,
          rotate_size: size,
          forced_stacktrace_level: oneOf(...LOG_LEVELS),
        },
      },
    },
    counter_server: { spec: { params: {}, open: true } },
    counter_client: { spec: { params: {}, open: true } },
    metrics: { spec: { params: {}, open: true } },
    source_only_buffer: { spec: { params: {}, open: true } },
  },
};
