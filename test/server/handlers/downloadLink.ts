import type { ServerResponse } from 'node:http';
import { flatError, taskNotFound } from '../errors';
import { exportFileName } from '../exportFiles';
import { sendJson } from '../respond';
import type { ServerContext } from '../serverContext';

/** GET /v1/tasks/{id}/download: a presigned link for a finished export's s3:// file. */
export function downloadLink(context: ServerContext, id: string, res: ServerResponse): void {
  const task = context.store.get(id);
  if (!task) {
    sendJson(res, 404, taskNotFound(id));
    return;
  }
  if (task.task_status !== 'COMPLETED' || !task.file_url) {
    sendJson(res, 404, flatError(404, 'not_found', 'Export file not available: task is not completed', { task_id: id }));
    return;
  }
  if (!task.file_url.startsWith('s3://')) {
    sendJson(res, 400, flatError(400, 'invalid_operation', 'File URL is not an S3 URL', { task_id: id }));
    return;
  }
  const fileName = exportFileName(task.file_url);
  sendJson(res, 200, { download_url: `${context.origin()}${context.links.issue(id, fileName)}` });
}
