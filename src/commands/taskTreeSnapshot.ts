import type { CoreCommandDeps } from './coreCommandDeps';

/** The tree as the user sees it, for the integration tests; registered only outside an installed extension. */
export function register({ commands, tree }: CoreCommandDeps): void {
  commands.define('flexprice.internal.taskTreeSnapshot', () => tree.snapshot());
}
