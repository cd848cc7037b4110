/** Commands of the task tree. extension.ts registers them without loading core; core runs them. */
export const TREE_COMMAND_IDS = [
  'flexprice.loadMoreTasks',
  'flexprice.filterTasks',
  'flexprice.clearTaskFilters',
  'flexprice.enableAutoRefresh',
  'flexprice.disableAutoRefresh',
  'flexprice.groupTasksByType',
  'flexprice.groupTasksByStatus',
  'flexprice.copyTaskId',
  'flexprice.openTreeTaskFile',
  'flexprice.openTaskAsJson',
  'flexprice.watchTask',
  'flexprice.unwatchTask',
  'flexprice.openSettings',
  /** Not in the palette: lets integration tests read the tree as the user sees it. */
  'flexprice.internal.taskTreeSnapshot',
] as const;

export type TreeCommandId = (typeof TREE_COMMAND_IDS)[number];
