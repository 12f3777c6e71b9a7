/**
 * The findings as a SARIF 2.1.0 file for GitHub code scanning (github/codeql-action/upload-sarif
 * reads it), written on every run and exposed as the `sarif-file` output. The findings come with
 * workspace-relative paths, which is what code scanning resolves against the checkout.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '../checks/findings.js';
import { VERSION } from '../cli/main.js';
import { formatSarif } from '../report/sarif.js';

export interface SarifFileInput {
  findings: readonly Finding[];
  /** The `sarif-file` input: empty for the default under RUNNER_TEMP. */
  sarifFile: string;
  workspace: string;
  env: NodeJS.ProcessEnv;
}

export function sarifPath(i: Pick<SarifFileInput, 'sarifFile' | 'workspace' | 'env'>): string {
  if (i.sarifFile) return path.resolve(i.workspace, i.sarifFile);
  return path.join(i.env.RUNNER_TEMP || tmpdir(), 'dd-ecs-monitor.sarif');
}

/** Writes the file and sets the `sarif-file` output; returns the path. */
export async function publishSarif(i: SarifFileInput): Promise<string> {
  const file = sarifPath(i);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${formatSarif(i.findings, { version: VERSION })}\n`);
  core.setOutput('sarif-file', file);
  return file;
}
