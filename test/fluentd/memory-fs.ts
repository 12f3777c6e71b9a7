/** A ConfigFs over an in-memory image layout (absolute container paths), as `validate` provides. */
import path from 'node:path';
import { type ConfigFs, expandGlob } from '../../src/checks/fs.js';
import { type Decoded, sourceFromText } from '../../src/checks/source.js';

export class MemoryFs implements ConfigFs {
  constructor(private readonly files: Record<string, string>) {}

  read(file: string): Decoded {
    const text = this.files[file];
    if (text === undefined)
      return {
        ok: false,
        findings: [{ file, line: 1, column: 1, severity: 'error', code: 'file/missing', message: 'file not found' }],
      };
    return { ok: true, source: sourceFromText(this.display(file), text) };
  }

  glob(pattern: string, from: string): string[] {
    const abs = path.posix.resolve(path.posix.dirname(from), pattern);
    const all = Object.keys(this.files);
    return expandGlob(
      abs,
      (dir) => {
        const prefix = dir === '/' ? '/' : `${dir}/`;
        const names = new Map<string, boolean>();
        for (const f of all) {
          if (!f.startsWith(prefix)) continue;
          const rest = f.slice(prefix.length);
          const slash = rest.indexOf('/');
          names.set(slash === -1 ? rest : rest.slice(0, slash), slash !== -1);
        }
        return [...names].map(([name, dir]) => ({ name, dir }));
      },
      (p) => p in this.files,
    );
  }

  display(file: string): string {
    return `image:${file}`;
  }
}
