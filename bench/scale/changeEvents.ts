import type { TaskPoller } from '../../src/polling/taskPoller';
import type { TaskTreeProvider } from '../../src/tree/taskTreeProvider';

/** Counts what a cycle fired: the poller's events and the tree's onDidChangeTreeData (whole tree or rows). */
export function countChangeEvents(poller: TaskPoller, provider: TaskTreeProvider) {
  const counts = { onDidChange: 0, onDidUpdateTask: 0, onDidFinishTask: 0, treeWholeRefreshes: 0, treeRowsRefreshed: 0 };
  const subscriptions = [
    poller.onDidChange(() => counts.onDidChange++),
    poller.onDidUpdateTask(() => counts.onDidUpdateTask++),
    poller.onDidFinishTask(() => counts.onDidFinishTask++),
    provider.onDidChangeTreeData((nodes) => {
      if (nodes === undefined) counts.treeWholeRefreshes++;
      else counts.treeRowsRefreshed += Array.isArray(nodes) ? nodes.length : 1;
    }),
  ];
  return {
    /** The counts since the last take(). */
    take(): Record<string, number> {
      const taken = { ...counts };
      for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] = 0;
      return taken;
    },
    dispose: () => subscriptions.forEach((subscription) => subscription.dispose()),
  };
}
