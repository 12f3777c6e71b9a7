/**
 * Task definition checker: public API. A template is JSON or YAML, a RegisterTaskDefinition
 * request or pasted `describe-task-definition` output (its read-only members noted). Findings use
 * codes `taskdef/*` (and `json/*`, `yaml/*` for syntax).
 */
import { type Finding, finding } from '../findings.js';
import type { SourceText } from '../source.js';
import type { ContainerEnvView } from '../context.js';
import type { Project, ServiceConfig } from '../../project/types.js';
import { keyName } from '../yaml/ast.js';
import { checkShape } from './check-shape.js';
import { parseTaskDefinitionTree, taskDefObject } from './parse.js';
import { checkRules } from './rules.js';
import { checkSecretValues } from './secret-values.js';
import { READ_ONLY_FIELDS, TASK_DEFINITION } from './schema.js';
import { appendAll } from '../findings.js';

export { parseTaskDefinitionTree, taskDefObject, type ParsedTaskDefinition } from './parse.js';
export { checkSecretRef, type SecretRefCheck } from './secret-ref.js';
export { isImagePlaceholder, plainSecretKind } from './rules.js';
export { fargateSizeProblem, cpuUnits, memoryMiB } from './fargate.js';

/** Parse only: the plain task definition (describe output unwrapped), syntax findings, read-only members present. */
export function parseTaskDefinition(source: SourceText): {
  taskDef?: Record<string, unknown>;
  findings: Finding[];
  readOnlyFields: string[];
} {
  const parsed = parseTaskDefinitionTree(source);
  const taskDef = taskDefObject(parsed);
  return { ...(taskDef ? { taskDef } : {}), findings: parsed.findings, readOnlyFields: parsed.readOnlyFields };
}

/**
 * Everything about one task definition file. With `service`, the containers it maps get their
 * images (and its secrets/environment) at deploy, which changes what is missing and what clashes.
 */
export function checkTaskDefinition(
  source: SourceText,
  opts: { service?: ServiceConfig; project?: Project },
): { findings: Finding[]; taskDef?: Record<string, unknown> } {
  const parsed = parseTaskDefinitionTree(source);
  const findings = [...parsed.findings];
  const root = parsed.root;
  if (!root) return { findings };
  for (const p of root.pairs) {
    const k = keyName(p);
    if (READ_ONLY_FIELDS.includes(k)) {
      findings.push(
        finding(
          source.file,
          source.lines.position(p.key.range[0]),
          'notice',
          'taskdef/read-only-field',
          `"${k}" is describe-task-definition output that RegisterTaskDefinition rejects; the deploy drops it (you can delete it)`,
        ),
      );
    }
  }
  for (const d of parsed.duplicates) {
    findings.push(
      finding(
        source.file,
        source.lines.position(d.dup.key.range[0]),
        'warning',
        'taskdef/duplicate-key',
        `"${d.key}" appears twice${d.path ? ` in ${d.path}` : ''} (first on line ${source.lines.position(d.first.key.range[0]).line}): the last one wins`,
      ),
    );
  }
  appendAll(findings, checkShape(source, root, TASK_DEFINITION, new Set(READ_ONLY_FIELDS)));
  appendAll(findings, checkRules({ source, root, ...(opts.service ? { service: opts.service } : {}) }));
  appendAll(findings, checkSecretValues({ source, root, ...(opts.service ? { service: opts.service } : {}) }));
  const taskDef = taskDefObject(parsed);
  return { findings, ...(taskDef ? { taskDef } : {}) };
}

/** The objects of a JSON array (anything else: none). */
export const records = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x))
    : [];

/**
 * The environment a container gets: its `environment` and `secrets` names, plus the project's
 * `secrets`/`environment` when the service maps an image to this container (the deploy renders
 * them there). `environmentFiles` make the set open: a missing name is then not certain.
 */
export function containerEnv(
  taskDef: Record<string, unknown>,
  containerName: string,
  service?: ServiceConfig,
): ContainerEnvView {
  const names = new Set<string>();
  const secretNames = new Set<string>();
  let open = false;
  const c = records(taskDef.containerDefinitions).find((d) => d.name === containerName);
  if (c) {
    for (const e of records(c.environment)) if (typeof e.name === 'string') names.add(e.name);
    for (const s of records(c.secrets)) {
      if (typeof s.name === 'string') {
        names.add(s.name);
        secretNames.add(s.name);
      }
    }
    open = records(c.environmentFiles).length > 0;
  }
  if (service && containerName in service.containers) {
    for (const n of Object.keys(service.environment)) names.add(n);
    for (const n of Object.keys(service.secrets)) {
      names.add(n);
      secretNames.add(n);
    }
  }
  const file = service?.taskDefinition ?? '';
  return {
    names,
    secretNames,
    open,
    where: `container "${containerName}"${file ? ` in ${file}` : ''}`,
    taskDefinitionFile: file,
  };
}
