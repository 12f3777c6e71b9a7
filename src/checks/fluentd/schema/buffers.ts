/** Built-in buffers, from fluentd v1.19 `buf_memory.rb`, `buf_file.rb`, `buf_file_single.rb`. */
import { type PluginSpec, bool, oneOf, str } from './spec.js';

export const BUFFERS: readonly PluginSpec[] = [
  { kind: 'buffer', name: 'memory', source: 'buf_memory.rb', spec: { params: {} } },
  {
    kind: 'buffer',
    name: 'file',
    source: 'buf_file.rb',
    spec: { params: { path: str, path_suffix: str, file_permission: str, dir_permission: str } },
  },
  {
    kind: 'buffer',
    name: 'file_single',
    source: 'buf_file_single.rb',
    spec: {
      params: {
        path: str,
        calc_num_records: bool,
        chunk_format: oneOf('msgpack', 'text', 'auto'),
        file_permission: str,
        dir_permission: str,
      },
    },
  },
];
