/** Placeholder until the CLI lands (issue 2). */
export async function main(argv: string[]): Promise<number> {
  process.stderr.write(`dd-ecs-monitor: not implemented yet (${argv.join(' ')})\n`);
  return 2;
}
