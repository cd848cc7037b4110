import { isFlexpriceApiError } from '../api/apiError';
import type { Task } from '../api/taskSchema';
import type { Logger } from '../log/logger';
import { readList } from './listReads';
import type { ListRead, PolledChange, PolledTasks } from './polledTasks';
import type { PollSubscriptions, TaskJudge } from './pollSubscriptions';
import type { TaskSource } from './taskSource';

/** What one cycle's requests brought back. */
export interface CycleReads {
  readonly list: ListRead | undefined;
  readonly fetched: readonly Task[];
  /** Tasks the server answered 404 for, with that answer. */
  readonly missing: readonly { readonly id: string; readonly error: unknown }[];
  /** The first other failure; what was read is still used. */
  readonly failure?: { readonly error: unknown };
}

/**
 * The requests of one cycle: the list read its subscription needs (if any), then every live
 * watched or pinned task that read did not cover, each on its own, at the same time.
 */
export async function readCycle(
  source: TaskSource,
  subscriptions: PollSubscriptions,
  reads: PolledTasks,
  context: { readonly explicit: boolean; readonly pageSize: number; readonly judge: TaskJudge; readonly log: Logger },
  signal: AbortSignal,
): Promise<CycleReads> {
  const list = subscriptions.wantsList(context.explicit) ? await readList(source, subscriptions.list, reads, context, signal) : undefined;
  // Without a fresh read, nothing is "on the page": a hidden view must not freeze a panel.
  const ids = subscriptions.idsToFetchSingly(list);
  const results = await Promise.allSettled(ids.map((id) => source.getTask(id, signal)));
  const fetched: Task[] = [];
  const missing: { id: string; error: unknown }[] = [];
  let failure: { error: unknown } | undefined;
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') fetched.push(result.value);
    else if (isFlexpriceApiError(result.reason) && result.reason.kind === 'not_found') missing.push({ id: ids[index], error: result.reason });
    else failure ??= { error: result.reason };
  });
  return { list, fetched, missing, failure };
}

/** Stores a cycle's reads in the read model (404s included) and logs unreadable items once, when the list first shows them. */
export function mergeCycle(reads: PolledTasks, cycle: CycleReads, log: Logger): PolledChange {
  cycle.missing.forEach(({ id }) => reads.markMissing(id));
  const change = reads.merge(cycle.list, cycle.fetched);
  if (change.structural && cycle.list && cycle.list.kind !== 'changes') {
    for (const entry of cycle.list.page.unreadable ?? []) log.warn(`Unreadable task ${entry.id ?? '(no id)'}: ${entry.problem}`);
  }
  return change;
}
