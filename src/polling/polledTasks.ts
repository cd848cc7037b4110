import type { Task } from '../api/taskSchema';
import { hasChanged, hasFinished } from './taskChanges';
import type { TaskPage } from './taskSource';

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
}

/**
 * The poller's latest reads: the loaded list, tasks fetched one by one (pinned or in a panel,
 * off the page), and IDs the server did not know. Merging a cycle's answers says what changed.
 */
export class PolledTasks {
  private list: { items: Task[]; total: number } | undefined;
  private readonly singles = new Map<string, Task>();
  private readonly missingIds = new Set<string>();

  get items(): readonly Task[] | undefined {
    return this.list?.items;
  }

  get total(): number {
    return this.list?.total ?? 0;
  }

  /** The freshest read of a task: from the page if it is there, else from its own request. */
  get(id: string): Task | undefined {
    return this.list?.items.find((task) => task.id === id) ?? this.singles.get(id);
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
    this.list = undefined;
    if (!everything) return;
    this.singles.clear();
    this.missingIds.clear();
  }

  /** Stores a cycle's answers and returns what changed. */
  merge(page: TaskPage | undefined, fetched: readonly Task[]): PolledChange {
    const before = new Map<string, Task>([...this.singles, ...(this.list?.items ?? []).map((t) => [t.id, t] as const)]);
    let structural = false;
    if (page) {
      const ids = (tasks: readonly Task[]) => tasks.map((task) => task.id).join('\n');
      structural =
        this.list === undefined || this.list.total !== page.pagination.total || ids(this.list.items) !== ids(page.items);
      this.list = { items: [...page.items], total: page.pagination.total };
    }
    const firstReads = fetched.filter((task) => !before.has(task.id));
    for (const task of fetched) {
      if (!this.singles.has(task.id)) structural = true;
      this.singles.set(task.id, task);
    }
    const updated: Task[] = [];
    const finished: TaskFinished[] = [];
    const seen = new Set<string>();
    for (const task of [...(page?.items ?? []), ...fetched]) {
      const previous = before.get(task.id);
      if (seen.has(task.id) || !previous || !hasChanged(previous, task)) continue;
      seen.add(task.id);
      updated.push(task);
      if (hasFinished(previous, task)) finished.push({ task, previous });
    }
    return { updated, structural, firstReads, finished };
  }
}
