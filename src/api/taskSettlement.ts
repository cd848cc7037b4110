import { parseTaskDate } from './taskDate';
import type { Task } from './taskSchema';

/** How long a FAILED import may still be retried by the server and come back to PROCESSING. */
export const DEFAULT_RETRY_WINDOW_MS = 5 * 60_000;

/** COMPLETED is the only status a task never leaves (FAILED imports are retried). */
export function isTerminalStatus(status: string | undefined): boolean {
  return status === 'COMPLETED';
}

/**
 * Whether a task will not change any more, so polling it can stop: COMPLETED, or FAILED with its
 * last change older than the retry window. PENDING, PROCESSING and unknown statuses are not settled.
 * A FAILED task with no readable time counts as settled, since nothing says it is recent.
 */
export function isSettled(task: Task, now: Date | number, retryWindowMs = DEFAULT_RETRY_WINDOW_MS): boolean {
  if (isTerminalStatus(task.task_status)) return true;
  if (task.task_status !== 'FAILED') return false;
  const times = [task.failed_at, task.updated_at]
    .map((value) => parseTaskDate(value)?.getTime())
    .filter((time): time is number => time !== undefined);
  if (times.length === 0) return true;
  const nowMs = typeof now === 'number' ? now : now.getTime();
  return nowMs - Math.max(...times) >= retryWindowMs;
}
