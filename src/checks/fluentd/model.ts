/**
 * The configuration as fluentd's root agent sees it (`root_agent.rb`, `agent.rb`; CONFIG-FACTS
 * B5): top-level directives, labels, workers and `<system>`, checked for the structural errors
 * fluentd raises at start-up, and flattened into a list of routing rules for the later checks.
 */
import { closest } from '../suggest.js';
import { type Element, type Param, lastParam, pluginType } from './ast.js';
import { type Report, joinWords } from './report.js';

export type DirectiveKind = 'source' | 'match' | 'filter';

export interface Directive {
  el: Element;
  kind: DirectiveKind;
  /** Routing context: '' for the root, else the label name (`@X`). */
  context: string;
  /** '' at the top level, else the `<worker N>` argument: rules of different workers never meet. */
  scope: string;
  /** Plugin type when written literally. */
  type: string | undefined;
}

export interface ConfigModel {
  root: Element;
  directives: Directive[];
  /** Label name -> its `<label>` element (the first one when duplicated). */
  labels: Map<string, Element>;
  system: Element | undefined;
  /** Every `@label` reference, anywhere in the tree. */
  labelRefs: Param[];
}

const TOP = ['source', 'match', 'filter', 'label', 'system', 'worker'];
const BUILTIN_LABELS = new Set(['@ERROR', '@FLUENT_LOG']);

export function buildModel(root: Element, report: Report, options: { complete: boolean }): ConfigModel {
  const model: ConfigModel = { root, directives: [], labels: new Map(), system: undefined, labelRefs: [] };

  for (const p of root.params) {
    report.warning(
      p,
      'fluentd/unknown-parameter',
      `parameter '${p.key}' is outside any section, where fluentd ignores it; move it into the section it belongs to`,
    );
  }

  const addDirective = (el: Element, context: string, scope: string): void => {
    const kind = el.name as DirectiveKind;
    const t = pluginType(el);
    if (!t)
      report.error(el, 'fluentd/missing-type', `Missing '@type' parameter on <${kind}> directive: add @type <plugin>`);
    const sourceLabel = kind === 'source' ? lastParam(el, '@label') : undefined;
    model.directives.push({
      el,
      kind,
      context: sourceLabel && !sourceLabel.dynamic && sourceLabel.value !== '@ROOT' ? sourceLabel.value : context,
      scope,
      type: t && !t.dynamic ? t.value : undefined,
    });
  };

  const workers = new Map<number, Element>();
  for (const el of root.elements) {
    switch (el.name) {
      case 'source':
      case 'match':
      case 'filter':
        addDirective(el, '', '');
        break;
      case 'system':
        model.system ??= el;
        break;
      case 'label':
        readLabel(el, model, report, addDirective);
        break;
      case 'worker':
        readWorker(el, model, report, addDirective, workers);
        break;
      default: {
        const hint = closest(el.name, TOP);
        report.error(
          el,
          'fluentd/unknown-directive',
          `<${el.name}> is not a top-level directive, so fluentd never uses it${hint ? ` (did you mean <${hint}>?)` : ''}: the top level holds only ${joinWords(TOP.map((t) => `<${t}>`))}`,
        );
      }
    }
  }
  checkWorkerRange(model, report, workers);
  collectLabelRefs(root, model);
  checkLabelRefs(model, report, options);
  return model;
}

function readLabel(
  el: Element,
  model: ConfigModel,
  report: Report,
  addDirective: (el: Element, context: string, scope: string) => void,
): void {
  const name = el.arg;
  if (name === '') {
    report.error(el, 'fluentd/label-argument', 'Missing symbol argument on <label> directive: write <label @NAME>');
    return;
  }
  if (name === '@ROOT') {
    report.error(
      el,
      'fluentd/label-argument',
      '@ROOT for <label> is not permitted, reserved for getting root router: choose another name',
    );
    return;
  }
  if (model.labels.has(name)) {
    const first = model.labels.get(name) as Element;
    report.error(
      el,
      'fluentd/duplicate-label',
      `Section <label ${name}> appears twice (first at ${first.file}:${first.pos.line}): merge them`,
    );
  } else model.labels.set(name, el);
  let matches = 0;
  for (const child of el.elements) {
    if (child.name === 'match' || child.name === 'filter') {
      if (child.name === 'match') matches++;
      addDirective(child, name, '');
    } else {
      report.error(
        child,
        'fluentd/unknown-directive',
        `<${child.name}> inside <label ${name}> is never used: a label holds only <filter> and <match>${child.name === 'source' ? '; put the <source> at the top level with @label ' + name : ''}`,
      );
    }
  }
  if (matches === 0) {
    report.error(
      el,
      'fluentd/label-without-match',
      `Missing <match> sections in <label ${name}> section: add a <match> so its events go somewhere`,
    );
  }
}

