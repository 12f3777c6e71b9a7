/**
 * Where progress goes: the action's log (`@actions/core`) or the CLI's stderr. Commands take a Log;
 * they never print directly, so tests can hold what was said and check no secret was in it.
 */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Register a value that must never appear in any log line (the action masks it, the CLI redacts it). */
  mask(secret: string): void;
}

/** Every occurrence of each secret replaced by `***`. */
export function redact(text: string, secrets: readonly string[] | undefined): string {
  let out = text;
  for (const s of secrets ?? []) if (s) out = out.split(s).join('***');
  return out;
}

/** A Log that writes to a stream and redacts masked values itself. */
export function streamLog(write: (line: string) => void, verbose = false): Log {
  const secrets: string[] = [];
  return {
    info: (m) => write(redact(m, secrets)),
    warning: (m) => write(redact(`warning: ${m}`, secrets)),
    debug: (m) => {
      if (verbose) write(redact(`debug: ${m}`, secrets));
    },
    mask: (s) => {
      if (s.length >= 4 && !secrets.includes(s)) secrets.push(s);
    },
  };
}

/** Collects lines; for tests. */
export function memoryLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  const log = streamLog((l) => lines.push(l), true);
  return Object.assign(log, { lines });
}
