/** The plan as the CLI prints it: images, services, then each task definition's diff. */
import type { Plan } from './types.js';

const IMAGE_ACTION: Record<Plan['images'][number]['action'], string> = {
  build: 'build',
  reuse: 'reuse',
  unknown: 'keep?',
};
const SERVICE_ACTION: Record<Plan['services'][number]['action'], string> = {
  'register-and-update': 'register + update',
  update: 'update (forced)',
  none: 'no change',
  unknown: 'unknown',
};

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function formatPlanText(plan: Plan): string {
  const lines: string[] = [];
  lines.push(
    plan.offline ? 'Plan (offline: no AWS was asked; digests, and ids no file names, are placeholders)' : 'Plan',
  );
  lines.push(
    plan.changed.kind === 'all'
      ? `Changes: everything counts as changed (${plan.changed.reason})`
      : `Changes: ${plan.changed.files.length} file(s) changed between ${plan.changed.base.slice(0, 12)} and ${plan.changed.head.slice(0, 12)}`,
  );
  lines.push('', 'Images:');
  if (!plan.images.length) lines.push('  (none)');
  const kw = Math.max(4, ...plan.images.map((i) => i.key.length));
  for (const i of plan.images) {
    lines.push(`  ${pad(IMAGE_ACTION[i.action], 6)} ${pad(i.key, kw)}  ${i.repository}:${i.tag}`);
    lines.push(`         ${pad('', kw)}  ${i.reason}`);
    if (i.method) lines.push(`         ${pad('', kw)}  how: ${i.method}`);
  }
  lines.push('', 'Services:');
  if (!plan.services.length) lines.push('  (none)');
  const sw = Math.max(4, ...plan.services.map((s) => s.key.length));
  for (const s of plan.services) {
    lines.push(`  ${pad(SERVICE_ACTION[s.action], 17)} ${pad(s.key, sw)}  ${s.cluster}/${s.service}`);
    lines.push(`  ${pad('', 17)} ${pad('', sw)}  ${s.reason}`);
  }
  if (plan.notes?.length) {
    lines.push('', 'Notes:');
    for (const n of plan.notes) lines.push(`  - ${n}`);
  }
  if (plan.problems.length) {
    lines.push('', 'Would stop the deploy:');
    for (const p of plan.problems) lines.push(`  - ${p}`);
  }
  for (const s of plan.services) {
    if (!s.taskDefinitionDiff) continue;
    lines.push('', `Task definition of ${s.key}:`, s.taskDefinitionDiff.trimEnd());
  }
  return lines.join('\n');
}
