/**
 * Is every plugin the configuration names present in the image? Fluentd ships a fixed set of
 * plugins; anything else needs a gem (`fluent-gem install fluent-plugin-datadog`) or a plugin file,
 * or fluentd stops with `Unknown output plugin 'datadog'` (CONFIG-FACTS D6,
 * DataDog/fluent-plugin-datadog#31). Judged only when the Dockerfile is known and builds on the
 * plain `fluent/fluentd` image: other bases may bundle plugins this tool cannot see.
 */
import type { ImageView } from '../context.js';
import type { PluginUse } from './plugins.js';
import type { Report } from './report.js';
import { KNOWN_GEMS, isCorePlugin } from './schema/registry.js';

const FILE_PREFIX: Record<string, string> = {
  input: 'in',
  output: 'out',
  filter: 'filter',
  parser: 'parser',
  formatter: 'formatter',
  buffer: 'buf',
};

/** The official image (`fluent/fluentd:*`, or Docker's `fluentd:*`) contains only the core plugins. */
export function isCoreFluentdImage(ref: string | undefined): boolean {
  if (!ref) return false;
  return /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(?:fluent\/fluentd|(?:library\/)?fluentd)(?:[:@]|$)/.test(
    ref.trim(),
  );
}

const norm = (s: string): string => s.toLowerCase().replace(/[-_]/g, '');

function gemName(g: string): string {
  return g
    .trim()
    .toLowerCase()
    .replace(/[:@\s].*$/, '')
    .replace(/-\d[\w.]*$/, '');
}

export function checkGems(uses: PluginUse[], image: ImageView | undefined, report: Report): void {
  if (!image || !isCoreFluentdImage(image.baseImage)) return;
  const gems = [...image.gems].map(gemName);
  const files = [...image.files.keys()];
  const seen = new Set<string>();
  for (const use of uses) {
    const type = use.type;
    const at = use.typeParam;
    if (type === undefined || !at || at.dynamic || isCorePlugin(use.kind, type)) continue;
    const key = `${use.kind}:${type}:${at.file}:${at.pos.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const known = KNOWN_GEMS[type];
    const plausible = (g: string): boolean => {
      if (!g.startsWith('fluent-plugin-')) return false;
      const suffix = norm(g.slice('fluent-plugin-'.length));
      const t = norm(type);
      return suffix === t || t.startsWith(suffix) || suffix.startsWith(t);
    };
    if ((known && gems.includes(known)) || gems.some(plausible)) continue;
    const fileRe = new RegExp(`/${FILE_PREFIX[use.kind]}_${type.replace(/[^\w]/g, '')}\\.rb$`);
    if (files.some((f) => fileRe.test(f))) continue;
    const gem = known ?? `fluent-plugin-${type.replace(/_/g, '-')}`;
    const message = `Unknown ${use.kind} plugin '${type}'. Run 'gem search -rd fluent-plugin' to find plugins: ${image.dockerfile} builds on ${image.baseImage} and installs no gem providing it; add RUN fluent-gem install ${gem}`;
    if (known && image.complete)
      report.error({ file: at.file, pos: at.valuePos }, 'fluentd/plugin-not-installed', message);
    else
      report.warning(
        { file: at.file, pos: at.valuePos },
        'fluentd/plugin-not-installed',
        `${message}${image.complete ? '' : ' (the Dockerfile does things that cannot be followed statically, so it may still be there)'}`,
      );
  }
}
