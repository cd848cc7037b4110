import { reportApiError } from '../ui/reportApiError';
import { openTaskFile } from '../files/taskFiles';
import { TaskNode } from '../tree/taskNode';
import type { CoreCommandDeps } from './coreCommandDeps';
import { fetchTaskWithProgress, type GetTaskDeps } from './getTask';

/**
 * "Flexprice: Open Task File", on a tree row (its task as shown), a task ID (fetched first) or
 * nothing (asks for an ID).
 */
export function register({ commands, keys, clients, recent, panels }: CoreCommandDeps): void {
  const deps: GetTaskDeps = { keys, clients, recent, show: (task) => panels.show(task) };
  commands.define('flexprice.openTaskFile', (argument?: unknown) => openTaskFileCommand(deps, argument));
}

async function openTaskFileCommand(deps: GetTaskDeps, argument?: unknown): Promise<void> {
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
