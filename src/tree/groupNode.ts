import * as vscode from 'vscode';
import type { TaskNode } from './taskNode';
import type { UnreadableNode } from './unreadableNode';

/** Running, Failed, Completed, Watched (or Imports, Exports), Unreadable, with its count. */
export class GroupNode {
  constructor(
    readonly key: string,
    public title: string,
    public children: (TaskNode | UnreadableNode)[],
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`${this.title} (${this.children.length})`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `group:${this.key}`;
    item.contextValue = `group;${this.key}`;
    return item;
  }
}
