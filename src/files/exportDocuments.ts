import * as vscode from 'vscode';

/** Read-only documents holding downloaded exports: `flexprice-export:/<task id>/<file name>`. */
export const EXPORT_SCHEME = 'flexprice-export';

/**
 * An export opened in the editor is a read-only document named after its file, not an untitled
 * one: an untitled document would be titled by its first line (the CSV header) and ask to be
 * saved on close. File: Save As still writes it anywhere. Each text is kept only while its
 * document is open.
 */
class ExportDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor() {
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === EXPORT_SCHEME) this.texts.delete(document.uri.toString());
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This export is no longer held: open it again from its task.';
  }

  put(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const known = this.texts.has(key);
    this.texts.set(key, text);
    // Opened before: the document VS Code holds is re-read with the newer download.
    if (known) this.changed.fire(uri);
  }
}

let documents: ExportDocuments | undefined;

/** Shows `text` as the read-only document of task `taskId`'s file `fileName`. */
export async function showExportDocument(taskId: string, fileName: string, text: string): Promise<void> {
  if (!documents) {
    documents = new ExportDocuments();
    // Lives as long as the extension host: the documents it serves can stay open as long.
    vscode.workspace.registerTextDocumentContentProvider(EXPORT_SCHEME, documents);
  }
  const uri = vscode.Uri.from({ scheme: EXPORT_SCHEME, path: `/${encodeURIComponent(taskId)}/${fileName}` });
  documents.put(uri, text);
  let document = await vscode.workspace.openTextDocument(uri);
  const languages = await vscode.languages.getLanguages();
  if (document.languageId !== 'csv' && languages.includes('csv')) document = await vscode.languages.setTextDocumentLanguage(document, 'csv');
  await vscode.window.showTextDocument(document, { preview: false });
}
