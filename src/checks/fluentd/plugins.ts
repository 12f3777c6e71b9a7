/**
 * Known plugins' parameters and sections against their schemas (CONFIG-FACTS E1.3-E1.6): unknown
 * names are warnings with a did-you-mean (fluentd only logs "not used"), values fluentd rejects or
 * silently changes are errors, as are missing required parameters and sections. Third-party
 * plugins without a schema are left alone (the gem check covers whether they exist at all).
 */
import { closest } from '../suggest.js';
import { type Element, type Param, pluginType } from './ast.js';
import type { ConfigModel } from './model.js';
import type { Report } from './report.js';
import { BUFFER_PARAMS, PLUGIN_COMMON } from './schema/common.js';
import { corePluginNames, isCorePlugin, lookupPlugin } from './schema/registry.js';
import { type ParamSpec, type PluggableRef, type PluginKind, type SectionSpec, isPluggable } from './schema/spec.js';
import { SYSTEM } from './schema/system.js';
import { checkValue } from './values.js';

/** A plugin instance found in the tree: a directive, a `<store>` or a `<secondary>`. */
export interface PluginUse {
  el: Element;
  kind: PluginKind;
  /** `@type` as written (undefined when missing or computed). */
  type: string | undefined;
  typeParam: Param | undefined;
  /** The schema, when the plugin is one this project knows. */
  spec: SectionSpec | undefined;
  /** For `<parse>`, `<format>`, `<buffer>`: the plugin that owns the section. */
  owner?: PluginUse;
}

const LEGACY = new Set(['type', 'id', 'log_level']);

const DIRECTIVE_KIND: Record<string, PluginKind> = { source: 'input', match: 'output', filter: 'filter' };

/** Parameter names that are near misses of a real one but too far apart for edit distance. */
const HINTS: Record<string, string> = {
  dd_service: 'service',
  ddsource: 'dd_source',
  ddtags: 'dd_tags',
  apikey: 'api_key',
  hostname: 'dd_hostname',
};

export function checkPlugins(model: ConfigModel, report: Report): PluginUse[] {
  const uses: PluginUse[] = [];
  for (const d of model.directives) {
    const kind = DIRECTIVE_KIND[d.kind] as PluginKind;
    const use = pluginUse(d.el, kind, undefined);
    uses.push(use);
    checkPlugin(use, report, uses);
  }
  if (model.system)
    checkSection(model.system, SYSTEM, { report, uses, where: '<system>', plugin: undefined, isPlugin: false });
  return uses;
}

function pluginUse(el: Element, kind: PluginKind, owner: PluginUse | undefined, fallbackType?: string): PluginUse {
  const t = pluginType(el);
  const type = t ? (t.dynamic ? undefined : t.value) : fallbackType;
  const spec = type !== undefined ? lookupPlugin(kind, type)?.spec : undefined;
  return owner ? { el, kind, type, typeParam: t, spec, owner } : { el, kind, type, typeParam: t, spec };
}

interface Ctx {
  report: Report;
  uses: PluginUse[];
  /** `<match a.**> of datadog plugin`, for messages. */
  where: string;
  plugin: PluginUse | undefined;
  /** The section is a plugin (common `@id`/`@label`/`@log_level` apply). */
  isPlugin: boolean;
}

function describe(use: PluginUse): string {
  const el = use.el;
  const tag = el.arg ? `<${el.name} ${el.arg}>` : `<${el.name}>`;
  return use.type ? `${tag} (@type ${use.type})` : tag;
}

function checkPlugin(use: PluginUse, report: Report, uses: PluginUse[]): void {
  if (use.type === undefined || !use.spec) {
    if (use.type !== undefined && !isCorePlugin(use.kind, use.type)) typoOfCore(use, report);
    return;
  }
  checkSection(use.el, use.spec, { report, uses, where: describe(use), plugin: use, isPlugin: true });
}

/** `@type stdot`: a near miss of a built-in type is almost surely a typo (fluentd: Unknown plugin). */
function typoOfCore(use: PluginUse, report: Report): void {
  if (!use.typeParam || use.type === undefined) return;
  const hint = closest(use.type, corePluginNames(use.kind));
  if (hint) {
    report.warning(
      { file: use.typeParam.file, pos: use.typeParam.valuePos },
      'fluentd/unknown-plugin',
      `@type ${use.type} is not a built-in ${use.kind} plugin (did you mean "${hint}"?); unless a gem provides it, fluentd fails with "Unknown ${use.kind} plugin '${use.type}'"`,
    );
  }
}

