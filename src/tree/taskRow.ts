import { parseTaskDate, type Task } from '../api/taskSchema';
import { stalledNote } from '../panel/stalledNote';
import { formatRelative } from '../panel/timeFormat';

/** Made on first need: the first Intl.NumberFormat costs some 20 ms (ICU start-up). */
let numbers: Intl.NumberFormat | undefined;

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
  return [stalledNote(task, now), task.entity_type, created && formatRelative(created, now), recordCounts(task)].filter(Boolean).join(' · ');
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

/**
 * `1,234,567`, as en-US writes it. Whole numbers, which record counts are, are grouped here
 * directly: the first rows appear without waiting for Intl to start.
 */
export function formatCount(value: number): string {
  if (Number.isSafeInteger(value)) return (value < 0 ? '-' : '') + String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',');
  numbers ??= new Intl.NumberFormat('en-US');
  return numbers.format(value);
}
