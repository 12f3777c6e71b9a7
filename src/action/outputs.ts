/**
 * The action's outputs, computed as plain data (so tests compare a record) and set in one place.
 * Structured values are JSON; action.yml documents each one.
 */
import * as core from '@actions/core';
import { countBySeverity, type Finding } from '../checks/findings.js';
import type { ChangedFiles, DeployResult, Plan } from '../plan/types.js';
import type { SitesDiff } from '../report/sites-diff.js';

export interface OutputsInput {
  findings: readonly Finding[];
  changed?: ChangedFiles;
  sites?: SitesDiff;
  plan?: Plan;
  deploy?: DeployResult;
  commentUrl?: string;
  ok: boolean;
}

export function computeOutputs(o: OutputsInput): Record<string, string> {
  const c = countBySeverity(o.findings);
  const out: Record<string, string> = {
    result: o.ok ? 'success' : 'failure',
    errors: String(c.error),
    warnings: String(c.warning),
    notices: String(c.notice),
  };
  if (o.changed) out['changed-files'] = JSON.stringify(o.changed.kind === 'files' ? o.changed.files : null);
  if (o.sites) {
    out.sites = JSON.stringify({
      added: o.sites.added.map((s) => ({ name: s.name, url: s.url, file: s.file })),
      removed: o.sites.removed.map((s) => ({ name: s.name, url: s.url, file: s.file })),
      changed: o.sites.changed.map((s) => ({
        name: s.name,
        url: s.url,
        file: s.file,
        fields: s.changes.map((x) => x.field),
      })),
    });
  }
  const plan = o.deploy?.plan ?? o.plan;
  if (plan) out.plan = JSON.stringify(plan);
  const digests: Record<string, string> = {};
  const refs: Record<string, string> = {};
  if (o.deploy?.images.length) {
    for (const i of o.deploy.images) {
      digests[i.key] = i.digest;
      refs[i.key] = i.imageRef;
    }
  } else if (plan) {
    // A plan knows the digest of images it reuses from ECR.
    for (const i of plan.images) {
      if (!i.digest) continue;
      digests[i.key] = i.digest;
      if (i.repositoryUri) refs[i.key] = `${i.repositoryUri}@${i.digest}`;
    }
  }
  if (plan || o.deploy) {
    out['image-digests'] = JSON.stringify(digests);
    out.images = JSON.stringify(refs);
  }
  if (o.deploy) {
    const arns: Record<string, string> = {};
    for (const s of o.deploy.services) if (s.taskDefinitionArn) arns[s.key] = s.taskDefinitionArn;
    out['task-definition-arns'] = JSON.stringify(arns);
    out['deployed-services'] = JSON.stringify(o.deploy.services.filter((s) => s.updated).map((s) => s.key));
  }
  if (o.commentUrl) out['comment-url'] = o.commentUrl;
  return out;
}

export function setOutputs(outputs: Record<string, string>): void {
  for (const [k, v] of Object.entries(outputs)) core.setOutput(k, v);
}
