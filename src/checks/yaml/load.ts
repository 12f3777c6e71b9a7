/**
 * YAML text -> our tree (ast.ts) plus findings for what a YAML loader rejects or silently drops.
 * Parsing is the `yaml` library's (it keeps source ranges), with a fast path for plain block YAML
 * that builds the same tree (fast-block.ts); typing is ours (resolve.ts), because the agent does
 * not read YAML the way YAML 1.2 says.
 */
import {
  Alias,
  type Document,
  isAlias,
  isMap as yIsMap,
  isPair,
  isScalar as yIsScalar,
  isSeq as yIsSeq,
  parseAllDocuments,
  Scalar,
} from 'yaml';
import type { Node as YamlLibNode } from 'yaml';
import { type Finding, finding } from '../findings.js';
import type { SourceText } from '../source.js';
import type { ScalarStyle, YMap, YNode, YPair, YScalar } from './ast.js';
import { fastLoadBlock } from './fast-block.js';
import { type Flavor, resolvePlain } from './resolve.js';

export interface Duplicate {
  key: string;
  /** The map holding both keys; `path` is its location from the root, e.g. `instances[2]`. */
  map: YMap;
  path: string;
  first: YPair;
  dup: YPair;
}

export interface YamlFile {
  source: SourceText;
  /** Null when the file is empty or does not parse. */
  root: YNode | null;
  /** Syntax errors and structural problems; code prefix `yaml/`. */
  findings: Finding[];
  /** Every key repeated within one mapping (the loader keeps the last). The caller decides how bad that is. */
  duplicates: Duplicate[];
}

/** Deeper than this the tree is not built: such a file is junk or an attack, and recursion must stay bounded. */
export const MAX_DEPTH = 500;

const STYLE: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

class TooDeep extends Error {}

/** Nesting depth by brackets and indentation, without parsing: refuses 10,000-deep input before any recursion. */
function nestingTooDeep(text: string): number | undefined {
  // Character codes rather than one-character strings: this runs over every byte of every file.
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote || c === 0x0a) quote = 0;
      continue;
    }
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x23) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl;
    }
  }
  // Indentation: a block structure deeper than MAX_DEPTH levels needs at least that many columns.
  const m = new RegExp(`^ {${MAX_DEPTH * 2},}\\S`, 'm').exec(text);
  return m ? m.index : undefined;
}

export function loadYaml(source: SourceText, flavor: Flavor): YamlFile {
  const tooDeep = tooDeepFile(source);
  if (tooDeep) return tooDeep;
  // Most check configs are plain block YAML: read those directly (fast-block.ts), and everything
  // else, including every file with a syntax error, with the library.
  const fast = fastLoadBlock(source.text, flavor);
  if (fast) return { source, root: fast.root, findings: [], duplicates: fast.duplicates };
  return parseWithLibrary(source, flavor);
}

/**
 * The library path alone, without the fast path: what `loadYaml` must agree with
 * (test/yaml/fast-path.test.ts compares the two).
 */
export function loadYamlWithLibrary(source: SourceText, flavor: Flavor): YamlFile {
  return tooDeepFile(source) ?? parseWithLibrary(source, flavor);
}

function tooDeepFile(source: SourceText): YamlFile | undefined {
  const deepAt = nestingTooDeep(source.text);
  if (deepAt === undefined) return undefined;
  const f = finding(
    source.file,
    source.lines.position(deepAt),
    'error',
    'yaml/too-deep',
    `YAML nested more than ${MAX_DEPTH} levels deep: not a configuration file`,
  );
  return { source, root: null, findings: [f], duplicates: [] };
}

