import type { CoreCommandDeps } from './coreCommandDeps';

/** "Flexprice: Refresh Tasks": reads every loaded page again, and asks again about plain HTTP if that was declined. */
export function register({ commands, tree }: CoreCommandDeps): void {
  commands.define('flexprice.refreshTasks', () => tree.refresh());
}
