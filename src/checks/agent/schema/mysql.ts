/**
 * mysql options, from integrations-core `mysql/assets/configuration/spec.yaml` (the newest copy in
 * shared/reference, the authoritative list: CONFIG-FACTS A4) with its templates, plus the legacy
 * names the check and its config model still accept.
 */
import {
  AGENT_RESERVED,
  INIT_DB,
  INIT_DEFAULT,
  INSTANCE_DB,
  INSTANCE_DEFAULT,
  bool,
  int,
  list,
  mergeOptions,
  num,
  obj,
  override,
  str,
} from './templates.js';
import type { CheckSchema, OptionSpec } from './types.js';

/** Column types the query manager knows (datadog_checks_base `utils/db`: submission methods and transformers). */
export const CUSTOM_QUERY_COLUMN_TYPES = [
  'gauge',
  'count',
  'monotonic_count',
  'rate',
  'histogram',
  'historate',
  'tag',
  'tag_list',
  'tag_not_null',
  'source',
  'match',
  'service_check',
  'time_elapsed',
  'temporal_percent',
  'monotonic_gauge',
] as const;

const OPTIONS_BLOCK: readonly OptionSpec[] = [
  bool('replication'),
  str('replication_channel'),
  bool('galera_cluster', { default: false }),
  bool('extra_status_metrics'),
  bool('extra_innodb_metrics', { default: false }),
  bool('disable_innodb_metrics', { default: false }),
  bool('schema_size_metrics', { default: false }),
  bool('table_size_metrics', { default: false }),
  bool('system_table_size_metrics', { default: false }),
  bool('table_rows_stats_metrics', { default: false }),
  bool('extra_performance_metrics', { default: false }),
  // In the older example and the config model; gone from the spec.
  bool('replication_non_blocking_status', { hidden: true }),
];

const SCHEMA_COLLECTION: readonly OptionSpec[] = [
  bool('enabled', { default: false }),
  num('collection_interval', { default: 600 }),
  num('max_execution_time', { default: 60 }),
];

const QUERY_SAMPLES: readonly OptionSpec[] = [
  bool('enabled', { default: true }),
  num('collection_interval', { default: 1 }),
  int('explained_queries_per_hour_per_query', { default: 60 }),
  int('samples_per_hour_per_query', { default: 15 }),
  int('explained_queries_cache_maxsize', { default: 5000 }),
  int('seen_samples_cache_maxsize', { default: 10000 }),
  int('events_statements_row_limit', { default: 5000 }),
  str('explain_procedure', { default: 'explain_statement' }),
  str('fully_qualified_explain_procedure', { default: 'datadog.explain_statement' }),
  str('events_statements_enable_procedure', { default: 'datadog.enable_events_statements_consumers' }),
  str('events_statements_temp_table_name', { default: 'datadog.temp_events' }),
  int('collection_strategy_cache_maxsize', { default: 1000 }),
  int('collection_strategy_cache_ttl', { default: 300 }),
];

export const OBFUSCATION_MODES = ['obfuscate_only', 'obfuscate_and_normalize'] as const;
export const AZURE_DEPLOYMENT_TYPES = ['flexible_server', 'single_server', 'virtual_machine'] as const;

