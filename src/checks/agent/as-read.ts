/**
 * The config as the agent and the check really read it, where that differs from what it looks like:
 * - a boolean written as a string (`"false"`) for an option the check tests with Python
 *   truthiness: any non-empty string is true. Most options go through `is_affirmative`, which reads
 *   "false"/"no"/"0" as false (http_check config.py, datadog_checks_base utils/http.py: every
 *   RequestsWrapper option, `disable_ssl_validation` included, @0053340; mysql config.py and mysql.py
 *   for `dbm`, `options.*`, `obfuscator_options.*`), so only the options listed here are flagged:
 *   read in the check's own code with a bare `if`.
 * - a tag without `key:` among tags that all have one: legal (a "simple tag"), but in a file whose
 *   other tags are `key:value` it is almost always a slip (`env prd`, `env=prd`).
 */
import { type YMap, type YNode, getPair, keyName } from '../yaml/ast.js';
import type { AgentCheckKind } from './kind.js';
import type { Reporter } from './reporter.js';
import type { AgentFileShape } from './shape.js';

interface TruthyOption {
  /** What true does, for the message. */
  whenTrue: string;
  /** Where the check reads it with a bare truth test. */
  source: string;
}

const TRUTHY: Record<AgentCheckKind, Record<string, TruthyOption>> = {
  http_check: {
    include_default_headers: {
      whenTrue: "the agent's default headers are still sent",
      source: 'http_check.py HTTPCheck.__init__: `if not self.instance.get("include_default_headers", True)`',
    },
  },
  mysql: {},
};

const FALSY_WORDS = /^(?:false|no|off|n|0)$/i;

export function checkTruthyStrings(shape: AgentFileShape, kind: AgentCheckKind, r: Reporter): void {
  const options = TRUTHY[kind];
  for (const { map, index } of shape.instances) {
    for (const pair of map.pairs) {
      const opt = options[keyName(pair)];
      const v = pair.value;
      if (!opt || v.kind !== 'scalar' || typeof v.value !== 'string' || v.value === '') continue;
      const looksFalse = FALSY_WORDS.test(v.value.trim());
      r.report(
        v,
        'warning',
        'truthy-string',
        `"${keyName(pair)}" in instance ${index + 1} is the string "${v.value}", and the check tests it with Python truthiness (${opt.source}), where any non-empty string is true: ${opt.whenTrue}${looksFalse ? '; write false without quotes' : '; write true or false without quotes'}`,
      );
    }
  }
}

function tagNodes(map: YMap): YNode[] {
  const tags = getPair(map, 'tags')?.value;
  return tags?.kind === 'seq' ? tags.items.filter((t) => t.kind === 'scalar' && typeof t.value === 'string') : [];
}

export function checkTagConsistency(shape: AgentFileShape, r: Reporter): void {
  const maps = [...(shape.initConfig ? [shape.initConfig] : []), ...shape.instances.map((i) => i.map)];
  const all = maps.flatMap(tagNodes);
  const keyed = all.filter((t) => t.kind === 'scalar' && String(t.value).includes(':'));
  const simple = all.filter((t) => t.kind === 'scalar' && !String(t.value).includes(':'));
  // Only an odd one out is a smell: a file of simple tags is a choice.
  if (keyed.length < 2 || simple.length === 0 || simple.length >= keyed.length) return;
  const example = keyed[0]?.kind === 'scalar' ? String(keyed[0].value) : 'key:value';
  for (const t of simple) {
    if (t.kind !== 'scalar') continue;
    const v = String(t.value);
    const guess = /^([^\s=]+)[\s=]+(.+)$/.exec(v);
    const fix = guess ? `"${guess[1]}:${guess[2]}"` : `"KEY:${v}"`;
    r.report(
      t,
      'warning',
      'tag-without-key',
      `tag "${v}" has no "key:", while the file's other tags do (e.g. "${example}"): it becomes a simple tag that no key:value facet finds; write ${fix}`,
    );
  }
}
