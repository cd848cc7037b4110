import { STATUS_CODES } from 'node:http';
import { type ApiErrorKind, FlexpriceApiError } from './apiError';
import { readErrorBody } from './errorBody';
import { parseRetryAfter } from './retryAfter';

export interface FailedResponse {
  readonly status: number;
  readonly body: string;
  readonly retryAfter?: unknown;
  readonly requestPath: string;
  /** Who answered, for the message: the API, or the storage behind a download link. */
  readonly source?: string;
}

/** Turns a non-2xx response into a FlexpriceApiError with a message a user can act on. */
export function errorFromStatus(response: FailedResponse): FlexpriceApiError {
  const { status, requestPath, source = 'Flexprice' } = response;
  const { code, message } = readErrorBody(response.body);
  const kind = kindOfStatus(status);
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.retryAfter) : undefined;
  const detail = message ?? STATUS_CODES[status] ?? 'no details';
  const text = `${headline(kind, source)} (${status}): ${detail}${hint(kind, message, retryAfterMs)}`;
  return new FlexpriceApiError(kind, text, { status, code, serverMessage: message, retryAfterMs, requestPath });
}

function kindOfStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'bad_request';
  // A redirect that could not be followed, or any other status a JSON API does not send.
  return 'invalid_response';
}

function headline(kind: ApiErrorKind, source: string): string {
  switch (kind) {
    case 'unauthorized':
      return `${source} rejected the API key`;
    case 'forbidden':
      return `${source} denied access`;
    case 'not_found':
      return `${source} found nothing there`;
    case 'rate_limited':
      return `${source} is limiting requests`;
    case 'server_error':
      return `${source} had a server error`;
    case 'bad_request':
      return `${source} refused the request`;
    default:
      return `Unexpected response from ${source}`;
  }
}

function hint(kind: ApiErrorKind, message: string | undefined, retryAfterMs: number | undefined): string {
  if (retryAfterMs !== undefined) return `. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`;
  if (kind === 'forbidden' && /environment/i.test(message ?? '')) {
    return '. Check the Environment ID setting (flexprice.environmentId): self-hosted servers need it for keys from their config file.';
  }
  return '';
}
