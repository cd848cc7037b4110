import { isFlexpriceApiError } from '../api/apiError';
import type { ScheduledExport } from '../api/scheduledExportSchema';
import { isSettled, isStale, type Task, type UnreadableTask } from '../api/taskSchema';
import { type Logger, SILENT_LOGGER } from '../log/logger';
import type { Clock } from '../polling/clock';
import { Emitter } from '../polling/emitter';
import type { WatchNeed } from '../polling/pollScheduler';
import type { SideRead } from '../polling/taskPoller';
import type { TaskPage } from '../polling/taskSource';
import { neverStartedReason, RunFollow } from './runFollow';

/**
 * Schedules change only by hand (dashboard or here), so on the cycles that run for live rows
 * the list is read again only this rarely; showing the view or Refresh reads it at once.
 */
export const LIST_MAX_AGE_MS = 2 * 60_000;

/** The reads this model needs; FlexpriceClient fits it. */
export interface ScheduleSource {
  listScheduledExports(filter?: Record<string, never>, signal?: AbortSignal): Promise<{ readonly items: readonly ScheduledExport[] }>;
  listScheduleRuns(scheduleId: string, page: { limit: number; offset: number }, signal?: AbortSignal): Promise<TaskPage>;
  getTask(id: string, signal?: AbortSignal): Promise<Task>;
}

/** One expanded schedule's runs, newest first. */
export interface ScheduleRuns {
  readonly tasks: readonly Task[];
  readonly unreadable: readonly UnreadableTask[];
  /** Whether the server may have more (a full last page). */
  readonly hasMore: boolean;
  /** Why the last read of them failed; what was read before stays. */
  readonly error?: unknown;
  /** Before the first answer. */
  readonly loading: boolean;
}

/** A run started with Run Now that has no task yet, or never got one. */
export interface StartingRun {
  readonly taskId: string;
  readonly scheduleId: string;
  readonly startedAt: number;
  readonly state: 'starting' | 'neverStarted';
  /** Why it may never have started, once given up on. */
  readonly reason?: string;
}

export interface ScheduleModelOptions {
  readonly source: () => Promise<ScheduleSource | undefined>;
  readonly clock: Clock;
  /** Runs read per page (the Tasks view's page size). */
  readonly pageSize: () => number;
  readonly log?: Logger;
}

export interface ScheduleChange {
  /** The schedule list itself changed (rows added, removed, renamed). */
  readonly schedules: boolean;
  /** Schedules whose runs changed. */
  readonly runsOf: readonly string[];
  /** Starting runs changed (added, found, given up). */
  readonly starting: boolean;
}

interface RunsEntry {
  tasks: Task[];
  unreadable: UnreadableTask[];
  pages: number;
  hasMore: boolean;
  /** The next cycle reads every loaded page again. */
  owed: boolean;
  /** Expanded in the view: only those are kept fresh. */
  expanded: boolean;
  error?: unknown;
  loading: boolean;
}

/**
 * What the Scheduled Exports view shows, read on the Tasks poller's cycles (a SideRead: no
 * timer of its own): the connection's schedules (deleted ones hidden), the runs of each expanded
 * schedule, and the runs started here until their tasks exist. It reads only while the view is
 * visible or a run is being followed, and re-reads runs only while one of them is still live.
 */
export class ScheduleModel implements SideRead {
  private list: ScheduledExport[] | undefined;
  private listError: unknown;
  private listOwed = true;
  /** When the list was last asked for (ms epoch); it is read again once older than LIST_MAX_AGE_MS. */
  private listReadAt = -Infinity;
  private visible = false;
  private readonly runs = new Map<string, RunsEntry>();
  private readonly follows = new Map<string, RunFollow>();
  private readonly givenUp = new Map<string, StartingRun>();
  /** Runs known to belong to a schedule (the server never says so on the task). */
  private readonly scheduleOfTask = new Map<string, string>();
  /** Bumped on reset: answers to older requests are dropped. */
  private generation = 0;
  private readonly log: Logger;

