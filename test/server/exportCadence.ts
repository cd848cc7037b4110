/**
 * When a scheduled export fires and which data interval a run exports, from the backend's
 * cron expressions (every 15 or 30 minutes, hourly at :15, daily at 00:15; `custom` every 10
 * minutes; unknown intervals fall back to daily) and its interval boundaries.
 *
 * With a time scale k everything is k times shorter (a daily schedule fires every 24 h / k,
 * 15 min / k after its boundary), rounded to whole seconds because run ids carry RFC 3339
 * times without fractions. Boundaries are multiples of the period since the Unix epoch, so
 * k = 1 gives exactly the real wall-clock times (hourly at :15, daily at 00:15 UTC).
 */

const MINUTE = 60_000;

const BASE_CADENCE: Record<string, { periodMs: number; offsetMs: number }> = {
  '15MIN': { periodMs: 15 * MINUTE, offsetMs: 0 },
  '30MIN': { periodMs: 30 * MINUTE, offsetMs: 0 },
  hourly: { periodMs: 60 * MINUTE, offsetMs: 15 * MINUTE },
  daily: { periodMs: 24 * 60 * MINUTE, offsetMs: 15 * MINUTE },
  custom: { periodMs: 10 * MINUTE, offsetMs: 0 },
};

export interface ExportCadence {
  /** Length of one data interval, and time between two runs. */
  periodMs: number;
  /** How long after an interval's end its run fires. */
  offsetMs: number;
}

export interface DataInterval {
  startMs: number;
  endMs: number;
}

export function exportCadence(interval: string, timeScale = 1): ExportCadence {
  const base = BASE_CADENCE[interval] ?? BASE_CADENCE.daily;
  const scale = timeScale > 0 ? timeScale : 1;
  const periodMs = Math.max(1000, Math.round(base.periodMs / scale / 1000) * 1000);
  const offsetMs = Math.min(periodMs - 1000, Math.round(base.offsetMs / scale / 1000) * 1000);
  return { periodMs, offsetMs };
}

/** Fire times in (afterMs, untilMs], oldest first, at most `limit` (the newest ones when there are more). */
export function fireTimesBetween(cadence: ExportCadence, afterMs: number, untilMs: number, limit = Infinity): number[] {
  const { periodMs, offsetMs } = cadence;
  const last = Math.floor((untilMs - offsetMs) / periodMs);
  let first = Math.floor((afterMs - offsetMs) / periodMs) + 1;
  if (last - first + 1 > limit) first = last - limit + 1;
  const times: number[] = [];
  for (let n = first; n <= last; n++) times.push(n * periodMs + offsetMs);
  return times;
}

/** The first fire strictly after `afterMs`. */
export function nextFireAfter(cadence: ExportCadence, afterMs: number): number {
  return (Math.floor((afterMs - cadence.offsetMs) / cadence.periodMs) + 1) * cadence.periodMs + cadence.offsetMs;
}

/** A scheduled run exports the interval that ended just before it fired. */
export function previousInterval(cadence: ExportCadence, fireMs: number): DataInterval {
  const endMs = Math.floor((fireMs - cadence.offsetMs) / cadence.periodMs) * cadence.periodMs;
  return { startMs: endMs - cadence.periodMs, endMs };
}

/** "Run now" without a range exports the interval `nowMs` is in, partly elapsed. */
export function currentInterval(cadence: ExportCadence, nowMs: number): DataInterval {
  const startMs = Math.floor(nowMs / cadence.periodMs) * cadence.periodMs;
  return { startMs, endMs: startMs + cadence.periodMs };
}

/** A scheduled run's task and workflow id: Temporal's `<action id>-<scheduled time>`. */
export function scheduledRunId(runIdPrefix: string, fireMs: number): string {
  return `${runIdPrefix}-${new Date(Math.floor(fireMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}
