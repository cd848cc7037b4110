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
  const task = argument instanceof TaskNode
    ? argument.task
    : await fetchTaskWithProgress(deps, argument, (taskId) => openTaskFileCommand(deps, taskId));
  if (!task) return;
  try {
    await openTaskFile(task, { client: () => deps.clients.get() });
  } catch (error) {
    await reportApiError(error, { ...deps.clients.errorContext(), taskId: task.id, retry: () => openTaskFileCommand(deps, task.id) });
  }
}
