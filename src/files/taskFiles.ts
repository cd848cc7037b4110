import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Task } from '../api/taskSchema';
import { decodeExport } from './exportContent';
import { showExportDocument } from './exportDocuments';
import { classifyFileUrl, isWebUrl, openFileState, openInEditorState } from './fileLocation';

/** The two client calls file actions need; the link and the file are fetched without the API key. */
export interface TaskFileClient {
  getDownloadUrl(taskId: string, signal?: AbortSignal): Promise<string>;
  downloadFile(url: string, options: { maxBytes: number; signal?: AbortSignal }): Promise<Buffer>;
}

export interface TaskFileDeps {
  /** The client for the current settings, or undefined when no key is set. */
  readonly client: () => Promise<TaskFileClient | undefined>;
  /** Opens a link in the browser, given as the exact string the server sent. */
  readonly openExternal?: (link: string) => Thenable<boolean>;
  /** Largest file "Open export in editor" accepts, before and after un-gzipping. */
  readonly maxEditorBytes?: number;
}

export const DEFAULT_MAX_EDITOR_BYTES = 20 * 1024 * 1024;

/**
 * "Open File": an http(s) file opens in the browser; an `s3://` export first asks the download
 * route for a short-lived https link. Anything else is refused with a message.
 */
export async function openTaskFile(task: Task, deps: TaskFileDeps): Promise<void> {
  const refusal = refuse(task, openFileState(task).reason);
  if (refusal) return refusal;
  const url = await resolveFileLink(task, deps, 'Flexprice: getting a download link…');
  if (!url) return;
  await (deps.openExternal ?? openExactLink)(url);
}

/**
 * A presigned link's signature covers its query byte for byte, and a `vscode.Uri` re-encodes
 * the query when turned back into text (`%2F`, `%2B`, `%3D` change), which S3 answers with 403.
 * The extension host's openExternal also takes the string itself and hands that on unchanged,
 * as microsoft/vscode-azuretools relies on for the same reason; the typings only name Uri.
 */
function openExactLink(link: string): Thenable<boolean> {
  return vscode.env.openExternal(link as unknown as vscode.Uri);
}

/** "Open export in editor": downloads a finished CSV export, un-gzips it and opens it read-only, named after its file. */
export async function openExportInEditor(task: Task, deps: TaskFileDeps): Promise<void> {
  const refusal = refuse(task, openInEditorState(task).reason);
  if (refusal) return refusal;
  const maxBytes = deps.maxEditorBytes ?? DEFAULT_MAX_EDITOR_BYTES;
  const bytes = await downloadExport(task, deps, 'Flexprice: downloading the export…', maxBytes);
  if (bytes === undefined) return;
  await showExportDocument(task.id, exportFileName(task).replace(/\.gz$/i, ''), decodeExport(bytes, maxBytes));
}

function refuse(task: Task, reason: string | undefined): Promise<void> | undefined {
  if (reason === undefined) return undefined;
  void vscode.window.showWarningMessage(`Flexprice: cannot open the file of task ${task.id}. ${reason}`);
  return Promise.resolve();
}

async function resolveFileLink(task: Task, deps: TaskFileDeps, title: string): Promise<string | undefined> {
  const location = classifyFileUrl(task.file_url);
  if (location.kind === 'web') return location.url;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_p, token) => {
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    try {
      return await linkFor(task, deps, abort.signal);
    } finally {
      cancel.dispose();
    }
  });
}

/** The https link to fetch: the file URL itself, or a fresh one from the download route for s3://. */
async function linkFor(task: Task, deps: TaskFileDeps, signal: AbortSignal): Promise<string | undefined> {
  const location = classifyFileUrl(task.file_url);
  if (location.kind === 'web') return location.url;
  if (location.kind !== 's3') return undefined;
  const client = await deps.client();
  if (!client) throw new Error('No Flexprice API key is set.');
  const link = await client.getDownloadUrl(task.id, signal);
  if (!isWebUrl(link)) {
    // A link that is not http(s) would hand a local scheme to the OS: never open it.
    throw new Error(`The server returned a download link that is not http or https (${String(link).split(':')[0]}:), so it was not opened.`);
  }
  return link.trim();
}

/** Largest export "Download…" saves; the file is held in memory on the way. */
export const MAX_SAVED_EXPORT_BYTES = 512 * 1024 * 1024;

/**
 * "Download…": saves a finished export's file, as the server stored it (`.csv.gz` stays
 * compressed), where the user picks. Resolves to where it went, or undefined if not saved.
 */
export async function saveExportAs(task: Task, deps: TaskFileDeps): Promise<vscode.Uri | undefined> {
  const refusal = refuse(task, openFileState(task).reason);
  if (refusal) return refusal.then(() => undefined);
  const name = exportFileName(task);
  const target = await vscode.window.showSaveDialog({
    title: `Save the export of ${task.entity_type ?? 'task'} ${task.id}`,
    saveLabel: 'Save Export',
    defaultUri: vscode.Uri.joinPath(defaultFolder(), name),
    filters: name.endsWith('.gz') ? { 'Gzipped CSV': ['gz'], 'All files': ['*'] } : { CSV: ['csv'], 'All files': ['*'] },
  });
  if (!target) return undefined;
  const bytes = await downloadExport(task, deps, `Flexprice: downloading ${name}…`, MAX_SAVED_EXPORT_BYTES);
  if (bytes === undefined) return undefined;
  await vscode.workspace.fs.writeFile(target, bytes);
  return target;
}

/** A finished export's bytes as stored, behind a cancellable progress notification; undefined when cancelled or keyless. */
async function downloadExport(task: Task, deps: TaskFileDeps, title: string, maxBytes: number): Promise<Buffer | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    try {
      const url = await linkFor(task, deps, abort.signal);
      const client = await deps.client();
      if (!url || !client) return undefined;
      return await client.downloadFile(url, { maxBytes, signal: abort.signal });
    } finally {
      cancel.dispose();
    }
  });
}

/** The last segment of the file's key (`credit_usage-2026-12-01-ab12cd.csv.gz`), safe as a file name. */
export function exportFileName(task: Task): string {
  const path = (task.file_url ?? '').split(/[?#]/)[0] ?? '';
  const last = decodeSafely(path.slice(path.lastIndexOf('/') + 1));
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').slice(0, 200);
  return cleaned || `${task.entity_type ?? 'export'}-${task.id.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Where save dialogs start: the first workspace folder, else the home folder. */
export function defaultFolder(): vscode.Uri {
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}
