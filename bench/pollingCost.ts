/**
 * What the sidebar's polling costs: 100 running tasks finish at random times over 5 minutes on
 * the local server; the TaskPoller (real client, real HTTP on 127.0.0.1, default settings, view
 * visible, window focused, page size 100 so every task is on screen) watches them. Reports the
 * requests it made and how long after each finish on the server the poller had it.
 *
 * Time is compressed: the server's clock and the poller's clock run `--scale` times faster than
 * the wall clock (default 10, so the 5 minutes take 30 s), both from the same function, and all
 * times below are in that shared (server) time. Socket latency is not scaled, so delays come out
 * slightly pessimistic (a 3 ms round trip counts as 30 ms).
 *
 * Run: npx esbuild bench/pollingCost.ts --bundle --platform=node --outfile=out/bench/pollingCost.js \
 *        && node out/bench/pollingCost.js [--scale 10] [--tasks 100] [--minutes 5] [--seed 7] [--json]
 */
import { FlexpriceClient } from '../src/api/flexpriceClient';
import type { Clock } from '../src/polling/clock';
import { DEFAULT_POLL_SETTINGS } from '../src/polling/pollSettings';
import { TaskPoller } from '../src/polling/taskPoller';
import { startFlexpriceServer } from '../test/server/flexpriceServer';
import { Prng } from '../test/server/prng';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const scale = option('scale', 10);
  const taskCount = option('tasks', 100);
  const windowMs = option('minutes', 5) * 60_000;
  const random = new Prng(option('seed', 7));

  const start = Date.now();
  const now = () => start + (Date.now() - start) * scale;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const clock: Clock = {
    now,
    setTimeout: (callback, ms) => setTimeout(callback, ms / scale),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };

  const server = await startFlexpriceServer({ seedTasks: false, clock: now });
  const plan = Array.from({ length: taskCount }, (_, i) => {
    const status = i % 4 === 0 ? 'PENDING' : 'PROCESSING';
    const task = server.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: status, file_name: `bench-${i}.csv` });
    const fails = random.chance(0.1);
    return { id: task.id, finishAfterMs: random.next() * windowMs, fails };
  });

  const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 30_000, userAgent: 'polling-bench' });
  const poller = new TaskPoller({
    source: async () => client,
    settings: { ...DEFAULT_POLL_SETTINGS, pageSize: Math.max(taskCount, DEFAULT_POLL_SETTINGS.pageSize) },
    clock,
  });

  const finishedAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  poller.onDidFinishTask(({ task }) => {
    if (!seenAt.has(task.id)) seenAt.set(task.id, now());
  });
  for (const { id, finishAfterMs, fails } of plan) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      const at = new Date(now()).toISOString();
      server.store.update(id, fails
        ? { task_status: 'FAILED', failed_at: at, error_summary: 'Chunk 0: bench failure' }
        : { task_status: 'COMPLETED', completed_at: at, processed_records: 1000, successful_records: 1000, failed_records: 0 });
      finishedAt.set(id, now());
    }, finishAfterMs / scale);
    timers.add(timer);
  }

  poller.setVisible(true);
  let requestsWhenAllSeen: number | undefined;
  let allSeenAt: number | undefined;
  // Until every finish was seen, then until the poller stops by itself (FAILED tasks are watched for the retry window).
  const limit = start + (windowMs + DEFAULT_POLL_SETTINGS.retryWindowMs + 120_000) / scale;
  while (Date.now() < limit) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (allSeenAt === undefined && seenAt.size === taskCount) {
      allSeenAt = now();
      requestsWhenAllSeen = server.requests.count();
    }
    if (allSeenAt !== undefined && !poller.isScheduled) {
      await poller.idle();
      if (!poller.isScheduled) break;
    }
  }
  const stoppedAt = now();
  const totalRequests = server.requests.count();
  const lists = server.requests.count({ path: '/v1/tasks' });
  poller.dispose();
  timers.forEach(clearTimeout);
  await server.close();

  const delays = plan.filter(({ id }) => seenAt.has(id)).map(({ id }) => seenAt.get(id)! - finishedAt.get(id)!);
  const mean = delays.reduce((sum, d) => sum + d, 0) / Math.max(1, delays.length);
  // For comparison: one GET /tasks/{id} every 2 s per running task, as per-item pollers do.
  const naive = plan.reduce((sum, { finishAfterMs }) => sum + Math.ceil(finishAfterMs / 2000), 0);
  const result = {
    scale,
    tasks: taskCount,
    windowSeconds: windowMs / 1000,
    failedTasks: plan.filter((p) => p.fails).length,
    seen: delays.length,
    requestsUntilAllSeen: requestsWhenAllSeen,
    requestsUntilPollingStopped: totalRequests,
    listRequests: lists,
    getRequests: totalRequests - lists,
    secondsUntilPollingStopped: Math.round((stoppedAt - start) / 1000),
    delaySeconds: {
      mean: round(mean / 1000),
      median: round(percentile(delays, 0.5) / 1000),
      p95: round(percentile(delays, 0.95) / 1000),
      worst: round(Math.max(...delays) / 1000),
    },
    naivePerTaskPollingRequests: naive,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else console.log(JSON.stringify(result, null, 2));
  if (delays.length !== taskCount) process.exitCode = 1;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
