import { type Logger, SILENT_LOGGER } from '../log/logger';
import { systemClock, type Clock } from './clock';
import type { Disposable } from './emitter';
import { mergeCycle, readCycle } from './pollCycle';
import { PollerEvents, type PollerState } from './pollerEvents';
import { PolledTasks, type TaskFinished } from './polledTasks';
import { ClockJudge, PolledTaskView } from './polledTaskView';
import { PollScheduler, type CycleOutcome, type WatchNeed } from './pollScheduler';
import type { PollSettings } from './pollSettings';
import { PollSubscriptions, type TaskWatchListener } from './pollSubscriptions';
import type { TaskFilter, TaskSource } from './taskSource';

export type { TaskFinished, TaskWatchListener };
export type { PollerState, TaskPollerChange } from './pollerEvents';
export { MAX_RETRY_AFTER_MS, STALE_POLL_MS } from './pollScheduler';

/**
 * Reads another view hangs on the poller's cycles, so that one timer serves everything on
 * screen (the Scheduled Exports view). Its need counts like the Tasks view's; its failures are
 * its own to show and never stop the poller.
 */
export interface SideRead {
  need(): WatchNeed;
  /** When it must read again, sooner than the cadence would; ms epoch. */
  dueAt?(): number | undefined;
  /** This cycle's requests; resolves whether anything changed. */
  read(cycle: { readonly explicit: boolean; readonly signal: AbortSignal }): Promise<boolean>;
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

/**
 * Keeps the tasks on screen, watched or open in a panel up to date, at the lowest cost it can:
 * per cycle one `GET /tasks` for what changed in the list plus `GET /tasks/{id}` only for live
 * tasks it did not cover, and no timer at all while nothing is live. It joins three parts: the
 * read model (PolledTasks), who wants what (PollSubscriptions) and when (PollScheduler).
 */
export class TaskPoller extends PolledTaskView implements Disposable {
  private readonly log: Logger;
  private settings: PollSettings;
  private readonly subscriptions = new PollSubscriptions(this.reads, this.judge);
  private readonly list = this.subscriptions.list;
  private readonly scheduler: PollScheduler;
  private readonly sideReads = new Set<SideRead>();
  /** Side reads still running from an earlier cycle: not started again until they end. */
  private readonly sideInFlight = new Map<SideRead, Promise<void>>();
  /** Side reads a cycle skipped because they were still running: they get a cycle when done. */
  private readonly sideOwed = new Set<SideRead>();
  /** Bumped whenever earlier answers become meaningless (filter, key, settings). */
  private generation = 0;

  private readonly events: PollerEvents;
  /** The list or the watched tasks changed. */
  readonly onDidChange;
  /** One task's content changed (for a panel showing it). */
  readonly onDidUpdateTask;
  /** A task seen running is now COMPLETED or FAILED. */
  readonly onDidFinishTask;
  readonly onDidChangeState;

  constructor(private readonly options: TaskPollerOptions) {
    const clock = options.clock ?? systemClock;
    super(new PolledTasks(), new ClockJudge(clock, options.settings.retryWindowMs), clock);
    this.log = options.log ?? SILENT_LOGGER;
    this.events = new PollerEvents(this.log);
    this.onDidChange = this.events.changed.event;
    this.onDidUpdateTask = this.events.updated.event;
    this.onDidFinishTask = this.events.finished.event;
    this.onDidChangeState = this.events.state.event;
    this.settings = options.settings;
    this.scheduler = new PollScheduler(this.settings, {
      run: (explicit, signal) => this.cycle(explicit, signal, this.generation),
      need: () => this.need(),
      dueAt: () => this.sideDueAt(),
      idleReason: () => this.list.visible ? 'nothing on screen or in a panel is still running' : 'the view is hidden and no panel needs data',
      failed: (error) => this.events.failed(error, this.subscriptions.allListeners()),
    }, this.clock, options.random ?? Math.random, this.log);
  }

  get state(): PollerState {
    return this.events.currentState;
  }

  get activeFilter(): TaskFilter {
    return this.list.filter;
  }

  get pinnedIds(): readonly string[] {
    return this.subscriptions.pinnedIds;
  }

  /** Whether a timer is set for the next cycle (false: nothing to watch, or paused). */
  get isScheduled(): boolean {
    return this.scheduler.isScheduled;
  }

  /** Resolves when no cycle is running. */
  /** Resolves once no cycle and no side read is running. */
  async idle(): Promise<void> {
    await this.scheduler.idle();
    while (this.sideInFlight.size > 0) {
      await Promise.all(this.sideInFlight.values());
      await this.scheduler.idle();
    }
  }

  /** Reads everything again now (after the running cycle, if any); resolves when fresh data is in. */
  refresh(reason = 'refresh'): Promise<void> {
    this.list.fullReadOwed = true;
    return this.scheduler.runNow(reason);
  }

  /** Shows the next page under the loaded ones. */
  loadMore(): Promise<void> {
    this.list.pages += 1;
    this.list.moreOwed = true;
    return this.scheduler.runNow('load more');
  }

  setFilter(filter: TaskFilter): Promise<void> {
    this.list.filter = { ...filter };
    this.list.pages = 1;
    this.discard({ keepSingles: true });
    return this.refresh('filter changed');
  }

  /** The tree view's visibility: hidden and no panel needs data means no requests. */
  setVisible(visible: boolean): void {
    if (visible === this.list.visible) return;
    this.list.visible = visible;
    if (visible) this.scheduler.request(true, 'view shown');
    else this.pauseIfIdle('the view is hidden and no panel needs data');
  }

  /** The window's focus: intervals stretch while unfocused; refocus runs a cycle at once. */
  setFocused(focused: boolean): void {
    this.scheduler.setFocused(focused);
  }

