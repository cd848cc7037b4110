import { Prng } from './prng';
import { completionPatch, failurePatch, newImport, processingPatch } from './taskFactory';
import type { TaskStore } from './taskStore';
import { rfc3339 } from './timestamps';
import { taskId } from './ulid';

export interface ScenarioOptions {
  /** Tasks to create. Default 100. */
  count?: number;
  /** Every task finishes within this long after startAt. Default 300,000 ms. */
  windowMs?: number;
  /** Default 42. */
  seed?: number;
  /** ms epoch at which all tasks exist as PENDING. */
  startAt: number;
  /** Chance a task ends FAILED instead of COMPLETED. Default 0. */
  failureRate?: number;
}

export interface ScenarioPlan {
  /** In creation order. */
  ids: string[];
  /** When each task turns PROCESSING on the server. */
  startedAt: Map<string, number>;
  /** When each task reaches its final state on the server: the moment a watcher could first see it. */
  finishAt: Map<string, number>;
  finalStatus: Map<string, 'COMPLETED' | 'FAILED'>;
}

/**
 * Creates `count` PENDING imports, each finishing at a seeded moment inside the window.
 * The changes are applied as the server clock passes them (on each request, simulator tick
 * or store.advanceTo), so a benchmark can compare when its client noticed with finishAt.
 * Ids and times depend only on seed and startAt.
 */
export function scheduleScenario(store: TaskStore, options: ScenarioOptions): ScenarioPlan {
  const { count = 100, windowMs = 300_000, seed = 42, startAt, failureRate = 0 } = options;
  const random = Prng.derive(seed, 'scenario');
  const result: ScenarioPlan = { ids: [], startedAt: new Map(), finishAt: new Map(), finalStatus: new Map() };
  for (let i = 0; i < count; i++) {
    const finishAt = startAt + Math.max(1, Math.round(random.next() * windowMs));
    const startedAt = startAt + Math.floor(random.next() * (finishAt - startAt));
    const task = store.add({ ...newImport(random, startAt, 'EVENTS'), id: taskId(startAt, random), created_at: rfc3339(startAt) });
    const failed = random.chance(failureRate);
    store.schedule.plan({ at: startedAt, taskId: task.id, patch: processingPatch(startedAt) });
    store.schedule.plan({
      at: finishAt,
      taskId: task.id,
      patch: failed ? failurePatch(random, task, finishAt) : completionPatch(random, task, finishAt, { failedRecords: random.chance(0.2) ? random.int(1, 50) : 0 }),
    });
    result.ids.push(task.id);
    result.startedAt.set(task.id, startedAt);
    result.finishAt.set(task.id, finishAt);
    result.finalStatus.set(task.id, failed ? 'FAILED' : 'COMPLETED');
  }
  return result;
}
