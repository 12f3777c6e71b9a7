/**
 * Dockerfile text -> logical instructions (moby/buildkit frontend/dockerfile/parser): parser
 * directives at the top (`# escape=`), line continuations with the escape character, comment and
 * blank lines skipped even inside a continuation, and heredoc bodies (`RUN <<EOF`). Every
 * instruction keeps a map from its logical text back to offsets in the file, so a word spread over
 * continued lines still gets its own line and column.
 */
import type { SourceText } from '../checks/source.js';
import type { Position } from '../checks/findings.js';

export interface Heredoc {
  name: string;
  body: string;
  /** The line after which the body starts (1-based, of the `<<NAME` word's line). */
  line: number;
  /** False when the file ended before the terminator. */
  closed: boolean;
}

export interface RawInstruction {
  /** Keyword as written (`copy`, `COPY`). */
  keyword: string;
  /** Everything after the keyword and its whitespace, continuation lines joined. */
  args: string;
  /** Offset of `args[0]` within the logical line. */
  argsOffset: number;
  /** Start of the keyword. */
  pos: Position;
  heredocs: Heredoc[];
  /** Logical offset -> file offset. */
  at(logicalOffset: number): Position;
}

export interface LexResult {
  escape: string;
  directives: Record<string, string>;
  instructions: RawInstruction[];
  /** Problems found while lexing (e.g. an unterminated heredoc), as position + message. */
  problems: Array<{ pos: Position; code: string; message: string }>;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const HEREDOC_INSTRUCTIONS = new Set(['run', 'copy', 'add']);

export function lexDockerfile(source: SourceText): LexResult {
  const text = source.text;
  const result: LexResult = { escape: '\\', directives: {}, instructions: [], problems: [] };
  // Physical lines with their start offsets.
  const lines: Array<{ text: string; start: number }> = [];
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end).replace(/\r$/, ''), start });
    if (nl === -1) break;
    start = nl + 1;
  }
  let i = 0;
  // Parser directives: only before the first comment, blank line or instruction.
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec((lines[i] as { text: string }).text);
    if (!m) break;
    const key = (m[1] as string).toLowerCase();
    if (key in result.directives) break; // a repeated directive is a comment
    result.directives[key] = m[2] as string;
  }
  const esc = result.directives.escape;
  if (esc === '`' || esc === '\\') result.escape = esc;
  const escape = result.escape;
  const continuation = new RegExp(`${escape === '\\' ? '\\\\' : '`'}[ \\t]*$`);

  while (i < lines.length) {
    const first = lines[i] as { text: string; start: number };
    const trimmed = first.text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    // Accumulate the logical line.
    const segs: Array<{ logical: number; file: number }> = [];
    let logical = '';
    let lead = first.text.length - trimmed.length;
    for (;;) {
      const line = lines[i] as { text: string; start: number };
      const body = line.text.slice(lead);
      segs.push({ logical: logical.length, file: line.start + lead });
      i++;
      const cont = continuation.exec(body);
      if (!cont) {
        logical += body;
        break;
      }
      logical += body.slice(0, cont.index);
      // Skip comment and blank lines inside a continuation, as Docker does.
      while (i < lines.length) {
        const t = (lines[i] as { text: string }).text.trimStart();
        if (t === '' || t.startsWith('#')) i++;
        else break;
      }
      if (i >= lines.length) break;
      lead = 0;
    }
    const at = (off: number): Position => {
      let k = segs.length - 1;
      while (k > 0 && (segs[k] as { logical: number }).logical > off) k--;
      const s = segs[k] as { logical: number; file: number };
      return source.lines.position(s.file + (off - s.logical));
    };
    const km = /^(\S+)(\s*)/.exec(logical);
    const keyword = km ? (km[1] as string) : logical;
    const argsOffset = km ? (km[0] as string).length : logical.length;
    const args = logical.slice(argsOffset).trimEnd();
    const instr: RawInstruction = { keyword, args, argsOffset, pos: at(0), heredocs: [], at };
    if (HEREDOC_INSTRUCTIONS.has(keyword.toLowerCase())) {
      HEREDOC.lastIndex = 0;
      const endLine = source.lines.position((segs[segs.length - 1] as { file: number }).file).line;
      for (let m = HEREDOC.exec(args); m; m = HEREDOC.exec(args)) {
        const strip = m[1] === '-';
        const name = m[3] as string;
        const bodyLines: string[] = [];
        let closed = false;
        while (i < lines.length) {
          const raw = (lines[i] as { text: string }).text;
          i++;
          const cmp = strip ? raw.replace(/^\t+/, '') : raw;
          if (cmp === name) {
            closed = true;
            break;
          }
          bodyLines.push(cmp);
        }
        instr.heredocs.push({ name, body: bodyLines.join('\n'), line: endLine, closed });
        if (!closed) {
          result.problems.push({
            pos: at(argsOffset + m.index),
            code: 'dockerfile/unterminated-heredoc',
            message: `heredoc <<${name} is never closed: end it with a line holding only ${name}`,
          });
        }
      }
    }
    result.instructions.push(instr);
  }
  return result;
}
