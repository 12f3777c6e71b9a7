/** mysql rules beyond option types (CONFIG-FACTS A4, E2.4). */
import { type YMap, type YNode, get, getPair } from '../yaml/ast.js';
import { isNull } from './options.js';
import type { Reporter } from './reporter.js';
import { CUSTOM_QUERY_COLUMN_TYPES } from './schema/mysql.js';
import type { AgentFileShape } from './shape.js';
import { describe, isIndirect } from './values.js';

/** Options that only act with `dbm: true`. */
const DBM_FEATURES = [
  'query_metrics',
  'query_samples',
  'statement_samples',
  'query_activity',
  'collect_settings',
  'collect_schemas',
  'schemas_collection',
  'index_metrics',
];
const CONNECTION_FIELDS = ['host', 'server', 'username', 'user', 'password', 'pass', 'port', 'sock'];
const COLUMN_TYPES: ReadonlySet<string> = new Set(CUSTOM_QUERY_COLUMN_TYPES);

const present = (map: YMap, key: string): YNode | undefined => {
  const v = get(map, key);
  return v === undefined || isNull(v) ? undefined : v;
};

export function checkMysqlInstances(shape: AgentFileShape, r: Reporter): void {
  const intervals: Array<{ value: number; node: YNode; index: number }> = [];
  for (const { map, index } of shape.instances) {
    const where = `instance ${index + 1}`;
    checkConnection(map, where, r);
    checkPort(map, where, r);
    checkCustomQueries(get(map, 'custom_queries'), `${where} > custom_queries`, r);
    checkDbm(map, where, r);
    const qm = get(map, 'query_metrics');
    const interval = qm?.kind === 'map' ? get(qm, 'collection_interval') : undefined;
    if (interval?.kind === 'scalar' && typeof interval.value === 'number')
      intervals.push({ value: interval.value, node: interval, index });
  }
  if (shape.initConfig)
    checkCustomQueries(get(shape.initConfig, 'global_custom_queries'), 'init_config > global_custom_queries', r);
  const first = intervals[0];
  for (const it of intervals.slice(1)) {
    if (first && it.value !== first.value) {
      r.report(
        it.node,
        'warning',
        'query-metrics-interval',
        `query_metrics.collection_interval of instance ${it.index + 1} (${it.value}) differs from instance ${first.index + 1} (${first.value}): every instance must use the same value`,
      );
    }
  }
}

function checkConnection(map: YMap, where: string, r: Reporter): void {
  const host = present(map, 'host') ?? present(map, 'server');
  const user = present(map, 'username') ?? present(map, 'user');
  const sock = present(map, 'sock');
  const defaultsFile = present(map, 'defaults_file');
  if (!defaultsFile && !((host || sock) && user)) {
    const missing = [!(host || sock) ? 'host (or sock)' : '', !user ? 'username' : ''].filter(Boolean).join(' and ');
    r.report(
      map,
      'error',
      'missing-connection',
      `${where} has no ${missing}: the check fails ("Mysql host and user or a defaults_file are needed."); set host and username, or defaults_file`,
    );
  }
  if (sock && host) {
    r.report(
      getPair(map, 'sock')!.key,
      'warning',
      'sock-and-host',
      `${where} sets both "sock" and "host": the socket is used and host is ignored`,
    );
  }
  if (defaultsFile) {
    const extra = CONNECTION_FIELDS.filter((k) => present(map, k));
    if (extra.length) {
      r.report(
        getPair(map, 'defaults_file')!.key,
        'warning',
        'defaults-file-overrides',
        `${where} sets "defaults_file" and ${extra.join(', ')}: with a defaults file the connection details are ignored`,
      );
    }
  }
}

function checkPort(map: YMap, where: string, r: Reporter): void {
  const node = present(map, 'port');
  if (!node || node.kind !== 'scalar' || isIndirect(node)) return;
  const n =
    typeof node.value === 'number'
      ? node.value
      : typeof node.value === 'string' && /^\s*\d+\s*$/.test(node.value)
        ? Number(node.value)
        : undefined;
  if (n === undefined) return; // not a number: wrong-type is reported by the option checks
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    r.report(
      node,
      'error',
      'invalid-value',
      `"port" in ${where} is ${describe(node)}: it must be a whole number from 1 to 65535 (MySQL listens on 3306 by default)`,
    );
  }
}

function checkCustomQueries(node: YNode | undefined, where: string, r: Reporter): void {
  if (node?.kind !== 'seq') return;
  node.items.forEach((q, i) => {
    if (q.kind !== 'map') return; // wrong-type is reported by the option checks
    const at = `${where}[${i + 1}]`;
    const missing = ['query', 'columns'].filter((k) => !present(q, k));
    if (missing.length)
      r.report(
        q,
        'error',
        'custom-query',
        `${at} has no ${missing.join(' or ')}: every custom query needs the SQL and its list of columns; the check fails to start`,
      );
    const columns = get(q, 'columns');
    if (columns?.kind !== 'seq') return;
    columns.items.forEach((c, j) => {
      if (c.kind !== 'map' || c.pairs.length === 0) return; // `- {}` skips a column
      const type = get(c, 'type');
      const name = present(c, 'name');
      if (!type || isNull(type)) {
        if (name)
          r.report(
            c,
            'error',
            'custom-query',
            `column ${j + 1} of ${at} has a name but no type: write a type such as gauge, count, rate or tag`,
          );
        return;
      }
      const t = type.kind === 'scalar' ? String(type.value) : '';
      if (!COLUMN_TYPES.has(t)) {
        r.report(
          type,
          'error',
          'custom-query',
          `column ${j + 1} of ${at} has the type "${t}", which is not one of ${CUSTOM_QUERY_COLUMN_TYPES.join(', ')}: the check fails to start`,
        );
      }
    });
  });
}

function checkDbm(map: YMap, where: string, r: Reporter): void {
  const dbmNode = present(map, 'dbm') ?? present(map, 'deep_database_monitoring');
  const dbm =
    dbmNode?.kind === 'scalar' &&
    (dbmNode.value === true || (typeof dbmNode.value === 'string' && /^(true|yes|on|1|y|t)$/i.test(dbmNode.value)));
  if (!dbm) {
    for (const k of DBM_FEATURES) {
      const pair = getPair(map, k);
      if (!pair || pair.value.kind !== 'map') continue;
      const enabled = get(pair.value, 'enabled');
      if (enabled?.kind === 'scalar' && enabled.value === false) continue;
      r.report(pair.key, 'warning', 'dbm-disabled', `"${k}" in ${where} has no effect without \`dbm: true\``);
    }
  }
  const aws = get(map, 'aws');
  const auth = aws?.kind === 'map' ? get(aws, 'managed_authentication') : undefined;
  const enabled = auth?.kind === 'map' ? get(auth, 'enabled') : undefined;
  if (aws?.kind === 'map' && enabled?.kind === 'scalar' && enabled.value === true && !present(aws, 'region')) {
    r.report(
      enabled,
      'error',
      'aws-region-missing',
      `aws.managed_authentication in ${where} is enabled without aws.region: IAM authentication needs the region; add \`region: <aws region>\` under aws`,
    );
  }
}
