/** The action's core entry; issue 4 wires inputs, commands and reports here. */
import * as core from '@actions/core';

export async function run(): Promise<void> {
  try {
    throw new Error('the GitHub Action entry is not wired yet: use the CLI (dist/cli/index.js)');
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err));
  }
}
