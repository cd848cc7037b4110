/** Error bodies in every shape real Flexprice deployments (and what sits in front of them) send. */

export interface FlexErrorBody {
  code: string;
  message: string;
  http_status_code: number;
  details?: Record<string, unknown>;
}

/** The current backend's flat body. */
export function flatError(status: number, code: string, message: string, details?: Record<string, unknown>): FlexErrorBody {
  return details ? { code, message, http_status_code: status, details } : { code, message, http_status_code: status };
}

/** Older servers wrap the error. */
export function legacyError(message: string, internalError: string): object {
  return { success: false, error: { message, internal_error: internalError, details: {} } };
}

export const UNAUTHORIZED_BODY = { error: 'Unauthorized' };
export const ENVIRONMENT_DENIED_BODY = { error: 'Access denied', message: 'Invalid or inaccessible environment' };
export const PERMISSION_DENIED_BODY = { message: 'insufficient permissions' };

export function taskNotFound(id: string): FlexErrorBody {
  return flatError(404, 'not_found', 'Task not found', { task_id: id });
}

/** The repository's hint, which the error handler shows; the backend adds no details. */
export function scheduleNotFound(): FlexErrorBody {
  return flatError(404, 'not_found', 'Scheduled task with given ID not found');
}

export function routeNotFound(path: string): FlexErrorBody {
  return flatError(404, 'not_found', 'Route not found', { path });
}

export function validationError(message: string, details?: Record<string, unknown>): FlexErrorBody {
  return flatError(400, 'validation_error', message, details);
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** What nginx (or a captive portal, for 200) answers when the API is not what is behind it. */
export function nginxHtml(status: number): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n`;
}

/** S3 answers expired or unknown presigned links with 403 and an XML body. */
/** What S3 answers when a presigned link's query was changed on the way (re-encoded, for example). */
export function s3SignatureMismatch(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><RequestId>4442587FB7D0A2FA</RequestId></Error>`;
}

export function s3AccessDenied(message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`;
}
