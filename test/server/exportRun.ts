import { wrappedExportError } from './errorSummaries';
import type { DataInterval } from './exportCadence';
import type { Prng } from './prng';
import type { ServerSchedule } from './scheduleRecord';
import type { ServerTask } from './taskRecord';
import type { TaskStore } from './taskStore';
import { rfc3339 } from './timestamps';

/** How long an export run's steps take, already divided by the time scale. */
export interface RunDurations {
  /** PENDING → PROCESSING, [min, max]. */
  pendingMs: [number, number];
  /** PROCESSING → COMPLETED or FAILED, [min, max]. */
  processingMs: [number, number];
  /** Chance the run ends FAILED. */
  failureRate: number;
}

export interface ExportRunSpec {
  /** The workflow id: `task_<ULID>` for "run now", `<uuid>-<time>` for a scheduled run. */
  id: string;
  schedule: ServerSchedule;
  /** When the workflow creates the task row. */
  createdMs: number;
  interval: DataInterval;
  createdBy: string;
  /** This run's own generator, so its outcome does not depend on other runs. */
  random: Prng;
}

/** Scheduled runs have no user: the workflow writes the backend's DefaultUserID. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

const HOUR = 3_600_000;

/**
 * Creates the export task the workflow writes (PENDING, started_at already set, metadata with
 * the data interval, linked to its schedule by the hidden scheduled_task_id) and plans the rest
 * of its life: PROCESSING (started_at untouched), then COMPLETED with the file and its size, or
 * FAILED with Temporal's wrapped error.
 */
export function startExportRun(tasks: TaskStore, spec: ExportRunSpec, durations: RunDurations): ServerTask {
  const { random, schedule, createdMs, interval } = spec;
  const createdAt = rfc3339(createdMs, random.int(1, 999));
  const task = tasks.add(
    {
      id: spec.id,
      task_type: 'EXPORT',
      entity_type: schedule.entity_type,
      file_url: '',
      file_type: 'CSV',
      task_status: 'PENDING',
      total_records: null,
      // Go marshals the JSONB map with sorted keys.
      metadata: { end_time: wholeSeconds(interval.endMs), start_time: wholeSeconds(interval.startMs) },
      started_at: createdAt,
      created_at: createdAt,
      created_by: spec.createdBy,
      updated_by: spec.createdBy,
    },
    { scheduledTaskId: schedule.id },
  );
  const processingAt = Math.round(createdMs + draw(random, durations.pendingMs));
  tasks.schedule.plan({ at: processingAt, taskId: task.id, patch: { task_status: 'PROCESSING' } });
  const finishAt = Math.round(processingAt + draw(random, durations.processingMs));
  const patch = random.chance(durations.failureRate)
    ? { task_status: 'FAILED', failed_at: rfc3339(finishAt), error_summary: wrappedExportError(random) }
    : completion(task, schedule, interval, finishAt, random);
  tasks.schedule.plan({ at: finishAt, taskId: task.id, patch });
  return task;
}

function completion(task: ServerTask, schedule: ServerSchedule, interval: DataInterval, finishMs: number, random: Prng): Partial<ServerTask> {
  const hours = Math.max(0, interval.endMs - interval.startMs) / HOUR;
  const rows = Math.max(1, Math.min(2_000_000, Math.round(random.int(20, 1_200) * hours)));
  const gzip = schedule.job_config?.compression === 'gzip';
  const completedAt = wholeSeconds(finishMs);
  // The real file's size (compressed for .gz); the download serves a capped sample of it.
  const size = Math.round((rows * 72) / (gzip ? 5.5 : 1)) + 64;
  return {
    task_status: 'COMPLETED',
    file_url: exportFileUrl(schedule, interval),
    total_records: rows,
    processed_records: rows,
    successful_records: rows,
    failed_records: 0,
    // Equal to updated_at: the completing write sets both.
    completed_at: rfc3339(finishMs),
    metadata: { completed_at: completedAt, end_time: task.metadata?.end_time, file_size_bytes: size, start_time: task.metadata?.start_time },
  };
}

/** `s3://{bucket}/{key_prefix}/{entity}/{entity}-{YYMMDDHHMMSS}-{YYMMDDHHMMSS}.csv[.gz]`, as the S3 uploader names it. */
export function exportFileUrl(schedule: ServerSchedule, interval: DataInterval): string {
  const config = schedule.job_config;
  const entity = schedule.entity_type;
  const extension = config?.compression === 'gzip' ? 'csv.gz' : 'csv';
  const key = `${config?.key_prefix ?? ''}/${entity}/${entity}-${compactTime(interval.startMs)}-${compactTime(interval.endMs)}.${extension}`;
  return `s3://${config?.bucket ?? ''}/${key.replace(/^\//, '')}`;
}

/** Go's layout 060102150405. */
function compactTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(2, 14);
}

/** time.RFC3339: no fractional seconds. */
function wholeSeconds(ms: number): string {
  return rfc3339(Math.floor(ms / 1000) * 1000);
}

function draw(random: Prng, [min, max]: [number, number]): number {
  return min + random.next() * (max - min);
}
