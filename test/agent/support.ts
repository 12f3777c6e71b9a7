/** Shared helpers for the agent checker tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CheckContext } from '../../src/checks/context.js';
import type { Finding } from '../../src/checks/findings.js';
import { sourceFromText } from '../../src/checks/source.js';
import { type AgentCheckKind, type AgentCheckResult, checkAgentFile } from '../../src/checks/agent/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/agent/', import.meta.url));

export function fixture(kind: AgentCheckKind, name: string): string {
  return readFileSync(`${FIXTURES}${kind}/${name}`, 'utf8');
}

export function checkFixture(kind: AgentCheckKind, name: string, ctx: CheckContext = {}): AgentCheckResult {
  return checkAgentFile(sourceFromText(`${kind}/${name}`, fixture(kind, name)), kind, ctx);
}

export function checkText(kind: AgentCheckKind, text: string, ctx: CheckContext = {}): AgentCheckResult {
  return checkAgentFile(sourceFromText(`conf.yaml`, text), kind, ctx);
}

/** [code, line, column, severity]: what the table tests compare. */
export type Row = [string, number, number, Finding['severity']];

export function rows(findings: readonly Finding[]): Row[] {
  return findings.map((f) => [f.code, f.line, f.column, f.severity]);
}

export const SECRET_FILE = '/etc/datadog-agent/secrets/db_password';

/** The seed setup: the secret file is COPY'd into the image and the task definition sets a secret backend. */
export function seedContext(over: Partial<CheckContext> = {}): CheckContext {
  return {
    image: {
      dockerfile: 'datadog/Dockerfile',
      files: new Map([
        ['/etc/datadog-agent/conf.d/http_check.d/conf.yaml', 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml'],
        ['/etc/datadog-agent/conf.d/mysql.d/conf.yaml', 'datadog/etc/datadog-agent/conf.d/mysql.d/conf.yaml'],
        [SECRET_FILE, 'datadog/etc/datadog-agent/secrets/db_password'],
      ]),
      gems: new Set(),
      baseImage: 'public.ecr.aws/datadog/agent:latest',
      complete: true,
    },
    secretBackend: {
      configured: true,
      where: 'DD_SECRET_BACKEND_COMMAND in container "datadog-agent" of ecs/datadog-agent.taskdef.json',
      command: '/readsecret_multiple_providers.sh',
    },
    env: {
      names: new Set(['DD_API_KEY', 'DB_HOST', 'DD_SECRET_BACKEND_COMMAND']),
      secretNames: new Set(['DD_API_KEY']),
      open: false,
      where: 'container "datadog-agent" in ecs/datadog-agent.taskdef.json',
      taskDefinitionFile: 'ecs/datadog-agent.taskdef.json',
    },
    ...over,
  };
}
