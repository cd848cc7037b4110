import type * as z from 'zod/mini';
import { FlexpriceApiError } from './apiError';
import { describeIssue } from './schemaIssue';

const PREFIX = 'Unexpected response from Flexprice';

/**
 * Turns the text of a successful response into checked data, or an `invalid_response` error that
 * says what was wrong (HTML page, malformed JSON, empty body, or the first problem with the shape).
 */
export function parseResponseBody<T extends z.ZodMiniType>(body: string, schema: T, requestPath: string): z.output<T> {
  const fail = (problem: string) => new FlexpriceApiError('invalid_response', `${PREFIX}: ${problem}`, { requestPath });
  const trimmed = body.trim();
  if (!trimmed) throw fail('the body is empty');
  if (trimmed.startsWith('<')) throw fail('an HTML page instead of JSON (is the API URL right?)');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    throw fail('the body is not valid JSON');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw fail(describeIssue(result.error.issues[0], 'the body'));
  return result.data;
}
