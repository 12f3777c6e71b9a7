/**
 * A `docker export` stream as a listing to compare two images' filesystems: per path its type,
 * mode, uid, gid, size and the sha256 of its content (links: their target). Reads ustar with PAX
 * `path`/`linkpath` records and GNU long names, which is what docker's Go archive/tar writes.
 * Test code only.
 */
import { createHash } from 'node:crypto';

export interface TarEntry {
  path: string;
  type: string;
  mode: string;
  uid: number;
  gid: number;
  size: number;
  sha256: string;
}

const str = (b: Buffer, off: number, len: number): string => {
  const s = b.subarray(off, off + len);
  const nul = s.indexOf(0);
  return s.subarray(0, nul === -1 ? len : nul).toString('utf8');
};
const num = (b: Buffer, off: number, len: number): number => parseInt(str(b, off, len).trim() || '0', 8);

function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp === -1) break;
    const len = Number(data.subarray(i, sp).toString());
    if (!len) break;
    const rec = data.subarray(sp + 1, i + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

export function tarListing(tar: Buffer): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  while (off + 512 <= tar.length) {
    const h = tar.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    const size = num(h, 124, 12);
    const type = String.fromCharCode(h[156] ?? 48) || '0';
    const data = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      longName = str(data, 0, data.length);
      continue;
    }
    const prefix = str(h, 345, 155);
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${str(h, 0, 100)}` : str(h, 0, 100));
    const link = pax.linkpath ?? str(h, 157, 100);
    const t = type === '\0' ? '0' : type;
    const content = t === '0' ? data : Buffer.from(link);
    out.push({
      path: `/${name.replace(/^\.?\//, '').replace(/\/$/, '')}`,
      type: t === '0' ? 'file' : t === '5' ? 'dir' : t === '2' ? 'symlink' : t === '1' ? 'hardlink' : `type-${t}`,
      mode: (num(h, 100, 8) & 0o7777).toString(8),
      uid: pax.uid ? Number(pax.uid) : num(h, 108, 8),
      gid: pax.gid ? Number(pax.gid) : num(h, 116, 8),
      size: t === '0' ? size : 0,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    pax = {};
    longName = undefined;
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
