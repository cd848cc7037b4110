import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { registerClearApiKey } from './commands/clearApiKey';
import { registerSetApiKey } from './commands/setApiKey';
import { registerShowLog } from './commands/showLog';
import type { Core } from './core';
import { OutputLog } from './log/outputLog';
import { TASK_PANEL_VIEW_TYPE } from './panel/viewType';
import { registerTaskView } from './tree/taskView';

/**
 * Activation stays tiny: it registers commands and the key's context key, and nothing
 * else. Everything that needs the network (and axios, zod) lives in ./core, loaded on the
 * first command that needs it.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = new OutputLog();
  const keys = new ApiKeyStore(context.secrets, log);
  let core: Core | undefined;
  const loadCore = (): Core => {
    if (!core) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createCore } = require('./core') as typeof import('./core');
      core = createCore(context, keys, log);
      context.subscriptions.push(core);
    }
    return core;
  };

  context.subscriptions.push(
    log,
    keys,
    registerShowLog(log),
    ...registerTaskView(keys, () => loadCore().taskTree),
    registerSetApiKey(keys),
    registerClearApiKey(keys),
    vscode.commands.registerCommand('flexprice.getTask', (id?: unknown) => loadCore().getTask(id)),
    vscode.commands.registerCommand('flexprice.refreshTasks', () => loadCore().refreshTasks()),
    vscode.commands.registerCommand('flexprice.openTaskFile', (id?: unknown) => loadCore().openTaskFile(id)),
    vscode.window.registerWebviewPanelSerializer(TASK_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => loadCore().revivePanel(panel, state),
    }),
  );
  void keys.updateContextKey();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
