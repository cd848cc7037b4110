/**
 * RFC 3339 the way Go marshals time.Time: UTC "Z", fractional seconds only when non-zero,
 * trailing zeros trimmed. `extraMicros` adds the microsecond digits Postgres timestamps carry.
 */
export function rfc3339(ms: number, extraMicros = 0): string {
  const iso = new Date(Math.floor(ms)).toISOString();
  const whole = iso.slice(0, 19);
  const millis = iso.slice(20, 23);
  const fraction = (millis + String(extraMicros % 1000).padStart(3, '0')).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}Z` : `${whole}Z`;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since epoch, or undefined when the text is not strict RFC 3339 (Go's time.Parse rejects the rest). */
export function parseRfc3339(text: string): number | undefined {
  if (!RFC3339.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The date part (YYYY-MM-DD) used in file names. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
