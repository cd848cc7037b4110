import * as vscode from 'vscode';
import type { Task } from '../api/taskSchema';
import type { TaskFinished, TaskPoller } from '../polling/taskPoller';
import { readNotificationLevel } from './pollSettingsFromConfig';
import { formatCount, taskRowLabel } from './taskRow';

const SHOW_DETAILS = 'Show Details';

/** Says when a task on screen or watched finishes, as much as `flexprice.notifications` allows. */
export class TaskNotifier implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(poller: TaskPoller) {
    this.subscription = poller.onDidFinishTask((event) => void this.notify(event));
  }

  private async notify({ task }: TaskFinished): Promise<void> {
    const level = readNotificationLevel();
    const failedRecords = task.failed_records ?? 0;
    const failure = task.task_status === 'FAILED' || failedRecords > 0;
    if (level === 'none' || (level === 'failures' && !failure)) return;
    const what = describe(task);
    const choice =
      task.task_status === 'FAILED'
        ? await vscode.window.showErrorMessage(`Flexprice: ${what} failed.${firstError(task)}`, SHOW_DETAILS)
        : failedRecords > 0
          ? await vscode.window.showWarningMessage(
              `Flexprice: ${what} completed with ${formatCount(failedRecords)} failed record${failedRecords === 1 ? '' : 's'}.`,
              SHOW_DETAILS,
            )
          : await vscode.window.showInformationMessage(`Flexprice: ${what} completed.`, SHOW_DETAILS);
    if (choice === SHOW_DETAILS) await vscode.commands.executeCommand('flexprice.getTask', task.id);
  }

  dispose(): void {
    this.subscription.dispose();
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
