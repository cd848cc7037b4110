import { parseTaskDate, taskTimeMs } from './taskDate';
import type { Task } from './taskSchema';

/** How long a FAILED import may still be retried by the server and come back to PROCESSING. */
export const DEFAULT_RETRY_WINDOW_MS = 5 * 60_000;
/**
 * A running task with no change for this long is stuck: its workflow timed out without marking
 * it (CONTRACT.md, "Tasks can be stuck for ever"). It is still watched, but rarely.
 */
export const STALE_AFTER_MS = 60 * 60_000;

/** COMPLETED is the only status a task never leaves (FAILED imports are retried). */
export function isTerminalStatus(status: string | undefined): boolean {
  return status === 'COMPLETED';
}

function isRunningStatus(status: string | undefined): boolean {
  return status === 'PENDING' || status === 'PROCESSING';
}

/**
 * Whether a task will not change any more, so polling it can stop: COMPLETED; a FAILED export
 * (exports are never retried: no FAILED → PROCESSING); or a FAILED import, or a
 * status this extension does not know (the enum is open), with its last change older than the
 * retry window. PENDING and PROCESSING never settle (they can go stale). A task that could
 * settle but has no readable time counts as settled, since nothing says it is recent.
 */
export function isSettled(task: Task, now: Date | number, retryWindowMs = DEFAULT_RETRY_WINDOW_MS): boolean {
  if (isTerminalStatus(task.task_status)) return true;
  if (task.task_status === 'FAILED' && task.task_type === 'EXPORT') return true;
  if (isRunningStatus(task.task_status)) return false;
  const last = latest([task.failed_at, task.updated_at]);
  return last === undefined || toMs(now) - last >= retryWindowMs;
}

/** A PENDING or PROCESSING task whose last change (updated_at, else created_at) is over an hour old. */
/** When a stale task last changed (`updated_at`, else `created_at`); undefined when it is not stale. */
export function staleSince(task: Task, now: Date | number): Date | undefined {
  if (!isStale(task, now)) return undefined;
  return parseTaskDate(task.updated_at) ?? parseTaskDate(task.created_at);
}

export function isStale(task: Task, now: Date | number): boolean {
  if (!isRunningStatus(task.task_status)) return false;
  const last = latest([task.updated_at, task.created_at]);
  return last !== undefined && toMs(now) - last > STALE_AFTER_MS;
}

/** The latest readable time among `values`. */
function latest(values: (string | null | undefined)[]): number | undefined {
  let newest: number | undefined;
  for (const value of values) {
    const time = taskTimeMs(value);
    if (time !== undefined && (newest === undefined || time > newest)) newest = time;
  }
  return newest;
}

function toMs(now: Date | number): number {
  return typeof now === 'number' ? now : now.getTime();
}
