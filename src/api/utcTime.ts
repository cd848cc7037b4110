/*
 * Times as people and the server write them, read strictly: a date that does not exist
 * (`2026-02-30`, `24:00`) is refused rather than rolled over as `Date.parse` would.
 */

/**
 * `YYYY-MM-DD` (midnight), then optionally `HH:mm`, `:ss` and a fraction, after `T` or a space,
 * then optionally a zone: `Z`, ` UTC` or `±hh:mm`. Without a zone the time is UTC.
 */
const TIME_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(?:([Zz]|UTC|utc)|([+-])(\d{2}):(\d{2}))?$/;

/** The instant `text` names, or undefined when it is not such a time or not a real one. */
export function parseUtcTime(text: string): Date | undefined {
  const match = TIME_TEXT.exec(String(text ?? '').trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', , sign, offsetHours, offsetMinutes] = match.map(
    (part) => part as string | undefined,
  );
  const fields = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  let offset = 0;
  if (sign) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > 23 || om > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const milliseconds = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  // Not Date.UTC, which reads the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, milliseconds);
  return new Date(date.getTime() - offset);
}

/** RFC 3339 in UTC, with milliseconds only when there are some: `2026-11-30T00:00:00Z`. */
export function formatRfc3339(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
