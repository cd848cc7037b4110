import * as vscode from 'vscode';
import { formatRelative } from '../format/time';
import type { StartingRun } from '../schedules/scheduleModel';

/** A run started here whose task does not exist yet ("Starting…"), or never came. */
export class StartingRunNode {
  constructor(
    readonly run: StartingRun,
    /** What it exports, for the Tasks view where the schedule is not its parent. */
    readonly subject: string | undefined,
  ) {}

  toTreeItem(now = new Date()): vscode.TreeItem {
    const { run } = this;
    const never = run.state === 'neverStarted';
    const item = new vscode.TreeItem(never ? 'Never started' : 'Starting…', vscode.TreeItemCollapsibleState.None);
    item.id = `starting:${run.scheduleId}/${run.taskId}`;
    item.description = [this.subject, `asked ${formatRelative(new Date(run.startedAt), now)}`].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(never ? 'warning' : 'loading~spin');
    item.tooltip = never ? `${run.taskId}\n${run.reason ?? ''}` : `${run.taskId}\nThe server accepted the run; its task appears in a few seconds.`;
    item.contextValue = never ? 'startingRun;never' : 'startingRun;starting';
    return item;
  }
}
