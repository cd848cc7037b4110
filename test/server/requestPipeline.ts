import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENVIRONMENT_DENIED_BODY, UNAUTHORIZED_BODY, routeNotFound } from './errors';
import { answerWithFault } from './faultResponses';
import type { FaultSwitches } from './faults';
import type { LifecycleSimulator } from './lifecycleSimulator';
import type { RequestLog } from './requestLog';
import { sendJson } from './respond';
import { decodeSegments, routeApi, routeFiles } from './routes';
import type { ServerContext } from './serverContext';

export interface PipelineParts {
  context: ServerContext;
  apiKey: string;
  environmentId: string | undefined;
  faults: FaultSwitches;
  requests: RequestLog;
  simulator: LifecycleSimulator | undefined;
  /** Resolves after `ms`, or never if the server closes first. */
  delay: (ms: number) => Promise<void>;
}

/** One request, in the order a real deployment sees it: proxy faults, auth, environment, then the route. */
export async function handleRequest(parts: PipelineParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { context, requests } = parts;
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  requests.record({
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    headers: lowerCaseHeaders(req),
    at: context.clock(),
  });

  if (path.startsWith('/files/')) {
    const segments = decodeSegments(path, '/files');
    return segments ? routeFiles(context, method, segments, rawQuery(req.url), path, res) : sendJson(res, 404, routeNotFound(path));
  }
  if (path !== '/v1' && !path.startsWith('/v1/')) return sendJson(res, 404, routeNotFound(path));

  const fault = parts.faults.take(path);
  if (fault?.latencyMs) await parts.delay(fault.latencyMs);
  if (fault && answerWithFault(fault, req, res)) return;

  if (req.headers['x-api-key'] !== parts.apiKey) return sendJson(res, 401, UNAUTHORIZED_BODY);
  if (parts.environmentId !== undefined && req.headers['x-environment-id'] !== parts.environmentId) {
    return sendJson(res, 403, ENVIRONMENT_DENIED_BODY);
  }

  // The server's state at this moment: everything planned up to now has happened.
  const now = context.clock();
  if (parts.simulator?.running) parts.simulator.tick(now);
  else context.store.advanceTo(now);

  const segments = decodeSegments(path, '/v1');
  if (!segments) return sendJson(res, 404, routeNotFound(path));
  routeApi(context, method, segments, url.searchParams, path, res);
}

/** The query exactly as the client sent it: the URL parser may re-encode, so it is cut from the raw target. */
function rawQuery(target: string | undefined): string {
  const at = (target ?? '').indexOf('?');
  return at < 0 ? '' : (target ?? '').slice(at).replace(/#.*$/, '');
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
