/**
 * The same key twice in one section: fluentd keeps the last value without a word (CONFIG-FACTS B2,
 * verified), which usually hides an edit that did not take effect. Also the same `@id` on two
 * plugins, which fluentd refuses (`Duplicated plugin id`).
 */
import type { Element, Param } from './ast.js';
import type { PluginUse } from './plugins.js';
import type { Report } from './report.js';

export function checkDuplicateKeys(root: Element, report: Report): void {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    const seen = new Map<string, Param>();
    for (const p of el.params) {
      const prev = seen.get(p.key);
      if (prev) {
        report.warning(
          p,
          'fluentd/duplicate-key',
          `${p.key} is set twice in this section (first at ${prev.file}:${prev.pos.line}); fluentd silently keeps this last value: remove one`,
        );
      }
      seen.set(p.key, p);
    }
    for (const c of el.elements) stack.push(c);
  }
}

export function checkDuplicateIds(uses: PluginUse[], report: Report): void {
  const ids = new Map<string, Param>();
  for (const use of uses) {
    if (use.kind !== 'input' && use.kind !== 'output' && use.kind !== 'filter') continue;
    const id = [...use.el.params].reverse().find((p) => p.key === '@id' || p.key === 'id');
    if (!id || id.dynamic) continue;
    const prev = ids.get(id.value);
    if (prev) {
      report.error(
        { file: id.file, pos: id.valuePos },
        'fluentd/duplicate-id',
        `Duplicated plugin id \`${id.value}\` (also at ${prev.file}:${prev.pos.line}). Check whole configuration and fix it.`,
      );
    } else ids.set(id.value, id);
  }
}
