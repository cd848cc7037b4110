import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { LazyViewHost, type ViewHost } from '../tree/lazyViewHost';
import type { ScheduleTreeNode } from './scheduleNodes';

/** How long the view waits before loading core, so that the Tasks view's kept rows come first. */
const START_UP_GRACE_MS = 400;

/** What core hands the view once loaded (implemented by ScheduledExports). */
export type ScheduleViewHost = ViewHost<ScheduleTreeNode>;

/**
 * Registers the Scheduled Exports view at activation without loading core: until VS Code asks
 * for its rows with a connection in use (the view is open), it answers nothing and loads
 * nothing, so a collapsed view costs no start-up time. Open at start-up, it waits a moment
 * before loading core: loading blocks the extension host, and the Tasks view's kept rows
 * (drawn by activation's own code) must be painted first.
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
  private loadTimer: ReturnType<typeof setTimeout> | undefined;

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
    if (!this.lazy.isLoaded) {
      if (!(await this.keys.active())) return [];
      this.loadSoon();
      return [];
    }
    return (await this.host().provider.getChildren(node)) ?? [];
  }

  /** Loads core (or takes it, if the Tasks view loaded it) after the start-up grace, then asks VS Code again. */
  private loadSoon(): void {
    if (this.loadTimer !== undefined) return;
    this.loadTimer = setTimeout(() => {
      this.host();
      this.changed.fire();
    }, START_UP_GRACE_MS);
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
    clearTimeout(this.loadTimer);
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
