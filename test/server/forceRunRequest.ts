import { type FlexErrorBody, validationError } from './errors';
import type { ForceRunRange } from './scheduledExports';
import { parseRfc3339, rfc3339 } from './timestamps';

export type ParsedForceRun = { ok: true; range?: ForceRunRange } | { ok: false; error: FlexErrorBody };

const MAX_RANGE_MS = 365 * 24 * 3_600_000;

/**
 * The optional body of `POST /tasks/scheduled/{id}/run`, read as the handler does: a body that
 * does not bind (empty, not JSON, not an object, a time that is not RFC 3339) silently means
 * "no range"; a range that binds is validated (both or neither, end after start, not in the
 * future, at most a year). Messages are the backend's hints, which its error handler shows.
 */
export function parseForceRunBody(body: Buffer | undefined, nowMs: number): ParsedForceRun {
  const fields = bindTimes(body);
  if (!fields) return { ok: true };
  const { start, end } = fields;
  if (start === undefined && end === undefined) return { ok: true };
  if (start === undefined || end === undefined) {
    return invalid('Please provide both start_time and end_time, or neither for automatic calculation');
  }
  if (end <= start) return invalid('End time must be after start time', { start_time: seconds(start), end_time: seconds(end) });
  if (end > nowMs) return invalid('End time must be in the past or present', { end_time: seconds(end), now: seconds(nowMs) });
  if (end - start > MAX_RANGE_MS) {
    return invalid('Maximum allowed time range is 1 year', { duration: goDuration(end - start), max_duration: goDuration(MAX_RANGE_MS) });
  }
  return { ok: true, range: { startMs: start, endMs: end } };
}

/** Undefined when gin's ShouldBindJSON would fail; null or absent times are undefined. */
function bindTimes(body: Buffer | undefined): { start?: number; end?: number } | undefined {
  if (!body || body.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const record = parsed as Record<string, unknown>;
  const start = bindTime(record.start_time);
  const end = bindTime(record.end_time);
  if (start === false || end === false) return undefined;
  return { start, end };
}

/** A time.Time pointer's JSON: null/absent → unset; an RFC 3339 string → ms; anything else fails the bind. */
function bindTime(value: unknown): number | undefined | false {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return false;
  return parseRfc3339(value) ?? false;
}

function invalid(message: string, details?: Record<string, unknown>): ParsedForceRun {
  return { ok: false, error: validationError(message, details) };
}

/** time.RFC3339, as the details format times. */
function seconds(ms: number): string {
  return rfc3339(Math.floor(ms / 1000) * 1000);
}

/** Go's Duration.String() for durations of at least a second: "8784h0m0s", "8760h0m0.5s". */
export function goDuration(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const secondsText = String(((ms % 60_000) / 1000).toFixed(3)).replace(/\.?0+$/, '');
  return `${hours}h${minutes}m${secondsText}s`;
}