  updateSettings(settings: PollSettings): void {
    const pageSizeChanged = settings.pageSize !== this.settings.pageSize;
    this.settings = settings;
    this.judge.retryWindowMs = settings.retryWindowMs;
    this.scheduler.updateSettings(settings);
    if (pageSizeChanged) this.list.pages = 1;
    if (!settings.autoRefresh) this.scheduler.pause('auto-refresh is off');
    else if (pageSizeChanged) void this.refresh('page size changed');
    else this.scheduler.resume();
  }

  /** The IDs pinned in the Watched group (persisted by the caller). */
  setPinned(ids: Iterable<string>): void {
    const added = this.subscriptions.setPinned(ids);
    this.events.changed.fire({ updated: [], structural: true });
    if (added && this.list.visible) this.scheduler.request(true, 'task pinned');
  }

  /**
   * Keeps one task fresh while the returned Disposable lives, whether the tree is visible or not
   * (a detail panel uses this). The listener hears the first read and every change after it.
   */
  watch(id: string, listener: TaskWatchListener): Disposable {
    this.subscriptions.addWatch(id, listener);
    const known = this.task(id);
    if (known === undefined) this.scheduler.request(true, `panel opened for ${id}`);
    else {
      this.events.tell(() => listener.onUpdate(known));
      this.scheduler.resume();
    }
    let disposed = false;
    return {
      dispose: () => {
        if (disposed) return;
        disposed = true;
        this.subscriptions.removeWatch(id, listener);
        this.pauseIfIdle('nothing still running is on screen or in a panel');
      },
    };
  }

  /** Adds reads to every cycle while the returned Disposable lives. */
  addSideRead(read: SideRead): Disposable {
    this.sideReads.add(read);
    return { dispose: () => void this.sideReads.delete(read) };
  }

  /**
   * A side read has work now (a view shown, a row expanded, a run to follow): a cycle soon (after
   * the running one), no list read forced. A refused key keeps everything stopped.
   */
  requestCycle(reason: string): void {
    if (this.scheduler.isStopped) return;
    this.scheduler.request(false, reason, { afterRunning: true });
  }

  /** The strongest need of the Tasks view, the panels and the side reads. */
  private need(): WatchNeed {
    let need = this.subscriptions.need();
    for (const read of this.sideReads) {
      if (need === 'fresh') break;
      const side = read.need();
      if (side === 'fresh' || (side === 'stale' && need === 'none')) need = side;
    }
    return need;
  }

  private sideDueAt(): number | undefined {
    const due = [...this.sideReads].map((read) => read.dueAt?.()).filter((at): at is number => at !== undefined);
    return due.length ? Math.min(...due) : undefined;
  }

  /** The key, URL or environment changed: forget everything fetched and start over. */
  reset(): void {
    this.scheduler.reset();
    this.discard({ keepSingles: false });
    this.events.restart();
    if (this.list.visible || this.subscriptions.hasWatches) this.scheduler.request(true, 'key or settings changed');
  }

  dispose(): void {
    this.scheduler.dispose();
    this.events.dispose();
  }

  private pauseIfIdle(reason: string): void {
    if (!this.scheduler.isActive || this.need() === 'none') this.scheduler.pause(reason);
  }

  private discard({ keepSingles }: { keepSingles: boolean }): void {
    this.generation += 1;
    this.scheduler.abort();
    this.reads.clear(!keepSingles);
    this.events.changed.fire({ updated: [], structural: true });
  }

  /**
   * Starts each side read beside the cycle's own requests, not awaited by it: a slow or hung
   * schedules request must never hold the Tasks view's cycle. A read that found changes may
   * need watching now (a run came up live), so the cadence is set again.
   */
  private startSideReads(explicit: boolean, signal: AbortSignal): void {
    for (const read of this.sideReads) {
      if (this.sideInFlight.has(read)) {
        // What this cycle had for it (a row expanded meanwhile) waits for the running read.
        this.sideOwed.add(read);
        continue;
      }
      const done = read
        .read({ explicit, signal })
        .catch(() => false)
        .then((changed) => {
          this.sideInFlight.delete(read);
          if (signal.aborted) return;
          if (this.sideOwed.delete(read)) this.requestCycle('a side read asked for while the last one ran');
          else if (changed) this.scheduler.resume();
        });
      this.sideInFlight.set(read, done);
    }
  }

  private async cycle(explicit: boolean, signal: AbortSignal, generation: number): Promise<CycleOutcome> {
    try {
      const source = await this.options.source();
      if (generation !== this.generation) return { kind: 'stale' };
      if (!source) {
        this.discard({ keepSingles: false });
        this.events.setState({ kind: 'noKey' });
        return { kind: 'noKey' };
      }
      const context = { explicit, pageSize: this.settings.pageSize, judge: this.judge, log: this.log };
      this.startSideReads(explicit, signal);
      const reads = await readCycle(source, this.subscriptions, this.reads, context, signal);
      if (generation !== this.generation) return { kind: 'stale' };
      const change = mergeCycle(this.reads, reads, this.log);
      if (change.reloadOwed) {
        this.list.fullReadOwed = true;
        this.scheduler.request(true, 'the list changed in a way only a full read can show');
      }
      this.events.announce(change, reads.missing, (id) => this.subscriptions.listenersOf(id));
      if (reads.failure) return { kind: 'error', error: reads.failure.error };
      this.events.succeeded(this.clock.now());
      return { kind: change.structural || change.updated.length > 0 ? 'changed' : 'unchanged' };
    } catch (error) {
      if (generation !== this.generation) return { kind: 'stale' };
      return { kind: 'error', error };
    }
  }
}
