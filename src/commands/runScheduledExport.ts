import * as vscode from 'vscode';
import { type ExportRange, parseRangeInput, previousFullInterval, validateExportRange } from '../api/exportRange';
import type { ScheduledExport } from '../api/scheduledExportSchema';
import { scheduleLabel } from '../scheduleView/scheduleText';
import { readPollSettings } from '../configuration';
import { reportApiError } from '../ui/reportApiError';
import { completeWalkthroughStep } from '../ui/walkthrough';
import type { CoreCommandDeps } from './coreCommandDeps';
import { pickSchedule, setScheduleEnabled } from './scheduleTarget';

const RESUME_AND_RUN = 'Resume and Run';
const RUN_ANYWAY = 'Run Anyway';

/**
 * "Run Now" on a schedule: asks for the range (the interval so far, the previous full one, or
 * one typed in), asks the server to run, and follows the run from "Starting…" to its end.
 * A paused schedule is accepted by the server and starts nothing, so the user is told first.
 */
export function register(deps: CoreCommandDeps): void {
  deps.commands.define('flexprice.runScheduledExport', (argument?: unknown) => runNow(deps, argument));
}

async function runNow(deps: CoreCommandDeps, argument: unknown): Promise<void> {
  const picked = await pickSchedule(deps, argument, 'Run which scheduled export now?');
  if (!picked) return;
  let { schedule } = picked;
  if (schedule.enabled === false) {
    const choice = await vscode.window.showWarningMessage(
      `Flexprice: ${scheduleLabel(schedule)} is paused. The server accepts a run of a paused schedule but starts nothing.`,
      { modal: true, detail: 'Resume it first, then run it.' },
      RESUME_AND_RUN,
      RUN_ANYWAY,
    );
    if (!choice) return;
    if (choice === RESUME_AND_RUN) {
      const resumed = await setScheduleEnabled(deps, picked, true);
      if (!resumed) return;
      schedule = resumed;
    }
  }
  const range = await askForRange(schedule);
  if (range === undefined) return;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Flexprice: asking ${picked.connectionName} to run ${scheduleLabel(schedule)}…` },
      () => picked.client.runScheduledExport(schedule.id, range === 'default' ? undefined : range),
    );
    deps.schedules.followRun(schedule.id, result);
    completeWalkthroughStep('ranScheduledExport');
    if (readPollSettings().autoRefresh) {
      void vscode.window.setStatusBarMessage(`Flexprice: ${scheduleLabel(schedule)} started (${result.workflow_id})`, 5_000);
    } else {
      // Following the run takes the engine's cycles, which auto-refresh off has stopped.
      void vscode.window
        .showInformationMessage(
          `Flexprice: ${scheduleLabel(schedule)} started (${result.workflow_id}). Auto-refresh is off, so the run is not followed: use Refresh to see it.`,
          'Turn On Auto-Refresh',
        )
        .then((choice) => choice && vscode.commands.executeCommand('flexprice.enableAutoRefresh'));
    }
  } catch (error) {
    await reportApiError(error, { ...deps.clients.errorContext(picked.connectionId), retry: () => runNow(deps, schedule.id) });
  }
}

type RangeChoice = ExportRange | 'default';

/** The range to export: undefined when the user backed out. */
async function askForRange(schedule: ScheduledExport): Promise<RangeChoice | undefined> {
  const now = new Date();
  const previous = previousFullInterval(schedule.interval ?? '', now);
  type Item = vscode.QuickPickItem & { choice: 'default' | 'previous' | 'custom' };
  const items: Item[] = [
    { label: 'Current interval so far', description: 'the server’s default', detail: `From the start of the current ${schedule.interval ?? ''} interval until now`, choice: 'default' },
    ...(previous ? [{ label: 'Previous full interval', description: describeRange(previous), detail: 'What the next scheduled run would have exported', choice: 'previous' as const }] : []),
    { label: 'Custom range…', description: 'start and end, UTC', choice: 'custom' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Run ${scheduleLabel(schedule)} now`, placeHolder: 'Which data should the export cover?' });
  if (!picked) return undefined;
  if (picked.choice === 'default') return 'default';
  if (picked.choice === 'previous' && previous) return previous;
  return askForCustomRange(previous);
}

async function askForCustomRange(suggested: ExportRange | undefined): Promise<ExportRange | undefined> {
  const startText = await vscode.window.showInputBox({
    title: 'Custom range: start (UTC)',
    prompt: 'YYYY-MM-DD, YYYY-MM-DD HH:mm or an RFC 3339 time',
    value: suggested ? dateText(suggested.start) : '',
    validateInput: (text) => (parseRangeInput(text) ? undefined : 'Not a date: use YYYY-MM-DD, YYYY-MM-DD HH:mm or RFC 3339.'),
  });
  const start = startText === undefined ? undefined : parseRangeInput(startText);
  if (!start) return undefined;
  const endText = await vscode.window.showInputBox({
    title: 'Custom range: end (UTC)',
    prompt: `After ${start.toISOString()}, not in the future, at most a year later`,
    value: suggested ? dateText(suggested.end) : '',
    validateInput: (text) => {
      const end = parseRangeInput(text);
      if (!end) return 'Not a date: use YYYY-MM-DD, YYYY-MM-DD HH:mm or RFC 3339.';
      const checked = validateExportRange(start, end, new Date());
      return checked.ok ? undefined : checked.reason;
    },
  });
  const end = endText === undefined ? undefined : parseRangeInput(endText);
  if (!end || !validateExportRange(start, end, new Date()).ok) return undefined;
  return { start, end };
}

function describeRange(range: ExportRange): string {
  return `${dateText(range.start)} → ${dateText(range.end)} UTC`;
}

/** `2026-11-30 00:00`, the form the input box reads back. */
function dateText(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
