import * as vscode from 'vscode';
import { openExportInEditor, saveExportAs } from '../files/taskFiles';
import { TaskNode } from '../tree/taskNode';
import { reportApiError } from '../ui/reportApiError';
import type { CoreCommandDeps } from './coreCommandDeps';
import { type FetchedTask, fetchTaskWithProgress, type TaskLookupDeps } from './getTask';

/**
 * "Open Export" (the CSV, un-gzipped, in an editor) and "Download…" (the file as stored, saved
 * where the user picks), on a row, a task ID, or `{ taskId, connectionId }` from a notification.
 */
export function register({ commands, keys, clients, recent }: CoreCommandDeps): void {
  const deps: TaskLookupDeps = { keys, clients, recent };
  commands.define('flexprice.openExportInEditor', (argument?: unknown) => run(deps, argument, 'open'));
  commands.define('flexprice.downloadExport', (argument?: unknown) => run(deps, argument, 'save'));
}

async function run(deps: TaskLookupDeps, argument: unknown, action: 'open' | 'save'): Promise<void> {
  // A row is the active connection's: the views show nothing else.
  const fetched: FetchedTask | undefined = argument instanceof TaskNode
    ? { task: argument.task, connectionId: deps.clients.activeConnectionId ?? '' }
    : await fetchTaskWithProgress(deps, argument, (taskId) => run(deps, taskId, action));
  if (!fetched) return;
  const { task, connectionId } = fetched;
  const fileDeps = { client: () => deps.clients.forConnection(connectionId) };
  try {
    if (action === 'open') await openExportInEditor(task, fileDeps);
    else {
      const saved = await saveExportAs(task, fileDeps);
      if (saved) {
        const choice = await vscode.window.showInformationMessage(`Flexprice: saved ${saved.fsPath}.`, 'Reveal');
        if (choice === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', saved);
      }
    }
  } catch (error) {
    await reportApiError(error, { ...deps.clients.errorContext(connectionId), taskId: task.id, retry: () => run(deps, task.id, action) });
  }
}
