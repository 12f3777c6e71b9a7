/**
 * Datadog Agent check configs (`conf.d/<check>.d/conf.yaml`) for http_check and mysql: the file's
 * shape as the agent loads it, every option against the check's spec, the check's own rules, and
 * secrets / environment references against the image and the task definition.
 */
import type { CheckContext } from '../context.js';
import { type Finding, sortFindings } from '../findings.js';
import { type SourceText, templateNotice } from '../source.js';
import { loadYaml } from '../yaml/load.js';
import { checkTagConsistency, checkTruthyStrings } from './as-read.js';
import { reportDuplicates } from './duplicates.js';
import { checkHttpInstances } from './http-check.js';
import type { AgentCheckKind } from './kind.js';
import { checkMysqlInstances } from './mysql.js';
import { checkOptions } from './options.js';
import { Reporter } from './reporter.js';
import { SCHEMAS } from './schema/index.js';
import { checkSecrets } from './secrets.js';
import { checkShape } from './shape.js';
import { type Site, extractSites } from './sites.js';
import { appendAll } from '../findings.js';

export type { AgentCheckKind } from './kind.js';
export type { Site } from './sites.js';
export { agentConfPath, checkConfDLayout } from './conf-path.js';
export { detectAgentKind } from './detect.js';

export interface AgentCheckResult {
  findings: Finding[];
  /** http_check only, [] otherwise. */
  sites: Site[];
}

export function checkAgentFile(source: SourceText, kind: AgentCheckKind, ctx: CheckContext): AgentCheckResult {
  const notice = templateNotice(source);
  if (notice) return { findings: [notice], sites: [] };
  const r = new Reporter(source, kind);
  let sites: Site[] = [];
  try {
    sites = checkParsed(source, kind, ctx, r);
  } catch (err) {
    // A bug here must not take the whole validation down with it: report it on the file instead.
    r.report(
      0,
      'error',
      'internal-error',
      `the ${kind} checker failed on this file (${(err as Error).message}); please report this`,
    );
  }
  return { findings: sortFindings(r.findings), sites };
}

function checkParsed(source: SourceText, kind: AgentCheckKind, ctx: CheckContext, r: Reporter): Site[] {
  const yaml = loadYaml(source, 'agent');
  appendAll(r.findings, yaml.findings);
  if (yaml.findings.some((f) => f.severity === 'error')) return [];
  reportDuplicates(yaml.duplicates, r);
  const shape = checkShape(yaml.root, r);
  if (!shape) return [];
  const schema = SCHEMAS[kind];
  if (shape.initConfig) checkOptions(shape.initConfig, schema.initConfig, { r, where: 'init_config' });
  for (const { map, index } of shape.instances)
    checkOptions(map, schema.instance, { r, where: `instance ${index + 1}` });
  if (kind === 'http_check') checkHttpInstances(shape, r);
  else checkMysqlInstances(shape, r);
  checkSecrets(shape, schema.instance, ctx, r);
  checkTruthyStrings(shape, kind, r);
  checkTagConsistency(shape, r);
  return kind === 'http_check' ? extractSites(shape, schema.instance, r) : [];
}
