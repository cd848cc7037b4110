import * as vscode from 'vscode';

/** The last row while the server has more tasks than are loaded. */
export class LoadMoreNode {
  constructor(
    readonly loaded: number,
    readonly total: number,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = 'load-more';
    item.description = `${this.loaded} of ${this.total}`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { command: 'flexprice.loadMoreTasks', title: 'Load More Tasks' };
    return item;
  }
}
