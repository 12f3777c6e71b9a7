/**
 * Typed reads from the project file's YAML tree, after the JSON Schema has judged its shape
 * (schema.ts): a read returns the value when it has the type the schema asks for and undefined
 * otherwise (the schema's finding already points at it), plus `at` for the loader's own findings.
 */
import { type Finding, finding } from '../checks/findings.js';
import type { SourceText } from '../checks/source.js';
import { type YMap, type YNode, type YPair, keyName } from '../checks/yaml/ast.js';

export class YamlReader {
  readonly findings: Finding[] = [];

  constructor(
    readonly source: SourceText,
    /** JSON pointers of values the schema refused. */
    private readonly bad: ReadonlySet<string> = new Set(),
  ) {}

  at(node: YNode, severity: Finding['severity'], code: string, message: string): void {
    this.findings.push(finding(this.source.file, this.source.lines.position(node.range[0]), severity, code, message));
  }

  /** True when the schema refused the value at this pointer (e.g. `/images/agent/repository`). */
  refused(pointer: string): boolean {
    return this.bad.has(pointer);
  }

  /** A mapping; a null value (`key:`) is an empty mapping. */
  map(node: YNode | undefined): YMap | undefined {
    if (!node) return undefined;
    if (node.kind === 'scalar' && node.value === null) return { kind: 'map', pairs: [], flow: true, range: node.range };
    return node.kind === 'map' ? node : undefined;
  }

  /** The pairs of a mapping by key, the last of duplicated keys winning (as YAML loaders do). */
  fields(map: YMap): Map<string, YPair> {
    return new Map(map.pairs.map((p) => [keyName(p), p]));
  }

  /** A string; with `loose`, numbers and booleans written plainly are taken as their text. */
  str(node: YNode | undefined, opts: { loose?: boolean } = {}): string | undefined {
    if (node?.kind !== 'scalar' || node.value === null) return undefined;
    if (typeof node.value === 'string') return node.value;
    return opts.loose ? node.text : undefined;
  }

  bool(node: YNode | undefined): boolean | undefined {
    return node?.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : undefined;
  }

  /** A positive whole number. */
  count(node: YNode | undefined): number | undefined {
    const v = node?.kind === 'scalar' ? node.value : undefined;
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
  }

  /** A mapping of name -> text value (values written as numbers/booleans are taken as text). */
  stringMap(node: YNode | undefined): Array<{ name: string; value: string; pair: YPair }> {
    return (this.map(node)?.pairs ?? []).flatMap((pair) => {
      const value = this.str(pair.value, { loose: true });
      return value === undefined ? [] : [{ name: keyName(pair), value, pair }];
    });
  }

  /** A list of strings (a single string is taken as a one-item list). */
  strings(node: YNode | undefined): string[] {
    const one = this.str(node);
    if (one !== undefined) return [one];
    if (node?.kind !== 'seq') return [];
    return node.items.flatMap((item) => (this.str(item) === undefined ? [] : [this.str(item) as string]));
  }
}
