import { completedWalkthroughSteps, forgetWalkthroughSteps } from '../ui/walkthrough';
import type { CoreCommandDeps } from './coreCommandDeps';

/**
 * The walkthrough steps completed in this window (`'forget'` first clears them), for the
 * integration tests; registered only outside an installed extension.
 */
export function register({ commands }: CoreCommandDeps): void {
  commands.define('flexprice.internal.walkthroughProgress', (action?: unknown) => {
    if (action === 'forget') forgetWalkthroughSteps();
    return completedWalkthroughSteps();
  });
}
