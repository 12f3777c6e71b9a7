/**
 * Rules that need more than one parameter at a time: the `configure`-time errors fluentd and
 * fluent-plugin-datadog raise (CONFIG-FACTS B7, C1-C5), and the traps E1.9-E1.12 list.
 */
import { type Element, type Param, lastParam } from './ast.js';
import type { ConfigModel } from './model.js';
import type { PluginUse } from './plugins.js';
import type { Report } from './report.js';
import { closest } from '../suggest.js';
import { corePluginNames, isCorePlugin } from './schema/registry.js';

const DATADOG_SITES = [
  'datadoghq.com',
  'datadoghq.eu',
  'us3.datadoghq.com',
  'us5.datadoghq.com',
  'ap1.datadoghq.com',
  'ddog-gov.com',
];

type Get = (key: string) => Param | undefined;

function getter(el: Element): Get {
  return (key) => {
    const p = lastParam(el, key);
    return p && !p.dynamic ? p : undefined;
  };
}

const isTrue = (p: Param | undefined): boolean =>
  p !== undefined && (p.value === 'true' || p.value === 'yes' || p.value === '');
const isFalse = (p: Param | undefined): boolean => p !== undefined && (p.value === 'false' || p.value === 'no');
const valueAt = (p: Param): { file: string; pos: Param['valuePos'] } => ({ file: p.file, pos: p.valuePos });

/** A port an input listens on, for the conflict check. */
interface Listener {
  use: PluginUse;
  scope: string;
  proto: string;
  bind: string;
  port: number;
  at: Element | Param;
}

export function checkPluginRules(model: ConfigModel, uses: PluginUse[], report: Report): void {
  const rootDir = model.system ? getter(model.system)('root_dir') : undefined;
  const posFiles = new Map<string, Param>();
  const listeners: Listener[] = [];
  const scopeOf = new Map(model.directives.map((d) => [d.el, d.scope]));

  for (const use of uses) {
    const get = getter(use.el);
    if (use.kind === 'output' && use.type === 'datadog') datadog(get, report);
    if (use.kind === 'output' && use.type === 'forward') forwardOutput(use.el, get, report);
    if (use.kind === 'output' && use.type === 'copy') copy(use.el, report);
    if (use.kind === 'buffer') buffer(use, get, report, rootDir !== undefined);
    if (use.kind === 'input' && use.type === 'tail') tail(use.el, get, report, posFiles);
    if (use.kind === 'input' && use.type === 'forward') forwardInput(use.el, get, report);
    if (use.kind === 'input' && use.type !== undefined) {
      for (const l of listensOn(use, get)) listeners.push({ ...l, use, scope: scopeOf.get(use.el) ?? '' });
    }
  }
  portConflicts(listeners, report);
  portRanges(model.root, report);
}

