import * as vscode from 'vscode';
import type { Task } from '../api/taskSchema';
import { taskIcon } from './taskIcon';
import { taskRowDescription, taskRowLabel } from './taskRow';
import { taskTooltipMarkdown } from './taskTooltip';

/** One task row. The object lives as long as the row, so a change can refresh just this row. */
export class TaskNode {
  constructor(
    /** The group it sits in; a task may be both in Watched and in its status group. */
    readonly groupKey: string,
    public task: Task,
    public watched: boolean,
    public missing = false,
  ) {}

  toTreeItem(now: Date): vscode.TreeItem {
    const { task } = this;
    const item = new vscode.TreeItem(taskRowLabel(task, now), vscode.TreeItemCollapsibleState.None);
    item.id = `${this.groupKey}/${task.id}`;
    item.description = this.missing ? 'not found' : task.task_status ? taskRowDescription(task, now) : 'loading…';
    item.iconPath = this.missing ? new vscode.ThemeIcon('circle-slash') : taskIcon(task, now);
    item.contextValue = ['task', this.watched ? 'watched' : 'unwatched', task.file_url ? 'file' : 'nofile'].join(';');
    item.command = { command: 'flexprice.getTask', title: 'Show Details', arguments: [task.id] };
    item.accessibilityInformation = {
      label: `${taskRowLabel(task, now)}, ${task.task_status ?? 'unknown status'}, ${item.description}`,
    };
    return item;
  }

  /** The hover, built only when VS Code asks (resolveTreeItem): most rows are never hovered. */
  tooltip(): vscode.MarkdownString {
    return new vscode.MarkdownString(taskTooltipMarkdown(this.task));
  }
}
