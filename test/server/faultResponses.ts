import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENVIRONMENT_DENIED_BODY, PERMISSION_DENIED_BODY, flatError, legacyError, nginxHtml, routeNotFound } from './errors';
import type { FaultSpec } from './faults';
import { sendEmpty, sendJson, sendText } from './respond';

const HTML = 'text/html';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Answers the request the way the fault says. Returns false when the fault does not decide
 * the answer (latency only), so normal handling goes on.
 */
export function answerWithFault(fault: FaultSpec, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (fault.dropConnection) {
    req.socket.destroy();
    return true;
  }
  if (fault.hang) return true;
  if (fault.redirectTo) {
    sendEmpty(res, 302, { Location: new URL(req.url ?? '/', fault.redirectTo).toString() });
    return true;
  }
  if (fault.rateLimit) {
    const headers: Record<string, string> = fault.rateLimit.retryAfter ? { 'Retry-After': fault.rateLimit.retryAfter } : {};
    sendJson(res, 429, flatError(429, 'too_many_requests', 'Too many requests'), headers);
    return true;
  }
  if (fault.serverError) {
    answerServerError(fault.serverError, res);
    return true;
  }
  if (fault.html) {
    sendText(res, fault.html.status, nginxHtml(fault.html.status), HTML);
    return true;
  }
  if (fault.forbidden) {
    sendJson(res, 403, fault.forbidden === 'environment' ? ENVIRONMENT_DENIED_BODY : PERMISSION_DENIED_BODY);
    return true;
  }
  if (fault.routeMissing) {
    sendJson(res, 404, routeNotFound(path));
    return true;
  }
  if (fault.malformedJson) {
    sendText(res, 200, '{"items":[{"id":"task_01JQ7B2C3D4E5F6G7H8J9K0M1N","task_type":"IMP', JSON_TYPE);
    return true;
  }
  if (fault.wrongShape) {
    sendJson(res, 200, { data: [] });
    return true;
  }
  return false;
}

function answerServerError(spec: NonNullable<FaultSpec['serverError']>, res: ServerResponse): void {
  const headers: Record<string, string> = spec.retryAfter ? { 'Retry-After': spec.retryAfter } : {};
  const status = spec.status;
  switch (spec.body ?? 'flat') {
    case 'flat': {
      const code = status === 503 ? 'service_unavailable' : 'internal_error';
      sendJson(res, status, flatError(status, code, status === 503 ? 'Service unavailable' : 'Internal server error'), headers);
      return;
    }
    case 'legacy':
      sendJson(res, status, legacyError('An unexpected error occurred', 'pq: could not serialize access due to concurrent update'), headers);
      return;
    case 'html':
      sendText(res, status, nginxHtml(status), HTML, headers);
      return;
    case 'empty':
      sendEmpty(res, status, headers);
      return;
  }
}
