import { targetJson } from '../tree/commandTarget';
import { openAsJson } from '../ui/openAsJson';
import type { CoreCommandDeps } from './coreCommandDeps';

/** "Open as JSON": the task as an untitled JSON document; an unreadable row exactly as the server sent it. */
export function register({ commands, tree }: CoreCommandDeps): void {
  commands.define('flexprice.openTaskAsJson', async (argument?: unknown) => {
    const value = targetJson(argument, (id) => tree.poller.task(id));
    if (value !== undefined) await openAsJson(value);
  });
}

