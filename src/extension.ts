import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import * as clearApiKey from './commands/clearApiKey';
import { coreCommandIds } from './commands/commandIds';
import { LazyCommands } from './commands/lazyCommands';
import * as setApiKey from './commands/setApiKey';
import * as showLog from './commands/showLog';
import type { Core } from './core';
import { OutputLog } from './log/outputLog';
import { TASK_PANEL_VIEW_TYPE } from './panel/viewType';
import { registerTaskView } from './tree/taskView';

/**
 * Activation stays tiny: it registers commands, the view and the key's context key, and nothing
 * else. Everything that needs the network (and axios, zod) lives in ./core, loaded on the
 * first command or view that needs it; its commands are registered here by ID (LazyCommands)
 * and defined by their own files when core loads.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = new OutputLog();
  const keys = new ApiKeyStore(context.secrets, log);
  let core: Core | undefined;
  const installed = context.extensionMode === vscode.ExtensionMode.Production;
  const commands = new LazyCommands(coreCommandIds(installed), () => loadCore());
  const loadCore = (): Core => {
    if (!core) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createCore } = require('./core') as typeof import('./core');
      core = createCore(context, keys, log, commands);
      context.subscriptions.push(core);
    }
    return core;
  };

  context.subscriptions.push(
    log,
    keys,
    commands,
    showLog.register(log),
    setApiKey.register(keys),
    clearApiKey.register(keys),
    ...registerTaskView(keys, () => loadCore().taskTree),
    vscode.window.registerWebviewPanelSerializer(TASK_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => loadCore().revivePanel(panel, state),
    }),
  );
  void keys.updateContextKey();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
