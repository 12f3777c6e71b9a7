/**
 * What the agent container needs from its task definition, and what it must share with Fluentd:
 * - `DD_API_KEY`: without an API key the agent does not start ("no API key configured, exiting":
 *   Datadog Agent docs, "Agent configuration files"; on ECS Fargate the key comes in as the env var
 *   `DD_API_KEY`, Datadog docs "Amazon ECS on AWS Fargate");
 * - `DD_SITE` (default `datadoghq.com`) and fluent-plugin-datadog's intake (`site`, or `host`
 *   `http-intake.logs.<site>`, default the US1 intake): an API key belongs to one Datadog site, so
 *   metrics and logs of one project must go to the same one.
 */
import { type Finding, finding } from '../findings.js';
import { lastParam } from '../fluentd/ast.js';
import { datadogOutputs } from './fluentd-facts.js';
import { type ContainerView, type World, posOf } from './world.js';

const DEFAULT_SITE = 'datadoghq.com';

export function agentApiKey(world: World): Finding[] {
  const out: Finding[] = [];
  for (const c of world.containers) {
    if (c.role !== 'agent' || c.env.open) continue;
    // A datadog.yaml shipped in the image may hold `api_key` (an ENC[] handle): not followed here.
    if (c.layout?.files.has('/etc/datadog-agent/datadog.yaml')) continue;
    if (c.env.names.has('DD_API_KEY') || c.values.has('DD_API_KEY')) continue;
    out.push(
      finding(
        c.td.file,
        posOf(c.td, c.nameNode),
        'error',
        'cross/agent-api-key',
        `the agent container "${c.name}" gets no DD_API_KEY, so the agent exits at start ("no API key configured"): add DD_API_KEY under services.${c.td.service.key}.secrets in ${world.project.configFile} (e.g. DD_API_KEY: /datadog/apikey) or to the container's "secrets"`,
      ),
    );
  }
  return out;
}

/** The agent's site: `DD_SITE` when it is a plain value, the default when unset, unknown when a secret. */
function agentSite(c: ContainerView): string | undefined {
  if (c.values.has('DD_DD_URL') || c.values.has('DD_URL')) return undefined;
  const v = c.values.get('DD_SITE');
  if (v !== undefined) return v.trim();
  return c.env.names.has('DD_SITE') || c.env.open ? undefined : DEFAULT_SITE;
}

export function datadogSite(world: World): Finding[] {
  const agents = world.containers.filter((c) => c.role === 'agent').map((c) => ({ c, site: agentSite(c) }));
  const agent = agents.find((a) => a.site !== undefined);
  if (!agent?.site) return [];
  const out: Finding[] = [];
  for (const c of world.containers) {
    if (!c.fluentd) continue;
    for (const el of datadogOutputs(c.fluentd.root)) {
      const site = lastParam(el, 'site');
      const host = lastParam(el, 'host');
      const param = site ?? host;
      if (param?.dynamic) continue;
      const logsSite = site ? site.value : host ? /^http-intake\.logs\.(.+)$/.exec(host.value)?.[1] : DEFAULT_SITE;
      if (logsSite === undefined || logsSite === agent.site) continue;
      const fix = `set site ${agent.site} here, or DD_SITE to ${logsSite} for the agent`;
      out.push(
        finding(
          param?.file ?? el.file,
          param?.valuePos ?? el.pos,
          'warning',
          'cross/datadog-site',
          `Fluentd sends logs to the Datadog site ${logsSite}${param ? '' : ' (the plugin default)'}, but the agent container "${agent.c.name}" (${agent.c.td.file}) reports to ${agent.site}: one API key belongs to one site, so one of them is refused or lands in another organization; ${fix}`,
        ),
      );
    }
  }
  return out;
}
