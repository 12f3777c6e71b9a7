/**
 * Routing analysis (CONFIG-FACTS B5, E1.7). Per routing context (the root, or one label), rules
 * run in file order and the first matching `<match>` takes the event, so:
 * - a `<match>` whose every pattern is covered by earlier `<match>`es never receives anything;
 * - a `<filter>` whose every pattern is covered by earlier `<match>`es is never applied;
 * - a `<source>` whose tags no `<match>` of its context catches loses its events.
 * Only exact answers are reported: coverage is decided on automata (automaton.ts); `/regex/`
 * patterns and computed ones are never used to claim shadowing, and make "nothing catches this"
 * claims stand down. Rules in different `<worker>` sections are not compared with each other.
 */
import { Budget, intersects, isSubset, matches, union } from './automaton.js';
import { type Element, pluginType } from './ast.js';
import type { ConfigModel, Directive } from './model.js';
import type { Report } from './report.js';
import { sourceTags } from './source-tags.js';
import {
  type Alternative,
  type Nfa,
  type Parts,
  type TagPiece,
  compileAlternative,
  disjointParts,
  globNfa,
  piecesNfa,
  splitPattern,
  tagParts,
} from './tag-pattern.js';

interface Rule {
  d: Directive;
  dynamic: boolean;
  alts: Alternative[];
}

type Glob = Extract<Alternative, { kind: 'glob' }>;

/** fluentd's own log events, at the default log level and above (`fluent_log_event_router.rb`). */
const FLUENT_LOG_TAGS = ['fluent.info', 'fluent.warn', 'fluent.error', 'fluent.fatal'];

export function checkRouting(
  model: ConfigModel,
  report: Report,
  options: { complete: boolean; forwardedTags?: readonly string[] },
): void {
  const budget = new Budget();
  const nfaCache = new Map<string, Nfa>();
  const nfaOf = (g: Glob): Nfa => {
    let n = nfaCache.get(g.text);
    if (!n) nfaCache.set(g.text, (n = globNfa(g.seq)));
    return n;
  };

  const rules: Rule[] = [];
  for (const d of model.directives) {
    if (d.kind === 'source') continue;
    const dynamic = d.el.argEmbedded.some((e) => e.evaluated);
    const alts = dynamic ? [] : splitPattern(d.el.arg).map(compileAlternative);
    for (const a of alts) {
      if (a.kind === 'invalid') {
        report.error(
          { file: d.el.file, pos: d.el.argPos },
          'fluentd/invalid-pattern',
          `invalid match - regex: the pattern ${a.text} starts with / but does not end with / (patterns are split on spaces, so a /regex/ cannot contain one)`,
        );
      }
    }
    rules.push({ d, dynamic, alts });
  }

  const byContext = new Map<string, Rule[]>();
  for (const r of rules) {
    const list = byContext.get(r.d.context);
    if (list) list.push(r);
    else byContext.set(r.d.context, [r]);
  }
  for (const list of byContext.values()) checkShadowing(list, report, nfaOf, budget);
  if (!options.complete) return;
  if (!model.directives.some((d) => d.kind === 'match')) {
    // A file without any <match> is most often a fragment that another file @includes (sources or
    // filters kept apart): whether its events go anywhere is decided by the including file.
    const sources = model.directives.filter((d) => d.kind === 'source').length;
    if (sources === 0 && !model.directives.some((d) => d.kind === 'filter')) return;
    report.notice(
      { file: model.root.file, pos: { line: 1, column: 1 } },
      'fluentd/no-match',
      `this configuration has no <match>${sources > 0 ? `, so the events of its ${sources} <source>${sources > 1 ? 's' : ''} go nowhere on its own` : ''}: taken as a fragment that another file @includes, it is not judged on routing; check the file that includes it`,
    );
    return;
  }
  for (const d of model.directives) {
    if (d.kind !== 'source') continue;
    if (d.context !== '' && !model.labels.has(d.context)) continue;
    checkSource(d, byContext.get(d.context) ?? [], report, nfaOf, budget, options.forwardedTags ?? []);
  }
  if (!model.labels.has('@FLUENT_LOG')) checkFluentLogs(byContext.get('') ?? [], report, nfaOf);
}

function where(el: Element): string {
  const tag = el.arg ? `<${el.name} ${el.arg}>` : `<${el.name}>`;
  return `${tag} (${el.file}:${el.pos.line})`;
}

