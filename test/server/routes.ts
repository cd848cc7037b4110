import type { ServerResponse } from 'node:http';
import { routeNotFound } from './errors';
import { downloadLink } from './handlers/downloadLink';
import { getTask } from './handlers/getTask';
import { currentUser, type EnvironmentRecord, type IdentityContext, listEnvironments } from './handlers/identity';
import { listTasks } from './handlers/listTasks';
import { runScheduledTask } from './handlers/runScheduledTask';
import { deleteScheduledTask, getScheduledTask, listScheduledTasks, updateScheduledTask } from './handlers/scheduledTasks';
import { serveExportFile } from './handlers/serveExportFile';
import { sendJson } from './respond';
import type { ServerContext } from './serverContext';

/**
 * The API routes after authentication. `segments` are decoded path segments after `/v1`.
 * Like the real router, `GET /tasks/result` falls into `/tasks/{id}` and answers 404, and
 * there is no `POST /tasks`; `/tasks/scheduled` is a static route, so it wins over `/tasks/{id}`.
 * `body` is the request's body for write methods.
 */
export function routeApi(context: ServerContext, method: string, segments: string[], params: URLSearchParams, path: string, res: ServerResponse, body?: Buffer): void {
  const isGet = method === 'GET';
  if (segments[0] === 'tasks' && segments[1] === 'scheduled' && routeScheduled(context, method, segments.slice(2), params, body, res)) return;
  if (isGet && segments.length === 1 && segments[0] === 'tasks') return listTasks(context, params, res);
  if (isGet && segments.length === 2 && segments[0] === 'tasks' && segments[1] !== '') return getTask(context, segments[1], res);
  if (isGet && segments.length === 3 && segments[0] === 'tasks' && segments[2] === 'download') return downloadLink(context, segments[1], res);
  sendJson(res, 404, routeNotFound(path));
}

/** `/tasks/scheduled…` with `rest` the segments after it; false when no such route (then 404). */
function routeScheduled(context: ServerContext, method: string, rest: string[], params: URLSearchParams, body: Buffer | undefined, res: ServerResponse): boolean {
  if (rest.length === 0) {
    if (method !== 'GET') return false;
    listScheduledTasks(context, params, res);
    return true;
  }
  const id = rest[0];
  if (id === '') return false;
  if (rest.length === 1) {
    if (method === 'GET') getScheduledTask(context, id, res);
    else if (method === 'PUT') updateScheduledTask(context, id, body, res);
    else if (method === 'DELETE') deleteScheduledTask(context, id, res);
    else return false;
    return true;
  }
  if (rest.length === 2 && rest[1] === 'run' && method === 'POST') {
    runScheduledTask(context, id, body, res);
    return true;
  }
  return false;
}

/**
 * `GET /environments` and `GET /users/me`, which a key reaches without X-Environment-ID.
 * Returns false for any other route, which then answers as routeApi says (404).
 */
export function routeIdentity(identity: IdentityContext, caller: EnvironmentRecord, method: string, segments: string[], params: URLSearchParams, res: ServerResponse): boolean {
  if (method !== 'GET') return false;
  if (segments.length === 1 && segments[0] === 'environments') {
    listEnvironments(identity, params, res);
    return true;
  }
  if (segments.length === 2 && segments[0] === 'users' && segments[1] === 'me') {
    currentUser(identity, caller, res);
    return true;
  }
  return false;
}

/** The presigned file links under `/files/{token}/{name}`; `rawQuery` as sent, with its `?`. */
export function routeFiles(context: ServerContext, method: string, segments: string[], rawQuery: string, path: string, res: ServerResponse): void {
  if ((method === 'GET' || method === 'HEAD') && segments.length === 2) {
    return serveExportFile(context, { token: segments[0], fileName: segments[1], rawQuery, headOnly: method === 'HEAD' }, res);
  }
  sendJson(res, 404, routeNotFound(path));
}

/** Splits an encoded path after `prefix` into decoded segments; undefined if a segment is not valid percent-encoding. */
export function decodeSegments(path: string, prefix: string): string[] | undefined {
  const rest = path.slice(prefix.length).replace(/^\//, '');
  if (rest === '') return [];
  try {
    return rest.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}
