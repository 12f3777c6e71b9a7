/**
 * One reproducible gzipped tar layer: the same entries always give the same bytes, so the same
 * digest, so a re-run pushes nothing new and an IMMUTABLE repository never sees a conflict.
 * - entries sorted by path (code units), directories before what they hold;
 * - every time field fixed (mtime 0), no user or group names, owner 0:0 unless given;
 * - gzip with a fixed level and a header with no mtime and no file name (RFC 1952: MTIME 0 means
 *   "no time stamp"), OS byte fixed to 3 (Unix) whatever machine runs this.
 * Paths longer than the ustar name/prefix split allows get a PAX `path` record, as Go's
 * archive/tar (which docker uses) does.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface LayerEntry {
  /** Absolute image path (`/etc/x/conf.yaml`). */
  path: string;
  type: 'file' | 'dir' | 'symlink';
  /** Permission bits, e.g. 0o644. */
  mode: number;
  uid: number;
  gid: number;
  /** File content (files only). */
  data?: Buffer;
  /** Link target (symlinks only). */
  linkname?: string;
}

export interface Layer {
  /** The gzipped tar: the blob. */
  blob: Buffer;
  /** `sha256:` of the blob (the manifest's layer digest). */
  digest: string;
  /** `sha256:` of the uncompressed tar (the config's `rootfs.diff_ids`). */
  diffId: string;
  /** Regular files in it, and their total bytes. */
  files: number;
  bytes: number;
}

/** Fixed so the bytes never depend on zlib's default. */
export const GZIP_LEVEL = 6;
const BLOCK = 512;

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** ustar keeps up to 100 bytes of name plus 155 of prefix, split at a `/`. */
function splitName(name: string): { name: string; prefix: string } | undefined {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: '' };
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== '/') continue;
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest) return { name: rest, prefix };
  }
  return undefined;
}

interface Header {
  name: string;
  prefix: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  type: string;
  linkname: string;
}

function header(h: Header): Buffer {
  const b = Buffer.alloc(BLOCK);
  b.write(h.name, 0, 100, 'utf8');
  b.write(octal(h.mode, 8), 100, 8, 'ascii');
  b.write(octal(h.uid, 8), 108, 8, 'ascii');
  b.write(octal(h.gid, 8), 116, 8, 'ascii');
  b.write(octal(h.size, 12), 124, 12, 'ascii');
  b.write(octal(0, 12), 136, 12, 'ascii');
  b.write('        ', 148, 8, 'ascii');
  b.write(h.type, 156, 1, 'ascii');
  b.write(h.linkname, 157, 100, 'utf8');
  b.write('ustar\u000000', 257, 8, 'ascii');
  b.write(octal(0, 8), 329, 8, 'ascii');
  b.write(octal(0, 8), 337, 8, 'ascii');
  b.write(h.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return b;
}

function padded(data: Buffer): Buffer[] {
  const rest = data.length % BLOCK;
  return rest === 0 ? [data] : [data, Buffer.alloc(BLOCK - rest)];
}

/** A PAX record: `"<len> key=value\n"`, where len counts the whole record, itself included. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const n = Buffer.byteLength(body);
  let total = n + 1;
  while (total !== n + String(total).length) total = n + String(total).length;
  return `${total}${body}`;
}

function entryBlocks(e: LayerEntry): Buffer[] {
  const rel = e.path.replace(/^\/+/, '') + (e.type === 'dir' ? '/' : '');
  const data = e.type === 'file' ? (e.data ?? Buffer.alloc(0)) : Buffer.alloc(0);
  const type = e.type === 'file' ? '0' : e.type === 'dir' ? '5' : '2';
  const base = { mode: e.mode, uid: e.uid, gid: e.gid, size: data.length, type, linkname: e.linkname ?? '' };
  const out: Buffer[] = [];
  let split = splitName(rel);
  if (!split || Buffer.byteLength(base.linkname) > 100) {
    let pax = '';
    if (!split) pax += paxRecord('path', rel);
    if (Buffer.byteLength(base.linkname) > 100) pax += paxRecord('linkpath', base.linkname);
    const paxData = Buffer.from(pax, 'utf8');
    out.push(
      header({
        name: 'PaxHeaders/entry',
        prefix: '',
        mode: 0o644,
        uid: 0,
        gid: 0,
        size: paxData.length,
        type: 'x',
        linkname: '',
      }),
    );
    out.push(...padded(paxData));
    split = split ?? { name: rel.slice(-100), prefix: '' };
    base.linkname = base.linkname.slice(0, 100);
  }
  out.push(header({ ...base, ...split }));
  if (data.length) out.push(...padded(data));
  return out;
}

function byPath(a: LayerEntry, b: LayerEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The layer for these entries; duplicates keep the last one (a later COPY wins, as in docker). */
export function buildLayer(entries: readonly LayerEntry[]): Layer {
  const unique = new Map<string, LayerEntry>();
  for (const e of entries) unique.set(e.path, e);
  const sorted = [...unique.values()].sort(byPath);
  const tar = Buffer.concat([...sorted.flatMap(entryBlocks), Buffer.alloc(BLOCK * 2)]);
  const blob = gzipSync(tar, { level: GZIP_LEVEL });
  // RFC 1952: bytes 4-7 MTIME (0 = none), byte 9 OS. Fixed, so the machine never shows through.
  blob.writeUInt32LE(0, 4);
  blob[9] = 3;
  const files = sorted.filter((e) => e.type === 'file');
  return {
    blob,
    digest: sha256(blob),
    diffId: sha256(tar),
    files: files.length,
    bytes: files.reduce((n, e) => n + (e.data?.length ?? 0), 0),
  };
}
