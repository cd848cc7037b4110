import * as vscode from 'vscode';
import { handleTaskUri } from '../uri/registerTaskUriHandler';
import type { CoreCommandDeps } from './coreCommandDeps';

/**
 * Hands a URI to the extension's URI handler, as VS Code does for `vscode://…` links; for the
 * integration tests, whose host cannot be sent an OS-level link. Registered only outside an
 * installed extension.
 */
export function register({ commands }: CoreCommandDeps): void {
  commands.define('flexprice.internal.openTaskUri', (link?: unknown) => handleTaskUri(vscode.Uri.parse(String(link))));
}
