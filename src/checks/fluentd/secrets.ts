/**
 * Embedded Ruby, environment variables and secrets (CONFIG-FACTS B3, D4-D5, E1.8):
 * - `#{...}` outside double quotes is never evaluated, so the literal text is used;
 * - `ENV['X']` of a variable the task definition does not give the container becomes "";
 * - an API key, shared key or password written literally ends up in the image.
 * Secret values never appear in messages.
 */
import type { CheckContext } from '../context.js';
import { type Element, type EmbeddedCode, type Param, type ParseOutcome, pluginType } from './ast.js';
import { embeddedRubyProblem } from './ruby.js';
import type { PluginUse } from './plugins.js';
import type { Report } from './report.js';

export interface EnvRef {
  name: string;
  /** What happens when the variable is unset. */
  fallback: 'empty' | 'raise' | 'nil' | 'default' | 'literal';
  param: Param | undefined;
  at: { file: string; pos: Param['pos'] };
}

/** Set by Docker, Fargate or fluentd itself: present in every task without a task-definition entry. */
const RUNTIME_ENV = new Set([
  'HOSTNAME',
  'HOME',
  'PATH',
  'PWD',
  'USER',
  'LANG',
  'SERVERENGINE_WORKER_ID',
  'FLUENTD_CONF',
  'FLUENTD_OPT',
  'LD_PRELOAD',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'ECS_CONTAINER_METADATA_URI',
  'ECS_CONTAINER_METADATA_URI_V4',
  'ECS_AGENT_URI',
]);

