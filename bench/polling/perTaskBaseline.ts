import { isRunning } from '../../src/polling/taskChanges';
import type { ScenarioContext } from './scenarioRun';

export const BASELINE_INTERVAL_MS = 5_000;

/**
 * Baseline (a), the usual per-item watcher: every 5 s, one `GET /tasks/{id}` for each task not
 * yet seen finished, all at once; a task is dropped as soon as it reads COMPLETED or FAILED.
 * It is handed the task IDs for free (no list request to find them).
 */
export async function watchPerTask(context: ScenarioContext): Promise<void> {
  const { client, clock } = context;
  const unfinished = new Set(context.plan.ids);
  while (unfinished.size > 0 && !context.overdue()) {
    const tickAt = clock.now();
    await Promise.all(
      [...unfinished].map(async (id) => {
        const task = await client.getTask(id);
        if (isRunning(task)) return;
        unfinished.delete(id);
        context.seen(id);
      }),
    );
    if (unfinished.size > 0) await clock.sleep(tickAt + BASELINE_INTERVAL_MS - clock.now());
  }
}
