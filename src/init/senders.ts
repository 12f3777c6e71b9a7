/**
 * The web servers' Fluentd configs (a fluent.conf no image carries): the tags their forward
 * `<match>` sends to the aggregator become `fluentd.forwardedTags`, so the aggregator's routing
 * check knows what its in_forward receives (an in_forward source keeps its senders' tags).
 */
import path from 'node:path';
import { readSource } from '../checks/source.js';
import { type Element, parseFluentd } from '../checks/fluentd/index.js';
import { pluginType } from '../checks/fluentd/ast.js';

/** `<match a b>` with `@type forward`, or a `copy` with a forward `<store>`. */
function forwards(el: Element): boolean {
  const type = pluginType(el)?.value;
  if (type === 'forward') return true;
  return type === 'copy' && el.elements.some((s) => s.name === 'store' && pluginType(s)?.value === 'forward');
}

function forwardPatterns(el: Element, out: string[]): void {
  for (const child of el.elements) {
    if (child.name === 'match' && forwards(child)) out.push(...child.arg.split(/\s+/).filter(Boolean));
    else if (child.name === 'label') forwardPatterns(child, out);
  }
}

/** Literal tags the senders forward, in first-seen order; patterns with wildcards become notes. */
export function senderTags(root: string, senders: readonly string[], notes: string[]): string[] {
  const tags: string[] = [];
  for (const file of senders) {
    const decoded = readSource(file, path.join(root, file));
    if (!decoded.ok) continue;
    const patterns: string[] = [];
    forwardPatterns(parseFluentd(decoded.source).root, patterns);
    for (const p of patterns) {
      if (/[*{}/]/.test(p))
        notes.push(
          `${file}: <match ${p}> forwards a pattern, not a tag: list the tags it sends under fluentd.forwardedTags`,
        );
      else if (!tags.includes(p)) tags.push(p);
    }
  }
  return tags;
}
