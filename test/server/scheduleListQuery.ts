import { type FlexErrorBody, validationError } from './errors';
import type { ScheduleQuery } from './scheduleStore';

export type ParsedScheduleQuery = { ok: true; query: ScheduleQuery; limit: number; offset: number } | { ok: false; error: FlexErrorBody };

/**
 * `GET /tasks/scheduled` parameters as the backend binds them: limit and offset must be
 * integers (any sign: nothing validates their range, and only positive values page), `enabled`
 * filters only when exactly "true" or "false", the other filters are exact strings. The
 * `limit` echoed is 0 when none was sent (types.QueryFilter's "unlimited").
 */
export function parseScheduleQuery(params: URLSearchParams): ParsedScheduleQuery {
  const query: ScheduleQuery = {};
  for (const name of ['connection_id', 'entity_type', 'interval'] as const) {
    const value = params.get(name);
    if (value !== null && value !== '') query[name] = value;
  }
  const enabled = params.get('enabled');
  if (enabled === 'true' || enabled === 'false') query.enabled = enabled === 'true';
  const numbers: Record<'limit' | 'offset', number> = { limit: 0, offset: 0 };
  for (const name of ['limit', 'offset'] as const) {
    const value = params.get(name);
    if (value === null || value === '') continue;
    if (!/^[+-]?\d+$/.test(value)) return { ok: false, error: validationError('Invalid filter parameters') };
    numbers[name] = Number(value);
    query[name] = numbers[name];
  }
  return { ok: true, query, limit: numbers.limit, offset: numbers.offset };
}
