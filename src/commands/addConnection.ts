import * as vscode from 'vscode';
import { CLOUD_INDIA_URL, CLOUD_US_URL, connectionLabel, describeApiUrl, isProduction } from '../connections/connection';
import { identifyConnection, suggestedConnectionName } from '../connections/identifyConnection';
import { reportApiError } from '../ui/reportApiError';
import { askApiKey, askApiUrl, askEnvironmentId, askName } from './connectionPrompts';
import type { CoreCommandDeps } from './coreCommandDeps';

const TITLE = 'Flexprice: Add Connection';

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
          // Cancel stops it; it also gives up by itself after a while.
          const abort = new AbortController();
          const cancel = token.onCancellationRequested(() => abort.abort());
          try {
            return await identifyConnection(client, { signal: abort.signal, log, environmentId: environmentId || undefined });
          } finally {
            cancel.dispose();
          }
        },
      );
    } catch (error) {
      // Declined plain HTTP: nothing was sent, and nothing is saved.
      await reportApiError(error, { apiUrl, askHttpConsentAgain: () => clients.askHttpConsentAgain() });
      return;
    }

    const suggested = store.freeName(suggestedConnectionName(identity) ?? describeApiUrl(apiUrl));
    const name = await askName(store, TITLE, suggested);
    if (!name) return;
    try {
      const known = Object.keys(identity).length > 0;
      const connection = await store.add({ name, apiUrl, environmentId, identity }, key);
      if (known) identifier.markIdentified(connection.id, apiUrl);
      await store.setActive(connection.id);
      const production = isProduction(connection) ? ' This is a Production environment.' : '';
      const message = `Flexprice: connected to "${connectionLabel(connection)}".${production}`;
      if (known) void vscode.window.showInformationMessage(message);
      else void vscode.window.showWarningMessage(`${message} Flexprice did not say what the key belongs to (see Flexprice: Show Log); the tasks view says whether the key works.`);
    } catch (error) {
      void vscode.window.showErrorMessage(`Flexprice: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
