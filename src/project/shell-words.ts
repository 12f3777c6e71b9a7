/**
 * Dockerfile word processing (moby/buildkit frontend/dockerfile/shell/lex.go, simplified): quote
 * removal, escapes and `$VAR` / `${VAR}` / `${VAR:-default}` expansion over ARG and ENV values.
 * Offsets are kept so findings about a COPY source can point at the word as written.
 */

export interface Word {
  /** The word as written (before expansion). */
  raw: string;
  /** Offset of the word in the text it was split from. */
  offset: number;
}

/** Split on unquoted whitespace, keeping offsets. Quotes group (ENV/ARG `a="b c"`), escapes protect. */
export function splitWords(text: string, escape: string, quoteAware: boolean): Word[] {
  const out: Word[] = [];
  let start = -1;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (start === -1) {
      if (/\s/.test(c)) continue;
      start = i;
    }
    if (quote) {
      if (c === escape && quote === '"' && i + 1 < text.length) i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === escape && i + 1 < text.length) {
      i++;
      continue;
    }
    if (quoteAware && (c === '"' || c === "'")) {
      quote = c;
      continue;
    }
    if (/\s/.test(c)) {
      out.push({ raw: text.slice(start, i), offset: start });
      start = -1;
    }
  }
  if (start !== -1) out.push({ raw: text.slice(start), offset: start });
  return out;
}

export interface ExpandResult {
  value: string;
  /** Names referenced that had no value (neither ARG/ENV nor a default in the expression). */
  undefinedNames: string[];
}

/** Quote removal, escapes and variable expansion of one word (lex.go ProcessWord). */
export function expandWord(word: string, env: ReadonlyMap<string, string | undefined>, escape = '\\'): ExpandResult {
  const undefinedNames: string[] = [];
  let out = '';
  let i = 0;
  const lookup = (name: string): string | undefined => env.get(name);
  const dollar = (): string => {
    // at word[i] === '$'
    const next = word[i + 1];
    if (next === '{') {
      const close = findClose(word, i + 2);
      if (close === -1) {
        i += 1;
        return '$';
      }
      const inner = word.slice(i + 2, close);
      i = close + 1;
      return braced(inner);
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.slice(i + 1));
    if (!m) {
      i += 1;
      return '$';
    }
    i += 1 + m[0].length;
    const v = lookup(m[0]);
    if (v === undefined) undefinedNames.push(m[0]);
    return v ?? '';
  };
  const braced = (inner: string): string => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-+?]|##?|%%?)?([\s\S]*)$/.exec(inner);
    if (!m) return '';
    const name = m[1] as string;
    const op = m[2];
    const word2 = expandWord(m[3] ?? '', env, escape).value;
    const v = lookup(name);
    const set = v !== undefined;
    const nonEmpty = set && v !== '';
    switch (op) {
      case undefined:
        if (!set) undefinedNames.push(name);
        return v ?? '';
      case ':-':
        return nonEmpty ? (v as string) : word2;
      case '-':
        return set ? (v as string) : word2;
      case ':+':
        return nonEmpty ? word2 : '';
      case '+':
        return set ? word2 : '';
      case ':?':
      case '?':
        if (!(op === '?' ? set : nonEmpty)) undefinedNames.push(name);
        return v ?? '';
      case '#':
      case '##':
        return trimPrefix(v ?? '', word2, op === '##');
      case '%':
      case '%%':
        return trimSuffix(v ?? '', word2, op === '%%');
      default:
        return v ?? '';
    }
  };
  while (i < word.length) {
    const c = word[i] as string;
    if (c === escape) {
      if (i + 1 < word.length) out += word[i + 1];
      i += 2;
    } else if (c === "'") {
      const close = word.indexOf("'", i + 1);
      const end = close === -1 ? word.length : close;
      out += word.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      while (i < word.length && word[i] !== '"') {
        const d = word[i] as string;
        if (d === escape && i + 1 < word.length && ['"', '$', escape].includes(word[i + 1] as string)) {
          out += word[i + 1];
          i += 2;
        } else if (d === '$') out += dollar();
        else {
          out += d;
          i += 1;
        }
      }
      i += 1;
    } else if (c === '$') out += dollar();
    else {
      out += c;
      i += 1;
    }
  }
  return { value: out, undefinedNames };
}

function findClose(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function globRe(pattern: string): string {
  return pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
}

function trimPrefix(v: string, pattern: string, greedy: boolean): string {
  const re = new RegExp(`^${globRe(pattern).replace(/\.\*/g, greedy ? '.*' : '.*?')}`, 's');
  const m = re.exec(v);
  return m ? v.slice(m[0].length) : v;
}

function trimSuffix(v: string, pattern: string, greedy: boolean): string {
  // Shortest suffix: try the longest prefix first.
  const re = new RegExp(`^${globRe(pattern)}$`, 's');
  if (greedy) {
    for (let k = 0; k <= v.length; k++) if (re.test(v.slice(k))) return v.slice(0, k);
  } else {
    for (let k = v.length; k >= 0; k--) if (re.test(v.slice(k))) return v.slice(0, k);
  }
  return v;
}
