/**
 * Findings as SARIF 2.1.0, the format GitHub code scanning reads (github/codeql-action/upload-sarif):
 * one run, one rule per finding code (its default level the most severe one seen), one result per
 * finding with its file, line and column. Paths are relative to the repository root under the
 * `%SRCROOT%` base id, as code scanning expects; our columns are UTF-16 code units, which SARIF
 * states with `columnKind`. Pure: the caller writes the file.
 */
import { type Finding, type Severity, SEVERITY_RANK, sortFindings } from '../checks/findings.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

export interface SarifOptions {
  /** The tool version (the CLI's and the action's). */
  version: string;
  /** Where the rules are explained. */
  informationUri?: string;
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  helpUri?: string;
}

/** A repository-relative POSIX path as a URI reference (segments percent-encoded); an absolute one as a file: URI. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  if (file.startsWith('/')) return { uri: `file://${encoded}` };
  return { uri: encoded.replace(/^(\.\/)+/, ''), uriBaseId: SRCROOT };
}

function rulesOf(findings: readonly Finding[], helpUri: string | undefined): SarifRule[] {
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    const prev = worst.get(f.code);
    if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev]) worst.set(f.code, f.severity);
  }
  return [...worst.keys()].sort().map((id) => ({
    id,
    shortDescription: { text: `dd-ecs-monitor check ${id}` },
    defaultConfiguration: { level: LEVEL[worst.get(id) as Severity] },
    ...(helpUri ? { helpUri } : {}),
  }));
}

/** The SARIF log as a plain object (JSON.stringify it). `findings` carry repository-relative paths. */
export function toSarif(findings: readonly Finding[], opts: SarifOptions) {
  const sorted = sortFindings(findings);
  const rules = rulesOf(sorted, opts.informationUri);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'dd-ecs-monitor',
            version: opts.version,
            ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
            rules,
          },
        },
        columnKind: 'utf16CodeUnits' as const,
        results: sorted.map((f) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code) as number,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifact(f.file),
                region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
              },
            },
          ],
        })),
      },
    ],
  };
}

export function formatSarif(findings: readonly Finding[], opts: SarifOptions): string {
  return JSON.stringify(toSarif(findings, opts), null, 2);
}
