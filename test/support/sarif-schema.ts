/**
 * The OASIS SARIF 2.1.0 JSON schema (draft-04), read from ../shared/reference relative to the
 * repository root, compiled with ajv; its formats are checked, not ignored.
 */
import AjvDraft04 from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-root.js';

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, '../shared/reference/sarif-schema-2.1.0.json'), 'utf8'));
// ajv-draft-04 is CommonJS (module.exports = Ajv, with Ajv.default = Ajv): under ESM the class is `.default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
// The schema's formats, checked rather than ignored: absolute URIs, URI references (percent-encoded, no spaces), RFC 3339 times.
const parses = (s: string, base?: string): boolean => {
  try {
    new URL(s, base);
    return true;
  } catch {
    return false;
  }
};
ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && parses(s));
ajv.addFormat(
  'uri-reference',
  (s: string) => /^[^\s%]*(?:%[0-9A-F]{2}[^\s%]*)*$/i.test(s) && parses(s, 'file:///root/'),
);
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s));
export const validateSarif = ajv.compile(schema);
