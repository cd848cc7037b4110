import * as vscode from 'vscode';
import { normalizeTaskId } from '../api/taskId';
import type { Task } from '../api/taskSchema';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { BoundClient, ClientProvider } from '../auth/clientProvider';
import { connectionFromArgument, namesConnection } from './connectionPrompts';
import { reportApiError } from '../ui/reportApiError';
import type { BoundedIdList } from '../storage/boundedIdList';
import type { CoreCommandDeps } from './coreCommandDeps';
import { promptForApiKey } from './setApiKey';
import { askForTaskId } from './taskIdPrompt';
import { completeWalkthroughStep } from '../ui/walkthrough';

/** What looking a task up by ID needs: the key (asked for if missing), the client, the recent IDs. */
export interface TaskLookupDeps {
  readonly keys: ApiKeyStore;
  readonly clients: ClientProvider;
  readonly recent: BoundedIdList;
}

export interface GetTaskDeps extends TaskLookupDeps {
  /** Shows a task fetched with `connectionId` to the user (the task panel, bound to that connection). */
  readonly show: (task: Task, connectionId: string) => unknown;
}

/** A task and the connection it was read with. */
export interface FetchedTask {
  readonly task: Task;
  readonly connectionId: string;
}

/**
 * "Flexprice: Get Task". A task looked up by typing its ID is also pinned in the tree's Watched
 * group, so it stays in sight; rows and other commands pass the ID and pin nothing.
 */
export function register({ commands, keys, clients, recent, tree, panels }: CoreCommandDeps): void {
  const deps: GetTaskDeps = { keys, clients, recent, show: (task, connectionId) => panels.show(task, connectionId) };
  const typed: GetTaskDeps = {
    ...deps,
    show: (task, connectionId) => {
      // Watched is the active connection's: pin only what was read with it.
      if (connectionId === clients.activeConnectionId) void tree.watch(task.id);
      return panels.show(task, connectionId);
    },
  };
  commands.define('flexprice.getTask', (idArgument?: unknown) => getTask(idArgument === undefined ? typed : deps, idArgument));
}

/**
 * Takes an ID as an argument (from the sidebar or another command) or asks for one, fetches the
 * task with progress, remembers the ID and shows the task.
 */
export async function getTask(deps: GetTaskDeps, idArgument?: unknown): Promise<void> {
  const fetched = await fetchTaskWithProgress(deps, idArgument, (taskId) => getTask(deps, taskId));
  if (!fetched) return;
  await deps.show(fetched.task, fetched.connectionId);
  completeWalkthroughStep('lookedUpTask');
}

/** The shared first half of Get Task and Open Task File: an ID in, a fetched task (or a shown error) out. */
export async function fetchTaskWithProgress(deps: TaskLookupDeps, idArgument: unknown, retry: (taskId: string) => unknown): Promise<FetchedTask | undefined> {
  const given = taskIdFromArgument(idArgument);
  const raw = given ?? (await askForTaskId(deps.recent));
  if (raw === undefined) return undefined;
  const normalized = normalizeTaskId(raw);
  if (!normalized.ok) {
    void vscode.window.showErrorMessage(`Flexprice: ${normalized.reason}`);
    return undefined;
  }
  try {
    const bound = await clientFor(deps, idArgument);
    if (!bound) return undefined;
    const { client, connection } = bound;
    const task = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Flexprice: fetching task ${normalized.id} from ${connection.name}…`, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        try {
          return await client.getTask(normalized.id, abort.signal);
        } finally {
          cancel.dispose();
        }
      },
    );
    // Recent IDs are the active connection's: a task read with another one is not among them.
    if (connection.id === deps.clients.activeConnectionId) await deps.recent.add(task.id);
    return { task, connectionId: connection.id };
  } catch (error) {
    await reportApiError(error, { ...deps.clients.errorContext(), taskId: normalized.id, retry: () => retry(normalized.id) });
    return undefined;
  }
}

/**
 * The client to read with: the connection the argument names (`{ taskId, connectionId }`, by ID
 * or name, as a finish notification or a link passes it), else the active one, asking for a
 * key when it has none. A connection that does not exist is said so, and nothing is sent.
 */
async function clientFor(deps: TaskLookupDeps, argument: unknown): Promise<BoundClient | undefined> {
  const named = typeof argument === 'object' && argument !== null && namesConnection(argument);
  if (!named) return (await deps.clients.active()) ?? ((await promptForApiKey(deps.keys)) ? await deps.clients.active() : undefined);
  const connection = connectionFromArgument(deps.keys.connections, argument);
  if (!connection) {
    const name = String((argument as { connectionId: string }).connectionId).slice(0, 100);
    void vscode.window.showErrorMessage(`Flexprice: there is no connection "${name}". Add it, or switch to the one the task belongs to.`);
    return undefined;
  }
  const client = await deps.clients.forConnection(connection.id);
  if (!client) void vscode.window.showErrorMessage(`Flexprice: "${connection.name}" has no API key. Switch to it and set one.`);
  return client && { connection, client };
}

/** An ID passed by another command: a string, or an object carrying `id`, `taskId` or `task.id` (tree items). */
export function taskIdFromArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (!argument || typeof argument !== 'object') return undefined;
  const candidate = argument as { id?: unknown; taskId?: unknown; task?: { id?: unknown } };
  for (const value of [candidate.taskId, candidate.task?.id, candidate.id]) {
    if (typeof value === 'string') return value;
  }
  return undefined;
}
