/**
 * Ports that must agree along the log path: the web servers' `out_forward` `<server> port`, the
 * aggregator's `in_forward` `port` (both default to 24224), and the Fluentd container's
 * `portMappings` in its task definition (an NLB target group registers the task by a mapped
 * container port: ECS CreateService `loadBalancers[].containerPort` must be one of them).
 */
import { appendAll, type Finding, finding } from '../findings.js';
import { type PortAt, forwardInputPorts, forwardServers, sourcePorts } from './fluentd-facts.js';
import { type ContainerView, type World, mapsOf, posOf } from './world.js';
import { type YNode, get, getPair, isScalar } from '../yaml/ast.js';

const where = (p: PortAt): string => `${p.file}:${p.pos.line}`;

/** The aggregator's in_forward ports, from every Fluentd container that runs a parsed config. */
function aggregatorPorts(world: World): PortAt[] | undefined {
  const out: PortAt[] = [];
  for (const c of world.containers) {
    if (!c.fluentd) continue;
    const ports = forwardInputPorts(c.fluentd.root);
    if (ports === null) return undefined;
    appendAll(out, ports);
  }
  return out.length ? out : undefined;
}

export function senderPorts(world: World): Finding[] {
  const listening = aggregatorPorts(world);
  if (!listening) return [];
  const out: Finding[] = [];
  for (const sender of world.senders) {
    for (const server of forwardServers(sender.root)) {
      if (listening.some((l) => l.port === server.port)) continue;
      const l = listening[0] as PortAt;
      out.push(
        finding(
          server.file,
          server.pos,
          'warning',
          'cross/forward-port',
          `the sender forwards to port ${server.port}, but the aggregator's in_forward listens on ${l.port} (${where(l)}): unless the load balancer's listener on ${server.port} targets ${l.port}, every event is refused; use the same port on both`,
        ),
      );
    }
  }
  return out;
}

function containerPorts(c: ContainerView): Array<{ port: number; node: YNode }> {
  const out: Array<{ port: number; node: YNode }> = [];
  for (const pm of mapsOf(get(c.node, 'portMappings'))) {
    const n = get(pm, 'containerPort');
    if (isScalar(n) && typeof n.value === 'number') out.push({ port: n.value, node: n });
  }
  return out;
}

export function aggregatorPortMappings(world: World): Finding[] {
  const out: Finding[] = [];
  for (const c of world.containers) {
    if (!c.fluentd) continue;
    const listening = forwardInputPorts(c.fluentd.root);
    if (!listening?.length) continue;
    const mapped = containerPorts(c);
    const at = getPair(c.node, 'portMappings')?.key ?? c.nameNode;
    for (const l of listening) {
      if (mapped.some((m) => m.port === l.port)) continue;
      out.push(
        finding(
          c.td.file,
          posOf(c.td, at),
          'warning',
          'cross/forward-port-mapping',
          `container "${c.name}" maps no containerPort ${l.port}, where its in_forward listens (${where(l)}): the load balancer's target group cannot register the task on that port; add { "containerPort": ${l.port}, "protocol": "tcp" } to portMappings`,
        ),
      );
    }
    if (c.fluentd.incomplete) continue;
    const anySource = sourcePorts(c.fluentd.root);
    for (const m of mapped) {
      if (anySource.includes(m.port)) continue;
      out.push(
        finding(
          c.td.file,
          posOf(c.td, m.node),
          'warning',
          'cross/forward-port-mapping',
          `containerPort ${m.port} of container "${c.name}" is not a port any of its Fluentd sources listens on; its in_forward listens (${listening.map((l) => `${l.port} at ${where(l)}`).join(', ')}): traffic sent there is refused; map the in_forward port or change its "port"`,
        ),
      );
    }
  }
  return out;
}
