import * as vscode from 'vscode';
import { isSettled, parseTaskDate, type Task } from '../api/taskSchema';
import { systemClock, type Clock } from '../polling/clock';
import type { HostMessage, WebviewMessage } from '../webview/protocol/messages';
import { parseWebviewMessage } from '../webview/protocol/webviewMessage';
import { filterErrorEntries, formatErrorEntries, parseErrorSummary } from './errorSummary';
import { HostOutbox } from './hostOutbox';
import { buildPanelHtml, createNonce, PANEL_ASSET_PATHS, PANEL_RESOURCE_ROOTS } from './panelHtml';
import { RepeatingTimer } from '../polling/repeatingTimer';
import { buildTimeView } from './taskTimeView';
import type { TaskWatcher } from './taskWatcher';
import type { ConnectionBadge } from '../webview/protocol/taskView';
import { buildTaskView, statusLook, taskTitle, type ViewOptions } from './taskViewModel';

/** How often a visible panel's relative times are recomputed: they round to the minute. */
export const TIME_TICK_MS = 30_000;

/**
 * The connections a panel may belong to. A panel reads with its own connection's key; the
 * shared engine (the watcher) reads with the active one's, so only a panel of the active
 * connection is refreshed live.
 */
export interface PanelConnections {
  /** What the header shows of a connection, or undefined once it is removed. */
  badge(connectionId: string): ConnectionBadge | undefined;
  readonly onDidChange: (listener: () => void) => vscode.Disposable;
}

export interface TaskPanelDeps {
  readonly extensionUri: vscode.Uri;
  /** Reads a task with the given connection's key (the panel's, never just the active one). */
  readonly fetchTask: (taskId: string, signal: AbortSignal | undefined, connectionId: string) => Promise<Task>;
  readonly watcher: TaskWatcher;
  readonly openFile: (task: Task, connectionId: string) => Promise<void>;
  readonly openInEditor: (task: Task, connectionId: string) => Promise<void>;
  readonly openAsJson: (task: Task) => Promise<void>;
  /** Shows a failed request to the user, with the action that fixes it. */
  readonly reportError: (error: unknown, taskId: string, retry: () => unknown, connectionId: string) => Promise<void>;
  /** Absent: one connection, always active, and no badge. */
  readonly connections?: PanelConnections;
  /** Time as the panel sees it; injected so tests can move it. */
  readonly clock?: Clock;
  /**
   * The scheduled export a task is a run of, as far as is known now (it may become known later,
   * so it is asked again on every render). Absent: no schedule is ever shown.
   */
  readonly scheduleOf?: (taskId: string, connectionId: string) => string | undefined;
}

/**
 * One webview panel showing one task. It owns its listeners, its live-refresh subscription,
 * which runs only while the panel is visible and the task may still change, and the timer that
 * keeps its relative times true, which runs only while the panel is visible.
 */
