import type { CoreCommandDeps } from './coreCommandDeps';

/** The tree's "Load more…" row: fetches the page under the loaded ones. */
export function register({ commands, tree }: CoreCommandDeps): void {
  commands.define('flexprice.loadMoreTasks', () => tree.poller.loadMore());
}
