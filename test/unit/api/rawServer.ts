import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** The raw request target, exactly as sent: path and query, still percent-encoded. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
}

/** What to answer: a response, a dropped connection, or nothing at all. */
export type RawReply =
  | { status: number; headers?: Record<string, string | number>; body?: string | Buffer }
  | { destroy: 'before-headers' | 'mid-body'; status?: number; body?: string }
  | { hang: true }
  /** A body of `chunks` chunks of `chunkBytes` bytes, written as fast as the client reads. */
  | { stream: { chunks: number; chunkBytes: number; contentLength?: number } };

export type RawHandler = (request: RecordedRequest) => RawReply;

export interface RawServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** For each streamed reply, once its connection ended: how many chunks were written. */
  readonly streamedChunks: number[];
  /** Replaces how the server answers from now on. */
  reply(handler: RawHandler | RawReply): void;
  close(): Promise<void>;
}

/**
 * A tiny HTTP server on 127.0.0.1 that answers exactly as told, including broken answers,
 * and records every request with its headers.
 */
export async function startRawServer(initial: RawHandler | RawReply = { status: 200, body: '{}' }): Promise<RawServer> {
  let handler = toHandler(initial);
  const requests: RecordedRequest[] = [];
  const streamedChunks: number[] = [];
  const server = http.createServer((req, res) => {
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    requests.push(recorded);
    req.resume();
    answer(handler(recorded), req, res, streamedChunks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    streamedChunks,
    reply: (next) => {
      handler = toHandler(next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function toHandler(reply: RawHandler | RawReply): RawHandler {
  return typeof reply === 'function' ? reply : () => reply;
}

function answer(reply: RawReply, req: http.IncomingMessage, res: http.ServerResponse, streamedChunks: number[]): void {
  if ('hang' in reply) return;
  if ('stream' in reply) {
    streamBody(reply.stream, res, streamedChunks);
    return;
  }
  if ('destroy' in reply) {
    if (reply.destroy === 'before-headers') {
      req.socket.destroy();
      return;
    }
    // Promise more than is sent, then cut the connection.
    const body = reply.body ?? '{"id":"task_1",';
    res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json', 'Content-Length': body.length * 4 });
    res.write(body, () => setImmediate(() => req.socket.destroy()));
    return;
  }
  res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
  res.end(reply.body ?? '');
}

function streamBody(plan: { chunks: number; chunkBytes: number; contentLength?: number }, res: http.ServerResponse, log: number[]): void {
  const headers: Record<string, string | number> = { 'Content-Type': 'application/octet-stream' };
  if (plan.contentLength !== undefined) headers['Content-Length'] = plan.contentLength;
  res.writeHead(200, headers);
  const chunk = Buffer.alloc(plan.chunkBytes, 0x61);
  let written = 0;
  res.on('close', () => log.push(written));
  const writeMore = (): void => {
    while (written < plan.chunks && !res.destroyed) {
      written++;
      if (!res.write(chunk)) {
        res.once('drain', writeMore);
        return;
      }
    }
    if (written >= plan.chunks) res.end();
  };
  writeMore();
}

/** A JSON reply. */
export function json(status: number, body: unknown, headers: Record<string, string | number> = {}): RawReply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** A port that was just free: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
