import { FlexpriceClient } from '../../src/api/flexpriceClient';
import type { Logger } from '../../src/log/logger';
import { DEFAULT_POLL_SETTINGS } from '../../src/polling/pollSettings';
import { TaskPoller } from '../../src/polling/taskPoller';
import { importErrorSummary } from '../../test/server/errorSummaries';
import { type LocalFlexpriceServer, startFlexpriceServer } from '../../test/server/flexpriceServer';
import { Prng } from '../../test/server/prng';
import { ScaledClock } from '../scaledClock';

const START_AT = Date.parse('2026-06-01T00:00:00Z');
const HOUR = 60 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Sums the response sizes the client logs ("GET … → 200 (3 ms, 1.2 MB)"), per request. */
class ByteCounter implements Logger {
  readonly sizes: number[] = [];
  info(message: string): void {
    const match = /→ \d{3} \(\d+ ms, ([\d.]+) (bytes|KB|MB)\)$/.exec(message);
    if (match) this.sizes.push(Number(match[1]) * (match[2] === 'MB' ? 1_048_576 : match[2] === 'KB' ? 1024 : 1));
  }
  trace(): void {}
  debug(): void {}
  warn(message: string): void {
    this.info(message);
  }
  error(): void {}
}

async function withPoller<T>(scale: number, seed: (server: LocalFlexpriceServer) => void, body: (parts: { server: LocalFlexpriceServer; poller: TaskPoller; clock: ScaledClock; bytes: ByteCounter }) => Promise<T>): Promise<T> {
  const clock = new ScaledClock(scale, START_AT);
  const server = await startFlexpriceServer({ seedTasks: false, clock: clock.now });
  seed(server);
  const bytes = new ByteCounter();
  const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 30_000, userAgent: 'flexprice-bench', log: bytes });
  const poller = new TaskPoller({ source: async () => client, settings: DEFAULT_POLL_SETTINGS, clock });
  try {
    clock.start();
    return await body({ server, poller, clock, bytes });
  } finally {
    poller.dispose();
    clock.dispose();
    await server.close();
  }
}

/** One export stuck PROCESSING for 3 h, the view open: requests over `spanMs` after the first load. */
export function staleRequests(spanMs: number, scale: number): Promise<number> {
  const seed = (server: LocalFlexpriceServer) =>
    void server.store.add({ task_type: 'EXPORT', entity_type: 'credit_usage', task_status: 'PROCESSING', created_at: iso(START_AT - 3 * HOUR), updated_at: iso(START_AT - 3 * HOUR), started_at: iso(START_AT - 3 * HOUR) });
  return withPoller(scale, seed, async ({ server, poller, clock }) => {
    poller.setVisible(true);
    await poller.idle();
    const first = server.requests.count();
    await clock.sleep(spanMs);
    await poller.idle();
    return server.requests.count() - first;
  });
}

/**
 * The view shown once, then hidden, with a panel open on a running export that was on the
 * loaded page; the export completes `finishAfterMs` later. Returns the server time from the
 * finish to the panel seeing COMPLETED (undefined if it never did within `limitMs`) and the
 * requests made while hidden.
 */
export function hiddenSidebarPanel(finishAfterMs: number, limitMs: number, scale: number): Promise<{ delayMs: number | undefined; requests: number }> {
  let id = '';
  const seed = (server: LocalFlexpriceServer) => {
    for (let i = 0; i < 20; i++) server.store.add({ task_type: 'IMPORT', task_status: 'COMPLETED', created_at: iso(START_AT - HOUR - i * 60_000) });
    id = server.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'PROCESSING', created_at: iso(START_AT - 60_000) }).id;
  };
  return withPoller(scale, seed, async ({ server, poller, clock }) => {
    poller.setVisible(true);
    await poller.idle();
    let seenAt: number | undefined;
    poller.watch(id, { onUpdate: (task) => task.task_status === 'COMPLETED' && (seenAt ??= clock.now()) });
    poller.setVisible(false);
    const hiddenFrom = server.requests.count();
    await clock.sleep(finishAfterMs);
    const finishedAt = clock.now();
    server.store.update(id, { task_status: 'COMPLETED', total_records: 10, processed_records: 10, successful_records: 10, failed_records: 0, updated_at: iso(finishedAt) });
    while (seenAt === undefined && clock.now() - finishedAt < limitMs) await clock.sleep(500);
    return { delayMs: seenAt === undefined ? undefined : seenAt - finishedAt, requests: server.requests.count() - hiddenFrom };
  });
}

/**
 * 200 tasks loaded (4 pages of 50), 50 of them FAILED imports with 1,000-entry summaries, one
 * export running, which moves from PENDING to PROCESSING after the second cycle: the mean and
 * the largest bytes received per timer-driven cycle over `cycles` cycles.
 */
export function bytesPerCycle(cycles: number, scale: number): Promise<{ meanBytes: number; maxBytes: number; requestsPerCycle: number }> {
  let exportId = '';
  const seed = (server: LocalFlexpriceServer) => {
    const random = new Prng(11);
    for (let i = 0; i < 199; i++) {
      const failed = i % 4 === 1;
      server.store.add({
        task_type: 'IMPORT',
        task_status: failed ? 'FAILED' : 'COMPLETED',
        created_at: iso(START_AT - HOUR - i * 60_000),
        updated_at: iso(START_AT - HOUR - i * 60_000),
        ...(failed ? { failed_at: iso(START_AT - HOUR - i * 60_000), error_summary: importErrorSummary(random, 1000), failed_records: 1000 } : {}),
      });
    }
    exportId = server.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'PENDING', created_at: iso(START_AT - 60_000) }).id;
  };
  return withPoller(scale, seed, async ({ server, poller, bytes }) => {
    poller.setVisible(true);
    await poller.idle();
    for (let page = 1; page < 4; page++) await poller.loadMore();
    bytes.sizes.length = 0;
    const perCycle: number[] = [];
    let requests = 0;
    const finishedCycles = new Promise<void>((resolve) => {
      poller.onDidChangeState((state) => {
        if (state.kind !== 'current') return;
        perCycle.push(bytes.sizes.reduce((sum, size) => sum + size, 0));
        requests += bytes.sizes.length;
        bytes.sizes.length = 0;
        if (perCycle.length === 2) server.store.update(exportId, { task_status: 'PROCESSING' });
        if (perCycle.length >= cycles) resolve();
      });
    });
    await finishedCycles;
    const total = perCycle.reduce((sum, size) => sum + size, 0);
    return { meanBytes: total / perCycle.length, maxBytes: Math.max(...perCycle), requestsPerCycle: requests / perCycle.length };
  });
}
