/**
 * Reads a `Retry-After` header, given as seconds or as an HTTP date, into milliseconds from `now`.
 * Unreadable values give `undefined`; dates in the past give 0.
 */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || !header.trim()) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Date.parse reads bare numbers like '-5' as years; an HTTP date always names its month.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
