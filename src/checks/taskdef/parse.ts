/**
 * Task definition text (JSON or YAML; UTF-8 with or without BOM and UTF-16 with BOM are decoded
 * by source.ts) -> a tree with positions, unwrapped from `aws ecs describe-task-definition`
 * output (`{"taskDefinition": {...}, "tags": [...]}`) when pasted as-is.
 */
import { type Finding, finding } from '../findings.js';
import { templateNotice, type SourceText } from '../source.js';
import { type YMap, type YNode, get, getPair, isMap, toJS } from '../yaml/ast.js';
import { type Duplicate, loadYaml } from '../yaml/load.js';
import { readJson } from './json-reader.js';
import { READ_ONLY_FIELDS } from './schema.js';
import { appendAll } from '../findings.js';

export interface ParsedTaskDefinition {
  source: SourceText;
  format: 'json' | 'yaml';
  /** The task definition map (inside `taskDefinition` for pasted describe output). */
  root?: YMap;
  /** Describe output's `tags` beside `taskDefinition`, when present. */
  outerTags?: YNode;
  /** The file was `{"taskDefinition": {...}}` describe output. */
  wrapped: boolean;
  duplicates: Duplicate[];
  findings: Finding[];
  /** Read-only members present (taskDefinitionArn, revision, ...). */
  readOnlyFields: string[];
}

/** JSON by extension, else by the first character; YAML otherwise (a superset, but JSON errors are sharper). */
export function taskDefFormat(source: SourceText): 'json' | 'yaml' {
  const f = source.file.toLowerCase();
  if (f.endsWith('.json')) return 'json';
  if (f.endsWith('.yaml') || f.endsWith('.yml')) return 'yaml';
  return /^\s*[{[]/.test(source.text) ? 'json' : 'yaml';
}

export function parseTaskDefinitionTree(source: SourceText): ParsedTaskDefinition {
  const format = taskDefFormat(source);
  const out: ParsedTaskDefinition = {
    source,
    format,
    wrapped: false,
    duplicates: [],
    findings: [],
    readOnlyFields: [],
  };
  const loaded = format === 'json' ? readJson(source) : loadYaml(source, 'core');
  if (loaded.findings.some((f) => f.severity === 'error')) {
    const tpl = templateNotice(source);
    appendAll(out.findings, tpl ? [tpl] : loaded.findings);
    return out;
  }
  appendAll(out.findings, loaded.findings);
  out.duplicates = loaded.duplicates;
  const root = loaded.root;
  if (!isMap(root)) {
    const pos = root ? source.lines.position(root.range[0]) : { line: 1, column: 1 };
    out.findings.push(
      finding(
        source.file,
        pos,
        'error',
        'taskdef/not-an-object',
        'a task definition is an object: {"family": ..., "containerDefinitions": [...]}',
      ),
    );
    return out;
  }
  const inner = get(root, 'taskDefinition');
  if (isMap(inner) && !getPair(root, 'containerDefinitions')) {
    out.wrapped = true;
    out.root = inner;
    const tags = get(root, 'tags');
    if (tags) out.outerTags = tags;
    for (const p of root.pairs) {
      const k = p.key.kind === 'scalar' ? String(p.key.value) : '';
      if (k !== 'taskDefinition' && k !== 'tags') {
        out.findings.push(
          finding(
            source.file,
            source.lines.position(p.key.range[0]),
            'warning',
            'taskdef/unknown-key',
            `"${k}" beside "taskDefinition" in describe-task-definition output is ignored`,
          ),
        );
      }
    }
  } else out.root = root;
  for (const p of out.root.pairs) {
    const k = p.key.kind === 'scalar' ? String(p.key.value) : '';
    if (READ_ONLY_FIELDS.includes(k)) out.readOnlyFields.push(k);
  }
  return out;
}

/** The plain task definition object (describe output unwrapped, its outer `tags` moved in). */
export function taskDefObject(parsed: ParsedTaskDefinition): Record<string, unknown> | undefined {
  if (!parsed.root) return undefined;
  const o = toJS(parsed.root) as Record<string, unknown>;
  if (parsed.outerTags && !('tags' in o)) {
    const tags = toJS(parsed.outerTags);
    if (Array.isArray(tags) && tags.length > 0) o.tags = tags;
  }
  return o;
}
