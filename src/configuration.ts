import * as vscode from 'vscode';

/** Where and how to reach Flexprice, as the user's settings say. */
export interface ConnectionSettings {
  readonly apiUrl: string;
  readonly environmentId: string | undefined;
  readonly timeoutMs: number;
}

const DEFAULT_API_URL = 'https://us.api.flexprice.io/v1';
const DEFAULT_TIMEOUT_SECONDS = 30;

export function readConnectionSettings(): ConnectionSettings {
  const config = vscode.workspace.getConfiguration('flexprice');
  const seconds = config.get<number>('requestTimeoutSeconds', DEFAULT_TIMEOUT_SECONDS);
  return {
    apiUrl: config.get<string>('apiUrl', DEFAULT_API_URL).trim() || DEFAULT_API_URL,
    environmentId: config.get<string>('environmentId', '').trim() || undefined,
    timeoutMs: Math.round((Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS) * 1000),
  };
}

/** True when a settings change means earlier answers came from another server or environment. */
export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return ['flexprice.apiUrl', 'flexprice.environmentId', 'flexprice.requestTimeoutSeconds'].some((section) =>
    event.affectsConfiguration(section),
  );
}