const SECRET_KEYS = new Set([
  'api_key',
  'shared_key',
  'password',
  'tls_client_private_key_passphrase',
  'private_key_passphrase',
  'aws_sec_key',
  'aws_secret_access_key',
  'secret_key',
]);
const PLACEHOLDER = /^<.*>$|your|api[_-]?key|x{4,}|changeme|replace|dummy|example|^\*+$/i;
const ENV_REF = /\bENV\s*\[\s*(['"])([^'"]*)\1\s*\]|\bENV\.fetch\s*\(?\s*(['"])([^'"]*)\3\s*(,|\)|\{)?/g;

/** Which embedded Ruby is plain configuration and which runs arbitrary code at start-up (E1.8). */
function isPlainRuby(code: string): boolean {
  const rest = code
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, ' ')
    .replace(/\bENV\s*\[\s*\]/g, ' ')
    .replace(/\bENV\.fetch\s*\(\s*(?:,\s*)?\)/g, ' ')
    .replace(/\bENV\.fetch\b/g, ' ')
    .replace(/\bSocket\.gethostname\b/g, ' ')
    .replace(/\b(hostname|worker_id|use_nil|use_default|nil|true|false)\b/g, ' ')
    .replace(/\|\||\.to_s\b|\.to_i\b|\.strip\b|\.downcase\b|\.upcase\b|[\s()]/g, '');
  return rest === '' || /^\d+$/.test(rest);
}

export function envRefs(code: string): Array<{ name: string; fallback: EnvRef['fallback'] }> {
  const out: Array<{ name: string; fallback: EnvRef['fallback'] }> = [];
  const alt = /\|\|\s*(\S+)/.exec(code);
  const orFallback: EnvRef['fallback'] | undefined = alt
    ? alt[1]?.startsWith('use_nil')
      ? 'nil'
      : alt[1]?.startsWith('use_default')
        ? 'default'
        : 'literal'
    : undefined;
  for (const m of code.matchAll(ENV_REF)) {
    if (m[2] !== undefined) out.push({ name: m[2], fallback: orFallback ?? 'empty' });
    else if (m[4] !== undefined)
      out.push({ name: m[4], fallback: m[5] === ',' || m[5] === '{' ? 'literal' : (orFallback ?? 'raise') });
  }
  return out;
}

/** Walk every element without recursion; `visit` sees each with its nearest plugin `@type`. */
function walk(root: Element, visit: (el: Element, type: string | undefined) => void): void {
  const stack: Array<[Element, string | undefined]> = root.elements.map((e) => [e, undefined]);
  while (stack.length > 0) {
    const [el, inherited] = stack.pop() as [Element, string | undefined];
    const t = pluginType(el);
    const type = t && !t.dynamic ? t.value : inherited;
    visit(el, type);
    for (const c of el.elements) stack.push([c, type]);
  }
}

export function checkSecrets(
  root: Element,
  includeCode: ParseOutcome['includeCode'],
  uses: PluginUse[],
  ctx: CheckContext,
  report: Report,
): string[] {
  const refs: EnvRef[] = [];
  const datadogOutputs = new Set(uses.filter((u) => u.kind === 'output' && u.type === 'datadog').map((u) => u.el));

  const embedded = (codes: EmbeddedCode[], param: Param | undefined, at: { file: string; pos: Param['pos'] }): void => {
    for (const e of codes) {
      const names = envRefs(e.code);
      if (!e.evaluated) {
        if (names.length > 0) {
          report.error(
            at,
            'fluentd/unquoted-env',
            `#{${e.code}} is not evaluated outside double quotes, so fluentd uses that literal text${param ? ` as ${param.key}` : ''}; write ${param ? `${param.key} ` : ''}"#{${e.code}}" with double quotes`,
          );
        } else {
          report.warning(
            at,
            'fluentd/literal-embedded-ruby',
            `#{${e.code}} is only evaluated inside double quotes; here it is literal text. Use double quotes if it is meant to run`,
          );
        }
        continue;
      }
      const problem = embeddedRubyProblem(e.code);
      if (problem) {
        report.error(
          at,
          'fluentd/embedded-ruby-error',
          `embedded Ruby #{${e.code.length > 40 ? `${e.code.slice(0, 40)}...` : e.code}} fails with ${problem} in every environment, and fluentd refuses to start; fix the expression`,
        );
        continue;
      }
      for (const n of names) refs.push({ ...n, param, at });
      if (!isPlainRuby(e.code)) {
        report.warning(
          at,
          'fluentd/embedded-ruby',
          `embedded Ruby #{${e.code.length > 40 ? `${e.code.slice(0, 40)}...` : e.code}} runs at start-up with fluentd's privileges; keep to ENV['X'], ENV.fetch, hostname, worker_id, use_nil and use_default`,
        );
      }
    }
  };

  for (const inc of includeCode) embedded(inc.embedded, undefined, { file: inc.file, pos: inc.pos });
  walk(root, (el, type) => {
    if (el.argEmbedded.length > 0) embedded(el.argEmbedded, undefined, { file: el.file, pos: el.argPos });
    for (const p of el.params) {
      if (p.embedded.length > 0) embedded(p.embedded, p, { file: p.file, pos: p.valuePos });
      if (SECRET_KEYS.has(p.key)) literalSecret(p, type, datadogOutputs.has(el), report);
    }
  });

  checkEnv(refs, ctx, report);
  return [...new Set(refs.map((r) => r.name))].sort();
}

function literalSecret(p: Param, type: string | undefined, datadog: boolean, report: Report): void {
  if (p.dynamic) return;
  const at = { file: p.file, pos: p.valuePos };
  const v = p.value.trim();
  if (p.key === 'api_key' && datadog) {
    if (v === '') {
      report.error(
        at,
        'fluentd/empty-api-key',
        "api_key is empty: the plugin starts but Datadog rejects every log; set api_key \"#{ENV['DD_API_KEY']}\" with the key in the task definition's secrets",
      );
      return;
    }
    if (/#\{/.test(v)) return; // unquoted embedded Ruby: reported as such
    if (/^[0-9a-f]{32}$/i.test(v)) {
      report.error(
        at,
        'fluentd/hardcoded-api-key',
        "api_key is a literal Datadog API key: it would be baked into the image and the repository; revoke it, and write api_key \"#{ENV['DD_API_KEY']}\" with the key in the task definition's secrets",
      );
      return;
    }
    if (PLACEHOLDER.test(v)) {
      report.error(
        at,
        'fluentd/placeholder-api-key',
        "api_key is a placeholder, not a key: Datadog rejects every log; write api_key \"#{ENV['DD_API_KEY']}\" with the key in the task definition's secrets",
      );
      return;
    }
  }
  if (v === '' || /#\{/.test(v)) return;
  if (/^[0-9a-f]{32}$/i.test(v) && p.key === 'api_key') {
    report.error(
      at,
      'fluentd/hardcoded-api-key',
      `api_key of @type ${type ?? '?'} is a literal 32-hex key: it would be baked into the image; read it from the environment with "#{ENV['X']}"`,
    );
    return;
  }
  report.warning(
    at,
    'fluentd/literal-secret',
    `${p.key} is written literally, so it ends up in the image and the repository; read it from the environment with "#{ENV['X']}" and a task definition secret`,
  );
}

function checkEnv(refs: EnvRef[], ctx: CheckContext, report: Report): void {
  const env = ctx.env;
  for (const r of refs) {
    if (env) {
      if (env.names.has(r.name) || RUNTIME_ENV.has(r.name) || ctx.image?.env?.has(r.name)) continue;
      if (r.fallback === 'literal' || (r.fallback === 'default' && !r.param)) continue;
      const what =
        r.fallback === 'raise'
          ? 'ENV.fetch raises KeyError and fluentd does not start'
          : r.fallback === 'nil' || r.fallback === 'default'
            ? `${r.param ? r.param.key : 'the value'} becomes ${r.fallback === 'nil' ? 'nil' : 'its default'}${r.param?.key === 'api_key' ? ' and fluentd refuses to start' : ''}`
            : `fluentd reads it as ""${r.param ? ` and ${r.param.key} is empty` : ''}`;
      const sev = env.open ? 'warning' : 'error';
      const maybe = env.open ? ' (unless its environmentFiles set it)' : '';
      report.add(
        r.at,
        sev,
        'fluentd/env-not-provided',
        `ENV['${r.name}'] is not provided to ${env.where}${maybe}: ${what}; add ${r.name} to its environment or secrets`,
      );
    } else if (r.param?.key === 'api_key' && r.fallback === 'empty') {
      report.notice(
        r.at,
        'fluentd/env-without-use-nil',
        `if ${r.name} is unset, api_key silently becomes ""; write "#{ENV['${r.name}'] || use_nil}" so fluentd --dry-run fails instead`,
      );
    }
  }
}
