import * as vscode from 'vscode';
import { KNOWN_ENTITY_TYPES, KNOWN_TASK_STATUSES, KNOWN_TASK_TYPES } from '../api/taskSchema';
import type { TaskFilter } from '../polling/taskSource';

interface ValueItem extends vscode.QuickPickItem {
  readonly value?: string;
  readonly other?: boolean;
}

const CANCELLED = Symbol('cancelled');

/** Asks for task type, entity type and status in three quick picks; undefined if the user pressed Escape. */
export async function promptForFilter(current: TaskFilter): Promise<TaskFilter | undefined> {
  const taskType = await pickValue(1, 'Task type', KNOWN_TASK_TYPES, current.taskType, false);
  if (taskType === CANCELLED) return undefined;
  const entityType = await pickValue(2, 'Entity type', KNOWN_ENTITY_TYPES, current.entityType, true);
  if (entityType === CANCELLED) return undefined;
  const taskStatus = await pickValue(3, 'Status', KNOWN_TASK_STATUSES, current.taskStatus, false);
  if (taskStatus === CANCELLED) return undefined;
  return { taskType, entityType, taskStatus };
}

async function pickValue(
  step: number,
  title: string,
  known: readonly string[],
  current: string | undefined,
  allowOther: boolean,
): Promise<string | undefined | typeof CANCELLED> {
  const items: ValueItem[] = [
    { label: 'Any', description: current === undefined ? 'current' : undefined },
    ...known.map((value) => ({ label: value, value, description: value === current ? 'current' : undefined })),
    ...(current !== undefined && !known.includes(current) ? [{ label: current, value: current, description: 'current' }] : []),
    ...(allowOther ? [{ label: 'Other…', other: true, description: 'type an exact value' }] : []),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Flexprice: Filter Tasks (${step}/3)`,
    placeHolder: `${title}: exact match, as the server stores it`,
    ignoreFocusOut: true,
  });
  if (!picked) return CANCELLED;
  if (!picked.other) return picked.value;
  const typed = await vscode.window.showInputBox({
    title: `Flexprice: Filter Tasks (${step}/3)`,
    prompt: `${title}, exactly as the server stores it (exports use lower case, e.g. invoice)`,
    value: current,
    ignoreFocusOut: true,
  });
  return typed === undefined ? CANCELLED : typed.trim() || undefined;
}
