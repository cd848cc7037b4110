import { validationError, type FlexErrorBody } from './errors';
import type { TaskQuery } from './taskStore';
import { parseRfc3339 } from './timestamps';

export type ParsedListQuery = { ok: true; query: TaskQuery } | { ok: false; error: FlexErrorBody };

const PASSTHROUGH = ['task_type', 'entity_type', 'task_status', 'created_by', 'scheduled_task_id', 'status'] as const;

/** Reads `GET /tasks` query parameters with the backend's validation (bad values → 400 validation_error). */
export function parseListQuery(params: URLSearchParams): ParsedListQuery {
  const query: TaskQuery = {};
  for (const name of PASSTHROUGH) {
    const value = params.get(name);
    if (value !== null && value !== '') query[name] = value;
  }
  for (const [name, target] of [['start_time', 'startMs'], ['end_time', 'endMs']] as const) {
    const value = params.get(name);
    if (value === null || value === '') continue;
    const ms = parseRfc3339(value);
    if (ms === undefined) return invalid(`invalid ${name}: must be RFC3339`, { [name]: value });
    query[target] = ms;
  }
  if (query.startMs !== undefined && query.endMs !== undefined && query.startMs > query.endMs) {
    return invalid('start_time must be before end_time');
  }
  for (const name of ['limit', 'offset'] as const) {
    const value = params.get(name);
    if (value === null || value === '') continue;
    if (!/^\d+$/.test(value)) return invalid(`invalid ${name}: must be a non-negative integer`, { [name]: value });
    query[name] = Number(value);
  }
  // As in the backend, limit 0 means "the default".
  if (!query.limit) query.limit = 50;
  const sort = params.get('sort');
  if (sort) {
    if (sort !== 'created_at' && sort !== 'updated_at') return invalid(`invalid sort field: ${sort}`, { sort });
    query.sort = sort;
  }
  const order = params.get('order');
  if (order) {
    if (order !== 'asc' && order !== 'desc') return invalid('order must be one of asc, desc', { order });
    query.order = order;
  }
  return { ok: true, query };
}

function invalid(message: string, details?: Record<string, unknown>): ParsedListQuery {
  return { ok: false, error: validationError(message, details) };
}
