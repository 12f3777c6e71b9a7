/**
 * The converse of "every ENV the config reads is set": a secret the project file hands to the
 * Fluentd container that no `#{ENV['X']}` of its config reads. It is usually the other half of a
 * renamed variable (`secrets: { ddapikey: ... }` while fluent.conf reads `ENV['DD_API_KEY']`): the
 * config then gets "" (fluentd/env-not-provided says so at the config), and this finding points at
 * the secret that was meant (CONFIG-FACTS E2.5: stale `secrets` entries).
 */
import path from 'node:path';
import { appendAll, type Finding, finding } from '../findings.js';
import { type Element } from '../fluentd/ast.js';
import { envRefs } from '../fluentd/secrets.js';
import { readSource } from '../source.js';
import { type YNode, get, getPair, isMap } from '../yaml/ast.js';
import { loadYaml } from '../yaml/load.js';
import type { World } from './world.js';

/** Every ENV name the config's embedded Ruby reads. */
function envNamesOf(root: Element): Set<string> {
  const out = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    for (const code of [...el.argEmbedded, ...el.params.flatMap((p) => p.embedded)]) {
      for (const ref of envRefs(code.code)) out.add(ref.name);
    }
    appendAll(stack, el.elements);
  }
  return out;
}

/** The key node of `services.<svc>.secrets.<name>` in the project file. */
function secretKey(
  world: World,
  service: string,
  name: string,
): { file: string; node: YNode; lines: { position(o: number): { line: number; column: number } } } | undefined {
  const file = world.project.configFile;
  const decoded = readSource(file, path.join(world.project.root, file));
  if (!decoded.ok) return undefined;
  const y = loadYaml(decoded.source, 'core');
  const services = isMap(y.root) ? get(y.root, 'services') : undefined;
  const svc = isMap(services) ? get(services, service) : undefined;
  const secrets = isMap(svc) ? get(svc, 'secrets') : undefined;
  const pair = isMap(secrets) ? getPair(secrets, name) : undefined;
  return pair ? { file, node: pair.key, lines: decoded.source.lines } : undefined;
}

export function unusedSecrets(world: World): Finding[] {
  const out: Finding[] = [];
  for (const c of world.containers) {
    if (!c.fluentd || c.fluentd.incomplete) continue;
    const read = envNamesOf(c.fluentd.root);
    if (read.size === 0) continue;
    for (const name of Object.keys(c.td.service.secrets)) {
      if (read.has(name)) continue;
      const at = secretKey(world, c.td.service.key, name);
      if (!at) continue;
      out.push(
        finding(
          at.file,
          at.lines.position(at.node.range[0]),
          'warning',
          'cross/unused-secret',
          `secret ${name} goes to container "${c.name}", but its Fluentd config (${c.fluentd.file}) reads no ENV['${name}'] (it reads ${[...read].sort().join(', ')}): rename one of them so they match`,
        ),
      );
    }
  }
  return out;
}