function checkShadowing(rules: Rule[], report: Report, nfaOf: (g: Glob) => Nfa, budget: Budget): void {
  const earlier: Array<{ rule: Rule; alt: Alternative }> = [];
  for (const rule of rules) {
    if (rule.dynamic || rule.alts.length === 0) {
      continue;
    }
    const same = earlier.filter((e) => e.rule.d.scope === rule.d.scope);
    const covered: Array<{ alt: Alternative; by: Rule[] }> = [];
    for (const alt of rule.alts) {
      const by = coveredBy(alt, same, nfaOf, budget);
      if (by) covered.push({ alt, by });
    }
    const el = rule.d.el;
    if (covered.length > 0 && covered.length === rule.alts.length) {
      const by = [...new Set(covered.flatMap((c) => c.by))];
      const culprits = by
        .slice(0, 3)
        .map((r) => where(r.d.el))
        .join(', ');
      if (rule.d.kind === 'match') {
        report.error(
          el,
          'fluentd/shadowed-match',
          `${where(el)} never receives any event: ${culprits} ${by.length > 1 ? 'catch' : 'catches'} every tag it matches first, and fluentd sends an event to the first matching <match> only; move it above or remove it`,
        );
      } else {
        report.error(
          el,
          'fluentd/dead-filter',
          `${where(el)} is never applied: ${culprits} ${by.length > 1 ? 'catch' : 'catches'} every tag it matches before it; a <filter> must come before the <match> it feeds`,
        );
      }
    } else if (rule.d.kind === 'match') {
      for (const c of covered) {
        const culprits = c.by
          .slice(0, 3)
          .map((r) => where(r.d.el))
          .join(', ');
        report.warning(
          el,
          'fluentd/shadowed-match',
          `pattern ${c.alt.text} of ${where(el)} never matches anything: ${culprits} ${c.by.length > 1 ? 'catch' : 'catches'} all of its tags first; remove it from the pattern list`,
        );
      }
    }
    if (rule.d.kind === 'match') for (const alt of rule.alts) earlier.push({ rule, alt });
  }
}

/** The earlier rules that together cover every tag `alt` matches, or undefined when not (or unknown). */
function coveredBy(
  alt: Alternative,
  earlier: Array<{ rule: Rule; alt: Alternative }>,
  nfaOf: (g: Glob) => Nfa,
  budget: Budget,
): Rule[] | undefined {
  if (alt.kind === 'invalid') return undefined;
  const globs = earlier.filter((e): e is { rule: Rule; alt: Glob } => e.alt.kind === 'glob');
  if (alt.kind === 'regex') {
    const all = globs.find((e) => e.alt.text === '**');
    return all ? [all.rule] : undefined;
  }
  const prefix = alt.prefix;
  const cands = globs.filter((e) => {
    const p = e.alt.prefix;
    return (p.startsWith(prefix) || prefix.startsWith(p)) && !disjointParts(alt.parts, e.alt.parts);
  });
  if (cands.length === 0) return undefined;
  const byPrefix = cands.find((e) => {
    const p = prefixAll(e.alt);
    return (
      p !== undefined && (p === '' || prefix.startsWith(`${p}.`) || (alt.literal !== undefined && alt.literal === p))
    );
  });
  if (byPrefix) return [byPrefix.rule];
  if (alt.literal !== undefined) {
    const lit = alt.literal;
    const hit = cands.find((e) => matches(nfaOf(e.alt), lit));
    return hit ? [hit.rule] : undefined;
  }
  const mine = nfaOf(alt);
  const overlapping = cands.filter((e) => intersects(mine, nfaOf(e.alt), budget) !== false);
  if (overlapping.length === 0) return undefined;
  // Name a single earlier rule when one suffices; the whole overlapping set otherwise.
  const alone = overlapping.find((e) => isSubset(mine, nfaOf(e.alt), budget) === true);
  if (alone) return [alone.rule];
  if (overlapping.length === 1) return undefined;
  const verdict = isSubset(mine, union(overlapping.map((e) => nfaOf(e.alt))), budget);
  return verdict === true ? [...new Set(overlapping.map((e) => e.rule))] : undefined;
}

/**
 * `P.**` (or `**`, P = ''): covers exactly the tag P and every tag starting with `P.`. The cheap
 * exact rule of E1.7, which settles most real configurations without building an automaton.
 */
function prefixAll(g: Glob): string | undefined {
  const seq = g.seq;
  if (seq.length === 1 && seq[0]?.k === 'any') return '';
  if (seq.length < 3 || seq[seq.length - 1]?.k !== 'any' || seq[seq.length - 2]?.k !== 'peek') return undefined;
  let p = '';
  for (const a of seq.slice(0, -2)) {
    if (a.k !== 'char') return undefined;
    p += a.c;
  }
  return p;
}

function coveredByPrefix(pieces: TagPiece[], prefixes: readonly string[]): boolean {
  const first = pieces[0];
  const lead = first && 'lit' in first ? first.lit : '';
  const literal = pieces.length === 1 && lead !== '';
  return prefixes.some((p) => p === '' || lead.startsWith(`${p}.`) || (literal && lead === p));
}

/** What the pieces of a source's tags fix: whole parts before the first and after the last wildcard. */
function sourceParts(pieces: TagPiece[]): Parts | undefined {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (pieces.length === 1 && first && 'lit' in first) return tagParts(first.lit);
  const head = first && 'lit' in first ? first.lit.split('.').slice(0, -1) : [];
  const tail = last && 'lit' in last ? last.lit.split('.').slice(1).reverse() : [];
  return { head, tail, count: undefined };
}

