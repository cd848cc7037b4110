import { isAxiosError, isCancel } from 'axios';
import { formatSize } from '../format/size';
import { FlexpriceApiError, isFlexpriceApiError } from './apiError';

/** Why a request got no usable answer, by Node / axios error code. */
const UNREACHABLE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name could not be found',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNRESET: 'the connection was dropped',
  EPIPE: 'the connection was dropped',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ERR_STREAM_PREMATURE_CLOSE: 'the connection was dropped',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
};

export interface TransportContext {
  readonly requestPath: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly source?: string;
}

/**
 * Turns a failure to get any response (network, timeout, abort, size limit) into a
 * FlexpriceApiError. Only the error code is read: the axios error itself carries the headers.
 */
export function errorFromTransport(error: unknown, context: TransportContext): FlexpriceApiError {
  if (isFlexpriceApiError(error)) return error;
  const { requestPath, source = 'Flexprice' } = context;
  const fail = (kind: FlexpriceApiError['kind'], message: string) => new FlexpriceApiError(kind, message, { requestPath });
  if (isCancel(error) || codeOf(error) === 'ERR_CANCELED' || nameOf(error) === 'AbortError') {
    return fail('cancelled', 'The request was cancelled.');
  }
  const code = codeOf(error);
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return fail('timed_out', `${source} did not answer within ${formatSeconds(context.timeoutMs)}.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/maxContentLength/.test(message)) {
    return fail('invalid_response', `The response from ${source} is larger than ${formatSize(context.maxBytes)}.`);
  }
  if (code === 'ERR_FR_TOO_MANY_REDIRECTS') return fail('invalid_response', `${source} redirected too many times.`);
  const reason =
    (code && UNREACHABLE_REASONS[code]) ??
    (/socket hang up|aborted/i.test(message) ? 'the connection was dropped' : undefined);
  if (reason) return fail('unreachable', `Could not reach ${source}: ${reason}${code ? ` (${code})` : ''}.`);
  return fail('unreachable', `Could not reach ${source}: ${message.slice(0, 200)}`);
}

function codeOf(error: unknown): string | undefined {
  const withCode = (value: unknown) => (value as { code?: unknown } | null | undefined)?.code;
  const code = isAxiosError(error) ? (error.code ?? withCode(error.cause)) : withCode(error);
  return typeof code === 'string' ? code : undefined;
}

function nameOf(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
