import * as vscode from 'vscode';

/**
 * A one-line state of the whole list: an error (with Retry and Edit Connection as inline
 * actions, and Set API Key when the key was refused), "no tasks match", or the mark over a
 * kept page ("As of 10:42 — refreshing…").
 */
export class MessageNode {
  constructor(
    readonly kind: 'error' | 'empty' | 'kept',
    readonly text: string,
    readonly detail?: string,
    /** The fix a click runs; the same one a command's error notification offers first. */
    readonly fix: 'retry' | 'setApiKey' = 'retry',
    readonly tooltip?: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = `message:${this.kind}`;
    item.description = this.detail;
    item.tooltip = this.tooltip ?? [this.text, this.detail].filter(Boolean).join('\n');
    item.contextValue = `message;${this.kind}${this.kind === 'error' && this.fix === 'setApiKey' ? ';key' : ''}`;
    item.iconPath = new vscode.ThemeIcon(this.kind === 'error' ? 'warning' : this.kind === 'kept' ? 'history' : 'info');
    if (this.kind === 'error') {
      item.command = this.fix === 'setApiKey'
        ? { command: 'flexprice.setApiKey', title: 'Set API Key' }
        : { command: 'flexprice.refreshTasks', title: 'Retry' };
    }
    return item;
  }
}
