import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { TreeNode } from './treeNode';
import type { ViewDescription } from './viewDescription';

/** What core hands the view once loaded (implemented by TaskTree). */
export interface TaskTreeHost {
  readonly provider: vscode.TreeDataProvider<TreeNode>;
  attach(view: vscode.TreeView<TreeNode>): void;
}

/**
 * Registers the Tasks view at activation without loading core: the provider
 * stands in until VS Code first asks for rows with a key set, and only then loads the tree.
 * With no key it answers no rows, so the welcome view shows and nothing heavy is loaded.
 */
export function registerTaskView(keys: ApiKeyStore, description: ViewDescription, load: () => TaskTreeHost): vscode.Disposable[] {
  const provider = new LazyTaskTreeProvider(keys, load);
  const view = vscode.window.createTreeView<TreeNode>('flexprice.tasks', { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  return [view, provider, description.attach(view as vscode.TreeView<never>)];
}

class LazyTaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private loaded: TaskTreeHost | undefined;
  private readonly subscriptions: vscode.Disposable[];
  view: vscode.TreeView<TreeNode> | undefined;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly load: () => TaskTreeHost,
  ) {
    // Until the tree is loaded, a new key must make VS Code ask for rows again.
    this.subscriptions = [this.changed, keys.onDidChange(() => this.loaded || this.changed.fire())];
  }

  host(): TaskTreeHost {
    if (!this.loaded) {
      this.loaded = this.load();
      const forward = this.loaded.provider.onDidChangeTreeData?.((nodes) => this.changed.fire(nodes ?? undefined));
      if (forward) this.subscriptions.push(forward);
      if (this.view) this.loaded.attach(this.view);
    }
    return this.loaded;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!this.loaded && !(await this.keys.has())) return [];
    return (await this.host().provider.getChildren(node)) ?? [];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.host().provider.getTreeItem(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    const provider = this.host().provider;
    return provider.resolveTreeItem ? provider.resolveTreeItem(item, node, token) : item;
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
