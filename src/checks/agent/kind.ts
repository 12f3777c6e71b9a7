/** The Agent checks this tool knows. */
export type AgentCheckKind = 'http_check' | 'mysql';

export const AGENT_CHECK_KINDS: readonly AgentCheckKind[] = ['http_check', 'mysql'];
