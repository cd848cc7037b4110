import * as vscode from 'vscode';
import { targetHolding } from '../tree/pollSettingsFromConfig';
import type { CoreCommandDeps } from './coreCommandDeps';

/** "Turn Auto-Refresh On/Off": writes `flexprice.autoRefresh`, which the tree's poller follows. */
export function register({ commands }: CoreCommandDeps): void {
  const set = (on: boolean) => {
    // A workspace that turned it off would win over a user-level write: write where it is held.
    const config = vscode.workspace.getConfiguration('flexprice');
    return config.update('autoRefresh', on, targetHolding(config.inspect('autoRefresh')));
  };
  commands.define('flexprice.enableAutoRefresh', () => set(true));
  commands.define('flexprice.disableAutoRefresh', () => set(false));
}
