import type { LocalFlexpriceServer } from '../../server/flexpriceServer';
import type { ServerTask } from '../../server/taskRecord';

/** What the local server answers, as the tests read it: a task, a list, a download link or an error body. */
export type AnswerBody = Partial<ServerTask> & {
  items?: ServerTask[];
  download_url?: string;
  code?: string;
  http_status_code?: number;
  message?: string;
  success?: boolean;
  error?: { message?: string };
};

export interface CallOptions {
  /** API key to send; defaults to the server's, null sends none. */
  key?: string | null;
  headers?: Record<string, string>;
  method?: string;
  redirect?: RequestRedirect;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  body: Buffer;
  json<T = AnswerBody>(): T;
}

/** A real HTTP request to the local server (`path` starts at the origin, e.g. `/v1/tasks`). */
export async function call(server: LocalFlexpriceServer, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? server.apiKey : options.key;
  if (key !== null) headers['x-api-key'] = key;
  const response = await fetch(server.origin + path, { method: options.method ?? 'GET', headers, redirect: options.redirect });
  const body = Buffer.from(await response.arrayBuffer());
  const text = body.toString('utf8');
  return { status: response.status, headers: response.headers, text, body, json: () => JSON.parse(text) };
}

/** Waits (bounded) until the server has logged `count` requests to `path`. */
export async function untilLogged(server: LocalFlexpriceServer, path: string, count = 1): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (server.requests.count({ path }) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`request to ${path} never arrived`);
}

/** A settable fake clock. */
export function fakeClock(startIso = '2026-01-10T12:00:00Z') {
  let now = Date.parse(startIso);
  return {
    now: () => now,
    set: (ms: number) => {
      now = ms;
    },
    advance: (ms: number) => {
      now += ms;
      return now;
    },
  };
}
