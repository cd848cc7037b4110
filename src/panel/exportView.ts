import { exportFailureCause } from '../api/exportFailure';
import { exportDataInterval, exportFileSize } from '../api/exportMetadata';
import type { Task } from '../api/taskSchema';
import { formatIntervalUtc, formatIntervalWords } from '../format/dataInterval';
import { formatFileSize } from '../format/fileSize';
import type { ErrorCause, ExportView } from '../webview/protocol/taskView';

/** The panel's export facts: the data interval, the file's size, the schedule; undefined when none is known. */
export function buildExportView(task: Task, now: Date, scheduleId: string | undefined): ExportView | undefined {
  const interval = exportDataInterval(task);
  const size = exportFileSize(task);
  const view: ExportView = {
    ...(interval && { interval: { words: formatIntervalWords(interval.start, interval.end, now), utc: formatIntervalUtc(interval.start, interval.end) } }),
    ...(size !== undefined && { fileSize: formatFileSize(size) }),
    ...(scheduleId && { scheduleId }),
  };
  return Object.keys(view).length > 0 ? view : undefined;
}

/**
 * A failed export's error as one cause. Its summary is a single error in the workflow engine's
 * wrapping, not `"; "`-joined entries, so a table of entries would only show it cut up.
 */
export function exportErrorCause(task: Task): ErrorCause | undefined {
  const found = exportFailureCause(task.error_summary);
  if (!found) return undefined;
  return found.wrapped ? { text: found.cause, full: task.error_summary!.trim() } : { text: found.cause };
}
