import * as vscode from 'vscode';
import type { Task } from '../api/taskSchema';
import { isStale } from '../api/taskSettlement';

/**
 * One icon per status; spinning while processing; a warning for COMPLETED with failed records;
 * a still, warning-coloured clock for a running task that stopped moving (stale).
 */
export function taskIcon(task: Task, now: Date = new Date()): vscode.ThemeIcon {
  if (isStale(task, now)) return new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.warningForeground'));
  switch (task.task_status) {
    case 'PENDING':
      return new vscode.ThemeIcon('clock');
    case 'PROCESSING':
      return new vscode.ThemeIcon('sync~spin');
    case 'COMPLETED':
      return task.failed_records
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'FAILED':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    default:
      return new vscode.ThemeIcon('question');
  }
}
