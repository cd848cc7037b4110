import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';

/** Asks for the key in a password box and stores it. Resolves to whether a key was saved. */
export async function promptForApiKey(keys: ApiKeyStore): Promise<boolean> {
  const key = await vscode.window.showInputBox({
    title: 'Flexprice: Set API Key',
    prompt: 'Paste a Flexprice API key (Flexprice dashboard → Developers → API Keys). It is kept in VS Code\'s secret storage.',
    placeHolder: 'Flexprice API key',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Enter an API key, or press Escape to cancel.'),
  });
  if (key === undefined || !key.trim()) return false;
  await keys.set(key);
  void vscode.window.showInformationMessage('Flexprice API key saved.');
  return true;
}

/** "Flexprice: Set API Key" (runs without loading core). */
export function register(keys: ApiKeyStore): vscode.Disposable {
  return vscode.commands.registerCommand('flexprice.setApiKey', () => promptForApiKey(keys));
}
