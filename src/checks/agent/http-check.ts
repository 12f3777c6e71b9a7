/**
 * http_check rules beyond option types (CONFIG-FACTS A3, E2.3): required name/url, URL sanity,
 * duplicate instances, regexes, certificate thresholds, contradictory settings.
 */
import { type YMap, type YNode, get, getPair } from '../yaml/ast.js';
import { isNull } from './options.js';
import { compilePython, statusCodeMatches } from './python-regex.js';
import type { Reporter } from './reporter.js';
import type { AgentFileShape } from './shape.js';
import { HTTP_METHODS } from './schema/http-check.js';
import { checkCertificate } from './http-certificate.js';
import { checkUrl } from './http-url.js';
import { boolOf, num, str } from './scalars.js';
import { isIndirect } from './values.js';

/** Methods that send `data` (http_check.py). */
const BODY_METHODS = new Set(['post', 'put', 'delete', 'patch', 'options']);

/** `instance:` tag normalization the spec describes: `,+*-/()[]{}` become `_`. */
export function normalizeInstanceName(name: string): string {
  return name.replace(/[,+*\-/()[\]{}]/g, '_');
}

export function checkHttpInstances(shape: AgentFileShape, r: Reporter): void {
  const names = new Map<string, { raw: string; line: number; index: number }>();
  const urls = new Map<string, { line: number; index: number }>();
  const initTimeout = shape.initConfig ? num(get(shape.initConfig, 'timeout')) : undefined;
  for (const { map, index } of shape.instances) {
    const where = `instance ${index + 1}`;
    const name = checkName(map, where, r);
    if (name !== undefined) {
      const key = normalizeInstanceName(name);
      const prev = names.get(key);
      if (prev) {
        const how = prev.raw === name ? 'the same name' : `a name that tags the same way (instance:${key})`;
        r.report(
          get(map, 'name') as YNode,
          'error',
          'duplicate-name',
          `${where} has ${how} as instance ${prev.index + 1} (line ${prev.line}): their metrics and monitors cannot be told apart; give each site its own name`,
        );
      } else names.set(key, { raw: name, line: r.line(map), index });
    }
    const url = checkUrl(map, where, r);
    const method = (str(get(map, 'method')) ?? 'get').toLowerCase();
    if (url !== undefined) {
      const key = `${method} ${url.raw}`;
      const prev = urls.get(key);
      if (prev)
        r.report(
          get(map, 'url') as YNode,
          'warning',
          'duplicate-url',
          `${where} checks the same URL with the same method as instance ${prev.index + 1} (line ${prev.line}): the site is checked twice`,
        );
      else urls.set(key, { line: r.line(map), index });
    }
    checkData(map, method, where, r);
    checkStatusCode(map, where, r);
    checkContentMatch(map, where, r);
    checkCertificate(map, url?.scheme, where, r);
    checkTimeouts(map, initTimeout, where, r);
    checkTags(map, where, r);
    checkAuth(map, where, r);
  }
  if (shape.initConfig) positive(shape.initConfig, 'timeout', 'init_config', r);
}

function checkName(map: YMap, where: string, r: Reporter): string | undefined {
  const pair = getPair(map, 'name');
  if (!pair || isNull(pair.value)) {
    r.report(
      pair?.value ?? map,
      'error',
      'missing-required',
      `${where} has no "name": the check fails on it (KeyError); add \`name: <site name>\``,
    );
    return undefined;
  }
  const v = pair.value;
  if (v.kind !== 'scalar') return undefined; // wrong-type is reported by the option checks
  const s = String(v.value);
  if (s.trim() === '') {
    r.report(
      v,
      'error',
      'missing-required',
      `${where} has an empty "name": every instance needs a name, which becomes its instance: tag`,
    );
    return undefined;
  }
  return s;
}

function checkData(map: YMap, method: string, where: string, r: Reporter): void {
  const data = getPair(map, 'data');
  // An unknown method is reported on its own; what it would do with a body is moot.
  if (!data || isNull(data.value) || BODY_METHODS.has(method) || !(HTTP_METHODS as readonly string[]).includes(method))
    return;
  r.report(
    data.key,
    'warning',
    'data-ignored',
    `"data" in ${where} is never sent: the method is ${method.toUpperCase()}; only POST, PUT, DELETE, PATCH and OPTIONS send a body (set \`method: post\`)`,
  );
}

const statusCache = new Map<string, { prefix: number[]; full: number[] } | string>();

