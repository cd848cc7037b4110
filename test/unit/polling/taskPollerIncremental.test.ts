import * as assert from 'node:assert/strict';
import type { Task } from '../../../src/api/taskSchema';
import { DEFAULT_POLL_SETTINGS, type PollSettings } from '../../../src/polling/pollSettings';
import { TaskPoller, type TaskFinished } from '../../../src/polling/taskPoller';
import { FakeClock, settle } from './fakeClock';
import { MemoryTaskSource, makeTask } from './memoryTaskSource';

const HOUR = 3_600_000;
/** An error summary of `entries` import errors, about 60 bytes each. */
const bigSummary = (entries: number) => Array.from({ length: entries }, (_, i) => `Record ${i}: invalid value for field 'amount' in row`).join('; ');

/** Cycles that read only what changed since the last read, and what they must still get right. */
describe('TaskPoller incremental cycles', () => {
  let clock: FakeClock;
  let source: MemoryTaskSource;
  let poller: TaskPoller;
  let finished: TaskFinished[];

  function start(settings: Partial<PollSettings> = {}): TaskPoller {
    poller = new TaskPoller({ source: async () => source, settings: { ...DEFAULT_POLL_SETTINGS, ...settings }, clock, random: () => 0.5 });
    poller.onDidFinishTask((event) => finished.push(event));
    return poller;
  }

  /** Shows the view and waits for the first read. */
  async function show(): Promise<void> {
    poller.setVisible(true);
    await settle();
    await poller.idle();
  }

  async function cycle(): Promise<void> {
    await clock.runNext();
    await poller.idle();
  }

  const ids = () => poller.tasks?.map((task) => task.id);

  beforeEach(() => {
    clock = new FakeClock();
    source = new MemoryTaskSource();
    finished = [];
  });

  afterEach(() => poller?.dispose());

  it('downloads kilobytes, not every loaded page, while one export runs among 200 with large summaries', async () => {
    const old = clock.now() - 2 * HOUR;
    for (let i = 0; i < 199; i++) {
      const failed = i % 4 === 1;
      source.add(makeTask(old, failed ? { task_status: 'FAILED', error_summary: bigSummary(1000), failed_at: new Date(old).toISOString() } : { task_status: 'COMPLETED' }, i * 60_000));
    }
    const running = makeTask(clock.now(), { task_type: 'EXPORT', entity_type: 'invoice', task_status: 'PROCESSING' }, 1000);
    source.add(running);
    start();
    await show();
    for (let page = 1; page < 4; page++) await poller.loadMore();
    assert.equal(poller.tasks?.length, 200);
    const loadedBytes = source.listBytes.reduce((sum, bytes) => sum + bytes, 0);
    source.listBytes.length = 0;
    for (let i = 0; i < 5; i++) await cycle();
    source.update(running.id, { task_status: 'COMPLETED', total_records: 10 });
    await cycle();
    const perCycle = Math.max(...source.listBytes);
    assert.ok(loadedBytes > 2_000_000, `the loaded pages are megabytes (${loadedBytes})`);
    assert.ok(perCycle < 20_000, `each cycle's list answer stays under 20 KB (largest ${perCycle})`);
    assert.deepEqual(finished.map((event) => event.task.id), [running.id]);
    assert.equal(poller.task(running.id)?.task_status, 'COMPLETED');
    assert.equal(poller.tasks?.length, 200);
  });

  it('puts a task created since the last read at the top, and counts it', async () => {
    const a = makeTask(clock.now(), { task_status: 'PROCESSING' });
    source.add(a, makeTask(clock.now(), { task_status: 'COMPLETED' }));
    start();
    await show();
    const fresh = makeTask(clock.now() + 60_000, { task_status: 'PENDING' }, 0);
    source.add({ ...fresh, updated_at: new Date(clock.now() + 60_000).toISOString() });
    await cycle();
    assert.equal(ids()?.[0], fresh.id);
    assert.equal(poller.total, 3);
    assert.equal(poller.tasks?.length, 3);
  });

  it('takes a task out of a status-filtered list when it leaves the status, and announces its finish', async () => {
    const a = makeTask(clock.now(), { task_status: 'PROCESSING' });
    const b = makeTask(clock.now(), { task_status: 'PROCESSING' });
    source.add(a, b, makeTask(clock.now(), { task_status: 'COMPLETED' }));
    start();
    poller.setVisible(true);
    await poller.setFilter({ taskStatus: 'PROCESSING' });
    assert.deepEqual(ids(), [a.id, b.id]);
    source.update(a.id, { task_status: 'COMPLETED' });
    await cycle();
    assert.deepEqual(ids(), [b.id]);
    assert.equal(poller.total, 1);
    assert.deepEqual(finished.map((event) => event.task.id), [a.id]);
    const last = source.calls.at(-1);
    assert.ok(last?.kind === 'list' && last.query.sort === 'updated_at' && last.query.taskStatus === undefined, 'the change read leaves the status out');
  });

  it('brings a task into a status-filtered list at its place when it takes the status', async () => {
    const older = makeTask(clock.now(), { task_status: 'FAILED', failed_at: new Date(clock.now()).toISOString() }, 10 * 60_000);
    const running = makeTask(clock.now(), { task_status: 'PROCESSING' }, 5 * 60_000);
    const newest = makeTask(clock.now(), { task_status: 'FAILED', failed_at: new Date(clock.now()).toISOString() }, 60_000);
    source.add(older, running, newest);
    start();
    poller.setVisible(true);
    await poller.setFilter({ taskStatus: 'FAILED' });
    assert.deepEqual(ids(), [newest.id, older.id]);
    source.update(running.id, { task_status: 'FAILED', failed_at: new Date(clock.now()).toISOString() });
    await cycle();
    assert.deepEqual(ids(), [newest.id, running.id, older.id]);
    assert.equal(poller.total, 3);
  });

  it('reads the list again when a task disappeared, and drops it', async () => {
    const a = makeTask(clock.now(), { task_status: 'PROCESSING' });
    const gone = makeTask(clock.now(), { task_status: 'COMPLETED' });
    source.add(a, gone);
    start();
    await show();
    source.tasks.delete(gone.id);
    source.update(a.id, { processed_records: 5 });
    await cycle();
    assert.deepEqual(ids(), [a.id]);
    assert.equal(poller.total, 1);
    const last = source.calls.at(-1);
    assert.ok(last?.kind === 'list' && last.query.sort === undefined, 'a full read followed at once');
  });

  it('reads the list again when more changed than is loaded', async () => {
    const tasks = Array.from({ length: 6 }, () => makeTask(clock.now(), { task_status: 'PROCESSING' }));
    source.add(...tasks);
    start({ pageSize: 3 });
    await show();
    assert.equal(poller.tasks?.length, 3);
    for (const task of tasks) source.update(task.id, { processed_records: 1 });
    await cycle();
    const lists = source.calls.filter((call) => call.kind === 'list').slice(1);
    assert.deepEqual(lists.map((call) => call.kind === 'list' && [call.query.sort, call.query.limit]), [['updated_at', 3], [undefined, 3]]);
    assert.ok(poller.tasks?.every((task) => task.processed_records === 1));
  });

  it('reads a burst of changes larger than it expected within the same cycle, doubling the ask', async () => {
    const tasks = Array.from({ length: 30 }, () => makeTask(clock.now(), { task_status: 'PROCESSING' }));
    source.add(...tasks);
    start();
    await show();
    for (const task of tasks) source.update(task.id, { task_status: 'COMPLETED' });
    const before = source.calls.length;
    await cycle();
    const asked = source.calls.slice(before).map((call) => call.kind === 'list' && call.query.limit);
    assert.deepEqual(asked, [10, 20, 40]);
    assert.equal(finished.length, 30);
    assert.ok(poller.tasks?.every((task) => task.task_status === 'COMPLETED'));
  });

  it('keeps a watched task off the loaded page fresh when its change comes in the change read', async () => {
    const offPage = makeTask(clock.now(), { task_status: 'PROCESSING' }, 60 * 60_000);
    source.add(offPage, makeTask(clock.now(), { task_status: 'PROCESSING' }), makeTask(clock.now(), { task_status: 'PROCESSING' }));
    start({ pageSize: 2 });
    const seen: string[] = [];
    poller.watch(offPage.id, { onUpdate: (task) => seen.push(String(task.task_status)) });
    await show();
    source.update(offPage.id, { task_status: 'COMPLETED' });
    await cycle();
    await cycle();
    assert.equal(poller.task(offPage.id)?.task_status, 'COMPLETED');
    assert.deepEqual(seen, ['PROCESSING', 'COMPLETED']);
  });

  it('fetches only the next page on Load more, and a full read on Refresh', async () => {
    for (let i = 0; i < 5; i++) source.add(makeTask(clock.now(), { task_status: 'COMPLETED' }));
    start({ pageSize: 2 });
    await show();
    await poller.loadMore();
    assert.deepEqual(source.calls.at(-1), { kind: 'list', query: { limit: 2, offset: 2 } });
    assert.equal(poller.tasks?.length, 4);
    await poller.refresh();
    assert.deepEqual(source.calls.at(-1), { kind: 'list', query: { limit: 4, offset: 0 } });
    assert.equal(poller.tasks?.length, 4);
  });

  it('does not repeat a task on the next page when a new one pushed it down', async () => {
    const tasks: Task[] = Array.from({ length: 4 }, () => makeTask(clock.now(), { task_status: 'COMPLETED' }));
    source.add(...tasks);
    start({ pageSize: 2 });
    await show();
    source.add(makeTask(clock.now() + 1000, { task_status: 'COMPLETED' }, 0));
    await poller.loadMore();
    assert.equal(new Set(ids()).size, ids()?.length, 'no task twice');
  });
});