function datadog(get: Get, report: Report): void {
  const host = get('host');
  if (host && (host.value.includes('://') || host.value.includes('/') || /:\d+$/.test(host.value))) {
    report.error(
      valueAt(host),
      'fluentd/datadog-host',
      `host must be a bare hostname: the plugin builds "<protocol>://<host>:<port>" itself, so ${JSON.stringify(host.value)} produces a broken URL; write e.g. http-intake.logs.datadoghq.com and set the port with port/ssl_port`,
    );
  }
  const site = get('site');
  if (site && !DATADOG_SITES.includes(site.value)) {
    const hint = closest(site.value, DATADOG_SITES);
    report.error(
      valueAt(site),
      'fluentd/datadog-site',
      `site ${JSON.stringify(site.value)} is not a Datadog site${hint ? ` (did you mean "${hint}"?)` : ''}: use one of ${DATADOG_SITES.join(', ')}`,
    );
  }
  const useHttp = get('use_http');
  const useSsl = get('use_ssl');
  const sslOn = !isFalse(useSsl);
  if (isFalse(useHttp)) {
    if (site && site.value !== 'datadoghq.com' && !host) {
      report.error(
        valueAt(site),
        'fluentd/datadog-tcp-site',
        '`host` is required when `use_http false` is combined with a non-default `site`: set host to the TCP intake of that site',
      );
    }
    // The US TCP intake listens on 10516 with SSL (DataDog/fluent-plugin-datadog#24); other sites differ.
    if (sslOn && !get('ssl_port') && (!site || site.value === 'datadoghq.com')) {
      report.warning(
        valueAt(useHttp as Param),
        'fluentd/datadog-ssl-port',
        'use_http false sends over TCP with SSL to ssl_port, whose default 443 is not the US TCP intake port; set ssl_port 10516',
      );
    }
  }
  const port = get('port');
  if (port && sslOn) {
    report.warning(
      port,
      'fluentd/datadog-port-ignored',
      'port is only used with use_ssl false; with SSL on (the default) the plugin connects to ssl_port, so set ssl_port instead',
    );
  }
  const level = get('compression_level');
  if (level && /^-?\d+$/.test(level.value) && (Number(level.value) < 1 || Number(level.value) > 9)) {
    report.error(
      valueAt(level),
      'fluentd/datadog-compression-level',
      `compression_level ${level.value} is outside 1-9 (gzip levels); the plugin does not check it and gzip fails at send time`,
    );
  }
  const tags = get('dd_tags');
  if (tags && tags.value !== '' && !/^[^,\s:]+:[^,]*(,[^,\s:]+:[^,]*)*$/.test(tags.value)) {
    report.warning(
      valueAt(tags),
      'fluentd/datadog-tags',
      `dd_tags ${JSON.stringify(tags.value)} is not a comma-separated list of key:value pairs (no spaces around commas), e.g. env:prod,team:sre`,
    );
  }
  const noSsl = get('no_ssl_validation');
  if (isTrue(noSsl))
    report.warning(
      noSsl as Param,
      'fluentd/datadog-insecure',
      'no_ssl_validation true turns off certificate checks for the connection that carries the API key; remove it',
    );
  const v1 = get('force_v1_routes');
  if (isTrue(v1))
    report.warning(
      v1 as Param,
      'fluentd/datadog-insecure',
      'force_v1_routes true puts the API key in the URL path (/v1/input/<key>), where proxies log it; remove it to use the v2 API with a header',
    );
}

function forwardOutput(el: Element, get: Get, report: Report): void {
  if (!el.elements.some((e) => e.name === 'server' || e.name === 'service_discovery')) {
    report.error(
      el,
      'fluentd/missing-section',
      'forward output plugin requires at least one <server>: add <server> host ... port ... </server>',
    );
  }
  const hb = get('heartbeat_type');
  if (isTrue(get('dns_round_robin')) && hb?.value === 'udp') {
    report.error(
      valueAt(hb),
      'fluentd/invalid-value',
      "forward output heartbeat type must be 'transport' or 'none' to use dns_round_robin option",
    );
  }
  const ack = get('ack_response_timeout');
  if (ack && /^-?\d+(\.\d+)?$/.test(ack.value) && Number(ack.value) < 1) {
    report.error(valueAt(ack), 'fluentd/invalid-value', 'ack_response_timeout must be a positive integer');
  }
  for (const b of el.elements) {
    if (b.name !== 'buffer' || b.argEmbedded.some((e) => e.evaluated)) continue;
    const keys = chunkKeys(b);
    if (b.arg.trim() !== '' && !keys.includes('tag')) {
      report.error(
        { file: b.file, pos: b.argPos },
        'fluentd/invalid-value',
        "buffer chunk key must include 'tag' for forward output: write <buffer tag> (or add tag to the list)",
      );
    }
  }
}

function copy(el: Element, report: Report): void {
  const stores = el.elements.filter((e) => e.name === 'store');
  const first = stores[0];
  if (first && /\bignore_if_prev_success\b/.test(first.arg)) {
    report.error(
      { file: first.file, pos: first.argPos },
      'fluentd/invalid-value',
      'ignore_if_prev_success must specify 2nd or later <store> directives: the first store has no previous one',
    );
  }
}

