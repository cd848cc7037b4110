import * as vscode from 'vscode';
import { parseTaskLink } from './taskLink';

/** Registers handleTaskUri for the extension's `…://flexprice-tasks.flexprice-tasks/…` URIs. */
export function registerTaskUriHandler(): vscode.Disposable {
  return vscode.window.registerUriHandler({ handleUri: handleTaskUri });
}

/**
 * Opens `…/task/<id>[?connection=<name>]` in the task panel, with the named connection or the
 * active one. Get Task does the rest: an unknown connection is said so and nothing is sent; a
 * link that is not a task link gets a message and no request at all.
 */
export async function handleTaskUri(uri: vscode.Uri): Promise<void> {
  const link = parseTaskLink(uri.path, uri.query);
  if (!link.ok) {
    void vscode.window.showErrorMessage(`Flexprice: ${link.reason}`);
    return;
  }
  await vscode.commands.executeCommand('flexprice.getTask', link.connection ? { taskId: link.taskId, connectionId: link.connection } : link.taskId);
}
