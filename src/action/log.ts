/**
 * The action's Log: lines go to the runner's log through @actions/core, and a masked value is
 * registered with the runner (`::add-mask::`) and remembered, because the runner masks logs only:
 * the PR comment and the job summary are redacted with the same list before they are written.
 */
import * as core from '@actions/core';
import type { Log } from '../log.js';

export interface ActionLog extends Log {
  readonly masked: readonly string[];
}

export function actionLog(): ActionLog {
  const masked: string[] = [];
  return {
    masked,
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    mask: (s) => {
      if (!s || masked.includes(s)) return;
      masked.push(s);
      core.setSecret(s);
    },
  };
}
