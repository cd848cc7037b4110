import * as vscode from 'vscode';
import type { TreeSnapshotRow } from '../../src/tree/treeSnapshot';

type Window = typeof vscode.window;

/**
 * Replaces a `vscode.window` function for one test, recording its calls. Integration tests
 * answer input boxes and read messages this way; the UI tests drive the real widgets.
 */
export function stubWindow<K extends keyof Window>(name: K, implementation: Window[K]) {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window[name];
  const calls: unknown[][] = [];
  window[name] = (...args: unknown[]) => {
    calls.push(args);
    return (implementation as (...a: unknown[]) => unknown)(...args);
  };
  return { calls, restore: () => void (window[name] = original) };
}

/** Answers Run Now's range pick with the item whose label starts with `label`. */
export function answerRangePickFor(label: string) {
  return stubWindow('showQuickPick', (async (items: readonly vscode.QuickPickItem[]) =>
    (await items).find((item) => item.label.startsWith(label))) as unknown as Window['showQuickPick']);
}

/** Answers successive input boxes with the given values (undefined = the user pressed Escape). */
export function answerInputBoxes(...answers: (string | undefined)[]) {
  return stubWindow('showInputBox', (async () => answers.shift()) as Window['showInputBox']);
}

/** Records information and error messages instead of showing them; picks no action. */
export function recordMessages() {
  const info = stubWindow('showInformationMessage', (async () => undefined) as Window['showInformationMessage']);
  const error = stubWindow('showErrorMessage', (async () => undefined) as Window['showErrorMessage']);
  return {
    info: () => info.calls.map((args) => String(args[0])),
    errors: () => error.calls.map((args) => String(args[0])),
    restore: () => {
      info.restore();
      error.restore();
    },
  };
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('flexprice').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Runs "Flexprice: Set API Key" as a user would, answering its password box with `key`. */
export async function setApiKeyThroughCommand(key: string): Promise<void> {
  const input = answerInputBoxes(key);
  const messages = recordMessages();
  try {
    await vscode.commands.executeCommand('flexprice.setApiKey');
  } finally {
    input.restore();
    messages.restore();
  }
}

export interface ConnectionAnswers {
  readonly apiUrl: string;
  readonly key: string;
  readonly name: string;
  readonly environmentId?: string;
}

/**
 * Answers successive quick picks, each with the first item its chooser accepts (no chooser left,
 * or none accepted = the user pressed Escape); records the items each one offered.
 */
export function answerQuickPicks(...choosers: ((item: vscode.QuickPickItem) => boolean)[]) {
  const offered: vscode.QuickPickItem[][] = [];
  const stub = stubWindow('showQuickPick', (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
    const list = [...(await items)];
    offered.push(list);
    const choose = choosers.shift();
    return choose ? list.find(choose) : undefined;
  }) as unknown as Window['showQuickPick']);
  return { offered, restore: stub.restore };
}

/** A quick-pick item whose label starts with this text. */
export const labelled = (start: string) => (item: vscode.QuickPickItem) => item.label.startsWith(start);

/** A Switch Connection item of the connection with this name. */
export const connectionNamed = (name: string) => (item: vscode.QuickPickItem) => (item as { connection?: { name: string } }).connection?.name === name;

/**
 * Stands in for window.createQuickPick (Get Task's recent IDs): records the items each one
 * offered, then accepts the first item `choose` accepts, or hides it (Escape) when none.
 */
export function answerCreatedQuickPicks(choose: (item: vscode.QuickPickItem) => boolean) {
  const offered: vscode.QuickPickItem[][] = [];
  const stub = stubWindow('createQuickPick', (() => {
    const accepted = new vscode.EventEmitter<void>();
    const hidden = new vscode.EventEmitter<void>();
    const typed = new vscode.EventEmitter<string>();
    const pick = {
      items: [] as vscode.QuickPickItem[],
      selectedItems: [] as vscode.QuickPickItem[],
      activeItems: [] as vscode.QuickPickItem[],
      value: '',
      onDidAccept: accepted.event,
      onDidHide: hidden.event,
      onDidChangeValue: typed.event,
      show: () => {
        offered.push([...pick.items]);
        const chosen = pick.items.find(choose);
        setTimeout(() => {
          if (chosen) {
            pick.selectedItems = [chosen];
            accepted.fire();
          } else {
            hidden.fire();
          }
        }, 0);
      },
      hide: () => hidden.fire(),
      dispose: () => [accepted, hidden, typed].forEach((emitter) => emitter.dispose()),
    };
    return pick;
  }) as unknown as Window['createQuickPick']);
  return { offered, restore: stub.restore };
}