function parseWithLibrary(source: SourceText, flavor: Flavor): YamlFile {
  const out: YamlFile = { source, root: null, findings: [], duplicates: [] };
  let docs: Document.Parsed[];
  try {
    const all = parseAllDocuments(source.text, {
      schema: 'failsafe',
      uniqueKeys: false,
      version: '1.1',
      prettyErrors: false,
      strict: false,
    });
    docs = Array.isArray(all) ? all : [];
  } catch (err) {
    // The library recurses per nesting level; `- - - - …` thousands deep on one line exhausts the stack.
    const deep = err instanceof RangeError;
    out.findings.push(
      finding(
        source.file,
        { line: 1, column: 1 },
        'error',
        deep ? 'yaml/too-deep' : 'yaml/syntax',
        deep
          ? `YAML nested too deep to read: not a configuration file`
          : `YAML could not be parsed: ${(err as Error).message.split('\n')[0]}`,
      ),
    );
    return out;
  }
  const doc = docs[0];
  if (!doc) return out;
  for (const e of doc.errors) {
    const msg = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'YAML syntax error';
    const deep = /call stack/i.test(msg);
    const code = e.code === 'TAB_AS_INDENT' ? 'yaml/tab-indent' : deep ? 'yaml/too-deep' : 'yaml/syntax';
    const text =
      e.code === 'TAB_AS_INDENT'
        ? 'tab used for indentation: YAML allows only spaces there'
        : deep
          ? 'YAML nested too deep to read: not a configuration file'
          : msg;
    out.findings.push(finding(source.file, source.lines.position(e.pos[0]), 'error', code, text));
  }
  if (out.findings.length) return out;
  if (docs.length > 1) {
    const second = docs[1] as Document.Parsed;
    out.findings.push(
      finding(
        source.file,
        source.lines.position(second.range[0]),
        'warning',
        'yaml/multiple-documents',
        'a second YAML document (after `---`) is ignored by the reader: only the first document counts',
      ),
    );
  }
  const st: ConvertState = { byName: new Map(), size: new Map(), literal: 0 };
  try {
    out.root = doc.contents ? convert(doc.contents as YamlLibNode, flavor, out, '', 0, st) : null;
  } catch (err) {
    if (!(err instanceof TooDeep)) throw err;
    out.findings.push(
      finding(
        source.file,
        { line: 1, column: 1 },
        'error',
        'yaml/too-deep',
        `YAML nested more than ${MAX_DEPTH} levels deep: not a configuration file`,
      ),
    );
    out.root = null;
    return out;
  }
  const bomb = aliasBomb(out.root, st);
  if (bomb) {
    const where = st.firstAlias ?? 0;
    out.findings.push(finding(source.file, source.lines.position(where), 'error', 'yaml/alias-bomb', bomb));
    out.root = null;
    out.duplicates = [];
  }
  return out;
}

/**
 * Aliases are shared in our tree, never copied, so building it is linear; but a reader walking it
 * would visit each shared node once per path to it. go-yaml (which the agent decodes conf.d files
 * with, CONFIG-FACTS.md A0) refuses such a file since yaml.v2 2.2.8 (CVE-2019-11254, "document
 * contains excessive aliasing"): past 1,000 decoded nodes and 100 alias visits, no more than 99% of
 * the decoded nodes may come from aliases, down to 10% between 400,000 and 4,000,000 decoded nodes.
 * The same rule here, on sizes counted once per node, so the verdict costs no expansion.
 */
function aliasBomb(root: YNode | null, st: ConvertState): string | undefined {
  if (!root || st.firstAlias === undefined) return undefined;
  if (st.cyclic) return 'an alias refers to the collection that contains it: the file expands without end';
  const total = st.size.get(root) ?? 0;
  const viaAliases = total - st.literal;
  if (!(viaAliases > 100 && total > 1000 && viaAliases / total > allowedAliasRatio(total))) return undefined;
  const shown = Number.isFinite(total) && total < 1e15 ? Math.round(total).toLocaleString('en-US') : 'more than 10^15';
  return (
    `YAML aliases expand this file to ${shown} nodes (from ${st.literal.toLocaleString('en-US')} written): ` +
    'a "billion laughs" file, which the agent\'s YAML reader refuses as excessive aliasing'
  );
}

function allowedAliasRatio(decoded: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decoded <= low) return 0.99;
  if (decoded >= high) return 0.1;
  return 0.99 - 0.89 * ((decoded - low) / (high - low));
}

interface ConvertState {
  /** Anchor name -> the node it names, the last one before the current point (YAML 1.2 §3.2.2.2). */
  byName: Map<string, YNode>;
  /** Expanded size of each node: itself plus its descendants, an alias counting its target's size. */
  size: Map<YNode, number>;
  /** Nodes written in the file (aliases excluded). */
  literal: number;
  firstAlias?: number;
  /** An alias to a collection still being read: the collection contains itself. */
  cyclic?: boolean;
}

