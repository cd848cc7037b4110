import { parseTaskDate } from '../api/taskDate';
import type { Task } from '../api/taskSchema';
import { staleSince } from '../api/taskSettlement';
import { formatCount } from '../format/count';
import { stalledNote } from '../format/stalledNote';
import { formatRelative } from '../format/time';

/** The row's label: the file name, else the ID. */
export function taskRowLabel(task: Task): string {
  return task.file_name?.trim() || task.id;
}

/**
 * `EVENTS · 3 min ago · 980/1,000 ok`: what, when it was created, how its records fared; a stuck
 * task starts with `Stalled — no update for 3 h`.
 */
export function taskRowDescription(task: Task, now: Date): string {
  const created = parseTaskDate(task.created_at);
  return [stalledNote(staleSince(task, now), now), task.entity_type, created && formatRelative(created, now), recordCounts(task)].filter(Boolean).join(' · ');
}

/**
 * `980/1,000 ok` once records were counted. Imports never send `total_records` and write their
 * counts only at the end, so a running import shows nothing rather than a misleading 0.
 */
export function recordCounts(task: Task): string | undefined {
  const total = task.total_records ?? task.processed_records;
  if (!total) return undefined;
  return `${formatCount(task.successful_records ?? 0)}/${formatCount(total)} ok`;
}