  private readonly changed = new Emitter<ScheduleChange>();
  readonly onDidChange = this.changed.event;
  private readonly started = new Emitter<{ readonly task: Task; readonly scheduleId: string }>();
  /** A followed run's task now exists. */
  readonly onDidStartRun = this.started.event;
  private readonly gaveUp = new Emitter<StartingRun>();
  /** A followed run still had no task after the time limit. */
  readonly onDidGiveUp = this.gaveUp.event;

  constructor(private readonly options: ScheduleModelOptions) {
    this.log = options.log ?? SILENT_LOGGER;
  }

  /** Live schedules (deleted ones hidden); undefined before the first answer. */
  get schedules(): readonly ScheduledExport[] | undefined {
    return this.list;
  }

  /** Why the last list read failed (cleared by the next success). */
  get error(): unknown {
    return this.listError;
  }

  schedule(id: string): ScheduledExport | undefined {
    return this.list?.find((schedule) => schedule.id === id);
  }

  runsOf(scheduleId: string): ScheduleRuns | undefined {
    const entry = this.runs.get(scheduleId);
    if (!entry) return undefined;
    return { tasks: entry.tasks, unreadable: entry.unreadable, hasMore: entry.hasMore, error: entry.error, loading: entry.loading };
  }

  /** Runs started here whose tasks do not exist yet (or never came), newest first. */
  startingRuns(scheduleId?: string): StartingRun[] {
    const starting: StartingRun[] = [...this.follows.values()]
      .filter((follow) => follow.state === 'starting')
      .map((follow) => ({ taskId: follow.taskId, scheduleId: follow.scheduleId, startedAt: follow.startedAt, state: 'starting' }));
    return [...starting, ...this.givenUp.values()]
      .filter((run) => scheduleId === undefined || run.scheduleId === scheduleId)
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  /** The schedule a task is known to come from: listed among its runs, or started here. */
  scheduleIdOf(taskId: string): string | undefined {
    return this.scheduleOfTask.get(taskId);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.listIsOld()) this.listOwed = true;
  }

  get isVisible(): boolean {
    return this.visible;
  }

  /** A schedule row was expanded: its runs are read (first time or again) and kept fresh. */
  expand(scheduleId: string): void {
    const entry = this.entry(scheduleId);
    entry.expanded = true;
    entry.owed = true;
  }

  collapse(scheduleId: string): void {
    const entry = this.runs.get(scheduleId);
    if (entry) entry.expanded = false;
  }

  /** Whether the next cycle has work that cannot wait for the cadence. */
  get hasOwedWork(): boolean {
    if (!this.visible) return false;
    return this.listOwed || [...this.runs.values()].some((entry) => entry.expanded && entry.owed);
  }

  loadMore(scheduleId: string): void {
    const entry = this.entry(scheduleId);
    entry.pages += 1;
    entry.owed = true;
    entry.expanded = true;
  }

  /** Refresh: the list and every expanded schedule's runs, on the next cycle. */
  refresh(): void {
    this.listOwed = true;
    for (const entry of this.runs.values()) if (entry.expanded) entry.owed = true;
  }

  /** The connection changed: nothing read with the old one stays. */
  reset(): void {
    this.generation += 1;
    this.list = undefined;
    this.listError = undefined;
    this.listOwed = true;
    this.listReadAt = -Infinity;
    this.runs.clear();
    this.follows.clear();
    this.givenUp.clear();
    this.scheduleOfTask.clear();
    this.changed.fire({ schedules: true, runsOf: [], starting: true });
  }

  /** Follows a run the server accepted: "Starting…" until its task exists. */
  follow(scheduleId: string, taskId: string, acceptedAt = this.options.clock.now()): void {
    this.givenUp.delete(taskId);
    this.follows.set(taskId, new RunFollow(taskId, scheduleId, acceptedAt));
    this.scheduleOfTask.set(taskId, scheduleId);
    this.changed.fire({ schedules: false, runsOf: [], starting: true });
  }

  /** Forgets a run that never started (its row dismissed). */
  dismiss(taskId: string): void {
    if (this.givenUp.delete(taskId)) this.changed.fire({ schedules: false, runsOf: [], starting: true });
  }

