/**
 * Lexical primitives of fluentd's config scanner (`basic_parser.rb`, CONFIG-FACTS B1), written as
 * plain loops over the text instead of regexes so every step is linear and cannot backtrack.
 * Each matcher returns the end offset of its match, or -1 when it does not match (StringScanner
 * `skip` semantics: a match may be empty).
 */

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isNewline(c: number): boolean {
  return c === CR || c === LF;
}

/** End of a `#` comment: the offset of the next `\n` (Ruby's `.` stops only there), or the end. */
export function commentEnd(s: string, p: number): number {
  const nl = s.indexOf('\n', p);
  return nl === -1 ? s.length : nl;
}

/**
 * LINE_END = /(?:[ \t]*(?:\#.*)?(?:\z|[\r\n]))+/ : blanks, an optional comment, then the end of
 * the line; repeated, so blank and comment-only lines that follow are swallowed too.
 */
export function matchLineEnd(s: string, p: number): number {
  let q = p;
  let matched = false;
  for (;;) {
    let r = q;
    while (r < s.length && isBlank(s.charCodeAt(r))) r++;
    if (r < s.length && s.charCodeAt(r) === HASH) r = commentEnd(s, r);
    if (r >= s.length) return r;
    if (isNewline(s.charCodeAt(r))) {
      q = r + 1;
      matched = true;
      continue;
    }
    return matched ? q : -1;
  }
}

/**
 * SPACING = /(?:[ \t\r\n]|\z|\#.*?(?:\z|[\r\n]))+/ (one or more) and ZERO_OR_MORE_SPACING (`*`).
 * At the end of the text it matches the empty string, as `\z` does.
 */
export function matchSpacing(s: string, p: number, zeroOk = false): number {
  let q = p;
  for (;;) {
    if (q >= s.length) return q;
    const c = s.charCodeAt(q);
    if (isBlank(c) || isNewline(c)) q++;
    else if (c === HASH) {
      // `\#.*?(?:\z|[\r\n])`: lazily up to the first \r or \n, which it consumes.
      let r = q + 1;
      while (r < s.length && !isNewline(s.charCodeAt(r))) r++;
      q = r < s.length ? r + 1 : r;
    } else break;
  }
  return q > p || zeroOk ? q : -1;
}

/** SPACING_WITHOUT_COMMENT = /(?:[ \t\r\n]|\z)+/ */
export function matchSpacingWithoutComment(s: string, p: number): number {
  let q = p;
  while (q < s.length && (isBlank(s.charCodeAt(q)) || isNewline(s.charCodeAt(q)))) q++;
  if (q === p && p < s.length) return -1;
  return q;
}

/** ELEMENT_NAME = /[a-zA-Z0-9_]+/ ; returns the end offset (== p when nothing matched). */
export function scanName(s: string, p: number): number {
  let q = p;
  while (q < s.length) {
    const c = s.charCodeAt(q);
    const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
    if (!ok) break;
    q++;
  }
  return q;
}
