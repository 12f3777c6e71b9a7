/**
 * Reading a configuration the way fluentd does: the entry file, then every `@include` expanded in
 * place (relative to the including file's directory, globs sorted: `v1_parser.rb` `eval_include`,
 * CONFIG-FACTS B2), parse errors stopping everything at the first one. Expansion is a loop over an
 * explicit stack, so neither deep nesting nor long include chains can exhaust the call stack.
 */
import { type Finding, type LineIndex, finding } from '../findings.js';
import { type ConfigFs, hasGlob } from '../fs.js';
import { type SourceText, templateNotice } from '../source.js';
import type { Element, FileFragment, IncludeNode, Item, Param, ParseOutcome } from './ast.js';
import { parseFile } from './parser.js';
import { appendAll } from '../findings.js';

/** Past this many nested includes something is wrong (fluentd itself would eventually crash). */
const MAX_INCLUDE_DEPTH = 32;
/** A glob like `/**\/*.conf` must not turn one check into thousands of file reads. */
const MAX_FILES = 500;
/**
 * Expansions in all (a file read into the tree once per `@include` that reaches it). Fluentd expands
 * an include every time it appears, so a chain of files each including the next twice doubles per
 * level, and files that each include `*.conf` multiply: both are bounded here by count and size.
 */
export const MAX_EXPANSIONS = 1_000;
/** Characters of text expanded in all, counting a file again each time it is included. */
export const MAX_EXPANDED_CHARS = 16 * 1024 * 1024;
/** Names editors and admins leave behind; fluentd warns when a glob include picks them up (B2). */
const BACKUP_NAME = /(\.bak|\.orig|\.old|_old|\.backup|\.swp|\.tmp|~)(\.conf)?$/i;

interface FileCtx {
  /** Path as `fs` understands it. */
  path: string;
  display: string;
  lines: LineIndex;
}

interface Frame {
  items: Item[];
  i: number;
  target: Element;
  file: FileCtx;
  /** Display paths of the files being included, entry first, for cycle detection. */
  chain: string[];
  /** Set on a file's top frame: its parse error (if any) fires once all its items are in. */
  fragment?: FileFragment;
}

/** Parse a single text as an entry file (no includes followed): tests, the bench, `check -`. */
export function parseSource(source: SourceText): ParseOutcome {
  const fs: ConfigFs = {
    read: () => ({ ok: true, source }),
    glob: () => [],
    display: (f) => f,
  };
  return loadConfig(source.file, fs, { followIncludes: false });
}