function chunkKeys(b: Element): string[] {
  return b.arg
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/**
 * Outputs whose `<buffer>` section sets a default `timekey` (`config_set_default :timekey, 86400`
 * in `config_section :buffer`): fluentd's own `out_file.rb`, and fluent-plugin-s3's `out_s3.rb`.
 * There a `<buffer time>` without a timekey rolls daily, which is no error.
 */
const TIMEKEY_DEFAULT: Record<string, string> = { file: '1d', s3: '1d' };

function buffer(use: PluginUse, get: Get, report: Report, hasRootDir: boolean): void {
  const b = use.el;
  const keys = chunkKeys(b);
  const ownerDefault = use.owner?.type !== undefined ? TIMEKEY_DEFAULT[use.owner.type] : undefined;
  const hasTimekey = get('timekey') !== undefined || ownerDefault !== undefined;
  if (keys.includes('time') && !lastParam(b, 'timekey') && ownerDefault === undefined) {
    report.error(
      { file: b.file, pos: b.argPos },
      'fluentd/buffer-timekey',
      `<buffer ${b.arg}> argument includes 'time', but timekey is not configured: add timekey (e.g. 1h)`,
    );
  }
  const mode = get('flush_mode');
  const interval = lastParam(b, 'flush_interval');
  if (interval) {
    const timed = keys.includes('time') && hasTimekey;
    const effective = !mode || mode.value === 'default' ? (timed ? 'lazy' : 'interval') : mode.value;
    if (effective !== 'interval') {
      if (mode)
        report.error(
          interval,
          'fluentd/buffer-flush-mode',
          `'flush_interval' can't be specified when 'flush_mode' is not 'interval' explicitly: '${effective}'; remove one of them`,
        );
      else
        report.warning(
          interval,
          'fluentd/buffer-flush-mode',
          `'flush_interval' is ignored because default 'flush_mode' is not 'interval': '${effective}' (time-keyed buffers flush by timekey); set flush_mode interval or drop flush_interval`,
        );
    }
  }
  if ((use.type === 'file' || use.type === 'file_single') && !lastParam(b, 'path')) {
    const ownerId = use.owner ? lastParam(use.owner.el, '@id') : undefined;
    if (!(hasRootDir && ownerId)) {
      report.error(
        b,
        'fluentd/missing-parameter',
        "buffer path is not configured. specify 'path' in <buffer> (or set <system> root_dir and an @id on the output)",
      );
    }
  }
}

function tail(el: Element, get: Get, report: Report, posFiles: Map<string, Param>): void {
  const hasParse = el.elements.some((e) => e.name === 'parse');
  const format = lastParam(el, 'format');
  if (!hasParse && !format) {
    report.error(
      el,
      'fluentd/missing-section',
      '<parse> section is required.: add <parse> @type ... </parse> to this in_tail <source>',
    );
  }
  if (!hasParse && format && !format.dynamic) {
    const t = format.value;
    const regex = t.startsWith('/') && t.endsWith('/') && t.length > 1;
    if (!regex && !isCorePlugin('parser', t)) {
      const hint = closest(t, corePluginNames('parser'));
      if (hint)
        report.warning(
          valueAt(format),
          'fluentd/unknown-plugin',
          `format ${t} is not a built-in parser (did you mean "${hint}"?); unless a gem provides it, fluentd fails with "Unknown parser plugin '${t}'"`,
        );
    }
  }
  const posFile = get('pos_file');
  const followInodes = get('follow_inodes');
  if (posFile) {
    const prev = posFiles.get(posFile.value);
    if (prev) {
      report.error(
        valueAt(posFile),
        'fluentd/tail-pos-file',
        `Other 'in_tail' plugin already use same pos_file path (${prev.file}:${prev.pos.line}): give each in_tail source its own pos_file`,
      );
    } else posFiles.set(posFile.value, posFile);
  } else if (!lastParam(el, 'pos_file')) {
    if (isTrue(followInodes))
      report.error(
        followInodes as Param,
        'fluentd/tail-pos-file',
        "Can't follow inodes without pos_file configuration parameter: add pos_file",
      );
    else
      report.warning(
        el,
        'fluentd/tail-pos-file',
        "'pos_file PATH' parameter is not set to a 'tail' source: without it a restart re-reads or skips lines; add pos_file (on a volume that survives the task)",
      );
  }
  const watch = get('enable_watch_timer');
  const stat = get('enable_stat_watcher');
  if (isFalse(watch) && isFalse(stat))
    report.error(
      watch as Param,
      'fluentd/invalid-value',
      'either of enable_watch_timer or enable_stat_watcher must be true',
    );
  const from = get('from_encoding');
  if (from && !lastParam(el, 'encoding'))
    report.error(
      from,
      'fluentd/invalid-value',
      "tail: 'from_encoding' parameter must be specified with 'encoding' parameter",
    );
  const path = get('path');
  const delimiter = get('path_delimiter');
  const delim = delimiter ? delimiter.value : ',';
  if (delimiter && ['/', '*', '%'].includes(delimiter.value))
    report.error(
      valueAt(delimiter),
      'fluentd/invalid-value',
      `path_delimiter must not be ${delimiter.value}: it is part of paths and globs`,
    );
  if (path && delim !== '' && path.value.split(delim).every((p) => p.trim() === '')) {
    report.error(
      valueAt(path),
      'fluentd/missing-parameter',
      "tail: 'path' parameter is required on tail input: it lists no path",
    );
  }
  const policy = get('glob_policy');
  if (policy?.value === 'always' && delim === ',')
    report.error(
      valueAt(policy),
      'fluentd/invalid-value',
      'glob_policy always cannot be used with the default path_delimiter ",": {a,b} globs would be split; set another path_delimiter',
    );
  if (policy?.value === 'extended' && path && /\{[^}]*,[^}]*\}/.test(path.value))
    report.error(
      valueAt(path),
      'fluentd/invalid-value',
      'glob_policy extended does not allow {a,b} in path: use glob_policy always with another path_delimiter',
    );
}

