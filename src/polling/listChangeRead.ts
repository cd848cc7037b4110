import type { Task, UnreadableTask } from '../api/taskSchema';
import type { ListVersions } from './listVersions';
import type { TaskFilter, TaskSource } from './taskSource';

/** What changed in a list since its last read, newest write first. */
export interface ListChanges {
  readonly changed: readonly Task[];
  /** The answer's unreadable items (where they stood in it is not known). */
  readonly unreadable: readonly UnreadableTask[];
  /** How many tasks match the filter without its status part, as the server counted them. */
  readonly totalUnfiltered: number;
}

/**
 * Reads what changed since the list was last read, in one small request as a rule:
 * `GET /tasks?sort=updated_at&order=desc&limit=k`, stopping at the first task still as recorded
 * (every later write sorts above it). `k` starts at `expected` and doubles only when the whole
 * answer changed. The status filter is left out, so a task that leaves it is seen leaving.
 * Undefined means more changed than `limitCap`: reading the list again costs no more.
 */
export async function readListChanges(
  source: TaskSource,
  filter: TaskFilter,
  versions: ListVersions,
  limits: { readonly expected: number; readonly cap: number },
  signal?: AbortSignal,
): Promise<ListChanges | undefined> {
  const { taskStatus: _status, ...unfiltered } = filter;
  let limit = Math.max(1, Math.min(limits.expected, limits.cap));
  for (;;) {
    const page = await source.listTasks({ ...unfiltered, sort: 'updated_at', order: 'desc', limit, offset: 0 }, signal);
    const end = page.items.findIndex((task) => versions.isCurrent(task));
    const sent = page.items.length + (page.unreadable?.length ?? 0);
    // A short answer is the whole list: everything in it is above the end.
    if (end >= 0 || sent < limit) {
      return {
        changed: end >= 0 ? page.items.slice(0, end) : page.items,
        unreadable: page.unreadable ?? [],
        totalUnfiltered: page.pagination.total,
      };
    }
    if (limit >= limits.cap) return undefined;
    limit = Math.min(limits.cap, limit * 2);
  }
}
