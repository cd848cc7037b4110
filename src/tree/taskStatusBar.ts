import * as vscode from 'vscode';
import { isStale, type Task } from '../api/taskSchema';
import { isRunning } from '../polling/taskChanges';
import type { TaskPoller } from '../polling/taskPoller';

/**
 * `$(sync~spin) N running` while tasks on screen or watched run, `$(clock) N stalled` for running
 * tasks with no update for an hour (never counted as running), a warning when a watched task
 * failed; hidden otherwise. A click shows the Flexprice view.
 */
export class TaskStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('flexprice.tasks.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly poller: TaskPoller) {
    this.item.name = 'Flexprice Tasks';
    this.item.command = 'flexprice.tasks.focus';
    // Only what it counts: every change to the list or the pins fires onDidChange. The state
    // reports each cycle, and recounting 10,000 loaded tasks per cycle is not free.
    this.subscriptions = [poller.onDidChange(() => this.update())];
    this.update();
  }

  update(): void {
    const watched = this.poller.pinnedIds.map((id) => this.poller.task(id)).filter((task): task is Task => task !== undefined);
    const offList = new Map(watched.map((task) => [task.id, task]));
    const now = this.poller.now();
    let running = 0;
    let stalled = 0;
    const count = (task: Task) => {
      if (!isRunning(task)) return;
      if (isStale(task, now)) stalled += 1;
      else running += 1;
    };
    for (const task of this.poller.tasks ?? []) {
      count(task);
      if (offList.size > 0) offList.delete(task.id);
    }
    offList.forEach(count);
    const failed = watched.filter((task) => task.task_status === 'FAILED').length;
    if (running === 0 && failed === 0 && stalled === 0) {
      this.item.hide();
      return;
    }
    const plural = (n: number) => (n === 1 ? '' : 's');
    const parts = [
      running > 0 ? `$(sync~spin) ${running} running` : '',
      stalled > 0 ? `$(clock) ${stalled} stalled` : '',
      failed > 0 ? `$(warning) ${failed} failed` : '',
    ];
    this.item.text = parts.filter(Boolean).join('  ');
    this.item.tooltip = [
      running > 0 ? `${running} Flexprice task${plural(running)} running` : '',
      stalled > 0 ? `${stalled} task${plural(stalled)} with no update for over an hour (the export may be stuck)` : '',
      failed > 0 ? `${failed} watched task${plural(failed)} failed` : '',
    ].filter(Boolean).join('\n');
    this.item.backgroundColor = failed > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.item.dispose();
  }
}
