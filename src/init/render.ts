/**
 * The draft as `dd-ecs-monitor.yml`: one short comment per line saying where the value came from,
 * `GUESS: check` where no file in the repository said it. The first line points editors with the
 * YAML language server at the shipped JSON schema (completion and checks while typing).
 */
import type { Draft } from './infer.js';

export const GUESS = 'GUESS: check';
const COMMENT_COLUMN = 40;

const plain = (s: string): string =>
  (s === '.' || /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s)) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(s)
    ? s
    : JSON.stringify(s);

function line(text: string, comment?: string): string {
  if (!comment) return text;
  return `${text.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;
}

const FLAVOR_NOTE = {
  'datadog-agent': 'the Datadog agent image',
  fluentd: 'the Fluentd aggregator image',
  other: 'an image built here',
};

export function renderProjectFile(draft: Draft, schemaRef: string): string {
  const out: string[] = [
    `# yaml-language-server: $schema=${schemaRef}`,
    '# dd-ecs-monitor project file, written by "dd-ecs-monitor init" from the Dockerfiles and task definitions',
    '# here. Reference: docs/project-file.md. A line marked as a guess says what no file here says.',
    line('version: 1', 'the project file format'),
  ];
  if (draft.region) out.push(line(`region: ${plain(draft.region.value)}`, `from ${draft.region.from}`));
  out.push(
    line(
      `cluster: ${plain(draft.cluster.value)}`,
      draft.cluster.from ? `from ${draft.cluster.from}` : `${GUESS}: the ECS cluster of the services`,
    ),
  );
  out.push('', 'images:');
  for (const img of draft.images) {
    out.push(line(`  ${plain(img.key)}:`, FLAVOR_NOTE[img.flavor]));
    out.push(
      line(
        `    context: ${plain(img.context)}`,
        img.contextSure ? 'build context: where its COPY sources are' : `${GUESS}: COPY sources not found`,
      ),
    );
    out.push(line(`    dockerfile: ${plain(img.dockerfile)}`, 'relative to the repository root'));
    out.push(
      line(
        `    repository: ${plain(img.repository)}`,
        img.repositoryFrom ? `ECR repository, from ${img.repositoryFrom}` : `${GUESS}: the ECR repository`,
      ),
    );
  }
  out.push('', 'services:');
  for (const svc of draft.services) {
    out.push(line(`  ${plain(svc.key)}:`, 'named after the task definition family'));
    out.push(line(`    service: ${plain(svc.key)}`, `${GUESS}: the ECS service name`));
    out.push(line(`    taskDefinition: ${plain(svc.taskDefinition)}`, 'its secrets stay in there'));
    const containers = Object.entries(svc.containers);
    if (containers.length === 0) out.push(line('    containers: {}', 'no container runs an image built here'));
    else out.push(line('    containers:', 'container -> image key: deployed pinned by digest'));
    for (const [name, image] of containers)
      out.push(line(`      ${plain(name)}: ${plain(image)}`, `its image is built from images.${image}`));
  }
  if (draft.files.length) {
    out.push('', line('files:', 'files no image carries, checked anyway'));
    for (const f of draft.files)
      out.push(line(`  ${plain(f.path)}: ${f.kind}`, 'a sender config (forwards to the aggregator)'));
  }
  if (draft.forwardedTags.length) {
    out.push('', 'fluentd:');
    out.push(
      line(`  forwardedTags: [${draft.forwardedTags.map(plain).join(', ')}]`, "the senders' forward <match> tags"),
    );
  }
  return `${out.join('\n')}\n`;
}
