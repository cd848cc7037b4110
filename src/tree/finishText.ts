import { exportDataInterval } from '../api/exportMetadata';
import { exportFailureCause } from '../api/exportFailure';
import type { Task } from '../api/taskSchema';
import { taskRowLabel } from './taskRow';

const MAX_ERROR_LENGTH = 160;

/**
 * What a finish notification names: `export of credit_usage · Nov 30 → Dec 1` (what the
 * Tasks view shows), `import of customers.csv`, else the entity and ID.
 */
export function finishSubject(task: Task): string {
  const kind = task.task_type === 'EXPORT' ? 'export' : task.task_type === 'IMPORT' ? 'import' : 'task';
  if (task.task_type === 'EXPORT' && exportDataInterval(task)) return `${kind} of ${taskRowLabel(task)}`;
  const subject = task.file_name?.trim() || [task.entity_type, task.id].filter(Boolean).join(' ');
  return `${kind} of ${subject || taskRowLabel(task)}`;
}

/**
 * The first error, after a space, for the failure notification: an export's cause without the
 * workflow engine's wrapping, an import's first `error_summary` entry; cut to one line's worth.
 */
export function firstError(task: Task): string {
  const first = task.task_type === 'EXPORT' ? exportFailureCause(task.error_summary)?.cause : task.error_summary?.split('; ')[0]?.trim();
  if (!first) return '';
  return ` ${first.length > MAX_ERROR_LENGTH ? `${first.slice(0, MAX_ERROR_LENGTH)}…` : first}`;
}
