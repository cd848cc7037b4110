import { targetId, targetTask } from '../tree/commandTarget';
import type { CoreCommandDeps } from './coreCommandDeps';

/** "Watch" pins a task in the tree's Watched group, kept fresh by ID; "Unwatch" unpins it (an unreadable row too). */
export function register({ commands, tree }: CoreCommandDeps): void {
  commands.define('flexprice.watchTask', async (argument?: unknown) => {
    const task = targetTask(argument, (id) => tree.poller.task(id));
    if (task) await tree.watch(task.id);
  });
  commands.define('flexprice.unwatchTask', async (argument?: unknown) => {
    const id = targetId(argument);
    if (id) await tree.unwatch(id);
  });
}
