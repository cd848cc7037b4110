import type { Logger } from '../log/logger';
import { readListChanges } from './listChangeRead';
import type { ListRead, PolledTasks } from './polledTasks';
import type { ListSubscription, TaskJudge } from './pollSubscriptions';
import type { TaskSource } from './taskSource';

/** A change read asks for at least this many tasks (fewer when fewer are live): bursts rarely need a second request. */
const MIN_CHANGE_READ = 10;

/**
 * The list read a cycle needs: every loaded page when nothing is loaded or a full read is owed,
 * the next page after Load more, and otherwise only what changed since the last read. That one
 * asks for twice as many as changed last time (at least MIN_CHANGE_READ), but never more than
 * the live tasks plus the one that marks the end; when more changed than is loaded, a full read
 * is as cheap.
 */
export async function readList(
  source: TaskSource,
  subscription: ListSubscription,
  reads: PolledTasks,
  context: { readonly pageSize: number; readonly judge: TaskJudge; readonly log: Logger },
  signal: AbortSignal,
): Promise<ListRead> {
  const { filter } = subscription;
  const items = reads.items;
  const loaded = (items?.length ?? 0) + reads.unreadable.length;
  if (items !== undefined && !subscription.fullReadOwed) {
    if (subscription.moreOwed) {
      const page = await source.listTasks({ ...filter, limit: context.pageSize, offset: loaded }, signal);
      subscription.moreOwed = false;
      return { kind: 'more', page };
    }
    const live = items.reduce((count, task) => count + (context.judge.isLive(task) ? 1 : 0), 0);
    const expected = Math.min(live + 1, Math.max(MIN_CHANGE_READ, 2 * subscription.lastChanged + 1));
    const changes = await readListChanges(source, filter, reads.versions, { expected, cap: Math.max(context.pageSize, loaded) }, signal);
    if (changes) {
      subscription.lastChanged = changes.changed.length;
      return { kind: 'changes', changes, filter };
    }
    context.log.info('Poll: more changed than is loaded; reading the list again');
  }
  const page = await source.listTasks({ ...filter, limit: context.pageSize * subscription.pages, offset: 0 }, signal);
  subscription.fullReadOwed = false;
  subscription.moreOwed = false;
  return { kind: 'full', page };
}
