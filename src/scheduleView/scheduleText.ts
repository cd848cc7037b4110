import type { ScheduledExport } from '../api/scheduledExportSchema';
import { parseTaskDate } from '../api/taskDate';
import type { Task } from '../api/taskSchema';
import { markdownCode, markdownText } from '../format/markdown';
import { formatRelative } from '../format/time';

/** `credit_usage · daily`: what it exports and how often. */
export function scheduleLabel(schedule: ScheduledExport): string {
  return [schedule.entity_type || 'export', schedule.interval || 'no interval'].join(' · ');
}

/** `s3://bucket/prefix`: where the files go. */
export function scheduleDestination(schedule: ScheduledExport): string | undefined {
  const bucket = schedule.job_config?.bucket?.trim();
  if (!bucket) return undefined;
  const prefix = (schedule.job_config?.key_prefix ?? '').trim().replace(/^\/+/, '');
  return `s3://${bucket}${prefix ? `/${prefix}` : ''}`;
}

/** `Paused · s3://bucket/prefix · last run failed 3 h ago`: the row's description. */
export function scheduleDescription(schedule: ScheduledExport, lastRun: Task | undefined, now: Date): string {
  return [schedule.enabled === false ? 'Paused' : undefined, scheduleDestination(schedule), lastRun && lastRunText(lastRun, now)].filter(Boolean).join(' · ');
}

/** `last run completed 3 h ago`; the run's own time is when it was created. */
export function lastRunText(run: Task, now: Date): string {
  const created = parseTaskDate(run.created_at);
  const status = (run.task_status ?? 'unknown').toLowerCase();
  return `last run ${status}${created ? ` ${formatRelative(created, now)}` : ''}`;
}

/**
 * The hover: the job as configured, never credentials (the schema drops them). Every value is
 * the server's, so each goes into Markdown as code, where nothing it holds is markup.
 */
export function scheduleTooltipMarkdown(schedule: ScheduledExport, lastRun: Task | undefined, now: Date): string {
  const config = schedule.job_config ?? {};
  const rows: [string, unknown][] = [
    ['Status', schedule.enabled === false ? 'Paused' : 'Enabled'],
    ['Entity', schedule.entity_type],
    ['Interval', schedule.interval],
    ['Bucket', config.bucket],
    ['Region', config.region],
    ['Key prefix', config.key_prefix],
    ['Compression', config.compression],
    ['Encryption', config.encryption],
    ['Endpoint', config.endpoint_url],
    ['Path-style URLs', config.use_path_style === undefined ? undefined : config.use_path_style ? 'yes' : 'no'],
    ['Extra columns', extraColumns(config.export_metadata_fields)],
    ['Connection', schedule.connection_id],
    ['Last run', lastRun ? `${lastRunText(lastRun, now)} (${lastRun.id})` : undefined],
    ['ID', schedule.id],
  ];
  const lines = rows.filter(([, value]) => value !== undefined && value !== null && String(value) !== '').map(([name, value]) => `${name}: ${markdownCode(String(value))}`);
  return [`**${markdownText(scheduleLabel(schedule))}**`, '', ...lines.map((line) => `- ${line}`)].join('\n');
}

/** The names of the extra metadata columns, read loosely: `Region, cost_center`. */
function extraColumns(fields: readonly unknown[] | undefined): string | undefined {
  const names = (fields ?? []).map((field) => {
    if (typeof field !== 'object' || field === null) return undefined;
    const { column_name: column, field_key: key } = field as { column_name?: unknown; field_key?: unknown };
    return typeof column === 'string' && column ? column : typeof key === 'string' && key ? key : undefined;
  });
  return names.filter((name): name is string => name !== undefined).join(', ') || undefined;
}
