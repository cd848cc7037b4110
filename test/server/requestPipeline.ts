import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENVIRONMENT_DENIED_BODY, UNAUTHORIZED_BODY, routeNotFound } from './errors';
import { answerWithFault } from './faultResponses';
import type { FaultSwitches } from './faults';
import type { EnvironmentRecord, IdentityContext } from './handlers/identity';
import { isDiscoveryPath } from './identity';
import type { LifecycleSimulator } from './lifecycleSimulator';
import type { RequestLog } from './requestLog';
import { carriesBody, readBody } from './requestBody';
import { sendJson } from './respond';
import { decodeSegments, routeApi, routeFiles, routeIdentity } from './routes';
import type { ServerContext } from './serverContext';

/** One environment as the pipeline serves it: the key that picks it, its tasks and its simulator. */
export interface EnvironmentParts {
  record: EnvironmentRecord;
  apiKey: string;
  context: ServerContext;
  simulator: LifecycleSimulator | undefined;
}

export interface PipelineParts {
  /** At least one; a request's key picks among them. */
  environments: readonly EnvironmentParts[];
  identity: IdentityContext;
  /** When set, requests outside the discovery routes must send X-Environment-ID equal to it (else 403). */
  requiredEnvironmentId: string | undefined;
  /** False: an older server, without `/environments` and `/users/me` (404 route not found). */
  identityRoutes: () => boolean;
  faults: FaultSwitches;
  requests: RequestLog;
  clock: () => number;
  /** Resolves after `ms`, or never if the server closes first. */
  delay: (ms: number) => Promise<void>;
}

/** One request, in the order a real deployment sees it: proxy faults, auth, environment, then the route. */
export async function handleRequest(parts: PipelineParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { requests } = parts;
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  requests.record({
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    headers: lowerCaseHeaders(req),
    at: parts.clock(),
  });

  if (path.startsWith('/files/')) {
    const segments = decodeSegments(path, '/files');
    if (!segments) return sendJson(res, 404, routeNotFound(path));
    // Links need no key: the environment is the one that issued the token.
    const issuer = parts.environments.find(({ context }) => context.links.has(segments[0] ?? '')) ?? parts.environments[0];
    return routeFiles(issuer.context, method, segments, rawQuery(req.url), path, res);
  }
  if (path !== '/v1' && !path.startsWith('/v1/')) return sendJson(res, 404, routeNotFound(path));

  const fault = parts.faults.take(path);
  if (fault?.latencyMs) await parts.delay(fault.latencyMs);
  if (fault && answerWithFault(fault, req, res, path)) return;

  const key = req.headers['x-api-key'];
  const environment = parts.environments.find(({ apiKey }) => apiKey === key);
  if (!environment) return sendJson(res, 401, UNAUTHORIZED_BODY);
  const discovery = isDiscoveryPath(path);
  if (!discovery && parts.requiredEnvironmentId !== undefined && req.headers['x-environment-id'] !== parts.requiredEnvironmentId) {
    return sendJson(res, 403, ENVIRONMENT_DENIED_BODY);
  }

  // The server's state at this moment: everything planned up to now has happened.
  const { context, simulator } = environment;
  const now = context.clock();
  if (simulator?.running) simulator.tick(now);
  else context.store.advanceTo(now);

  const segments = decodeSegments(path, '/v1');
  if (!segments) return sendJson(res, 404, routeNotFound(path));
  if (discovery && parts.identityRoutes() && routeIdentity(parts.identity, environment.record, method, segments, url.searchParams, res)) return;
  const body = carriesBody(method) ? (await readBody(req)).body : undefined;
  routeApi(context, method, segments, url.searchParams, path, res, body);
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
