import type { Task } from '../api/taskSchema';

/** Whether the server reports the task as still running (not counting FAILED imports that may be retried). */
export function isRunning(task: Task | undefined): boolean {
  return task?.task_status === 'PENDING' || task?.task_status === 'PROCESSING';
}

/** A running task that reached COMPLETED or FAILED between two reads. */
export function hasFinished(previous: Task, current: Task): boolean {
  return isRunning(previous) && (current.task_status === 'COMPLETED' || current.task_status === 'FAILED');
}

/** Two reads of a task differ in anything the user could see. Schemas parse fields in a fixed order. */
export function hasChanged(previous: Task, current: Task): boolean {
  return JSON.stringify(previous) !== JSON.stringify(current);
}
