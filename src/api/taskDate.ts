/** Loose RFC 3339: date, time, optional fraction of any length, then Z or an offset. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:?\d{2})$/;

/**
 * Reads a task timestamp. Never throws: anything unreadable is `undefined`.
 * Go sends up to nine fractional digits, which `Date` does not take, so they are cut to milliseconds.
 */
export function parseTaskDate(value: string | null | undefined): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = RFC3339.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, time, fraction = '0', zone] = match;
  // `Date` rolls 30 February over into March; a timestamp like that is broken, not a date.
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return undefined;
  const millis = fraction.slice(0, 3).padEnd(3, '0');
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(`${year}-${month}-${day}T${time}.${millis}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** Parsed times by their text: a cycle re-reads the same timestamps of thousands of tasks. */
const timeCache = new Map<string, number | undefined>();
const TIME_CACHE_LIMIT = 100_000;

/**
 * `parseTaskDate(value)` as milliseconds, remembered by the string: settling and staleness are
 * judged for every loaded task after every poll, and parsing is the cost of that.
 */
export function taskTimeMs(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (timeCache.has(value)) return timeCache.get(value);
  if (timeCache.size >= TIME_CACHE_LIMIT) timeCache.clear();
  const ms = parseTaskDate(value)?.getTime();
  timeCache.set(value, ms);
  return ms;
}
