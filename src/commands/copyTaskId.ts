import * as vscode from 'vscode';
import { targetId } from '../tree/commandTarget';
import type { CoreCommandDeps } from './coreCommandDeps';

/** "Copy Task ID" on a row (an unreadable one too, when it has an ID) or for a given ID. */
export function register({ commands }: CoreCommandDeps): void {
  commands.define('flexprice.copyTaskId', async (argument?: unknown) => {
    const id = targetId(argument);
    if (id) await vscode.env.clipboard.writeText(id);
  });
}
