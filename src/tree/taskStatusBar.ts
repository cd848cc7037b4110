import * as vscode from 'vscode';
import type { Task } from '../api/taskSchema';
import { isRunning } from '../polling/taskChanges';
import type { TaskPoller } from '../polling/taskPoller';

/**
 * `$(sync~spin) N running` while tasks on screen or watched run, a warning when a watched task
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
    let running = 0;
    for (const task of this.poller.tasks ?? []) {
      if (isRunning(task)) running += 1;
      if (offList.size > 0) offList.delete(task.id);
    }
    for (const task of offList.values()) if (isRunning(task)) running += 1;
    const failed = watched.filter((task) => task.task_status === 'FAILED').length;
    if (running === 0 && failed === 0) {
      this.item.hide();
      return;
    }
    const parts = [running > 0 ? `$(sync~spin) ${running} running` : '', failed > 0 ? `$(warning) ${failed} failed` : ''];
    this.item.text = parts.filter(Boolean).join('  ');
    this.item.tooltip = [
      running > 0 ? `${running} Flexprice task${running === 1 ? '' : 's'} running` : '',
      failed > 0 ? `${failed} watched task${failed === 1 ? '' : 's'} failed` : '',
    ].filter(Boolean).join('\n');
    this.item.backgroundColor = failed > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.item.dispose();
  }
}
