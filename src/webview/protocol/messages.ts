import type { TaskTimeView, TaskView } from './taskView';

/*
 * The messages between the task panel's page (src/webview) and the extension host
 * (src/panel/taskPanel.ts), declared once for both. Each side checks what it receives from the
 * other: the host with parseWebviewMessage, the page with parseHostMessage. This folder imports
 * nothing from outside it (no vscode, no Node), so the page's browser bundle takes it as it is.
 */

/** Host → page. Data only; the page renders every string as text. */
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
  // A vscode:// link that opens this task with this panel's connection (flexprice.copyTaskLink).
  'copyLink',
  'copyJson',
  'openJson',
  'openFile',
  'openInEditor',
  'copyErrors',
  // Saves the errors to a file: the host runs flexprice.saveErrors with the page's filter.
  'saveErrors',
  // Shows the scheduled export the task is a run of; the host knows which one.
  'revealSchedule',
] as const;
export type WebviewCommand = (typeof WEBVIEW_COMMANDS)[number];

/** A command the page sends about the task it shows: every one but 'ready'. */
export type TaskCommand = Exclude<WebviewCommand, 'ready'>;

/** The commands that act on the error entries the filter box shows, so carry its text. */
export const FILTERED_COMMANDS = ['copyErrors', 'saveErrors'] as const;
export type FilteredCommand = (typeof FILTERED_COMMANDS)[number];

/** Page → host, as the page sends it. A fresh page does not know its task yet. */
export type PageMessage =
  | { readonly type: 'ready'; readonly taskId: string | null }
  | { readonly type: Exclude<TaskCommand, FilteredCommand>; readonly taskId: string }
  | { readonly type: FilteredCommand; readonly taskId: string; readonly filter: string };

/** Page → host, as the host acts on it once checked: always for the panel's own task. */
export type WebviewMessage =
  | { readonly type: Exclude<WebviewCommand, FilteredCommand>; readonly taskId: string }
  | { readonly type: FilteredCommand; readonly taskId: string; readonly filter: string };

/** The longest filter text the host takes from copyErrors and saveErrors. */
export const MAX_FILTER_LENGTH = 500;

/**
 * What the page keeps across reloads (vscode.setState). The host reads only the task ID and
 * the connection's ID back, to restore the panel, bound to its connection, after a reload.
 */
export interface PageState {
  readonly taskId: string | undefined;
  readonly connectionId?: string;
  readonly filter: string;
}