const MYSQL_OWN: readonly OptionSpec[] = [
  str('host'),
  str('username'),
  str('password', { secret: true }),
  num('port', { default: 3306 }),
  bool('propagate_agent_tags', { default: false }),
  str('reported_hostname'),
  bool('exclude_hostname', { default: false }),
  obj('database_identifier', [str('template', { default: '$resolved_hostname' })]),
  str('sock'),
  str('charset'),
  str('defaults_file'),
  num('connect_timeout', { default: 10 }),
  num('read_timeout'),
  obj('ssl', [str('key'), str('cert'), str('ca'), bool('check_hostname')]),
  ...INSTANCE_DB,
  list('additional_status', 'object'),
  list('additional_variable', 'object'),
  int('max_custom_queries', {
    default: 20,
    deprecated: { replacement: 'custom_queries', note: 'it only limits the deprecated `queries`' },
  }),
  list('queries', 'object', { deprecated: { replacement: 'custom_queries' } }),
  obj('options', OPTIONS_BLOCK),
  bool('dbm', { default: false }),
  obj('collect_settings', [bool('enabled'), num('collection_interval', { default: 600 })]),
  obj('collect_schemas', [...SCHEMA_COLLECTION, int('max_tables', { default: 300 })]),
  obj('schemas_collection', SCHEMA_COLLECTION, {
    deprecated: { replacement: 'collect_schemas', note: 'since Agent 7.69.0' },
  }),
  obj('query_metrics', [
    bool('enabled', { default: true }),
    num('collection_interval', { default: 10 }),
    bool('only_query_recent_statements', { default: false }),
    bool('collect_prepared_statements', { hidden: true, default: true }),
  ]),
  obj('query_samples', QUERY_SAMPLES),
  obj('query_activity', [
    bool('enabled', { default: true }),
    num('collection_interval', { hidden: true, default: 10 }),
    bool('collect_blocking_queries', { default: false }),
  ]),
  obj('index_metrics', [
    bool('enabled', { default: true }),
    num('collection_interval', { hidden: true, default: 300 }),
    int('limit', { default: 1000 }),
  ]),
  obj('aws', [
    str('instance_endpoint'),
    str('region'),
    obj('managed_authentication', [bool('enabled', { default: false }), str('role_arn')]),
  ]),
  obj('gcp', [str('project_id'), str('instance_id')]),
  obj('azure', [str('deployment_type', { enum: AZURE_DEPLOYMENT_TYPES }), str('fully_qualified_domain_name')]),
  obj('obfuscator_options', [
    str('obfuscation_mode', { default: 'obfuscate_and_normalize', enum: OBFUSCATION_MODES }),
    bool('replace_digits', { default: false }),
    bool('quantize_sql_tables', { untyped: true, deprecated: { replacement: 'replace_digits' } }),
    bool('collect_metadata', { default: true }),
    bool('collect_tables', { default: true }),
    bool('collect_commands', { default: true }),
    bool('collect_comments', { default: true }),
    bool('keep_sql_alias', { default: true }),
    bool('remove_space_between_parentheses', { default: false }),
    bool('keep_null', { default: false }),
    bool('keep_boolean', { default: false }),
    bool('keep_positional_parameter', { default: false }),
    bool('keep_trailing_semicolon', { default: false }),
    bool('keep_identifier_quotation', { default: false }),
  ]),
  bool('log_unobfuscated_queries', { hidden: true, default: false }),
  bool('log_unobfuscated_plans', { hidden: true, default: false }),
  num('database_instance_collection_interval', { hidden: true, default: 1800 }),
];

/**
 * Legacy names (DataDog/integrations-core#9340; CONFIG-FACTS A4, E2.4). `user` and `pass` are copied
 * to `username`/`password` before the config model validates them, so their types still count.
 */
const MYSQL_LEGACY: readonly OptionSpec[] = [
  str('user', { deprecated: { replacement: 'username' } }),
  str('pass', { secret: true, deprecated: { replacement: 'password' } }),
  str('server', { untyped: true, deprecated: { replacement: 'host' } }),
  bool('deep_database_monitoring', { untyped: true, deprecated: { replacement: 'dbm' } }),
  obj('statement_samples', QUERY_SAMPLES, { untyped: true, deprecated: { replacement: 'query_samples' } }),
];

export const MYSQL_SCHEMA: CheckSchema = {
  initConfig: mergeOptions([bool('propagate_agent_tags', { default: false })], INIT_DB, INIT_DEFAULT),
  instance: mergeOptions(
    MYSQL_OWN,
    // The spec's override of `instances/default` shows `disable_generic_tags` (hidden elsewhere).
    override(INSTANCE_DEFAULT, { disable_generic_tags: { hidden: false } }),
    AGENT_RESERVED,
    // `name` is read by the agent itself (CommonInstanceConfig.Name) for any check; http_check also requires it.
    [str('name', { hidden: true, untyped: true })],
    MYSQL_LEGACY,
  ),
};
