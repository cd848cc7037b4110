// The heavy half of the extension (axios, zod, views, panels). extension.ts requires it on
// first use, so activation loads none of it.
import * as vscode from 'vscode';
import type { ApiKeyStore } from './auth/apiKeyStore';
import { HttpConsent } from './auth/httpConsent';
import { askToSendOverHttp } from './auth/httpConsentPrompt';
import { ClientProvider } from './auth/clientProvider';
import { CORE_COMMANDS, TEST_COMMANDS } from './commands/coreCommands';
import type { CoreCommandDeps } from './commands/coreCommandDeps';
import type { CommandDefinitions } from './commands/lazyCommands';
import { setDisplayLocale } from './format/locale';
import type { Logger } from './log/logger';
import { createTaskPanels } from './panel/createTaskPanels';
import { recentTaskIds } from './storage/boundedIdList';
import { TaskTree } from './tree/taskTree';
import { ScheduledExports } from './scheduleView/scheduledExports';
import type { ViewDescription } from './tree/viewDescription';
import { ConnectionIdentifier } from './auth/connectionIdentifier';

export interface Core extends vscode.Disposable {
  /** The sidebar's tree, poller, status bar and notifications. */
  readonly taskTree: TaskTree;
  /** The Scheduled Exports view: schedules, their runs, runs followed from Run Now. */
  readonly scheduledExports: ScheduledExports;
  /** Restores a task panel after a window reload (WebviewPanelSerializer). */
  revivePanel(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

/** Builds the client, the tree and the panels, and has every command in core define itself on `commands`. */
export function createCore(context: vscode.ExtensionContext, keys: ApiKeyStore, log: Logger, commands: CommandDefinitions, description: ViewDescription): Core {
  setDisplayLocale(vscode.env.language);
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const consent = new HttpConsent(context.globalState, askToSendOverHttp, log);
  const clients = new ClientProvider(keys, `flexprice-tasks-vscode/${version} (VS Code ${vscode.version})`, consent, log);
  const tree = new TaskTree(context, clients, description, log);
  const identifier = new ConnectionIdentifier(keys.connections, clients, log);
  const schedules = new ScheduledExports(clients, tree, keys.connections, log);
  // Panels share the sidebar's poller: one timer, one request per cycle for everything on screen.
  const panels = createTaskPanels(context.extensionUri, clients, keys.connections, tree.poller, (taskId, connectionId) => (connectionId === keys.connections.active()?.id ? schedules.model.scheduleIdOf(taskId) : undefined));
  const deps: CoreCommandDeps = { commands, context, keys, clients, tree, schedules, panels, recent: recentTaskIds(context.globalState, () => clients.activeConnectionId ?? 'none'), log, identifier };
  for (const command of CORE_COMMANDS) command.register(deps);
  if (context.extensionMode !== vscode.ExtensionMode.Production) TEST_COMMANDS.forEach((command) => command.register(deps));
  void identifier.identifyActive(true);
  return {
    taskTree: tree,
    scheduledExports: schedules,
    revivePanel: (panel, state) => panels.revive(panel, state),
    dispose: () => {
      identifier.dispose();
      panels.dispose();
      schedules.dispose();
      tree.dispose();
      clients.dispose();
    },
  };
}
