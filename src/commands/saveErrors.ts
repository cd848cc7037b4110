import * as vscode from 'vscode';
import type { Task } from '../api/taskSchema';
import { errorsAsCsv, errorsAsJson, type ErrorFileMeta } from '../files/errorFile';
import { defaultFolder } from '../files/taskFiles';
import { filterErrorEntries, parseErrorSummary, summaryNotes } from '../panel/errorSummary';
import type { TaskPanels } from '../panel/taskPanels';
import { TaskNode } from '../tree/taskNode';
import { reportApiError } from '../ui/reportApiError';
import type { CoreCommandDeps } from './coreCommandDeps';
import { type FetchedTask, fetchTaskWithProgress, type TaskLookupDeps } from './getTask';

/** The longest filter taken from an argument, as the panel's messages bound it. */
const MAX_FILTER = 500;

interface SaveErrorsDeps extends TaskLookupDeps {
  readonly panels: TaskPanels;
  /** The sidebar's copy of a task of the active connection, when it has one. */
  readonly known: (taskId: string) => Task | undefined;
}

/** What Save Errors was asked for: a task (or only its ID, to fetch), its connection and the filter. */
interface Target {
  readonly taskId: string;
  readonly task?: Task;
  readonly connectionId?: string;
  readonly filter: string;
}

/**
 * "Save Errors…": the task's `error_summary` entries (those matching the panel's filter, or all)
 * as CSV or JSON in a file the user picks. On a tree row, a task ID, or
 * `{ taskId, connectionId, filter }` from the task panel. Resolves to the file written.
 */
export function register({ commands, keys, clients, recent, tree, panels }: CoreCommandDeps): void {
  const deps: SaveErrorsDeps = { keys, clients, recent, panels, known: (id) => tree.poller.task(id) };
  commands.define('flexprice.saveErrors', (argument?: unknown) => saveErrors(deps, argument));
}

async function saveErrors(deps: SaveErrorsDeps, argument: unknown): Promise<vscode.Uri | undefined> {
  const target = readTarget(argument);
  if (!target) return undefined;
  const fetched = await taskOf(deps, target);
  if (!fetched) return undefined;
  const { task, connectionId } = fetched;
  const all = parseErrorSummary(task.error_summary);
  if (all.length === 0) {
    void vscode.window.showInformationMessage(`Flexprice: task ${task.id} has no errors to save: the server sent no error summary.`);
    return undefined;
  }
  const entries = filterErrorEntries(all, target.filter);
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(`Flexprice: no error of task ${task.id} contains "${target.filter.trim()}"; nothing to save.`);
    return undefined;
  }
  const file = await pickFile(task.id);
  if (!file) return undefined;
  const meta: ErrorFileMeta = { taskId: task.id, exportedAt: new Date(), filter: target.filter, total: all.length, ...summaryNotes(all, task.failed_records) };
  try {
    const text = file.format === 'json' ? errorsAsJson(entries, meta) : errorsAsCsv(entries, meta);
    await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(text));
  } catch (error) {
    await reportApiError(error, { ...deps.clients.errorContext(connectionId), taskId: task.id, retry: () => saveErrors(deps, { taskId: task.id, connectionId, filter: target.filter }) });
    return undefined;
  }
  void announce(file.uri, entries.length, task.id);
  return file.uri;
}

/** The argument as a target, or undefined (said so) when it names no task. */
function readTarget(argument: unknown): Target | undefined {
  if (argument instanceof TaskNode) return { taskId: argument.task.id, task: argument.task, filter: '' };
  if (typeof argument === 'string' && argument) return { taskId: argument, filter: '' };
  if (typeof argument === 'object' && argument !== null) {
    const { taskId, connectionId, filter } = argument as { taskId?: unknown; connectionId?: unknown; filter?: unknown };
    if (typeof taskId === 'string' && taskId) {
      return {
        taskId,
        filter: typeof filter === 'string' ? filter.slice(0, MAX_FILTER) : '',
        ...(typeof connectionId === 'string' && connectionId && { connectionId }),
      };
    }
  }
  void vscode.window.showErrorMessage('Flexprice: Save Errors needs a task: run it from a task row or a task panel.');
  return undefined;
}

/** The copy already on screen (a row, the panel, the sidebar's), else the task fetched with its connection. */
async function taskOf(deps: SaveErrorsDeps, target: Target): Promise<FetchedTask | undefined> {
  const active = deps.clients.activeConnectionId ?? '';
  const connectionId = target.connectionId ?? active;
  const onScreen = target.task ?? deps.panels.get(target.taskId, connectionId)?.current ?? (connectionId === active ? deps.known(target.taskId) : undefined);
  if (onScreen) return { task: onScreen, connectionId };
  const retry = (taskId: string) => saveErrors(deps, { ...target, taskId });
  return fetchTaskWithProgress(deps, target.connectionId ? { taskId: target.taskId, connectionId: target.connectionId } : target.taskId, retry);
}

/** The file to write, and its format: from the extension chosen, else asked. */
async function pickFile(taskId: string): Promise<{ uri: vscode.Uri; format: 'csv' | 'json' } | undefined> {
  const uri = await vscode.window.showSaveDialog({
    title: `Save the errors of task ${taskId}`,
    saveLabel: 'Save Errors',
    defaultUri: vscode.Uri.joinPath(defaultFolder(), `${taskId.replace(/[^A-Za-z0-9_-]/g, '_')}-errors.csv`),
    filters: { CSV: ['csv'], JSON: ['json'] },
  });
  if (!uri) return undefined;
  const extension = uri.path.slice(uri.path.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'csv' || extension === 'json') return { uri, format: extension };
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: 'kind, number, chunk note, message; opens in a spreadsheet', format: 'csv' as const },
      { label: 'JSON', description: 'the entries with the task, the filter and any notes', format: 'json' as const },
    ],
    { title: `Save the errors as…`, placeHolder: 'The file name has no .csv or .json extension: pick a format' },
  );
  return choice && { uri, format: choice.format };
}

async function announce(uri: vscode.Uri, count: number, taskId: string): Promise<void> {
  const entries = `${count.toLocaleString('en-US')} error ${count === 1 ? 'entry' : 'entries'}`;
  const choice = await vscode.window.showInformationMessage(`Flexprice: saved ${entries} of task ${taskId} to ${uri.fsPath}.`, 'Open', 'Reveal');
  if (choice === 'Open') await vscode.window.showTextDocument(uri);
  if (choice === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', uri);
}
