/**
 * The Fluentd configuration checker: a `fluent.conf` and everything it `@include`s, parsed with
 * fluentd v1's exact grammar, then checked for what fluentd rejects at start-up, what silently
 * loses events, and secrets in plain sight (CONFIG-FACTS parts B-E).
 */
import type { CheckContext } from '../context.js';
import { dedupeFindings, type Finding } from '../findings.js';
import type { ConfigFs } from '../fs.js';
import type { SourceText } from '../source.js';
import type { ParseOutcome } from './ast.js';
import { checkDuplicateIds, checkDuplicateKeys } from './duplicates.js';
import { forwardedTagsOf } from './forwarded-tags.js';
import { checkGems } from './gems.js';
import { loadConfig, parseSource } from './load.js';
import { buildModel } from './model.js';
import { checkPluginRules } from './plugin-rules.js';
import { checkPlugins } from './plugins.js';
import { Report } from './report.js';
import { checkRouting } from './routing.js';
import { checkSecrets } from './secrets.js';

export type { Element, Param, ParseOutcome } from './ast.js';

export interface FluentdCheckResult {
  findings: Finding[];
  /** Display paths of every file read (the entry and its @includes), in read order. */
  files: string[];
  /** ENV names the config reads via "#{ENV['X']}" / ENV.fetch (for reports). */
  envNames: string[];
}

/** Check a fluent.conf (entry path as understood by `fs`) and everything it @includes. */
export function checkFluentd(entry: string, fs: ConfigFs, ctx: CheckContext): FluentdCheckResult {
  return analyse(loadConfig(entry, fs), ctx);
}

/**
 * Parse one text as fluentd would (includes are listed in the tree's findings but not followed):
 * the element tree with positions, plus parse findings.
 */
export function parseFluentd(source: SourceText): ParseOutcome {
  return parseSource(source);
}

/** Check one text without following includes (tests, stdin). */
export function checkFluentdSource(source: SourceText, ctx: CheckContext = {}): FluentdCheckResult {
  return analyse(parseSource(source), ctx);
}

function analyse(parsed: ParseOutcome, ctx: CheckContext): FluentdCheckResult {
  if (parsed.fatal) return { findings: dedupeFindings(parsed.findings), files: parsed.files, envNames: [] };
  const report = new Report(parsed.findings);
  const complete = !parsed.incomplete;
  const model = buildModel(parsed.root, report, { complete });
  const uses = checkPlugins(model, report);
  checkDuplicateIds(uses, report);
  checkPluginRules(model, uses, report);
  checkRouting(model, report, { complete, forwardedTags: ctx.fluentd?.forwardedTags ?? [] });
  const envNames = checkSecrets(parsed.root, parsed.includeCode, uses, ctx, report);
  checkGems(uses, ctx.image, report);
  checkDuplicateKeys(parsed.root, report);
  // A file included twice is checked twice, at the same lines: its findings are the same, kept once.
  return { findings: dedupeFindings(report.findings), files: parsed.files, envNames };
}

/**
 * The tags a sender's configuration (a fluent.conf in no image, e.g. on the web servers) forwards
 * with out_forward: the tags the aggregator's in_forward receives (forwarded-tags.ts).
 */
export function senderForwardedTags(entry: string, fs: ConfigFs): string[] {
  return forwardedTagsOf(loadConfig(entry, fs));
}

/** Cheap content sniff for `check FILE` without --kind: true when the text looks like a Fluentd config. */
export function looksLikeFluentd(text: string): boolean {
  const head = text.length > 65_536 ? text.slice(0, 65_536) : text;
  return (
    /^[ \t]*<(source|match|filter|label|system|worker)(?:[ \t][^>\n]*)?>[ \t]*(?:#.*)?\r?$/m.test(head) ||
    /^[ \t]*@include[ \t]+\S/m.test(head)
  );
}
