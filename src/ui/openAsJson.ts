import * as vscode from 'vscode';

/** Opens a value (a task, or a list item as the server sent it) as an untitled JSON document, for reading, searching or saving. */
export async function openAsJson(value: unknown): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(value, null, 2) });
  await vscode.window.showTextDocument(document, { preview: true });
}
