// Times as a person reads them: local wall-clock, "3 min ago", and "1 h 4 min" durations.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 min ago", "in 2 h" (clock skew), "just now". */
export function formatRelative(date: Date, now: Date): string {
  const delta = now.getTime() - date.getTime();
  const size = Math.abs(delta);
  if (size < 45_000) return 'just now';
  // Rounded first, so 59.9 minutes reads "1 h", never "60 min".
  const minutes = Math.round(size / MINUTE);
  const hours = Math.round(size / HOUR);
  const amount = minutes < 60 ? `${minutes} min` : hours < 24 ? `${hours} h` : `${Math.round(size / DAY)} d`;
  return delta >= 0 ? `${amount} ago` : `in ${amount}`;
}

/** "850 ms", "42 s", "3 min 5 s", "2 h 4 min", "3 d 1 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return joinUnits(minutes, 'min', seconds % 60, 's');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return joinUnits(hours, 'h', minutes % 60, 'min');
  return joinUnits(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}

/** The date in the user's locale and time zone, to the second. */
export function formatLocal(date: Date, locale?: string, timeZone?: string): string {
  return date.toLocaleString(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** "10:42" today, "Nov 30, 10:42" another day: when a kept copy was read. */
export function formatClock(date: Date, now: Date, locale?: string, timeZone?: string): string {
  const zone = timeZone ? { timeZone } : {};
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', ...zone });
  const day = (d: Date) => d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric', ...zone });
  if (day(date) === day(now)) return time;
  return `${date.toLocaleDateString(locale, { month: 'short', day: 'numeric', ...zone })}, ${time}`;
}
