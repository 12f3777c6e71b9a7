/**
 * One file, parsed the way `v1_parser.rb` `parse_element` parses it (CONFIG-FACTS B2), except that
 * nesting is an explicit stack (10,000-deep sections cannot exhaust ours) and `@include` becomes
 * an IncludeNode that the loader expands in place. Errors carry fluentd's own wording (B7) and
 * stop the parse, as they stop fluentd; positions are chosen to point at the cause.
 */
import { LineIndex } from '../findings.js';
import type { ElementNode, FileFragment, IncludeNode, Item, ParamNode, ParseError } from './ast.js';
import { type LiteralResult, parseLiteral, scanString } from './literal.js';
import { matchLineEnd, matchSpacing, matchSpacingWithoutComment, scanName } from './scan.js';

/** Directives in which an unknown `@xxx` key is a parse error rather than a warning (`ELEM_SYMBOLS`). */
const ELEM_SYMBOLS = new Set(['match', 'source', 'filter', 'system']);
const RESERVED_PARAMS = new Set(['@type', '@id', '@label', '@log_level']);

interface Frame {
  /** null for the file's root and for a nameless `<>` element (fluentd compares nil with nil). */
  name: string | null;
  items: Item[];
  element: ElementNode | undefined;
}

export interface ParseFileOptions {
  /**
   * The file fluentd was started with: junk after a root-level `</>` is "expected EOF". An
   * included file is read with `parse_element` alone, which simply stops there.
   */
  entry: boolean;
}

