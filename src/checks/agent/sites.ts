/**
 * The sites an http_check file monitors, as plain data for the PR report ("sites added / removed /
 * changed"). Credentials never leave: secret options become '<secret>' unless they are an ENC[]
 * handle or an %%env_%% reference (which are names, not secrets), and so do header values that
 * look like credentials and passwords inside URLs.
 */
import { type YNode, getPair, keyName, setOwn } from '../yaml/ast.js';
import type { Reporter } from './reporter.js';
import { optionTable } from './schema/index.js';
import type { OptionSpec } from './schema/types.js';
import type { AgentFileShape } from './shape.js';
import { encHandle } from './values.js';

export interface Site {
  name: string;
  url: string;
  line: number;
  options: Record<string, unknown>;
}

export const SECRET = '<secret>';
/** Unknown or misspelled options that look like credentials are hidden too (`pass`, `pasword`, `api_key`). */
const SECRET_OPTION = /pass|secret|token|api_?key|credential/i;
const SECRET_HEADER = /auth|token|key|secret|cookie|pass|session|signature/i;

export function extractSites(shape: AgentFileShape, options: readonly OptionSpec[], r: Reporter): Site[] {
  const table = optionTable(options);
  return shape.instances.map(({ map }) => {
    const out: Record<string, unknown> = {};
    for (const pair of map.pairs) {
      const k = keyName(pair);
      if (k === 'name' || k === 'url') continue;
      const spec = table.byName.get(k);
      let v: unknown;
      if (spec?.secret || SECRET_OPTION.test(k)) v = hidden(pair.value);
      else if (k === 'headers' || k === 'extra_headers') v = headers(pair.value);
      else v = plain(pair.value);
      setOwn(out, k, v);
    }
    return {
      name: text(getPair(map, 'name')?.value),
      url: redactUrl(text(getPair(map, 'url')?.value)),
      line: r.line(map),
      options: out,
    };
  });
}

function text(node: YNode | undefined): string {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : '';
}

/** A secret's value: handles and references stay visible (a changed handle is worth seeing), literals do not. */
function hidden(node: YNode): unknown {
  if (
    node.kind === 'scalar' &&
    typeof node.value === 'string' &&
    (encHandle(node.value) !== undefined || node.value.includes('%%env_'))
  )
    return node.value;
  if (node.kind === 'scalar' && node.value === null) return null;
  return SECRET;
}

function headers(node: YNode): unknown {
  // Not a mapping (a wrong type, reported elsewhere): it may be a whole `Authorization: ...` line.
  if (node.kind !== 'map') return hidden(node);
  const out: Record<string, unknown> = {};
  for (const pair of node.pairs) {
    const k = keyName(pair);
    setOwn(out, k, SECRET_HEADER.test(k) ? hidden(pair.value) : plain(pair.value));
  }
  return out;
}

/** Plain JS value; URLs with embedded passwords are redacted wherever they appear. */
function plain(node: YNode, depth = 0): unknown {
  if (depth > 100) return null;
  switch (node.kind) {
    case 'scalar':
      // Only URL-looking strings: a tag like `owner:team@example.com` is not a credential.
      return typeof node.value === 'string' && node.value.includes('://') ? redactUrl(node.value) : node.value;
    case 'seq':
      return node.items.map((n) => plain(n, depth + 1));
    case 'map': {
      const o: Record<string, unknown> = {};
      for (const p of node.pairs) setOwn(o, keyName(p), plain(p.value, depth + 1));
      return o;
    }
  }
}

/** `https://user:pass@host` -> `https://user:<secret>@host` (also without a scheme, `user:pass@host`). */
export function redactUrl(s: string): string {
  return s.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?[^/@:\s]*):[^/@\s]*@/, `$1:${SECRET}@`);
}
