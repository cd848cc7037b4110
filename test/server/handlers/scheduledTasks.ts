import type { ServerResponse } from 'node:http';
import { scheduleNotFound, validationError } from '../errors';
import { sendJson } from '../respond';
import { scheduleToWire } from '../scheduleRecord';
import { parseScheduleQuery } from '../scheduleListQuery';
import type { ServerContext } from '../serverContext';

/** GET /v1/tasks/scheduled: deleted rows included, no order, `total` = the page's length. */
export function listScheduledTasks(context: ServerContext, params: URLSearchParams, res: ServerResponse): void {
  const parsed = parseScheduleQuery(params);
  if (!parsed.ok) return sendJson(res, 400, parsed.error);
  const items = context.schedules.list(parsed.query).map(scheduleToWire);
  sendJson(res, 200, { items, pagination: { total: items.length, limit: parsed.limit, offset: parsed.offset } });
}

/** GET /v1/tasks/scheduled/{id} */
export function getScheduledTask(context: ServerContext, id: string, res: ServerResponse): void {
  const schedule = context.schedules.get(id);
  if (!schedule) sendJson(res, 404, scheduleNotFound());
  else sendJson(res, 200, scheduleToWire(schedule));
}

/**
 * PUT /v1/tasks/scheduled/{id} with `{"enabled":bool}`: every other field is ignored. A body
 * that does not bind is 400 before the id is looked up; so is a missing `enabled`. Like the
 * backend (which only refuses "archived", a status it never sets), a deleted row can be changed.
 */
export function updateScheduledTask(context: ServerContext, id: string, body: Buffer | undefined, res: ServerResponse): void {
  const enabled = bindEnabled(body);
  if (enabled === 'unbound') return sendJson(res, 400, validationError('Invalid request format'));
  if (enabled === undefined) return sendJson(res, 400, validationError('Please provide enabled field (true or false)'));
  const schedule = context.schedules.setEnabled(id, enabled);
  if (!schedule) sendJson(res, 404, scheduleNotFound());
  else sendJson(res, 200, scheduleToWire(schedule));
}

/** DELETE /v1/tasks/scheduled/{id}: a soft delete answered 200 with a body (not the documented 204), again on a deleted row. */
export function deleteScheduledTask(context: ServerContext, id: string, res: ServerResponse): void {
  if (!context.schedules.markDeleted(id)) return sendJson(res, 404, scheduleNotFound());
  // gin.H is a Go map: its keys go out sorted.
  sendJson(res, 200, { id, message: 'Scheduled task archived successfully', status: 'archived' });
}

/** `{"enabled": …}` as encoding/json binds it into *bool: 'unbound' when the body is not a JSON object with a boolean or null there. */
function bindEnabled(body: Buffer | undefined): boolean | undefined | 'unbound' {
  if (!body || body.length === 0) return 'unbound';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return 'unbound';
  }
  if (parsed === null) return undefined;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return 'unbound';
  const value = (parsed as Record<string, unknown>).enabled;
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? value : 'unbound';
}
