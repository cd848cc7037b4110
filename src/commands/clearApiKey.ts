import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';

export function registerClearApiKey(keys: ApiKeyStore): vscode.Disposable {
  return vscode.commands.registerCommand('flexprice.clearApiKey', async () => {
    await keys.clear();
    const note = keys.usesEnvironmentFallback ? ' The key from FLEXPRICE_API_KEY is still in use.' : '';
    void vscode.window.showInformationMessage(`Flexprice API key removed.${note}`);
  });
}
