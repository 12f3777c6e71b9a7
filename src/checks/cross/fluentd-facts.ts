/**
 * What the agreements need from a Fluentd configuration, read off the parsed tree (the Fluentd
 * checker's own model is not needed): the ports `in_forward` listens on, the servers `out_forward`
 * sends to, the Datadog outputs, and every `<buffer>` with the output that owns it.
 */
import { type Element, type Param, lastParam, pluginType } from '../fluentd/ast.js';
import type { Position } from '../findings.js';

/** in_forward and out_forward's default port (fluentd in_forward.rb / out_forward.rb: 24224). */
export const FORWARD_PORT = 24224;

export interface PortAt {
  port: number;
  file: string;
  pos: Position;
}

function walk(root: Element, visit: (el: Element, owner: Element | undefined) => void): void {
  const stack: Array<[Element, Element | undefined]> = root.elements.map((e) => [e, undefined]);
  while (stack.length > 0) {
    const [el, owner] = stack.pop() as [Element, Element | undefined];
    visit(el, owner);
    const own = pluginType(el) ? el : owner;
    for (const c of el.elements) stack.push([c, own]);
  }
}

const typeOf = (el: Element): string | undefined => {
  const t = pluginType(el);
  return t && !t.dynamic ? t.value : undefined;
};

/** A literal integer parameter (a dynamic `#{...}` value is unknown). */
function intParam(el: Element, key: string): { value: number; param: Param } | undefined | null {
  const p = lastParam(el, key);
  if (!p) return undefined;
  if (p.dynamic || !/^\d+$/.test(p.value.trim())) return null;
  return { value: Number(p.value.trim()), param: p };
}

/** Ports the `<source> @type forward` sections listen on (null: one is not a literal). */
export function forwardInputPorts(root: Element): PortAt[] | null {
  const out: PortAt[] = [];
  let unknown = false;
  walk(root, (el) => {
    if (el.name !== 'source' || typeOf(el) !== 'forward') return;
    const port = intParam(el, 'port');
    if (port === null) unknown = true;
    else
      out.push(
        port
          ? { port: port.value, file: port.param.file, pos: port.param.valuePos }
          : { port: FORWARD_PORT, file: el.file, pos: el.pos },
      );
  });
  return unknown ? null : out;
}

/** The `<server>` sections of `out_forward` outputs, with their ports. */
export function forwardServers(root: Element): PortAt[] {
  const out: PortAt[] = [];
  walk(root, (el, owner) => {
    if (el.name !== 'server' || !owner || typeOf(owner) !== 'forward' || owner.name === 'source') return;
    const port = intParam(el, 'port');
    if (port === null) return;
    out.push(
      port
        ? { port: port.value, file: port.param.file, pos: port.param.valuePos }
        : { port: FORWARD_PORT, file: el.file, pos: el.pos },
    );
  });
  return out;
}

/** Every `@type datadog` output (directly in `<match>` or a `<store>` of out_copy). */
export function datadogOutputs(root: Element): Element[] {
  const out: Element[] = [];
  walk(root, (el) => {
    if ((el.name === 'match' || el.name === 'store') && typeOf(el) === 'datadog') out.push(el);
  });
  return out;
}

export interface BufferFacts {
  /** The `<buffer>` section, or the output itself when it has none (its default buffer). */
  at: Element;
  output: Element;
  type: string;
  /** As written (`true`/`false`), or undefined for the default. */
  flushAtShutdown: boolean | undefined;
  path: string | undefined;
}

/**
 * Outputs whose default buffer is a file (out_file writes its chunks next to `path`); every other
 * buffered output in this setup (datadog, forward, copy's stores) buffers in memory by default.
 */
const FILE_BUFFERED = new Set(['file', 'secondary_file']);
const BUFFERED = new Set([
  'datadog',
  'forward',
  'file',
  's3',
  'cloudwatch_logs',
  'elasticsearch',
  'opensearch',
  'kinesis_firehose',
  'kinesis_streams',
  'http',
]);

export function buffers(root: Element): BufferFacts[] {
  const out: BufferFacts[] = [];
  walk(root, (el) => {
    if (el.name !== 'match' && el.name !== 'store') return;
    const t = typeOf(el);
    if (!t || !BUFFERED.has(t)) return;
    const section = el.elements.find((e) => e.name === 'buffer');
    const bufType = section
      ? (typeOf(section) ?? (FILE_BUFFERED.has(t) ? 'file' : 'memory'))
      : FILE_BUFFERED.has(t)
        ? 'file'
        : 'memory';
    // v0.12-style buffer parameters written on the output itself are moved into <buffer> by fluentd's compat layer.
    const flush = (section ? lastParam(section, 'flush_at_shutdown') : undefined) ?? lastParam(el, 'flush_at_shutdown');
    const p = section ? lastParam(section, 'path') : undefined;
    out.push({
      at: section ?? el,
      output: el,
      type: bufType,
      // Fluentd reads a bool parameter written without a value as true.
      flushAtShutdown: flush && !flush.dynamic ? ['true', 'yes', ''].includes(flush.value.trim()) : undefined,
      path: p && !p.dynamic ? p.value : t === 'file' ? lastParam(el, 'path')?.value : undefined,
    });
  });
  return out;
}

/** Literal ports of every `<source>` (in_forward's default included): what the container listens on. */
export function sourcePorts(root: Element): number[] {
  const out: number[] = [];
  walk(root, (el) => {
    if (el.name !== 'source') return;
    const port = intParam(el, 'port');
    if (port) out.push(port.value);
    else if (port === undefined && typeOf(el) === 'forward') out.push(FORWARD_PORT);
  });
  return out;
}
