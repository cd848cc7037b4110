import type { Logger } from '../log/logger';
import { readListChanges } from './listChangeRead';
import type { ListRead, PolledTasks } from './polledTasks';
import type { ListSubscription, TaskJudge } from './pollSubscriptions';
import type { TaskSource } from './taskSource';

/**
 * The list read a cycle needs: every loaded page when nothing is loaded or a full read is owed,
 * the next page after Load more, and otherwise only what changed since the last read (expected:
 * about as many tasks as are live; more than are loaded, and a full read is as cheap).
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
    const expected = items.reduce((live, task) => live + (context.judge.isLive(task) ? 1 : 0), 0);
    const changes = await readListChanges(source, filter, reads.versions, { expected, cap: Math.max(context.pageSize, loaded) }, signal);
    if (changes) return { kind: 'changes', changes, filter };
    context.log.info('Poll: more changed than is loaded; reading the list again');
  }
  const page = await source.listTasks({ ...filter, limit: context.pageSize * subscription.pages, offset: 0 }, signal);
  subscription.fullReadOwed = false;
  subscription.moreOwed = false;
  return { kind: 'full', page };
}
