import { exportDataInterval, exportFileSize } from '../api/exportMetadata';
import { parseTaskDate } from '../api/taskDate';
import type { Task } from '../api/taskSchema';
import { staleSince } from '../api/taskSettlement';
import { formatCount } from '../format/count';
import { formatIntervalShort } from '../format/dataInterval';
import { formatSize } from '../format/size';
import { stalledNote } from '../format/stalledNote';
import { formatRelative } from '../format/time';

/**
 * The row's label. An export with a known data interval: `credit_usage · Nov 30 → Dec 1`, since
 * an export has no file name and its ID says nothing of what it holds (the ID stays in the
 * hover). Otherwise the file name, else the ID.
 */
export function taskRowLabel(task: Task, now: Date = new Date()): string {
  const interval = exportInterval(task, now);
  if (interval) return `${task.entity_type?.trim() || 'export'} · ${interval}`;
  return task.file_name?.trim() || task.id;
}

/**
 * `EVENTS · 3 min ago · 980/1,000 ok`: what, when it was created, how its records fared, and an
 * export's file size; a stuck task starts with `Stalled — no update for 3 h`. The entity type is
 * left out where the label already says it.
 */
export function taskRowDescription(task: Task, now: Date): string {
  const created = parseTaskDate(task.created_at);
  const entity = exportInterval(task, now) ? undefined : task.entity_type;
  const size = isExport(task) ? exportFileSize(task) : undefined;
  return [stalledNote(staleSince(task, now), now), entity, created && formatRelative(created, now), recordCounts(task), size !== undefined && formatSize(size)]
    .filter(Boolean)
    .join(' · ');
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

function isExport(task: Task): boolean {
  return task.task_type === 'EXPORT';
}

function exportInterval(task: Task, now: Date): string | undefined {
  const interval = isExport(task) ? exportDataInterval(task) : undefined;
  return interval && formatIntervalShort(interval.start, interval.end, now);
}
