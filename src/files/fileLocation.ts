import type { Task } from '../api/taskSchema';
import type { ActionState } from '../webview/protocol/taskView';

/**
 * Where a task's `file_url` points, and whether we may open it. Only http(s) opens directly;
 * `s3://` (exports) needs a short-lived link from the download route; every other scheme
 * (`javascript:`, `file:`, `command:`, `vscode:`…) is refused, since it would run or read
 * something local instead of fetching a file.
 */
export type FileLocation =
  | { readonly kind: 'none' }
  | { readonly kind: 'web'; readonly url: string }
  | { readonly kind: 's3'; readonly url: string }
  | { readonly kind: 'refused'; readonly scheme: string };

export function classifyFileUrl(raw: unknown): FileLocation {
  if (typeof raw !== 'string' || raw.trim() === '') return { kind: 'none' };
  const text = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 's3') return { kind: 's3', url: text };
  if (scheme === 'http' || scheme === 'https') {
    return isParsableUrl(text) ? { kind: 'web', url: text } : { kind: 'refused', scheme };
  }
  return { kind: 'refused', scheme: scheme ?? 'none' };
}

/** True for an absolute http(s) URL: the only kind handed to the browser. */
export function isWebUrl(raw: unknown): raw is string {
  return typeof raw === 'string' && /^https?:\/\//i.test(raw.trim()) && isParsableUrl(raw.trim());
}

function isParsableUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function openFileState(task: Task): ActionState {
  const location = classifyFileUrl(task.file_url);
  switch (location.kind) {
    case 'none':
      return { enabled: false, reason: 'This task has no file.' };
    case 'refused':
      return { enabled: false, reason: `The file URL uses "${location.scheme}:", which is not opened for safety.` };
    default:
      if (isExport(task) && task.task_status !== 'COMPLETED') {
        return { enabled: false, reason: 'The export has not finished yet.' };
      }
      if (location.kind === 's3' && task.task_status !== 'COMPLETED') {
        return { enabled: false, reason: 'The file can be downloaded once the task has completed.' };
      }
      return { enabled: true };
  }
}

export function openInEditorState(task: Task): ActionState {
  if (!isExport(task)) return { enabled: false, reason: 'Only exports can be opened in the editor.' };
  const file = openFileState(task);
  if (!file.enabled) return file;
  if (!isCsvFile(task)) return { enabled: false, reason: 'Only CSV exports can be opened in the editor.' };
  return { enabled: true };
}

export function isExport(task: Task): boolean {
  return String(task.task_type ?? '').toUpperCase() === 'EXPORT';
}

export function isCsvFile(task: Task): boolean {
  const type = String(task.file_type ?? '').toUpperCase();
  if (type === 'CSV') return true;
  const path = `${task.file_name ?? ''} ${task.file_url ?? ''}`.toLowerCase();
  return /\.csv(\.gz)?(\s|$|\?)/.test(path);
}

/**
 * True when the bytes are gzip. Judged by the magic number, not the name: a proxy may already
 * have decoded a `.csv.gz`.
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
