/**
 * Commands whose code is in core, loaded on first use. Activation registers these IDs with VS
 * Code straight away (so the palette, menus and keybindings work) and loads core when one runs;
 * each is defined by the file in src/commands named after it.
 */
export const CORE_COMMAND_IDS = [
  'flexprice.getTask',
  'flexprice.refreshTasks',
  'flexprice.openTaskFile',
  'flexprice.loadMoreTasks',
  'flexprice.filterTasks',
  'flexprice.clearTaskFilters',
  'flexprice.enableAutoRefresh',
  'flexprice.disableAutoRefresh',
  'flexprice.groupTasksByType',
  'flexprice.groupTasksByStatus',
  'flexprice.copyTaskId',
  'flexprice.copyTaskLink',
  'flexprice.openTaskAsJson',
  'flexprice.watchTask',
  'flexprice.unwatchTask',
  'flexprice.openSettings',
  'flexprice.addConnection',
  'flexprice.openExportInEditor',
  'flexprice.downloadExport',
  'flexprice.runScheduledExport',
  'flexprice.pauseScheduledExport',
  'flexprice.resumeScheduledExport',
  'flexprice.deleteScheduledExport',
  'flexprice.copyScheduledExportId',
  'flexprice.openScheduledExportAsJson',
  'flexprice.refreshScheduledExports',
  'flexprice.loadMoreScheduleRuns',
  'flexprice.revealScheduledExport',
  'flexprice.dismissStartingRun',
  'flexprice.peekTask',
  'flexprice.saveErrors',
] as const;

/** Core commands that code calls, never a person (the hover over a task ID): registered, not contributed. */
export const UNCONTRIBUTED_CORE_COMMAND_IDS: readonly CoreCommandId[] = ['flexprice.peekTask'];

/** Not contributed and not registered in an installed extension: lets the integration tests read the tree. */
export const TEST_COMMAND_IDS = ['flexprice.internal.taskTreeSnapshot', 'flexprice.internal.panelSnapshot', 'flexprice.internal.refreshPanel', 'flexprice.internal.scheduledExportsSnapshot', 'flexprice.internal.walkthroughProgress', 'flexprice.internal.openTaskUri'] as const;

export type CoreCommandId = (typeof CORE_COMMAND_IDS)[number] | (typeof TEST_COMMAND_IDS)[number];

/** The IDs activation registers for core: the test hook too only when the extension runs from its folder. */
export function coreCommandIds(installed: boolean): readonly CoreCommandId[] {
  return installed ? CORE_COMMAND_IDS : [...CORE_COMMAND_IDS, ...TEST_COMMAND_IDS];
}
