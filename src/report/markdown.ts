/**
 * Putting text from the user's files (site names, URLs, tags, messages that quote them) into GitHub
 * Markdown so it renders as the text it is: no HTML (`<img src=x>`), no pings (`@everyone`,
 * `@org/team`), no links or emphasis it did not ask for, no table cell broken by a `|`, no control
 * characters, and a bounded length. Everything the PR comment and the job summary show from a
 * user's repository goes through here.
 */

/** U+200D ZERO WIDTH JOINER: invisible, and GitHub no longer sees `@name` as a mention nor `#12` as a link. */
const JOINER = '\u200d';

export const DEFAULT_MAX = 200;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Newlines and tabs become spaces; other control and bidi-override characters go. */
function oneLineText(s: string): string {
  return s.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ').replace(CONTROL, '');
}

/** At most `max` characters (by code point), with an ellipsis when cut. */
export function cap(s: string, max = DEFAULT_MAX): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Plain text for a paragraph or a table cell. Markdown's punctuation is backslash-escaped (so
 * `*x*`, `[a](b)`, `# h`, `~~s~~` stay literal), HTML's specials become entities, `@` and `#`
 * references are broken with a zero-width joiner (GitHub links `#12` and pings `@x` even after a
 * backslash), and URLs lose their `://` so they are not autolinked.
 */
export function escapeText(s: string, max = DEFAULT_MAX): string {
  return cap(oneLineText(s), max)
    .replace(/[\\`*_[\]()!|~{}+=-]/g, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => HTML[c] as string)
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${JOINER}`)
    .replace(/#(?=\S)/g, `#${JOINER}`)
    .replace(/:\/\//g, `:${JOINER}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${JOINER}.`);
}

/**
 * Inline code: shown verbatim, never a link, a mention or HTML. The fence is longer than any
 * run of backticks inside; a `|` is escaped because GitHub splits table cells on it even inside
 * code (it renders `\|` as `|` there).
 */
export function code(s: string, max = DEFAULT_MAX): string {
  const text = cap(oneLineText(s), max).replace(/\|/g, '\\|');
  if (text === '') return '` `';
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A fenced block (a diff, a log tail): a fence longer than any inside, control characters gone,
 * at most `maxLines` lines of at most `maxLineLength` characters.
 */
export function codeBlock(
  text: string,
  opts: { lang?: string; maxLines?: number; maxLineLength?: number } = {},
): string {
  const maxLines = opts.maxLines ?? 200;
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => cap(l.replace(/\t/g, '  ').replace(CONTROL, ''), opts.maxLineLength ?? 300));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`… ${lines.length - maxLines} more lines`);
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${opts.lang ?? ''}\n${shown.join('\n')}\n${fence}`;
}

/** A GitHub table; every cell must already be escaped (escapeText / code). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\n/g, ' ')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `<details>` with an escaped summary; the body is Markdown already made safe by the caller. */
export function details(summary: string, body: string): string {
  return `<details><summary>${escapeText(summary, 300)}</summary>\n\n${body}\n\n</details>`;
}

/**
 * Cut a Markdown document to `max` characters at a line boundary, closing an open code fence and
 * ending with `note`, so a truncated comment still renders and says it was cut.
 */
export function truncateMarkdown(md: string, max: number, note: string): string {
  if (md.length <= max) return md;
  const budget = Math.max(0, max - note.length - 16);
  let cut = md.slice(0, budget);
  const nl = cut.lastIndexOf('\n');
  if (nl > 0) cut = cut.slice(0, nl);
  // An odd number of fence lines means a code block is still open.
  const fences = cut.split('\n').filter((l) => /^\s*```/.test(l)).length;
  const openDetails = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  let out = cut;
  if (fences % 2 === 1) out += '\n```';
  if (openDetails > 0) out += '\n\n</details>'.repeat(openDetails);
  return `${out}\n\n${note}`.slice(0, max);
}
