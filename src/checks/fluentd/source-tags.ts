/**
 * Which tags a `<source>` emits, when the configuration alone says so (CONFIG-FACTS E1.7):
 * in_tail `tag` (a `*` is replaced by the file path with `/` turned into `.`, dots squeezed and
 * the leading dot dropped: `in_tail.rb` `configure_tag` + TailWatcher#tag, B6), in_forward with
 * `tag`/`add_tag_prefix`, in_sample/in_dummy, in_syslog (`tag.<facility>.<priority>`), and the
 * other inputs with a fixed `tag`. in_forward without an override keeps its senders' tags (C2):
 * they are judged only when the project file declares them (`fluentd.forwardedTags`). Anything
 * else (in_http) is not judged.
 */
import { type Element, type Param, lastParam, pluginType } from './ast.js';
import type { TagPiece } from './tag-pattern.js';

export interface SourceTags {
  /** The union of these piece sequences. */
  alternatives: TagPiece[][];
  /** The parameter the tags come from, for the finding's position. */
  at: Param;
  /** Human description, e.g. `nginx.var.log.nginx.access.log`. */
  shown: string[];
}

const FIXED_TAG_INPUTS = new Set(['sample', 'dummy', 'tcp', 'udp', 'exec', 'object_space', 'gc_stat', 'monitor_agent']);

export function sourceTags(
  el: Element,
  type: string | undefined,
  forwarded: readonly string[] = [],
): SourceTags | undefined {
  const tag = lastParam(el, 'tag');
  if (tag?.dynamic) return undefined;
  switch (type) {
    case 'tail':
      return tag ? tailTags(el, tag) : undefined;
    case 'forward': {
      const prefix = lastParam(el, 'add_tag_prefix');
      if (prefix?.dynamic) return undefined;
      if (tag && tag.value !== '') {
        const t = prefix && prefix.value !== '' ? `${prefix.value}.${tag.value}` : tag.value;
        return { alternatives: [[{ lit: t }]], at: tag, shown: [t] };
      }
      const declared = forwarded.filter((t) => t !== '');
      if (declared.length > 0) {
        // The senders' tags, as declared; add_tag_prefix prepends `<prefix>.` to each (in_forward.rb).
        const full = declared.map((t) => (prefix && prefix.value !== '' ? `${prefix.value}.${t}` : t));
        // Without a prefix the finding points at the source's @type line.
        const at = prefix && prefix.value !== '' ? prefix : (pluginType(el) ?? el.params[0]);
        return at ? { alternatives: full.map((t) => [{ lit: t }]), at, shown: full } : undefined;
      }
      if (prefix && prefix.value !== '')
        return {
          alternatives: [[{ lit: `${prefix.value}.` }, { any: true }]],
          at: prefix,
          shown: [`${prefix.value}.<sender's tag>`],
        };
      return undefined;
    }
    case 'syslog':
      return tag
        ? {
            alternatives: [[{ lit: `${tag.value}.` }, { part: true }, { lit: '.' }, { part: true }]],
            at: tag,
            shown: [`${tag.value}.<facility>.<priority>`],
          }
        : undefined;
    default:
      if (type !== undefined && FIXED_TAG_INPUTS.has(type) && tag && tag.value !== '')
        return { alternatives: [[{ lit: tag.value }]], at: tag, shown: [tag.value] };
      return undefined;
  }
}

function tailTags(el: Element, tag: Param): SourceTags | undefined {
  const star = tag.value.indexOf('*');
  if (star === -1) return { alternatives: [[{ lit: tag.value }]], at: tag, shown: [tag.value] };
  const path = lastParam(el, 'path');
  if (!path || path.dynamic) return undefined;
  const delimiter = lastParam(el, 'path_delimiter');
  const delim = delimiter && !delimiter.dynamic && delimiter.value !== '' ? delimiter.value : ',';
  // Ruby `tag.split('*')`: prefix is before the first *, suffix between the first and second.
  const parts = tag.value.split('*');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const prefix = parts[0] ?? '';
  const suffix = parts[1] ?? '';
  const alternatives: TagPiece[][] = [];
  const shown: string[] = [];
  for (const raw of path.value.split(delim)) {
    const p = raw.trim();
    if (p === '') continue;
    const middle = pathPieces(p);
    alternatives.push(normalize([{ lit: prefix }, ...middle, { lit: suffix }]));
    shown.push(prefix + middle.map((m) => ('lit' in m ? m.lit : '*')).join('') + suffix);
  }
  return alternatives.length > 0 ? { alternatives, at: tag, shown } : undefined;
}

/** `path.tr('/', '.').gsub(/\.+/, '.').gsub(/^\./, '')`, with glob and strftime parts as wildcards. */
function pathPieces(path: string): TagPiece[] {
  const pieces: TagPiece[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit !== '') pieces.push({ lit });
    lit = '';
  };
  for (let i = 0; i < path.length; i++) {
    const c = path[i] as string;
    if (c === '*' || c === '?') {
      flush();
      pieces.push({ any: true });
      while (path[i + 1] === '*') i++;
    } else if (c === '[' || c === '{') {
      const close = path.indexOf(c === '[' ? ']' : '}', i + 1);
      if (close === -1) lit += c;
      else {
        flush();
        pieces.push({ any: true });
        i = close;
      }
    } else if (c === '%' && i + 1 < path.length) {
      // strftime directives (in_tail expands them with the current date).
      flush();
      pieces.push({ any: true });
      i++;
    } else lit += c === '/' ? '.' : c;
  }
  flush();
  for (const p of pieces) if ('lit' in p) p.lit = p.lit.replace(/\.+/g, '.');
  const first = pieces[0];
  if (first && 'lit' in first && first.lit.startsWith('.')) first.lit = first.lit.slice(1);
  return pieces;
}

/** Squeeze dots inside literal runs, drop the leading one, merge neighbours. */
function normalize(pieces: TagPiece[]): TagPiece[] {
  const out: TagPiece[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if ('lit' in p) {
      if (p.lit === '') continue;
      if (prev && 'lit' in prev) prev.lit += p.lit;
      else out.push({ lit: p.lit });
    } else if (!(prev && 'any' in prev && 'any' in p)) out.push(p);
  }
  return out;
}
