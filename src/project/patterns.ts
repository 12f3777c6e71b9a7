/**
 * Docker's path patterns (moby/patternmatcher, used for `.dockerignore` and for COPY/ADD sources):
 * `*` and `?` never cross `/`, `**` spans any number of directories, `[...]` is a character class,
 * `\` escapes. Paths are context-relative POSIX without a leading `./`.
 */

const REGEX_SPECIAL = new Set(['.', '+', '(', ')', '|', '{', '}', '$', '^']);

/** Compile one pattern the way patternmatcher's `compile` does (anchored at both ends). */
export function patternToRegExp(pattern: string): RegExp | undefined {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++; // `**/` is `**`
        re += i + 1 >= pattern.length ? '.*' : '(?:.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) re += '\\\\';
      else {
        re += escapeChar(next);
        i++;
      }
    } else if (ch === '[') {
      // Go's filepath.Match negates a class with `^`; JavaScript agrees. A class never matches `/`.
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) return undefined; // Go: ErrBadPattern
      let body = pattern.slice(i + 1, close);
      const neg = body.startsWith('^') || body.startsWith('!');
      if (neg) body = body.slice(1);
      body = body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]');
      re += neg ? `[^/${body}]` : `[${body}]`;
      i = close;
    } else re += escapeChar(ch);
  }
  re += '$';
  try {
    return new RegExp(re, 's');
  } catch {
    return undefined;
  }
}

function escapeChar(ch: string): string {
  return REGEX_SPECIAL.has(ch) || ch === '\\' || ch === '[' || ch === ']' || ch === '*' || ch === '?' || ch === '/' ? `\\${ch}` : ch;
}

/** `filepath.Clean` for POSIX paths: no `.` segments, `..` folded, no trailing slash; `''` -> `.`. */
export function cleanPath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(seg);
  }
  const joined = out.join('/');
  return abs ? `/${joined}` : joined || '.';
}

export interface IgnoreRule {
  pattern: string;
  exclusion: boolean;
  regex: RegExp | undefined;
  line: number;
}

/** Parse `.dockerignore` text (moby/patternmatcher/ignorefile ReadAll). */
export function parseIgnoreFile(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    let p = raw.replace(/\r$/, '');
    if (p.startsWith('#')) return;
    p = p.trim();
    if (p === '') return;
    let exclusion = false;
    if (p.startsWith('!')) {
      exclusion = true;
      p = p.slice(1).trim();
    }
    if (p.length > 0) {
      p = cleanPath(p);
      if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
    }
    rules.push({ pattern: p, exclusion, regex: patternToRegExp(p), line: i + 1 });
  });
  return rules;
}

/**
 * True when `file` is excluded: the last rule that matches the file or one of its parent
 * directories decides (patternmatcher.MatchesOrParentMatches).
 */
export function isIgnored(file: string, rules: readonly IgnoreRule[]): boolean {
  let ignored = false;
  const parts = file.split('/');
  for (const rule of rules) {
    if (!rule.regex) continue;
    let match = rule.regex.test(file);
    if (!match) {
      for (let i = 1; i < parts.length && !match; i++) match = rule.regex.test(parts.slice(0, i).join('/'));
    }
    if (match) ignored = !rule.exclusion;
  }
  return ignored;
}

/** True when a path segment list holds glob characters Docker expands in COPY/ADD sources. */
export function hasWildcard(p: string): boolean {
  return /[*?[]/.test(p);
}