function readWorker(
  el: Element,
  model: ConfigModel,
  report: Report,
  addDirective: (el: Element, context: string, scope: string) => void,
  workers: Map<number, Element>,
): void {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(el.arg);
  if (!m) {
    report.error(
      el,
      'fluentd/worker-argument',
      el.arg === ''
        ? 'Missing worker id on <worker> directive: write <worker 0> or <worker 0-1>'
        : `<worker ${el.arg}>: the argument must be a worker id N or a range N-M`,
    );
  } else {
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    if (first > last)
      report.error(
        el,
        'fluentd/worker-argument',
        `greater first_worker_id<${first}> than last_worker_id<${last}> specified by <worker> directive is not allowed`,
      );
    for (let id = first; id <= last && id - first < 1024; id++) {
      if (workers.has(id))
        report.error(
          el,
          'fluentd/worker-argument',
          `specified worker_id<${id}> collisions is detected on <worker> directive: each worker id may appear in one <worker> section only`,
        );
      else workers.set(id, el);
    }
  }
  for (const child of el.elements) {
    if (child.name === 'source' || child.name === 'match' || child.name === 'filter')
      addDirective(child, '', `worker:${el.arg}`);
    else if (child.name === 'label')
      readLabel(child, model, report, (c, ctx) => addDirective(c, ctx, `worker:${el.arg}`));
    else
      report.error(
        child,
        'fluentd/unknown-directive',
        `<worker> section cannot have <${child.name}> directive: it holds only <source>, <match>, <filter> and <label>`,
      );
  }
}

function checkWorkerRange(model: ConfigModel, report: Report, used: Map<number, Element>): void {
  if (used.size === 0) return;
  const w = model.system ? lastParam(model.system, 'workers') : undefined;
  if (w?.dynamic) return;
  const count = w ? Number(w.value) : 1;
  if (!Number.isInteger(count) || count < 1) return;
  for (const [id, el] of used) {
    if (id > count - 1) {
      report.error(
        el,
        'fluentd/worker-argument',
        `worker${id} specified by <worker> directive is not allowed. Available worker id is between 0 and ${count - 1}: raise <system> workers or fix the id`,
      );
    }
  }
}

/** Every `@label` anywhere (sources, outputs like relabel, nested stores), walked without recursion. */
function collectLabelRefs(root: Element, model: ConfigModel): void {
  const stack: Element[] = [...root.elements];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    for (const p of el.params) if (p.key === '@label') model.labelRefs.push(p);
    for (const c of el.elements) stack.push(c);
  }
  model.labelRefs.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.pos.line - b.pos.line || a.pos.column - b.pos.column,
  );
}

function checkLabelRefs(model: ConfigModel, report: Report, options: { complete: boolean }): void {
  const used = new Set<string>();
  for (const ref of model.labelRefs) {
    if (ref.dynamic) continue;
    used.add(ref.value);
    if (ref.value === '@ROOT' || model.labels.has(ref.value) || !options.complete) continue;
    const hint = closest(ref.value, [...model.labels.keys()]);
    report.error(
      { file: ref.file, pos: ref.valuePos },
      'fluentd/undefined-label',
      `@label ${ref.value} names no <label> section, so fluentd fails at start-up ("${ref.value} label not found")${hint ? ` (did you mean ${hint}?)` : ''}; define <label ${ref.value}> or fix the name`,
    );
  }
  if (!options.complete) return;
  for (const [name, el] of model.labels) {
    if (!used.has(name) && !BUILTIN_LABELS.has(name)) {
      report.warning(
        el,
        'fluentd/unused-label',
        `<label ${name}> is never referenced by any @label ${name}, so no event reaches it; route a <source> or output to it, or remove it`,
      );
    }
  }
}
