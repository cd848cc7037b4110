import { FlexpriceApiError } from './apiError';

export interface TaskListFilter {
  taskType?: string;
  entityType?: string;
  taskStatus?: string;
  createdBy?: string;
  /** The runs of one scheduled export. */
  scheduledTaskId?: string;
  /** Lower bound of `created_at`, inclusive. Dates are sent as RFC 3339. */
  startTime?: string | Date;
  /** Upper bound of `created_at`, inclusive. */
  endTime?: string | Date;
  limit?: number;
  offset?: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** The `GET /tasks` query for a filter, in the server's parameter names; unset values are left out. */
export function taskListQuery(filter: TaskListFilter): URLSearchParams {
  const entries: [string, string | number | Date | undefined][] = [
    ['task_type', filter.taskType],
    ['entity_type', filter.entityType],
    ['task_status', filter.taskStatus],
    ['created_by', filter.createdBy],
    ['scheduled_task_id', filter.scheduledTaskId],
    ['start_time', filter.startTime],
    ['end_time', filter.endTime],
    ['limit', filter.limit],
    ['offset', filter.offset],
    ['sort', filter.sort],
    ['order', filter.order],
  ];
  const query = new URLSearchParams();
  for (const [name, value] of entries) {
    if (value === undefined || value === '') continue;
    query.set(name, formatValue(name, value));
  }
  return query;
}

function formatValue(name: string, value: string | number | Date): string {
  const invalid = value instanceof Date ? Number.isNaN(value.getTime()) : typeof value === 'number' && !(value >= 0);
  if (invalid) throw new FlexpriceApiError('bad_request', `The task list filter ${name} is not valid: ${String(value)}.`);
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'number' ? String(Math.trunc(value)) : value;
}
