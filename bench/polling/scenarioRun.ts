import { FlexpriceClient } from '../../src/api/flexpriceClient';
import { scheduleScenario, startFlexpriceServer, type LocalFlexpriceServer, type ScenarioPlan } from '../../test/server/flexpriceServer';
import { ScaledClock } from '../scaledClock';

/** The fixed scenario every watcher is measured on: same seed and start → same IDs and finish times. */
export const SCENARIO = {
  tasks: 100,
  windowMs: 300_000,
  seed: 42,
  failureRate: 0.1,
  startAt: Date.parse('2026-06-01T00:00:00Z'),
} as const;

/** What a watcher gets: the server (to read its request log), the real client, the shared clock. */
export interface ScenarioContext {
  readonly server: LocalFlexpriceServer;
  readonly client: FlexpriceClient;
  readonly clock: ScaledClock;
  readonly plan: ScenarioPlan;
  /** The watcher reports that it saw task `id` finished, now; only the first report counts. */
  seen(id: string): void;
  allSeen(): boolean;
  /** Past the deadline a watcher gives up (the run then reports fewer tasks seen). */
  overdue(): boolean;
}

export interface ScenarioResult {
  readonly tasks: number;
  readonly failedTasks: number;
  readonly seen: number;
  /** Server-clock ms from the moment each task finished on the server to the watcher's report of it. */
  readonly delaysMs: number[];
  /** Requests the server had received when the last finish was reported; undefined if not all were. */
  readonly requestsUntilAllSeen: number | undefined;
  /** Every request the server received during the run. */
  readonly requests: number;
  /** Server-clock ms from the start to the last request. */
  readonly lastRequestAtMs: number;
  readonly wallMs: number;
}

/** Leaves room for the FAILED tasks' retry window and a few grown intervals after the last finish. */
const DEADLINE_MS = SCENARIO.windowMs + 6 * 60_000 + 120_000;

/**
 * Starts a fresh local server holding the scenario's 100 PENDING tasks, starts the clock and lets
 * `watch` poll them until it resolves, then reads off what it cost and how late each finish was
 * seen. Every watcher gets the same tasks, finish times and clock scale. `onAllSeen` is called
 * when the last finish has been reported (the watcher may run on after it).
 */
export async function runScenario(
  scale: number,
  watch: (context: ScenarioContext) => Promise<void>,
  onAllSeen?: () => void,
): Promise<ScenarioResult> {
  const clock = new ScaledClock(scale, SCENARIO.startAt);
  const server = await startFlexpriceServer({ seedTasks: false, clock: clock.now });
  const plan = scheduleScenario(server.store, {
    count: SCENARIO.tasks,
    windowMs: SCENARIO.windowMs,
    seed: SCENARIO.seed,
    failureRate: SCENARIO.failureRate,
    startAt: SCENARIO.startAt,
  });
  const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 30_000, userAgent: 'flexprice-bench' });
  const seenAt = new Map<string, number>();
  let requestsUntilAllSeen: number | undefined;
  const context: ScenarioContext = {
    server,
    client,
    clock,
    plan,
    seen: (id) => {
      if (seenAt.has(id) || !plan.finishAt.has(id)) return;
      seenAt.set(id, clock.now());
      if (seenAt.size < plan.ids.length) return;
      requestsUntilAllSeen = server.requests.count();
      onAllSeen?.();
    },
    allSeen: () => seenAt.size === plan.ids.length,
    overdue: () => clock.elapsed() > DEADLINE_MS,
  };
  const wallStart = performance.now();
  clock.start();
  try {
    await watch(context);
  } finally {
    clock.dispose();
    await server.close();
  }
  const last = server.requests.last();
  return {
    tasks: plan.ids.length,
    failedTasks: [...plan.finalStatus.values()].filter((status) => status === 'FAILED').length,
    seen: seenAt.size,
    delaysMs: [...seenAt].map(([id, at]) => at - plan.finishAt.get(id)!),
    requestsUntilAllSeen,
    requests: server.requests.count(),
    lastRequestAtMs: last ? last.at - SCENARIO.startAt : 0,
    wallMs: performance.now() - wallStart,
  };
}
