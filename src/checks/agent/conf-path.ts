/**
 * Where the agent loads a file from its path in the image, and what it makes of a whole conf.d
 * (`config_reader.go`: CONFIG-FACTS A1):
 * - `conf.d/<check>.d/<file>` (one level only) and `conf.d/<check>.yaml` are read;
 * - only `.yaml`/`.yml`, optionally followed by `.default`; `conf.yaml.example` and the like are
 *   skipped silently;
 * - every active file of a check is its own config (all run); `*.default` files load only when
 *   the check has no other file — and take over when that file is invalid;
 * - `metrics.yaml` is a JMX metrics file, not a check config.
 */
import { type Finding, finding } from '../findings.js';

export interface ConfPath {
  check: string;
  loaded: boolean;
  isDefault: boolean;
  why?: string;
}

/** The conf.d directories of the agent image: `/etc/datadog-agent/conf.d`, the container's `/conf.d`, or any `.../datadog-agent/conf.d`. */
const CONF_D = /^(?:\/|(?:\/[^/]+)*\/datadog-agent\/)conf\.d\/(.+)$/;
const CONFIG_EXT = /\.(?:ya?ml)(\.default)?$/;

export function agentConfPath(imagePath: string): ConfPath | undefined {
  const m = CONF_D.exec(imagePath.replace(/\/{2,}/g, '/'));
  if (!m) return undefined;
  const parts = (m[1] as string).split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return undefined;
  const file = parts[parts.length - 1] as string;
  if (parts.length === 1) {
    const ext = CONFIG_EXT.exec(file);
    const check = ext ? file.slice(0, ext.index) : file.replace(/\..*$/, '');
    if (!ext) return { check, loaded: false, isDefault: false, why: skippedExtension(file) };
    return { check, loaded: true, isDefault: Boolean(ext[1]) };
  }
  const dir = parts[0] as string;
  const check = dir.replace(/\.d$/, '');
  if (!dir.endsWith('.d'))
    return {
      check,
      loaded: false,
      isDefault: false,
      why: `the agent reads only directories whose name ends in ".d" (${dir}.d), so ${dir}/ is skipped`,
    };
  if (parts.length > 2)
    return {
      check,
      loaded: false,
      isDefault: false,
      why: `the agent reads only files directly in ${dir}/, not in subdirectories`,
    };
  const ext = CONFIG_EXT.exec(file);
  if (!ext) return { check, loaded: false, isDefault: false, why: skippedExtension(file) };
  if (/^metrics\.ya?ml$/.test(file))
    return {
      check,
      loaded: false,
      isDefault: false,
      why: 'metrics.yaml is a JMX metrics file, not a check configuration',
    };
  return { check, loaded: true, isDefault: Boolean(ext[1]) };
}

function skippedExtension(file: string): string {
  const example = /\.example$/.test(file) ? ' (an example: the agent never loads it)' : '';
  return `the agent reads only .yaml or .yml files (optionally followed by .default), so "${file}" is skipped${example}`;
}

const START = { line: 1, column: 1 };

export function checkConfDLayout(files: ReadonlyMap<string, string>): Finding[] {
  const out: Finding[] = [];
  const byCheck = new Map<string, Array<{ image: string; repo: string; info: ConfPath }>>();
  for (const [image, repo] of files) {
    const info = agentConfPath(image);
    if (!info) continue;
    const base = image.slice(image.lastIndexOf('/') + 1);
    // JMX metric files and Autodiscovery templates are loaded for other purposes: neither ignored nor a second config.
    if (/^(?:metrics|auto_conf)\.ya?ml$/.test(base)) continue;
    if (!info.loaded) {
      out.push(
        finding(
          repo,
          START,
          'warning',
          'agent/ignored-file',
          `${image} is not loaded by the agent: ${info.why ?? 'skipped'}`,
        ),
      );
      continue;
    }
    const list = byCheck.get(info.check) ?? [];
    list.push({ image, repo, info });
    byCheck.set(info.check, list);
  }
  for (const [check, list] of byCheck) {
    const active = list.filter((f) => !f.info.isDefault);
    const defaults = list.filter((f) => f.info.isDefault);
    if (active.length > 1) {
      const all = active.map((f) => f.image).join(', ');
      for (const f of active) {
        out.push(
          finding(
            f.repo,
            START,
            'warning',
            'agent/multiple-configs',
            `${check} has ${active.length} active config files (${all}): the agent runs every one of them; keep one file per check unless that is intended`,
          ),
        );
      }
    }
    if (active.length && defaults.length) {
      for (const f of defaults) {
        out.push(
          finding(
            f.repo,
            START,
            'warning',
            'agent/default-config-beside',
            `${f.image} is ignored while ${active[0]!.image} is valid, and takes over silently when it is not: remove it`,
          ),
        );
      }
    }
  }
  return out;
}
