import type { Task } from '../api/taskSchema';
import type { ListRead, PolledTasks } from './polledTasks';
import type { WatchNeed } from './pollScheduler';
import type { TaskFilter } from './taskSource';

/** What watch() calls back: the one listener type of the tree's pins and the panels. */
export interface TaskWatchListener {
  onUpdate(task: Task): void;
  /** A failed cycle; `stopped` when polling stopped (key refused) until settings change. */
  onError?(error: unknown, stopped: boolean): void;
}

/** How the poller judges a task: still able to change, and stuck (running, no change for an hour). */
export interface TaskJudge {
  /** Unknown (never read) counts as live, so it gets read. */
  isLive(task: Task | undefined): boolean;
  isStale(task: Task): boolean;
}

/** The list view's part: its filter, how many pages it shows, whether it is on screen, what its next read owes. */
export class ListSubscription {
  filter: TaskFilter = {};
  pages = 1;
  visible = false;
  /** The next list read reads every loaded page again (Refresh, or changes that could not be placed). */
  fullReadOwed = true;
  /** The next list read fetches the page under the loaded ones. */
  moreOwed = false;
  /** How many tasks the last change read brought back: the next one expects about as many. */
  lastChanged = 0;
}

/**
 * Who wants which tasks kept fresh: the list view, the tasks pinned in its Watched group (only
 * while the view shows), and watches (panels, which want theirs whatever the view does). Each
 * cycle asks them what they need; a hidden view contributes nothing.
 */
export class PollSubscriptions {
  readonly list = new ListSubscription();
  private pinned = new Set<string>();
  private readonly watchers = new Map<string, Set<TaskWatchListener>>();

  constructor(private readonly reads: PolledTasks, private readonly judge: TaskJudge) {}

  get pinnedIds(): readonly string[] {
    return [...this.pinned];
  }

  isPinned(id: string): boolean {
    return this.pinned.has(id);
  }

  get hasWatches(): boolean {
    return this.watchers.size > 0;
  }

  /** Replaces the pins; says whether any is new. Reads nobody wants any more are forgotten. */
  setPinned(ids: Iterable<string>): boolean {
    const next = new Set(ids);
    const added = [...next].some((id) => !this.pinned.has(id));
    for (const id of this.pinned) if (!next.has(id) && !this.watchers.has(id)) this.reads.forgetSingle(id);
    this.pinned = next;
    return added;
  }

  addWatch(id: string, listener: TaskWatchListener): void {
    const listeners = this.watchers.get(id) ?? new Set<TaskWatchListener>();
    listeners.add(listener);
    this.watchers.set(id, listeners);
  }

  removeWatch(id: string, listener: TaskWatchListener): void {
    const listeners = this.watchers.get(id);
    if (!listeners?.delete(listener) || listeners.size > 0) return;
    this.watchers.delete(id);
    if (!this.pinned.has(id)) this.reads.forgetSingle(id);
  }

  /** The watches of one task. */
  listenersOf(id: string): Iterable<TaskWatchListener> {
    return this.watchers.get(id) ?? [];
  }

  allListeners(): Iterable<TaskWatchListener> {
    return [...this.watchers.values()].flatMap((listeners) => [...listeners]);
  }

  /**
   * What still needs watching, in one pass: nothing, only stalled tasks (looked at rarely), or
   * something live and moving. It stops at the first task of the last kind.
   */
  need(): WatchNeed {
    let need: WatchNeed = 'none';
    const isFresh = (task: Task | undefined): boolean => {
      if (!this.judge.isLive(task)) return false;
      if (task === undefined || !this.judge.isStale(task)) return true;
      need = 'stale';
      return false;
    };
    const freshById = (id: string) => !this.reads.isMissing(id) && isFresh(this.reads.get(id));
    if ([...this.watchers.keys()].some(freshById)) return 'fresh';
    const visible = this.list.visible;
    if (visible && (this.reads.items === undefined || this.reads.items.some(isFresh) || [...this.pinned].some(freshById))) return 'fresh';
    return need;
  }

  /** Whether this cycle reads the list: on screen, and asked for, never loaded, or holding a live task. */
  wantsList(explicit: boolean): boolean {
    const items = this.reads.items;
    return this.list.visible && (explicit || items === undefined || items.some((task) => this.judge.isLive(task)));
  }

  /** Pinned (while the view shows them) and watched tasks the list read did not cover, and that may still change. */
  idsToFetchSingly(list: ListRead | undefined): string[] {
    const wanted = new Set([...this.watchers.keys(), ...(this.list.visible ? this.pinned : [])]);
    if (wanted.size === 0) return [];
    const covered = new Set<string>();
    // An unreadable item is not fetched alone: its own answer would be just as unreadable.
    const cover = (tasks: readonly { id?: string }[]) => tasks.forEach((task) => task.id !== undefined && covered.add(task.id));
    if (list?.kind === 'changes') {
      // A change read proves every loaded task unchanged unless it sent it.
      cover(this.reads.items ?? []);
      cover(this.reads.unreadable);
      cover(list.changes.changed);
    } else if (list) {
      cover(list.page.items);
      cover(list.page.unreadable ?? []);
    }
    return [...wanted].filter((id) => !covered.has(id) && !this.reads.isMissing(id) && this.judge.isLive(this.reads.get(id)));
  }
}
