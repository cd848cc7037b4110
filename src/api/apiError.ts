export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'bad_request'
  | 'rate_limited'
  | 'server_error'
  | 'unreachable'
  | 'timed_out'
  | 'invalid_response'
  | 'invalid_id'
  /** The user chose not to send the key over plain HTTP to this origin; nothing was sent. */
  | 'http_refused'
  | 'cancelled';

export interface ApiErrorDetails {
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** The server's own error code, e.g. `not_found`. */
  readonly code?: string;
  /** The server's message, cleaned and shortened. */
  readonly serverMessage?: string;
  /** From `Retry-After` on 429/503. */
  readonly retryAfterMs?: number;
  /** Path and query of the request; never headers, so never the key. */
  readonly requestPath?: string;
}

/**
 * Every failure of the Flexprice client. Holds plain values only: never the axios error, config or
 * request, whose headers carry the API key, so logging or serialising it cannot leak the key.
 */
export class FlexpriceApiError extends Error implements ApiErrorDetails {
  override readonly name = 'FlexpriceApiError';
  readonly status?: number;
  readonly code?: string;
  readonly serverMessage?: string;
  readonly retryAfterMs?: number;
  readonly requestPath?: string;

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    details: ApiErrorDetails = {},
  ) {
    super(message);
    this.status = details.status;
    this.code = details.code;
    this.serverMessage = details.serverMessage;
    this.retryAfterMs = details.retryAfterMs;
    this.requestPath = details.requestPath;
  }

  toJSON(): Record<string, unknown> {
    const { name, kind, message, status, code, serverMessage, retryAfterMs, requestPath } = this;
    return { name, kind, message, status, code, serverMessage, retryAfterMs, requestPath };
  }

  /** The same error with every occurrence of `secret` masked, for text that came from a server. */
  withoutSecret(secret: string): FlexpriceApiError {
    const fields = [this.message, this.code, this.serverMessage, this.requestPath];
    if (!secret || !fields.some((field) => field?.includes(secret))) return this;
    const mask = (value: string | undefined) => value?.split(secret).join('***');
    return new FlexpriceApiError(this.kind, mask(this.message) ?? '', {
      status: this.status,
      code: mask(this.code),
      serverMessage: mask(this.serverMessage),
      retryAfterMs: this.retryAfterMs,
      requestPath: mask(this.requestPath),
    });
  }
}

/** Also recognises errors from another bundle of this module, where `instanceof` fails. */
export function isFlexpriceApiError(error: unknown): error is FlexpriceApiError {
  return (
    error instanceof FlexpriceApiError ||
    (error instanceof Error && error.name === 'FlexpriceApiError' && typeof (error as { kind?: unknown }).kind === 'string')
  );
}
