import * as vscode from 'vscode';
import { isSettled, parseTaskDate, type Task } from '../api/taskSchema';
import { filterErrorEntries, formatErrorEntries, parseErrorSummary } from './errorSummary';
import { buildPanelHtml, createNonce } from './panelHtml';
import { HostOutbox, parseWebviewMessage, type HostMessage, type WebviewMessage } from './panelMessages';
import type { TaskWatcher } from './taskWatcher';
import { buildTaskView, statusLook, taskTitle } from './taskViewModel';

export interface TaskPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly fetchTask: (taskId: string, signal?: AbortSignal) => Promise<Task>;
  readonly watcher: TaskWatcher;
  readonly openFile: (task: Task) => Promise<void>;
  readonly openInEditor: (task: Task) => Promise<void>;
  readonly openAsJson: (task: Task) => Promise<void>;
  /** Shows a failed request to the user, with the action that fixes it. */
  readonly reportError: (error: unknown, taskId: string, retry: () => unknown) => Promise<void>;
}

/**
 * One webview panel showing one task. It owns its listeners and its live-refresh subscription,
 * which runs only while the panel is visible and the task may still change.
 */
export class TaskPanel implements vscode.Disposable {
  private task: Task | undefined;
  private live: vscode.Disposable | undefined;
  private refreshing: AbortController | undefined;
  private isDisposed = false;
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
  ) {
    const media = vscode.Uri.joinPath(deps.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    const asset = (...path: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(media, ...path)).toString();
    panel.webview.html = buildPanelHtml(
      { script: asset('panel.js'), style: asset('panel.css'), codicons: asset('codicons', 'codicon.css') },
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
  }

  get current(): Task | undefined {
    return this.task;
  }

  /** Shows a task just fetched elsewhere (e.g. by Get Task). */
  show(task: Task): void {
    this.task = task;
    this.setTabLook(task);
    this.postTask();
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
      this.show(await this.deps.fetchTask(this.taskId, abort.signal));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.post({ type: 'problem', message: describeFailure(error), retryable: true });
      if (byUser) await this.deps.reportError(error, this.taskId, () => this.refresh(true));
    } finally {
      if (this.refreshing === abort) this.refreshing = undefined;
    }
  }

  private onVisibilityChange(): void {
    // Coming back into view: catch up once, then watch again if the task may still change.
    if (this.panel.visible && this.task && !this.isSettled(this.task)) void this.refresh(false);
    else this.updateLiveRefresh();
  }

  private updateLiveRefresh(): void {
    const wanted = this.panel.visible && this.task !== undefined && !this.isSettled(this.task);
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
    return isSettled(task, Date.now());
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
      await this.deps.reportError(error, this.taskId, () => this.runAction(message, task));
    }
  }

  private async runAction(message: WebviewMessage, task: Task): Promise<void> {
    switch (message.type) {
      case 'copyId':
        await vscode.env.clipboard.writeText(task.id);
        return this.post({ type: 'notice', message: 'Task ID copied.' });
      case 'copyJson':
        await vscode.env.clipboard.writeText(JSON.stringify(task, null, 2));
        return this.post({ type: 'notice', message: 'Task copied as JSON.' });
      case 'copyErrors': {
        const entries = filterErrorEntries(parseErrorSummary(task.error_summary), message.filter);
        await vscode.env.clipboard.writeText(formatErrorEntries(entries));
        return this.post({ type: 'notice', message: `${entries.length} error ${entries.length === 1 ? 'entry' : 'entries'} copied.` });
      }
      case 'openJson':
        return this.deps.openAsJson(task);
      case 'openFile':
        return this.deps.openFile(task);
      case 'openInEditor':
        return this.deps.openInEditor(task);
    }
  }

  private postTask(): void {
    if (this.task) this.post(this.taskMessage());
  }

  private taskMessage(): HostMessage {
    const task = this.task!;
    return { type: 'task', view: buildTaskView(task, { now: new Date(), live: this.panel.visible && !this.isSettled(task) }) };
  }

  private post(message: HostMessage): void {
    this.outbox.post(message);
  }

  private setTabLook(task: Task | undefined): void {
    this.panel.title = task ? taskTitle(task) : `Task ${this.taskId}`;
    const tone = statusLook(task?.task_status).tone;
    const icon = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'status', `${tone}.svg`);
    this.panel.iconPath = { light: icon, dark: icon };
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.stopLiveRefresh();
    this.refreshing?.abort();
    this.disposed.fire();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

function isOlder(incoming: Task, current: Task | undefined): boolean {
  const incomingAt = parseTaskDate(incoming.updated_at)?.getTime();
  const currentAt = parseTaskDate(current?.updated_at)?.getTime();
  return incomingAt !== undefined && currentAt !== undefined && incomingAt < currentAt;
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
