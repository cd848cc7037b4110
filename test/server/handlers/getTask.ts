import type { ServerResponse } from 'node:http';
import { taskNotFound } from '../errors';
import { sendJson } from '../respond';
import type { ServerContext } from '../serverContext';
import { toWire } from '../taskRecord';

/** GET /v1/tasks/{id} */
export function getTask(context: ServerContext, id: string, res: ServerResponse): void {
  const task = context.store.get(id);
  if (!task) sendJson(res, 404, taskNotFound(id));
  else sendJson(res, 200, toWire(task));
}
