import type * as vscode from 'vscode';
import { FlexpriceApiError } from '../api/apiError';
import type { ClientProvider } from '../auth/clientProvider';
import { openExportInEditor, openTaskFile } from '../files/taskFiles';
import { openAsJson } from '../ui/openAsJson';
import { reportApiError } from '../ui/reportApiError';
import type { TaskWatcher } from './taskWatcher';
import { TaskPanels } from './taskPanels';

/** Builds the task panels on top of the current client, kept live by the sidebar's poller (`watcher`). */
export function createTaskPanels(extensionUri: vscode.Uri, clients: ClientProvider, watcher: TaskWatcher): TaskPanels {
  const fetchTask = async (taskId: string, signal?: AbortSignal) => {
    const client = await clients.get();
    if (!client) throw new FlexpriceApiError('unauthorized', 'No Flexprice API key is set.');
    return client.getTask(taskId, signal);
  };
  const fileDeps = { client: () => clients.get() };
  return new TaskPanels({
    extensionUri,
    fetchTask,
    watcher,
    openFile: (task) => openTaskFile(task, fileDeps),
    openInEditor: (task) => openExportInEditor(task, fileDeps),
    openAsJson,
    reportError: (error, taskId, retry) => reportApiError(error, { ...clients.errorContext(), taskId, retry }),
  });
}
