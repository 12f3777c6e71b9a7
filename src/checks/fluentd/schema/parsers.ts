/**
 * Built-in parsers (`<parse>`), from fluentd v1.19 `lib/fluent/plugin/parser.rb` (base parameters
 * and `TimeMixin::Parser`) and `parser_*.rb`; legacy aliases (`parser_engine`) are kept.
 */
import { TIME_MIXIN } from './common.js';
import {
  type PluginSpec,
  type SectionSpec,
  arr,
  bool,
  hash,
  int,
  numbered,
  oneOf,
  regexp,
  required,
  str,
  time,
} from './spec.js';

const BASE: SectionSpec['params'] = {
  '@type': str,
  types: hash,
  time_key: str,
  null_value_pattern: regexp,
  null_empty_string: bool,
  estimate_current_event: bool,
  keep_time_key: bool,
  timeout: time,
  ...TIME_MIXIN,
  // The parser side of TimeMixin reads fewer time types than the formatter side.
  time_type: oneOf('string', 'unixtime', 'float', 'mixed'),
};

const REGEXP = { expression: regexp, ignorecase: bool, multiline: bool };

function parser(name: string, params: SectionSpec['params'], source = `parser_${name}.rb`): PluginSpec {
  return { kind: 'parser', name, source, spec: { params: { ...BASE, ...params } } };
}

export const PARSERS: readonly PluginSpec[] = [
  parser('regexp', { ...REGEXP, expression: required(regexp) }),
  parser('apache', REGEXP),
  parser('apache2', {}),
  parser('apache_error', REGEXP),
  parser('nginx', REGEXP),
  parser('syslog', {
    rfc5424_time_format: str,
    message_format: oneOf('rfc3164', 'rfc5424', 'auto'),
    with_priority: bool,
    parser_type: oneOf('regexp', 'string'),
    parser_engine: oneOf('regexp', 'string'),
    support_colonless_ident: bool,
  }),
  parser('csv', {
    keys: required(arr),
    delimiter: str,
    parser_type: oneOf('normal', 'fast'),
    parser_engine: oneOf('normal', 'fast'),
  }),
  parser('tsv', { keys: required(arr), delimiter: str }),
  parser('ltsv', { delimiter: str, delimiter_pattern: regexp, label_delimiter: str }),
  parser('json', { json_parser: oneOf('oj', 'yajl', 'json'), stream_buffer_size: int }),
  parser('msgpack', {}),
  parser('multiline', { format_firstline: str, unmatched_lines: bool, ...numbered('format', 20, str) }),
  parser('none', { message_key: str }),
];
