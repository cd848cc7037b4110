import type { Task } from './taskSchema';
import { parseUtcTime } from './utcTime';

/*
 * What an export's `metadata` says (CONTRACT.md): `start_time` and `end_time` (RFC 3339) from
 * the start, `file_size_bytes` once completed. `metadata` is an open object that the schema does
 * not type, so each field is read on its own and anything odd is simply unknown.
 */

export interface DataInterval {
  readonly start: Date;
  readonly end: Date;
}

/** The span of data the export copies; undefined when either bound is missing, unreadable, or the end is before the start. */
export function exportDataInterval(task: Pick<Task, 'metadata'>): DataInterval | undefined {
  const start = timeField(task.metadata?.start_time);
  const end = timeField(task.metadata?.end_time);
  return start && end && end.getTime() >= start.getTime() ? { start, end } : undefined;
}

/** The size of the written file (compressed, for `.gz`); undefined unless a finite number ≥ 0. */
export function exportFileSize(task: Pick<Task, 'metadata'>): number | undefined {
  const size = task.metadata?.file_size_bytes;
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : undefined;
}

function timeField(value: unknown): Date | undefined {
  return typeof value === 'string' ? parseUtcTime(value) : undefined;
}
