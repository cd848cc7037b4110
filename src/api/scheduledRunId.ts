import { parseUtcTime } from './utcTime';

/*
 * Runs started by a schedule carry the workflow engine's ID: the schedule action's UUID, a dash,
 * and the run's scheduled time in RFC 3339, e.g.
 * `0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00Z` (colons included). Runs started
 * with "run now" are `task_<ULID>` instead. Both are ordinary task IDs everywhere else.
 */

const SCHEDULED_RUN_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}))$/i;

/** Whether `id` is a scheduled run's ID, with a real calendar time (not `2026-02-30T…`). */
export function isScheduledRunId(id: string): boolean {
  return scheduledRunTime(id) !== undefined;
}

/** When a scheduled run was due, read from its ID; undefined for any other ID. */
export function scheduledRunTime(id: string): Date | undefined {
  const time = SCHEDULED_RUN_ID.exec(String(id ?? '').trim())?.[1];
  return time === undefined ? undefined : parseUtcTime(time);
}
