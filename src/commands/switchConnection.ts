import * as vscode from 'vscode';
import { connectionLabel, isProduction } from '../connections/connection';
import type { ConnectionStore } from '../connections/connectionStore';
import { SWITCH_CONNECTION_COMMAND } from '../tree/connectionStatusBar';
import { connectionFromArgument, connectionItem, type ConnectionItem, namesConnection } from './connectionPrompts';

export const ADD_CONNECTION_COMMAND = 'flexprice.addConnection';
export const EDIT_CONNECTION_COMMAND = 'flexprice.editConnection';

type SwitchItem = ConnectionItem | (vscode.QuickPickItem & { readonly command?: string; readonly connection?: undefined });

/**
 * "Flexprice: Switch Connection" (status bar, the view's title bar, the palette): every
 * connection with its environment and URL, the active one marked, then Add and Edit. Runs
 * without loading core: choosing one only changes the store, and whatever belonged to the old
 * connection rebuilds itself from the store's change.
 */
export function register(store: ConnectionStore): vscode.Disposable {
  return vscode.commands.registerCommand(SWITCH_CONNECTION_COMMAND, async (argument?: unknown) => {
    if (namesConnection(argument)) {
      const named = connectionFromArgument(store, argument);
      if (!named) return void vscode.window.showErrorMessage('Flexprice: there is no such connection.');
      return switchTo(store, named.id);
    }
    const activeId = store.active()?.id;
    const items: SwitchItem[] = [
      ...store.list().map((connection) => connectionItem(connection, activeId)),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(add) Add Connection…', command: ADD_CONNECTION_COMMAND, alwaysShow: true },
      // Connections from the environment are changed there, so Edit is for saved ones only.
      ...(store.list().some((connection) => connection.origin === 'saved')
        ? [{ label: '$(edit) Edit Connection…', command: EDIT_CONNECTION_COMMAND, alwaysShow: true }]
        : []),
    ];
    const choice = await vscode.window.showQuickPick(items, {
      title: 'Flexprice: Switch Connection',
      placeHolder: store.list().length > 0 ? 'Connection to use in this window' : 'No connection yet: add one',
      matchOnDetail: true,
    });
    if (!choice) return;
    if (choice.connection) return switchTo(store, choice.connection.id);
    if (choice.command) await vscode.commands.executeCommand(choice.command);
  });
}

async function switchTo(store: ConnectionStore, id: string): Promise<void> {
  await store.setActive(id);
  const connection = store.get(id);
  if (connection) vscode.window.setStatusBarMessage(`Flexprice: now on ${connectionLabel(connection)}${isProduction(connection) ? ' (Production)' : ''}`, 4000);
}
