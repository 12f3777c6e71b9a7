/**
 * The Fluentd configuration tree, as `v1_parser.rb` builds it (CONFIG-FACTS B2), with positions.
 * Each file is parsed on its own into items (params, elements, includes, in file order); the loader
 * then splices included files in place, exactly where fluentd's `eval_include` merges them.
 */
import type { Finding, Position } from '../findings.js';

/** How a value was written; decides escapes, embedded Ruby and JSON (B3). */
export type Quote = 'none' | 'single' | 'double' | 'json' | 'empty';

/** One `#{...}` found in a value (evaluated only in double quotes and JSON strings). */
export interface EmbeddedCode {
  /** The Ruby code between `#{` and `}`. */
  code: string;
  /** Offset of the `#` in the file text. */
  offset: number;
  /** True when fluentd evaluates it (double-quoted string or JSON string). */
  evaluated: boolean;
}

export interface ParamNode {
  kind: 'param';
  key: string;
  /** The value after escapes (embedded code left as written, since it is not evaluated here). */
  value: string;
  quote: Quote;
  /** The raw text of the value as written in the file. */
  raw: string;
  keyOffset: number;
  valueOffset: number;
  embedded: EmbeddedCode[];
}

export interface ElementNode {
  kind: 'element';
  /** `[a-zA-Z0-9_]+`, or '' for `<>` (fluentd accepts a nameless element). */
  name: string;
  arg: string;
  argQuote: Quote;
  argEmbedded: EmbeddedCode[];
  /** Offset of the `<`. */
  offset: number;
  argOffset: number;
  items: Item[];
}

export interface IncludeNode {
  kind: 'include';
  uri: string;
  quote: Quote;
  embedded: EmbeddedCode[];
  offset: number;
  uriOffset: number;
  /** Written `include` without `@` (fluentd warns that it is deprecated). */
  legacy: boolean;
}

export type Item = ParamNode | ElementNode | IncludeNode;

/** A fatal parse error: fluentd stops at the first one (B7). */
export interface ParseError {
  offset: number;
  code: string;
  message: string;
}

/** One file, parsed as fluentd parses a file: as a root element body. */
export interface FileFragment {
  items: Item[];
  /** Warnings fluentd itself prints while parsing (nested `@xxx`, ...). */
  warnings: Array<{ offset: number; code: string; message: string }>;
  error?: ParseError;
}

/* ------------------------------------------------------------------------------------------ */
/* The merged tree, with includes spliced in: what checks work on.                          */

export interface Located {
  /** Display path of the file this came from. */
  file: string;
  pos: Position;
}

export interface Param extends Located {
  key: string;
  value: string;
  quote: Quote;
  raw: string;
  valuePos: Position;
  embedded: EmbeddedCode[];
  /** Embedded code that fluentd evaluates: the value is only known at run time. */
  dynamic: boolean;
}

export interface Element extends Located {
  name: string;
  arg: string;
  argQuote: Quote;
  argPos: Position;
  argEmbedded: EmbeddedCode[];
  /** All params in order, duplicates included (fluentd keeps the last). */
  params: Param[];
  elements: Element[];
  /** Nesting depth; the root is 0. */
  depth: number;
}

export interface ParseOutcome {
  root: Element;
  findings: Finding[];
  /** A fatal parse error stopped reading: the tree is partial and only parse findings stand. */
  fatal: boolean;
  /** Display paths of every file read, in read order. */
  files: string[];
  /**
   * Something the configuration pulls in could not be read (an include that matches nothing, a
   * remote or computed include, a templated or unreadable file): "X is never defined" claims
   * would be guesses, so the checks that make them stand down.
   */
  incomplete: boolean;
  /** Embedded Ruby in `@include` paths (they read ENV too). */
  includeCode: Array<{ file: string; pos: Position; embedded: EmbeddedCode[] }>;
}

/** The value fluentd keeps for a key: the last one written. */
export function lastParam(el: Element, key: string): Param | undefined {
  for (let i = el.params.length - 1; i >= 0; i--) {
    const p = el.params[i] as Param;
    if (p.key === key) return p;
  }
  return undefined;
}

/** `@type`, or the legacy `type` fluentd still honours with a warning. */
export function pluginType(el: Element): Param | undefined {
  return lastParam(el, '@type') ?? lastParam(el, 'type');
}
