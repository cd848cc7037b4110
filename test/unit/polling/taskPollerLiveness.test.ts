import * as assert from 'node:assert/strict';
import { FlexpriceApiError } from '../../../src/api/apiError';
import type { Task } from '../../../src/api/taskSchema';
import { DEFAULT_POLL_SETTINGS } from '../../../src/polling/pollSettings';
import { TaskPoller } from '../../../src/polling/taskPoller';
import { FakeClock, settle } from './fakeClock';
import { MemoryTaskSource, makeTask } from './memoryTaskSource';

const HOUR = 60 * 60_000;

/**
 * The engine's failures in ordinary situations: a panel frozen by a hidden sidebar, a server's
 * Retry-After taken as given, listeners that throw, and tasks that will never change.
 */
describe('TaskPoller liveness', () => {
  let clock: FakeClock;
  let source: MemoryTaskSource;
  let poller: TaskPoller;

  beforeEach(() => {
    clock = new FakeClock();
    source = new MemoryTaskSource();
    poller = new TaskPoller({ source: async () => source, settings: DEFAULT_POLL_SETTINGS, clock, random: () => 0.5 });
  });
  afterEach(() => poller.dispose());

  it('keeps a panel live when the sidebar is hidden, even though its task was on the loaded page', async () => {
    const task = makeTask(clock.now());
    source.add(task);
    poller.setVisible(true);
    await settle();
    const seen: Task[] = [];
    const finished: string[] = [];
    poller.onDidFinishTask((event) => finished.push(event.task.id));
    const watch = poller.watch(task.id, { onUpdate: (read) => seen.push(read) });
    poller.setVisible(false);
    source.update(task.id, { task_status: 'COMPLETED', updated_at: new Date(clock.now() + 1000).toISOString() });
    await clock.advance(DEFAULT_POLL_SETTINGS.maxIntervalMs);
    assert.equal(seen.at(-1)?.task_status, 'COMPLETED', 'the panel saw the task finish within one max interval');
    assert.deepEqual(finished, [task.id], 'the finish was reported');
    assert.equal(poller.task(task.id)?.task_status, 'COMPLETED', 'the status bar counts from fresh reads');
    assert.equal(source.count('list'), 1, 'the hidden view asked for no list');
    watch.dispose();
  });

  it('clamps Retry-After to at least the minimum interval', async () => {
    source.add(makeTask(clock.now()));
    poller.setVisible(true);
    await settle();
    for (let i = 0; i < 3; i++) source.failNext.push(new FlexpriceApiError('rate_limited', 'slow down', { status: 429, retryAfterMs: 0 }));
    const sent = source.calls.length;
    await clock.advance(DEFAULT_POLL_SETTINGS.minIntervalMs - 1 + DEFAULT_POLL_SETTINGS.minIntervalMs);
    assert.ok(source.calls.length - sent <= 2, `Retry-After 0 sent ${source.calls.length - sent} requests in 4 s`);
  });

  it('clamps Retry-After to at most an hour, and never sets a timer past 2^31−1 ms', async () => {
    source.add(makeTask(clock.now()));
    poller.setVisible(true);
    await settle();
    source.failNext.push(new FlexpriceApiError('rate_limited', 'slow down', { status: 429, retryAfterMs: 30 * 24 * HOUR }));
    await clock.runNext();
    const sent = source.calls.length;
    assert.equal(await clock.runNext(), HOUR);
    assert.equal(source.calls.length, sent + 1);
  });

  it('keeps polling when a change listener throws, and still tells the other listeners', async () => {
    const task = makeTask(clock.now());
    source.add(task);
    poller.onDidChange(() => {
      throw new Error('a broken listener');
    });
    const heard: number[] = [];
    poller.onDidChange(() => heard.push(clock.now()));
    const seen: string[] = [];
    poller.watch(task.id, {
      onUpdate: () => {
        throw new Error('a broken panel');
      },
    });
    poller.watch(task.id, { onUpdate: (read) => seen.push(read.task_status ?? '') });
    poller.setVisible(true);
    await settle();
    assert.ok(heard.length > 0, 'the second change listener heard the first load');
    source.update(task.id, { task_status: 'COMPLETED' });
    await clock.advance(DEFAULT_POLL_SETTINGS.maxIntervalMs);
    assert.equal(seen.at(-1), 'COMPLETED', 'the healthy watcher kept getting updates');
    assert.notEqual(poller.state.kind, 'failed', 'a listener error is not a poll failure');
  });

  it('settles a task with an unknown status after the retry window', async () => {
    const task = makeTask(clock.now(), { task_status: 'CANCELLED', updated_at: new Date(clock.now()).toISOString() });
    source.add(task);
    poller.setVisible(true);
    await clock.advance(DEFAULT_POLL_SETTINGS.retryWindowMs + DEFAULT_POLL_SETTINGS.maxIntervalMs);
    const sent = source.calls.length;
    await clock.advance(HOUR);
    assert.equal(source.calls.length, sent, 'no requests once the unknown status has settled');
    assert.equal(clock.pendingTimers, 0);
  });

  it('keeps a list\'s unreadable items, logs them once, and never fetches one alone', async () => {
    source.add(makeTask(clock.now()));
    const broken = { id: 'task_unreadable_01', problem: 'total_records: expected number', raw: { id: 'task_unreadable_01', total_records: '12' } };
    const withBroken = {
      listTasks: async (query: Parameters<MemoryTaskSource['listTasks']>[0]) => {
        const page = await source.listTasks(query);
        return { ...page, unreadable: [broken], pagination: { ...page.pagination, total: page.pagination.total + 1 } };
      },
      getTask: (id: string) => source.getTask(id),
    };
    const warnings: string[] = [];
    const log = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: (line: string) => void warnings.push(line), error: () => undefined };
    poller.dispose();
    poller = new TaskPoller({ source: async () => withBroken, settings: DEFAULT_POLL_SETTINGS, clock, random: () => 0.5, log });
    poller.setPinned([broken.id]);
    poller.setVisible(true);
    await clock.advance(3 * DEFAULT_POLL_SETTINGS.minIntervalMs);
    assert.deepEqual(poller.unreadable, [broken]);
    assert.equal(poller.hasMore, false, 'the unreadable item counts as loaded');
    assert.equal(source.count('get'), 0, 'its own read would be just as unreadable');
    assert.deepEqual(warnings, ['Unreadable task task_unreadable_01: total_records: expected number']);
  });

  it('polls an export stuck PROCESSING for hours at most every 10 minutes', async () => {
    const stuck = makeTask(clock.now(), { task_type: 'EXPORT', task_status: 'PROCESSING' }, 3 * HOUR);
    source.add(stuck);
    poller.setVisible(true);
    await settle();
    assert.equal(source.count(), 1, 'the first load');
    await clock.advance(10 * 60_000 - 1);
    assert.equal(source.count(), 1, 'nothing more within 10 minutes');
    await clock.advance(1);
    assert.equal(source.count(), 2);
    assert.equal(poller.isStale(stuck.id), true);
  });
});
