import * as vscode from 'vscode';
import type { CoreCommandDeps } from './coreCommandDeps';

/** "Open Settings", filtered to the extension's settings. */
export function register({ commands }: CoreCommandDeps): void {
  commands.define('flexprice.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', 'flexprice'));
}
