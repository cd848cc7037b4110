import type * as vscode from 'vscode';

/** What core hands a view once loaded: its real provider, and the view to wire itself to. */
export interface ViewHost<N> {
  readonly provider: vscode.TreeDataProvider<N>;
  attach(view: vscode.TreeView<N>): void;
}

/**
 * The host behind a view registered at activation, loaded (with core) the first time it is
 * needed: from then on its provider's changes are the stand-in provider's, and it is attached
 * to the view.
 */
export class LazyViewHost<N, H extends ViewHost<N>> {
  private loaded: H | undefined;
  view: vscode.TreeView<N> | undefined;

  constructor(
    private readonly load: () => H,
    private readonly changed: vscode.EventEmitter<N | N[] | undefined | void>,
    private readonly subscriptions: vscode.Disposable[],
  ) {}

  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  get(): H {
    if (!this.loaded) {
      this.loaded = this.load();
      const forward = this.loaded.provider.onDidChangeTreeData?.((nodes) => this.changed.fire(nodes ?? undefined));
      if (forward) this.subscriptions.push(forward);
      if (this.view) this.loaded.attach(this.view);
    }
    return this.loaded;
  }
}
