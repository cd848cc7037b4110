import { Prng } from './prng';
import { completionPatch, failurePatch, newExport, newImport, processingPatch, retryPatch } from './taskFactory';
import type { ServerTask } from './taskRecord';
import type { TaskStore } from './taskStore';
import { taskId } from './ulid';

export interface SimulatorOptions {
  /** A new task appears this often (0 = never). Default 20 s. */
  spawnEveryMs?: number;
  /** How long a task waits in PENDING, [min, max]. Default [2 s, 8 s]. */
  pendingMs?: [number, number];
  /** How long each processing attempt runs, [min, max]. Default [5 s, 30 s]. */
  processingMs?: [number, number];
  /** Chance an attempt ends FAILED. Default 0.15. */
  failureRate?: number;
  /** Chance a FAILED attempt is retried (FAILED → PROCESSING), up to 5 times. Default 0.4. */
  retryRate?: number;
  /** Durations are divided by this: 10 runs the lifecycle ten times faster. Default 1. */
  timeScale?: number;
  /** Interval of the real timer started by start(). Default 250 ms. */
  tickEveryMs?: number;
  /** Whether the server starts the timer itself. Default true; tests driving tick() may turn it off. */
  autoStart?: boolean;
}

const MAX_RETRIES = 5;
/** Bounds the work one tick does when the clock jumps far ahead. */
const MAX_SPAWNS_PER_TICK = 100;

/**
 * Makes tasks appear and move through their lifecycle. Each task's whole future is drawn
 * from the seeded generator when it appears and planned into the store's schedule, so the
 * outcome depends only on the seed and the clock values, never on how often tick() runs.
 */
export class LifecycleSimulator {
  private readonly random: Prng;
  private readonly options: Required<Omit<SimulatorOptions, 'autoStart' | 'tickEveryMs'>>;
  private readonly tickEveryMs: number;
  private lastSpawnAt: number;
  private timer: NodeJS.Timeout | undefined;
  /** Ids of tasks this simulator created, oldest first. */
  readonly spawned: string[] = [];

  constructor(
    private readonly store: TaskStore,
    private readonly clock: () => number,
    seed: number,
    options: SimulatorOptions = {},
  ) {
    this.random = Prng.derive(seed, 'simulator');
    const scale = options.timeScale && options.timeScale > 0 ? options.timeScale : 1;
    const scaled = (range: [number, number]): [number, number] => [range[0] / scale, range[1] / scale];
    this.options = {
      spawnEveryMs: (options.spawnEveryMs ?? 20_000) / scale,
      pendingMs: scaled(options.pendingMs ?? [2_000, 8_000]),
      processingMs: scaled(options.processingMs ?? [5_000, 30_000]),
      failureRate: options.failureRate ?? 0.15,
      retryRate: options.retryRate ?? 0.4,
      timeScale: scale,
    };
    this.tickEveryMs = options.tickEveryMs ?? 250;
    this.lastSpawnAt = clock();
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.tickEveryMs);
    // Never keeps a test process alive on its own.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Spawns whatever was due since the last tick and applies every planned change up to `now`. */
  tick(now = this.clock()): number {
    const every = this.options.spawnEveryMs;
    if (every > 0) {
      let spawns = 0;
      while (this.lastSpawnAt + every <= now && spawns < MAX_SPAWNS_PER_TICK) {
        this.lastSpawnAt += every;
        this.spawn(this.lastSpawnAt);
        spawns++;
      }
      if (spawns === MAX_SPAWNS_PER_TICK) this.lastSpawnAt = Math.max(this.lastSpawnAt, now - every);
    }
    return this.store.advanceTo(now);
  }

  /** Creates one PENDING task at `at` and plans its future. */
  spawn(at: number = this.clock()): ServerTask {
    const random = this.random;
    const base = random.chance(0.6) ? newImport(random, at) : newExport(random, at);
    const task = this.store.add({ ...base, id: taskId(at, random) });
    this.spawned.push(task.id);
    this.planLifecycle(task, at);
    return task;
  }

  private planLifecycle(task: ServerTask, createdAt: number): void {
    const { random, options } = this;
    const plan = (at: number, patch: Partial<ServerTask>) => this.store.schedule.plan({ at: Math.round(at), taskId: task.id, patch });
    let cursor = createdAt + draw(random, options.pendingMs);
    plan(cursor, processingPatch(Math.round(cursor)));
    for (let attempt = 0; ; attempt++) {
      cursor += draw(random, options.processingMs);
      if (!random.chance(options.failureRate)) {
        const withErrors = task.task_type === 'IMPORT' && random.chance(0.25);
        plan(cursor, completionPatch(random, task, Math.round(cursor), withErrors ? { failedRecords: random.int(1, 800) } : {}));
        return;
      }
      plan(cursor, failurePatch(random, task, Math.round(cursor)));
      if (attempt >= MAX_RETRIES || !random.chance(options.retryRate)) return;
      cursor += draw(random, options.pendingMs);
      plan(cursor, retryPatch());
    }
  }
}

function draw(random: Prng, [min, max]: [number, number]): number {
  return min + random.next() * (max - min);
}
