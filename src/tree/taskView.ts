import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { GroupNode } from './groupNode';
import { TaskNode } from './taskNode';
import { LazyViewHost, type ViewHost } from './lazyViewHost';
import type { TreeNode } from './treeNode';

/** How long core waits for VS Code to ask for the kept page's rows before loading anyway. */
const EARLY_ROWS_GRACE_MS = 250;
import type { ViewDescription } from './viewDescription';

/** What core hands the view once loaded (implemented by TaskTree). */
export type TaskTreeHost = ViewHost<TreeNode>;

/**
 * Registers the Tasks view at activation without loading core: the provider
 * stands in until VS Code first asks for rows with a connection in use, and only then loads
 * the tree. With no connection it answers no rows, so the welcome view shows and nothing heavy
 * is loaded.
 */
export function registerTaskView(
  keys: ApiKeyStore,
  description: ViewDescription,
  load: () => TaskTreeHost,
  keptRootsOf: (connectionId: string) => TreeNode[] | undefined = () => undefined,
): vscode.Disposable[] {
  const provider = new LazyTaskTreeProvider(keys, load, keptRootsOf);
  const view = vscode.window.createTreeView<TreeNode>('flexprice.tasks', { treeDataProvider: provider, showCollapseAll: true });
  provider.lazy.view = view;
  return [view, provider, description.attach(view as vscode.TreeView<never>)];
}

class LazyTaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  readonly lazy: LazyViewHost<TreeNode, TaskTreeHost>;
  /**
   * Rows of the kept page this provider built itself, before core loaded. Core's bundle has its
   * own copies of the node classes, so these are drawn here until VS Code asks core again.
   */
  private readonly early = new WeakSet<object>();
  private earlyGroupsUnasked = new Set<GroupNode>();
  private loadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly keys: ApiKeyStore,
    load: () => TaskTreeHost,
    private readonly keptRootsOf: (connectionId: string) => TreeNode[] | undefined,
  ) {
    // Until the tree is loaded, a new key must make VS Code ask for rows again.
    this.subscriptions = [this.changed, keys.onDidChange(() => this.lazy.isLoaded || this.changed.fire())];
    this.lazy = new LazyViewHost(load, this.changed, this.subscriptions);
  }

  host(): TaskTreeHost {
    return this.lazy.get();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node && this.early.has(node)) return this.earlyChildren(node);
    if (!this.lazy.isLoaded) {
      // With no connection the welcome view shows and nothing is loaded. With one, its key is
      // read while core loads, not before: the read is a round trip to the window.
      const connection = await this.keys.active();
      if (!connection) return [];
      void this.keys.get();
      const kept = node ? undefined : this.keptRootsOf(connection.id);
      if (kept) return this.answerEarly(kept);
    }
    return (await this.host().provider.getChildren(node)) ?? [];
  }

  /**
   * The kept page at once, from activation's own code. Core (50–200 ms to load, the extension
   * host busy meanwhile) loads once VS Code has asked for the groups' rows, so they show first.
   */
  private answerEarly(roots: TreeNode[]): TreeNode[] {
    for (const root of roots) {
      this.early.add(root);
      if (root instanceof GroupNode) root.children.forEach((child) => this.early.add(child));
    }
    this.earlyGroupsUnasked = new Set(roots.filter((root): root is GroupNode => root instanceof GroupNode && root.children.length > 0));
    clearTimeout(this.loadTimer);
    this.loadTimer = setTimeout(() => this.takeOver(), EARLY_ROWS_GRACE_MS);
    if (this.earlyGroupsUnasked.size === 0) this.takeOverSoon();
    return roots;
  }

  private earlyChildren(node: TreeNode): TreeNode[] {
    if (!(node instanceof GroupNode)) return [];
    if (this.earlyGroupsUnasked.delete(node) && this.earlyGroupsUnasked.size === 0) this.takeOverSoon();
    return node.children;
  }

  /** After this answer has gone out: loading core blocks the extension host. */
  private takeOverSoon(): void {
    clearTimeout(this.loadTimer);
    this.loadTimer = setTimeout(() => this.takeOver(), 0);
  }

  /** Core loads and VS Code asks it for everything; it shows the same kept rows until the live answer. */
  private takeOver(): void {
    clearTimeout(this.loadTimer);
    if (this.lazy.isLoaded) return;
    this.host();
    this.changed.fire();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    if (this.early.has(node)) return node instanceof TaskNode ? node.toTreeItem(new Date()) : node.toTreeItem();
    return this.host().provider.getTreeItem(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    if (this.early.has(node)) {
      if (node instanceof TaskNode) item.tooltip = node.tooltip();
      return item;
    }
    const provider = this.host().provider;
    return provider.resolveTreeItem ? provider.resolveTreeItem(item, node, token) : item;
  }

  dispose(): void {
    clearTimeout(this.loadTimer);
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
