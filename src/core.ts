// The heavy half of the extension (axios, zod, views, panels). extension.ts requires it on
// first use, so activation loads none of it.
import * as vscode from 'vscode';
import type { ApiKeyStore } from './auth/apiKeyStore';
import { HttpConsent } from './auth/httpConsent';
import { askToSendOverHttp } from './auth/httpConsentPrompt';
import { ClientProvider } from './clientProvider';
import { getTask, type GetTaskDeps } from './commands/getTask';
import { openTaskFileCommand } from './commands/openTaskFile';
import { RecentTaskIds } from './commands/recentTaskIds';
import { createTaskPanels } from './panel/createTaskPanels';
import type { Logger } from './log/logger';
import { TaskTree } from './tree/taskTree';

export interface Core extends vscode.Disposable {
  getTask(idArgument?: unknown): Promise<void>;
  refreshTasks(): Promise<void>;
  /** The sidebar's tree, poller, status bar and notifications. */
  readonly taskTree: TaskTree;
  openTaskFile(idArgument?: unknown): Promise<void>;
  /** Restores a task panel after a window reload (WebviewPanelSerializer). */
  revivePanel(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

export function createCore(context: vscode.ExtensionContext, keys: ApiKeyStore, log: Logger): Core {
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const consent = new HttpConsent(context.globalState, askToSendOverHttp, log);
  const clients = new ClientProvider(keys, `flexprice-tasks-vscode/${version} (VS Code ${vscode.version})`, consent, log);
  const taskTree = new TaskTree(context, clients, log);
  // Panels share the sidebar's poller: one timer, one request per cycle for everything on screen.
  const panels = createTaskPanels(context.extensionUri, clients, taskTree.poller);
  const taskDeps: GetTaskDeps = { keys, clients, recent: new RecentTaskIds(context.globalState), show: (task) => panels.show(task) };
  return {
    // A task looked up by typing its ID is pinned in the tree's Watched group; clicks on rows pass the ID.
    getTask: (idArgument) =>
      getTask(
        idArgument === undefined
          ? {
              ...taskDeps,
              show: (task) => {
                void taskTree.watch(task.id);
                return panels.show(task);
              },
            }
          : taskDeps,
        idArgument,
      ),
    openTaskFile: (idArgument) => openTaskFileCommand(taskDeps, idArgument),
    revivePanel: (panel, state) => panels.revive(panel, state),
    refreshTasks: () => taskTree.refresh(),
    taskTree,
    dispose: () => {
      panels.dispose();
      taskTree.dispose();
      clients.dispose();
    },
  };
}