function rangeOf(n: { range?: [number, number, number] | null }): [number, number] {
  const r = n.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function convert(
  node: YamlLibNode | Alias,
  flavor: Flavor,
  out: YamlFile,
  path: string,
  depth: number,
  st: ConvertState,
): YNode {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (isAlias(node)) {
    st.firstAlias ??= rangeOf(node)[0];
    // By name, in document order: the library's own resolve() walks the whole document per alias.
    const known = st.byName.get(node.source);
    if (known) {
      const size = st.size.get(known);
      if (size === undefined) st.cyclic = true;
      return known;
    }
    return { kind: 'scalar', value: null, style: 'plain', text: '', range: rangeOf(node) };
  }
  st.literal++;
  let result: YNode;
  let size = 1;
  const anchor = (n: YNode): void => {
    if (node.anchor) st.byName.set(node.anchor, n);
  };
  const child = (n: YamlLibNode, childPath: string): YNode => {
    const c = convert(n, flavor, out, childPath, depth + 1, st);
    size += st.size.get(c) ?? 0;
    return c;
  };
  if (yIsScalar(node)) {
    const s = node as Scalar;
    const text = typeof s.value === 'string' ? s.value : String(s.value ?? '');
    const style = STYLE[s.type ?? 'PLAIN'] ?? 'plain';
    const tag = s.tag;
    let value: YScalar['value'];
    if (style !== 'plain') value = text;
    else if (tag === 'tag:yaml.org,2002:str') value = text;
    else value = resolvePlain(text, flavor);
    result = { kind: 'scalar', value, style, text, range: rangeOf(s) };
  } else if (yIsMap(node)) {
    const map: YMap = { kind: 'map', pairs: [], flow: Boolean(node.flow), range: rangeOf(node) };
    anchor(map);
    const seen = new Map<string, YPair>();
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YamlLibNode | null;
      const key: YNode = keyNode
        ? child(keyNode, path)
        : { kind: 'scalar', value: null, style: 'plain', text: '', range: [map.range[0], map.range[0]] };
      const keyStr = key.kind === 'scalar' ? String(key.value) : '';
      const childPath = path ? `${path}.${keyStr}` : keyStr;
      const valNode = item.value as YamlLibNode | null;
      const value: YNode = valNode
        ? child(valNode, childPath)
        : { kind: 'scalar', value: null, style: 'plain', text: '', range: [key.range[1], key.range[1]] };
      const pair: YPair = { key, value };
      if (key.kind === 'scalar') {
        const prev = seen.get(keyStr);
        if (prev) out.duplicates.push({ key: keyStr, map, path, first: prev, dup: pair });
        seen.set(keyStr, pair);
      }
      map.pairs.push(pair);
    }
    if (!map.flow) endAtLastChild(map, map.pairs[map.pairs.length - 1]?.value);
    result = map;
  } else if (yIsSeq(node)) {
    const seq: YNode = { kind: 'seq', items: [], flow: Boolean(node.flow), range: rangeOf(node) };
    anchor(seq);
    node.items.forEach((item, i) => {
      if (item === null || item === undefined) {
        seq.items.push({ kind: 'scalar', value: null, style: 'plain', text: '', range: seq.range });
      } else {
        seq.items.push(child(item as YamlLibNode, `${path}[${i}]`));
      }
    });
    if (!seq.flow) endAtLastChild(seq, seq.items[seq.items.length - 1]);
    result = seq;
  } else {
    result = {
      kind: 'scalar',
      value: null,
      style: 'plain',
      text: '',
      range: rangeOf(node as { range?: [number, number, number] }),
    };
  }
  anchor(result);
  st.size.set(result, size);
  return result;
}

/**
 * A block collection ends where its last value ends. The library's own end also swallows the
 * trailing comment and blank lines that follow (up to the next token), which says nothing about
 * the collection and would make the fast path (fast-block.ts) replay the library's comment
 * attribution rules to agree with it.
 */
function endAtLastChild(coll: YNode, last: YNode | undefined): void {
  if (last) coll.range = [coll.range[0], last.range[1]];
}
