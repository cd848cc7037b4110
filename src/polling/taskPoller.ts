import { isFlexpriceApiError } from '../api/apiError';
import { isSettled, isStale, type Task, type UnreadableTask } from '../api/taskSchema';
import { type Logger, SILENT_LOGGER } from '../log/logger';
import { systemClock, type Clock, type TimerHandle } from './clock';
import { Emitter, type Disposable } from './emitter';
import { backoffDelay, nextInterval } from './pollDelay';
import type { PollSettings } from './pollSettings';
import { readListChanges } from './listChangeRead';
import { PolledTasks, type ListRead, type TaskFinished } from './polledTasks';
import type { TaskFilter, TaskSource } from './taskSource';

export type { TaskFinished };

/** A server's Retry-After is obeyed within these bounds: never a burst, never a day's silence. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;
/** Stuck tasks (no change for an hour) are still looked at, this rarely. */
export const STALE_POLL_MS = 10 * 60_000;
/** setTimeout's limit; a longer delay fires at once in Node and browsers. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type PollerState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'noKey' }
  | { readonly kind: 'current'; readonly at: number }
  /** `stopped`: the key was refused; nothing runs until reset() (key or settings changed) or refresh(). */
  | { readonly kind: 'failed'; readonly error: unknown; readonly stopped: boolean; readonly lastSuccessAt?: number };

export interface TaskPollerChange {
  /** Tasks whose content changed where they already were. */
  readonly updated: readonly Task[];
  /** The list (membership, order, total) or the set of separately fetched tasks changed. */
  readonly structural: boolean;
}

/** What watch() calls back: the one listener type of the tree's pins and the panels. */
export interface TaskWatchListener {
  onUpdate(task: Task): void;
  /** A failed cycle; `stopped` when polling stopped (key refused) until settings change. */
  onError?(error: unknown, stopped: boolean): void;
}

export interface TaskPollerOptions {
  /** The API for the current key and settings; undefined while no key is set. */
  readonly source: () => Promise<TaskSource | undefined>;
  readonly settings: PollSettings;
  readonly clock?: Clock;
  /** In [0, 1); jitter for error backoff. */
  readonly random?: () => number;
  /** Gets why each cycle ran, the next delay, and why polling stopped. */
  readonly log?: Logger;
}

type Outcome = { kind: 'changed' | 'unchanged' | 'stale' | 'noKey' } | { kind: 'error'; error: unknown };

/**
 * Keeps the tasks on screen, watched or open in a panel up to date, at the lowest cost it can:
 * one `GET /tasks` per cycle for the page on screen plus `GET /tasks/{id}` only for live tasks off
 * that page; no timer at all while nothing is live; cycles never overlap. The interval adapts
 * (min on a change, ×1.5 while nothing changes, up to max), errors back off with jitter, and a
 * server's Retry-After is obeyed as given.
 */
export class TaskPoller implements Disposable {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly log: Logger;
  private settings: PollSettings;

  private readonly reads = new PolledTasks();
  private pinned = new Set<string>();
  /** Listeners of watch(), by task ID (detail panels). */
  private readonly watchers = new Map<string, Set<TaskWatchListener>>();
  private filter: TaskFilter = {};
  private pages = 1;
  /** The next list read reads every loaded page again (Refresh, or changes that could not be placed). */
  private fullReadOwed = true;
  /** The next list read fetches the page under the loaded ones. */
  private moreOwed = false;
  private visible = false;
  private focused = true;

  private interval: number;
  private failures = 0;
  private stopped = false;
  private timer: TimerHandle | undefined;
  /** When the pending timer was set and for how long, if it follows the cadence (not Retry-After). */
  private cadence: { setAt: number; delay: number } | undefined;
  private inFlight: { abort: AbortController; done: Promise<void> } | undefined;
  /** Why a cycle was asked for while one ran; it runs next. */
  private rerun: string | undefined;
  private waiters: (() => void)[] = [];
  /** Bumped whenever earlier answers become meaningless (filter, key, settings). */
  private generation = 0;
  private disposed = false;
  private stateValue: PollerState = { kind: 'idle' };
  private lastSuccessAt: number | undefined;

