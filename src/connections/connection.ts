import type { ConnectionIdentity } from './identifyConnection';

export type { ConnectionIdentity };

/**
 * One Flexprice key's home: where to send it and what it was found to be. The key itself is
 * never here: it is in SecretStorage under `secretName(id)` (or, for a connection from the
 * environment, only in the extension host's memory).
 */
export interface Connection {
  /** Stable for the connection's life: its secret, recent and watched IDs and kept page are keyed by it. */
  readonly id: string;
  readonly name: string;
  /** Base URL including `/v1`. */
  readonly apiUrl: string;
  /** Sent as `X-Environment-ID` when set. */
  readonly environmentId?: string;
  /** What identification learnt (tenant, environment and its type), kept so the marks show before any request. */
  readonly identity?: ConnectionIdentity;
  /** 'saved' lives in the extension's global storage; 'environment' comes from FLEXPRICE_API_KEY or FLEXPRICE_CONNECTIONS and cannot be edited here. */
  readonly origin: 'saved' | 'environment';
}

export const CLOUD_US_URL = 'https://us.api.flexprice.io/v1';
export const CLOUD_INDIA_URL = 'https://api.cloud.flexprice.io/v1';
export const DEFAULT_API_URL = CLOUD_US_URL;

/** The SecretStorage key holding a saved connection's API key. */
export const secretName = (connectionId: string) => `flexprice.apiKey.${connectionId}`;

/** True when identification found the environment to be Production. */
export function isProductionIdentity(identity: ConnectionIdentity | undefined): boolean {
  return identity?.environmentType === 'production';
}

/** True when the connection's environment is Production, as far as identification knows. */
export function isProduction(connection: Connection | undefined): boolean {
  return isProductionIdentity(connection?.identity);
}

/** The environment as people name it: its name, else its type capitalised ("Production"); undefined when unknown. */
export function environmentLabel(identity: ConnectionIdentity | undefined): string | undefined {
  const name = identity?.environmentName?.trim();
  if (name) return name;
  const type = identity?.environmentType?.trim();
  return type ? type.charAt(0).toUpperCase() + type.slice(1) : undefined;
}

/**
 * How the connection is named on screen: its name, with "Production" added when the
 * environment is Production and the name does not already say so. Sandbox is not marked.
 */
export function connectionLabel(connection: Connection): string {
  return isProduction(connection) && !/production/i.test(connection.name) ? `${connection.name} · Production` : connection.name;
}

/** "Cloud US", "Cloud India", or the URL's host for a self-hosted server. */
export function describeApiUrl(apiUrl: string): string {
  const trimmed = apiUrl.replace(/\/+$/, '');
  if (trimmed === CLOUD_US_URL) return 'Flexprice Cloud US';
  if (trimmed === CLOUD_INDIA_URL) return 'Flexprice Cloud India';
  try {
    return new URL(apiUrl).host;
  } catch {
    return apiUrl;
  }
}

/** A problem with a URL typed for a connection, or undefined when it can be used. */
export function apiUrlProblem(text: string): string | undefined {
  const value = text.trim();
  if (!value) return 'Enter the API URL, for example https://us.api.flexprice.io/v1.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not a URL. Use http:// or https://, for example https://flexprice.example.com/v1.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an http:// or https:// URL.';
  if (url.username || url.password) return 'Leave credentials out of the URL: the API key is asked for next.';
  if (url.search || url.hash) return 'Leave the query and fragment out: use the base URL, ending in /v1.';
  return undefined;
}
