/**
 * http_check compiles `content_match` and `http_response_status_code` with Python's `re`. We
 * compile them with JavaScript's engine after translating the Python-only spellings that are
 * common in configs (`(?P<name>...)`, `(?P=name)`, leading `(?i)`-style flags). Constructs that
 * only Python has and that we do not translate make the result unknown: we then report nothing,
 * rather than reject a pattern the check accepts.
 */

export type PyRegex =
  { status: 'ok'; source: string; flags: string } | { status: 'invalid'; error: string } | { status: 'unknown' };

/** Python-only syntax we do not translate: verbose mode, comments, atomic groups, conditionals, scoped flags, \Z. */
const UNTRANSLATED = /\(\?#|\(\?>|\(\?\(|\(\?[aiLmsux-]+:|[*+?}]\+|\\Z|\\A/;

const cache = new Map<string, PyRegex>();

export function compilePython(pattern: string): PyRegex {
  let r = cache.get(pattern);
  if (!r) {
    r = translate(pattern);
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, r);
  }
  return r;
}

function translate(pattern: string): PyRegex {
  let source = pattern;
  let flags = '';
  const lead = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (lead) {
    const f = lead[1] as string;
    if (f.includes('x')) return { status: 'unknown' };
    if (f.includes('i')) flags += 'i';
    if (f.includes('m')) flags += 'm';
    if (f.includes('s')) flags += 's';
    source = source.slice(lead[0].length);
  }
  if (UNTRANSLATED.test(source) || /\(\?[aiLmsux]+\)/.test(source)) return { status: 'unknown' };
  source = source
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>');
  try {
    new RegExp(source, flags);
  } catch (err) {
    // JavaScript's message starts with the whole pattern; keep the reason only.
    const msg = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return { status: 'invalid', error: msg };
  }
  return { status: 'ok', source, flags };
}

/**
 * Which status codes `re.match(pattern, str(code))` accepts (a prefix match: `20` matches 200-209),
 * and which the pattern matches as a whole.
 */
export function statusCodeMatches(rx: { source: string; flags: string }): { prefix: number[]; full: number[] } {
  const prefix = new RegExp(`^(?:${rx.source})`, rx.flags);
  const full = new RegExp(`^(?:${rx.source})$`, rx.flags);
  const out = { prefix: [] as number[], full: [] as number[] };
  for (let code = 100; code <= 599; code++) {
    const s = String(code);
    if (prefix.test(s)) out.prefix.push(code);
    if (full.test(s)) out.full.push(code);
  }
  return out;
}
