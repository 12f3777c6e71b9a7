/**
 * Credentials by value, not only by name: a plain `environment` value whose name says it is a
 * credential (`DB_PASSWORD`, `SENTRY_DSN`, `apiKey`), a URL that carries `user:password@`, and a
 * `--password=...` / `--password ...` argument in `command` or `entryPoint` (also inside a
 * `sh -c "..."` string). Pure: the taskdef checker warns about each (secret-values.ts), the diff
 * and the log mask them (src/ecs/sensitive.ts).
 *
 * The rule that keeps ordinary settings visible: a value is never a credential when it is a
 * *plain setting*: empty, a boolean word (`true`, `off`), a number, duration or size (`30`, `30s`,
 * `512m`; not a bare number of six digits or more, which may be a PIN), a reference (`$VAR`,
 * `${VAR}`, `%%env_VAR%%`, `ENC[...]`, `<placeholder>`, an ARN) or
 * an absolute path (`/readsecret_multiple_providers.sh`, the Agent's secret backend command). And
 * the runner's log mask (`core.setSecret`), which blanks a string everywhere in the job's log, only
 * takes values of at least MIN_LOG_MASK_LENGTH characters: masking `admin` would blank every
 * "admin" in the log. Shorter ones are still masked where they stand (diffs, reports).
 */

/** Shorter strings are too common to mask across a whole log. */
export const MIN_LOG_MASK_LENGTH = 6;

const BOOLEAN_WORD = /^(?:true|false|yes|no|on|off|y|n|null|none|enabled?|disabled?)$/i;
const NUMBER_LIKE = /^[+-]?\d+(?:\.\d+)?(?:ms|s|m|h|d|k|kb|kib|m|mb|mib|g|gb|gib|%)?$/i;
/** `$VAR`, `${VAR}`, `%%env_VAR%%`, `ENC[...]`, `<placeholder>`, `{{ template }}`, an ARN. */
const REFERENCE = new RegExp(
  [/\$[A-Za-z_][A-Za-z0-9_]*/, /\$\{[^}]+\}/, /%%env_[A-Za-z0-9_]+%%/, /ENC\[.*\]/, /<[^>]*>/, /\{\{.*\}\}/]
    .concat(/arn:aws[a-z-]*:.*/)
    .map((r) => `^${r.source}$`)
    .join('|'),
);
const ABSOLUTE_PATH = /^\/[^\s:@]*$/;

/** Words of a name: `DB_PASSWORD`, `db-password`, `dbPassword` all give DB, PASSWORD. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

const CREDENTIAL_WORDS = new Set([
  'PASS',
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PWD',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'DSN',
  'APIKEY',
  'APPKEY',
  'ACCESSKEY',
  'SECRETKEY',
  'PRIVATEKEY',
  'AUTHTOKEN',
  'CREDENTIAL',
  'CREDENTIALS',
]);
/** Glued to a prefix, these still say credential (`PGPASSWORD`); PASS and PWD do not (`BYPASS`). */
const CREDENTIAL_ENDINGS = ['PASSWORD', 'PASSWD', 'PASSPHRASE', 'TOKEN', 'SECRET', 'APIKEY'];
/** `API_KEY`, `APP_KEY`, ...: a KEY is a credential only after one of these. */
const KEY_QUALIFIERS = new Set(['API', 'APP', 'ACCESS', 'PRIVATE', 'SIGNING', 'ENCRYPTION', 'LICENSE', 'MASTER']);
/**
 * A last word that makes the name a setting about a credential, not the credential: `..._PASSWORD_FILE`
 * holds a path, `DD_SECRET_BACKEND_TIMEOUT` a number, `AWS_ACCESS_KEY_ID` an identifier.
 */
const SETTING_SUFFIXES = new Set([
  'FILE',
  'PATH',
  'DIR',
  'COMMAND',
  'CMD',
  'ARGUMENTS',
  'ARGS',
  'TYPE',
  'CONFIG',
  'TIMEOUT',
  'INTERVAL',
  'ENABLED',
  'ENABLE',
  'DISABLED',
  'DISABLE',
  'PERM',
  'SIZE',
  'TTL',
  'LENGTH',
  'ID',
  'ARN',
  'NAME',
  'PARAM',
  'PARAMETER',
  'HEADER',
  'STDIN',
  'PROMPT',
]);
/** A first word that makes a flag a switch (`--no-password`, `--skip-auth-token`): it takes no value. */
const SWITCH_PREFIXES = new Set(['NO', 'SKIP', 'WITHOUT', 'DISABLE', 'ENABLE', 'ASK', 'PROMPT', 'USE', 'REQUIRE']);

/**
 * A name that says its value is a credential. `DD_SECRET_BACKEND_*` are not: they configure how
 * the Agent fetches secrets (CONFIG-FACTS A2), and their values are commands, types and timeouts.
 */
export function isCredentialName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  if (last === undefined || SETTING_SUFFIXES.has(last)) return false;
  return w.some((word, i) => {
    if (word === 'SECRET' && w[i + 1] === 'BACKEND') return false;
    if (CREDENTIAL_WORDS.has(word) || CREDENTIAL_ENDINGS.some((e) => word.endsWith(e))) return true;
    return word === 'KEY' && i > 0 && KEY_QUALIFIERS.has(w[i - 1] as string);
  });
}

/** Never a credential, whatever its name: see the header. */
export function isPlainSetting(value: string): boolean {
  const v = value.trim();
  return v === '' || BOOLEAN_WORD.test(v) || isNumberSetting(v) || REFERENCE.test(v) || ABSOLUTE_PATH.test(v);
}

