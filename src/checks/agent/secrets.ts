/**
 * Secrets and environment references, checked against where the agent really runs
 * (CONFIG-FACTS A1, A2, E2.5):
 * - `ENC[handle]` is resolved only when it is the whole scalar, and only if the agent has a secret
 *   backend (`DD_SECRET_BACKEND_COMMAND` / `_TYPE` in the task definition, or `secret_backend_*`
 *   in a datadog.yaml in the image);
 * - `ENC[file@/path]` is the handle format of the `/readsecret_multiple_providers.sh` helper the
 *   agent images ship (Agent >= 7.32). Confirmed against the Datadog docs (CONFIG-FACTS F asked
 *   for it): docs.datadoghq.com/agent/configuration/secrets-management, source
 *   DataDog/documentation `content/en/agent/configuration/secrets-management.md`, section "Using
 *   the built-in Script for Kubernetes and Docker": "Files: using `ENC[file@/path/to/file]`",
 *   "Kubernetes Secrets: using `ENC[k8s_secret@namespace/secret-name/key]`", enabled with
 *   `DD_SECRET_BACKEND_COMMAND=/readsecret_multiple_providers.sh`. Native backends
 *   (`secret_backend_type`, Agent >= 7.70) use their own handle formats (`ENC[secretId;key]` for
 *   aws.secrets, `ENC[/param/path]` for aws.ssm). The file must be in the image;
 * - `%%env_NAME%%` in init_config, instances and logs is replaced from the agent container's
 *   environment; an unset NAME leaves the literal in place.
 * Parts of the context that are not known are not cross-checked.
 */
import type { CheckContext } from '../context.js';
import { type YMap, type YNode, type YScalar, get, getPair, keyName } from '../yaml/ast.js';
import type { Reporter } from './reporter.js';
import type { OptionSpec } from './schema/types.js';
import type { AgentFileShape } from './shape.js';
import { encHandle, envRefs, isPartialEnc } from './values.js';

const MULTI_PROVIDER_SCRIPT = 'readsecret_multiple_providers.sh';

interface Found {
  handles: Array<{ handle: string; node: YScalar }>;
  env: Array<{ name: string; node: YScalar }>;
}

export function checkSecrets(
  shape: AgentFileShape,
  instanceOptions: readonly OptionSpec[],
  ctx: CheckContext,
  r: Reporter,
): void {
  const found: Found = { handles: [], env: [] };
  for (const pair of shape.root.pairs) {
    // The agent substitutes %%env_%% only in these sections; ENC[] handles anywhere.
    const section = keyName(pair);
    collect(pair.value, section === 'init_config' || section === 'instances' || section === 'logs', found, r);
  }
  if (found.handles.length) checkHandles(found.handles, ctx, r);
  if (ctx.env) {
    const env = ctx.env;
    for (const { name, node } of found.env) {
      if (env.names.has(name)) continue;
      if (env.open) {
        r.report(
          node,
          'warning',
          'env-missing',
          `%%env_${name}%% needs ${name} in ${env.where}; it is not in its environment or secrets (an environment file may provide it)`,
        );
      } else {
        r.report(
          node,
          'error',
          'env-missing',
          `%%env_${name}%% needs ${name} in ${env.where} (environment or secrets): without it the agent leaves "%%env_${name}%%" in the config`,
        );
      }
    }
  }
  const secrets = instanceOptions.filter((o) => o.secret);
  for (const { map, index } of shape.instances) literalSecrets(map, secrets, `instance ${index + 1}`, r);
}

/** Every string scalar below `node` (iteratively: depth is bounded by the loader, not by us). */
function collect(node: YNode, envSection: boolean, found: Found, r: Reporter): void {
  const stack: YNode[] = [node];
  while (stack.length) {
    const n = stack.pop() as YNode;
    if (n.kind === 'map') for (let i = n.pairs.length - 1; i >= 0; i--) stack.push(n.pairs[i]!.value);
    else if (n.kind === 'seq') for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]!);
    else if (typeof n.value === 'string') {
      const v = n.value;
      if (v.includes('ENC[')) {
        const handle = encHandle(v);
        if (handle !== undefined) found.handles.push({ handle, node: n });
        else if (isPartialEnc(v)) {
          r.report(
            n,
            'error',
            'secret-handle-partial',
            'an ENC[...] handle must be the whole value: here it is part of a longer string, so the agent sends the text as written; make the value exactly "ENC[<handle>]"',
          );
        }
      }
      if (envSection) for (const name of envRefs(v)) found.env.push({ name, node: n });
      else if (envRefs(v).length) {
        r.report(
          n,
          'warning',
          'env-not-resolved',
          'the agent replaces %%env_NAME%% only in init_config, instances and logs: here it stays as written',
        );
      }
    }
  }
}

