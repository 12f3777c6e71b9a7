/**
 * Typed reads from the project file's YAML tree: each read either returns a value or leaves a
 * finding on the exact node (wrong type, unknown key with a did-you-mean), so the loader reads
 * like the schema it enforces.
 */
import { type Finding, finding } from '../checks/findings.js';
import type { SourceText } from '../checks/source.js';
import { didYouMean } from '../checks/suggest.js';
import { type YMap, type YNode, type YPair, keyName, typeName } from '../checks/yaml/ast.js';

export class YamlReader {
  readonly findings: Finding[] = [];

  constructor(readonly source: SourceText) {}

  at(node: YNode, severity: Finding['severity'], code: string, message: string): void {
    this.findings.push(finding(this.source.file, this.source.lines.position(node.range[0]), severity, code, message));
  }

  /** A mapping, or a finding; a null value (`key:`) is an empty mapping. */
  map(node: YNode | undefined, where: string): YMap | undefined {
    if (!node) return undefined;
    if (node.kind === 'scalar' && node.value === null) return { kind: 'map', pairs: [], flow: true, range: node.range };
    if (node.kind !== 'map') {
      this.at(node, 'error', 'project/wrong-type', `${where} must be a mapping, not ${typeName(node)}`);
      return undefined;
    }
    return node;
  }

  /** Warn about keys outside `allowed`; returns the pairs whose key is allowed. */
  known(map: YMap, allowed: readonly string[], where: string): Map<string, YPair> {
    const out = new Map<string, YPair>();
    for (const p of map.pairs) {
      const k = keyName(p);
      if (allowed.includes(k)) out.set(k, p);
      else this.at(p.key, 'warning', 'project/unknown-key', `unknown key "${k}" in ${where}; it is ignored${didYouMean(k, allowed)}`);
    }
    return out;
  }

  /** A string; numbers and booleans written plainly are taken as their text when `loose`. */
  str(node: YNode | undefined, where: string, opts: { loose?: boolean } = {}): string | undefined {
    if (!node) return undefined;
    if (node.kind === 'scalar') {
      if (typeof node.value === 'string') return node.value;
      if (node.value === null) {
        this.at(node, 'error', 'project/wrong-type', `${where} is empty: give it a value`);
        return undefined;
      }
      if (opts.loose) return node.text;
    }
    this.at(node, 'error', 'project/wrong-type', `${where} must be a string, not ${typeName(node)}`);
    return undefined;
  }

  bool(node: YNode | undefined, where: string): boolean | undefined {
    if (!node) return undefined;
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    this.at(node, 'error', 'project/wrong-type', `${where} must be true or false, not ${typeName(node)}`);
    return undefined;
  }

  /** A positive integer. */
  count(node: YNode | undefined, where: string): number | undefined {
    if (!node) return undefined;
    if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value > 0) return node.value;
    this.at(node, 'error', node.kind === 'scalar' && typeof node.value === 'number' ? 'project/invalid-value' : 'project/wrong-type', `${where} must be a whole number of seconds above 0, not ${typeName(node)}`);
    return undefined;
  }

  /** A mapping of name -> string value (values written as numbers/booleans are taken as text). */
  stringMap(node: YNode | undefined, where: string): Array<{ name: string; value: string; pair: YPair }> {
    const m = this.map(node, where);
    if (!m) return [];
    const out: Array<{ name: string; value: string; pair: YPair }> = [];
    for (const p of m.pairs) {
      const name = keyName(p);
      const value = this.str(p.value, `${where}.${name}`, { loose: true });
      if (value !== undefined) out.push({ name, value, pair: p });
    }
    return out;
  }

  /** A list of strings (a single string is taken as a one-item list). */
  strings(node: YNode | undefined, where: string): string[] {
    if (!node) return [];
    if (node.kind === 'scalar' && typeof node.value === 'string') return [node.value];
    if (node.kind !== 'seq') {
      this.at(node, 'error', 'project/wrong-type', `${where} must be a list of strings, not ${typeName(node)}`);
      return [];
    }
    const out: string[] = [];
    node.items.forEach((item, i) => {
      const s = this.str(item, `${where}[${i}]`);
      if (s !== undefined) out.push(s);
    });
    return out;
  }
}