export function parseFile(s: string, options: ParseFileOptions): FileFragment {
  const items: Item[] = [];
  const warnings: FileFragment['warnings'] = [];
  const stack: Frame[] = [{ name: null, items, element: undefined }];
  let p = 0;
  const result = (error?: ParseError): FileFragment => (error ? { items, warnings, error } : { items, warnings });
  const err = (offset: number, code: string, message: string): FileFragment => result({ offset, code, message });
  const skipSpacing = (): void => {
    const q = matchSpacing(s, p);
    if (q >= 0) p = q;
  };
  // Only error messages need a line number, and a parse stops at its first error.
  const lineOf = (offset: number): number => new LineIndex(s).position(offset).line;

  for (;;) {
    const frame = stack[stack.length - 1] as Frame;
    const root = stack.length === 1;
    skipSpacing();
    if (p >= s.length) {
      if (root) break;
      const el = frame.element as ElementNode;
      return err(
        el.offset,
        'fluentd/unclosed-section',
        `expected end tag '</${el.name}>' but got end of file: <${el.name}${el.arg ? ` ${el.arg}` : ''}> opened at line ${lineOf(el.offset)} is never closed; add </${el.name}>`,
      );
    }

    if (s.startsWith('</', p)) {
      const at = p;
      const nameEnd = scanName(s, p + 2);
      const name = nameEnd > p + 2 ? s.slice(p + 2, nameEnd) : null;
      p = nameEnd;
      skipSpacing();
      if (s[p] !== '>')
        return err(
          p,
          'fluentd/syntax',
          `expected character in tag name: write the end tag as </name> with a name of letters, digits and _`,
        );
      p++;
      const le = matchLineEnd(s, p);
      if (le < 0)
        return err(
          p,
          'fluentd/syntax',
          'expected end of line after end tag: put nothing but a comment after </...> on its line',
        );
      p = le;
      if (name !== frame.name) {
        const why = frame.element
          ? `</${name ?? ''}> found while <${frame.element.name}> (opened at line ${lineOf(frame.element.offset)}) is still open; close <${frame.element.name}> first`
          : `</${name ?? ''}> closes no open section; remove it`;
        return err(at, 'fluentd/unmatched-end-tag', `unmatched end tag: ${why}`);
      }
      if (root) {
        // `</>` closes fluentd's nil-named root: the entry file must end here, an included one just stops.
        skipSpacing();
        if (p < s.length) {
          if (options.entry)
            return err(
              p,
              'fluentd/syntax',
              'expected EOF: a stray </> at the top level ends the configuration; remove it',
            );
          warnings.push({
            offset: at,
            code: 'fluentd/syntax',
            message: 'fluentd stops reading this included file at this </>: everything after it is ignored; remove it',
          });
        }
        break;
      }
      stack.pop();
      continue;
    }

    if (s[p] === '<') {
      const at = p;
      const nameEnd = scanName(s, p + 1);
      const name = nameEnd > p + 1 ? s.slice(p + 1, nameEnd) : null;
      p = nameEnd;
      skipSpacing();
      const argAt = p;
      const arg = scanString(s, p, 'tag-arg');
      if (arg && !arg.ok) return result(arg.error);
      if (arg) p = arg.literal.end;
      skipSpacing();
      if (s[p] !== '>') {
        const hint =
          arg && arg.literal.quote !== 'none'
            ? ': quote the whole argument, e.g. <match "app.#{ENV[\'X\']}.**">'
            : ': close the tag with >';
        return err(p, 'fluentd/syntax', `expected '>'${hint}`);
      }
      p++;
      const le = matchLineEnd(s, p);
      if (le < 0)
        return err(
          p,
          'fluentd/syntax',
          'expected end of line after tag: a section tag must be alone on its line (put </...> on its own line)',
        );
      p = le;
      const element: ElementNode = {
        kind: 'element',
        name: name ?? '',
        arg: arg ? arg.literal.value : '',
        argQuote: arg ? arg.literal.quote : 'empty',
        argEmbedded: arg ? arg.literal.embedded : [],
        offset: at,
        argOffset: arg ? arg.literal.start : argAt,
        items: [],
      };
      frame.items.push(element);
      stack.push({ name, items: element.items, element });
      continue;
    }

    if (root) {
      const m = /^(@include|include)/.exec(s.slice(p, p + 8));
      if (m) {
        const after = matchSpacing(s, p + m[0].length);
        if (after >= 0) {
          const res = parseInclude(s, p, after, m[0] === 'include');
          if ('error' in res) return result(res.error);
          frame.items.push(res.node);
          p = res.end;
          continue;
        }
      }
    }

    // key [value]
    const keyAt = p;
    const key = scanString(s, p, 'spacing');
    if (!key) return err(p, 'fluentd/syntax', 'expected a parameter name');
    if (!key.ok) return result(key.error);
    p = key.literal.end;
    const k = key.literal.value;
    const sp = matchSpacingWithoutComment(s, p);
    if (sp < 0) {
      // Ruby raises NoMethodError here (prev_match is nil): fluentd dies with "unexpected error".
      return err(p, 'fluentd/syntax', 'expected a space after the quoted parameter name');
    }
    const gap = s.slice(p, sp);
    p = sp;
    if (gap.includes('\n') || p >= s.length) {
      // A key alone on its line has the value "" (a bool reads it as true).
      frame.items.push(param(k, keyAt, { value: '', quote: 'empty', start: p, embedded: [] }, ''));
      continue;
    }
    if (k === '@include') {
      const res = parseInclude(s, keyAt, p, false);
      if ('error' in res) return result(res.error);
      frame.items.push(res.node);
      p = res.end;
      continue;
    }
    if (k.startsWith('@') && !RESERVED_PARAMS.has(k)) {
      if (root || ELEM_SYMBOLS.has(frame.name ?? '')) {
        return err(
          keyAt,
          'fluentd/reserved-prefix',
          `'@' is the system reserved prefix. Don't use '@' prefix parameter in the configuration: ${k}`,
        );
      }
      warnings.push({
        offset: keyAt,
        code: 'fluentd/reserved-prefix',
        message: `'@' is the system reserved prefix: ${k} works in a nested section for now but fluentd says it will be rejected; drop the @`,
      });
    }
    const v: LiteralResult = parseLiteral(s, p);
    if (!v.ok) return result(v.error);
    p = v.literal.end;
    const le = matchLineEnd(s, p);
    if (le < 0) {
      const hint = v.literal.quote === 'none' ? '' : ': only a comment may follow a quoted value';
      return err(p, 'fluentd/syntax', `expected end of line${hint}`);
    }
    frame.items.push(param(k, keyAt, v.literal, s.slice(v.literal.start, v.literal.end)));
    p = le;
  }

  // The entry file must be consumed completely; an included file may not reach here otherwise.
  skipSpacing();
  if (p < s.length && options.entry) return err(p, 'fluentd/syntax', 'expected EOF');
  return result();
}

function param(
  key: string,
  keyOffset: number,
  lit: { value: string; quote: ParamNode['quote']; start: number; embedded: ParamNode['embedded'] },
  raw: string,
): ParamNode {
  return {
    kind: 'param',
    key,
    value: lit.value,
    quote: lit.quote,
    raw,
    keyOffset,
    valueOffset: lit.start,
    embedded: lit.embedded,
  };
}

/** `parse_include`: the URI is `scan_string(LINE_END)`; a missing line end is not an error there. */
function parseInclude(
  s: string,
  at: number,
  p: number,
  legacy: boolean,
): { node: IncludeNode; end: number } | { error: ParseError } {
  const uri = scanString(s, p, 'line-end');
  if (!uri)
    return {
      error: {
        offset: at,
        code: 'fluentd/syntax',
        message: '@include needs a path or glob, e.g. @include conf.d/*.conf',
      },
    };
  if (!uri.ok) return { error: uri.error };
  const le = matchLineEnd(s, uri.literal.end);
  return {
    node: {
      kind: 'include',
      uri: uri.literal.value,
      quote: uri.literal.quote,
      embedded: uri.literal.embedded,
      offset: at,
      uriOffset: uri.literal.start,
      legacy,
    },
    end: le >= 0 ? le : uri.literal.end,
  };
}
