import { openTaskFile } from '../files/taskFiles';
import { TaskNode } from '../tree/taskNode';
import { reportApiError } from '../ui/reportApiError';
import type { CoreCommandDeps } from './coreCommandDeps';
import { fetchTaskWithProgress, type TaskLookupDeps } from './getTask';

/**
 * "Flexprice: Open Task File", on a tree row (its task as shown), a task ID (fetched first) or
 * nothing (asks for an ID).
 */
export function register({ commands, keys, clients, recent }: CoreCommandDeps): void {
  const deps: TaskLookupDeps = { keys, clients, recent };
  commands.define('flexprice.openTaskFile', (argument?: unknown) => openTaskFileCommand(deps, argument));
}

async function openTaskFileCommand(deps: TaskLookupDeps, argument?: unknown): Promise<void> {
  // A row is the active connection's: the tree shows nothing else.
  const fetched = argument instanceof TaskNode
    ? { task: argument.task, connectionId: deps.clients.activeConnectionId ?? '' }
    : await fetchTaskWithProgress(deps, argument, (taskId) => openTaskFileCommand(deps, taskId));
  if (!fetched) return;
  const { task, connectionId } = fetched;
  try {
    await openTaskFile(task, { client: () => deps.clients.forConnection(connectionId) });
  } catch (error) {
    await reportApiError(error, { ...deps.clients.errorContext(connectionId), taskId: task.id, retry: () => openTaskFileCommand(deps, task.id) });
  }
}
