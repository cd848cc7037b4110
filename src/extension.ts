import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { createConnections } from './auth/connectionSetup';
import type { ConnectionStore } from './connections/connectionStore';
import * as clearApiKey from './commands/clearApiKey';
import { coreCommandIds } from './commands/commandIds';
import { LazyCommands } from './commands/lazyCommands';
import * as manageConnections from './commands/manageConnections';
import * as setApiKey from './commands/setApiKey';
import * as showLog from './commands/showLog';
import * as switchConnection from './commands/switchConnection';
import type { Core } from './core';
import { registerTaskLinks } from './links/registerLinks';
import { OutputLog } from './log/outputLog';
import { TASK_PANEL_VIEW_TYPE } from './panel/viewType';
import { ConnectionStatusBar } from './tree/connectionStatusBar';
import { keptRootsAtStart } from './tree/keptRoots';
import { registerTaskView } from './tree/taskView';
import { registerScheduleView } from './scheduleView/scheduleView';
import { registerTaskUriHandler } from './uri/registerTaskUriHandler';
import { ViewDescription } from './tree/viewDescription';

/**
 * Activation stays tiny: it registers commands, the view, the connection's status-bar item and
 * context keys, and nothing else. Connections are read from storage here (no network), so the
 * connection in use is on screen at once. Everything that needs the network (and axios, zod)
 * lives in ./core, loaded on the first command or view that needs it; its commands are
 * registered here by ID (LazyCommands) and defined by their own files when core loads.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = new OutputLog();
  const connections = createConnections(context, log);
  const keys = new ApiKeyStore(connections.store, connections.ready, log);
  const description = new ViewDescription(connections.store);
  let core: Core | undefined;
  const installed = context.extensionMode === vscode.ExtensionMode.Production;
  const commands = new LazyCommands(coreCommandIds(installed), () => loadCore());
  const loadCore = (): Core => {
    if (!core) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createCore } = require('./core') as typeof import('./core');
      core = createCore(context, keys, log, commands, description);
      context.subscriptions.push(core);
    }
    return core;
  };

  context.subscriptions.push(
    log,
    ...connections.disposables,
    keys,
    commands,
    new ConnectionStatusBar(connections.store),
    showLog.register(log),
    setApiKey.register(keys),
    clearApiKey.register(keys),
    switchConnection.register(connections.store),
    registerTaskLinks(),
    ...manageConnections.register(connections.store),
    ...registerScheduleView(keys, () => loadCore().scheduledExports),
    registerTaskUriHandler(),
    ...registerTaskView(keys, description, () => loadCore().taskTree, (id) => keptRootsAtStart(context.globalState, id, new Date())),
    vscode.window.registerWebviewPanelSerializer(TASK_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => loadCore().revivePanel(panel, state),
    }),
  );
  void connections.ready.then(() => {
    void keys.updateContextKey();
    warnIfWorkspacePickMissing(connections.store);
  });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('flexprice.connection')) warnIfWorkspacePickMissing(connections.store);
    }),
  );
}

/** A workspace naming a connection the user does not have is told, and the user's own stays in use. */
function warnIfWorkspacePickMissing(store: ConnectionStore): void {
  const missing = store.missingWorkspacePick();
  if (!missing) return;
  const using = store.active();
  void vscode.window
    .showWarningMessage(`Flexprice: this workspace asks for the connection "${missing}", which you do not have.${using ? ` Using "${using.name}".` : ''}`, 'Switch Connection')
    .then((choice) => choice && vscode.commands.executeCommand('flexprice.switchConnection'));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
