/** What an error response says, whatever shape it came in. */
export interface ErrorBody {
  /** The server's error code, e.g. `not_found` (flat shape only). */
  readonly code?: string;
  /** A short, single-line, printable message. */
  readonly message?: string;
}

export const MAX_SERVER_MESSAGE_LENGTH = 500;
const MAX_TITLE_LENGTH = 200;

/**
 * Reads the error bodies real servers and proxies send (CONTRACT.md, "Errors"):
 * flat `{code,message,...}`, older `{success:false,error:{message,internal_error}}`,
 * the auth layer's `{error:"..."}` / `{error:"Access denied",message:"..."}`, `{message}`,
 * and HTML or empty pages from proxies, of which only the `<title>` is kept.
 */
export function readErrorBody(body: string): ErrorBody {
  const trimmed = body.trim();
  if (!trimmed) return {};
  if (trimmed.startsWith('{')) return readJsonBody(trimmed);
  if (trimmed.startsWith('<')) return { message: readMarkupMessage(trimmed) };
  return { message: clean(trimmed, MAX_SERVER_MESSAGE_LENGTH) };
}

function readJsonBody(body: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (!isRecord(parsed)) return {};
  const code = stringField(parsed, 'code');
  const message = stringField(parsed, 'message');
  const error = parsed.error;
  if (isRecord(error)) {
    // Older servers: the readable text is in error.message, internal detail in error.internal_error.
    return { code, message: cleanOptional(stringField(error, 'message') ?? stringField(error, 'internal_error')) };
  }
  if (typeof error === 'string' && error.trim()) {
    return { code, message: cleanOptional(message ? `${error}: ${message}` : error) };
  }
  return { code, message: cleanOptional(message) };
}

/** HTML pages give their `<title>`; XML errors (S3 links) their `<Message>`. Nothing else is kept. */
function readMarkupMessage(body: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body) ?? /<Message>([\s\S]*?)<\/Message>/.exec(body);
  return match ? cleanOptional(decodeBasicEntities(match[1].replace(/<[^>]*>/g, ' ')), MAX_TITLE_LENGTH) : undefined;
}

function decodeBasicEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function cleanOptional(text: string | undefined, maxLength = MAX_SERVER_MESSAGE_LENGTH): string | undefined {
  return text === undefined ? undefined : clean(text, maxLength) || undefined;
}

/** One line of printable text, cut with an ellipsis so a huge body cannot flood a notification. */
function clean(text: string, maxLength: number): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
