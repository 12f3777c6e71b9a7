/**
 * `check FILE` without --kind: is this an http_check or a mysql config? A cheap text test first
 * (an agent check file has a top-level `instances:` or `init_config:`), then the instances' keys.
 */
import type { SourceText } from '../source.js';
import { type YNode, get, getPair } from '../yaml/ast.js';
import { loadYaml } from '../yaml/load.js';
import type { AgentCheckKind } from './kind.js';

const AGENT_FILE = /^(?:instances|init_config)[ \t]*:/m;
const MYSQL_KEYS = [
  'host',
  'server',
  'sock',
  'username',
  'user',
  'defaults_file',
  'dbm',
  'deep_database_monitoring',
  'custom_queries',
  'query_metrics',
];

export function detectAgentKind(source: SourceText): AgentCheckKind | undefined {
  if (!AGENT_FILE.test(source.text)) return undefined;
  const root = loadYaml(source, 'agent').root;
  if (root?.kind !== 'map') return undefined;
  const instances = get(root, 'instances');
  if (instances?.kind !== 'seq') return undefined;
  const maps = instances.items.filter((i): i is Extract<YNode, { kind: 'map' }> => i.kind === 'map');
  if (maps.some((m) => getPair(m, 'url'))) return 'http_check';
  if (maps.some((m) => MYSQL_KEYS.some((k) => getPair(m, k)))) return 'mysql';
  return undefined;
}
