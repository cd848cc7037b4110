import type * as vscode from 'vscode';
import { FlexpriceApiError } from '../api/apiError';
import type { ClientProvider } from '../auth/clientProvider';
import { isProduction } from '../connections/connection';
import type { ConnectionStore } from '../connections/connectionStore';
import { openExportInEditor, openTaskFile } from '../files/taskFiles';
import { openAsJson } from '../ui/openAsJson';
import { reportApiError } from '../ui/reportApiError';
import type { PanelConnections, TaskPanelDeps } from './taskPanel';
import type { TaskWatcher } from './taskWatcher';
import { TaskPanels } from './taskPanels';

/**
 * Builds the task panels. Each reads with its own connection's client; the one of the active
 * connection is kept live by the sidebar's poller (`watcher`). `scheduleOf` names the scheduled
 * export a task is a run of, when that is known.
 */
export function createTaskPanels(
  extensionUri: vscode.Uri,
  clients: ClientProvider,
  connections: ConnectionStore,
  watcher: TaskWatcher,
  scheduleOf?: TaskPanelDeps['scheduleOf'],
): TaskPanels {
  const clientOf = async (connectionId: string) => {
    const client = await clients.forConnection(connectionId);
    if (!client) {
      const gone = !connections.get(connectionId);
      throw new FlexpriceApiError('unauthorized', gone ? 'This panel\'s connection was removed.' : 'No Flexprice API key is set for this panel\'s connection.');
    }
    return client;
  };
  const panelConnections: PanelConnections = {
    badge: (id) => {
      const connection = connections.get(id);
      return connection && { id, name: connection.name, production: isProduction(connection), active: connections.active()?.id === id };
    },
    onDidChange: (listener) => connections.onDidChange((change) => change.kind !== 'key' && listener()),
  };
  const fileDeps = (connectionId: string) => ({ client: () => clients.forConnection(connectionId) });
  return new TaskPanels(
    {
      extensionUri,
      fetchTask: async (taskId, signal, connectionId) => (await clientOf(connectionId)).getTask(taskId, signal),
      watcher,
      openFile: (task, connectionId) => openTaskFile(task, fileDeps(connectionId)),
      openInEditor: (task, connectionId) => openExportInEditor(task, fileDeps(connectionId)),
      openAsJson,
      reportError: (error, taskId, retry, connectionId) => reportApiError(error, { ...clients.errorContext(connectionId), taskId, retry }),
      connections: panelConnections,
      ...(scheduleOf && { scheduleOf }),
    },
    () => connections.active()?.id ?? '',
  );
}
