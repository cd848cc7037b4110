import * as vscode from 'vscode';
import type { ScheduledExport } from '../api/scheduledExportSchema';
import type { Task } from '../api/taskSchema';
import type { StartingRunNode } from '../tree/startingRunNode';
import type { TaskNode } from '../tree/taskNode';
import { scheduleDescription, scheduleLabel, scheduleTooltipMarkdown } from './scheduleText';

/** One schedule; expanding it lists its runs. */
export class ScheduleNode {
  constructor(
    public schedule: ScheduledExport,
    public lastRun: Task | undefined,
  ) {}

  toTreeItem(now: Date): vscode.TreeItem {
    const { schedule } = this;
    const item = new vscode.TreeItem(scheduleLabel(schedule), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `schedule:${schedule.id}`;
    item.description = scheduleDescription(schedule, this.lastRun, now);
    const paused = schedule.enabled === false;
    item.iconPath = new vscode.ThemeIcon(paused ? 'debug-pause' : 'calendar', paused ? new vscode.ThemeColor('disabledForeground') : undefined);
    item.contextValue = `schedule;${paused ? 'paused' : 'enabled'}`;
    item.accessibilityInformation = { label: `${scheduleLabel(schedule)}, ${paused ? 'paused' : 'enabled'}, ${item.description}` };
    return item;
  }

  tooltip(now: Date): vscode.MarkdownString {
    return new vscode.MarkdownString(scheduleTooltipMarkdown(this.schedule, this.lastRun, now));
  }
}

/** The last row under a schedule while it may have more runs. */
export class RunsMoreNode {
  constructor(readonly scheduleId: string, readonly loaded: number) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = `runs-more:${this.scheduleId}`;
    item.description = `${this.loaded} shown`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'runsMore';
    item.command = { command: 'flexprice.loadMoreScheduleRuns', title: 'Load More Runs', arguments: [this.scheduleId] };
    return item;
  }
}

/** A one-line state: loading, no runs, an error (click retries). */
export class ScheduleMessageNode {
  constructor(
    readonly key: string,
    readonly kind: 'error' | 'empty' | 'loading',
    readonly text: string,
    readonly detail?: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = `message:${this.key}`;
    item.description = this.detail;
    item.tooltip = [this.text, this.detail].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(this.kind === 'error' ? 'warning' : this.kind === 'loading' ? 'loading~spin' : 'info');
    item.contextValue = `scheduleMessage;${this.kind}`;
    if (this.kind === 'error') item.command = { command: 'flexprice.refreshScheduledExports', title: 'Retry' };
    return item;
  }
}

export type ScheduleTreeNode = ScheduleNode | StartingRunNode | RunsMoreNode | ScheduleMessageNode | TaskNode;
