import type { CoreCommandDeps } from './coreCommandDeps';

/** The Scheduled Exports view as the user sees it, for the integration tests; registered only outside an installed extension. */
export function register({ commands, schedules }: CoreCommandDeps): void {
  commands.define('flexprice.internal.scheduledExportsSnapshot', () => schedules.snapshot());
}
