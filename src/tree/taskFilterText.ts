import type { TaskFilter } from '../polling/taskSource';

/** `IMPORT · EVENTS · FAILED` for the view's description; undefined when nothing is filtered. */
export function taskFilterText(filter: TaskFilter): string | undefined {
  const parts = [filter.taskType, filter.entityType, filter.taskStatus].filter(Boolean);
  return parts.length > 0 ? `Filter: ${parts.join(' · ')}` : undefined;
}
