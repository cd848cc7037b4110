import type { Task } from '../api/taskSchema';
import { formatCount } from '../format/count';
import { parseErrorSummary } from './errorSummary';
import { isExport, openFileState, openInEditorState } from '../files/fileLocation';
import { buildExportView, exportErrorCause } from './exportView';
import { buildTimeView, type TimeViewOptions } from './taskTimeView';
import type { ErrorsView, MetadataRow, RecordsView, StatusTone, TaskView } from '../webview/protocol/taskView';

export type { TaskTimeView, TaskView, TimeRow } from '../webview/protocol/taskView';

const TONES: Record<string, { tone: StatusTone; icon: string }> = {
  PENDING: { tone: 'pending', icon: 'clock' },
  PROCESSING: { tone: 'processing', icon: 'sync' },
  COMPLETED: { tone: 'completed', icon: 'pass' },
  FAILED: { tone: 'failed', icon: 'error' },
};

export interface ViewOptions extends TimeViewOptions {
  /** The scheduled export the task is a run of, when known. */
  readonly scheduleId?: string;
}

export function buildTaskView(task: Task, options: ViewOptions): TaskView {
  const statusText = text(task.task_status) || 'UNKNOWN';
  const exportInfo = isExport(task) ? buildExportView(task, options.now, options.scheduleId) : undefined;
  return {
    id: task.id,
    title: taskTitle(task),
    status: { label: statusText, ...statusLook(statusText) },
    facts: [
      { label: 'Task type', value: text(task.task_type) || '—' },
      { label: 'Entity type', value: text(task.entity_type) || '—' },
      { label: 'File type', value: text(task.file_type) || '—' },
      { label: 'File name', value: text(task.file_name) || '—' },
    ],
    records: recordsView(task),
    metadata: metadataRows(task.metadata),
    details: [
      { label: 'Environment', value: text(task.environment_id) || '—' },
      { label: 'Tenant', value: text(task.tenant_id) || '—' },
      { label: 'Created by', value: text(task.created_by) || '—' },
      { label: 'Updated by', value: text(task.updated_by) || '—' },
    ],
    errors: errorsView(task),
    // "Open export in editor" is only offered on exports; imports would only see it disabled.
    actions: { openFile: openFileState(task), openInEditor: { ...openInEditorState(task), offered: isExport(task) } },
    ...(exportInfo && { exportInfo }),
    ...buildTimeView(task, options),
  };
}

/** The badge colour and codicon of a status; unknown statuses get a neutral look. */
export function statusLook(status: string | undefined): { tone: StatusTone; icon: string } {
  return TONES[text(status)] ?? { tone: 'unknown', icon: 'question' };
}

/** The file name when there is one, else a short form of the ID. */
export function taskTitle(task: Pick<Task, 'id' | 'file_name'>): string {
  const name = text(task.file_name);
  if (name) return name.length > 60 ? `${name.slice(0, 57)}…` : name;
  return task.id.length > 16 ? `Task …${task.id.slice(-10)}` : `Task ${task.id}`;
}

function recordsView(task: Task): RecordsView {
  const total = count(task.total_records);
  const processed = count(task.processed_records);
  const failed = count(task.failed_records);
  const status = text(task.task_status);
  let progress: RecordsView['progress'];
  if (total !== undefined && total > 0) {
    const done = Math.min(processed ?? 0, total);
    const percent = Math.round((done / total) * 1000) / 10;
    progress = { mode: 'determinate', percent, label: `${countText(done)} of ${countText(total)} records processed (${percent}%)` };
  } else if (status === 'PROCESSING' && !processed) {
    progress = { mode: 'indeterminate', label: 'Processing: counts are written when the task ends.' };
  } else if (status === 'PENDING') {
    progress = { mode: 'none', label: 'Waiting to start.' };
  } else {
    progress = { mode: 'none', label: total === undefined ? 'The server sends no total for this task.' : '' };
  }
  return {
    total: countText(total),
    processed: countText(processed),
    successful: countText(count(task.successful_records)),
    failed: countText(failed),
    hasFailures: (failed ?? 0) > 0,
    progress,
  };
}

function metadataRows(metadata: unknown): MetadataRow[] {
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return [];
  return Object.entries(metadata as Record<string, unknown>).map(([key, value]) =>
    value !== null && typeof value === 'object'
      ? { key, value: JSON.stringify(value, null, 2), json: true }
      : { key, value: value === null || value === undefined ? '—' : String(value), json: false },
  );
}

function errorsView(task: Task): ErrorsView {
  const cause = isExport(task) && text(task.task_status) === 'FAILED' ? exportErrorCause(task) : undefined;
  if (cause) return { entries: [], note: undefined, cause };
  const entries = parseErrorSummary(task.error_summary);
  if (entries.length > 0) return { entries, note: undefined };
  if (text(task.task_status) === 'FAILED') {
    return { entries, note: 'This task failed without an error summary: the server recorded no reason (often the whole file failed early).' };
  }
  if ((count(task.failed_records) ?? 0) > 0) {
    return { entries, note: 'Some records failed, but the server sent no error summary.' };
  }
  return { entries, note: 'No errors reported.' };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value);
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A record count as the display language writes it; a dash when the server sent none. */
function countText(value: number | undefined): string {
  return value === undefined ? '—' : formatCount(value);
}