function checkSource(
  d: Directive,
  rules: Rule[],
  report: Report,
  nfaOf: (g: Glob) => Nfa,
  budget: Budget,
  forwarded: readonly string[],
): void {
  const tags = sourceTags(d.el, d.type, forwarded);
  if (!tags) return;
  const relevant = rules.filter(
    (r) => r.d.kind === 'match' && (d.scope === '' || r.d.scope === '' || r.d.scope === d.scope),
  );
  if (relevant.some((r) => r.dynamic)) return;
  const alts = relevant.flatMap((r) => r.alts);
  const literal = tags.alternatives.every((a) => a.length === 1 && 'lit' in (a[0] as object));
  const regexes = alts.filter((a): a is Extract<Alternative, { kind: 'regex' }> => a.kind === 'regex');
  if (regexes.length > 0 && (!literal || regexes.some((r) => r.re === undefined))) return;
  // Only patterns that can share a tag with this source matter (cheap tests first).
  const srcParts = tags.alternatives.map(sourceParts);
  const srcPrefixes = tags.alternatives.map((a) => (a[0] && 'lit' in a[0] ? a[0].lit : ''));
  const globs = alts.filter((a): a is Glob => {
    if (a.kind !== 'glob') return false;
    const p = a.prefix;
    return tags.alternatives.some((_, i) => {
      const sp = srcPrefixes[i] as string;
      return (sp.startsWith(p) || p.startsWith(sp)) && !disjointParts(srcParts[i], a.parts);
    });
  });
  const srcNfa =
    tags.alternatives.length === 1
      ? piecesNfa(tags.alternatives[0] as TagPiece[])
      : union(tags.alternatives.map((a) => piecesNfa(a)));
  const prefixes = globs.map(prefixAll).filter((p): p is string => p !== undefined);
  if (tags.alternatives.every((a) => coveredByPrefix(a, prefixes))) return;
  const target = globs.length > 0 ? union(globs.map(nfaOf)) : undefined;
  const regexHit = (tag: string): boolean => regexes.some((r) => r.re?.test(tag) ?? false);
  const ctx = d.context === '' ? '' : ` in <label ${d.context}>`;
  const at = { file: tags.at.file, pos: tags.at.valuePos };
  const shown = tags.shown.slice(0, 3).join(', ');

  let any: boolean | undefined;
  let all: boolean | undefined;
  if (literal) {
    const lits = tags.alternatives.map((a) => (a[0] as { lit: string }).lit);
    const hits = lits.map((t) => regexHit(t) || (target ? matches(target, t) : false));
    any = hits.some(Boolean);
    all = hits.every(Boolean);
  } else {
    any = target ? intersects(srcNfa, target, budget) : false;
    all = any === true && target ? isSubset(srcNfa, target, budget) : any === false ? false : undefined;
  }
  if (any === false) {
    report.error(
      at,
      'fluentd/unrouted-source',
      `events of this <source> (tag ${shown}) match no <match>${ctx}, so fluentd drops them with "no patterns matched"${starHint(alts, srcNfa, budget)}; add a <match> that catches them`,
    );
  } else if (any === true && all === false) {
    report.warning(
      at,
      'fluentd/partially-routed-source',
      `some events of this <source> (tag ${shown}) match no <match>${ctx} and are dropped with "no patterns matched"${starHint(alts, srcNfa, budget)}; widen a <match> pattern`,
    );
  }
}

/** `*` is one tag part (B6): point it out when `**` in its place would have caught the tags. */
function starHint(alts: Alternative[], src: Nfa, budget: Budget): string {
  for (const g of alts) {
    if (g.kind !== 'glob') continue;
    if (!/(^|[^*])\*($|[^*])/.test(g.text)) continue;
    const widened = g.text.replace(/(^|[^*])\*(?!\*)/g, '$1**');
    const alt = compileAlternative(widened);
    if (alt.kind === 'glob' && intersects(src, globNfa(alt.seq), budget) === true) {
      return `; note that * in ${g.text} matches exactly one tag part, ${widened} would match these`;
    }
  }
  return '';
}

function checkFluentLogs(rules: Rule[], report: Report, nfaOf: (g: Glob) => Nfa): void {
  const receivers = new Map<Rule, string[]>();
  for (const tag of FLUENT_LOG_TAGS) {
    for (const r of rules) {
      if (r.d.kind !== 'match') continue;
      if (r.dynamic || r.alts.some((a) => a.kind === 'regex')) return;
      if (r.alts.some((a) => a.kind === 'glob' && matches(nfaOf(a), tag))) {
        const list = receivers.get(r);
        if (list) list.push(tag);
        else receivers.set(r, [tag]);
        break;
      }
    }
  }
  for (const [r, tags] of receivers) {
    const t = pluginType(r.d.el);
    if (t?.value === 'null') continue;
    report.warning(
      r.d.el,
      'fluentd/captures-fluent-logs',
      `${where(r.d.el)} also receives fluentd's own log events (${tags.join(', ')}) and sends them on${t ? ` to @type ${t.value}` : ''}; add <label @FLUENT_LOG> with its own <match>, or an earlier <match fluent.**> with @type null`,
    );
  }
}
