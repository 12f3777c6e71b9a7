/** Built-in formatters (`<format>`), from fluentd v1.19 `lib/fluent/plugin/formatter_*.rb`. */
import { TIME_MIXIN } from './common.js';
import { type PluginSpec, type SectionSpec, arr, bool, oneOf, required, str } from './spec.js';

function formatter(name: string, params: SectionSpec['params'], open = false): PluginSpec {
  return {
    kind: 'formatter',
    name,
    source: `formatter_${name}.rb`,
    spec: { params: { '@type': str, ...params }, open },
  };
}

export const FORMATTERS: readonly PluginSpec[] = [
  formatter('json', { json_parser: oneOf('oj', 'yajl', 'json'), add_newline: bool }),
  formatter('ltsv', { delimiter: str, label_delimiter: str, replacement: str, add_newline: bool }),
  formatter('csv', { delimiter: str, force_quotes: bool, fields: required(arr), add_newline: bool }),
  formatter('tsv', { keys: required(arr), delimiter: str, add_newline: bool }),
  formatter('out_file', { output_time: bool, output_tag: bool, delimiter: str, ...TIME_MIXIN }),
  formatter('single_value', { message_key: str, add_newline: bool }),
  formatter('hash', { add_newline: bool }),
  formatter('msgpack', {}),
  // `output_type` names another formatter whose parameters are passed through.
  formatter('stdout', { output_type: str, ...TIME_MIXIN }, true),
];
