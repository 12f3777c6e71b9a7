/** What `plan` and `deploy` are asked to do: the files, the changes, and the command line's choices. */
import type { AwsClients } from '../aws.js';
import type { Log } from '../log.js';
import type { ValidationResult } from '../validate.js';
import type { ChangedFiles } from './types.js';

export interface PlanOptions {
  configPath: string;
  offline: boolean;
  changed: ChangedFiles;
  only?: string[];
  forceNewDeployment?: boolean;
  rebuild?: boolean;
  log: Log;
  env?: NodeJS.ProcessEnv;
  /** Reuse clients (tests, deploy); otherwise made from the project's region and destroyed after. */
  clients?: AwsClients;
  /** The validation of `configPath`, when the caller already ran it: it is not run twice. */
  validation?: ValidationResult;
}
