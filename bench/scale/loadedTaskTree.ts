import { FlexpriceClient } from '../../src/api/flexpriceClient';
import { DEFAULT_POLL_SETTINGS } from '../../src/polling/pollSettings';
import { TaskPoller } from '../../src/polling/taskPoller';
import type { TaskTreeProvider } from '../../src/tree/taskTreeProvider';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../../test/server/flexpriceServer';
import { FakeClock } from '../../test/unit/polling/fakeClock';
import { HeldPageSource } from './heldPageSource';
import { installVscodeStandIn } from '../../test/unit/vscodeStandIn';

export interface LoadedTaskTree {
  readonly server: LocalFlexpriceServer;
  readonly source: HeldPageSource;
  readonly poller: TaskPoller;
  readonly provider: TaskTreeProvider;
  /** The poller's clock: `runNext()` runs the next timer-driven cycle. */
  readonly clock: FakeClock;
  /** How the list got loaded: requests made and wall time, for the record. */
  readonly load: { pages: number; requests: number; ms: number };
  close(): Promise<void>;
}

/**
 * The local server seeded with `count` tasks (its usual mix: about 62 % COMPLETED, 18 % FAILED,
 * 20 % running), the real FlexpriceClient over 127.0.0.1, a TaskPoller with the sidebar's
 * listeners (TaskTreeProvider, TaskStatusBar, TaskNotifier), and every page loaded the way the
 * user does it: the view becomes visible (first page), then "Load more" (TaskPoller.loadMore)
 * until nothing is left. The poller's clock is a FakeClock, so no cycle runs unless the
 * benchmark starts one.
 */
export async function loadTaskTree(count: number, pageSize: number): Promise<LoadedTaskTree> {
  installVscodeStandIn();
  const { TaskTreeProvider } = await import('../../src/tree/taskTreeProvider.js');
  const { TaskStatusBar } = await import('../../src/tree/taskStatusBar.js');
  const { TaskNotifier } = await import('../../src/tree/taskNotifier.js');
  const now = Date.now();
  // The server's clock stands still, so nothing changes on it unless the benchmark changes it.
  const server = await startFlexpriceServer({ seedTasks: count, clock: () => now });
  const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 60_000, userAgent: 'scale-bench' });
  const source = new HeldPageSource(client);
  const clock = new FakeClock(now);
  const settings = { ...DEFAULT_POLL_SETTINGS, pageSize };
  const poller = new TaskPoller({ source: async () => source, settings, clock, random: () => 0.5 });
  const provider = new TaskTreeProvider(poller, () => server.baseUrl, 'status', clock);
  // The poller's other listeners in the sidebar, as TaskTree wires them (TaskTree itself would
  // build its poller on real timers, so cycles would run by themselves).
  const listeners = [new TaskStatusBar(poller), new TaskNotifier(poller, 'bench')];

  const started = performance.now();
  let pages = 1;
  poller.setVisible(true);
  await poller.idle();
  while (poller.hasMore) {
    await poller.loadMore();
    pages += 1;
  }
  const load = { pages, requests: server.requests.count({ path: '/v1/tasks' }), ms: performance.now() - started };
  if (poller.tasks?.length !== count) throw new Error(`loaded ${poller.tasks?.length} of ${count} tasks (state ${poller.state.kind})`);

  return {
    server,
    source,
    poller,
    provider,
    clock,
    load,
    close: async () => {
      listeners.forEach((listener) => listener.dispose());
      provider.dispose();
      poller.dispose();
      await server.close();
    },
  };
}
