import { exportFailureCause } from '../api/exportFailure';
import { exportDataInterval, exportFileSize } from '../api/exportMetadata';
import type { Task } from '../api/taskSchema';
import { staleSince } from '../api/taskSettlement';
import { stalledNote } from '../format/stalledNote';
import { formatCount } from '../format/count';
import { formatIntervalUtc } from '../format/dataInterval';
import { formatFileSize } from '../format/fileSize';

/** Markdown for a row's hover: the main fields, every server value escaped. */
export function taskTooltipMarkdown(task: Task, now: Date = new Date()): string {
  const rows: [string, string | undefined][] = [
    ['ID', code(task.id)],
    ['Status', text(task.task_status)],
    ['Type', [task.task_type, task.entity_type].filter(Boolean).map((v) => text(v)).join(' · ') || undefined],
    ['File', task.file_name ? text(task.file_name) : undefined],
    ...exportRows(task),
    ['Records', records(task)],
    ['Created', text(task.created_at)],
    ['Started', text(task.started_at)],
    ['Completed', text(task.completed_at)],
    ['Failed', text(task.failed_at)],
  ];
  const lines = rows.filter(([, value]) => value).map(([name, value]) => `**${name}:** ${value}  `);
  const stalled = stalledNote(staleSince(task, now), now);
  if (stalled) {
    lines.unshift(`**${stalled}.** The server's workflow may have timed out without marking the task failed; it is checked every 10 minutes.`, '');
  }
  // An export's summary is one error in the workflow engine's wrapping: its cause is what matters.
  const cause = task.task_type === 'EXPORT' ? exportFailureCause(task.error_summary) : undefined;
  const summary = cause ? cause.cause : task.error_summary?.trim();
  if (summary) lines.push('', `**${cause ? 'Cause' : 'Errors'}:** ${text(summary.length > 300 ? `${summary.slice(0, 300)}…` : summary)}`);
  return lines.join('\n');
}

/** An export's data interval, exactly (the row shows it shortened), and its file's size. */
function exportRows(task: Task): [string, string | undefined][] {
  if (task.task_type !== 'EXPORT') return [];
  const interval = exportDataInterval(task);
  const size = exportFileSize(task);
  return [
    ['Data (UTC)', interval && text(formatIntervalUtc(interval.start, interval.end))],
    ['File size', size === undefined ? undefined : text(formatFileSize(size))],
  ];
}

function records(task: Task): string | undefined {
  const parts: string[] = [];
  if (task.total_records !== undefined) parts.push(`${formatCount(task.total_records)} total`);
  if (task.processed_records) parts.push(`${formatCount(task.processed_records)} processed`);
  if (task.successful_records) parts.push(`${formatCount(task.successful_records)} ok`);
  if (task.failed_records) parts.push(`${formatCount(task.failed_records)} failed`);
  return parts.join(', ') || undefined;
}

/** Escapes Markdown so text from the server cannot add links, images or HTML. */
function text(value: string | undefined): string | undefined {
  return value?.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function code(value: string): string {
  return `\`${value.replace(/`/g, "'")}\``;
}
