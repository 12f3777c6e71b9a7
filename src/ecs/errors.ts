/** Errors that say which step, which resource, and the cause (STYLE: never only "failed"). */

export class DeployStepError extends Error {
  constructor(
    readonly step: string,
    readonly resource: string,
    readonly causeText: string,
    options?: { cause?: unknown },
  ) {
    super(`${step} ${resource}: ${causeText}`, options);
    this.name = 'DeployStepError';
  }
}

/** `ClientException: Unable to describe task definition.` from an SDK error (or anything thrown). */
export function awsErrorText(err: unknown): string {
  if (err instanceof Error) {
    const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
    return `${name}${err.message}`.trim();
  }
  return String(err);
}