export function loadConfig(entry: string, fs: ConfigFs, options: { followIncludes?: boolean } = {}): ParseOutcome {
  const follow = options.followIncludes ?? true;
  const findings: Finding[] = [];
  const files: string[] = [];
  const display = fs.display(entry);
  const root: Element = {
    file: display,
    pos: { line: 1, column: 1 },
    name: '',
    arg: '',
    argQuote: 'empty',
    argPos: { line: 1, column: 1 },
    argEmbedded: [],
    params: [],
    elements: [],
    depth: 0,
  };
  const includeCode: ParseOutcome['includeCode'] = [];
  const outcome = (fatal: boolean, incomplete: boolean): ParseOutcome => ({
    root,
    findings,
    fatal,
    files,
    incomplete,
    includeCode,
  });

  const decoded = fs.read(entry);
  files.push(display);
  if (!decoded.ok) {
    appendAll(findings, decoded.findings);
    return outcome(true, true);
  }
  const notice = templateNotice(decoded.source);
  if (notice) {
    findings.push(notice);
    return outcome(true, true);
  }
  const entryBom = bomFinding(decoded.source);
  if (entryBom) {
    findings.push(entryBom);
    return outcome(true, true);
  }
  let incomplete = false;
  const cache = new Map<string, FileFragment>();
  const parse = (ctx: FileCtx, text: string, entryFile: boolean): FileFragment => {
    let frag = cache.get(ctx.display);
    if (!frag) {
      frag = parseFile(text, { entry: entryFile });
      cache.set(ctx.display, frag);
      for (const w of frag.warnings)
        findings.push(finding(ctx.display, ctx.lines.position(w.offset), 'warning', w.code, w.message));
    }
    return frag;
  };

  let expansions = 0;
  let expandedChars = decoded.source.text.length;
  /** Include lines already reported as closing a cycle: once each, however many paths reach them. */
  const cycleReported = new Set<string>();
  const globCache = new Map<string, ReturnType<typeof resolveInclude>>();
  const entryCtx: FileCtx = { path: entry, display, lines: decoded.source.lines };
  const entryFrag = parse(entryCtx, decoded.source.text, true);
  const stack: Frame[] = [
    { items: entryFrag.items, i: 0, target: root, file: entryCtx, chain: [display], fragment: entryFrag },
  ];

  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Frame;
    if (top.i >= top.items.length) {
      stack.pop();
      const err = top.fragment?.error;
      if (err) {
        findings.push(finding(top.file.display, top.file.lines.position(err.offset), 'error', err.code, err.message));
        return outcome(true, true);
      }
      continue;
    }
    const item = top.items[top.i++] as Item;
    const { lines } = top.file;
    if (item.kind === 'param') {
      const p: Param = {
        file: top.file.display,
        pos: lines.position(item.keyOffset),
        key: item.key,
        value: item.value,
        quote: item.quote,
        raw: item.raw,
        valuePos: lines.position(item.valueOffset),
        embedded: item.embedded,
        dynamic: item.embedded.some((e) => e.evaluated),
      };
      top.target.params.push(p);
      continue;
    }
    if (item.kind === 'element') {
      const el: Element = {
        file: top.file.display,
        pos: lines.position(item.offset),
        name: item.name,
        arg: item.arg,
        argQuote: item.argQuote,
        argPos: lines.position(item.argOffset),
        argEmbedded: item.argEmbedded,
        params: [],
        elements: [],
        depth: top.target.depth + 1,
      };
      top.target.elements.push(el);
      stack.push({ items: item.items, i: 0, target: el, file: top.file, chain: top.chain });
      continue;
    }
    // @include
    const at = lines.position(item.offset);
    const where = top.file.display;
    if (item.embedded.length > 0)
      includeCode.push({ file: where, pos: lines.position(item.uriOffset), embedded: item.embedded });
    if (item.legacy)
      findings.push(
        finding(
          where,
          at,
          'warning',
          'fluentd/deprecated-include',
          "'include' is deprecated: write '@include' instead",
        ),
      );
    if (!follow) {
      incomplete = true;
      continue;
    }
    // The same @include line is met again in each copy of its file: list the directory once.
    const globKey = `${top.file.path}\0${item.uri}`;
    const resolved = globCache.get(globKey) ?? resolveInclude(item, top.file, fs);
    globCache.set(globKey, resolved);
    if ('finding' in resolved) {
      incomplete = true;
      findings.push(
        finding(where, lines.position(item.uriOffset), 'warning', resolved.finding.code, resolved.finding.message),
      );
      continue;
    }
    if (resolved.paths.length === 0) {
      incomplete = true;
      findings.push(
        finding(
          where,
          lines.position(item.uriOffset),
          'warning',
          'fluentd/include-not-found',
          `@include ${item.uri} matches no file here, and fluentd silently ignores it; fix the path if the image does not provide it (checks that need the whole configuration were skipped)`,
        ),
      );
      continue;
    }
    const frames: Frame[] = [];
    for (const path of resolved.paths) {
      const shown = fs.display(path);
      if (hasGlob(item.uri) && BACKUP_NAME.test(shown.slice(shown.lastIndexOf('/') + 1))) {
        findings.push(
          finding(
            where,
            lines.position(item.uriOffset),
            'warning',
            'fluentd/include-backup-file',
            `@include ${item.uri} also reads ${shown}, which looks like a backup copy; rename or delete it, or narrow the glob`,
          ),
        );
      }
      if (top.chain.includes(shown)) {
        const key = `${where}\0${item.offset}`;
        if (cycleReported.has(key)) continue;
        cycleReported.add(key);
        findings.push(
          finding(
            where,
            at,
            'error',
            'fluentd/include-cycle',
            `@include ${item.uri} includes ${shown}, which is already being included (${[...top.chain, shown].join(' -> ')}): fluentd recurses until it crashes; remove the cycle`,
          ),
        );
        continue;
      }
      if (top.chain.length >= MAX_INCLUDE_DEPTH) {
        incomplete = true;
        findings.push(
          finding(
            where,
            at,
            'warning',
            'fluentd/include-limit',
            `includes are nested more than ${MAX_INCLUDE_DEPTH} deep; ${shown} was not read`,
          ),
        );
        continue;
      }
      if (files.length >= MAX_FILES) {
        incomplete = true;
        findings.push(
          finding(
            where,
            at,
            'warning',
            'fluentd/include-limit',
            `more than ${MAX_FILES} files are included; ${shown} and the rest were not read`,
          ),
        );
        break;
      }
      const d = fs.read(path);
      if (!files.includes(shown)) files.push(shown);
      if (!d.ok) {
        incomplete = true;
        appendAll(findings, d.findings);
        continue;
      }
      const tpl = templateNotice(d.source);
      if (tpl) {
        incomplete = true;
        findings.push(tpl);
        continue;
      }
      const bom = bomFinding(d.source);
      if (bom) {
        findings.push(bom);
        return outcome(true, true);
      }
      expansions++;
      expandedChars += d.source.text.length;
      if (expansions > MAX_EXPANSIONS || expandedChars > MAX_EXPANDED_CHARS) {
        findings.push(
          finding(where, at, 'error', 'fluentd/include-explosion', explosionMessage(item.uri, shown, expansions)),
        );
        return outcome(true, true);
      }
      const ctx: FileCtx = { path, display: shown, lines: d.source.lines };
      const frag = parse(ctx, d.source.text, false);
      frames.push({
        items: frag.items,
        i: 0,
        target: top.target,
        file: ctx,
        chain: [...top.chain, shown],
        fragment: frag,
      });
    }
    // Sorted order: the first match must be expanded first, so it goes on top of the stack.
    for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i] as Frame);
  }
  return outcome(false, incomplete);
}

