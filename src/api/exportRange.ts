import { parseUtcTime } from './utcTime';

/*
 * The data range of a "run now", checked the way the server checks it (CONTRACT.md), so that a
 * refusal is said before anything is sent.
 */

export interface ExportRange {
  readonly start: Date;
  readonly end: Date;
}

export type RangeCheck = { ok: true } | { ok: false; reason: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The server's limit: at most one year apart (a leap year's 366 days). */
const MAX_RANGE_MS = 366 * DAY;

const INTERVAL_MS: Record<string, number> = { '15MIN': 15 * MINUTE, '30MIN': 30 * MINUTE, hourly: HOUR, daily: DAY };

/** The length of one interval of a cadence, or undefined for `custom` and unknown ones. */
export function intervalLength(interval: string): number | undefined {
  return INTERVAL_MS[interval];
}

/**
 * The last whole interval before `now`, on UTC boundaries (what a scheduled run exports): for
 * `daily` at 10:00 on Dec 1, Nov 30 00:00 → Dec 1 00:00. Undefined for `custom` and unknown cadences.
 */
export function previousFullInterval(interval: string, now: Date): ExportRange | undefined {
  const length = INTERVAL_MS[interval];
  if (length === undefined || Number.isNaN(now.getTime())) return undefined;
  const end = Math.floor(now.getTime() / length) * length;
  return { start: new Date(end - length), end: new Date(end) };
}

/** Whether the server would accept the range: end after start, not in the future, ≤ 1 year. */
export function validateExportRange(start: Date, end: Date, now: Date): RangeCheck {
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return { ok: false, reason: 'Both the start and the end must be dates.' };
  if (end.getTime() <= start.getTime()) return { ok: false, reason: 'The end must be after the start.' };
  if (end.getTime() > now.getTime()) return { ok: false, reason: 'The end cannot be in the future.' };
  if (end.getTime() - start.getTime() > MAX_RANGE_MS) return { ok: false, reason: 'The range can be at most one year.' };
  return { ok: true };
}

/** A start or end as typed: `YYYY-MM-DD`, `YYYY-MM-DD HH:mm[:ss]` or RFC 3339; UTC unless a zone is given. */
export function parseRangeInput(text: string): Date | undefined {
  return parseUtcTime(text);
}
