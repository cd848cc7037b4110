import { isFlexpriceApiError } from '../api/apiError';

/** Whether the fix for this error is another key (refused or not allowed here). */
export function isKeyError(error: unknown): boolean {
  return isFlexpriceApiError(error) && (error.kind === 'unauthorized' || error.kind === 'forbidden');
}

/** The error node's one line: what went wrong, in the user's terms. */
export function treeErrorText(error: unknown, apiUrl: string): string {
  if (!isFlexpriceApiError(error)) return error instanceof Error ? error.message : String(error);
  switch (error.kind) {
    case 'unauthorized':
      return 'Flexprice refused the API key.';
    case 'forbidden':
      return `Access denied: ${error.message}`;
    case 'unreachable':
    case 'timed_out':
      return `Cannot reach Flexprice at ${apiUrl}.`;
    case 'http_refused':
      return `Not sent: plain HTTP to ${apiUrl} was declined. Refresh to be asked again.`;
    case 'rate_limited':
      return 'Flexprice asked to slow down; retrying later.';
    default:
      return error.message;
  }
}
