import { FlexpriceClient } from '../../src/api/flexpriceClient';
import { DEFAULT_POLL_SETTINGS } from '../../src/polling/pollSettings';
import { TaskPoller } from '../../src/polling/taskPoller';
import { scheduleScenario, startFlexpriceServer } from '../../test/server/flexpriceServer';
import { ScaledClock } from '../scaledClock';

export const IDLE_SPAN_MS = 10 * 60_000;
const START_AT = Date.parse('2026-06-01T00:00:00Z');
const TASKS = 40;

export interface IdleCase {
  /** 'finished': only COMPLETED/FAILED tasks, the last change an hour ago (past the retry window). 'running': tasks finishing throughout the span. */
  readonly server: 'finished' | 'running';
  /** The view's visibility after the first load. */
  readonly visible: boolean;
}

export interface IdleResult {
  /** Requests the first load made (the view shown once, as on opening it). */
  readonly firstLoad: number;
  /** Requests after the first load, over IDLE_SPAN_MS of server time. */
  readonly afterFirstLoad: number;
  /** Whether the poller still had a timer at the end. */
  readonly scheduledAtEnd: boolean;
  readonly runningAtStart: number;
}

/**
 * One idle case on its own local server and clock: the TaskPoller wired as the sidebar wires it
 * (default settings, nothing pinned, window focused) is shown once so it loads the first page,
 * then left visible or hidden for IDLE_SPAN_MS of the compressed clock while the requests the
 * server receives are counted. No panel is open (nothing is watched).
 */
export async function measureIdle(idleCase: IdleCase, scale: number): Promise<IdleResult> {
  const clock = new ScaledClock(scale, START_AT);
  const server = await startFlexpriceServer({ seedTasks: false, clock: clock.now });
  const finishedLongAgo = idleCase.server === 'finished';
  scheduleScenario(server.store, {
    count: TASKS,
    // Finished: the same kind of imports, all done by an hour before now. Running: finishing over the whole span.
    startAt: finishedLongAgo ? START_AT - 60 * 60_000 : START_AT,
    windowMs: finishedLongAgo ? 5 * 60_000 : IDLE_SPAN_MS,
    seed: 7,
    failureRate: 0.2,
  });
  if (finishedLongAgo) server.store.advanceTo(START_AT);
  const runningAtStart = server.store.all().filter((task) => task.task_status === 'PENDING' || task.task_status === 'PROCESSING').length;

  const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 30_000, userAgent: 'flexprice-bench' });
  const poller = new TaskPoller({ source: async () => client, settings: DEFAULT_POLL_SETTINGS, clock });
  try {
    poller.setPinned([]);
    poller.setFocused(true);
    clock.start();
    poller.setVisible(true);
    await poller.idle();
    const firstLoad = server.requests.count();
    poller.setVisible(idleCase.visible);
    await clock.sleep(IDLE_SPAN_MS);
    await poller.idle();
    return { firstLoad, afterFirstLoad: server.requests.count() - firstLoad, scheduledAtEnd: poller.isScheduled, runningAtStart };
  } finally {
    poller.dispose();
    clock.dispose();
    await server.close();
  }
}
