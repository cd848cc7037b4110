import { DEFAULT_POLL_SETTINGS } from '../../src/polling/pollSettings';
import { TaskPoller } from '../../src/polling/taskPoller';
import type { ScenarioContext } from './scenarioRun';

/** The engine's own figures, beyond what the scenario measures. */
export interface TaskPollerOutcome {
  /** Server-clock ms from the start until the poller had no timer left and nothing in flight. */
  stoppedAtMs: number | undefined;
  pageSize: number;
}

/**
 * The engine as the sidebar runs it: default settings, view visible, window focused, nothing
 * pinned; only the page size is raised so that all the scenario's tasks are on the first page.
 * A finish is reported when the poller fires onDidFinishTask. Runs on after the last finish
 * until the poller stops by itself (FAILED imports stay watched for the retry window).
 */
export async function watchWithTaskPoller(context: ScenarioContext): Promise<TaskPollerOutcome> {
  const { client, clock, plan } = context;
  const settings = { ...DEFAULT_POLL_SETTINGS, pageSize: Math.max(DEFAULT_POLL_SETTINGS.pageSize, plan.ids.length) };
  const poller = new TaskPoller({ source: async () => client, settings, clock });
  poller.onDidFinishTask(({ task }) => context.seen(task.id));
  poller.setPinned([]);
  poller.setFocused(true);
  poller.setVisible(true);
  let stoppedAtMs: number | undefined;
  try {
    while (!context.overdue()) {
      // A wall-clock check every 10 ms; the poller's own timers run on the scaled clock.
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (!context.allSeen() || poller.isScheduled) continue;
      await poller.idle();
      if (poller.isScheduled) continue;
      stoppedAtMs = clock.elapsed();
      break;
    }
  } finally {
    poller.dispose();
  }
  return { stoppedAtMs, pageSize: settings.pageSize };
}
