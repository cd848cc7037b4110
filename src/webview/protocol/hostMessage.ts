import { isBoolean, isRecord, isString } from './checks';
import type { HostMessage } from './messages';
import { isTaskTimeView, isTaskView } from './taskViewChecks';

/**
 * The message if it is a well-formed HostMessage, else undefined: the page renders only what
 * passed, so a host and page out of step (or anything else posting to the page) cannot break it.
 */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'task':
      return isTaskView(raw.view) ? { type: 'task', view: raw.view } : undefined;
    case 'times':
      return isString(raw.taskId) && isTaskTimeView(raw.view) ? { type: 'times', taskId: raw.taskId, view: raw.view } : undefined;
    case 'loading':
      return isString(raw.taskId) ? { type: 'loading', taskId: raw.taskId } : undefined;
    case 'problem':
      return isString(raw.message) && isBoolean(raw.retryable) ? { type: 'problem', message: raw.message, retryable: raw.retryable } : undefined;
    case 'notice':
      return isString(raw.message) ? { type: 'notice', message: raw.message } : undefined;
    default:
      return undefined;
  }
}
