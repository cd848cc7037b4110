import * as vscode from 'vscode';
import { DEFAULT_RETRY_WINDOW_MS, type Task } from '../api/taskSchema';
import type { TaskPoller } from '../polling/taskPoller';
import { type Announcement, FinishAnnouncements, summarize } from './finishAnnouncements';
import { readNotificationLevel } from '../configuration';
import { formatCount } from '../format/count';
import { finishSubject, firstError } from './finishText';

const SHOW_DETAILS = 'Show Details';
const SHOW = 'Show';
const OPEN_EXPORT = 'Open Export';
const DOWNLOAD = 'Download…';

/**
 * Says when a task on screen or watched finishes, as much as `flexprice.notifications` allows:
 * each outcome once, and a burst of finishes in one notification.
 */
export class TaskNotifier implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private readonly announcements: FinishAnnouncements;

  constructor(
    poller: TaskPoller,
    /** The connection the poller reads with: "Show Details" opens the task with it, even after a switch. */
    private readonly connectionId: string | undefined,
    retryWindowMs = DEFAULT_RETRY_WINDOW_MS,
  ) {
    this.announcements = new FinishAnnouncements((batch) => void this.show(batch), {
      now: Date.now,
      retryWindowMs,
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
    });
    this.subscription = poller.onDidFinishTask(({ task }) => this.announcements.finished(task));
  }

  /** A finish seen by someone other than the poller; said once, like the poller's. */
  finished(task: Task): void {
    this.announcements.finished(task);
  }

  private async show(all: readonly Announcement[]): Promise<void> {
    const level = readNotificationLevel();
    const batch = all.filter(({ outcome }) => level === 'all' || (level === 'failures' && outcome !== 'completed'));
    if (batch.length === 0) return;
    if (batch.length === 1) return this.showOne(batch[0]!);
    const failures = batch.some(({ outcome }) => outcome !== 'completed');
    const message = `Flexprice: ${summarize(batch)}.`;
    const choice = failures ? await vscode.window.showWarningMessage(message, SHOW) : await vscode.window.showInformationMessage(message, SHOW);
    if (choice === SHOW) await vscode.commands.executeCommand('flexprice.tasks.focus');
  }

  private async showOne({ task, outcome }: Announcement): Promise<void> {
    const what = finishSubject(task);
    const failedRecords = task.failed_records ?? 0;
    let choice: string | undefined;
    if (outcome === 'failed' || outcome === 'mayRetry') {
      const retry = outcome === 'mayRetry' ? ' (the server may retry)' : '';
      choice = await vscode.window.showErrorMessage(`Flexprice: ${what} failed${retry}.${firstError(task)}`, SHOW_DETAILS);
    } else if (outcome === 'completedWithFailures') {
      const records = `${formatCount(failedRecords)} failed record${failedRecords === 1 ? '' : 's'}`;
      choice = await vscode.window.showWarningMessage(`Flexprice: ${what} completed with ${records}.`, SHOW_DETAILS);
    } else if (task.task_type === 'EXPORT' && task.file_url) {
      // The file is what a finished export is for: open it or save it, right from here.
      choice = await vscode.window.showInformationMessage(`Flexprice: ${what} completed.`, OPEN_EXPORT, DOWNLOAD, SHOW_DETAILS);
    } else {
      choice = await vscode.window.showInformationMessage(`Flexprice: ${what} completed.`, SHOW_DETAILS);
    }
    const target = this.connectionId ? { taskId: task.id, connectionId: this.connectionId } : task.id;
    if (choice === SHOW_DETAILS) await vscode.commands.executeCommand('flexprice.getTask', target);
    else if (choice === OPEN_EXPORT) await vscode.commands.executeCommand('flexprice.openExportInEditor', target);
    else if (choice === DOWNLOAD) await vscode.commands.executeCommand('flexprice.downloadExport', target);
  }

  dispose(): void {
    this.subscription.dispose();
    this.announcements.dispose();
  }
}

/** "import of events.csv", "export of invoice (task_…)". */
