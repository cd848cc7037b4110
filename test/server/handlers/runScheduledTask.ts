import type { ServerResponse } from 'node:http';
import { scheduleNotFound } from '../errors';
import { parseForceRunBody } from '../forceRunRequest';
import { sendJson } from '../respond';
import type { ServerContext } from '../serverContext';
import { rfc3339 } from '../timestamps';

/**
 * POST /v1/tasks/scheduled/{id}/run: answers at once with the workflow id; the task row with
 * that id appears `runDelayMs` later, and never when the schedule is paused or deleted.
 * The range is validated before the schedule is looked up, as in the handler.
 */
export function runScheduledTask(context: ServerContext, id: string, body: Buffer | undefined, res: ServerResponse): void {
  const parsed = parseForceRunBody(body, context.clock());
  if (!parsed.ok) return sendJson(res, 400, parsed.error);
  const answer = context.exports.forceRun(id, parsed.range);
  if (!answer) return sendJson(res, 404, scheduleNotFound());
  sendJson(res, 200, {
    workflow_id: answer.workflowId,
    message: 'Force run triggered successfully',
    start_time: rfc3339(answer.interval.startMs),
    end_time: rfc3339(answer.interval.endMs),
    mode: answer.mode,
  });
}
