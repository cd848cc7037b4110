import * as vscode from 'vscode';
import { DEFAULT_RETRY_WINDOW_MS, type Task } from '../api/taskSchema';
import type { TaskPoller } from '../polling/taskPoller';
import { type Announcement, FinishAnnouncements, summarize } from './finishAnnouncements';
import { readNotificationLevel } from '../configuration';
import { formatCount } from '../format/count';
import { taskRowLabel } from './taskRow';

const SHOW_DETAILS = 'Show Details';
const SHOW = 'Show';

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
    const what = describe(task);
    const failedRecords = task.failed_records ?? 0;
    let choice: string | undefined;
    if (outcome === 'failed' || outcome === 'mayRetry') {
      const retry = outcome === 'mayRetry' ? ' (the server may retry)' : '';
      choice = await vscode.window.showErrorMessage(`Flexprice: ${what} failed${retry}.${firstError(task)}`, SHOW_DETAILS);
    } else if (outcome === 'completedWithFailures') {
      const records = `${formatCount(failedRecords)} failed record${failedRecords === 1 ? '' : 's'}`;
      choice = await vscode.window.showWarningMessage(`Flexprice: ${what} completed with ${records}.`, SHOW_DETAILS);
    } else {
      choice = await vscode.window.showInformationMessage(`Flexprice: ${what} completed.`, SHOW_DETAILS);
    }
    if (choice === SHOW_DETAILS) {
      await vscode.commands.executeCommand('flexprice.getTask', this.connectionId ? { taskId: task.id, connectionId: this.connectionId } : task.id);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.announcements.dispose();
  }
}

/** "import of events.csv", "export of invoice (task_…)". */
function describe(task: Task): string {
  const kind = task.task_type === 'EXPORT' ? 'export' : task.task_type === 'IMPORT' ? 'import' : 'task';
  const subject = task.file_name?.trim() || [task.entity_type, task.id].filter(Boolean).join(' ');
  return `${kind} of ${subject || taskRowLabel(task)}`;
}

function firstError(task: Task): string {
  const first = task.error_summary?.split('; ')[0]?.trim();
  if (!first) return '';
  return ` ${first.length > 160 ? `${first.slice(0, 160)}…` : first}`;
}
