import type { ServerResponse } from 'node:http';
import { s3AccessDenied } from '../errors';
import { exportFile } from '../exportFiles';
import { sendText } from '../respond';
import type { ServerContext } from '../serverContext';

const XML = 'application/xml';

/** GET /files/{token}/{name}: the presigned link itself. Needs no API key, like S3. */
export function serveExportFile(context: ServerContext, token: string, fileName: string, headOnly: boolean, res: ServerResponse): void {
  const link = context.links.resolve(token, fileName);
  if (!link.ok) {
    sendText(res, 403, s3AccessDenied(link.reason === 'expired' ? 'Request has expired' : 'Access Denied'), XML);
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
