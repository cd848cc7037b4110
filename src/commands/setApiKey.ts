import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { askApiKey } from './connectionPrompts';
import { ADD_CONNECTION_COMMAND } from './switchConnection';

/**
 * Asks for the active connection's key in a password box and stores it; with no connection yet,
 * adds one (which asks for the key too). Resolves to whether a key was saved.
 */
export async function promptForApiKey(keys: ApiKeyStore): Promise<boolean> {
  const connection = await keys.active();
  if (!connection) {
    await vscode.commands.executeCommand(ADD_CONNECTION_COMMAND);
    return keys.has();
  }
  if (connection.origin === 'environment') {
    void vscode.window.showInformationMessage(`Flexprice: the key of "${connection.name}" comes from the environment. Change it there, or add a connection.`);
    return false;
  }
  const key = await askApiKey('Flexprice: Set API Key', `"${connection.name}"`);
  if (!key) return false;
  await keys.set(key);
  void vscode.window.showInformationMessage(`Flexprice API key saved for "${connection.name}".`);
  return true;
}

/** "Flexprice: Set API Key" (runs without loading core). */
export function register(keys: ApiKeyStore): vscode.Disposable {
  return vscode.commands.registerCommand('flexprice.setApiKey', () => promptForApiKey(keys));
}
