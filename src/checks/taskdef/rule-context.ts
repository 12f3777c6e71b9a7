/**
 * What every task-definition rule sees: the tree, the project's service (when validating a
 * project), facts worked out once (Fargate? awsvpc? task size?) and one way to report. A rule is a
 * small function over this; rules.ts lists them.
 */
import { type Finding, finding } from '../findings.js';
import type { SourceText } from '../source.js';
import { type YMap, type YNode, type YScalar, get, getPair, isMap, isScalar, isSeq } from '../yaml/ast.js';
import type { ServiceConfig } from '../../project/types.js';
import { cpuUnits, memoryMiB } from './fargate.js';

export interface RuleInput {
  source: SourceText;
  root: YMap;
  service?: ServiceConfig;
}

export type Add = (node: YNode, severity: Finding['severity'], code: string, message: string) => void;

export interface TaskCtx extends RuleInput {
  add: Add;
  fargate: boolean;
  awsvpc: boolean;
  compat: Array<YScalar['value'] | undefined>;
  /** Task-level sizes, when readable. */
  cpu: number | undefined;
  mem: number | undefined;
  /** The container definitions that are objects. */
  containers: YMap[];
  /** Their names, in order. */
  names: string[];
  /** Container names the project maps a built image to. */
  mapped: ReadonlySet<string>;
}

export interface ContainerCtx extends TaskCtx {
  c: YMap;
  name: string | undefined;
  nameNode: YNode | undefined;
  /** `container "fluentd"` or `a container`, for messages. */
  label: string;
  isMapped: boolean;
  /** Where a finding about the whole container points: its name, else the container itself. */
  at: YNode;
}

export const strOf = (n: YNode | undefined): string | undefined =>
  isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
export const scalarOf = (n: YNode | undefined): YScalar['value'] | undefined => (isScalar(n) ? n.value : undefined);
export const mapsOf = (n: YNode | undefined): YMap[] => (isSeq(n) ? n.items.filter(isMap) : []);
/** The key node of a member (for "this member is wrong" findings), else the map. */
export const keyOf = (map: YMap, key: string): YNode => getPair(map, key)?.key ?? map;

export function taskContext(input: RuleInput, out: Finding[]): TaskCtx {
  const { source, root, service } = input;
  const add: Add = (node, severity, code, message) => {
    out.push(finding(source.file, source.lines.position(node.range[0]), severity, code, message));
  };
  const comps = get(root, 'requiresCompatibilities');
  const compat = isSeq(comps) ? comps.items.map((n) => scalarOf(n)) : [];
  const cpuNode = get(root, 'cpu');
  const memNode = get(root, 'memory');
  const containers = mapsOf(get(root, 'containerDefinitions'));
  return {
    ...input,
    add,
    compat,
    fargate: compat.includes('FARGATE'),
    awsvpc: scalarOf(get(root, 'networkMode')) === 'awsvpc',
    cpu: cpuNode ? cpuUnits(scalarOf(cpuNode)) : undefined,
    mem: memNode ? memoryMiB(scalarOf(memNode)) : undefined,
    containers,
    names: containers.map((c) => strOf(get(c, 'name'))).filter((n): n is string => n !== undefined),
    mapped: new Set(Object.keys(service?.containers ?? {})),
  };
}

export function containerContext(t: TaskCtx, c: YMap): ContainerCtx {
  const nameNode = get(c, 'name');
  const name = strOf(nameNode);
  return {
    ...t,
    c,
    name,
    nameNode,
    label: name ? `container "${name}"` : 'a container',
    isMapped: name !== undefined && t.mapped.has(name),
    at: name !== undefined && nameNode ? nameNode : c,
  };
}
