import { formatRelative } from './time';

/*
 * An export's data interval (the span of data it copied) as people read it. Always in UTC:
 * the server cuts intervals on UTC boundaries, so a local time would move "Nov 30 → Dec 1".
 * Month names are English, as is the rest of the extension's text.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** For a tree row: `Nov 30 → Dec 1`, `Nov 30 10:15 → 11:15`, `Dec 31, 2025 → Jan 1, 2026` (a year only when not now's). */
export function formatIntervalShort(start: Date, end: Date, now: Date): string {
  const withYear = start.getUTCFullYear() !== now.getUTCFullYear() || end.getUTCFullYear() !== now.getUTCFullYear();
  const day = (date: Date) => (withYear ? `${dayText(date)}, ${date.getUTCFullYear()}` : dayText(date));
  if (isWholeDays(start, end)) return `${day(start)} → ${day(end)}`;
  const seconds = hasSeconds(start, end);
  const endText = sameUtcDay(start, end) ? clockText(end, seconds) : `${day(end)} ${clockText(end, seconds)}`;
  return `${day(start)} ${clockText(start, seconds)} → ${endText}`;
}

/**
 * For the panel: `Nov 30, 2026, 00:00 → Dec 1, 2026, 00:00 UTC (1 day)`; the same day is written
 * once. An interval that has not ended yet (a "run now" exports the current one) says when it ends.
 */
export function formatIntervalWords(start: Date, end: Date, now: Date): string {
  const seconds = hasSeconds(start, end);
  const at = (date: Date) => `${dayText(date)}, ${date.getUTCFullYear()}, ${clockText(date, seconds)}`;
  const endText = sameUtcDay(start, end) ? clockText(end, seconds) : at(end);
  const ahead = end.getTime() > now.getTime() ? `, ends ${formatRelative(end, now)}` : '';
  return `${at(start)} → ${endText} UTC (${spanText(end.getTime() - start.getTime())}${ahead})`;
}

/** For tooltips: `2026-11-30T00:00:00Z → 2026-12-01T00:00:00Z`, exactly as the server's metadata means it. */
export function formatIntervalUtc(start: Date, end: Date): string {
  return `${rfc3339(start)} → ${rfc3339(end)}`;
}

/** `1 day`, `7 days`, `1 day 6 h`, `15 min`, `1 h 30 min`, `45 s`. */
function spanText(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const rest = ms - days * DAY_MS;
  const dayPart = days > 0 ? `${days} ${days === 1 ? 'day' : 'days'}` : '';
  const hours = Math.floor(rest / 3_600_000);
  const minutes = Math.floor((rest % 3_600_000) / 60_000);
  const secs = Math.floor((rest % 60_000) / 1000);
  const parts = days > 0 ? [dayPart, hours > 0 && `${hours} h`] : [hours > 0 && `${hours} h`, minutes > 0 && `${minutes} min`, hours === 0 && secs > 0 && `${secs} s`];
  return parts.filter(Boolean).join(' ') || '0 s';
}

function dayText(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

function clockText(date: Date, seconds: boolean): string {
  const hhmm = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return seconds ? `${hhmm}:${pad(date.getUTCSeconds())}` : hhmm;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isWholeDays(start: Date, end: Date): boolean {
  return start.getTime() % DAY_MS === 0 && end.getTime() % DAY_MS === 0;
}

/** Seconds are shown only where a bound has some: scheduled intervals start on whole minutes. */
function hasSeconds(start: Date, end: Date): boolean {
  return start.getTime() % 60_000 !== 0 || end.getTime() % 60_000 !== 0;
}

function sameUtcDay(a: Date, b: Date): boolean {
  return Math.floor(a.getTime() / DAY_MS) === Math.floor(b.getTime() / DAY_MS);
}

/** RFC 3339 in UTC, milliseconds only when there are some (as api/utcTime's formatRfc3339, which format/ may not import). */
function rfc3339(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