export class TaskPanel implements vscode.Disposable {
  private task: Task | undefined;
  /** When the panel got the copy it shows (fetched, or a live update that changed it). */
  private fetchedAt = 0;
  private readonly clock: Clock;
  private readonly ticker: RepeatingTimer;
  private live: vscode.Disposable | undefined;
  private refreshing: AbortController | undefined;
  private isDisposed = false;
  /** The schedule ID in the last task message, so a tick can tell when it became known. */
  private shownScheduleId: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly outbox = new HostOutbox((message) => {
    if (!this.isDisposed) void this.panel.webview.postMessage(message);
  });
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly taskId: string,
    private readonly deps: TaskPanelDeps,
    /** The connection the panel was opened with; it reads with that connection's key only. */
    readonly connectionId: string = '',
  ) {
    this.clock = deps.clock ?? systemClock;
    this.ticker = new RepeatingTimer(this.clock, TIME_TICK_MS, () => this.postTimes());
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: panelResourceRoots(deps.extensionUri) };
    const asset = (path: readonly string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, ...path)).toString();
    panel.webview.html = buildPanelHtml(
      { script: asset(PANEL_ASSET_PATHS.script), style: asset(PANEL_ASSET_PATHS.style), codicons: asset(PANEL_ASSET_PATHS.codicons) },
      panel.webview.cspSource,
      createNonce(),
    );
    this.setTabLook(undefined);
    this.disposables.push(
      this.disposed,
      panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw)),
      panel.onDidChangeViewState(() => this.onVisibilityChange()),
      panel.onDidDispose(() => this.dispose()),
    );
    if (deps.connections) this.disposables.push(deps.connections.onDidChange(() => this.onConnectionsChange()));
  }

  get current(): Task | undefined {
    return this.task;
  }

  /** Shows a task just fetched elsewhere (e.g. by Get Task). */
  show(task: Task): void {
    this.task = task;
    this.fetchedAt = this.clock.now();
    this.setTabLook(task);
    this.postTask();
    this.updateTicker();
    this.updateLiveRefresh();
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** Fetches the task again; `byUser` failures are also reported as a message with actions. */
  async refresh(byUser: boolean): Promise<void> {
    this.refreshing?.abort();
    const abort = (this.refreshing = new AbortController());
    if (!this.task) this.post({ type: 'loading', taskId: this.taskId });
    try {
      this.show(await this.deps.fetchTask(this.taskId, abort.signal, this.connectionId));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.post({ type: 'problem', message: describeFailure(error), retryable: true });
      if (byUser) await this.deps.reportError(error, this.taskId, () => this.refresh(true), this.connectionId);
    } finally {
      if (this.refreshing === abort) this.refreshing = undefined;
    }
  }

  private onVisibilityChange(): void {
    this.updateTicker();
    // Coming back into view: catch up once, then watch again if the task may still change.
    if (this.panel.visible && this.task && !this.isSettled(this.task)) void this.refresh(false);
    else {
      if (this.panel.visible) this.postTimes();
      this.updateLiveRefresh();
    }
  }

  /** Ticks only while the page can be seen; a hidden one is brought up to date when it shows again. */
  private updateTicker(): void {
    if (this.panel.visible && this.task && !this.isDisposed) this.ticker.start();
    else this.ticker.stop();
  }

  /** The panel's connection, as the header shows it; undefined with a single connection. */
  private badge(): ConnectionBadge | undefined {
    return this.deps.connections?.badge(this.connectionId);
  }

  /**
   * A switch, a rename or a removal: the header follows, live refresh runs only while the
   * panel's connection is the active one, and a panel whose connection was removed closes.
   */
  private onConnectionsChange(): void {
    if (this.isDisposed) return;
    const badge = this.deps.connections?.badge(this.connectionId);
    if (!badge) return this.dispose();
    this.setTabLook(this.task);
    if (!badge.active) this.stopLiveRefresh();
    else this.updateLiveRefresh();
    this.postTask();
  }

  private updateLiveRefresh(): void {
    const active = this.badge()?.active ?? true;
    const wanted = active && this.panel.visible && this.task !== undefined && !this.isSettled(this.task);
    if (wanted && !this.live) {
      this.live = this.deps.watcher.watch(this.taskId, {
        onUpdate: (task) => this.onLiveUpdate(task),
        onError: (error, stopped) => {
          if (stopped) this.stopLiveRefresh();
          this.post({ type: 'problem', message: `Live refresh: ${describeFailure(error)}`, retryable: true });
        },
      });
    } else if (!wanted) {
      this.stopLiveRefresh();
    }
  }

  private onLiveUpdate(task: Task): void {
    // A shared engine may hand over its cached copy first: never step back to older data.
    if (isOlder(task, this.task)) return;
    const changed = JSON.stringify(task) !== JSON.stringify(this.task);
    this.task = task;
    if (changed) {
      this.fetchedAt = this.clock.now();
      this.setTabLook(task);
      this.postTask();
    }
    if (this.isSettled(task)) this.stopLiveRefresh();
  }

  private stopLiveRefresh(): void {
    this.live?.dispose();
    this.live = undefined;
  }

  private isSettled(task: Task): boolean {
    return isSettled(task, this.clock.now());
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw, this.taskId);
    if (!message) return;
    if (message.type === 'ready') {
      // A fresh view, so its times and live flag are as of now; a kept problem follows it.
      this.outbox.open(this.task ? this.taskMessage() : { type: 'loading', taskId: this.taskId });
      return;
    }
    if (message.type === 'refresh') return this.refresh(true);
    const task = this.task;
    if (!task) return;
    try {
      await this.runAction(message, task);
    } catch (error) {
      await this.deps.reportError(error, this.taskId, () => this.runAction(message, task), this.connectionId);
    }
  }

  private async runAction(message: WebviewMessage, task: Task): Promise<void> {
    switch (message.type) {
      case 'copyId':
        await vscode.env.clipboard.writeText(task.id);
        return this.post({ type: 'notice', message: 'Task ID copied.' });
      case 'copyLink':
        await vscode.commands.executeCommand('flexprice.copyTaskLink', { taskId: task.id, connectionId: this.connectionId });
        return this.post({ type: 'notice', message: 'Link to this task copied.' });
      case 'copyJson':
        await vscode.env.clipboard.writeText(JSON.stringify(task, null, 2));
        return this.post({ type: 'notice', message: 'Task copied as JSON.' });
      case 'copyErrors': {
        const entries = filterErrorEntries(parseErrorSummary(task.error_summary), message.filter);
        await vscode.env.clipboard.writeText(formatErrorEntries(entries));
        return this.post({ type: 'notice', message: `${entries.length} error ${entries.length === 1 ? 'entry' : 'entries'} copied.` });
      }
      case 'saveErrors':
        // The command reads this panel's copy of the task and writes the file; it reports its own failures.
        await vscode.commands.executeCommand('flexprice.saveErrors', { taskId: task.id, connectionId: this.connectionId, filter: message.filter });
        return;
      case 'openJson':
        return this.deps.openAsJson(task);
      case 'openFile':
        return this.deps.openFile(task, this.connectionId);
      case 'openInEditor':
        return this.deps.openInEditor(task, this.connectionId);
      case 'revealSchedule': {
        const scheduleId = this.scheduleId();
        if (!scheduleId) return this.post({ type: 'notice', message: 'The schedule of this export is not known.' });
        await vscode.commands.executeCommand('flexprice.revealScheduledExport', { scheduleId, connectionId: this.connectionId });
        return;
      }
    }
  }

  private scheduleId(): string | undefined {
    return this.deps.scheduleOf?.(this.taskId, this.connectionId) || undefined;
  }

  private postTask(): void {
    if (this.task) this.post(this.taskMessage());
  }

  private taskMessage(): HostMessage {
    const badge = this.badge();
    const options = this.viewOptions(this.task!);
    this.shownScheduleId = options.scheduleId;
    const view = buildTaskView(this.task!, options);
    return { type: 'task', view: badge ? { ...view, connection: badge } : view };
  }

  /** The times of the task on screen as of now: no request, and the page keeps all else as it is. */
  private postTimes(): void {
    if (!this.task) return;
    // A schedule learnt since the last render (its runs were read) needs the whole view.
    if (this.scheduleId() !== this.shownScheduleId) return this.postTask();
    this.post({ type: 'times', taskId: this.taskId, view: buildTimeView(this.task, this.viewOptions(this.task)) });
  }

  private viewOptions(task: Task): ViewOptions {
    const active = this.badge()?.active ?? true;
    const scheduleId = this.scheduleId();
    return {
      now: new Date(this.clock.now()),
      fetchedAt: new Date(this.fetchedAt),
      live: active && this.panel.visible && !this.isSettled(task),
      ...(scheduleId && { scheduleId }),
    };
  }

  private post(message: HostMessage): void {
    this.outbox.post(message);
  }

  private setTabLook(task: Task | undefined): void {
    const title = task ? taskTitle(task) : `Task ${this.taskId}`;
    // Production is named in the tab itself, so it shows even when the panel is not in front.
    this.panel.title = this.badge()?.production ? `Production · ${title}` : title;
    const tone = statusLook(task?.task_status).tone;
    const icon = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'status', `${tone}.svg`);
    this.panel.iconPath = { light: icon, dark: icon };
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.ticker.stop();
    this.stopLiveRefresh();
    this.refreshing?.abort();
    this.disposed.fire();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** The folders a task panel's page may load files from. */
export function panelResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return PANEL_RESOURCE_ROOTS.map((path) => vscode.Uri.joinPath(extensionUri, ...path));
}

function isOlder(incoming: Task, current: Task | undefined): boolean {
  const incomingAt = parseTaskDate(incoming.updated_at)?.getTime();
  const currentAt = parseTaskDate(current?.updated_at)?.getTime();
  return incomingAt !== undefined && currentAt !== undefined && incomingAt < currentAt;
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
