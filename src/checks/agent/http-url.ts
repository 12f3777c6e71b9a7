/** http_check `url`: the check only tests `url.startswith("http")` (CONFIG-FACTS A3); we hold it to WHATWG URL rules (E2.3). */
import { type YMap, getPair } from '../yaml/ast.js';
import { isNull } from './options.js';
import type { Reporter } from './reporter.js';
import { str } from './scalars.js';
import { isIndirect } from './values.js';

/** The placeholder URL of the shipped conf.yaml.example. */
const EXAMPLE_HOST = 'some.url.example.com';

export interface CheckedUrl {
  raw: string;
  scheme: 'http' | 'https' | undefined;
}

export function checkUrl(map: YMap, where: string, r: Reporter): CheckedUrl | undefined {
  const pair = getPair(map, 'url');
  if (!pair || isNull(pair.value) || (str(pair.value) ?? 'x').trim() === '') {
    r.report(
      pair?.value ?? map,
      'error',
      'missing-required',
      `${where} has no "url": the check fails ("Bad configuration. You must specify a url"); add \`url: https://<host>/\``,
    );
    return undefined;
  }
  const node = pair.value;
  const raw = str(node);
  if (raw === undefined) return undefined; // a number or a list: wrong-type already reported
  if (isIndirect(node)) return { raw, scheme: undefined };
  if (/^\s/.test(raw)) {
    r.report(
      node,
      'error',
      'invalid-url',
      `the url of ${where} starts with a space: the check requires it to start with http (ConfigurationError); remove the space`,
    );
    return { raw, scheme: undefined };
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?/.exec(raw);
  const scheme = m?.[1]?.toLowerCase();
  if (!m || (scheme !== 'http' && scheme !== 'https' && !m[2])) {
    // No scheme at all (`example.com`, `example.com:8080/x`).
    r.report(
      node,
      'error',
      'url-scheme',
      `the url of ${where} has no scheme: the check requires http:// or https:// (ConfigurationError); write https://${withoutCredentials(raw)}`,
    );
    return { raw, scheme: undefined };
  }
  if (scheme !== 'http' && scheme !== 'https') {
    r.report(
      node,
      'error',
      'url-scheme',
      `the url of ${where} uses the scheme "${m[1]}": http_check only fetches http:// and https:// URLs`,
    );
    return { raw, scheme: undefined };
  }
  if (!m[2]) {
    r.report(
      node,
      'error',
      'invalid-url',
      `the url of ${where} lacks "//" after "${m[1]}:": write ${m[1]}://${withoutCredentials(raw.slice(m[0].length))}`,
    );
    return { raw, scheme };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    r.report(
      node,
      'error',
      'invalid-url',
      `the url of ${where} is not a valid URL (check the host, port and characters): "${withoutCredentials(raw)}"`,
    );
    return { raw, scheme };
  }
  if (!url.hostname)
    r.report(node, 'error', 'invalid-url', `the url of ${where} has no host: write ${scheme}://<host>/...`);
  if (url.username || url.password) {
    r.report(
      node,
      'error',
      'url-credentials',
      `the url of ${where} carries credentials: they end up in tags and logs; use \`username\` and \`password\` (as ENC[...] or %%env_NAME%%) instead`,
    );
  }
  if (url.hostname === EXAMPLE_HOST)
    r.report(
      node,
      'warning',
      'example-value',
      `the url of ${where} is the placeholder from conf.yaml.example: put the real site here`,
    );
  if (/\s$/.test(raw)) r.report(node, 'warning', 'invalid-url', `the url of ${where} ends with whitespace: remove it`);
  return { raw, scheme };
}

/** A URL for a message: any `user:password@` part is dropped (it is reported on its own). */
function withoutCredentials(url: string): string {
  return url.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/*)?)[^/@\s]*@/, '$1');
}
