import type { Readable } from 'node:stream';
import axios from 'axios';
import { type Logger, SILENT_LOGGER, urlWithoutQuery } from '../log/logger';
import { FlexpriceApiError } from './apiError';
import { errorFromStatus } from './statusError';
import { formatSize } from '../format/size';
import { errorFromTransport } from './transportError';

export interface DownloadOptions {
  /** Larger files are refused, before or while they stream in. */
  maxBytes: number;
  signal?: AbortSignal;
  timeoutMs?: number;
}

const SOURCE = 'The download server';
/** Enough of an error page to read its message. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Fetches a (presigned) download link. It is sent to storage, not to Flexprice, so it carries
 * no API key or environment header. The bytes are kept as stored: a `.csv.gz` stays gzipped.
 */
export async function downloadFile(
  url: string,
  options: DownloadOptions,
  defaults: { timeoutMs: number; userAgent: string; log?: Logger },
): Promise<Buffer> {
  const target = parseDownloadUrl(url);
  const log = defaults.log ?? SILENT_LOGGER;
  const shown = urlWithoutQuery(target);
  const started = Date.now();
  // The query of a presigned link is its signature: keep it out of errors.
  const context = { requestPath: target.pathname, timeoutMs: options.timeoutMs ?? defaults.timeoutMs, maxBytes: options.maxBytes, source: SOURCE };
  try {
    const response = await axios.get<Readable>(target.href, {
      responseType: 'stream',
      decompress: false,
      timeout: context.timeoutMs,
      signal: options.signal,
      validateStatus: () => true,
      headers: { 'User-Agent': defaults.userAgent },
    });
    const { status, headers, data } = response;
    if (status < 200 || status >= 300) {
      const body = (await readAtMost(data, MAX_ERROR_BODY_BYTES, true)).toString('utf8');
      throw errorFromStatus({ status, body, retryAfter: headers['retry-after'], requestPath: context.requestPath, source: SOURCE });
    }
    const declared = Number(headers['content-length']);
    if (declared > options.maxBytes) {
      data.destroy();
      throw tooLarge(options.maxBytes, declared, context.requestPath);
    }
    const bytes = await readAtMost(data, options.maxBytes, false, context.requestPath);
    log.info(`GET ${shown} → ${status} (${Date.now() - started} ms, ${formatSize(bytes.length)})`);
    return bytes;
  } catch (error) {
    const failure = errorFromTransport(error, context);
    if (failure.kind !== 'cancelled') log.warn(`GET ${shown} failed after ${Date.now() - started} ms: ${failure.kind}: ${failure.message}`);
    throw failure;
  }
}

function parseDownloadUrl(url: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:') {
    throw new FlexpriceApiError('bad_request', 'Only http:// and https:// download links can be fetched; s3:// file URLs need a download link from Flexprice first.');
  }
  return parsed;
}

/**
 * Collects a stream up to `limit` bytes. Past the limit it either stops quietly (`truncate`, for
 * error pages) or refuses; either way the stream is destroyed at once, not read to the end.
 */
async function readAtMost(stream: Readable, limit: number, truncate: boolean, requestPath?: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += buffer.length;
    if (total > limit) {
      stream.destroy();
      if (truncate) return Buffer.concat([...chunks, buffer]).subarray(0, limit);
      throw tooLarge(limit, undefined, requestPath);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number, size: number | undefined, requestPath: string | undefined): FlexpriceApiError {
  const actual = size === undefined ? '' : ` (it is ${formatSize(size)})`;
  return new FlexpriceApiError('bad_request', `The file is larger than the ${formatSize(limit)} limit${actual}.`, { requestPath });
}