function checkStatusCode(map: YMap, where: string, r: Reporter): void {
  const node = get(map, 'http_response_status_code');
  if (!node || node.kind !== 'scalar' || node.value === null || isIndirect(node)) return;
  if (typeof node.value !== 'string' && typeof node.value !== 'number') return;
  const pattern = String(node.value);
  let res = statusCache.get(pattern);
  if (res === undefined) {
    const rx = compilePython(pattern);
    if (rx.status === 'unknown') return;
    res = rx.status === 'invalid' ? rx.error : statusCodeMatches(rx);
    statusCache.set(pattern, res);
  }
  if (typeof res === 'string') {
    r.report(
      node,
      'error',
      'invalid-regex',
      `"http_response_status_code" in ${where} is not a valid regular expression (${res}): the check fails on every run`,
    );
    return;
  }
  if (res.prefix.length === 0) {
    r.report(
      node,
      'error',
      'invalid-value',
      `"http_response_status_code" in ${where} matches no HTTP status code (100-599): the check always reports DOWN`,
    );
    return;
  }
  if (res.prefix.length !== res.full.length) {
    const full = new Set(res.full);
    const extra = res.prefix.filter((c) => !full.has(c));
    const sample = extra.slice(0, 3).join(', ') + (extra.length > 3 ? ', …' : '');
    r.report(
      node,
      'warning',
      'status-code-prefix',
      `"http_response_status_code" in ${where} is matched against the start of the status code only, so it also accepts ${sample} (${res.prefix.length} codes in all): write full three-digit codes or end the pattern with $`,
    );
  }
}

function checkContentMatch(map: YMap, where: string, r: Reporter): void {
  const node = get(map, 'content_match');
  const cm = str(node);
  if (node && cm !== undefined && !isIndirect(node)) {
    const rx = compilePython(cm);
    if (rx.status === 'invalid')
      r.report(
        node,
        'error',
        'invalid-regex',
        `"content_match" in ${where} is not a valid regular expression (${rx.error}): the check fails on every run`,
      );
  }
  const reverse = getPair(map, 'reverse_content_match');
  if (reverse && boolOf(reverse.value) === true && (cm === undefined || cm === '')) {
    r.report(
      reverse.key,
      'warning',
      'reverse-without-content-match',
      `"reverse_content_match" in ${where} does nothing without "content_match"`,
    );
  }
}

function positive(map: YMap, key: string, where: string, r: Reporter): number | undefined {
  const v = get(map, key);
  const n = num(v);
  if (v && n !== undefined && n <= 0) {
    r.report(v, 'error', 'invalid-value', `"${key}" in ${where} is ${n}: it must be above 0 seconds`);
    return undefined;
  }
  return n;
}

function checkTimeouts(map: YMap, initTimeout: number | undefined, where: string, r: Reporter): void {
  const own = positive(map, 'timeout', where, r);
  positive(map, 'connect_timeout', where, r);
  positive(map, 'read_timeout', where, r);
  const intervalNode = get(map, 'min_collection_interval');
  const interval = num(intervalNode);
  const timeout = own ?? initTimeout ?? 10;
  if ((own !== undefined || interval !== undefined) && timeout >= (interval ?? 15)) {
    const at = (own !== undefined ? get(map, 'timeout') : intervalNode) as YNode;
    r.report(
      at,
      'warning',
      'timeout-exceeds-interval',
      `the timeout of ${where} (${timeout} s) is not below its collection interval (${interval ?? 15} s): a slow site delays the next run; lower the timeout`,
    );
  }
}

function checkTags(map: YMap, where: string, r: Reporter): void {
  const tags = get(map, 'tags');
  if (tags?.kind !== 'seq') return;
  for (const t of tags.items) {
    const s = str(t);
    if (s !== undefined && /^url:/.test(s)) {
      r.report(
        t,
        'warning',
        'url-tag',
        `the tag "${s}" in ${where} clashes with the url: tag the check adds itself: rename it`,
      );
    }
  }
}

function checkAuth(map: YMap, where: string, r: Reporter): void {
  const typeNode = get(map, 'auth_type');
  const explicit = str(typeNode)?.toLowerCase();
  const has = (k: string): boolean => {
    const v = get(map, k);
    return v !== undefined && !isNull(v);
  };
  if (explicit === 'basic' || explicit === 'digest') {
    const missing = ['username', 'password'].filter((k) => !has(k));
    if (missing.length)
      r.report(
        typeNode as YNode,
        'error',
        'auth-incomplete',
        `"auth_type: ${explicit}" in ${where} needs ${missing.join(' and ')}: without them no credentials are sent`,
      );
  } else if (explicit === 'ntlm') {
    const missing = ['ntlm_domain', 'password'].filter((k) => !has(k));
    if (missing.length)
      r.report(
        typeNode as YNode,
        'error',
        'auth-incomplete',
        `"auth_type: ntlm" in ${where} needs ${missing.join(' and ')}`,
      );
  } else if (explicit === undefined && has('username') !== has('password')) {
    const present = has('username') ? 'username' : 'password';
    const missing = present === 'username' ? 'password' : 'username';
    r.report(
      getPair(map, present)!.key,
      'warning',
      'auth-incomplete',
      `${where} sets "${present}" without "${missing}": basic auth is used only when both are set`,
    );
  }
}
