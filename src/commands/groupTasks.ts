import type { CoreCommandDeps } from './coreCommandDeps';

/** "Group by Type" / "Group by Status": how the tree groups its rows (remembered across reloads). */
export function register({ commands, tree }: CoreCommandDeps): void {
  commands.define('flexprice.groupTasksByType', () => tree.setGroupByType(true));
  commands.define('flexprice.groupTasksByStatus', () => tree.setGroupByType(false));
}
