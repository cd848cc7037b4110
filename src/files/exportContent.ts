import { gunzipSync } from 'node:zlib';
import { isGzip } from './fileLocation';

/**
 * The text of a downloaded export: gzip is unpacked (bounded, so a small `.csv.gz` cannot
 * expand past the limit), anything else is read as UTF-8.
 */
export function decodeExport(bytes: Buffer, maxBytes: number): string {
  if (!isGzip(bytes)) return bytes.toString('utf8');
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes }).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new Error(`The export is larger than ${formatLimit(maxBytes)} once unpacked; use "Open File" to download it instead.`);
    }
    throw new Error(`The export could not be un-gzipped: ${(error as Error).message}`);
  }
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