  private readonly listenerFailed = (error: unknown) => this.log.error(`A listener of the poller failed: ${describe(error)}`);
  private readonly changedEmitter = new Emitter<TaskPollerChange>(this.listenerFailed);
  private readonly updatedEmitter = new Emitter<Task>(this.listenerFailed);
  private readonly finishedEmitter = new Emitter<TaskFinished>(this.listenerFailed);
  private readonly stateEmitter = new Emitter<PollerState>(this.listenerFailed);
  /** The list or the watched tasks changed. */
  readonly onDidChange = this.changedEmitter.event;
  /** One task's content changed (for a panel showing it). */
  readonly onDidUpdateTask = this.updatedEmitter.event;
  /** A task seen running is now COMPLETED or FAILED. */
  readonly onDidFinishTask = this.finishedEmitter.event;
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(private readonly options: TaskPollerOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? SILENT_LOGGER;
    this.settings = options.settings;
    this.interval = this.settings.minIntervalMs;
  }

  get state(): PollerState {
    return this.stateValue;
  }

  /** The loaded pages, newest first as the server sorts them; undefined before the first load. */
  get tasks(): readonly Task[] | undefined {
    return this.reads.items;
  }

  /** How many tasks match the filter on the server. */
  get total(): number {
    return this.reads.total;
  }

  /** Items of the loaded list that could not be read (shown as their own rows). */
  get unreadable(): readonly UnreadableTask[] {
    return this.reads.unreadable;
  }

  get hasMore(): boolean {
    const items = this.reads.items;
    return items !== undefined && items.length + this.reads.unreadable.length < this.reads.total;
  }

  get activeFilter(): TaskFilter {
    return this.filter;
  }

  get pinnedIds(): readonly string[] {
    return [...this.pinned];
  }

  /** A running task with no change for over an hour: polled rarely, not counted as running. */
  isStale(id: string): boolean {
    const task = this.task(id);
    return task !== undefined && isStale(task, this.clock.now());
  }

  /** The engine's time, by which staleness and settling are judged. */
  now(): number {
    return this.clock.now();
  }

  /** Whether the last request for this ID answered 404. */
  isMissing(id: string): boolean {
    return this.reads.isMissing(id);
  }

  /** The freshest read of a task: from the page if it is there, else from its own request. */
  task(id: string): Task | undefined {
    return this.reads.get(id);
  }

