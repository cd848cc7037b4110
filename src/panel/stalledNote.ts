import { isStale, parseTaskDate, type Task } from '../api/taskSchema';
import { formatRelative } from './timeFormat';

/**
 * `Stalled — no update for 3 h` for a PENDING or PROCESSING task with no change for over an
 * hour; the tree's rows and hovers and the panel's banner all say it in these words.
 */
export function stalledNote(task: Task, now: Date): string | undefined {
  if (!isStale(task, now)) return undefined;
  const last = parseTaskDate(task.updated_at) ?? parseTaskDate(task.created_at);
  return last && `Stalled — no update for ${formatRelative(last, now).replace(/ ago$/, '')}`;
}