function checkHandles(handles: Found['handles'], ctx: CheckContext, r: Reporter): void {
  const backend = ctx.secretBackend;
  if (backend && !backend.configured) {
    const first = handles[0]!.node;
    r.report(
      first,
      'error',
      'secret-backend-missing',
      `${handles.length} ENC[...] secret handle(s) but the agent has no secret backend (${backend.where}): set DD_SECRET_BACKEND_COMMAND=/${MULTI_PROVIDER_SCRIPT} in the agent container, or secret_backend_command in datadog.yaml; otherwise the agent drops this config`,
    );
  }
  for (const { handle, node } of handles) {
    if (handle.startsWith('k8s_secret@')) {
      r.report(
        node,
        'warning',
        'secret-handle-k8s',
        'a k8s_secret@ handle reads a Kubernetes Secret, which does not exist on ECS: use ENC[file@/path] with a file in the image, or a native backend (aws.ssm, aws.secrets)',
      );
      continue;
    }
    if (!handle.startsWith('file@')) continue;
    const path = handle.slice('file@'.length);
    if (!path.startsWith('/')) {
      r.report(
        node,
        'warning',
        'secret-file-relative',
        `ENC[file@${path}] is not an absolute path: write the file's full path in the agent image, e.g. ENC[file@/etc/datadog-agent/secrets/<name>]`,
      );
      continue;
    }
    if (backend?.configured) {
      const command = backend.command;
      if (
        command !== undefined &&
        !command.endsWith(`/${MULTI_PROVIDER_SCRIPT}`) &&
        command !== MULTI_PROVIDER_SCRIPT
      ) {
        r.report(
          node,
          'warning',
          'secret-backend-mismatch',
          `file@ handles are read by /${MULTI_PROVIDER_SCRIPT}, but the secret backend is ${command} (${backend.where}): check that it understands "file@"`,
        );
      } else if (command === undefined && backend.type !== undefined) {
        r.report(
          node,
          'warning',
          'secret-backend-mismatch',
          `file@ handles are read by /${MULTI_PROVIDER_SCRIPT}, but the agent uses the native backend ${backend.type} (${backend.where}), which expects its own handle format`,
        );
      }
    }
    const image = ctx.image;
    if (image && !image.files.has(path)) {
      if (image.complete) {
        r.report(
          node,
          'error',
          'secret-file-missing',
          `ENC[file@${path}] points at a file the image does not contain (no COPY in ${image.dockerfile} puts one at ${path}): the secret does not resolve and the agent drops this config`,
        );
      } else {
        r.report(
          node,
          'warning',
          'secret-file-missing',
          `ENC[file@${path}] points at a file no COPY in ${image.dockerfile} provides; the Dockerfile has steps that cannot be followed, so it may still be there`,
        );
      }
    }
  }
}

/** Credentials written in plain text: accepted by the agent, but they sit in the repository and the image. */
function literalSecrets(map: YMap, secrets: readonly OptionSpec[], where: string, r: Reporter): void {
  for (const spec of secrets) {
    const pair = getPair(map, spec.name);
    if (!pair) continue;
    if (spec.name === 'auth_token') {
      const reader = pair.value.kind === 'map' ? get(pair.value, 'reader') : undefined;
      const secret = reader?.kind === 'map' ? getPair(reader, 'client_secret') : undefined;
      if (secret && isLiteral(secret.value))
        r.report(
          secret.value,
          'warning',
          'literal-secret',
          `"auth_token.reader.client_secret" in ${where} is written in plain text: ${FIX}`,
        );
      continue;
    }
    if (isLiteral(pair.value))
      r.report(pair.value, 'warning', 'literal-secret', `"${spec.name}" in ${where} is written in plain text: ${FIX}`);
  }
}

const FIX =
  'use "ENC[file@/path/in/image]" with the agent\'s secret backend, or "%%env_NAME%%" fed from the task definition\'s secrets';

function isLiteral(node: YNode): boolean {
  // Non-string values are reported as wrong types; only text can be a usable password.
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return false;
  const v = node.value;
  // A broken `ENC[` value is reported as such (secret-handle-partial), not twice.
  return v !== '' && !v.includes('ENC[') && !v.includes('%%env_');
}