/**
 * Schemas nest a few levels, but `<store>` of `@type copy` may hold another copy: past this depth
 * the rest is not checked, so adversarial nesting costs neither stack nor time.
 */
const MAX_PLUGIN_DEPTH = 32;

const BUFFER_SPECS = new Map<string, SectionSpec>();
/** `<buffer>`: output.rb/buffer.rb parameters plus the chosen buffer type's own (open when unknown). */
function bufferSpec(type: string, specific: SectionSpec | undefined): SectionSpec {
  let spec = BUFFER_SPECS.get(type);
  if (!spec)
    BUFFER_SPECS.set(type, (spec = { params: { ...BUFFER_PARAMS, ...(specific?.params ?? {}) }, open: !specific }));
  return spec;
}

const REQUIRED = new WeakMap<SectionSpec, string[]>();
function requiredOf(spec: SectionSpec): string[] {
  let r = REQUIRED.get(spec);
  if (!r)
    REQUIRED.set(
      spec,
      (r = Object.entries(spec.params)
        .filter(([n, p]) => p.required && n !== '@type')
        .map(([n]) => n)),
    );
  return r;
}

function checkSection(el: Element, spec: SectionSpec, ctx: Ctx): void {
  const { report } = ctx;
  if (el.depth > MAX_PLUGIN_DEPTH) {
    report.warning(
      el,
      'fluentd/too-deep',
      `sections are nested more than ${MAX_PLUGIN_DEPTH} levels deep here; this one and those inside it were not checked`,
    );
    return;
  }
  // `Element#[]` falls back from @type/@id/@log_level to the legacy name in every section (element.rb).
  const known = (key: string): ParamSpec | undefined =>
    spec.params[key] ?? (ctx.isPlugin || LEGACY.has(key) ? PLUGIN_COMMON[key] : undefined);
  const seen = new Set<string>();
  for (const p of el.params) {
    seen.add(p.key);
    const ps = known(p.key);
    if (!ps) {
      if (spec.open || spec.compat?.includes(p.key) || p.key.startsWith('@')) continue;
      const candidates = [
        ...Object.keys(spec.params),
        ...(ctx.isPlugin ? Object.keys(PLUGIN_COMMON).filter((k) => k.startsWith('@')) : []),
      ];
      const alias = HINTS[p.key];
      const hint =
        closest(p.key, candidates) ?? (alias !== undefined && candidates.includes(alias) ? alias : undefined);
      report.warning(
        p,
        'fluentd/unknown-parameter',
        `parameter '${p.key}' in ${ctx.where} is not used by fluentd${hint ? ` (did you mean "${hint}"?)` : ''}; remove it or fix the name`,
      );
      continue;
    }
    if (ps.obsoleted) {
      report.error(p, 'fluentd/removed-parameter', `'${p.key}' parameter is already removed: ${ps.obsoleted}`);
      continue;
    }
    if (ps.deprecated)
      report.warning(
        p,
        'fluentd/deprecated-parameter',
        ps.deprecated.startsWith("'") ? ps.deprecated : `'${p.key}' is deprecated: ${ps.deprecated}`,
      );
    if (p.dynamic) continue;
    const problem = checkValue(ps.type, { name: p.key, value: p.value, quote: p.quote, list: ps.list });
    if (problem)
      report.add(
        { file: p.file, pos: p.valuePos },
        problem.severity,
        problem.code,
        ps.secret ? redact(problem.message, p.value) : problem.message,
      );
  }
  for (const name of requiredOf(spec)) {
    if (!seen.has(name)) {
      const inSection = ctx.isPlugin ? '' : `, in section ${el.name}`;
      report.error(
        el,
        'fluentd/missing-parameter',
        `'${name}' parameter is required${inSection}: add ${name} to ${ctx.isPlugin ? ctx.where : `<${el.name}>`}`,
      );
    }
  }

  const byName = new Map<string, Element[]>();
  for (const child of el.elements) {
    const list = byName.get(child.name);
    if (list) list.push(child);
    else byName.set(child.name, [child]);
  }
  for (const [name, children] of byName) {
    const ref = spec.sections?.[name];
    if (!ref) {
      if (spec.open) continue;
      const hint = closest(name, Object.keys(spec.sections ?? {}));
      for (const child of children) {
        report.warning(
          child,
          'fluentd/unknown-section',
          `section <${name}> is not used in ${ctx.where}${hint ? ` (did you mean <${hint}>?)` : ''}; fluentd ignores it`,
        );
      }
      continue;
    }
    if (!ref.multi && children.length > 1) {
      report.error(
        children[1] as Element,
        'fluentd/duplicate-section',
        `'<${name}>' section cannot be written twice or more in ${ctx.where}: merge them`,
      );
    }
    for (const child of children) {
      if (isPluggable(ref)) checkPluggable(child, ref, ctx);
      else checkSection(child, ref.spec, { ...ctx, where: `<${name}> of ${ctx.where}`, isPlugin: false });
    }
  }
  for (const [name, ref] of Object.entries(spec.sections ?? {})) {
    if (ref.required && !byName.has(name)) {
      report.error(
        el,
        'fluentd/missing-section',
        `'<${name}>' sections are required in ${ctx.where}: add at least one <${name}>`,
      );
    }
  }
}

