import * as assert from 'node:assert/strict';
import { FlexpriceApiError } from '../../../src/api/apiError';
import type { Task } from '../../../src/api/taskSchema';
import { DEFAULT_POLL_SETTINGS, type PollSettings } from '../../../src/polling/pollSettings';
import { TaskPoller, type TaskFinished } from '../../../src/polling/taskPoller';
import { FakeClock, settle } from './fakeClock';
import { MemoryTaskSource, makeTask } from './memoryTaskSource';

describe('TaskPoller', () => {
  let clock: FakeClock;
  let source: MemoryTaskSource;
  let poller: TaskPoller;

  function start(settings: Partial<PollSettings> = {}, random = () => 0.5): TaskPoller {
    poller = new TaskPoller({
      source: async () => source,
      settings: { ...DEFAULT_POLL_SETTINGS, ...settings },
      clock,
      random,
    });
    return poller;
  }

  /** Runs `n` timer-driven cycles and returns the wait before each. */
  async function delays(n: number): Promise<(number | undefined)[]> {
    const waits: (number | undefined)[] = [];
    for (let i = 0; i < n; i++) waits.push(await clock.runNext());
    return waits;
  }

  beforeEach(() => {
    clock = new FakeClock();
    source = new MemoryTaskSource();
  });

  afterEach(() => poller?.dispose());

  describe('interval', () => {
    it('starts at the minimum and grows 1.5× per unchanged cycle up to the maximum', async () => {
      source.add(makeTask(clock.now()));
      start().setVisible(true);
      await settle();
      assert.equal(source.count('list'), 1, 'showing the view loads the list once');
      assert.deepEqual(await delays(10), [2000, 3000, 4500, 6750, 10125, 15187.5, 22781.25, 30000, 30000, 30000]);
      assert.equal(source.count('list'), 11);
    });

    it('drops back to the minimum when anything changes', async () => {
      const task = makeTask(clock.now());
      source.add(task);
      start().setVisible(true);
      assert.deepEqual(await delays(4), [2000, 3000, 4500, 6750]);
      source.update(task.id, { processed_records: 10, updated_at: new Date(clock.now()).toISOString() });
      assert.deepEqual(await delays(3), [10125, 2000, 3000], 'the cycle that saw the change is followed by the minimum');
    });

    it('counts a new task in the list as a change', async () => {
      source.add(makeTask(clock.now()));
      start().setVisible(true);
      await delays(3);
      source.add(makeTask(clock.now(), {}, 0));
      assert.deepEqual(await delays(2), [6750, 2000]);
    });

    it('uses the configured minimum and maximum', async () => {
      source.add(makeTask(clock.now()));
      start({ minIntervalMs: 1000, maxIntervalMs: 2000 }).setVisible(true);
      assert.deepEqual(await delays(4), [1000, 1500, 2000, 2000]);
    });
  });

  describe('errors', () => {
    it('backs off exponentially with jitter, then the next success restores the cadence', async () => {
      source.add(makeTask(clock.now()));
      const jitter = [0, 1, 0.5];
      start({}, () => jitter.shift() ?? 0.5).setVisible(true);
      await settle();
      const failure = () => new FlexpriceApiError('server_error', 'Flexprice answered 503.', { status: 503 });
      source.failNext.push(failure(), failure(), failure());
      // First wait is the normal 2 s; then 2 s·2ⁿ with equal jitter: half fixed, half random.
      assert.deepEqual(await delays(4), [2000, 2000, 8000, 12000]);
      assert.equal(poller.state.kind, 'current');
      assert.deepEqual(await delays(1), [3000], 'the cadence before the errors resumes');
    });

    it('keeps jitter inside the backoff bounds', async () => {
      source.add(makeTask(clock.now()));
      start({}, Math.random).setVisible(true);
      await settle();
      for (let i = 0; i < 6; i++) source.failNext.push(new FlexpriceApiError('unreachable', 'ECONNREFUSED'));
      await delays(1);
      const waits = await delays(5);
      waits.forEach((wait, index) => {
        const base = 2000 * 2 ** (index + 1);
        assert.ok(wait! >= base / 2 && wait! <= base, `wait ${wait} outside [${base / 2}, ${base}]`);
      });
    });

    it('obeys Retry-After exactly, even while unfocused', async () => {
      source.add(makeTask(clock.now()));
      start().setVisible(true);
      await settle();
      source.failNext.push(new FlexpriceApiError('rate_limited', 'Too many requests', { status: 429, retryAfterMs: 7_000 }));
      poller.setFocused(false);
      assert.deepEqual(await delays(2), [8000, 7000], 'unfocused ×4 for the normal wait, Retry-After as sent');
    });

    it('stops on a refused key until reset, and sends nothing meanwhile', async () => {
      const task = makeTask(clock.now());
      source.add(task);
      start().setVisible(true);
      await settle();
      source.failNext.push(new FlexpriceApiError('unauthorized', 'Invalid API key', { status: 401 }));
      await delays(1);
      assert.equal(poller.state.kind, 'failed');
      assert.equal(poller.state.kind === 'failed' && poller.state.stopped, true);
      const sent = source.calls.length;
      await clock.advance(60 * 60_000);
      assert.equal(source.calls.length, sent);
      assert.equal(clock.pendingTimers, 0);
      // Still running, not stuck: it moved during the hour (a stuck one is polled every 10 min).
      source.update(task.id, { updated_at: new Date(clock.now()).toISOString() });
      poller.reset();
      await settle();
      assert.equal(source.calls.length, sent + 1);
      assert.equal(poller.state.kind, 'current');
      assert.deepEqual(await delays(1), [2000]);
    });

    it('treats forbidden like unauthorized', async () => {
      source.add(makeTask(clock.now()));
      start().setVisible(true);
      await settle();
      source.failNext.push(new FlexpriceApiError('forbidden', 'Invalid or inaccessible environment', { status: 403 }));
      await delays(1);
      assert.equal(clock.pendingTimers, 0);
    });
  });

  describe('pause and resume', () => {
    it('sends nothing while the view is hidden, and one cycle at once when it shows again', async () => {
      source.add(makeTask(clock.now()));
      start().setVisible(true);
      await delays(2);
      poller.setVisible(false);
      const sent = source.calls.length;
      await clock.advance(10 * 60_000);
      assert.equal(source.calls.length, sent);
      poller.setVisible(true);
      await settle();
      assert.equal(source.calls.length, sent + 1, 'one cycle on becoming visible, without waiting');
    });

    it('stretches the interval while unfocused and runs a cycle at once on refocus', async () => {
      source.add(makeTask(clock.now()));
      start().setVisible(true);
      await settle();
      poller.setFocused(false);
      assert.deepEqual(await delays(2), [8000, 12000]);
      const sent = source.calls.length;
      poller.setFocused(true);
      await settle();
      assert.equal(source.calls.length, sent + 1);
    });

    it('keeps a panel\'s task fresh while the view is hidden, with one GET /tasks/{id} per cycle', async () => {
      const task = makeTask(clock.now());
      source.add(task);
      start();
      const seen: Task[] = [];
      const watch = poller.watch(task.id, { onUpdate: (t) => seen.push(t) });
      await settle();
      assert.equal(seen.length, 1, 'the first read reaches the panel');
      await delays(3);
      assert.equal(source.count('list'), 0);
      assert.equal(source.count('get'), 4);
      assert.equal(seen.length, 1, 'unchanged reads are not repeated');
      source.update(task.id, { task_status: 'COMPLETED' });
      await delays(1);
      assert.equal(seen.at(-1)?.task_status, 'COMPLETED');
      assert.equal(clock.pendingTimers, 0, 'a completed task needs no more polling');
      watch.dispose();
    });

    it('tells watchers about failed cycles, and when polling stopped', async () => {
      const task = makeTask(clock.now());
      source.add(task);
      start();
      const errors: [string, boolean][] = [];
      const watch = poller.watch(task.id, { onUpdate: () => undefined, onError: (e, stopped) => errors.push([(e as FlexpriceApiError).kind, stopped]) });
      await settle();
      source.failNext.push(new FlexpriceApiError('server_error', 'boom'), new FlexpriceApiError('unauthorized', 'no'));
      await delays(2);
      assert.deepEqual(errors, [['server_error', false], ['unauthorized', true]]);
      watch.dispose();
    });

    it('stops when the last panel watch is disposed', async () => {
      const task = makeTask(clock.now());
      source.add(task);
      start();
      const watch = poller.watch(task.id, { onUpdate: () => undefined });
      await delays(1);
      watch.dispose();
      const sent = source.calls.length;
      await clock.advance(10 * 60_000);
      assert.equal(source.calls.length, sent);
    });

    it('sends nothing while auto-refresh is off, but still refreshes on demand', async () => {
      source.add(makeTask(clock.now()));
      start({ autoRefresh: false }).setVisible(true);
      await settle();
      await clock.advance(10 * 60_000);
      assert.equal(source.calls.length, 1);
      await poller.refresh();
      assert.equal(source.calls.length, 2);
    });
  });

  describe('cost', () => {
    it('never overlaps cycles: refreshes during a slow cycle wait for it and run once', async () => {
      source.add(makeTask(clock.now()));
      start().setVisible(true);
      await settle();
      source.holdAnswers = true;
      await clock.runNext();
      assert.equal(source.heldCount, 1);
      const refreshes = [poller.refresh(), poller.refresh(), poller.refresh()];
      await clock.advance(5 * 60_000);
      assert.equal(source.count('list'), 2, 'nothing new starts while a cycle is out');
      source.holdAnswers = false;
      source.releaseHeld();
      await Promise.all(refreshes);
      assert.equal(source.count('list'), 3, 'the three refreshes share one cycle after the slow one');
      assert.equal(source.maxConcurrent, 1);
    });

    it('makes one request per cycle however many tasks run', async () => {
      for (let i = 0; i < 100; i++) source.add(makeTask(clock.now()));
      start({ pageSize: 100 }).setVisible(true);
      await delays(20);
      assert.equal(source.count('list'), 21);
      assert.equal(source.count('get'), 0);
    });

    it('fetches a watched task separately only when it is off the page', async () => {
      const old = makeTask(clock.now(), {}, 10 * 60_000);
      source.add(old);
      for (let i = 0; i < 5; i++) source.add(makeTask(clock.now()));
      start({ pageSize: 5 });
      poller.setPinned([old.id, [...source.tasks.keys()][1]]);
      poller.setVisible(true);
      await delays(4);
      assert.equal(source.count('list'), 5);
      assert.deepEqual(
        source.calls.filter((c) => c.kind === 'get').map((c) => (c.kind === 'get' ? c.id : '')),
        Array(5).fill(old.id),
      );
    });

    it('sends no request at all when nothing runs', async () => {
      source.add(makeTask(clock.now(), { task_status: 'COMPLETED' }), makeTask(clock.now(), { task_status: 'FAILED', failed_at: new Date(clock.now() - 3_600_000).toISOString() }, 7_200_000));
      start().setVisible(true);
      await settle();
      assert.equal(source.calls.length, 1, 'the view needs its first load');
      await clock.advance(24 * 60 * 60_000);
      assert.equal(source.calls.length, 1);
      assert.equal(clock.pendingTimers, 0);
    });

    it('sends nothing before the view is shown', async () => {
      source.add(makeTask(clock.now()));
      start();
      await clock.advance(60 * 60_000);
      assert.equal(source.calls.length, 0);
    });
  });

  describe('changes', () => {
    it('sees a FAILED import come back to PROCESSING and finish', async () => {
      const task = makeTask(clock.now());
      source.add(task);
      start().setVisible(true);
      const finished: TaskFinished[] = [];
      poller.onDidFinishTask((event) => finished.push(event));
      await settle();
      source.update(task.id, { task_status: 'FAILED', failed_at: new Date(clock.now()).toISOString() });
      await delays(1);
      assert.ok(clock.pendingTimers > 0, 'a fresh FAILED import may be retried: keep polling');
      source.update(task.id, { task_status: 'PROCESSING', failed_at: undefined });
      await delays(1);
      assert.equal(poller.task(task.id)?.task_status, 'PROCESSING');
      source.update(task.id, { task_status: 'COMPLETED' });
      await delays(1);
      assert.deepEqual(
        finished.map((e) => `${e.previous.task_status}→${e.task.task_status}`),
        ['PROCESSING→FAILED', 'PROCESSING→COMPLETED'],
      );
      assert.equal(clock.pendingTimers, 0);
    });

    it('stops polling a FAILED task once the retry window has passed', async () => {
      source.add(makeTask(clock.now(), { task_status: 'FAILED', failed_at: new Date(clock.now()).toISOString() }));
      start({ retryWindowMs: 60_000 }).setVisible(true);
      await clock.advance(10 * 60_000);
      const sent = source.calls.length;
      assert.ok(sent > 1 && sent < 12, `${sent} requests`);
      await clock.advance(60 * 60_000);
      assert.equal(source.calls.length, sent);
    });

    it('reports a finish once, and reports the tasks that changed in place', async () => {
      const task = makeTask(clock.now(), { task_status: 'PENDING' });
      source.add(task, makeTask(clock.now()));
      start().setVisible(true);
      const finished: TaskFinished[] = [];
      const changes: { updated: string[]; structural: boolean }[] = [];
      poller.onDidFinishTask((event) => finished.push(event));
      poller.onDidChange((c) => changes.push({ updated: c.updated.map((t) => t.id), structural: c.structural }));
      await settle();
      source.update(task.id, { task_status: 'COMPLETED' });
      await delays(3);
      assert.equal(finished.length, 1);
      assert.equal(finished[0].task.id, task.id);
      assert.deepEqual(changes.at(-1), { updated: [task.id], structural: false });
    });

    it('sends the filter and grows the page with Load more', async () => {
      for (let i = 0; i < 7; i++) source.add(makeTask(clock.now(), { task_type: i % 2 ? 'EXPORT' : 'IMPORT' }));
      start({ pageSize: 2 }).setVisible(true);
      await settle();
      await poller.setFilter({ taskType: 'EXPORT' });
      assert.deepEqual(source.calls.at(-1), { kind: 'list', query: { taskType: 'EXPORT', limit: 2, offset: 0 } });
      assert.equal(poller.tasks?.length, 2);
      assert.equal(poller.hasMore, true);
      await poller.loadMore();
      assert.equal(poller.tasks?.length, 3);
      assert.equal(poller.hasMore, false);
      assert.ok(poller.tasks?.every((t) => t.task_type === 'EXPORT'));
    });

    it('drops an answer that arrives after the filter changed', async () => {
      source.add(makeTask(clock.now(), { task_type: 'IMPORT' }), makeTask(clock.now(), { task_type: 'EXPORT' }));
      start();
      source.holdAnswers = true;
      poller.setVisible(true);
      await settle();
      const filtered = poller.setFilter({ taskType: 'EXPORT' });
      source.holdAnswers = false;
      source.releaseHeld();
      await filtered;
      assert.deepEqual(poller.tasks?.map((t) => t.task_type), ['EXPORT']);
    });

    it('says when no key is set, and asks nothing', async () => {
      poller = new TaskPoller({ source: async () => undefined, settings: DEFAULT_POLL_SETTINGS, clock });
      poller.setVisible(true);
      await settle();
      assert.equal(poller.state.kind, 'noKey');
      assert.equal(clock.pendingTimers, 0);
    });
  });
});