/**
 * Fluentd reads a config as UTF-8 text and does not strip a byte order mark: U+FEFF becomes part
 * of the first token, so `\uFEFF<source>` is read as a parameter name and the `</source>` that
 * follows is an "unmatched end tag" (a BOM before a comment or `@include` silently turns that line
 * into a parameter). Editors on Windows add one on save.
 */
function bomFinding(source: SourceText): Finding | undefined {
  if (!source.bom) return undefined;
  const what =
    source.bom === 'utf8'
      ? 'a UTF-8 byte order mark (BOM)'
      : `a ${source.bom === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} byte order mark: the file is UTF-16`;
  return finding(
    source.file,
    { line: 1, column: 1 },
    'error',
    'fluentd/bom',
    `the file starts with ${what}; fluentd reads the file as UTF-8 with the mark as text, so its first line is misread (typically "unmatched end tag"); save it as UTF-8 without BOM`,
  );
}

function explosionMessage(uri: string, shown: string, expansions: number): string {
  const what =
    expansions > MAX_EXPANSIONS
      ? `${MAX_EXPANSIONS.toLocaleString('en-US')} file expansions`
      : `${MAX_EXPANDED_CHARS / 1024 / 1024} MiB of text`;
  return (
    `@include ${uri} (here reading ${shown}) takes the configuration past ${what}: fluentd expands every @include ` +
    'in place each time it appears, so files that include each other more than once multiply; include each file once'
  );
}

function resolveInclude(
  node: IncludeNode,
  from: FileCtx,
  fs: ConfigFs,
): { paths: string[] } | { finding: { code: string; message: string } } {
  if (node.embedded.some((e) => e.evaluated)) {
    return {
      finding: {
        code: 'fluentd/include-dynamic',
        message: `@include ${node.uri} is computed by embedded Ruby at start-up, so it cannot be checked here (checks that need the whole configuration were skipped)`,
      },
    };
  }
  let path = node.uri;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(path);
  if (scheme && (scheme[1] as string).length > 1) {
    if ((scheme[1] as string).toLowerCase() !== 'file') {
      return {
        finding: {
          code: 'fluentd/include-remote',
          message: `@include ${node.uri} is fetched over the network every time fluentd starts: the configuration is not reproducible and was not checked; copy the file into the image instead`,
        },
      };
    }
    path = path.replace(/^file:(\/\/)?/i, '');
  }
  return { paths: fs.glob(path, from.path) };
}
