import type { TaskTimeView, TaskView } from './taskViewModel';

/**
 * The protocol between the panel's webview (media/panel.js) and the extension host.
 * The webview is treated as untrusted: every message it sends is checked here before the
 * host acts on it.
 */

/** Host → webview. Data only; the webview renders every string as text. */
export type HostMessage =
  | { readonly type: 'task'; readonly view: TaskView }
  /** The same task, its times recomputed: the page patches them in and keeps everything else. */
  | { readonly type: 'times'; readonly taskId: string; readonly view: TaskTimeView }
  | { readonly type: 'loading'; readonly taskId: string }
  | { readonly type: 'problem'; readonly message: string; readonly retryable: boolean }
  | { readonly type: 'notice'; readonly message: string };

export const WEBVIEW_COMMANDS = [
  'ready',
  'refresh',
  'copyId',
  'copyJson',
  'openJson',
  'openFile',
  'openInEditor',
  'copyErrors',
] as const;
export type WebviewCommand = (typeof WEBVIEW_COMMANDS)[number];

/** Webview → host, after validation. */
export type WebviewMessage =
  | { readonly type: Exclude<WebviewCommand, 'copyErrors'>; readonly taskId: string }
  | { readonly type: 'copyErrors'; readonly taskId: string; readonly filter: string };

const MAX_FILTER_LENGTH = 500;

/**
 * The message if it is a known command for this panel's own task, else undefined.
 * Unknown fields are ignored; nothing from the message but the checked fields is passed on.
 */
export function parseWebviewMessage(raw: unknown, ownTaskId: string): WebviewMessage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { type, taskId, filter } = raw as Record<string, unknown>;
  if (typeof type !== 'string' || !(WEBVIEW_COMMANDS as readonly string[]).includes(type)) return undefined;
  // A fresh page does not know its task yet; "ready" only asks the host to post it.
  if (type === 'ready') return { type, taskId: ownTaskId };
  if (taskId !== ownTaskId) return undefined;
  if (type === 'copyErrors') {
    const text = typeof filter === 'string' ? filter.slice(0, MAX_FILTER_LENGTH) : '';
    return { type, taskId: ownTaskId, filter: text };
  }
  return { type: type as Exclude<WebviewCommand, 'copyErrors'>, taskId: ownTaskId };
}

/** What the webview keeps across reloads (vscode.setState): only the task ID. */
export interface PanelState {
  readonly taskId: string;
}

export function readPanelState(state: unknown): PanelState | undefined {
  if (!state || typeof state !== 'object') return undefined;
  const { taskId } = state as Record<string, unknown>;
  return typeof taskId === 'string' ? { taskId } : undefined;
}

/**
 * Holds back what the host posts until the page says it is ready (a message posted earlier is
 * dropped by the webview), and keeps what the page should be showing, the last task or loading
 * message and a problem that came after it, so a page that is ready again after a reload gets it too.
 */
export class HostOutbox {
  private ready = false;
  private base: HostMessage | undefined;
  private problem: HostMessage | undefined;

  constructor(private readonly send: (message: HostMessage) => void) {}

  post(message: HostMessage): void {
    if (message.type === 'task' || message.type === 'loading') {
      this.base = message;
      this.problem = undefined;
    } else if (message.type === 'problem') {
      this.problem = message;
    }
    if (this.ready) this.send(message);
  }

  /** The page is listening: it gets the current state, `base` (if given) standing in for the kept one. */
  open(base?: HostMessage): void {
    this.ready = true;
    if (base) this.base = base;
    for (const message of [this.base, this.problem]) if (message) this.send(message);
  }
}
