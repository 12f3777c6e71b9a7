/**
 * Parameters every plugin has (`plugin/base.rb`, `plugin_id.rb`, `log.rb` mixins: CONFIG-FACTS B5),
 * the output `<buffer>`/`<secondary>` sections (`plugin/output.rb`, `plugin/buffer.rb`: C4) and the
 * helper section `<inject>` (`plugin_helper/inject.rb`), plus the legacy
 * flat names `plugin_helper/compat_parameters.rb` converts.
 */
import {
  type ParamSpec,
  type SectionRef,
  type SectionSpec,
  arr,
  bool,
  deprecated,
  flt,
  int,
  oneOf,
  size,
  str,
  time,
} from './spec.js';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

export const PLUGIN_COMMON: Record<string, ParamSpec> = {
  '@type': str,
  '@id': str,
  '@label': str,
  '@log_level': oneOf(...LOG_LEVELS),
  type: deprecated(str, "'type' is deprecated parameter name: use '@type' instead"),
  id: deprecated(str, "'id' is deprecated parameter name: use '@id' instead"),
  log_level: deprecated(oneOf(...LOG_LEVELS), "'log_level' is deprecated parameter name: use '@log_level' instead"),
};

/** `Output` base parameters (output.rb). */
export const OUTPUT_COMMON: Record<string, ParamSpec> = {
  time_as_integer: bool,
  slow_flush_log_threshold: flt,
};

/** `<buffer>` parameters from output.rb's buffer section and buffer.rb (C4). */
export const BUFFER_PARAMS: Record<string, ParamSpec> = {
  '@type': str,
  timekey: time,
  timekey_wait: time,
  timekey_use_utc: bool,
  timekey_zone: str,
  flush_at_shutdown: bool,
  flush_mode: oneOf('default', 'lazy', 'interval', 'immediate'),
  flush_interval: time,
  flush_thread_count: int,
  flush_thread_interval: flt,
  flush_thread_burst_interval: flt,
  delayed_commit_timeout: time,
  overflow_action: oneOf('throw_exception', 'block', 'drop_oldest_chunk'),
  retry_forever: bool,
  retry_timeout: time,
  retry_max_times: int,
  retry_secondary_threshold: flt,
  retry_type: oneOf('exponential_backoff', 'periodic'),
  retry_wait: time,
  retry_exponential_backoff_base: flt,
  retry_max_interval: time,
  retry_randomize: bool,
  disable_chunk_backup: bool,
  // buffer.rb
  chunk_limit_size: size,
  total_limit_size: size,
  queue_limit_length: int,
  chunk_limit_records: int,
  chunk_full_threshold: flt,
  queued_chunks_limit_size: int,
  compress: oneOf('text', 'gzip', 'zstd'),
};

/** Flat buffer names `compat_parameters_convert(conf, :buffer)` moves into `<buffer>`. */
export const COMPAT_BUFFER = [
  'buffer_type',
  'buffer_path',
  'num_threads',
  'flush_interval',
  'try_flush_interval',
  'queued_chunk_flush_interval',
  'disable_retry_limit',
  'retry_limit',
  'max_retry_wait',
  'buffer_chunk_limit',
  'buffer_queue_limit',
  'buffer_queue_full_action',
  'flush_at_shutdown',
  'time_slice_format',
  'time_slice_wait',
  'timezone',
  'retry_wait',
  'localtime',
  'utc',
] as const;

export const COMPAT_PARSER = [
  'format',
  'types',
  'types_delimiter',
  'types_label_delimiter',
  'keys',
  'time_key',
  'time_format',
  'localtime',
  'utc',
  'delimiter',
  'keep_time_key',
  'null_empty_string',
  'null_value_pattern',
  'json_parser',
  'label_delimiter',
  'format_firstline',
  'message_key',
  'with_priority',
  'message_format',
  'rfc5424_time_format',
] as const;

export const COMPAT_INJECT = [
  'include_time_key',
  'time_key',
  'time_format',
  'timezone',
  'include_tag_key',
  'tag_key',
  'localtime',
  'utc',
  'time_as_epoch',
] as const;

export const COMPAT_FORMATTER = [
  'format',
  'delimiter',
  'force_quotes',
  'keys',
  'fields',
  'json_parser',
  'label_delimiter',
  'output_time',
  'output_tag',
  'localtime',
  'utc',
  'timezone',
  'message_key',
  'add_newline',
  'output_type',
  'time_as_epoch',
] as const;

/** `TimeMixin` (time_mixin.rb) as formatters and `<inject>` read it; parsers narrow `time_type`. */
export const TIME_MIXIN: Record<string, ParamSpec> = {
  time_type: oneOf('float', 'unixtime', 'unixtime_millis', 'unixtime_micros', 'unixtime_nanos', 'string', 'mixed'),
  time_format: str,
  localtime: bool,
  utc: bool,
  timezone: str,
  time_format_fallbacks: arr,
};

export const INJECT_SECTION: SectionSpec = {
  params: {
    hostname_key: str,
    hostname: str,
    worker_id_key: str,
    tag_key: str,
    time_key: str,
    time_subsecond_digits: int,
    ...TIME_MIXIN,
  },
};

export const SECONDARY_REF: SectionRef = { plug: 'secondary' };
export const BUFFER_REF: SectionRef = { plug: 'buffer' };

/** The sections and parameters every (v1 API) output accepts. */
export function outputSpec(spec: SectionSpec): SectionSpec {
  return {
    ...spec,
    params: { ...OUTPUT_COMMON, ...spec.params },
    sections: { buffer: BUFFER_REF, secondary: SECONDARY_REF, ...spec.sections },
  };
}
