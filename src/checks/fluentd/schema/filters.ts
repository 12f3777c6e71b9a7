/**
 * Filters, from fluentd v1.19 `filter_grep.rb` (read for this schema) and
 * `filter_record_transformer.rb`; `parser` and `stdout` are `open`.
 */
import { COMPAT_PARSER } from './common.js';
import { type PluginSpec, type SectionSpec, arr, bool, deprecated, numbered, regexp, required, str } from './spec.js';

const CONDITION: SectionSpec = { params: { key: required(str), pattern: required(regexp) } };
const GREP_CONDITIONS = { regexp: { spec: CONDITION, multi: true }, exclude: { spec: CONDITION, multi: true } };

const GREP: SectionSpec = {
  params: {
    ...numbered('regexp', 20, deprecated(str, 'use a <regexp> section')),
    ...numbered('exclude', 20, deprecated(str, 'use an <exclude> section')),
  },
  sections: {
    ...GREP_CONDITIONS,
    and: { spec: { params: {}, sections: GREP_CONDITIONS }, multi: true },
    or: { spec: { params: {}, sections: GREP_CONDITIONS }, multi: true },
  },
};

const RECORD_TRANSFORMER: SectionSpec = {
  params: {
    remove_keys: arr,
    keep_keys: arr,
    renew_record: bool,
    renew_time_key: str,
    enable_ruby: bool,
    auto_typecast: bool,
  },
  // <record> holds the user's own field names.
  sections: { record: { spec: { params: {}, open: true }, multi: true } },
};

function filter(name: string, spec: SectionSpec): PluginSpec {
  return { kind: 'filter', name, source: `filter_${name}.rb`, spec };
}

export const FILTERS: readonly PluginSpec[] = [
  filter('grep', GREP),
  filter('record_transformer', RECORD_TRANSFORMER),
  filter('parser', {
    params: {
      key_name: required(str),
      reserve_data: bool,
      remove_key_name_field: bool,
      inject_key_prefix: str,
      hash_value_field: str,
      emit_invalid_record_to_error: bool,
      replace_invalid_sequence: bool,
      reserve_time: bool,
    },
    compat: COMPAT_PARSER,
    open: true,
    sections: { parse: { plug: 'parser', multi: true, requireType: true } },
  }),
  filter('stdout', { params: {}, open: true }),
];
