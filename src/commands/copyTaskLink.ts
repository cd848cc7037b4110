import * as vscode from 'vscode';
import { buildTaskLink } from '../uri/taskLink';
import { targetId } from '../tree/commandTarget';
import type { CoreCommandDeps } from './coreCommandDeps';
import { taskIdFromArgument } from './getTask';

/**
 * "Copy Link" on a task row or panel: a link that opens this task in VS Code, with the
 * connection it was read with (by name, which is what the receiver has too).
 */
export function register({ commands, context, keys }: CoreCommandDeps): void {
  commands.define('flexprice.copyTaskLink', async (argument?: unknown) => {
    // A row, an ID, or `{ taskId, connectionId }` from a panel.
    const id = targetId(argument) ?? taskIdFromArgument(argument);
    if (!id) return;
    const named = (argument as { connectionId?: unknown } | undefined)?.connectionId;
    const connection = typeof named === 'string' ? keys.connections.get(named) : keys.connections.active();
    const link = buildTaskLink(vscode.env.uriScheme, context.extension.id, id, connection?.name);
    await vscode.env.clipboard.writeText(link);
    void vscode.window.setStatusBarMessage(`Flexprice: link to ${id} copied`, 4_000);
  });
}
