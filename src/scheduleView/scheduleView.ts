import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ScheduleTreeNode } from './scheduleNodes';

/** What core hands the view once loaded (implemented by ScheduledExports). */
export interface ScheduleViewHost {
  readonly provider: vscode.TreeDataProvider<ScheduleTreeNode>;
  attach(view: vscode.TreeView<ScheduleTreeNode>): void;
}

/**
 * Registers the Scheduled Exports view at activation without loading core: until VS Code asks
 * for its rows with a connection in use (the view is open), it answers nothing and loads
 * nothing, so a collapsed view costs no start-up time.
 */
export function registerScheduleView(keys: ApiKeyStore, load: () => ScheduleViewHost): vscode.Disposable[] {
  const provider = new LazyScheduleProvider(keys, load);
  const view = vscode.window.createTreeView<ScheduleTreeNode>('flexprice.scheduledExports', { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  return [view, provider];
}

class LazyScheduleProvider implements vscode.TreeDataProvider<ScheduleTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ScheduleTreeNode | ScheduleTreeNode[] | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private loaded: ScheduleViewHost | undefined;
  private readonly subscriptions: vscode.Disposable[];
  view: vscode.TreeView<ScheduleTreeNode> | undefined;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly load: () => ScheduleViewHost,
  ) {
    this.subscriptions = [this.changed, keys.onDidChange(() => this.loaded || this.changed.fire())];
  }

  private host(): ScheduleViewHost {
    if (!this.loaded) {
      this.loaded = this.load();
      const forward = this.loaded.provider.onDidChangeTreeData?.((nodes) => this.changed.fire(nodes ?? undefined));
      if (forward) this.subscriptions.push(forward);
      if (this.view) this.loaded.attach(this.view);
    }
    return this.loaded;
  }

  async getChildren(node?: ScheduleTreeNode): Promise<ScheduleTreeNode[]> {
    if (!this.loaded && !(await this.keys.active())) return [];
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
