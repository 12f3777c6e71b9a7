/**
 * The example project with credentials in plain sight, for the tests that check they are reported
 * (taskdef/plain-credential) and never shown: in the agent's task definition a password, a DSN, a
 * URL with a password and a `--password=` argument; in the project file a URL with a password.
 * Beside them, plain settings (`true`, `30`) that must stay readable.
 */
import { expect } from '@jest/globals';

/** Obviously fake credentials, each unique so a grep finds any leak. */
export const SECRETS = {
  envPassword: 'pw-in-env-4471',
  dsn: 'https://dsnkey9911@o1.ingest.example.com/2',
  urlPassword: 'pw-in-url-5582',
  argPassword: 'pw-in-arg-6693',
  projectUrlPassword: 'pw-in-project-7781',
};

/** The example's agent container with a password, a DSN, a URL with a password and a --password argument. */
export function withCredentials(taskDefText: string): string {
  const text = taskDefText.replace(
    '        { "name": "DD_SECRET_BACKEND_COMMAND", "value": "/readsecret_multiple_providers.sh" }\n      ],',
    [
      '        { "name": "DD_SECRET_BACKEND_COMMAND", "value": "/readsecret_multiple_providers.sh" },',
      '        { "name": "DD_LOGS_ENABLED", "value": "true" },',
      '        { "name": "DD_CHECK_RUNNERS", "value": "30" },',
      `        { "name": "APP_DB_PASS", "value": "${SECRETS.envPassword}" },`,
      `        { "name": "SENTRY_DSN", "value": "${SECRETS.dsn}" },`,
      `        { "name": "REPLICA_URL", "value": "postgres://app:${SECRETS.urlPassword}@db.internal:5432/app" }`,
      '      ],',
      `      "command": ["agent", "run", "--password=${SECRETS.argPassword}"],`,
    ].join('\n'),
  );
  expect(text).not.toBe(taskDefText);
  return text;
}

/** The project gives the agent container plain settings and a URL with a password of its own. */
export function withProjectEnvironment(projectText: string): string {
  const text = projectText.replace(
    "    secrets:\n      DD_API_KEY: /datadog/apikey       # SSM parameter in the project's region\n",
    [
      '    secrets:',
      '      DD_API_KEY: /datadog/apikey',
      '    environment:',
      '      DD_APM_ENABLED: "true"',
      '      DD_APM_MAX_TPS: "30"',
      `      METRICS_URL: postgres://app:${SECRETS.projectUrlPassword}@db.internal:5432/metrics`,
      '',
    ].join('\n'),
  );
  expect(text).not.toBe(projectText);
  return text;
}
