import type { ServerResponse } from 'node:http';
import { s3AccessDenied, s3SignatureMismatch } from '../errors';
import { exportFile } from '../exportFiles';
import { sendText } from '../respond';
import type { ServerContext } from '../serverContext';

const XML = 'application/xml';

/**
 * GET /files/{token}/{name}?X-Amz-…: the presigned link itself. Needs no API key, like S3, but
 * its query must be the one issued, byte for byte: a re-encoded query fails its signature.
 */
export function serveExportFile(
  context: ServerContext,
  request: { token: string; fileName: string; rawQuery: string; headOnly: boolean },
  res: ServerResponse,
): void {
  const { token, fileName, rawQuery, headOnly } = request;
  const link = context.links.resolve(token, fileName, rawQuery);
  if (!link.ok) {
    const body = link.reason === 'signature' ? s3SignatureMismatch() : s3AccessDenied(link.reason === 'expired' ? 'Request has expired' : 'Access Denied');
    sendText(res, 403, body, XML);
    return;
  }
  const task = context.store.get(link.taskId);
  if (!task) {
    sendText(res, 404, s3AccessDenied('The specified key does not exist.').replace('AccessDenied', 'NoSuchKey'), XML);
    return;
  }
  const file = exportFile(task);
  const headers = { 'Content-Disposition': `attachment; filename="${file.name}"` };
  if (headOnly) {
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': String(file.body.length), ...headers });
    res.end();
    return;
  }
  sendText(res, 200, file.body, file.contentType, headers);
}