function forwardInput(el: Element, get: Get, report: Report): void {
  const deny = get('deny_keepalive');
  if (isTrue(deny) && isTrue(get('send_keepalive_packet'))) {
    report.error(
      deny as Param,
      'fluentd/invalid-value',
      'deny_keepalive true cannot be combined with send_keepalive_packet true: drop one',
    );
  }
  for (const key of ['tag', 'add_tag_prefix']) {
    const p = get(key);
    if (p && p.value === '')
      report.error(p, 'fluentd/invalid-value', `${key} must not be empty: give it a value or remove it`);
  }
  const resolve = get('resolve_hostname');
  if (get('source_hostname_key') && isFalse(resolve)) {
    report.error(
      valueAt(resolve as Param),
      'fluentd/invalid-value',
      'resolve_hostname must be true with source_hostname_key',
    );
  }
  for (const sec of el.elements.filter((e) => e.name === 'security')) {
    const sget = getter(sec);
    if (isTrue(sget('user_auth')) && !sec.elements.some((e) => e.name === 'user')) {
      report.error(
        sec,
        'fluentd/missing-section',
        '<user> sections required if user_auth enabled: add <user> username ... password ... </user>',
      );
    }
    if (isFalse(sget('allow_anonymous_source')) && !sec.elements.some((e) => e.name === 'client')) {
      report.error(
        sec,
        'fluentd/missing-section',
        '<client> sections required if allow_anonymous_source disabled: add <client> host ... </client>',
      );
    }
    for (const client of sec.elements.filter((e) => e.name === 'client')) {
      const h = lastParam(client, 'host');
      const n = lastParam(client, 'network');
      if (!h && !n)
        report.error(
          client,
          'fluentd/missing-parameter',
          "Either of 'host' and 'network' must be specified for client",
        );
      if (h && n)
        report.error(
          client,
          'fluentd/invalid-value',
          "both of 'host' and 'network' are specified for client: keep one",
        );
    }
  }
}

const DEFAULT_PORTS: Record<string, Array<[string, number]>> = {
  // in_forward listens on TCP and on UDP (heartbeats) at the same port.
  forward: [
    ['tcp', 24224],
    ['udp', 24224],
  ],
  http: [['tcp', 9880]],
  tcp: [['tcp', 5170]],
  udp: [['udp', 5160]],
  syslog: [['udp', 5140]],
  monitor_agent: [['tcp', 24220]],
  debug_agent: [['tcp', 24230]],
};

