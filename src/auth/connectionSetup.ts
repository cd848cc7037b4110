import * as vscode from 'vscode';
import { ConnectionStore } from '../connections/connectionStore';
import { connectionsFromEnvironment, type LegacySettings } from '../connections/environmentConnections';
import { migrateLegacySettings } from '../connections/legacyMigration';
import type { Logger } from '../log/logger';

const WORKSPACE_PICK = 'flexprice.connection';

/** The old settings, from user settings only (a workspace never could set them). */
function legacySettings(): LegacySettings {
  const config = vscode.workspace.getConfiguration('flexprice');
  return {
    apiUrl: config.inspect<string>('apiUrl')?.globalValue,
    environmentId: config.inspect<string>('environmentId')?.globalValue,
  };
}

/** The connection this workspace names, if any (by name only: it cannot add one). */
function workspacePick(): string | undefined {
  return vscode.workspace.getConfiguration('flexprice').get<string>('connection')?.trim() || undefined;
}

/**
 * Builds the connection store at activation (no network, nothing heavy): saved connections,
 * those from the environment, the workspace's pick, and the one-time move of the old settings
 * and key into a connection. `ready` settles when that move is done; ask for keys after it.
 */
export function createConnections(context: vscode.ExtensionContext, log: Logger): { store: ConnectionStore; ready: Promise<void>; disposables: vscode.Disposable[] } {
  const legacy = legacySettings();
  const environment = connectionsFromEnvironment(process.env, legacy);
  environment.problems.forEach((problem) => log.warn(problem));
  const store = new ConnectionStore(context.globalState, context.secrets, environment.connections, workspacePick);
  let activeId = store.active()?.id;
  const disposables = [
    context.secrets.onDidChange((event) => store.secretChanged(event.key)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(WORKSPACE_PICK)) store.workspacePickChanged(activeId);
    }),
    store.onDidChange(() => (activeId = store.active()?.id)),
    { dispose: () => store.dispose() },
  ];
  const ready = migrateLegacySettings(context.globalState, context.secrets, store, legacy).then(
    (migrated) => {
      if (migrated) log.info('The API URL, environment and key from earlier settings are now a connection.');
    },
    (error: unknown) => log.warn(`Could not move the earlier settings into a connection: ${error instanceof Error ? error.message : String(error)}`),
  );
  return { store, ready, disposables };
}
