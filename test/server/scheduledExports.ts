import { currentInterval, type DataInterval, exportCadence, type ExportCadence, fireTimesBetween, nextFireAfter, previousInterval, scheduledRunId } from './exportCadence';
import { type RunDurations, startExportRun, SYSTEM_USER_ID } from './exportRun';
import { Prng } from './prng';
import type { ServerSchedule } from './scheduleRecord';
import type { ScheduleStore } from './scheduleStore';
import { SEED_USERS, type ServerTask } from './taskRecord';
import type { TaskStore } from './taskStore';
import { taskId } from './ulid';

export interface ScheduledExportsOptions {
  /** Schedules seeded per environment (a mix of entity types and intervals, one paused, one deleted). Default 6. */
  schedules?: number;
  /** Seed each schedule with past runs (scheduled and one "run now"). Default true. */
  history?: boolean;
  /** How long after `POST …/run` the task row appears, before the time scale. Default 3,000 ms. */
  runDelayMs?: number;
  /** PENDING → PROCESSING of a run, [min, max], before the time scale. Default [500, 2,000] ms. */
  pendingMs?: [number, number];
  /** PROCESSING → done, [min, max], before the time scale. Default [3,000, 20,000] ms. */
  processingMs?: [number, number];
  /** Chance a run ends FAILED with Temporal's wrapped error. Default 0.15. */
  failureRate?: number;
  /** Cadences, delays and durations are divided by this. Default the simulator's timeScale, else 1. */
  timeScale?: number;
}

export interface ForceRunRange {
  startMs: number;
  endMs: number;
}

export interface ForceRunAnswer {
  workflowId: string;
  interval: DataInterval;
  mode: 'force run' | 'custom';
}

/** A "run now" whose task row does not exist yet. */
export interface RequestedRun {
  workflowId: string;
  scheduleId: string;
  /** When the workflow creates the task, if the schedule is still enabled then. */
  createAt: number;
  interval: DataInterval;
}

/** Bounds the work of one advance when the clock jumps far ahead: only each schedule's newest 200 runs happen. */
const MAX_FIRES_PER_ADVANCE = 200;

/**
 * The export side of the server's Temporal: schedules fire on their cadence and "run now"
 * starts a workflow whose task row appears a little later. Everything happens as the store's
 * clock is advanced (each request, the simulator's tick, `tasks.advanceTo`), and each run's
 * outcome comes from a generator derived from the seed and its id, so it depends only on
 * the seed and the clock, never on how often time is advanced.
 */
export class ScheduledExports {
  readonly timeScale: number;
  /** The delay between `POST …/run` and its task row, time scale applied. */
  readonly runDelayMs: number;
  readonly durations: RunDurations;
  private readonly runNowIds: Prng;
  private requested: RequestedRun[] = [];
  private lastAdvancedAt: number;
  private advancing = false;

  constructor(
    private readonly tasks: TaskStore,
    readonly schedules: ScheduleStore,
    private readonly clock: () => number,
    private readonly seed: number,
    options: ScheduledExportsOptions = {},
  ) {
    const scale = options.timeScale && options.timeScale > 0 ? options.timeScale : 1;
    const scaled = ([min, max]: [number, number]): [number, number] => [min / scale, max / scale];
    this.timeScale = scale;
    this.runDelayMs = (options.runDelayMs ?? 3_000) / scale;
    this.durations = {
      pendingMs: scaled(options.pendingMs ?? [500, 2_000]),
      processingMs: scaled(options.processingMs ?? [3_000, 20_000]),
      failureRate: options.failureRate ?? 0.15,
    };
    this.runNowIds = Prng.derive(seed, 'run-now');
    this.lastAdvancedAt = clock();
    tasks.onAdvance((now) => this.advanceTo(now));
    // A pause, resume or delete takes effect from its moment: runs due before it happen first.
    schedules.onBeforeChange(() => this.advanceTo(this.clock()));
  }

  cadenceOf(schedule: Pick<ServerSchedule, 'interval'>): ExportCadence {
    return exportCadence(schedule.interval, this.timeScale);
  }

  /** When the schedule fires next after `afterMs` (whether or not it is enabled then). */
  nextRunAt(scheduleId: string, afterMs = this.clock()): number | undefined {
    const schedule = this.schedules.get(scheduleId);
    return schedule && nextFireAfter(this.cadenceOf(schedule), afterMs);
  }

