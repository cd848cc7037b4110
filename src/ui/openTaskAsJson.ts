import * as vscode from 'vscode';
import type { Task } from '../api/taskSchema';

/** Opens a task as an untitled JSON document, for reading, searching or saving. */
export async function openTaskAsJson(task: Task): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(task, null, 2) });
  await vscode.window.showTextDocument(document, { preview: true });
}
