/**
 * The tags a sender configuration forwards: for each `<source>` whose tag is known (source-tags.ts),
 * the first `<match>` of its routing context that matches it (CONFIG-FACTS B5: first match wins);
 * when that match is `@type forward` (or a `copy` with a forward `<store>`), the tag leaves with the
 * event unchanged (out_forward sends the tag as is, C2), so it is a tag the aggregator's in_forward
 * receives. Only literal tags count: a computed tag or a /regex/ match says nothing certain.
 */
import { matches } from './automaton.js';
import { type Element, lastParam, pluginType } from './ast.js';
import type { ParseOutcome } from './ast.js';
import { buildModel, type Directive } from './model.js';
import { Report } from './report.js';
import { sourceTags } from './source-tags.js';
import { compileAlternative, globNfa, splitPattern } from './tag-pattern.js';

function patternMatches(arg: string, tag: string): boolean | undefined {
  for (const text of splitPattern(arg)) {
    const alt = compileAlternative(text);
    if (alt.kind === 'glob' && matches(globNfa(alt.seq), tag)) return true;
    if (alt.kind === 'regex') {
      if (!alt.re) return undefined;
      if (alt.re.test(tag)) return true;
    }
  }
  return false;
}

function forwards(el: Element): boolean {
  const t = pluginType(el);
  if (!t || t.dynamic) return false;
  if (t.value === 'forward') return true;
  return (
    t.value === 'copy' && el.elements.some((s) => s.name === 'store' && lastParam(s, '@type')?.value === 'forward')
  );
}

/** The literal tags this configuration sends on with out_forward, sorted. */
export function forwardedTagsOf(parsed: ParseOutcome): string[] {
  if (parsed.fatal) return [];
  const model = buildModel(parsed.root, new Report(), { complete: !parsed.incomplete });
  const out = new Set<string>();
  const matchesIn = (context: string): Directive[] =>
    model.directives.filter((d) => d.kind === 'match' && d.context === context);
  for (const d of model.directives) {
    if (d.kind !== 'source') continue;
    const tags = sourceTags(d.el, d.type);
    if (!tags) continue;
    for (const alt of tags.alternatives) {
      const only = alt[0];
      if (alt.length !== 1 || !only || !('lit' in only)) continue;
      let first: Directive | undefined;
      for (const m of matchesIn(d.context)) {
        if (m.el.argEmbedded.some((e) => e.evaluated)) break;
        const hit = patternMatches(m.el.arg, only.lit);
        if (hit === undefined) break;
        if (hit) {
          first = m;
          break;
        }
      }
      if (first && forwards(first.el)) out.add(only.lit);
    }
  }
  return [...out].sort();
}
