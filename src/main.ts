/**
 * The action's core entry: read the inputs once, run the command, and fail in one place.
 * The command's modules are loaded after the first log line, so a run starts (and a bad input
 * is reported) without loading the AWS SDK or Octokit.
 */
import * as core from '@actions/core';
import { readInputs } from './inputs.js';

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    core.info(`dd-ecs-monitor: command ${inputs.command}, project file ${inputs.config}`);
    const { runAction } = await import('./action/run.js');
    await runAction(inputs);
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err));
  }
}
