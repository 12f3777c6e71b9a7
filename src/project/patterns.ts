/**
 * Docker's path patterns (moby/patternmatcher, used for `.dockerignore` and for COPY/ADD sources):
 * `*` and `?` never cross `/`, `**` spans any number of directories, `[...]` is a character class,
 * `\` escapes. Paths are context-relative POSIX without a leading `./`. These patterns decide which
 * files go into an image's content hash, so any mismatch with Docker is a missed (or needless) rebuild.
 */

/** A compiled pattern: `test(path)` says whether the whole context-relative path matches. */
export interface PathPattern {
  test(path: string): boolean;
}

/** Characters patternmatcher escapes for its regexp (`shouldEscape`: `.+()|{}$`); `^` and `/` it leaves as they are. */
const ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

/**
 * Compile one cleaned pattern as moby/patternmatcher's `Pattern.compile` does, for Docker decides
 * content with it: the pattern is first checked with Go's `filepath.Match` syntax (a malformed one
 * makes Docker refuse the build), then it is either an exact path, a prefix (`dir/**` or `dir**`:
 * every path starting with `dir/` or `dir`), a suffix (a leading `**` followed by no other special
 * character: `**foo` is every path ending in `foo`, `**\/foo` is `foo` or any path ending in
 * `/foo`), or a regular expression: `*` is any run of non-slashes, `?` one non-slash, `**` any
 * run of whole directories (anything at the end), `\` escapes the next character, and `[...]` is passed to the regexp engine as written, so
 * `[^a]` excludes `a` (and matches `/`) while `[!a]` is the class of `!` and `a`, as in Go.
 */
export function patternToRegExp(pattern: string): PathPattern | undefined {
  if (!goMatchSyntaxOk(pattern)) return undefined;
  let re = '^';
  let type: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  for (let i = 0; i < pattern.length; i++) {
    const start = i;
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') i++; // `**/` is `**`
      if (i + 1 >= pattern.length) {
        if (type === 'exact') type = 'prefix';
        else {
          re += '.*';
          type = 'regexp';
        }
      } else {
        re += '(.*/)?';
        type = 'regexp';
      }
      if (start === 0) type = 'suffix';
    } else if (ch === '*') {
      re += '[^/]*';
      type = 'regexp';
    } else if (ch === '?') {
      re += '[^/]';
      type = 'regexp';
    } else if (ESCAPED.has(ch)) re += `\\${ch}`;
    else if (ch === '\\') {
      if (i + 1 < pattern.length) {
        re += `\\${pattern[++i] as string}`;
        type = 'regexp';
      } else re += '\\\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      type = 'regexp';
    } else re += ch;
  }
  switch (type) {
    case 'exact':
      return { test: (p) => p === pattern };
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return { test: (p) => p.startsWith(prefix) };
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      return { test: (p) => p.endsWith(suffix) || (suffix.startsWith('/') && p === suffix.slice(1)) };
    }
    default:
      try {
        // No flags: like Go's regexp, `.` stops at a newline and a negated class does not.
        const compiled = new RegExp(`${re}$`);
        return { test: (p) => compiled.test(p) };
      } catch {
        return undefined;
      }
  }
}

/**
 * Go's `filepath.Match(pattern, ".")` error state, which patternmatcher checks first: a `[` class
 * must close, hold at least one range, and a `-`, a `]` or the end where a character is expected
 * is malformed; a trailing `\` is too. (`^` negates a class in Go; `!` does not.)
 */
function goMatchSyntaxOk(pattern: string): boolean {
  let i = 0;
  const esc = (): boolean => {
    const c = pattern[i];
    if (c === undefined || c === '-' || c === ']') return false;
    if (c === '\\') {
      i++;
      if (pattern[i] === undefined) return false;
    }
    i++;
    return true;
  };
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      if (i + 1 >= pattern.length) return false;
      i += 2;
    } else if (c === '[') {
      i++;
      if (pattern[i] === '^') i++;
      let ranges = 0;
      for (;;) {
        if (pattern[i] === ']' && ranges > 0) {
          i++;
          break;
        }
        if (!esc()) return false;
        if (pattern[i] === '-') {
          i++;
          if (!esc()) return false;
        }
        ranges++;
      }
    } else i++;
  }
  return true;
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
  /** Undefined when Docker refuses the pattern (malformed, or `!` alone). */
  regex: PathPattern | undefined;
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
    // `!` alone: "illegal exclusion pattern" (patternmatcher.New).
    rules.push({ pattern: p, exclusion, regex: exclusion && p === '' ? undefined : patternToRegExp(p), line: i + 1 });
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
