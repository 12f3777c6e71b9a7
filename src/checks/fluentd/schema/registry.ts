/**
 * Looking plugins up by kind and `@type`, and knowing which types fluentd ships (so anything else
 * must come from a gem or a plugin file in the image).
 */
import { BUFFERS } from './buffers.js';
import { FILTERS } from './filters.js';
import { FORMATTERS } from './formatters.js';
import { INPUTS } from './inputs.js';
import { OUTPUTS } from './outputs.js';
import { PARSERS } from './parsers.js';
import type { PluginKind, PluginSpec } from './spec.js';

const BY_KIND = new Map<PluginKind, Map<string, PluginSpec>>();
for (const list of [INPUTS, OUTPUTS, FILTERS, PARSERS, FORMATTERS, BUFFERS]) {
  for (const p of list) {
    let m = BY_KIND.get(p.kind);
    if (!m) BY_KIND.set(p.kind, (m = new Map()));
    m.set(p.name, p);
  }
}

export function lookupPlugin(kind: PluginKind, type: string): PluginSpec | undefined {
  return BY_KIND.get(kind)?.get(type);
}

/** Types that ship inside the fluentd gem itself (v1.19 `lib/fluent/plugin/*`); `datadog` is not one. */
const CORE: Record<PluginKind, readonly string[]> = {
  input: [
    'forward',
    'tail',
    'sample',
    'dummy',
    'http',
    'syslog',
    'tcp',
    'udp',
    'unix',
    'exec',
    'monitor_agent',
    'debug_agent',
    'object_space',
    'gc_stat',
  ],
  output: [
    'forward',
    'copy',
    'stdout',
    'null',
    'file',
    'exec',
    'exec_filter',
    'relabel',
    'roundrobin',
    'secondary_file',
    'http',
    'buffer',
  ],
  filter: ['grep', 'record_transformer', 'parser', 'stdout'],
  parser: [
    'regexp',
    'apache',
    'apache2',
    'apache_error',
    'nginx',
    'syslog',
    'csv',
    'tsv',
    'ltsv',
    'json',
    'msgpack',
    'multiline',
    'none',
  ],
  formatter: ['json', 'ltsv', 'csv', 'tsv', 'out_file', 'single_value', 'hash', 'msgpack', 'stdout'],
  buffer: ['memory', 'file', 'file_single'],
};

export function isCorePlugin(kind: PluginKind, type: string): boolean {
  return CORE[kind].includes(type);
}

export function corePluginNames(kind: PluginKind): readonly string[] {
  return CORE[kind];
}

/**
 * Gems whose plugin names do not follow `fluent-plugin-<type>`. A type listed here is known for
 * sure to need this gem; other third-party types are matched by name only (and more cautiously).
 */
export const KNOWN_GEMS: Readonly<Record<string, string>> = {
  datadog: 'fluent-plugin-datadog',
  elasticsearch: 'fluent-plugin-elasticsearch',
  s3: 'fluent-plugin-s3',
  cloudwatch_logs: 'fluent-plugin-cloudwatch-logs',
  kinesis_streams: 'fluent-plugin-kinesis',
  kinesis_firehose: 'fluent-plugin-kinesis',
  kinesis_streams_aggregated: 'fluent-plugin-kinesis',
  rewrite_tag_filter: 'fluent-plugin-rewrite-tag-filter',
  concat: 'fluent-plugin-concat',
  kubernetes_metadata: 'fluent-plugin-kubernetes_metadata_filter',
  detect_exceptions: 'fluent-plugin-detect-exceptions',
  prometheus: 'fluent-plugin-prometheus',
  record_modifier: 'fluent-plugin-record-modifier',
  multi_format: 'fluent-plugin-multi-format-parser',
};
