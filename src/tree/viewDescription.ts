import type * as vscode from 'vscode';
import { connectionLabel } from '../connections/connection';
import type { ConnectionStore } from '../connections/connectionStore';

/**
 * The Tasks view's description: the connection in use ("Acme · Production"), then the filter
 * when one is set. The title names the connection too: while Tasks is the only view of its
 * container, VS Code shows "FLEXPRICE: TASKS" and no description at all. Set at activation,
 * before any row, so what is shown is never unlabelled.
 */
export class ViewDescription {
  private filter: string | undefined;
  private view: vscode.TreeView<unknown> | undefined;

  constructor(private readonly connections: ConnectionStore) {}

  attach(view: vscode.TreeView<never>): { dispose(): void } {
    this.view = view as vscode.TreeView<unknown>;
    this.apply();
    return this.connections.onDidChange(() => this.apply());
  }

  setFilter(text: string | undefined): void {
    this.filter = text;
    this.apply();
  }

  get text(): string | undefined {
    const connection = this.connections.active();
    return [connection && connectionLabel(connection), this.filter].filter(Boolean).join(' — ') || undefined;
  }

  private apply(): void {
    if (!this.view) return;
    const connection = this.connections.active();
    this.view.description = this.text;
    this.view.title = connection ? `Tasks · ${connectionLabel(connection)}` : 'Tasks';
  }
}
