/**
 * Fargate task sizes. Source: ECS API reference, RegisterTaskDefinition `memory` member, and the
 * ECS Developer Guide "Troubleshoot Amazon ECS task definition invalid CPU or memory errors"
 * (RegisterTaskDefinition answers "Invalid 'cpu' setting for task" / "No Fargate configuration
 * exists for given values"). 8 and 16 vCPU need Linux platform version 1.4.0 or later.
 */

interface Row {
  cpu: number;
  from: number;
  to: number;
  step: number;
  /** Explicit list where the memory values are not a plain range. */
  only?: readonly number[];
}

export const FARGATE_SIZES: readonly Row[] = [
  { cpu: 256, from: 512, to: 2048, step: 512, only: [512, 1024, 2048] },
  { cpu: 512, from: 1024, to: 4096, step: 1024 },
  { cpu: 1024, from: 2048, to: 8192, step: 1024 },
  { cpu: 2048, from: 4096, to: 16384, step: 1024 },
  { cpu: 4096, from: 8192, to: 30720, step: 1024 },
  { cpu: 8192, from: 16384, to: 61440, step: 4096 },
  { cpu: 16384, from: 32768, to: 122880, step: 8192 },
];

/** A whole number, or a string of one, or of a number with the large unit (1024 of the small one). */
function wholeUnits(v: unknown, withLargeUnit: RegExp): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = withLargeUnit.exec(v);
  if (!m) return undefined;
  const n = m[2] ? Number(m[1]) * 1024 : Number(m[1]);
  return Number.isInteger(n) ? n : undefined;
}

/** "256", 256, "0.25 vCPU", "1 vcpu" -> CPU units; undefined when unreadable. */
export function cpuUnits(v: unknown): number | undefined {
  return wholeUnits(v, /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i);
}

/** "512", 512, "1GB", "1 GB" -> MiB; undefined when unreadable. */
export function memoryMiB(v: unknown): number | undefined {
  return wholeUnits(v, /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i);
}

export function memoryChoices(row: Row): number[] {
  if (row.only) return [...row.only];
  const out: number[] = [];
  for (let m = row.from; m <= row.to; m += row.step) out.push(m);
  return out;
}

function gb(mib: number): string {
  return `${mib / 1024} GB`;
}

/** Undefined when the pair is valid on Fargate, else a one-line reason with what to write instead. */
export function fargateSizeProblem(cpu: number, memory: number): string | undefined {
  const row = FARGATE_SIZES.find((r) => r.cpu === cpu);
  if (!row) {
    return `cpu ${cpu} is not a Fargate task size: use one of ${FARGATE_SIZES.map((r) => r.cpu).join(', ')}`;
  }
  const choices = memoryChoices(row);
  if (choices.includes(memory)) return undefined;
  const range = row.only
    ? choices.join(', ')
    : `${row.from} to ${row.to} in steps of ${row.step} (${gb(row.from)} to ${gb(row.to)})`;
  const cpus = FARGATE_SIZES.filter((r) => memoryChoices(r).includes(memory)).map((r) => r.cpu);
  const alt = cpus.length ? `; memory ${memory} goes with cpu ${cpus.join(' or ')}` : '';
  return `memory ${memory} does not go with cpu ${cpu} on Fargate: use ${range}${alt}`;
}
