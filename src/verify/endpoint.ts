/**
 * Where the Datadog API is and which keys open it, the way Datadog's own tools take them:
 * `DD_API_KEY`, `DD_APP_KEY`, `DD_SITE` (a site host such as `ap1.datadoghq.com`, mapped to
 * `https://api.<site>` as in the API reference's endpoint tables), or a full `http(s)://host:port`
 * base URL used as is (a proxy, or a test's fake on 127.0.0.1). No key is ever put in a message.
 */

/** The Datadog sites (API reference, "Datadog site" column); the API host is `api.<site>`. */
export const DATADOG_SITES = [
  'datadoghq.com',
  'us3.datadoghq.com',
  'us5.datadoghq.com',
  'datadoghq.eu',
  'ap1.datadoghq.com',
  'ap2.datadoghq.com',
  'ddog-gov.com',
] as const;

export const DEFAULT_SITE = 'datadoghq.com';

export class DatadogConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatadogConfigError';
  }
}

/** The API base URL (no trailing slash) for a site host or a full base URL. */
export function apiBaseUrl(site: string | undefined): string {
  const value = (site ?? '').trim() || DEFAULT_SITE;
  if (/^https?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new DatadogConfigError(
        `DD_SITE "${value}" is not a valid URL: write a site such as datadoghq.com or a base URL such ` +
          `as http://127.0.0.1:8080`,
      );
    }
    if (url.username || url.password)
      throw new DatadogConfigError('DD_SITE must not carry credentials in the URL: use DD_API_KEY and DD_APP_KEY');
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  // The UI host (app.datadoghq.com, app.datadoghq.eu) is what people copy from the browser.
  const host = value.toLowerCase().replace(/^app\./, '');
  if ((DATADOG_SITES as readonly string[]).includes(host)) return `https://api.${host}`;
  throw new DatadogConfigError(
    `DD_SITE "${value}" is not a Datadog site: use one of ${DATADOG_SITES.join(', ')}, or a full ` +
      `http(s)://host:port base URL`,
  );
}

export interface DatadogCredentials {
  apiKey: string;
  appKey: string;
  /** What the user gave (or the default site), for messages. */
  site: string;
  baseUrl: string;
}

/** Keys and site from the action inputs (first) or the environment. */
export interface DatadogSettings {
  apiKey?: string;
  appKey?: string;
  site?: string;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): DatadogSettings {
  return {
    ...(env.DD_API_KEY ? { apiKey: env.DD_API_KEY } : {}),
    ...(env.DD_APP_KEY ? { appKey: env.DD_APP_KEY } : {}),
    ...(env.DD_SITE ? { site: env.DD_SITE } : {}),
  };
}

/**
 * Credentials when both keys are there; otherwise why verification cannot run (the caller says it
 * was skipped, or fails when verification was asked for explicitly).
 */
export function resolveCredentials(s: DatadogSettings): { credentials: DatadogCredentials } | { missing: string } {
  const apiKey = s.apiKey?.trim() ?? '';
  const appKey = s.appKey?.trim() ?? '';
  const missing = [
    !apiKey ? 'DD_API_KEY (input datadog-api-key)' : '',
    !appKey ? 'DD_APP_KEY (input datadog-app-key)' : '',
  ].filter(Boolean);
  if (missing.length)
    return {
      missing:
        `no ${missing.join(' and no ')}: reading metrics, logs and monitors needs an API key ` +
        `and an application key`,
    };
  const site = s.site?.trim() || DEFAULT_SITE;
  return { credentials: { apiKey, appKey, site, baseUrl: apiBaseUrl(site) } };
}
