import { exportFailure, importErrorSummary, wholeFileFailure } from './errorSummaries';
import type { Prng } from './prng';
import { EXPORT_ENTITY_TYPES, IMPORT_ENTITY_TYPES, SEED_USERS, type ServerTask } from './taskRecord';
import { isoDate, rfc3339 } from './timestamps';

/** Realistic task values shared by the seed data, the simulator and scenarios. */

const UPLOAD_HOST = 'https://flexprice-imports.fake-bucket.invalid';
const EXPORT_BUCKET = 's3://flexprice-exports';
const DAY_MS = 86_400_000;

/** A timestamp that sometimes has whole seconds and sometimes microseconds, as Postgres-backed values do. */
export function stamp(random: Prng, ms: number): string {
  return random.chance(0.4) ? rfc3339(Math.floor(ms / 1000) * 1000) : rfc3339(ms, random.int(1, 999));
}

export function newImport(random: Prng, createdMs: number, entityType: string = random.pick(IMPORT_ENTITY_TYPES)): Partial<ServerTask> {
  const fileType = random.chance(0.8) ? 'CSV' : 'JSON';
  const fileName = `${entityType.toLowerCase()}-${isoDate(createdMs)}.${fileType.toLowerCase()}`;
  const user = random.pick(SEED_USERS);
  return {
    task_type: 'IMPORT',
    entity_type: entityType,
    file_type: fileType,
    file_url: `${UPLOAD_HOST}/uploads/${random.int(100000, 999999)}/${fileName}`,
    // Uploads through the API may leave the name empty, which the server then omits.
    file_name: random.chance(0.9) ? fileName : '',
    task_status: 'PENDING',
    total_records: null,
    created_at: stamp(random, createdMs),
    created_by: user,
    updated_by: user,
  };
}

export function newExport(random: Prng, createdMs: number, entityType: string = random.pick(EXPORT_ENTITY_TYPES)): Partial<ServerTask> {
  const dayStart = Math.floor(createdMs / DAY_MS) * DAY_MS;
  return {
    task_type: 'EXPORT',
    entity_type: entityType,
    file_type: 'CSV',
    // The s3 key only exists once the export is uploaded.
    file_url: '',
    task_status: 'PENDING',
    total_records: null,
    metadata: { start_time: rfc3339(dayStart - DAY_MS), end_time: rfc3339(dayStart) },
    created_at: stamp(random, createdMs),
    created_by: 'system',
    updated_by: 'system',
  };
}

export function processingPatch(startedMs: number): Partial<ServerTask> {
  return { task_status: 'PROCESSING', started_at: rfc3339(startedMs) };
}

export interface CompletionOptions {
  /** Import rows that failed; 0 for a clean run. */
  failedRecords?: number;
  /** How many entries to write to error_summary (defaults to a few hundred at most). */
  summaryEntries?: number;
  processedRecords?: number;
  gzip?: boolean;
}

/** Counts are written only here, at the end: they stay 0 during PROCESSING as the real importer does. */
export function completionPatch(random: Prng, task: ServerTask, completedMs: number, options: CompletionOptions = {}): Partial<ServerTask> {
  const processed = options.processedRecords ?? random.int(50, 40_000);
  const completedAt = rfc3339(completedMs);
  if (task.task_type === 'EXPORT') {
    const gzip = options.gzip ?? random.chance(0.4);
    const key = `${task.tenant_id}/${task.environment_id}/${task.entity_type}/${task.entity_type}-${isoDate(completedMs)}-${task.id.slice(-6).toLowerCase()}.csv${gzip ? '.gz' : ''}`;
    const patch: Partial<ServerTask> = {
      task_status: 'COMPLETED',
      file_url: `${EXPORT_BUCKET}/${key}`,
      total_records: processed,
      processed_records: processed,
      successful_records: processed,
      failed_records: 0,
      completed_at: completedAt,
    };
    // The real file's size; ours serves a capped sample, so generating it here would only cost time.
    const size = Math.round((processed * 72) / (gzip ? 5.5 : 1)) + 64;
    return { ...patch, metadata: { ...task.metadata, file_size_bytes: size, completed_at: completedAt } };
  }
  const failed = Math.min(processed, options.failedRecords ?? 0);
  const entries = options.summaryEntries ?? Math.min(failed, random.int(5, 400));
  return {
    task_status: 'COMPLETED',
    processed_records: processed,
    successful_records: processed - failed,
    failed_records: failed,
    error_summary: failed > 0 ? importErrorSummary(random, entries) : null,
    completed_at: completedAt,
  };
}

/** A failed run: whole-file import failures often leave no summary; exports keep the job's error text. */
export function failurePatch(random: Prng, task: ServerTask, failedMs: number, withSummary = random.chance(0.5)): Partial<ServerTask> {
  let summary: string | null = null;
  if (withSummary) summary = task.task_type === 'EXPORT' ? exportFailure(random) : wholeFileFailure(random);
  return { task_status: 'FAILED', failed_at: rfc3339(failedMs), error_summary: summary };
}

export function retryPatch(): Partial<ServerTask> {
  return { task_status: 'PROCESSING' };
}