function listensOn(use: PluginUse, get: Get): Array<Omit<Listener, 'use' | 'scope'>> {
  const defaults = DEFAULT_PORTS[use.type as string];
  if (!defaults) return [];
  const portParam = lastParam(use.el, 'port');
  if (portParam?.dynamic) return [];
  const port = portParam ? Number(portParam.value) : undefined;
  const bindParam = lastParam(use.el, 'bind');
  if (bindParam?.dynamic) return [];
  const bind = bindParam ? bindParam.value : '0.0.0.0';
  let protos = defaults;
  if (use.type === 'syslog') {
    const proto = get('protocol_type');
    const transport = use.el.elements.find((e) => e.name === 'transport');
    if (proto?.value === 'tcp' || (transport && transport.arg !== 'udp')) protos = [['tcp', 5140]];
  }
  return protos.map(([proto, def]) => ({
    proto,
    bind,
    port: port !== undefined && Number.isInteger(port) ? port : def,
    at: portParam ?? use.el,
  }));
}

interface PortGroup {
  first: Listener;
  firstWildcard?: Listener;
  byBind: Map<string, Listener>;
}

const wildcard = (b: string): boolean => b === '0.0.0.0' || b === '::' || b === '*' || b === '';

/**
 * Listeners grouped by (worker scope, protocol, port) in a map, so 5,000 sources cost 5,000 lookups
 * rather than 12.5 million comparisons. Each listener is reported against the earliest one it
 * collides with: the same address, or either side bound to every address.
 */
function portConflicts(listeners: Listener[], report: Report): void {
  const groups = new Map<string, PortGroup>();
  const order = new Map<Listener, number>();
  const reported = new Set<Element>();
  listeners.forEach((a, i) => {
    order.set(a, i);
    const key = `${a.scope}\0${a.proto}\0${a.port}`;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: a, ...(wildcard(a.bind) ? { firstWildcard: a } : {}), byBind: new Map([[a.bind, a]]) });
      return;
    }
    const candidates = wildcard(a.bind) ? [g.first] : [g.byBind.get(a.bind), g.firstWildcard];
    const b = candidates
      .filter((c): c is Listener => c !== undefined && c.use !== a.use)
      .sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0))[0];
    if (!g.byBind.has(a.bind)) g.byBind.set(a.bind, a);
    if (wildcard(a.bind)) g.firstWildcard ??= a;
    if (!b || reported.has(a.use.el)) return;
    reported.add(a.use.el);
    const at = 'valuePos' in a.at ? { file: a.at.file, pos: a.at.valuePos } : a.at;
    report.error(
      at,
      'fluentd/port-conflict',
      `this <source> (@type ${a.use.type}) and the one at ${b.use.el.file}:${b.use.el.pos.line} (@type ${b.use.type}) both listen on ${a.proto.toUpperCase()} ${a.bind}:${a.port}; the second fails to bind at start-up (--dry-run does not bind, so it misses this); use another port`,
    );
  });
}

const PORT_KEYS = new Set(['port', 'ssl_port']);

/**
 * A TCP/UDP port is 0..65535. Fluentd's integer type accepts any integer, so `port 70000` passes
 * `--dry-run`, and the plugin fails when it binds or connects (Ruby's socket layer refuses a port
 * out of range): an error either way, wherever a `port` or `ssl_port` is written.
 */
function portRanges(root: Element, report: Report): void {
  const stack: Element[] = [root];
  for (let el = stack.pop(); el; el = stack.pop()) {
    for (const p of el.params) {
      if (!PORT_KEYS.has(p.key) || p.dynamic || !/^[+-]?\d+$/.test(p.value.trim())) continue;
      const n = Number(p.value.trim());
      if (n >= 0 && n <= 65535) continue;
      report.error(valueAt(p), 'fluentd/port-range', `${p.key} ${p.value.trim()} is not a port: ports are 0 to 65535`);
    }
    for (const child of el.elements) stack.push(child);
  }
}
