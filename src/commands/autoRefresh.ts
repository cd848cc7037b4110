import { setAutoRefresh } from '../configuration';
import type { CoreCommandDeps } from './coreCommandDeps';

/** "Turn Auto-Refresh On/Off": writes `flexprice.autoRefresh` (where it is held), which the tree's poller follows. */
export function register({ commands }: CoreCommandDeps): void {
  commands.define('flexprice.enableAutoRefresh', () => setAutoRefresh(true));
  commands.define('flexprice.disableAutoRefresh', () => setAutoRefresh(false));
}
