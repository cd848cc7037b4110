import { isTerminalStatus, type Task, type UnreadableTask } from '../api/taskSchema';
import type { ListChanges } from './listChangeRead';
import { mergeListChanges, type LoadedList } from './listMerge';
import { ListVersions } from './listVersions';
import { hasChanged, hasFinished } from './taskChanges';
import type { TaskFilter, TaskPage } from './taskSource';

/** A cycle's read of the list: all loaded pages, the next page, or what changed since the last read. */
export type ListRead =
  | { readonly kind: 'full'; readonly page: TaskPage }
  | { readonly kind: 'more'; readonly page: TaskPage }
  | { readonly kind: 'changes'; readonly changes: ListChanges; readonly filter: TaskFilter };

export interface TaskFinished {
  readonly task: Task;
  readonly previous: Task;
}

/** What one cycle's answers changed. */
export interface PolledChange {
  /** Tasks whose content changed where they already were. */
  readonly updated: Task[];
  /** The list (membership, order, total) or the set of separately fetched tasks changed. */
  readonly structural: boolean;
  /** Tasks read for the first time by their own request. */
  readonly firstReads: Task[];
  readonly finished: TaskFinished[];
  /** The list could not take the changes with certainty and must be read in full. */
  readonly reloadOwed: boolean;
}

/**
 * The poller's latest reads: the loaded list, tasks fetched one by one (pinned or in a panel,
 * off the page), and IDs the server did not know. Merging a cycle's answers says what changed.
 */
export class PolledTasks {
  private list: LoadedList | undefined;
  /** What the next change read compares against. */
  readonly versions = new ListVersions();
  /** `list.items` by ID, built when first asked for: a cycle's diff does not need it. */
  private listIndex: Map<string, Task> | undefined;
  private readonly singles = new Map<string, Task>();
  private readonly missingIds = new Set<string>();

  get items(): readonly Task[] | undefined {
    return this.list?.items;
  }

  /** The loaded list's items that could not be read, as the last page answered them. */
  get unreadable(): readonly UnreadableTask[] {
    return this.list?.unreadable ?? [];
  }

  get total(): number {
    return this.list?.total ?? 0;
  }

  /** The freshest read of a task: from the page if it is there, else from its own request. */
  get(id: string): Task | undefined {
    return this.indexOfList()?.get(id) ?? this.singles.get(id);
  }

  /** The separately fetched read only (the one to judge whether it needs fetching again). */
  single(id: string): Task | undefined {
    return this.singles.get(id);
  }

  isMissing(id: string): boolean {
    return this.missingIds.has(id);
  }

  markMissing(id: string): void {
    this.missingIds.add(id);
  }

  forgetSingle(id: string): void {
    this.singles.delete(id);
  }

  /** Drops the list (a new filter); `everything` also drops single reads and 404s (a new key or server). */
  clear(everything: boolean): void {
    this.setList(undefined);
    this.versions.reset([]);
    if (!everything) return;
    this.singles.clear();
    this.missingIds.clear();
  }

  /**
   * Stores a cycle's answers and returns what changed. A cycle usually brings back the same
   * tasks in the same order, so each is compared with the one at its position; lookups by ID
   * are only needed when the list itself changed.
   */
  merge(read: ListRead | undefined, fetched: readonly Task[]): PolledChange {
    const previousList = this.list;
    let previousIndex = this.listIndex;
    const before = (id: string) => {
      if (previousList && !previousIndex) previousIndex = indexById(previousList.items);
      return previousIndex?.get(id) ?? this.singles.get(id);
    };
    const updated: Task[] = [];
    const finished: TaskFinished[] = [];
    const seen = new Set<string>();
    const compare = (task: Task, previous: Task | undefined) => {
      // COMPLETED is final (isTerminalStatus): not compared again. With thousands loaded, their
      // error summaries alone are megabytes of text to compare every cycle. The new read is kept.
      if (!previous || isTerminalStatus(previous.task_status) || !hasChanged(previous, task) || seen.has(task.id)) return;
      seen.add(task.id);
      updated.push(task);
      if (hasFinished(previous, task)) finished.push({ task, previous });
    };
    let structural = false;
    let reloadOwed = false;
    if (read?.kind === 'full') {
      const { page } = read;
      const unreadable = page.unreadable ?? [];
      const sameOrder = previousList !== undefined && sameIds(previousList.items, page.items);
      structural = !sameOrder || previousList.total !== page.pagination.total || !sameUnreadable(previousList.unreadable, unreadable);
      for (let i = 0; i < page.items.length; i++) {
        const task = page.items[i];
        compare(task, sameOrder ? previousList.items[i] : before(task.id));
      }
      this.setList({ items: page.items, unreadable, total: page.pagination.total });
      this.versions.reset(page.items);
    } else if (read?.kind === 'more') {
      const loaded = this.list ?? { items: [], unreadable: [], total: 0 };
      // Tasks created since the last read push older ones down: one may come again on the next page.
      const listed = new Set(loaded.items.map((task) => task.id));
      const added = read.page.items.filter((task) => !listed.has(task.id));
      for (const task of added) {
        compare(task, this.singles.get(task.id));
        this.versions.record(task);
      }
      this.setList({ items: [...loaded.items, ...added], unreadable: [...loaded.unreadable, ...(read.page.unreadable ?? [])], total: read.page.pagination.total });
      structural = true;
    } else if (read?.kind === 'changes' && previousList) {
      const merged = mergeListChanges(previousList, read.changes, read.filter, this.versions);
      for (const [previous, task] of merged.reread) compare(task, previous ?? this.singles.get(task.id));
      for (const task of read.changes.changed) {
        this.versions.record(task);
        // A watched task off the loaded pages may come back in the answer: that is its freshest read.
        if (this.singles.has(task.id)) this.singles.set(task.id, task);
      }
      this.setList(merged.list);
      structural = merged.structural;
      reloadOwed = merged.reloadOwed;
    }
    // Off-page reads are compared with what was known before this cycle (the old list included).
    const firstReads = fetched.filter((task) => before(task.id) === undefined);
    fetched.forEach((task) => compare(task, before(task.id)));
    for (const task of fetched) {
      if (!this.singles.has(task.id)) structural = true;
      this.singles.set(task.id, task);
    }
    // With no new page, a task read on its own may still sit in the old list: keep that fresh too.
    if (read?.kind !== 'full' && read?.kind !== 'changes' && this.list && fetched.length > 0) this.refreshListed(fetched);
    return { updated, structural, firstReads, finished, reloadOwed };
  }

  private refreshListed(fetched: readonly Task[]): void {
    const position = new Map(this.list!.items.map((task, index) => [task.id, index]));
    const items = [...this.list!.items];
    for (const task of fetched) {
      const index = position.get(task.id);
      if (index !== undefined) items[index] = task;
    }
    this.setList({ ...this.list!, items });
  }

  private setList(list: LoadedList | undefined): void {
    this.list = list;
    this.listIndex = undefined;
  }

  private indexOfList(): Map<string, Task> | undefined {
    if (this.list && !this.listIndex) this.listIndex = indexById(this.list.items);
    return this.listIndex;
  }
}

function indexById(tasks: readonly Task[]): Map<string, Task> {
  const index = new Map<string, Task>();
  for (const task of tasks) index.set(task.id, task);
  return index;
}

function sameUnreadable(a: readonly UnreadableTask[], b: readonly UnreadableTask[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry.id === b[i]!.id && entry.problem === b[i]!.problem);
}

/** Same tasks in the same order. */
function sameIds(a: readonly Task[], b: readonly Task[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id) return false;
  return true;
}