  /**
   * What `POST /tasks/scheduled/{id}/run` does: answers at once and plans the task row
   * `runDelayMs` later. Undefined for an unknown schedule. A paused or deleted one still gets
   * an answer, but its workflow finds it disabled and creates nothing.
   */
  forceRun(scheduleId: string, range?: ForceRunRange, now = this.clock()): ForceRunAnswer | undefined {
    const schedule = this.schedules.get(scheduleId);
    if (!schedule) return undefined;
    const interval = range ? { startMs: range.startMs, endMs: range.endMs } : currentInterval(this.cadenceOf(schedule), now);
    const workflowId = taskId(now, this.runNowIds);
    this.requestRun({ workflowId, scheduleId, createAt: now + this.runDelayMs, interval });
    return { workflowId, interval, mode: range ? 'custom' : 'force run' };
  }

  /** Runs asked for whose task does not exist yet, soonest first. */
  pendingRuns(): RequestedRun[] {
    return this.requested.map((run) => ({ ...run, interval: { ...run.interval } }));
  }

  /** The schedule's export tasks, newest first, as `GET /tasks?scheduled_task_id=…&task_type=EXPORT` lists them. */
  runsOf(scheduleId: string): ServerTask[] {
    return this.tasks.list({ scheduled_task_id: scheduleId, task_type: 'EXPORT', limit: Number.MAX_SAFE_INTEGER }).items;
  }

  /** Creates the task of every run due by `now`; returns how many were created. */
  advanceTo(now: number): number {
    if (this.advancing || now <= this.lastAdvancedAt) return 0;
    this.advancing = true;
    try {
      const due: { at: number; start: () => boolean }[] = [];
      for (const schedule of this.schedules.all()) {
        if (!isActive(schedule)) continue;
        for (const fireMs of fireTimesBetween(this.cadenceOf(schedule), this.lastAdvancedAt, now, MAX_FIRES_PER_ADVANCE)) {
          due.push({ at: fireMs, start: () => this.startScheduledRun(schedule.id, fireMs) !== undefined });
        }
      }
      while (this.requested.length > 0 && this.requested[0].createAt <= now) {
        const run = this.requested.shift()!;
        due.push({ at: run.createAt, start: () => this.startRequestedRun(run) });
      }
      this.lastAdvancedAt = now;
      due.sort((a, b) => a.at - b.at);
      let created = 0;
      for (const run of due) if (run.start()) created++;
      return created;
    } finally {
      this.advancing = false;
    }
  }

  /** A scheduled run's task at `fireMs`, id `<uuid>-<time>`, exporting the previous interval. Used for history too. */
  startScheduledRun(scheduleId: string, fireMs: number, durations: RunDurations = this.durations): ServerTask | undefined {
    const schedule = this.schedules.get(scheduleId);
    const prefix = this.schedules.runIdPrefix(scheduleId);
    if (!schedule || prefix === undefined) return undefined;
    const id = scheduledRunId(prefix, fireMs);
    if (this.tasks.get(id)) return undefined;
    const interval = previousInterval(this.cadenceOf(schedule), fireMs);
    return startExportRun(this.tasks, { id, schedule, createdMs: fireMs, interval, createdBy: SYSTEM_USER_ID, random: this.runRandom(id) }, durations);
  }

  /** Plans a "run now" as if it had been asked for (history seeding uses it with past times). */
  requestRun(run: RequestedRun): void {
    let at = this.requested.length;
    while (at > 0 && this.requested[at - 1].createAt > run.createAt) at--;
    this.requested.splice(at, 0, run);
  }

  /** A past "run now" that did start: its task, created `runDelayMs` after `requestedAt` (for history). */
  startPastForceRun(scheduleId: string, requestedAt: number, interval?: DataInterval, durations: RunDurations = this.durations): ServerTask | undefined {
    const schedule = this.schedules.get(scheduleId);
    if (!schedule) return undefined;
    const id = taskId(requestedAt, this.runNowIds);
    const spec = {
      id,
      schedule,
      createdMs: requestedAt + this.runDelayMs,
      interval: interval ?? currentInterval(this.cadenceOf(schedule), requestedAt),
      createdBy: SEED_USERS[0],
      random: this.runRandom(id),
    };
    return startExportRun(this.tasks, spec, durations);
  }

  private startRequestedRun(run: RequestedRun): boolean {
    const schedule = this.schedules.get(run.scheduleId);
    // The workflow reads the schedule first and stops, with no task, when it is disabled.
    if (!schedule || !isActive(schedule)) return false;
    const spec = { id: run.workflowId, schedule, createdMs: run.createAt, interval: run.interval, createdBy: SEED_USERS[0], random: this.runRandom(run.workflowId) };
    startExportRun(this.tasks, spec, this.durations);
    return true;
  }

  private runRandom(id: string): Prng {
    return Prng.derive(this.seed, `export-run:${id}`);
  }
}

function isActive(schedule: ServerSchedule): boolean {
  return schedule.enabled && schedule.status === 'published';
}
