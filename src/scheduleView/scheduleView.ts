import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { LazyViewHost, type ViewHost } from '../tree/lazyViewHost';
import type { ScheduleTreeNode } from './scheduleNodes';

/** What core hands the view once loaded (implemented by ScheduledExports). */
export type ScheduleViewHost = ViewHost<ScheduleTreeNode>;

/**
 * Registers the Scheduled Exports view at activation without loading core: until VS Code asks
 * for its rows with a connection in use (the view is open), it answers nothing and loads
 * nothing, so a collapsed view costs no start-up time.
 */
export function registerScheduleView(keys: ApiKeyStore, load: () => ScheduleViewHost): vscode.Disposable[] {
  const provider = new LazyScheduleProvider(keys, load);
  const view = vscode.window.createTreeView<ScheduleTreeNode>('flexprice.scheduledExports', { treeDataProvider: provider, showCollapseAll: true });
  provider.lazy.view = view;
  return [view, provider];
}

class LazyScheduleProvider implements vscode.TreeDataProvider<ScheduleTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ScheduleTreeNode | ScheduleTreeNode[] | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  readonly lazy: LazyViewHost<ScheduleTreeNode, ScheduleViewHost>;

  constructor(
    private readonly keys: ApiKeyStore,
    load: () => ScheduleViewHost,
  ) {
    this.subscriptions = [this.changed, keys.onDidChange(() => this.lazy.isLoaded || this.changed.fire())];
    this.lazy = new LazyViewHost(load, this.changed, this.subscriptions);
  }

  private host(): ScheduleViewHost {
    return this.lazy.get();
  }

  async getChildren(node?: ScheduleTreeNode): Promise<ScheduleTreeNode[]> {
    if (!this.lazy.isLoaded && !(await this.keys.active())) return [];
    return (await this.host().provider.getChildren(node)) ?? [];
  }

  getTreeItem(node: ScheduleTreeNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.host().provider.getTreeItem(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: ScheduleTreeNode, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    const provider = this.host().provider;
    return provider.resolveTreeItem ? provider.resolveTreeItem(item, node, token) : item;
  }

  getParent(node: ScheduleTreeNode): vscode.ProviderResult<ScheduleTreeNode> {
    return this.host().provider.getParent?.(node);
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
