import { taskTimeMs } from '../api/taskDate';
import type { Task, UnreadableTask } from '../api/taskSchema';
import type { ListChanges } from './listChangeRead';
import type { ListVersions } from './listVersions';
import type { TaskFilter } from './taskSource';

/** The loaded pages of the list, newest created first, as the server orders them. */
export interface LoadedList {
  readonly items: readonly Task[];
  readonly unreadable: readonly UnreadableTask[];
  readonly total: number;
}

export interface ListMerge {
  readonly list: LoadedList;
  /** Each task read again, with how the list knew it before (undefined: not at all). */
  readonly reread: readonly (readonly [previous: Task | undefined, current: Task])[];
  /** Membership, order or total changed. */
  readonly structural: boolean;
  /** The changes could not be placed with certainty: the list must be read again. */
  readonly reloadOwed: boolean;
}

/**
 * Places a list's changes (see readListChanges) into the loaded pages as a full read would
 * have: a task that no longer matches the status filter leaves, one that now does comes in at
 * its place by creation time (if that place is within the loaded pages), and the total follows.
 * Where the answer cannot say (a deletion, an unreadable item, a task beyond the loaded pages
 * whose earlier status is unknown), it asks for a full read instead of guessing.
 */
export function mergeListChanges(list: LoadedList, changes: ListChanges, filter: TaskFilter, versions: ListVersions): ListMerge {
  if (changes.changed.length === 0 && changes.unreadable.length === 0 && (filter.taskStatus !== undefined || changes.totalUnfiltered === list.total)) {
    return { list, reread: [], structural: false, reloadOwed: false };
  }
  const status = filter.taskStatus;
  const matches = (task: Task) => status === undefined || task.task_status === status;
  const oldestMs = list.items.length > 0 ? createdMs(list.items[list.items.length - 1]) : Number.POSITIVE_INFINITY;
  const allLoaded = list.items.length + list.unreadable.length >= list.total;
  const inLoadedPages = (task: Task) => allLoaded || createdMs(task) >= oldestMs;
  const position = new Map(list.items.map((task, index) => [task.id, index]));
  const unreadableIds = new Set(list.unreadable.flatMap((entry) => entry.id ?? []));

  const items = [...list.items];
  const leaving = new Set<string>();
  const coming: Task[] = [];
  const reread: [Task | undefined, Task][] = [];
  let total = list.total;
  let created = 0;
  let reloadOwed = changes.unreadable.some((entry) => entry.id !== undefined && !unreadableIds.has(entry.id));

  for (const task of changes.changed) {
    const previous = versions.get(task.id);
    const isNew = versions.isNew(task);
    if (isNew) created += 1;
    const at = position.get(task.id);
    reread.push([at !== undefined ? list.items[at] : previous, task]);
    if (unreadableIds.has(task.id)) reloadOwed = true;
    else if (at !== undefined) {
      if (matches(task)) items[at] = task;
      else {
        leaving.add(task.id);
        total -= 1;
      }
    } else if (status === undefined) {
      if (inLoadedPages(task)) coming.push(task);
    } else {
      const matchedBefore = previous !== undefined ? matches(previous) : isNew ? false : undefined;
      // Unknown and within the loaded pages: had it matched, the last read would have held it.
      const knownBefore = matchedBefore ?? (inLoadedPages(task) ? false : undefined);
      if (knownBefore === undefined) reloadOwed = true;
      else if (matches(task) !== knownBefore) total += matches(task) ? 1 : -1;
      if (matches(task) && inLoadedPages(task)) coming.push(task);
    }
  }
  // Without a status filter the server's count is the list's: more than the new tasks means a deletion.
  if (status === undefined) {
    if (changes.totalUnfiltered !== list.total + created) reloadOwed = true;
    total = changes.totalUnfiltered;
  }

  const kept = leaving.size > 0 ? items.filter((task) => !leaving.has(task.id)) : items;
  for (const task of coming) kept.splice(placeByCreation(kept, task), 0, task);
  const structural = leaving.size > 0 || coming.length > 0 || total !== list.total;
  return { list: { items: kept, unreadable: list.unreadable, total }, reread, structural, reloadOwed };
}

/** The index before the first task created earlier (ties: after them, as the list had them). */
function placeByCreation(items: readonly Task[], task: Task): number {
  const created = createdMs(task);
  const index = items.findIndex((item) => createdMs(item) < created);
  return index < 0 ? items.length : index;
}

function createdMs(task: Task): number {
  return taskTimeMs(task.created_at) ?? Number.NEGATIVE_INFINITY;
}
