/**
 * Turning bytes into text a checker can trust: encoding (UTF-8 with or without BOM, UTF-16 with
 * BOM), binary junk, oversized files and templates are settled here, once, as findings.
 */
import { readFileSync, statSync } from 'node:fs';
import { type Finding, LineIndex, finding } from './findings.js';

/**
 * Config files this tool reads are kilobytes; the largest realistic one (a 5,000-site http_check)
 * is about 1 MiB. Anything past this limit is reported, not parsed, so a stray 10 MB file costs
 * one stat and one finding instead of seconds of parsing.
 */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface SourceText {
  /** Path for findings (repository-relative when known). */
  file: string;
  text: string;
  /** Built with the text and shared, so a file is indexed once whoever reports on it. */
  lines: LineIndex;
  /** The file started with a byte order mark (UTF-8 or UTF-16). */
  bom: 'utf8' | 'utf16le' | 'utf16be' | undefined;
}

export type Decoded = { ok: true; source: SourceText } | { ok: false; findings: Finding[] };

const START = { line: 1, column: 1 };

function tooLarge(file: string, size: number): Decoded {
  return {
    ok: false,
    findings: [
      finding(
        file,
        START,
        'error',
        'file/too-large',
        `file is ${(size / 1024 / 1024).toFixed(1)} MiB; configuration files are read up to ${MAX_CONFIG_BYTES / 1024 / 1024} MiB, so it was not checked`,
      ),
    ],
  };
}

export function decode(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_CONFIG_BYTES) return tooLarge(file, bytes.length);
  let text: string;
  let bom: SourceText['bom'];
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bom = 'utf8';
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      bom = 'utf16le';
      text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      bom = 'utf16be';
      text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    } else {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
  } catch {
    return { ok: false, findings: [notText(file, bytes)] };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const lines = new LineIndex(text);
    return {
      ok: false,
      findings: [
        finding(
          file,
          lines.position(nul),
          'error',
          'file/binary',
          'file contains NUL bytes: this is binary data, not a text configuration file',
        ),
      ],
    };
  }
  return { ok: true, source: { file, text, lines: new LineIndex(text), bom } };
}

/** Locate the first byte that is not valid UTF-8, so the finding points at it. */
function notText(file: string, bytes: Uint8Array): Finding {
  let line = 1;
  let col = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let valid = len > 0 && i + len <= bytes.length;
    for (let k = 1; valid && k < len; k++) valid = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (!valid) break;
    if (b === 0x0a) {
      line += 1;
      col = 1;
    } else col += 1;
    i += len;
  }
  return finding(
    file,
    { line, column: col },
    'error',
    'file/not-utf8',
    'file is not valid UTF-8 (nor UTF-16 with a byte order mark): save it as UTF-8',
  );
}

/** Read and decode a file from disk; an unreadable or oversized file is a finding, never a throw. */
export function readSource(file: string, absPath: string): Decoded {
  try {
    const st = statSync(absPath);
    if (st.isDirectory()) {
      return { ok: false, findings: [finding(file, START, 'error', 'file/unreadable', 'is a directory, not a file')] };
    }
    if (st.size > MAX_CONFIG_BYTES) return tooLarge(file, st.size); // neither read nor buffered
    return decode(file, readFileSync(absPath));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot read (${code ?? String(err)})`;
    return {
      ok: false,
      findings: [finding(file, START, 'error', code === 'ENOENT' ? 'file/missing' : 'file/unreadable', what)],
    };
  }
}

/** Build a SourceText from a string (tests, stdin, in-memory renders). */
export function sourceFromText(file: string, text: string): SourceText {
  return { file, text, lines: new LineIndex(text), bom: undefined };
}

const TEMPLATE_MARKERS: ReadonlyArray<[RegExp, string]> = [
  [/\{\{[^\n]*?\}\}/, 'Jinja/Go template'],
  [/\{%-?\s*[a-z]+[^\n]*?%\}/, 'Jinja template'],
  [/<%[=\-#]?[^\n]*?%>/, 'ERB template'],
];

/**
 * Templated files (Ansible/Jinja, ERB) are not what the engine reads: they get one notice instead
 * of a cascade of syntax errors. `{{ }}` inside a Fluentd double-quoted string or a Datadog
 * `%%env_X%%` is not a template marker, and `"#{...}"` is Fluentd's own embedded Ruby.
 */
export function templateNotice(source: SourceText): Finding | undefined {
  for (const [re, kind] of TEMPLATE_MARKERS) {
    const m = re.exec(source.text);
    if (m) {
      return finding(
        source.file,
        source.lines.position(m.index),
        'notice',
        'file/template',
        `template: rendered before it can be checked (${kind} syntax found); check the rendered file instead`,
      );
    }
  }
  return undefined;
}
