/** The repository root, from test/support in the sources or from build/test/support when compiled for the bench. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const up2 = path.resolve(here, '../..');
export const REPO_ROOT = existsSync(path.join(up2, 'package.json')) ? up2 : path.resolve(here, '../../..');
