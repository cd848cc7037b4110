import { isRecord } from './checks';
import { FILTERED_COMMANDS, MAX_FILTER_LENGTH, WEBVIEW_COMMANDS, type FilteredCommand, type WebviewCommand, type WebviewMessage } from './messages';

/**
 * The message if it is a known command for this panel's own task, else undefined. The host
 * treats the page as untrusted: unknown fields are ignored, and nothing but the checked fields
 * is passed on.
 */
export function parseWebviewMessage(raw: unknown, ownTaskId: string): WebviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  const { type, taskId, filter } = raw;
  if (typeof type !== 'string' || !(WEBVIEW_COMMANDS as readonly string[]).includes(type)) return undefined;
  // A fresh page does not know its task yet; "ready" only asks the host to post it.
  if (type === 'ready') return { type, taskId: ownTaskId };
  if (taskId !== ownTaskId) return undefined;
  if ((FILTERED_COMMANDS as readonly string[]).includes(type)) {
    const text = typeof filter === 'string' ? filter.slice(0, MAX_FILTER_LENGTH) : '';
    return { type: type as FilteredCommand, taskId: ownTaskId, filter: text };
  }
  return { type: type as Exclude<WebviewCommand, FilteredCommand>, taskId: ownTaskId };
}

/** The task ID and connection of a page's saved state (PageState), as the host restores a panel from it. */
export function readPanelState(state: unknown): { readonly taskId: string; readonly connectionId?: string } | undefined {
  if (!isRecord(state)) return undefined;
  const { taskId, connectionId } = state;
  if (typeof taskId !== 'string') return undefined;
  return typeof connectionId === 'string' && connectionId.length <= 200 ? { taskId, connectionId } : { taskId };
}