function checkPluggable(child: Element, ref: PluggableRef, ctx: Ctx): void {
  const { report } = ctx;
  const owner = ctx.plugin;
  const typeParam = pluginType(child);
  const where = `<${child.name}> of ${ctx.where}`;
  switch (ref.plug) {
    case 'output': {
      if (!typeParam) {
        report.error(
          child,
          'fluentd/missing-type',
          `Missing '@type' parameter in <${child.name}> section of ${ctx.where}: add @type <plugin>`,
        );
        return;
      }
      const use = pluginUse(child, 'output', owner);
      ctx.uses.push(use);
      checkPlugin(use, report, ctx.uses);
      return;
    }
    case 'secondary': {
      const use = pluginUse(child, 'output', owner, owner?.type);
      ctx.uses.push(use);
      for (const inner of child.elements) {
        if (inner.name === 'buffer' || inner.name === 'secondary') {
          report.error(
            inner,
            'fluentd/unknown-section',
            `<secondary> section cannot have <${inner.name}> section: the secondary uses the primary's buffer`,
          );
        }
      }
      if (use.type === undefined || !use.spec) return;
      const spec: SectionSpec = {
        ...use.spec,
        sections: Object.fromEntries(
          Object.entries(use.spec.sections ?? {}).filter(([k]) => k !== 'buffer' && k !== 'secondary'),
        ),
      };
      const clean: Element = {
        ...child,
        elements: child.elements.filter((e) => e.name !== 'buffer' && e.name !== 'secondary'),
      };
      checkSection(clean, spec, {
        ...ctx,
        where: `<secondary> (@type ${use.type}) of ${ctx.where}`,
        plugin: use,
        isPlugin: true,
      });
      return;
    }
    case 'buffer': {
      const type = typeParam && !typeParam.dynamic ? typeParam.value : 'memory';
      const specific = lookupPlugin('buffer', type)?.spec;
      const use: PluginUse = { el: child, kind: 'buffer', type, typeParam, spec: specific };
      if (owner) use.owner = owner;
      ctx.uses.push(use);
      if (typeParam && !typeParam.dynamic && !specific && !isCorePlugin('buffer', type)) typoOfCore(use, report);
      checkSection(child, bufferSpec(type, specific), { ...ctx, where, isPlugin: false });
      return;
    }
    case 'parser':
    case 'formatter': {
      const kind: PluginKind = ref.plug;
      if (!typeParam && ref.requireType) {
        report.error(
          child,
          'fluentd/missing-type',
          `@type is required in <${child.name}> of ${ctx.where}: add e.g. @type json`,
        );
        return;
      }
      const type = typeParam ? (typeParam.dynamic ? undefined : typeParam.value) : ref.defaultType;
      if (type === undefined) return;
      const spec = lookupPlugin(kind, type)?.spec;
      const use: PluginUse = { el: child, kind, type, typeParam, spec };
      if (owner) use.owner = owner;
      ctx.uses.push(use);
      if (!spec) {
        if (typeParam && !isCorePlugin(kind, type)) typoOfCore(use, report);
        return;
      }
      checkSection(child, spec, { ...ctx, where: `<${child.name}> (@type ${type}) of ${ctx.where}`, isPlugin: false });
      return;
    }
  }
}

function redact(message: string, value: string): string {
  return value.length > 0
    ? message.split(JSON.stringify(value)).join('(the value)').split(value).join('(the value)')
    : message;
}