  /** Whether a timer is set for the next cycle (false: nothing to watch, or paused). */
  get isScheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Resolves when no cycle is running. */
  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight.done;
  }

  /** Reads everything again now (after the running cycle, if any); resolves when fresh data is in. */
  refresh(reason = 'refresh'): Promise<void> {
    this.fullReadOwed = true;
    return this.runNow(reason);
  }

  /** Shows the next page under the loaded ones. */
  loadMore(): Promise<void> {
    this.pages += 1;
    this.moreOwed = true;
    return this.runNow('load more');
  }

  private runNow(reason: string): Promise<void> {
    if (this.stopped) this.stopped = false;
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.requestCycle(true, reason);
    });
  }

  setFilter(filter: TaskFilter): Promise<void> {
    this.filter = { ...filter };
    this.pages = 1;
    this.discard({ keepSingles: true });
    return this.refresh('filter changed');
  }

  /** The tree view's visibility: hidden and no panel needs data means no requests. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) this.requestCycle(true, 'view shown');
    else if (!this.wantsPolling()) this.pause('the view is hidden and no panel needs data');
  }

  /** The window's focus: intervals stretch while unfocused; refocus runs a cycle at once. */
  setFocused(focused: boolean): void {
    if (focused === this.focused) return;
    this.focused = focused;
    if (focused && this.wantsPolling() && !this.stopped) this.requestCycle(false, 'window focused');
    else if (!focused && this.timer !== undefined && this.cadence) this.stretchPendingTimer(this.cadence);
  }

  updateSettings(settings: PollSettings): void {
    const pageSizeChanged = settings.pageSize !== this.settings.pageSize;
    this.settings = settings;
    this.interval = Math.min(settings.maxIntervalMs, Math.max(settings.minIntervalMs, this.interval));
    if (pageSizeChanged) this.pages = 1;
    if (!settings.autoRefresh) this.pause('auto-refresh is off');
    else if (pageSizeChanged) void this.refresh('page size changed');
    else if (!this.timer && !this.inFlight) this.schedule(this.interval);
  }

  /** The IDs pinned in the Watched group (persisted by the caller). */
  setPinned(ids: Iterable<string>): void {
    const next = new Set(ids);
    const added = [...next].some((id) => !this.pinned.has(id));
    for (const id of this.pinned) if (!next.has(id) && !this.watchers.has(id)) this.reads.forgetSingle(id);
    this.pinned = next;
    this.changedEmitter.fire({ updated: [], structural: true });
    if (added && this.visible) this.requestCycle(true, 'task pinned');
  }

  /**
   * Keeps one task fresh while the returned Disposable lives, whether the tree is visible or not
   * (a detail panel uses this). The listener hears the first read and every change after it.
   */
  watch(id: string, listener: TaskWatchListener): Disposable {
    const listeners = this.watchers.get(id) ?? new Set<TaskWatchListener>();
    listeners.add(listener);
    this.watchers.set(id, listeners);
    const known = this.task(id);
    if (known === undefined) this.requestCycle(true, `panel opened for ${id}`);
    else {
      this.tell(() => listener.onUpdate(known));
      if (!this.timer && !this.inFlight) this.schedule(this.interval);
    }
    let disposed = false;
    return {
      dispose: () => {
        if (disposed) return;
        disposed = true;
        listeners.delete(listener);
        if (listeners.size === 0) {
          this.watchers.delete(id);
          if (!this.pinned.has(id)) this.reads.forgetSingle(id);
        }
        if (!this.wantsPolling()) this.pause('nothing still running is on screen or in a panel');
      },
    };
  }

  /** The key, URL or environment changed: forget everything fetched and start over. */
  reset(): void {
    this.stopped = false;
    this.failures = 0;
    this.interval = this.settings.minIntervalMs;
    this.lastSuccessAt = undefined;
    this.discard({ keepSingles: false });
    this.setState({ kind: 'idle' });
    if (this.visible || this.watchers.size > 0) this.requestCycle(true, 'key or settings changed');
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.inFlight?.abort.abort();
    this.waiters.splice(0).forEach((resolve) => resolve());
    for (const emitter of [this.changedEmitter, this.updatedEmitter, this.finishedEmitter, this.stateEmitter]) {
      emitter.dispose();
    }
  }

  private discard({ keepSingles }: { keepSingles: boolean }): void {
    this.generation += 1;
    this.inFlight?.abort.abort();
    this.cancelTimer();
    this.reads.clear(!keepSingles);
    this.changedEmitter.fire({ updated: [], structural: true });
  }

  private requestCycle(explicit: boolean, reason: string): void {
    if (this.disposed) return;
    if (this.inFlight) {
      // Never two at once: the next one starts when this one ends.
      if (explicit) this.rerun ??= reason;
      return;
    }
    this.cancelTimer();
    this.log.info(`Poll: ${reason}`);
    const waiters = this.waiters.splice(0);
    const abort = new AbortController();
    const generation = this.generation;
    const done = this.cycle(explicit, abort.signal, generation).then((outcome) => {
      this.inFlight = undefined;
      waiters.forEach((resolve) => resolve());
      if (this.disposed) return;
      const rerun = this.rerun ?? (this.waiters.length > 0 ? 'refresh' : undefined);
      this.rerun = undefined;
      if (rerun) this.requestCycle(true, `${rerun} (asked for during the last cycle)`);
      else this.afterCycle(outcome);
    }).catch((error: unknown) => this.log.error(`A poll cycle failed unexpectedly: ${describe(error)}`));
    this.inFlight = { abort, done };
  }

  private async cycle(explicit: boolean, signal: AbortSignal, generation: number): Promise<Outcome> {
    try {
      const source = await this.options.source();
      if (generation !== this.generation) return { kind: 'stale' };
      if (!source) {
        this.discard({ keepSingles: false });
        this.setState({ kind: 'noKey' });
        return { kind: 'noKey' };
      }
      const fetchList = this.visible && (explicit || this.reads.items === undefined || this.pageHasLiveTask());
      const list = fetchList ? await this.readList(source, signal) : undefined;
      // Without a fresh read, nothing is "on the page": a hidden view must not freeze a panel.
      const ids = this.idsToFetchSingly(list);
      const results = await Promise.allSettled(ids.map((id) => source.getTask(id, signal)));
      if (generation !== this.generation) return { kind: 'stale' };
      const fetched: Task[] = [];
      let failure: { error: unknown } | undefined;
      results.forEach((result, index) => {
        if (result.status === 'fulfilled') fetched.push(result.value);
        else if (isFlexpriceApiError(result.reason) && result.reason.kind === 'not_found') {
          this.reads.markMissing(ids[index]);
          this.watchers.get(ids[index])?.forEach((listener) => this.tell(() => listener.onError?.(result.reason, true)));
        }
        else failure ??= { error: result.reason };
      });
      const changed = this.apply(list, fetched);
      if (failure) return { kind: 'error', error: failure.error };
      this.lastSuccessAt = this.clock.now();
      this.setState({ kind: 'current', at: this.lastSuccessAt });
      return { kind: changed ? 'changed' : 'unchanged' };
    } catch (error) {
      if (generation !== this.generation) return { kind: 'stale' };
      return { kind: 'error', error };
    }
  }

  /**
   * The list read this cycle needs: every loaded page when nothing is loaded or a full read is
   * owed, the next page after Load more, and otherwise only what changed since the last read.
   */
  private async readList(source: TaskSource, signal: AbortSignal): Promise<ListRead> {
    const items = this.reads.items;
    const loaded = (items?.length ?? 0) + this.reads.unreadable.length;
    if (items !== undefined && !this.fullReadOwed) {
      if (this.moreOwed) {
        const page = await source.listTasks({ ...this.filter, limit: this.settings.pageSize, offset: loaded }, signal);
        this.moreOwed = false;
        return { kind: 'more', page };
      }
      const expected = items.reduce((live, task) => live + (this.isLive(task) ? 1 : 0), 0);
      const limits = { expected, cap: Math.max(this.settings.pageSize, loaded) };
      const changes = await readListChanges(source, this.filter, this.reads.versions, limits, signal);
      if (changes) return { kind: 'changes', changes, filter: this.filter };
      this.log.info('Poll: more changed than is loaded; reading the list again');
    }
    const page = await source.listTasks({ ...this.filter, limit: this.settings.pageSize * this.pages, offset: 0 }, signal);
    this.fullReadOwed = false;
    this.moreOwed = false;
    return { kind: 'full', page };
  }

  /** Pinned (while the tree shows them) and panel tasks that this cycle's list read did not cover and may still change. */
  private idsToFetchSingly(list: ListRead | undefined): string[] {
    const wanted = new Set([...this.watchers.keys(), ...(this.visible ? this.pinned : [])]);
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
    return [...wanted].filter((id) => !covered.has(id) && !this.reads.isMissing(id) && this.isLive(this.reads.get(id)));
  }

  /** Stores fresh reads and tells listeners what changed. Returns whether anything did. */
  private apply(list: ListRead | undefined, fetched: readonly Task[]): boolean {
    const { updated, structural, firstReads, finished, reloadOwed } = this.reads.merge(list, fetched);
    const unreadable = list && list.kind !== 'changes' ? list.page.unreadable ?? [] : [];
    if (structural) for (const entry of unreadable) this.log.warn(`Unreadable task ${entry.id ?? '(no id)'}: ${entry.problem}`);
    if (reloadOwed) {
      this.fullReadOwed = true;
      this.rerun ??= 'the list changed in a way only a full read can show';
    }
    if (structural || updated.length > 0) this.changedEmitter.fire({ updated, structural });
    updated.forEach((task) => this.updatedEmitter.fire(task));
    for (const task of [...firstReads, ...updated]) this.watchers.get(task.id)?.forEach((l) => this.tell(() => l.onUpdate(task)));
    finished.forEach((event) => this.finishedEmitter.fire(event));
    return structural || updated.length > 0;
  }

  private afterCycle(outcome: Outcome): void {
    switch (outcome.kind) {
      case 'stale':
      case 'noKey':
        return;
      case 'changed':
      case 'unchanged':
        this.failures = 0;
        this.interval = nextInterval(this.interval, outcome.kind === 'changed', this.settings);
        this.schedule(this.interval);
        return;
      case 'error':
        this.onError(outcome.error);
    }
  }

  private onError(error: unknown): void {
    const kind = isFlexpriceApiError(error) ? error.kind : undefined;
    if (kind === 'cancelled') return;
    const stopped = kind === 'unauthorized' || kind === 'forbidden' || kind === 'http_refused';
    this.stopped = stopped;
    this.setState({ kind: 'failed', error, stopped, lastSuccessAt: this.lastSuccessAt });
    for (const listeners of this.watchers.values()) listeners.forEach((listener) => this.tell(() => listener.onError?.(error, stopped)));
    if (stopped) {
      const why = kind === 'http_refused' ? 'sending the key over plain HTTP was declined' : 'the key was refused';
      this.log.warn(`Polling stopped: ${why}. It starts again when the key or settings change, or on Refresh.`);
      return;
    }
    this.failures += 1;
    const retryAfter = isFlexpriceApiError(error) ? error.retryAfterMs : undefined;
    if (retryAfter !== undefined) {
      const delay = Math.min(MAX_RETRY_AFTER_MS, Math.max(this.settings.minIntervalMs, retryAfter));
      this.setTimer(delay, 'as the server asked (Retry-After)');
    }
    else this.schedule(backoffDelay(this.failures, this.settings, this.random), `after ${this.failures} failed cycle(s)`);
  }

  /** Sets the next cycle `delay` ms away (stretched while unfocused), if anything needs watching. */
  /** Losing focus stretches the wait already under way, as if it had been set unfocused. */
  private stretchPendingTimer(cadence: { setAt: number; delay: number }): void {
    const due = cadence.setAt + cadence.delay * this.settings.unfocusedMultiplier;
    this.setTimer(Math.max(0, due - this.clock.now()));
    this.cadence = cadence;
  }

  private schedule(delay: number, why?: string): void {
    const need = this.need();
    if (need === 'none') {
      this.pause(this.idleReason());
      return;
    }
    // Only stuck tasks left to watch: look at them rarely.
    const onlyStale = need === 'stale';
    const wait = onlyStale ? Math.max(delay, STALE_POLL_MS) : delay;
    const reasons = [why, this.focused ? '' : 'window not focused', onlyStale ? 'only stalled tasks are running' : ''];
    this.setTimer(this.focused ? wait : wait * this.settings.unfocusedMultiplier, reasons.filter(Boolean).join(', '));
    this.cadence = { setAt: this.clock.now(), delay: wait };
  }

  private setTimer(delay: number, why = ''): void {
    if (!this.settings.autoRefresh || this.stopped || this.disposed) return;
    this.cancelTimer();
    this.log.info(`Next poll in ${(delay / 1000).toFixed(1)} s${why ? ` (${why})` : ''}`);
    this.cadence = undefined;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.requestCycle(false, 'timer');
    }, Math.min(delay, MAX_TIMER_MS));
  }

  /** Cancels the pending cycle, saying why in the log if one was pending. */
  private pause(reason: string): void {
    if (this.timer !== undefined) this.log.info(`Polling paused: ${reason}`);
    this.cancelTimer();
  }

  private idleReason(): string {
    if (!this.settings.autoRefresh) return 'auto-refresh is off';
    if (this.stopped) return 'the key was refused';
    return this.visible ? 'nothing on screen or in a panel is still running' : 'the view is hidden and no panel needs data';
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Something on screen, pinned or in a panel may still change (or the first load is owed). */
  private wantsPolling(): boolean {
    return this.need() !== 'none';
  }

  /**
   * What still needs watching, in one pass: nothing, only stalled tasks (looked at every
   * STALE_POLL_MS), or something live and moving. It stops at the first task of the last kind.
   */
  private need(): 'none' | 'stale' | 'fresh' {
    if (!this.settings.autoRefresh || this.stopped || this.disposed) return 'none';
    const now = this.clock.now();
    let need: 'none' | 'stale' = 'none';
    const isFresh = (task: Task | undefined): boolean => {
      if (!this.isLive(task)) return false;
      if (task === undefined || !isStale(task, now)) return true;
      need = 'stale';
      return false;
    };
    const freshById = (id: string) => !this.reads.isMissing(id) && isFresh(this.task(id));
    if ([...this.watchers.keys()].some(freshById)) return 'fresh';
    if (this.visible && (this.reads.items === undefined || this.reads.items.some(isFresh) || [...this.pinned].some(freshById))) return 'fresh';
    return need;
  }

  /** Runs a listener so that its failure is logged and stops nothing else. */
  private tell(notify: () => void): void {
    try {
      notify();
    } catch (error) {
      this.listenerFailed(error);
    }
  }

  private pageHasLiveTask(): boolean {
    return (this.reads.items ?? []).some((task) => this.isLive(task));
  }

  /** Unknown (never fetched) counts as live, so it gets fetched. */
  private isLive(task: Task | undefined): boolean {
    return task === undefined || !isSettled(task, this.clock.now(), this.settings.retryWindowMs);
  }

  private setState(state: PollerState): void {
    this.stateValue = state;
    this.stateEmitter.fire(state);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
