/**
 * The file-level shape the agent itself enforces when it loads a conf.d file
 * (`config_reader.go`, CONFIG-FACTS A1): top-level keys, `init_config`, `instances`, and the two
 * rejection rules (no instances, `docker_images` without `ad_identifiers`).
 */
import { quoteValue } from '../findings.js';
import { closest, didYouMean } from '../suggest.js';
import { type YMap, type YNode, type YSeq, getPair, keyName } from '../yaml/ast.js';
import { isNull } from './options.js';
import type { Reporter } from './reporter.js';
import { describe } from './values.js';

/** The agent's `configFormat` fields, and what yaml.v2 needs each to be. */
const TOP_LEVEL: Record<string, 'any' | 'list' | 'bool' | 'string' | 'mapping'> = {
  init_config: 'mapping',
  instances: 'list',
  logs: 'list',
  jmx_metrics: 'any',
  ad_identifiers: 'list',
  advanced_ad_identifiers: 'list',
  cluster_check: 'bool',
  docker_images: 'list',
  ignore_autodiscovery_tags: 'bool',
  check_tag_cardinality: 'string',
};

export interface AgentFileShape {
  root: YMap;
  /** `init_config` when it is a mapping. */
  initConfig: YMap | undefined;
  /** The mapping entries of `instances`, with their 0-based index in the list. */
  instances: Array<{ map: YMap; index: number }>;
}

export function checkShape(root: YNode | null, r: Reporter): AgentFileShape | undefined {
  if (root === null) {
    r.report(
      0,
      'error',
      'no-instances',
      'the file is empty: the agent skips it, so nothing is monitored; add `init_config:` and an `instances:` list',
    );
    return undefined;
  }
  if (root.kind !== 'map') {
    r.report(
      root,
      'error',
      'not-a-mapping',
      `the file must be a mapping with \`init_config:\` and \`instances:\`, not ${describe(root)}: the agent rejects it`,
    );
    return undefined;
  }
  for (const pair of root.pairs) {
    if (pair.key.kind !== 'scalar') continue;
    const name = keyName(pair);
    const want = TOP_LEVEL[name];
    if (!want) {
      const meant = closest(name, ['instances', 'init_config']);
      if (meant && !getPair(root, meant)) {
        const effect =
          meant === 'instances' ? 'so the file has no instances and the agent rejects it' : 'so init_config is unset';
        r.report(
          pair.key,
          'error',
          'misspelled-key',
          `"${name}" is not a key the agent reads (did you mean "${meant}"?), ${effect}: rename it to \`${meant}:\``,
        );
        continue;
      }
      r.report(
        pair.key,
        'warning',
        'unknown-key',
        `unknown top-level key ${quoteValue(name)}: the agent ignores it${didYouMean(name, Object.keys(TOP_LEVEL))}`,
      );
      continue;
    }
    const v = pair.value;
    if (isNull(v) || want === 'any') continue;
    const ok =
      (want === 'mapping' && v.kind === 'map') ||
      (want === 'list' && v.kind === 'seq') ||
      (want === 'bool' && v.kind === 'scalar' && typeof v.value === 'boolean') ||
      (want === 'string' && v.kind === 'scalar');
    if (!ok && name !== 'instances') {
      const what =
        want === 'mapping'
          ? 'a mapping (or empty)'
          : want === 'list'
            ? 'a list'
            : want === 'bool'
              ? 'true or false'
              : 'a string';
      r.report(v, 'error', 'wrong-type', `"${name}" must be ${what}, not ${describe(v)}: the agent rejects the file`);
    }
  }

  const initPair = getPair(root, 'init_config');
  const initConfig = initPair?.value.kind === 'map' ? initPair.value : undefined;
  const instances = checkInstancesList(root, r);

  const adPair = getPair(root, 'ad_identifiers');
  if (getPair(root, 'docker_images') && (!adPair || isNull(adPair.value))) {
    const at = getPair(root, 'docker_images')?.key ?? root;
    r.report(
      at,
      'error',
      'docker-images',
      "`docker_images` without `ad_identifiers`: the agent rejects the file (\"the 'docker_images' section is deprecated, please use 'ad_identifiers' instead\")",
    );
  } else if (adPair && !isNull(adPair.value)) {
    r.report(
      adPair.key,
      'warning',
      'ad-template',
      '`ad_identifiers` makes this file an Autodiscovery template: its instances run only against matching containers, not on their own; remove it for a plain check',
    );
  }
  return { root, initConfig, instances };
}

function checkInstancesList(root: YMap, r: Reporter): AgentFileShape['instances'] {
  const pair = getPair(root, 'instances');
  const hasOther = ['logs', 'jmx_metrics'].some((k) => {
    const v = getPair(root, k)?.value;
    return v !== undefined && !isNull(v);
  });
  if (!pair || isNull(pair.value) || (pair.value.kind === 'seq' && pair.value.items.length === 0)) {
    // A misspelled `instances:` is reported on its own line (checkShape): not twice.
    const misspelled = root.pairs.some(
      (p) =>
        p.key.kind === 'scalar' && keyName(p) !== 'instances' && closest(keyName(p), ['instances']) === 'instances',
    );
    if (!hasOther && !(misspelled && !pair)) {
      const at = pair?.key ?? root;
      const hint = getPair(root, 'instance') ? ' (the key is `instances`, plural)' : '';
      r.report(
        at,
        'error',
        'no-instances',
        `no instances: the agent rejects the file ("Configuration file contains no valid instances")${hint}; add \`instances:\` with at least one \`- \` entry`,
      );
    }
    return [];
  }
  if (pair.value.kind !== 'seq') {
    r.report(
      pair.value,
      'error',
      'instances-not-list',
      `"instances" must be a list of mappings (each entry starting with \`- \`), not ${describe(pair.value)}: the agent rejects the file`,
    );
    return [];
  }
  const out: AgentFileShape['instances'] = [];
  (pair.value as YSeq).items.forEach((item, index) => {
    if (item.kind === 'map') out.push({ map: item, index });
    else if (isNull(item))
      r.report(
        item,
        'error',
        'instance-not-mapping',
        `instance ${index + 1} is empty: write its options under the \`- \``,
      );
    else
      r.report(
        item,
        'error',
        'instance-not-mapping',
        `instance ${index + 1} must be a mapping of options, not ${describe(item)}: the agent rejects the file`,
      );
  });
  return out;
}
