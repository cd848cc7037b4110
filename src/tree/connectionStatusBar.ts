import * as vscode from 'vscode';
import { type Connection, connectionLabel, describeApiUrl, isProduction } from '../connections/connection';
import type { ConnectionStore } from '../connections/connectionStore';

export const SWITCH_CONNECTION_COMMAND = 'flexprice.switchConnection';

/**
 * The connection in use, always in sight: `$(plug) Acme · Sandbox`, and for a Production
 * environment `$(flame) Acme · Production` on the warning background. A click switches.
 * Hidden while there is no connection (the view's welcome says how to add one).
 */
export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('flexprice.connection', vscode.StatusBarAlignment.Left, 11);
  private readonly subscription: { dispose(): void };

  constructor(private readonly connections: ConnectionStore) {
    this.item.name = 'Flexprice Connection';
    this.item.command = SWITCH_CONNECTION_COMMAND;
    this.subscription = connections.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const connection = this.connections.active();
    if (!connection) {
      this.item.hide();
      return;
    }
    const production = isProduction(connection);
    this.item.text = `${production ? '$(flame)' : '$(plug)'} ${connectionLabel(connection)}`;
    this.item.tooltip = connectionTooltip(connection);
    this.item.backgroundColor = production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: `Flexprice connection: ${connectionLabel(connection)}${production ? ', a Production environment' : ''}. Click to switch.` };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

/** What the connection is, as far as it is known, for the status bar and the picker. */
function connectionTooltip(connection: Connection): vscode.MarkdownString {
  const identity = connection.identity;
  const text = new vscode.MarkdownString(undefined, true);
  text.isTrusted = false;
  text.supportHtml = false;
  text.appendMarkdown('**Flexprice connection:** ').appendText(connection.name);
  if (isProduction(connection)) text.appendMarkdown('\n\n$(flame) **Production environment**');
  const rows: [string, string | undefined][] = [
    ['Tenant', identity?.tenantName ?? identity?.tenantId],
    ['Environment', [identity?.environmentName, identity?.environmentType && `(${identity.environmentType})`].filter(Boolean).join(' ') || connection.environmentId],
    ['API', `${describeApiUrl(connection.apiUrl)} — ${connection.apiUrl}`],
    ['Key', connection.origin === 'environment' ? 'from the environment' : 'in secret storage'],
  ];
  for (const [label, value] of rows) if (value) text.appendMarkdown(`\n\n${label}: `).appendText(value);
  text.appendMarkdown('\n\nClick to switch connection.');
  return text;
}
