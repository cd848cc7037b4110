import { isRunning } from '../../src/polling/taskChanges';
import { BASELINE_INTERVAL_MS } from './perTaskBaseline';
import type { ScenarioContext } from './scenarioRun';

/**
 * Baseline (b), a fixed-interval list poller: every 5 s, one `GET /tasks` with a page large
 * enough for all the scenario's tasks, until every task has been seen finished.
 */
export async function watchWithList(context: ScenarioContext): Promise<void> {
  const { client, clock } = context;
  const unfinished = new Set(context.plan.ids);
  while (unfinished.size > 0 && !context.overdue()) {
    const tickAt = clock.now();
    const page = await client.listTasks({ limit: context.plan.ids.length, offset: 0 });
    if (page.items.length < page.pagination.total) throw new Error('list baseline: the tasks did not fit on one page');
    for (const task of page.items) {
      if (!unfinished.has(task.id) || isRunning(task)) continue;
      unfinished.delete(task.id);
      context.seen(task.id);
    }
    if (unfinished.size > 0) await clock.sleep(tickAt + BASELINE_INTERVAL_MS - clock.now());
  }
}
