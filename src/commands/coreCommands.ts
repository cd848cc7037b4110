import * as addConnection from './addConnection';
import * as autoRefresh from './autoRefresh';
import * as copyTaskId from './copyTaskId';
import * as copyTaskLink from './copyTaskLink';
import * as exportFile from './exportFile';
import type { CoreCommandDeps } from './coreCommandDeps';
import * as getTask from './getTask';
import * as groupTasks from './groupTasks';
import * as loadMoreTasks from './loadMoreTasks';
import * as openSettings from './openSettings';
import * as openTaskAsJson from './openTaskAsJson';
import * as openTaskFile from './openTaskFile';
import * as openTaskUri from './openTaskUri';
import * as panelSnapshot from './panelSnapshot';
import * as peekTask from './peekTask';
import * as refreshTasks from './refreshTasks';
import * as runScheduledExport from './runScheduledExport';
import * as saveErrors from './saveErrors';
import * as scheduleActions from './scheduleActions';
import * as scheduledExportsSnapshot from './scheduledExportsSnapshot';
import * as taskFilters from './taskFilters';
import * as taskTreeSnapshot from './taskTreeSnapshot';
import * as walkthroughProgress from './walkthroughProgress';
import * as watchTask from './watchTask';

interface CommandFile {
  register(deps: CoreCommandDeps): void;
}

/** Every command file in core: each defines the commands of CORE_COMMAND_IDS it is named after. */
export const CORE_COMMANDS: readonly CommandFile[] = [
  getTask, refreshTasks, openTaskFile, loadMoreTasks, taskFilters, autoRefresh, groupTasks, copyTaskId, copyTaskLink, openTaskAsJson, watchTask, openSettings, addConnection,
  exportFile, runScheduledExport, scheduleActions, peekTask, saveErrors,
];

/** Defined only when the extension runs from its folder (tests, debugging), never when installed. */
export const TEST_COMMANDS: readonly CommandFile[] = [taskTreeSnapshot, panelSnapshot, scheduledExportsSnapshot, walkthroughProgress, openTaskUri];