  need(): WatchNeed {
    if ([...this.follows.values()].some((follow) => follow.state === 'starting')) return 'fresh';
    if (!this.visible) return 'none';
    let need: WatchNeed = 'none';
    const now = this.options.clock.now();
    for (const entry of this.runs.values()) {
      if (!entry.expanded) continue;
      for (const task of entry.tasks) {
        if (isSettled(task, now)) continue;
        if (!isStale(task, now)) return 'fresh';
        need = 'stale';
      }
    }
    return need;
  }

  /** The next look at a starting run, so that the poller wakes for it. */
  dueAt(): number | undefined {
    const due = [...this.follows.values()].map((follow) => follow.nextLookDueAt).filter((at): at is number => at !== undefined);
    return due.length ? Math.min(...due) : undefined;
  }

  async read({ explicit, signal }: { readonly explicit: boolean; readonly signal: AbortSignal }): Promise<boolean> {
    const due = this.dueFollows();
    if (!this.visible && due.length === 0) return false;
    const source = await this.options.source();
    if (!source) return false;
    const generation = this.generation;
    const reads: Promise<ScheduleChange | undefined>[] = due.map((follow) => this.look(source, follow, signal, generation));
    if (this.visible) {
      // The Tasks view's Refresh (explicit) re-reads runs; the list has its own Refresh, and ages.
      if (this.listOwed || this.listIsOld()) reads.push(this.readList(source, signal, generation));
      for (const [scheduleId, entry] of this.runs) {
        if (entry.expanded && (explicit || entry.owed || this.hasLiveRun(entry))) reads.push(this.readRuns(source, scheduleId, entry, signal, generation));
      }
    }
    const changes = (await Promise.all(reads)).filter((change): change is ScheduleChange => change !== undefined);
    if (generation !== this.generation || changes.length === 0) return false;
    const merged: ScheduleChange = {
      schedules: changes.some((change) => change.schedules),
      runsOf: [...new Set(changes.flatMap((change) => change.runsOf))],
      starting: changes.some((change) => change.starting),
    };
    this.changed.fire(merged);
    return true;
  }

  dispose(): void {
    this.changed.dispose();
    this.started.dispose();
    this.gaveUp.dispose();
  }

  private entry(scheduleId: string): RunsEntry {
    let entry = this.runs.get(scheduleId);
    if (!entry) {
      entry = { tasks: [], unreadable: [], pages: 1, hasMore: false, owed: true, expanded: false, loading: true };
      this.runs.set(scheduleId, entry);
    }
    return entry;
  }

  private hasLiveRun(entry: RunsEntry): boolean {
    const now = this.options.clock.now();
    return entry.tasks.some((task) => !isSettled(task, now));
  }

  private dueFollows(): RunFollow[] {
    const now = this.options.clock.now();
    return [...this.follows.values()].filter((follow) => follow.isDue(now));
  }

  private listIsOld(): boolean {
    return this.options.clock.now() - this.listReadAt >= LIST_MAX_AGE_MS;
  }

  private async readList(source: ScheduleSource, signal: AbortSignal, generation: number): Promise<ScheduleChange | undefined> {
    this.listOwed = false;
    this.listReadAt = this.options.clock.now();
    try {
      const page = await source.listScheduledExports({}, signal);
      if (generation !== this.generation) return undefined;
      const live = page.items.filter((schedule) => schedule.status !== 'deleted' && schedule.status !== 'archived').sort(bySchedule);
      const same = this.list !== undefined && this.listError === undefined && sameSchedules(this.list, live);
      this.list = live;
      this.listError = undefined;
      return same ? undefined : { schedules: true, runsOf: [], starting: false };
    } catch (error) {
      if (generation !== this.generation || isCancelled(error)) return undefined;
      this.listError = error;
      this.log.warn(`Scheduled exports: the list could not be read: ${describe(error)}`);
      return { schedules: true, runsOf: [], starting: false };
    }
  }

