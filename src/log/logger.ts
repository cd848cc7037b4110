/**
 * Where the extension writes what it does, for people diagnosing a problem. VS Code's
 * LogOutputChannel has this shape; the API client and the poller take it without importing
 * `vscode`. Callers pass finished lines: never a header value, the key or a presigned query.
 */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** For code built without a log (benchmarks, most unit tests). */
export const SILENT_LOGGER: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A URL as it may be logged: origin and path, never the query (a presigned link's signature). */
export function urlWithoutQuery(url: URL): string {
  return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
}
