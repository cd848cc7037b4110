import * as vscode from 'vscode';
import { CLOUD_INDIA_URL, CLOUD_US_URL, connectionLabel, describeApiUrl, isProduction } from '../connections/connection';
import { identifyConnection, suggestedConnectionName } from '../connections/identifyConnection';
import { reportApiError } from '../ui/reportApiError';
import { askApiKey, askApiUrl, askEnvironmentId, askName } from './connectionPrompts';
import type { CoreCommandDeps } from './coreCommandDeps';

const TITLE = 'Flexprice: Add Connection';
const IDENTIFY_TIMEOUT_MS = 15_000;

/**
 * "Flexprice: Add Connection": where (Cloud US, Cloud India or self-hosted), the environment ID
 * for a self-hosted server, the key; then it asks Flexprice what the key belongs to and
 * suggests "<tenant> · <environment>" as the name. The new connection becomes the active one.
 */
export function register({ commands, keys, clients, log, identifier }: CoreCommandDeps): void {
  commands.define('flexprice.addConnection', async () => {
    const store = keys.connections;
    const apiUrl = await askApiUrl(TITLE);
    if (!apiUrl) return;
    const selfHosted = apiUrl !== CLOUD_US_URL && apiUrl !== CLOUD_INDIA_URL;
    const environmentId = selfHosted ? await askEnvironmentId(TITLE) : '';
    if (environmentId === undefined) return;
    const key = await askApiKey(TITLE, describeApiUrl(apiUrl));
    if (!key) return;

    let identity = {};
    try {
      const client = await clients.probe({ apiUrl, environmentId: environmentId || undefined }, key);
      identity = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Flexprice: checking the key with ${describeApiUrl(apiUrl)}…`, cancellable: true },
        async (_progress, token) => {
          const abort = new AbortController();
          const cancel = token.onCancellationRequested(() => abort.abort());
          const timer = setTimeout(() => abort.abort(), IDENTIFY_TIMEOUT_MS);
          try {
            return await identifyConnection(client, { signal: abort.signal, log, environmentId: environmentId || undefined });
          } finally {
            clearTimeout(timer);
            cancel.dispose();
          }
        },
      );
    } catch (error) {
      // Declined plain HTTP: nothing was sent, and nothing is saved.
      await reportApiError(error, { apiUrl, askHttpConsentAgain: () => clients.askHttpConsentAgain() });
      return;
    }

    const suggested = uniqueSuggestion(store, suggestedConnectionName(identity) ?? describeApiUrl(apiUrl));
    const name = await askName(store, TITLE, suggested);
    if (!name) return;
    try {
      const connection = await store.add({ name, apiUrl, environmentId, identity }, key);
      if (Object.keys(identity).length > 0) identifier.markIdentified(connection.id, apiUrl);
      await store.setActive(connection.id);
      const known = Object.keys(identity).length > 0;
      const production = isProduction(connection) ? ' This is a Production environment.' : '';
      const message = `Flexprice: connected to "${connectionLabel(connection)}".${production}`;
      if (known) void vscode.window.showInformationMessage(message);
      else void vscode.window.showWarningMessage(`${message} Flexprice did not say what the key belongs to (see Flexprice: Show Log); the tasks view says whether the key works.`);
    } catch (error) {
      void vscode.window.showErrorMessage(`Flexprice: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

function uniqueSuggestion(store: CoreCommandDeps['keys']['connections'], base: string): string {
  for (let n = 1; n < 100; n += 1) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (!store.nameProblem(name)) return name;
  }
  return base;
}
