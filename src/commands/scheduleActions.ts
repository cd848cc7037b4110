import * as vscode from 'vscode';
import { scheduleLabel } from '../scheduleView/scheduleText';
import { StartingRunNode } from '../tree/startingRunNode';
import { openAsJson } from '../ui/openAsJson';
import { reportApiError } from '../ui/reportApiError';
import type { CoreCommandDeps } from './coreCommandDeps';
import { pickSchedule, scheduleIdFromArgument, setScheduleEnabled } from './scheduleTarget';

const DELETE = 'Delete';

/** Pause, Resume, Delete, Copy ID, Open as JSON, Refresh, Load more runs and Reveal, on a schedule; Dismiss on a run that never started. */
export function register(deps: CoreCommandDeps): void {
  const { commands, schedules } = deps;
  commands.define('flexprice.pauseScheduledExport', (argument?: unknown) => toggle(deps, argument, false));
  commands.define('flexprice.resumeScheduledExport', (argument?: unknown) => toggle(deps, argument, true));
  commands.define('flexprice.deleteScheduledExport', (argument?: unknown) => remove(deps, argument));
  commands.define('flexprice.copyScheduledExportId', async (argument?: unknown) => {
    const picked = await pickSchedule(deps, argument, 'Copy the ID of which scheduled export?');
    if (picked) await vscode.env.clipboard.writeText(picked.schedule.id);
  });
  commands.define('flexprice.openScheduledExportAsJson', async (argument?: unknown) => {
    const picked = await pickSchedule(deps, argument, 'Open which scheduled export as JSON?');
    if (picked) await openAsJson(picked.schedule);
  });
  commands.define('flexprice.refreshScheduledExports', () => schedules.refresh());
  commands.define('flexprice.loadMoreScheduleRuns', (argument?: unknown) => {
    const id = scheduleIdFromArgument(argument);
    if (id) schedules.loadMore(id);
  });
  // A "Never started" row stays until dismissed, so that the warning is not only a toast.
  commands.define('flexprice.dismissStartingRun', (argument?: unknown) => {
    if (argument instanceof StartingRunNode) schedules.model.dismiss(argument.run.taskId);
  });
  commands.define('flexprice.revealScheduledExport', async (argument?: unknown) => {
    const id = scheduleIdFromArgument(argument);
    if (!id) return;
    const { connectionId } = (argument ?? {}) as { connectionId?: unknown };
    if (typeof connectionId === 'string' && connectionId !== deps.clients.activeConnectionId) {
      void vscode.window.showInformationMessage('Flexprice: that schedule belongs to another connection. Switch to it to see the schedule.', 'Switch Connection')
        .then((choice) => choice && vscode.commands.executeCommand('flexprice.switchConnection'));
      return;
    }
    if (!(await schedules.reveal(id))) void vscode.window.showWarningMessage(`Flexprice: schedule ${id} is not in the list: it may have been deleted.`);
  });
}

async function toggle(deps: CoreCommandDeps, argument: unknown, enabled: boolean): Promise<void> {
  const picked = await pickSchedule(deps, argument, enabled ? 'Resume which scheduled export?' : 'Pause which scheduled export?');
  if (!picked) return;
  const updated = await setScheduleEnabled(deps, picked, enabled);
  if (updated) void vscode.window.setStatusBarMessage(`Flexprice: ${scheduleLabel(updated)} ${enabled ? 'resumed' : 'paused'}`, 5_000);
}

/** Delete asks first, naming the schedule and the connection: the server archives it for good. */
async function remove(deps: CoreCommandDeps, argument: unknown): Promise<void> {
  const picked = await pickSchedule(deps, argument, 'Delete which scheduled export?');
  if (!picked) return;
  const { schedule } = picked;
  const choice = await vscode.window.showWarningMessage(
    `Delete the scheduled export ${scheduleLabel(schedule)} from ${picked.connectionName}?`,
    { modal: true, detail: `${schedule.id}\nIt stops running and cannot be restored here. Files already exported stay in the bucket.` },
    DELETE,
  );
  if (choice !== DELETE) return;
  try {
    await picked.client.deleteScheduledExport(schedule.id);
    deps.schedules.refreshSoon();
    void vscode.window.setStatusBarMessage(`Flexprice: ${scheduleLabel(schedule)} deleted`, 5_000);
  } catch (error) {
    await reportApiError(error, { ...deps.clients.errorContext(picked.connectionId), retry: () => remove(deps, schedule.id) });
  }
}
