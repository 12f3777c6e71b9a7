/**
 * Seconds per deploy phase (validate, images, register, rollout) for the summary. Register and
 * rollout happen inside one ECS step, so the line between them is the moment the last
 * RegisterTaskDefinition or UpdateService call answered, seen by a middleware on the ECS client
 * that is removed afterwards. A mocked client (no middleware run) counts it all as rollout.
 */
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { DeployPhases } from './plan/types.js';

const MIDDLEWARE = 'ddEcsMonitorDeployPhases';
const CHANGES = new Set(['RegisterTaskDefinitionCommand', 'UpdateServiceCommand']);

export class PhaseClock {
  private readonly marks = new Map<keyof DeployPhases, number>();
  private at = Date.now();

  constructor(private readonly now: () => number = Date.now) {
    this.at = now();
  }

  /** Ends the current phase as `phase`: the time since the previous mark. */
  mark(phase: keyof DeployPhases): void {
    const t = this.now();
    this.add(phase, t - this.at);
    this.at = t;
  }

  /** Counts `ms` to `phase` and starts the next phase now. */
  add(phase: keyof DeployPhases, ms: number): void {
    this.marks.set(phase, (this.marks.get(phase) ?? 0) + Math.max(0, ms));
    this.at = this.now();
  }

  seconds(): DeployPhases {
    const s = (k: keyof DeployPhases): number => Math.round((this.marks.get(k) ?? 0) / 100) / 10;
    return { validate: s('validate'), images: s('images'), register: s('register'), rollout: s('rollout') };
  }
}

/** Records when the last change call to ECS answered; `stop` removes the middleware. */
export function watchEcsChanges(
  ecs: ECSClient,
  now: () => number = Date.now,
): { last(): number | undefined; stop(): void } {
  let last: number | undefined;
  const stack = (ecs as { middlewareStack?: ECSClient['middlewareStack'] }).middlewareStack;
  if (!stack) return { last: () => undefined, stop: () => undefined };
  stack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (CHANGES.has(String(context.commandName))) last = now();
      return out;
    },
    { step: 'initialize', name: MIDDLEWARE, override: true },
  );
  return { last: () => last, stop: () => void stack.remove(MIDDLEWARE) };
}

export function formatPhases(p: DeployPhases, bytesPushed: number | undefined): string {
  const kb = bytesPushed === undefined ? '' : `; ${(bytesPushed / 1024).toFixed(1)} KB pushed by layer append`;
  return `validate ${p.validate} s, images ${p.images} s, register ${p.register} s, rollout ${p.rollout} s${kb}`;
}
