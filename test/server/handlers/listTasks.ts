import type { ServerResponse } from 'node:http';
import { parseListQuery } from '../listQuery';
import { sendJson } from '../respond';
import type { ServerContext } from '../serverContext';
import { toWire } from '../taskRecord';

/** GET /v1/tasks */
export function listTasks(context: ServerContext, params: URLSearchParams, res: ServerResponse): void {
  const parsed = parseListQuery(params);
  if (!parsed.ok) {
    sendJson(res, 400, parsed.error);
    return;
  }
  const page = context.store.list(parsed.query);
  sendJson(res, 200, {
    items: page.items.map(toWire),
    pagination: { total: page.total, limit: parsed.query.limit, offset: parsed.query.offset ?? 0 },
  });
}
