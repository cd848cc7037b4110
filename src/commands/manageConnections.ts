import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionStore } from '../connections/connectionStore';
import { askApiKey, askApiUrl, askEnvironmentId, askName, pickConnection } from './connectionPrompts';
import { EDIT_CONNECTION_COMMAND } from './switchConnection';

export const RENAME_CONNECTION_COMMAND = 'flexprice.renameConnection';
export const REMOVE_CONNECTION_COMMAND = 'flexprice.removeConnection';

type EditAction = 'rename' | 'url' | 'environment' | 'key' | 'remove';

/**
 * Edit (name, URL, environment ID, key), Rename and Remove Connection. Each takes a connection
 * (ID or name) as an argument or asks which. None needs core: they change the store, and the
 * tree, clients and status bar follow its changes. Connections from the environment are
 * changed where they are defined, so they are not offered.
 */
export function register(store: ConnectionStore): vscode.Disposable[] {
  const withConnection = (title: string, run: (connection: Connection) => Promise<unknown>) => async (argument?: unknown) => {
    const connection = await pickConnection(store, argument, title, true);
    if (!connection) return;
    try {
      await run(connection);
    } catch (error) {
      void vscode.window.showErrorMessage(`Flexprice: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return [
    vscode.commands.registerCommand(EDIT_CONNECTION_COMMAND, withConnection('Flexprice: Edit Connection', (connection) => edit(store, connection))),
    vscode.commands.registerCommand(RENAME_CONNECTION_COMMAND, withConnection('Flexprice: Rename Connection', (connection) => rename(store, connection))),
    vscode.commands.registerCommand(REMOVE_CONNECTION_COMMAND, withConnection('Flexprice: Remove Connection', (connection) => remove(store, connection))),
  ];
}

async function edit(store: ConnectionStore, connection: Connection): Promise<void> {
  const items: (vscode.QuickPickItem & { action: EditAction })[] = [
    { label: '$(edit) Rename…', description: connection.name, action: 'rename' },
    { label: '$(globe) Change API URL…', description: connection.apiUrl, action: 'url' },
    { label: '$(symbol-namespace) Change Environment ID…', description: connection.environmentId ?? 'none', action: 'environment' },
    { label: '$(key) Change API Key…', action: 'key' },
    { label: '$(trash) Remove…', action: 'remove' },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: `Flexprice: Edit "${connection.name}"`, ignoreFocusOut: true });
  const title = `Flexprice: Edit "${connection.name}"`;
  switch (choice?.action) {
    case 'rename':
      return rename(store, connection);
    case 'url': {
      const apiUrl = await askApiUrl(title, connection.apiUrl);
      if (apiUrl) await store.update(connection.id, { apiUrl });
      return;
    }
    case 'environment': {
      const environmentId = await askEnvironmentId(title, connection.environmentId);
      if (environmentId !== undefined) await store.update(connection.id, { environmentId });
      return;
    }
    case 'key': {
      const key = await askApiKey(title, `"${connection.name}"`);
      if (!key) return;
      await store.setKey(connection.id, key);
      void vscode.window.showInformationMessage(`Flexprice: API key for "${connection.name}" saved.`);
      return;
    }
    case 'remove':
      return remove(store, connection);
    default:
      return;
  }
}

async function rename(store: ConnectionStore, connection: Connection): Promise<void> {
  const name = await askName(store, `Flexprice: Rename "${connection.name}"`, connection.name, connection.id);
  if (name && name !== connection.name) await store.update(connection.id, { name });
}

async function remove(store: ConnectionStore, connection: Connection): Promise<void> {
  const answer = await vscode.window.showWarningMessage(
    `Remove the Flexprice connection "${connection.name}"?`,
    { modal: true, detail: `Its API key is deleted from secret storage, with its recent and watched task IDs. ${connection.apiUrl}` },
    'Remove',
  );
  if (answer !== 'Remove') return;
  await store.remove(connection.id);
  void vscode.window.showInformationMessage(`Flexprice: connection "${connection.name}" removed.`);
}
