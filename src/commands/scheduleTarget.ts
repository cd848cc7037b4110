import * as vscode from 'vscode';
import type { ScheduledExport } from '../api/scheduledExportSchema';
import type { FlexpriceClient } from '../api/flexpriceClient';
import { ScheduleNode } from '../scheduleView/scheduleNodes';
import { scheduleDestination, scheduleLabel } from '../scheduleView/scheduleText';
import { reportApiError } from '../ui/reportApiError';
import type { CoreCommandDeps } from './coreCommandDeps';
import { promptForApiKey } from './setApiKey';

/** A schedule a command acts on, with the connection it belongs to. */
export interface PickedSchedule {
  readonly schedule: ScheduledExport;
  readonly client: FlexpriceClient;
  readonly connectionId: string;
  readonly connectionName: string;
}

/**
 * The schedule a command was run on: a row, a schedule ID (a link, a test), or, from the
 * palette, one the user picks. Schedules are the active connection's, as the view shows.
 */
export async function pickSchedule(deps: CoreCommandDeps, argument: unknown, placeHolder: string): Promise<PickedSchedule | undefined> {
  const bound = (await deps.clients.active()) ?? ((await promptForApiKey(deps.keys)) ? await deps.clients.active() : undefined);
  if (!bound) return undefined;
  const base = { client: bound.client, connectionId: bound.connection.id, connectionName: bound.connection.name };
  if (argument instanceof ScheduleNode) return { ...base, schedule: argument.schedule };
  const id = scheduleIdFromArgument(argument);
  try {
    if (id) return { ...base, schedule: deps.schedules.model.schedule(id) ?? (await bound.client.getScheduledExport(id)) };
    const schedules = deps.schedules.model.schedules ?? (await bound.client.listScheduledExports()).items.filter((schedule) => schedule.status !== 'deleted');
    if (schedules.length === 0) {
      void vscode.window.showInformationMessage(`Flexprice: ${bound.connection.name} has no scheduled exports. Create one in the Flexprice dashboard, on an S3 connection's page.`);
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      schedules.map((schedule) => ({ label: scheduleLabel(schedule), description: [schedule.enabled === false ? 'Paused' : '', scheduleDestination(schedule)].filter(Boolean).join(' · '), detail: schedule.id, schedule })),
      { placeHolder, matchOnDescription: true, matchOnDetail: true },
    );
    return picked && { ...base, schedule: picked.schedule };
  } catch (error) {
    await reportApiError(error, deps.clients.errorContext(bound.connection.id));
    return undefined;
  }
}

/** Pauses or resumes; the updated schedule, or undefined after telling the user what went wrong. */
export async function setScheduleEnabled(deps: CoreCommandDeps, picked: PickedSchedule, enabled: boolean): Promise<ScheduledExport | undefined> {
  try {
    const updated = await picked.client.setScheduledExportEnabled(picked.schedule.id, enabled);
    deps.schedules.refreshSoon();
    return updated;
  } catch (error) {
    await reportApiError(error, { ...deps.clients.errorContext(picked.connectionId), retry: () => setScheduleEnabled(deps, picked, enabled) });
    return undefined;
  }
}

/** A schedule ID from a string or an object carrying `scheduleId` (a panel link passes that). */
export function scheduleIdFromArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string' && argument.trim()) return argument.trim();
  if (argument && typeof argument === 'object') {
    const { scheduleId } = argument as { scheduleId?: unknown };
    if (typeof scheduleId === 'string' && scheduleId.trim()) return scheduleId.trim();
  }
  return undefined;
}
