import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';

/** "Flexprice: Clear API Key" (runs without loading core). */
export function register(keys: ApiKeyStore): vscode.Disposable {
  return vscode.commands.registerCommand('flexprice.clearApiKey', async () => {
    await keys.clear();
    const note = keys.usesEnvironmentFallback
      ? ' The key in the FLEXPRICE_API_KEY environment variable is still used: unset it and restart VS Code to stop using it.'
      : '';
    void vscode.window.showInformationMessage(`Flexprice API key removed from secret storage.${note}`);
  });
}