  private async readRuns(source: ScheduleSource, scheduleId: string, entry: RunsEntry, signal: AbortSignal, generation: number): Promise<ScheduleChange | undefined> {
    entry.owed = false;
    const pageSize = Math.max(1, this.options.pageSize());
    try {
      const page = await source.listScheduleRuns(scheduleId, { limit: pageSize * entry.pages, offset: 0 }, signal);
      if (generation !== this.generation) return undefined;
      const before = entry.tasks;
      entry.tasks = [...page.items];
      entry.unreadable = [...(page.unreadable ?? [])];
      entry.hasMore = page.items.length + entry.unreadable.length >= pageSize * entry.pages;
      const wasError = entry.error !== undefined || entry.loading;
      entry.error = undefined;
      entry.loading = false;
      for (const task of entry.tasks) this.scheduleOfTask.set(task.id, scheduleId);
      return wasError || !sameTasks(before, entry.tasks) ? { schedules: false, runsOf: [scheduleId], starting: false } : undefined;
    } catch (error) {
      if (generation !== this.generation || isCancelled(error)) return undefined;
      entry.error = error;
      entry.loading = false;
      return { schedules: false, runsOf: [scheduleId], starting: false };
    }
  }

  /** One look at a starting run: found, not yet (404), or given up on. */
  private async look(source: ScheduleSource, follow: RunFollow, signal: AbortSignal, generation: number): Promise<ScheduleChange | undefined> {
    try {
      const task = await source.getTask(follow.taskId, signal);
      if (generation !== this.generation) return undefined;
      follow.found();
      this.follows.delete(follow.taskId);
      this.log.info(`Scheduled exports: run ${follow.taskId} started after ${follow.lookCount} look(s)`);
      const entry = this.runs.get(follow.scheduleId);
      if (entry && !entry.tasks.some(({ id }) => id === task.id)) entry.tasks = [task, ...entry.tasks];
      this.started.fire({ task, scheduleId: follow.scheduleId });
      return { schedules: false, runsOf: [follow.scheduleId], starting: true };
    } catch (error) {
      if (generation !== this.generation || isCancelled(error)) return undefined;
      // Anything but 404 (server down, 5xx) counts as "not yet": the time limit still holds.
      if (!(isFlexpriceApiError(error) && error.kind === 'not_found')) this.log.warn(`Scheduled exports: looking for run ${follow.taskId}: ${describe(error)}`);
      if (follow.notYet(this.options.clock.now()) !== 'neverStarted') return undefined;
      this.follows.delete(follow.taskId);
      const run: StartingRun = {
        taskId: follow.taskId,
        scheduleId: follow.scheduleId,
        startedAt: follow.startedAt,
        state: 'neverStarted',
        reason: neverStartedReason(this.schedule(follow.scheduleId)),
      };
      this.givenUp.set(run.taskId, run);
      this.log.warn(`Scheduled exports: run ${follow.taskId} never started (${follow.lookCount} looks): ${run.reason}`);
      this.gaveUp.fire(run);
      return { schedules: false, runsOf: [], starting: true };
    }
  }
}

/** Schedules by entity type, then interval, then ID: the server's list has no order. */
function bySchedule(a: ScheduledExport, b: ScheduledExport): number {
  return (a.entity_type ?? '').localeCompare(b.entity_type ?? '') || (a.interval ?? '').localeCompare(b.interval ?? '') || a.id.localeCompare(b.id);
}

function sameSchedules(a: readonly ScheduledExport[], b: readonly ScheduledExport[]): boolean {
  return a.length === b.length && a.every((schedule, index) => schedule.id === b[index]?.id && schedule.updated_at === b[index]?.updated_at && schedule.enabled === b[index]?.enabled);
}

function sameTasks(a: readonly Task[], b: readonly Task[]): boolean {
  return a.length === b.length && a.every((task, index) => task.id === b[index]?.id && task.updated_at === b[index]?.updated_at && task.task_status === b[index]?.task_status);
}

function isCancelled(error: unknown): boolean {
  return isFlexpriceApiError(error) && error.kind === 'cancelled';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
