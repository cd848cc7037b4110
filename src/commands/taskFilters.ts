import { promptForFilter } from '../tree/filterPrompt';
import type { CoreCommandDeps } from './coreCommandDeps';

/** "Filter Tasks…" (type, entity and status, asked in a quick pick) and "Clear Filters". */
export function register({ commands, tree }: CoreCommandDeps): void {
  commands.define('flexprice.filterTasks', async () => {
    const filter = await promptForFilter(tree.poller.activeFilter);
    if (filter) await tree.setFilter(filter);
  });
  commands.define('flexprice.clearTaskFilters', () => tree.setFilter({}));
}
