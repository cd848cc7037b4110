import type { Task } from './taskSchema';

/*
 * The task's fields by kind, without zod: what a kept copy (written by this extension from a
 * parsed answer) is checked against when read back at activation, where zod is not loaded.
 * A unit test keeps these lists equal to TaskSchema's.
 */

export const TASK_TEXT_FIELDS = [
  'task_type', 'entity_type', 'file_url', 'file_name', 'file_type', 'task_status', 'error_summary', 'started_at', 'completed_at',
  'failed_at', 'created_at', 'updated_at', 'environment_id', 'tenant_id', 'status', 'created_by', 'updated_by',
] as const;
export const TASK_COUNT_FIELDS = ['total_records', 'processed_records', 'successful_records', 'failed_records'] as const;

/**
 * A stored task as TaskSchema would read it: a non-empty string `id`, each text field a string,
 * each count an integer, `metadata` a plain object; anything else is left out. Undefined when
 * it has no usable id.
 */
export function readStoredTask(value: unknown): Task | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const item = value as Record<string, unknown>;
  if (typeof item.id !== 'string' || item.id === '') return undefined;
  const task: Record<string, unknown> = { id: item.id };
  for (const field of TASK_TEXT_FIELDS) if (typeof item[field] === 'string') task[field] = item[field];
  for (const field of TASK_COUNT_FIELDS) if (Number.isInteger(item[field])) task[field] = item[field];
  const metadata = item.metadata;
  if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)) task.metadata = metadata;
  return task as Task;
}