/** `30`, `1.5`, `30s`, `512m`; but six digits or more (`20240917`) may be a PIN, so a bare long number is not. */
function isNumberSetting(v: string): boolean {
  return NUMBER_LIKE.test(v) && !/^\d{6,}$/.test(v);
}

/** Long and unusual enough to mask across the whole log (core.setSecret, the CLI's redaction). */
export function isLogMaskable(value: string): boolean {
  return value.length >= MIN_LOG_MASK_LENGTH && !isPlainSetting(value);
}

export type CredentialKind = 'url-password' | 'credential-name' | 'password-argument';

/** One credential in a value: the secret part, and the value with that part replaced. */
export interface PlainCredential {
  kind: CredentialKind;
  /** The exact secret text. */
  secret: string;
  /** What the reader is told it is: "a URL with a password", "--password". */
  what: string;
  /** The whole value with the secret replaced by `mask`. */
  masked(mask: string): string;
}

/**
 * `scheme://user:password@host`: the userinfo's password (RFC 3986 section 3.2.1). Matched from
 * each `://` with a sticky expression rather than one global pattern, whose scheme part would scan
 * a long run of letters again from every start: values can be megabytes.
 */
const USERINFO = /([^/?#@\s:]*):([^/?#@\s]*)@/y;

/** Every password in a URL's userinfo inside `value` (a DSN, a connection string, a shell line). */
export function urlPasswords(value: string): PlainCredential[] {
  const out: PlainCredential[] = [];
  for (let i = value.indexOf('://'); i !== -1; i = value.indexOf('://', i + 3)) {
    if (i === 0) continue; // no scheme
    USERINFO.lastIndex = i + 3;
    const m = USERINFO.exec(value);
    const secret = m?.[2];
    if (!m || secret === undefined || isPlainSetting(secret)) continue;
    // Every occurrence: the same text elsewhere in the value (a repeated DSN) is the same secret.
    const masked = (mask: string): string => value.split(secret).join(mask);
    out.push({ kind: 'url-password', secret, what: 'a URL with a password', masked });
  }
  return out;
}

/** A plain `environment` value: a URL's password, else the whole value when the name says credential. */
export function environmentCredential(name: string, value: string): PlainCredential | undefined {
  const inUrl = urlPasswords(value);
  if (inUrl.length) return combine(value, inUrl);
  if (!isCredentialName(name) || isPlainSetting(value)) return undefined;
  const what = `a credential (by its name, ${name})`;
  return { kind: 'credential-name', secret: value, what, masked: (mask) => mask };
}

/** Several secrets in one value, reported once and masked together (longest first). */
function combine(value: string, found: readonly PlainCredential[]): PlainCredential {
  const first = found[0] as PlainCredential;
  if (found.length === 1) return first;
  const secrets = [...new Set(found.map((f) => f.secret))].sort((a, b) => b.length - a.length);
  return {
    kind: first.kind,
    secret: secrets[0] as string,
    what: first.what,
    masked: (mask) => secrets.reduce((v, s) => v.split(s).join(mask), value),
  };
}

/** A credential in one argument of an argv; `secrets` lists every secret part (for the log mask). */
export interface ArgumentCredential extends PlainCredential {
  index: number;
  secrets: string[];
}

interface Token {
  arg: number;
  text: string;
}

/** `--password=x`, `-token=x`, `DB_PASSWORD=x` (a shell assignment): the name and the value. */
const ASSIGNMENT = /^(--?[A-Za-z][\w.-]*|[A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
const FLAG = /^--?[A-Za-z][\w.-]*$/;
const unquote = (s: string): string => s.replace(/^(['"])(.*)\1$/s, '$2');

function flagCredential(arg: string, flag: string, raw: string): PlainCredential | undefined {
  const secret = unquote(raw);
  const name = flag.replace(/^-+/, '');
  if (SWITCH_PREFIXES.has(words(name)[0] ?? '')) return undefined;
  if (!isCredentialName(name) || isPlainSetting(secret) || secret.startsWith('$')) return undefined;
  return {
    kind: 'password-argument',
    secret,
    what: flag.startsWith('-') ? flag : `${flag}=`,
    masked: (mask) => arg.split(secret).join(mask),
  };
}

/**
 * Credentials in `command` / `entryPoint`: each argument is also split on spaces, so a
 * `sh -c "mysql --password=..."` line counts. `--password VALUE` takes the next word, in the same
 * argument or the next one. `$VAR` values are references a shell expands, not secrets.
 */
export function argumentCredentials(args: readonly string[]): ArgumentCredential[] {
  const tokens: Token[] = args.flatMap((a, arg) =>
    a
      .split(/\s+/)
      .filter(Boolean)
      .map((text) => ({ arg, text })),
  );
  const found = new Map<number, PlainCredential[]>();
  const add = (arg: number, c: PlainCredential | undefined): void => {
    if (c) found.set(arg, [...(found.get(arg) ?? []), c]);
  };
  args.forEach((a, arg) => urlPasswords(a).forEach((c) => add(arg, c)));
  const argAt = (i: number): string => args[i] as string;
  tokens.forEach((t, i) => {
    const assignment = ASSIGNMENT.exec(t.text);
    if (assignment) return add(t.arg, flagCredential(argAt(t.arg), assignment[1] as string, assignment[2] as string));
    const next = tokens[i + 1];
    if (FLAG.test(t.text) && next && !next.text.startsWith('-')) {
      add(next.arg, flagCredential(argAt(next.arg), t.text, next.text));
    }
  });
  return [...found].map(([index, list]) => ({
    ...combine(args[index] as string, list),
    index,
    secrets: [...new Set(list.map((c) => c.secret))],
  }));
}
