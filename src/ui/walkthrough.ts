import * as vscode from 'vscode';

/*
 * The "Get started" walkthrough's steps complete on what really happened, through context keys
 * its completionEvents name (package.json): a task shown in a panel, a run the server accepted.
 * Adding a connection and opening the Tasks view complete on `flexprice.hasConnection` and the
 * view itself.
 */

export const WALKTHROUGH_STEP_KEYS = {
  lookedUpTask: 'flexprice.walkthrough.lookedUpTask',
  ranScheduledExport: 'flexprice.walkthrough.ranScheduledExport',
} as const;

export type WalkthroughStep = keyof typeof WALKTHROUGH_STEP_KEYS;

const completed = new Set<WalkthroughStep>();

/** Marks a step done (once per window; VS Code remembers completed steps itself). */
export function completeWalkthroughStep(step: WalkthroughStep): void {
  if (completed.has(step)) return;
  completed.add(step);
  void vscode.commands.executeCommand('setContext', WALKTHROUGH_STEP_KEYS[step], true);
}

/** The steps completed in this window, for the integration tests. */
export function completedWalkthroughSteps(): WalkthroughStep[] {
  return [...completed];
}

/** Forgets them, so that a test can watch a step complete (VS Code's own record is not touched). */
export function forgetWalkthroughSteps(): void {
  completed.clear();
}
