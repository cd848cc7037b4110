import type { Task } from '../api/taskSchema';

export type GroupMode = 'status' | 'type';

/** Where the choice to group by type is kept (globalState) and its context key. */
export const GROUP_BY_TYPE_KEY = 'flexprice.groupByType';

export interface TaskGroup {
  /** Stable across refreshes, so VS Code keeps the group's expansion. */
  readonly key: string;
  readonly title: string;
  readonly tasks: readonly Task[];
}

const STATUS_GROUPS = [
  { key: 'running', title: 'Running', statuses: ['PENDING', 'PROCESSING'] },
  { key: 'failed', title: 'Failed', statuses: ['FAILED'] },
  { key: 'completed', title: 'Completed', statuses: ['COMPLETED'] },
];
const TYPE_TITLES: Record<string, string> = { IMPORT: 'Imports', EXPORT: 'Exports' };

/** The key of the group a task falls in; statuses and types outside the known ones get a group of their own. */
export function groupKeyOf(task: Task, mode: GroupMode): string {
  if (mode === 'type') return `type:${task.task_type ?? ''}`;
  const status = task.task_status ?? '';
  return STATUS_GROUPS.find((group) => group.statuses.includes(status))?.key ?? `status:${status}`;
}

/** Tasks in groups, in the server's order (newest first); empty groups left out. */
export function groupTasks(tasks: readonly Task[], mode: GroupMode): TaskGroup[] {
  const byKey = new Map<string, Task[]>();
  for (const task of tasks) {
    const key = groupKeyOf(task, mode);
    const group = byKey.get(key);
    if (group) group.push(task);
    else byKey.set(key, [task]);
  }
  const known = mode === 'status' ? STATUS_GROUPS.map((group) => group.key) : ['type:IMPORT', 'type:EXPORT'];
  const order = [...known, ...[...byKey.keys()].filter((key) => !known.includes(key))];
  return order
    .filter((key) => byKey.has(key))
    .map((key) => ({ key, title: groupTitle(key), tasks: byKey.get(key)! }));
}

function groupTitle(key: string): string {
  const status = STATUS_GROUPS.find((group) => group.key === key);
  if (status) return status.title;
  const [, value] = key.split(':');
  if (key.startsWith('type:')) return TYPE_TITLES[value] ?? (value || 'Other type');
  return value || 'No status';
}
