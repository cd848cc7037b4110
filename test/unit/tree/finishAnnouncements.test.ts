import * as assert from 'node:assert/strict';
import type { Task } from '../../../src/api/taskSchema';
import { type Announcement, FinishAnnouncements, GROUP_WINDOW_MS, summarize } from '../../../src/tree/finishAnnouncements';
import { FakeClock } from '../polling/fakeClock';
import { makeTask } from '../polling/memoryTaskSource';

const RETRY_WINDOW_MS = 5 * 60_000;

describe('FinishAnnouncements', () => {
  let clock: FakeClock;
  let delivered: (readonly Announcement[])[];
  let announcements: FinishAnnouncements;

  beforeEach(() => {
    clock = new FakeClock();
    delivered = [];
    announcements = new FinishAnnouncements((batch) => delivered.push(batch), {
      now: () => clock.now(),
      retryWindowMs: RETRY_WINDOW_MS,
      setTimer: (callback, ms) => clock.setTimeout(callback, ms),
      clearTimer: (timer) => clock.clearTimeout(timer as number),
    });
  });
  afterEach(() => announcements.dispose());

  const at = (task: Task, patch: Partial<Task>): Task => ({ ...task, ...patch, updated_at: new Date(clock.now()).toISOString() });
  const outcomes = () => delivered.map((batch) => batch.map(({ task, outcome }) => `${task.file_name}:${outcome}`));

  it('announces a retried import\'s failure once as "may retry", then its final outcome once', async () => {
    const task = makeTask(clock.now(), { file_name: 'events.csv' });
    for (let attempt = 0; attempt < 3; attempt++) {
      announcements.finished(at(task, { task_status: 'FAILED', failed_at: new Date(clock.now()).toISOString() }));
      await clock.advance(GROUP_WINDOW_MS + 60_000);
    }
    announcements.finished(at(task, { task_status: 'COMPLETED' }));
    announcements.finished(at(task, { task_status: 'COMPLETED' }));
    await clock.advance(GROUP_WINDOW_MS);
    assert.deepEqual(outcomes(), [['events.csv:mayRetry'], ['events.csv:completed']]);
  });

  it('calls a failure final when the task is past its retry window (an export, say)', async () => {
    const old = new Date(clock.now() - RETRY_WINDOW_MS - 1).toISOString();
    const task = makeTask(clock.now(), { task_type: 'EXPORT', file_name: 'invoices.csv' });
    announcements.finished({ ...task, task_status: 'FAILED', failed_at: old, updated_at: old });
    await clock.advance(GROUP_WINDOW_MS);
    assert.deepEqual(outcomes(), [['invoices.csv:failed']]);
  });

  it('announces finishes within 5 s of the first together, and later ones apart', async () => {
    const exports = [1, 2, 3, 4, 5].map((n) => makeTask(clock.now(), { task_type: 'EXPORT', file_name: `e${n}.csv` }));
    for (const [index, task] of exports.slice(0, 4).entries()) {
      announcements.finished(at(task, index === 2 ? { task_status: 'FAILED' } : { task_status: 'COMPLETED' }));
      await clock.advance(1_000);
    }
    await clock.advance(GROUP_WINDOW_MS);
    announcements.finished(at(exports[4]!, { task_status: 'COMPLETED' }));
    await clock.advance(GROUP_WINDOW_MS);
    assert.equal(delivered.length, 2);
    assert.equal(delivered[0]!.length, 4);
    assert.equal(summarize(delivered[0]!), '4 exports finished, 1 failed');
    assert.deepEqual(outcomes()[1], ['e5.csv:completed']);
  });

  it('summarizes mixed kinds and counts completed-with-failures apart', () => {
    const batch: Announcement[] = [
      { task: makeTask(0, { task_type: 'IMPORT' }), outcome: 'completedWithFailures' },
      { task: makeTask(0, { task_type: 'EXPORT' }), outcome: 'completed' },
      { task: makeTask(0, { task_type: 'IMPORT' }), outcome: 'mayRetry' },
    ];
    assert.equal(summarize(batch), '3 tasks finished, 1 failed, 1 with failed records');
  });

  it('delivers nothing after dispose', async () => {
    announcements.finished(at(makeTask(clock.now()), { task_status: 'COMPLETED' }));
    announcements.dispose();
    await clock.advance(GROUP_WINDOW_MS * 2);
    assert.deepEqual(delivered, []);
  });
});
