import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';

/** "Flexprice: Clear API Key": removes the active connection's key; the connection stays (runs without loading core). */
export function register(keys: ApiKeyStore): vscode.Disposable {
  return vscode.commands.registerCommand('flexprice.clearApiKey', async () => {
    const connection = await keys.clear();
    if (!connection) return void vscode.window.showInformationMessage('Flexprice: there is no connection, so no key to remove.');
    if (connection.origin === 'environment') {
      return void vscode.window.showInformationMessage(
        `Flexprice: the key of "${connection.name}" comes from the environment (FLEXPRICE_API_KEY or FLEXPRICE_CONNECTIONS): unset it and restart VS Code to stop using it.`,
      );
    }
    void vscode.window.showInformationMessage(`Flexprice API key removed from secret storage for "${connection.name}".`);
  });
}