/**
 * Runs "Flexprice: Add Connection" as a user would: picks "Self-hosted…", types the URL, the
 * environment ID (none by default), pastes the key and accepts `name`. The new connection
 * becomes the active one. Resolves to the messages it showed.
 */
export async function addConnectionThroughCommand(answers: ConnectionAnswers): Promise<{ info: string[]; warnings: string[]; errors: string[] }> {
  const picks = answerQuickPicks(labelled('Self-hosted'));
  const input = answerInputBoxes(answers.apiUrl, answers.environmentId ?? '', answers.key, answers.name);
  const messages = recordMessages();
  const warnings = stubWindow('showWarningMessage', (async () => undefined) as Window['showWarningMessage']);
  try {
    await vscode.commands.executeCommand('flexprice.addConnection');
    return { info: messages.info(), warnings: warnings.calls.map((args) => String(args[0])), errors: messages.errors() };
  } finally {
    picks.restore();
    input.restore();
    messages.restore();
    warnings.restore();
  }
}

/**
 * Runs "Flexprice: Edit Connection" on a connection by name or ID: "Change API URL…", then
 * "Self-hosted…", and types `apiUrl`.
 */
export async function editConnectionUrlThroughCommand(connection: string, apiUrl: string): Promise<void> {
  const picks = answerQuickPicks(labelled('$(globe) Change API URL'), labelled('Self-hosted'));
  const input = answerInputBoxes(apiUrl);
  try {
    await vscode.commands.executeCommand('flexprice.editConnection', connection);
    if (picks.offered.length !== 2 || input.calls.length !== 1) throw new Error(`Edit Connection asked ${picks.offered.length} picks and ${input.calls.length} input boxes`);
  } finally {
    picks.restore();
    input.restore();
  }
}

/** Switches by the connection's name, as `executeCommand('flexprice.switchConnection', name)`. */
export async function switchConnection(name: string): Promise<void> {
  await vscode.commands.executeCommand('flexprice.switchConnection', name);
}

/** Runs "Flexprice: Remove Connection" on a connection by name, confirming the modal. */
export async function removeConnectionThroughCommand(name: string): Promise<void> {
  const confirm = stubWindow('showWarningMessage', (async () => 'Remove') as Window['showWarningMessage']);
  const messages = recordMessages();
  try {
    await vscode.commands.executeCommand('flexprice.removeConnection', name);
  } finally {
    confirm.restore();
    messages.restore();
  }
}

/** Waits for a condition the extension reaches by itself (no timing is asserted; the limit only ends a hung test). */
export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TreeSnapshot {
  description?: string;
  /** The active connection's ID. */
  connection?: string;
  rows: TreeSnapshotRow[];
}

/** The Tasks view as the user sees it (the flexprice.internal.taskTreeSnapshot test hook). */
export const treeSnapshot = async () => (await vscode.commands.executeCommand('flexprice.internal.taskTreeSnapshot')) as TreeSnapshot;

/** The task rows' labels, in order (groups and messages left out). */
export const taskLabels = (rows: readonly TreeSnapshotRow[]) => rows.filter((row) => row.contextValue?.startsWith('task;')).map((row) => row.label);

export interface PanelSnapshotEntry {
  taskId: string;
  connectionId: string | undefined;
  title: string;
}

/** The open task panels with their connections (the flexprice.internal.panelSnapshot test hook). */
export const panelSnapshot = async () => (await vscode.commands.executeCommand('flexprice.internal.panelSnapshot')) as PanelSnapshotEntry[];

/** The open task panels, as tabs: the label is the panel title. */
export function taskPanelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('flexprice.taskPanel'));
}
